export namespace app {
	
	export class AdminInput {
	    name: string;
	    fullName: string;
	    password: string;
	    pin: string;
	
	    static createFrom(source: any = {}) {
	        return new AdminInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.fullName = source["fullName"];
	        this.password = source["password"];
	        this.pin = source["pin"];
	    }
	}
	export class AuditEntry {
	    id: string;
	    at: string;
	    userName: string;
	    deviceId: string;
	    action: string;
	    entity: string;
	    entityId: string;
	    changes: string;
	
	    static createFrom(source: any = {}) {
	        return new AuditEntry(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.at = source["at"];
	        this.userName = source["userName"];
	        this.deviceId = source["deviceId"];
	        this.action = source["action"];
	        this.entity = source["entity"];
	        this.entityId = source["entityId"];
	        this.changes = source["changes"];
	    }
	}
	export class AuditFilter {
	    entity: string;
	    limit: number;
	
	    static createFrom(source: any = {}) {
	        return new AuditFilter(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.entity = source["entity"];
	        this.limit = source["limit"];
	    }
	}
	export class Company {
	    name: string;
	    addressLine1: string;
	    addressLine2: string;
	    postalCode: string;
	    city: string;
	    country: string;
	    currency: string;
	    taxId: string;
	    email: string;
	    phone: string;
	    logoDataUrl: string;
	    updatedAt: string;
	
	    static createFrom(source: any = {}) {
	        return new Company(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.addressLine1 = source["addressLine1"];
	        this.addressLine2 = source["addressLine2"];
	        this.postalCode = source["postalCode"];
	        this.city = source["city"];
	        this.country = source["country"];
	        this.currency = source["currency"];
	        this.taxId = source["taxId"];
	        this.email = source["email"];
	        this.phone = source["phone"];
	        this.logoDataUrl = source["logoDataUrl"];
	        this.updatedAt = source["updatedAt"];
	    }
	}
	export class CompanyInput {
	    name: string;
	    addressLine1: string;
	    addressLine2: string;
	    postalCode: string;
	    city: string;
	    country: string;
	    currency: string;
	    taxId: string;
	    email: string;
	    phone: string;
	    logoDataUrl: string;
	
	    static createFrom(source: any = {}) {
	        return new CompanyInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.addressLine1 = source["addressLine1"];
	        this.addressLine2 = source["addressLine2"];
	        this.postalCode = source["postalCode"];
	        this.city = source["city"];
	        this.country = source["country"];
	        this.currency = source["currency"];
	        this.taxId = source["taxId"];
	        this.email = source["email"];
	        this.phone = source["phone"];
	        this.logoDataUrl = source["logoDataUrl"];
	    }
	}
	export class Country {
	    code: string;
	    name: string;
	
	    static createFrom(source: any = {}) {
	        return new Country(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.code = source["code"];
	        this.name = source["name"];
	    }
	}
	export class Currency {
	    code: string;
	    name: string;
	    minorUnits: number;
	
	    static createFrom(source: any = {}) {
	        return new Currency(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.code = source["code"];
	        this.name = source["name"];
	        this.minorUnits = source["minorUnits"];
	    }
	}
	export class DeviceInfo {
	    id: string;
	    name: string;
	    stationCode: string;
	
	    static createFrom(source: any = {}) {
	        return new DeviceInfo(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	        this.stationCode = source["stationCode"];
	    }
	}
	export class LoginUser {
	    id: string;
	    name: string;
	    fullName: string;
	    role: string;
	    hasPin: boolean;
	
	    static createFrom(source: any = {}) {
	        return new LoginUser(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	        this.fullName = source["fullName"];
	        this.role = source["role"];
	        this.hasPin = source["hasPin"];
	    }
	}
	export class UserView {
	    id: string;
	    name: string;
	    fullName: string;
	    role: string;
	    active: boolean;
	    hasPin: boolean;
	    lockedUntil: string;
	    createdAt: string;
	
	    static createFrom(source: any = {}) {
	        return new UserView(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	        this.fullName = source["fullName"];
	        this.role = source["role"];
	        this.active = source["active"];
	        this.hasPin = source["hasPin"];
	        this.lockedUntil = source["lockedUntil"];
	        this.createdAt = source["createdAt"];
	    }
	}
	export class SessionInfo {
	    loggedIn: boolean;
	    locked: boolean;
	    user: UserView;
	    permissions: string[];
	
	    static createFrom(source: any = {}) {
	        return new SessionInfo(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.loggedIn = source["loggedIn"];
	        this.locked = source["locked"];
	        this.user = this.convertValues(source["user"], UserView);
	        this.permissions = source["permissions"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class SetupRequest {
	    company: CompanyInput;
	    admin: AdminInput;
	
	    static createFrom(source: any = {}) {
	        return new SetupRequest(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.company = this.convertValues(source["company"], CompanyInput);
	        this.admin = this.convertValues(source["admin"], AdminInput);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class SetupStatus {
	    needsSetup: boolean;
	    deviceName: string;
	
	    static createFrom(source: any = {}) {
	        return new SetupStatus(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.needsSetup = source["needsSetup"];
	        this.deviceName = source["deviceName"];
	    }
	}
	export class SyncStatus {
	    mode: string;
	    online: boolean;
	    pending: number;
	    lastSync: string;
	    lastError: string;
	
	    static createFrom(source: any = {}) {
	        return new SyncStatus(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.mode = source["mode"];
	        this.online = source["online"];
	        this.pending = source["pending"];
	        this.lastSync = source["lastSync"];
	        this.lastError = source["lastError"];
	    }
	}
	export class StatusInfo {
	    device: DeviceInfo;
	    sync: SyncStatus;
	    version: string;
	
	    static createFrom(source: any = {}) {
	        return new StatusInfo(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.device = this.convertValues(source["device"], DeviceInfo);
	        this.sync = this.convertValues(source["sync"], SyncStatus);
	        this.version = source["version"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	export class UserInput {
	    name: string;
	    fullName: string;
	    role: string;
	    password: string;
	    pin: string;
	
	    static createFrom(source: any = {}) {
	        return new UserInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.fullName = source["fullName"];
	        this.role = source["role"];
	        this.password = source["password"];
	        this.pin = source["pin"];
	    }
	}

}

