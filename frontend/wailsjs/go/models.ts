export namespace app {
	
	export class AddressInput {
	    kind: string;
	    default: boolean;
	    name: string;
	    company: string;
	    line1: string;
	    line2: string;
	    postalCode: string;
	    city: string;
	    region: string;
	    country: string;
	    phone: string;
	
	    static createFrom(source: any = {}) {
	        return new AddressInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.kind = source["kind"];
	        this.default = source["default"];
	        this.name = source["name"];
	        this.company = source["company"];
	        this.line1 = source["line1"];
	        this.line2 = source["line2"];
	        this.postalCode = source["postalCode"];
	        this.city = source["city"];
	        this.region = source["region"];
	        this.country = source["country"];
	        this.phone = source["phone"];
	    }
	}
	export class AddressView {
	    kind: string;
	    default: boolean;
	    name: string;
	    company: string;
	    line1: string;
	    line2: string;
	    postalCode: string;
	    city: string;
	    region: string;
	    country: string;
	    phone: string;
	    id: string;
	    customerId: string;
	    updatedAt: string;
	
	    static createFrom(source: any = {}) {
	        return new AddressView(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.kind = source["kind"];
	        this.default = source["default"];
	        this.name = source["name"];
	        this.company = source["company"];
	        this.line1 = source["line1"];
	        this.line2 = source["line2"];
	        this.postalCode = source["postalCode"];
	        this.city = source["city"];
	        this.region = source["region"];
	        this.country = source["country"];
	        this.phone = source["phone"];
	        this.id = source["id"];
	        this.customerId = source["customerId"];
	        this.updatedAt = source["updatedAt"];
	    }
	}
	export class AdjustmentInput {
	    productId: string;
	    warehouseId: string;
	    binId: string;
	    quantity: number;
	    reason: string;
	
	    static createFrom(source: any = {}) {
	        return new AdjustmentInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.productId = source["productId"];
	        this.warehouseId = source["warehouseId"];
	        this.binId = source["binId"];
	        this.quantity = source["quantity"];
	        this.reason = source["reason"];
	    }
	}
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
	export class BackorderView {
	    lineId: string;
	    orderId: string;
	    orderNumber: string;
	    orderStatus: string;
	    customerName: string;
	    warehouseId: string;
	    productId: string;
	    sku: string;
	    name: string;
	    quantity: number;
	    backordered: number;
	    available: number;
	    orderedAt: string;
	
	    static createFrom(source: any = {}) {
	        return new BackorderView(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.lineId = source["lineId"];
	        this.orderId = source["orderId"];
	        this.orderNumber = source["orderNumber"];
	        this.orderStatus = source["orderStatus"];
	        this.customerName = source["customerName"];
	        this.warehouseId = source["warehouseId"];
	        this.productId = source["productId"];
	        this.sku = source["sku"];
	        this.name = source["name"];
	        this.quantity = source["quantity"];
	        this.backordered = source["backordered"];
	        this.available = source["available"];
	        this.orderedAt = source["orderedAt"];
	    }
	}
	export class BackorderPage {
	    items: BackorderView[];
	    total: number;
	
	    static createFrom(source: any = {}) {
	        return new BackorderPage(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.items = this.convertValues(source["items"], BackorderView);
	        this.total = source["total"];
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
	
	export class Barcode {
	    value: string;
	    symbology: string;
	
	    static createFrom(source: any = {}) {
	        return new Barcode(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.value = source["value"];
	        this.symbology = source["symbology"];
	    }
	}
	export class Bin {
	    id: string;
	    warehouseId: string;
	    code: string;
	    active: boolean;
	
	    static createFrom(source: any = {}) {
	        return new Bin(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.warehouseId = source["warehouseId"];
	        this.code = source["code"];
	        this.active = source["active"];
	    }
	}
	export class CarrierChange {
	    name: string;
	    trackingUrl: string;
	    trackingPattern: string;
	    active: boolean;
	
	    static createFrom(source: any = {}) {
	        return new CarrierChange(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.trackingUrl = source["trackingUrl"];
	        this.trackingPattern = source["trackingPattern"];
	        this.active = source["active"];
	    }
	}
	export class CarrierServiceChange {
	    code: string;
	    name: string;
	    active: boolean;
	
	    static createFrom(source: any = {}) {
	        return new CarrierServiceChange(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.code = source["code"];
	        this.name = source["name"];
	        this.active = source["active"];
	    }
	}
	export class CarrierServiceView {
	    id: string;
	    carrierId: string;
	    code: string;
	    name: string;
	    active: boolean;
	
	    static createFrom(source: any = {}) {
	        return new CarrierServiceView(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.carrierId = source["carrierId"];
	        this.code = source["code"];
	        this.name = source["name"];
	        this.active = source["active"];
	    }
	}
	export class ShippingZoneView {
	    id: string;
	    carrierId: string;
	    name: string;
	    countries: string[];
	
	    static createFrom(source: any = {}) {
	        return new ShippingZoneView(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.carrierId = source["carrierId"];
	        this.name = source["name"];
	        this.countries = source["countries"];
	    }
	}
	export class CarrierView {
	    id: string;
	    name: string;
	    trackingUrl: string;
	    trackingPattern: string;
	    active: boolean;
	    services: CarrierServiceView[];
	    zones: ShippingZoneView[];
	    createdAt: string;
	    updatedAt: string;
	
	    static createFrom(source: any = {}) {
	        return new CarrierView(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	        this.trackingUrl = source["trackingUrl"];
	        this.trackingPattern = source["trackingPattern"];
	        this.active = source["active"];
	        this.services = this.convertValues(source["services"], CarrierServiceView);
	        this.zones = this.convertValues(source["zones"], ShippingZoneView);
	        this.createdAt = source["createdAt"];
	        this.updatedAt = source["updatedAt"];
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
	export class CatalogSettings {
	    pricesIncludeTax: boolean;
	    taxMode: string;
	
	    static createFrom(source: any = {}) {
	        return new CatalogSettings(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.pricesIncludeTax = source["pricesIncludeTax"];
	        this.taxMode = source["taxMode"];
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
	export class CountEntry {
	    productId: string;
	    binId: string;
	    quantity: number;
	    add: boolean;
	
	    static createFrom(source: any = {}) {
	        return new CountEntry(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.productId = source["productId"];
	        this.binId = source["binId"];
	        this.quantity = source["quantity"];
	        this.add = source["add"];
	    }
	}
	export class CountFilter {
	    warehouseId: string;
	    status: string;
	    limit: number;
	    offset: number;
	
	    static createFrom(source: any = {}) {
	        return new CountFilter(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.warehouseId = source["warehouseId"];
	        this.status = source["status"];
	        this.limit = source["limit"];
	        this.offset = source["offset"];
	    }
	}
	export class CountInput {
	    warehouseId: string;
	    binIds: string[];
	    reason: string;
	
	    static createFrom(source: any = {}) {
	        return new CountInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.warehouseId = source["warehouseId"];
	        this.binIds = source["binIds"];
	        this.reason = source["reason"];
	    }
	}
	export class CountLine {
	    id: string;
	    productId: string;
	    sku: string;
	    name: string;
	    binId: string;
	    expected: number;
	    counted: number;
	    variance: number;
	    countedBy: string;
	    countedAt: string;
	
	    static createFrom(source: any = {}) {
	        return new CountLine(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.productId = source["productId"];
	        this.sku = source["sku"];
	        this.name = source["name"];
	        this.binId = source["binId"];
	        this.expected = source["expected"];
	        this.counted = source["counted"];
	        this.variance = source["variance"];
	        this.countedBy = source["countedBy"];
	        this.countedAt = source["countedAt"];
	    }
	}
	export class StockCount {
	    id: string;
	    warehouseId: string;
	    binIds: string[];
	    status: string;
	    reason: string;
	    openedBy: string;
	    closedBy: string;
	    closedAt: string;
	    createdAt: string;
	    lines: CountLine[];
	
	    static createFrom(source: any = {}) {
	        return new StockCount(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.warehouseId = source["warehouseId"];
	        this.binIds = source["binIds"];
	        this.status = source["status"];
	        this.reason = source["reason"];
	        this.openedBy = source["openedBy"];
	        this.closedBy = source["closedBy"];
	        this.closedAt = source["closedAt"];
	        this.createdAt = source["createdAt"];
	        this.lines = this.convertValues(source["lines"], CountLine);
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
	export class CountPage {
	    items: StockCount[];
	    total: number;
	
	    static createFrom(source: any = {}) {
	        return new CountPage(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.items = this.convertValues(source["items"], StockCount);
	        this.total = source["total"];
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
	export class CustomerFields {
	    code: string;
	    name: string;
	    company: string;
	    email: string;
	    phone: string;
	    taxId: string;
	    customerGroup: string;
	    creditLimit: number;
	    notes: string;
	
	    static createFrom(source: any = {}) {
	        return new CustomerFields(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.code = source["code"];
	        this.name = source["name"];
	        this.company = source["company"];
	        this.email = source["email"];
	        this.phone = source["phone"];
	        this.taxId = source["taxId"];
	        this.customerGroup = source["customerGroup"];
	        this.creditLimit = source["creditLimit"];
	        this.notes = source["notes"];
	    }
	}
	export class CustomerView {
	    code: string;
	    name: string;
	    company: string;
	    email: string;
	    phone: string;
	    taxId: string;
	    customerGroup: string;
	    creditLimit: number;
	    notes: string;
	    id: string;
	    active: boolean;
	    erased: boolean;
	    erasedAt: string;
	    createdAt: string;
	    updatedAt: string;
	    addresses: AddressView[];
	
	    static createFrom(source: any = {}) {
	        return new CustomerView(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.code = source["code"];
	        this.name = source["name"];
	        this.company = source["company"];
	        this.email = source["email"];
	        this.phone = source["phone"];
	        this.taxId = source["taxId"];
	        this.customerGroup = source["customerGroup"];
	        this.creditLimit = source["creditLimit"];
	        this.notes = source["notes"];
	        this.id = source["id"];
	        this.active = source["active"];
	        this.erased = source["erased"];
	        this.erasedAt = source["erasedAt"];
	        this.createdAt = source["createdAt"];
	        this.updatedAt = source["updatedAt"];
	        this.addresses = this.convertValues(source["addresses"], AddressView);
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
	export class CustomerPage {
	    items: CustomerView[];
	    total: number;
	
	    static createFrom(source: any = {}) {
	        return new CustomerPage(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.items = this.convertValues(source["items"], CustomerView);
	        this.total = source["total"];
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
	
	export class DashboardBackorder {
	    orderId: string;
	    orderNumber: string;
	    productId: string;
	    sku: string;
	    name: string;
	    backordered: number;
	
	    static createFrom(source: any = {}) {
	        return new DashboardBackorder(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.orderId = source["orderId"];
	        this.orderNumber = source["orderNumber"];
	        this.productId = source["productId"];
	        this.sku = source["sku"];
	        this.name = source["name"];
	        this.backordered = source["backordered"];
	    }
	}
	export class DashboardDay {
	    date: string;
	    orders: number;
	    gross: number;
	
	    static createFrom(source: any = {}) {
	        return new DashboardDay(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.date = source["date"];
	        this.orders = source["orders"];
	        this.gross = source["gross"];
	    }
	}
	export class DashboardNegativeStock {
	    productId: string;
	    sku: string;
	    name: string;
	    warehouseId: string;
	    warehouseCode: string;
	    onHand: number;
	
	    static createFrom(source: any = {}) {
	        return new DashboardNegativeStock(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.productId = source["productId"];
	        this.sku = source["sku"];
	        this.name = source["name"];
	        this.warehouseId = source["warehouseId"];
	        this.warehouseCode = source["warehouseCode"];
	        this.onHand = source["onHand"];
	    }
	}
	export class DashboardShipmentException {
	    shipmentId: string;
	    number: string;
	    orderId: string;
	    orderNumber: string;
	    carrier: string;
	    tracking: string;
	    updatedAt: string;
	
	    static createFrom(source: any = {}) {
	        return new DashboardShipmentException(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.shipmentId = source["shipmentId"];
	        this.number = source["number"];
	        this.orderId = source["orderId"];
	        this.orderNumber = source["orderNumber"];
	        this.carrier = source["carrier"];
	        this.tracking = source["tracking"];
	        this.updatedAt = source["updatedAt"];
	    }
	}
	export class DashboardPendingRefund {
	    orderId: string;
	    orderNumber: string;
	    amount: number;
	
	    static createFrom(source: any = {}) {
	        return new DashboardPendingRefund(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.orderId = source["orderId"];
	        this.orderNumber = source["orderNumber"];
	        this.amount = source["amount"];
	    }
	}
	export class DashboardExceptions {
	    pendingRefunds: DashboardPendingRefund[];
	    pendingRefundCount: number;
	    pendingRefundAmount: number;
	    backorders: DashboardBackorder[];
	    backorderCount: number;
	    shipmentExceptions: DashboardShipmentException[];
	    shipmentExceptionCount: number;
	    negativeStock: DashboardNegativeStock[];
	    negativeStockCount: number;
	
	    static createFrom(source: any = {}) {
	        return new DashboardExceptions(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.pendingRefunds = this.convertValues(source["pendingRefunds"], DashboardPendingRefund);
	        this.pendingRefundCount = source["pendingRefundCount"];
	        this.pendingRefundAmount = source["pendingRefundAmount"];
	        this.backorders = this.convertValues(source["backorders"], DashboardBackorder);
	        this.backorderCount = source["backorderCount"];
	        this.shipmentExceptions = this.convertValues(source["shipmentExceptions"], DashboardShipmentException);
	        this.shipmentExceptionCount = source["shipmentExceptionCount"];
	        this.negativeStock = this.convertValues(source["negativeStock"], DashboardNegativeStock);
	        this.negativeStockCount = source["negativeStockCount"];
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
	
	
	export class DashboardProductSales {
	    productId: string;
	    sku: string;
	    name: string;
	    quantity: number;
	    revenue: number;
	
	    static createFrom(source: any = {}) {
	        return new DashboardProductSales(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.productId = source["productId"];
	        this.sku = source["sku"];
	        this.name = source["name"];
	        this.quantity = source["quantity"];
	        this.revenue = source["revenue"];
	    }
	}
	export class DashboardSales {
	    from: string;
	    to: string;
	    orders: number;
	    gross: number;
	    refunds: number;
	    net: number;
	
	    static createFrom(source: any = {}) {
	        return new DashboardSales(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.from = source["from"];
	        this.to = source["to"];
	        this.orders = source["orders"];
	        this.gross = source["gross"];
	        this.refunds = source["refunds"];
	        this.net = source["net"];
	    }
	}
	
	export class DashboardStatusCount {
	    status: string;
	    orders: number;
	
	    static createFrom(source: any = {}) {
	        return new DashboardStatusCount(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.status = source["status"];
	        this.orders = source["orders"];
	    }
	}
	export class DashboardView {
	    currency: string;
	    timeZone: string;
	    warehouseId: string;
	    generatedAt: string;
	    today: DashboardSales;
	    month: DashboardSales;
	    daily: DashboardDay[];
	    byStatus: DashboardStatusCount[];
	    topByQuantity: DashboardProductSales[];
	    topByRevenue: DashboardProductSales[];
	    lowStock: number;
	    exceptions: DashboardExceptions;
	
	    static createFrom(source: any = {}) {
	        return new DashboardView(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.currency = source["currency"];
	        this.timeZone = source["timeZone"];
	        this.warehouseId = source["warehouseId"];
	        this.generatedAt = source["generatedAt"];
	        this.today = this.convertValues(source["today"], DashboardSales);
	        this.month = this.convertValues(source["month"], DashboardSales);
	        this.daily = this.convertValues(source["daily"], DashboardDay);
	        this.byStatus = this.convertValues(source["byStatus"], DashboardStatusCount);
	        this.topByQuantity = this.convertValues(source["topByQuantity"], DashboardProductSales);
	        this.topByRevenue = this.convertValues(source["topByRevenue"], DashboardProductSales);
	        this.lowStock = source["lowStock"];
	        this.exceptions = this.convertValues(source["exceptions"], DashboardExceptions);
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
	export class DrawerCount {
	    methodId: string;
	    counted: number;
	
	    static createFrom(source: any = {}) {
	        return new DrawerCount(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.methodId = source["methodId"];
	        this.counted = source["counted"];
	    }
	}
	export class DrawerLineView {
	    methodId: string;
	    methodName: string;
	    methodKind: string;
	    count: number;
	    payments: number;
	    refunds: number;
	    net: number;
	    expected: number;
	    counted: number;
	    difference: number;
	    isCounted: boolean;
	
	    static createFrom(source: any = {}) {
	        return new DrawerLineView(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.methodId = source["methodId"];
	        this.methodName = source["methodName"];
	        this.methodKind = source["methodKind"];
	        this.count = source["count"];
	        this.payments = source["payments"];
	        this.refunds = source["refunds"];
	        this.net = source["net"];
	        this.expected = source["expected"];
	        this.counted = source["counted"];
	        this.difference = source["difference"];
	        this.isCounted = source["isCounted"];
	    }
	}
	export class DrawerSessionView {
	    id: string;
	    deviceId: string;
	    status: string;
	    currency: string;
	    openingFloat: number;
	    openedByName: string;
	    openedAt: string;
	    closedByName: string;
	    closedAt: string;
	    note: string;
	
	    static createFrom(source: any = {}) {
	        return new DrawerSessionView(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.deviceId = source["deviceId"];
	        this.status = source["status"];
	        this.currency = source["currency"];
	        this.openingFloat = source["openingFloat"];
	        this.openedByName = source["openedByName"];
	        this.openedAt = source["openedAt"];
	        this.closedByName = source["closedByName"];
	        this.closedAt = source["closedAt"];
	        this.note = source["note"];
	    }
	}
	export class DrawerReportView {
	    session: DrawerSessionView;
	    openingFloat: number;
	    methods: DrawerLineView[];
	    payments: number;
	    refunds: number;
	    net: number;
	    expected: number;
	    counted: number;
	    difference: number;
	
	    static createFrom(source: any = {}) {
	        return new DrawerReportView(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.session = this.convertValues(source["session"], DrawerSessionView);
	        this.openingFloat = source["openingFloat"];
	        this.methods = this.convertValues(source["methods"], DrawerLineView);
	        this.payments = source["payments"];
	        this.refunds = source["refunds"];
	        this.net = source["net"];
	        this.expected = source["expected"];
	        this.counted = source["counted"];
	        this.difference = source["difference"];
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
	export class DrawerSessionPage {
	    items: DrawerSessionView[];
	    total: number;
	
	    static createFrom(source: any = {}) {
	        return new DrawerSessionPage(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.items = this.convertValues(source["items"], DrawerSessionView);
	        this.total = source["total"];
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
	
	export class ExceptionOrder {
	    id: string;
	    number: string;
	    status: string;
	    reserved: number;
	    found: boolean;
	
	    static createFrom(source: any = {}) {
	        return new ExceptionOrder(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.number = source["number"];
	        this.status = source["status"];
	        this.reserved = source["reserved"];
	        this.found = source["found"];
	    }
	}
	export class ExceptionView {
	    id: string;
	    kind: string;
	    productId: string;
	    warehouseId: string;
	    orderId: string;
	    orders: string[];
	    shortage: number;
	    detail: string;
	    status: string;
	    resolution: string;
	    note: string;
	    settledBy: string;
	    settledAt: string;
	    createdAt: string;
	    updatedAt: string;
	    sku: string;
	    productName: string;
	    warehouseCode: string;
	    orderList: ExceptionOrder[];
	
	    static createFrom(source: any = {}) {
	        return new ExceptionView(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.kind = source["kind"];
	        this.productId = source["productId"];
	        this.warehouseId = source["warehouseId"];
	        this.orderId = source["orderId"];
	        this.orders = source["orders"];
	        this.shortage = source["shortage"];
	        this.detail = source["detail"];
	        this.status = source["status"];
	        this.resolution = source["resolution"];
	        this.note = source["note"];
	        this.settledBy = source["settledBy"];
	        this.settledAt = source["settledAt"];
	        this.createdAt = source["createdAt"];
	        this.updatedAt = source["updatedAt"];
	        this.sku = source["sku"];
	        this.productName = source["productName"];
	        this.warehouseCode = source["warehouseCode"];
	        this.orderList = this.convertValues(source["orderList"], ExceptionOrder);
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
	export class ExportFile {
	    fileName: string;
	    mimeType: string;
	    base64: string;
	
	    static createFrom(source: any = {}) {
	        return new ExportFile(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.fileName = source["fileName"];
	        this.mimeType = source["mimeType"];
	        this.base64 = source["base64"];
	    }
	}
	export class InboxPage {
	    entries: sync.InboxEntry[];
	    total: number;
	
	    static createFrom(source: any = {}) {
	        return new InboxPage(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.entries = this.convertValues(source["entries"], sync.InboxEntry);
	        this.total = source["total"];
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
	export class InteractionInput {
	    kind: string;
	    text: string;
	
	    static createFrom(source: any = {}) {
	        return new InteractionInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.kind = source["kind"];
	        this.text = source["text"];
	    }
	}
	export class InteractionView {
	    id: string;
	    kind: string;
	    userName: string;
	    occurredAt: string;
	    text: string;
	
	    static createFrom(source: any = {}) {
	        return new InteractionView(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.kind = source["kind"];
	        this.userName = source["userName"];
	        this.occurredAt = source["occurredAt"];
	        this.text = source["text"];
	    }
	}
	export class JobOptions {
	    reports: string[];
	    ranges: string[];
	
	    static createFrom(source: any = {}) {
	        return new JobOptions(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.reports = source["reports"];
	        this.ranges = source["ranges"];
	    }
	}
	export class JobParams {
	    days: number;
	    report: string;
	    folder: string;
	    range: string;
	
	    static createFrom(source: any = {}) {
	        return new JobParams(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.days = source["days"];
	        this.report = source["report"];
	        this.folder = source["folder"];
	        this.range = source["range"];
	    }
	}
	export class JobRun {
	    id: string;
	    scheduleId: string;
	    scheduledFor: string;
	    startedAt: string;
	    finishedAt: string;
	    durationMs: number;
	    status: string;
	    result: string;
	    error: string;
	    missed: boolean;
	    manual: boolean;
	
	    static createFrom(source: any = {}) {
	        return new JobRun(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.scheduleId = source["scheduleId"];
	        this.scheduledFor = source["scheduledFor"];
	        this.startedAt = source["startedAt"];
	        this.finishedAt = source["finishedAt"];
	        this.durationMs = source["durationMs"];
	        this.status = source["status"];
	        this.result = source["result"];
	        this.error = source["error"];
	        this.missed = source["missed"];
	        this.manual = source["manual"];
	    }
	}
	export class JobRunPage {
	    runs: JobRun[];
	    total: number;
	
	    static createFrom(source: any = {}) {
	        return new JobRunPage(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.runs = this.convertValues(source["runs"], JobRun);
	        this.total = source["total"];
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
	export class JobSchedule {
	    id: string;
	    kind: string;
	    name: string;
	    spec: string;
	    enabled: boolean;
	    params: JobParams;
	    next: string;
	    running: boolean;
	    lastRun?: JobRun;
	    deletable: boolean;
	    updatedAt: string;
	
	    static createFrom(source: any = {}) {
	        return new JobSchedule(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.kind = source["kind"];
	        this.name = source["name"];
	        this.spec = source["spec"];
	        this.enabled = source["enabled"];
	        this.params = this.convertValues(source["params"], JobParams);
	        this.next = source["next"];
	        this.running = source["running"];
	        this.lastRun = this.convertValues(source["lastRun"], JobRun);
	        this.deletable = source["deletable"];
	        this.updatedAt = source["updatedAt"];
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
	export class JobScheduleInput {
	    name: string;
	    spec: string;
	    enabled: boolean;
	    params: JobParams;
	
	    static createFrom(source: any = {}) {
	        return new JobScheduleInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.spec = source["spec"];
	        this.enabled = source["enabled"];
	        this.params = this.convertValues(source["params"], JobParams);
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
	export class LevelFilter {
	    productId: string;
	    warehouseId: string;
	    binId: string;
	    nonZero: boolean;
	
	    static createFrom(source: any = {}) {
	        return new LevelFilter(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.productId = source["productId"];
	        this.warehouseId = source["warehouseId"];
	        this.binId = source["binId"];
	        this.nonZero = source["nonZero"];
	    }
	}
	export class LineFields {
	    quantity: number;
	    discountBps: number;
	    discountAmount: number;
	
	    static createFrom(source: any = {}) {
	        return new LineFields(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.quantity = source["quantity"];
	        this.discountBps = source["discountBps"];
	        this.discountAmount = source["discountAmount"];
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
	export class LowStockItem {
	    productId: string;
	    sku: string;
	    name: string;
	    onHand: number;
	    reserved: number;
	    available: number;
	    onOrder: number;
	    reorderPoint: number;
	    reorderQty: number;
	    cost: number;
	
	    static createFrom(source: any = {}) {
	        return new LowStockItem(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.productId = source["productId"];
	        this.sku = source["sku"];
	        this.name = source["name"];
	        this.onHand = source["onHand"];
	        this.reserved = source["reserved"];
	        this.available = source["available"];
	        this.onOrder = source["onOrder"];
	        this.reorderPoint = source["reorderPoint"];
	        this.reorderQty = source["reorderQty"];
	        this.cost = source["cost"];
	    }
	}
	export class LowStockLine {
	    productId: string;
	    sku: string;
	    name: string;
	    warehouseId: string;
	    warehouse: string;
	    available: number;
	    reorderPoint: number;
	
	    static createFrom(source: any = {}) {
	        return new LowStockLine(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.productId = source["productId"];
	        this.sku = source["sku"];
	        this.name = source["name"];
	        this.warehouseId = source["warehouseId"];
	        this.warehouse = source["warehouse"];
	        this.available = source["available"];
	        this.reorderPoint = source["reorderPoint"];
	    }
	}
	export class Movement {
	    id: string;
	    kind: string;
	    productId: string;
	    warehouseId: string;
	    binId: string;
	    quantity: number;
	    unitCost: number;
	    reason: string;
	    refType: string;
	    refId: string;
	    userName: string;
	    createdAt: string;
	
	    static createFrom(source: any = {}) {
	        return new Movement(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.kind = source["kind"];
	        this.productId = source["productId"];
	        this.warehouseId = source["warehouseId"];
	        this.binId = source["binId"];
	        this.quantity = source["quantity"];
	        this.unitCost = source["unitCost"];
	        this.reason = source["reason"];
	        this.refType = source["refType"];
	        this.refId = source["refId"];
	        this.userName = source["userName"];
	        this.createdAt = source["createdAt"];
	    }
	}
	export class MovementFilter {
	    productId: string;
	    warehouseId: string;
	    binId: string;
	    kind: string;
	    refType: string;
	    refId: string;
	    limit: number;
	    offset: number;
	
	    static createFrom(source: any = {}) {
	        return new MovementFilter(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.productId = source["productId"];
	        this.warehouseId = source["warehouseId"];
	        this.binId = source["binId"];
	        this.kind = source["kind"];
	        this.refType = source["refType"];
	        this.refId = source["refId"];
	        this.limit = source["limit"];
	        this.offset = source["offset"];
	    }
	}
	export class MovementPage {
	    items: Movement[];
	    total: number;
	
	    static createFrom(source: any = {}) {
	        return new MovementPage(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.items = this.convertValues(source["items"], Movement);
	        this.total = source["total"];
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
	export class NewCarrier {
	    name: string;
	    trackingUrl: string;
	    trackingPattern: string;
	
	    static createFrom(source: any = {}) {
	        return new NewCarrier(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.trackingUrl = source["trackingUrl"];
	        this.trackingPattern = source["trackingPattern"];
	    }
	}
	export class NewCarrierService {
	    code: string;
	    name: string;
	
	    static createFrom(source: any = {}) {
	        return new NewCarrierService(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.code = source["code"];
	        this.name = source["name"];
	    }
	}
	export class NewCustomer {
	    code: string;
	    name: string;
	    company: string;
	    email: string;
	    phone: string;
	    taxId: string;
	    customerGroup: string;
	    creditLimit: number;
	    notes: string;
	    addresses: AddressInput[];
	
	    static createFrom(source: any = {}) {
	        return new NewCustomer(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.code = source["code"];
	        this.name = source["name"];
	        this.company = source["company"];
	        this.email = source["email"];
	        this.phone = source["phone"];
	        this.taxId = source["taxId"];
	        this.customerGroup = source["customerGroup"];
	        this.creditLimit = source["creditLimit"];
	        this.notes = source["notes"];
	        this.addresses = this.convertValues(source["addresses"], AddressInput);
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
	export class NewOrderRequest {
	    customerId: string;
	    channel: string;
	    warehouseId: string;
	    notes: string;
	
	    static createFrom(source: any = {}) {
	        return new NewOrderRequest(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.customerId = source["customerId"];
	        this.channel = source["channel"];
	        this.warehouseId = source["warehouseId"];
	        this.notes = source["notes"];
	    }
	}
	export class NewPaymentMethod {
	    name: string;
	    kind: string;
	    sort: number;
	
	    static createFrom(source: any = {}) {
	        return new NewPaymentMethod(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.kind = source["kind"];
	        this.sort = source["sort"];
	    }
	}
	export class OrderAddress {
	    name: string;
	    company: string;
	    line1: string;
	    line2: string;
	    postalCode: string;
	    city: string;
	    region: string;
	    country: string;
	    phone: string;
	
	    static createFrom(source: any = {}) {
	        return new OrderAddress(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.company = source["company"];
	        this.line1 = source["line1"];
	        this.line2 = source["line2"];
	        this.postalCode = source["postalCode"];
	        this.city = source["city"];
	        this.region = source["region"];
	        this.country = source["country"];
	        this.phone = source["phone"];
	    }
	}
	export class OrderEventView {
	    id: string;
	    from: string;
	    to: string;
	    userName: string;
	    note: string;
	    at: string;
	
	    static createFrom(source: any = {}) {
	        return new OrderEventView(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.from = source["from"];
	        this.to = source["to"];
	        this.userName = source["userName"];
	        this.note = source["note"];
	        this.at = source["at"];
	    }
	}
	export class OrderFields {
	    customerId: string;
	    channel: string;
	    warehouseId: string;
	    billingAddress: OrderAddress;
	    shippingAddress: OrderAddress;
	    notes: string;
	    discountBps: number;
	    shipping: number;
	
	    static createFrom(source: any = {}) {
	        return new OrderFields(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.customerId = source["customerId"];
	        this.channel = source["channel"];
	        this.warehouseId = source["warehouseId"];
	        this.billingAddress = this.convertValues(source["billingAddress"], OrderAddress);
	        this.shippingAddress = this.convertValues(source["shippingAddress"], OrderAddress);
	        this.notes = source["notes"];
	        this.discountBps = source["discountBps"];
	        this.shipping = source["shipping"];
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
	export class OrderLineView {
	    id: string;
	    lineNo: number;
	    productId: string;
	    sku: string;
	    name: string;
	    quantity: number;
	    unitPrice: number;
	    discountBps: number;
	    discountAmount: number;
	    taxRateBps: number;
	    discount: number;
	    net: number;
	    tax: number;
	    gross: number;
	    reserved: number;
	    backordered: number;
	    picked: number;
	    shipped: number;
	
	    static createFrom(source: any = {}) {
	        return new OrderLineView(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.lineNo = source["lineNo"];
	        this.productId = source["productId"];
	        this.sku = source["sku"];
	        this.name = source["name"];
	        this.quantity = source["quantity"];
	        this.unitPrice = source["unitPrice"];
	        this.discountBps = source["discountBps"];
	        this.discountAmount = source["discountAmount"];
	        this.taxRateBps = source["taxRateBps"];
	        this.discount = source["discount"];
	        this.net = source["net"];
	        this.tax = source["tax"];
	        this.gross = source["gross"];
	        this.reserved = source["reserved"];
	        this.backordered = source["backordered"];
	        this.picked = source["picked"];
	        this.shipped = source["shipped"];
	    }
	}
	export class RateView {
	    rateBps: number;
	    net: number;
	    tax: number;
	    gross: number;
	
	    static createFrom(source: any = {}) {
	        return new RateView(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.rateBps = source["rateBps"];
	        this.net = source["net"];
	        this.tax = source["tax"];
	        this.gross = source["gross"];
	    }
	}
	export class OrderView {
	    id: string;
	    number: string;
	    customerId: string;
	    customerName: string;
	    channel: string;
	    status: string;
	    warehouseId: string;
	    billingAddress: OrderAddress;
	    shippingAddress: OrderAddress;
	    notes: string;
	    discountBps: number;
	    shipping: number;
	    currency: string;
	    pricesIncludeTax: boolean;
	    subtotal: number;
	    discountTotal: number;
	    netTotal: number;
	    taxTotal: number;
	    total: number;
	    taxMode: string;
	    shippingTax: number;
	    rates: RateView[];
	    version: number;
	    createdBy: string;
	    createdAt: string;
	    updatedAt: string;
	    lines: OrderLineView[];
	    events: OrderEventView[];
	    paymentStatus: string;
	
	    static createFrom(source: any = {}) {
	        return new OrderView(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.number = source["number"];
	        this.customerId = source["customerId"];
	        this.customerName = source["customerName"];
	        this.channel = source["channel"];
	        this.status = source["status"];
	        this.warehouseId = source["warehouseId"];
	        this.billingAddress = this.convertValues(source["billingAddress"], OrderAddress);
	        this.shippingAddress = this.convertValues(source["shippingAddress"], OrderAddress);
	        this.notes = source["notes"];
	        this.discountBps = source["discountBps"];
	        this.shipping = source["shipping"];
	        this.currency = source["currency"];
	        this.pricesIncludeTax = source["pricesIncludeTax"];
	        this.subtotal = source["subtotal"];
	        this.discountTotal = source["discountTotal"];
	        this.netTotal = source["netTotal"];
	        this.taxTotal = source["taxTotal"];
	        this.total = source["total"];
	        this.taxMode = source["taxMode"];
	        this.shippingTax = source["shippingTax"];
	        this.rates = this.convertValues(source["rates"], RateView);
	        this.version = source["version"];
	        this.createdBy = source["createdBy"];
	        this.createdAt = source["createdAt"];
	        this.updatedAt = source["updatedAt"];
	        this.lines = this.convertValues(source["lines"], OrderLineView);
	        this.events = this.convertValues(source["events"], OrderEventView);
	        this.paymentStatus = source["paymentStatus"];
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
	export class OrderPage {
	    items: OrderView[];
	    total: number;
	    capped: boolean;
	
	    static createFrom(source: any = {}) {
	        return new OrderPage(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.items = this.convertValues(source["items"], OrderView);
	        this.total = source["total"];
	        this.capped = source["capped"];
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
	export class OrderQuery {
	    status: string;
	    paymentStatus: string;
	    customerId: string;
	    channel: string;
	    from: string;
	    to: string;
	    query: string;
	    limit: number;
	    offset: number;
	
	    static createFrom(source: any = {}) {
	        return new OrderQuery(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.status = source["status"];
	        this.paymentStatus = source["paymentStatus"];
	        this.customerId = source["customerId"];
	        this.channel = source["channel"];
	        this.from = source["from"];
	        this.to = source["to"];
	        this.query = source["query"];
	        this.limit = source["limit"];
	        this.offset = source["offset"];
	    }
	}
	
	export class PackLineView {
	    lineId: string;
	    productId: string;
	    sku: string;
	    name: string;
	    quantity: number;
	    picked: number;
	    shipped: number;
	    backordered: number;
	    packable: number;
	    unitWeightG: number;
	
	    static createFrom(source: any = {}) {
	        return new PackLineView(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.lineId = source["lineId"];
	        this.productId = source["productId"];
	        this.sku = source["sku"];
	        this.name = source["name"];
	        this.quantity = source["quantity"];
	        this.picked = source["picked"];
	        this.shipped = source["shipped"];
	        this.backordered = source["backordered"];
	        this.packable = source["packable"];
	        this.unitWeightG = source["unitWeightG"];
	    }
	}
	export class ShipmentEventView {
	    status: string;
	    note: string;
	    userName: string;
	    at: string;
	
	    static createFrom(source: any = {}) {
	        return new ShipmentEventView(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.status = source["status"];
	        this.note = source["note"];
	        this.userName = source["userName"];
	        this.at = source["at"];
	    }
	}
	export class ShipmentLineView {
	    orderLineId: string;
	    productId: string;
	    sku: string;
	    name: string;
	    quantity: number;
	
	    static createFrom(source: any = {}) {
	        return new ShipmentLineView(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.orderLineId = source["orderLineId"];
	        this.productId = source["productId"];
	        this.sku = source["sku"];
	        this.name = source["name"];
	        this.quantity = source["quantity"];
	    }
	}
	export class PackageView {
	    packageNo: number;
	    weightG: number;
	    lengthMm: number;
	    widthMm: number;
	    heightMm: number;
	
	    static createFrom(source: any = {}) {
	        return new PackageView(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.packageNo = source["packageNo"];
	        this.weightG = source["weightG"];
	        this.lengthMm = source["lengthMm"];
	        this.widthMm = source["widthMm"];
	        this.heightMm = source["heightMm"];
	    }
	}
	export class ShipmentView {
	    id: string;
	    number: string;
	    orderId: string;
	    orderNumber: string;
	    carrierId: string;
	    carrierName: string;
	    serviceCode: string;
	    serviceName: string;
	    trackingNumber: string;
	    trackingUrl: string;
	    status: string;
	    cost: number;
	    currency: string;
	    weightG: number;
	    createdBy: string;
	    createdAt: string;
	    packages: PackageView[];
	    lines: ShipmentLineView[];
	    events: ShipmentEventView[];
	
	    static createFrom(source: any = {}) {
	        return new ShipmentView(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.number = source["number"];
	        this.orderId = source["orderId"];
	        this.orderNumber = source["orderNumber"];
	        this.carrierId = source["carrierId"];
	        this.carrierName = source["carrierName"];
	        this.serviceCode = source["serviceCode"];
	        this.serviceName = source["serviceName"];
	        this.trackingNumber = source["trackingNumber"];
	        this.trackingUrl = source["trackingUrl"];
	        this.status = source["status"];
	        this.cost = source["cost"];
	        this.currency = source["currency"];
	        this.weightG = source["weightG"];
	        this.createdBy = source["createdBy"];
	        this.createdAt = source["createdAt"];
	        this.packages = this.convertValues(source["packages"], PackageView);
	        this.lines = this.convertValues(source["lines"], ShipmentLineView);
	        this.events = this.convertValues(source["events"], ShipmentEventView);
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
	export class PackOrderView {
	    order: OrderView;
	    lines: PackLineView[];
	    shipments: ShipmentView[];
	
	    static createFrom(source: any = {}) {
	        return new PackOrderView(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.order = this.convertValues(source["order"], OrderView);
	        this.lines = this.convertValues(source["lines"], PackLineView);
	        this.shipments = this.convertValues(source["shipments"], ShipmentView);
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
	export class PackageInputDTO {
	    weightG: number;
	    lengthMm: number;
	    widthMm: number;
	    heightMm: number;
	
	    static createFrom(source: any = {}) {
	        return new PackageInputDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.weightG = source["weightG"];
	        this.lengthMm = source["lengthMm"];
	        this.widthMm = source["widthMm"];
	        this.heightMm = source["heightMm"];
	    }
	}
	
	export class PaymentMethodChange {
	    name: string;
	    active: boolean;
	    sort: number;
	
	    static createFrom(source: any = {}) {
	        return new PaymentMethodChange(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.active = source["active"];
	        this.sort = source["sort"];
	    }
	}
	export class PaymentMethodView {
	    id: string;
	    name: string;
	    kind: string;
	    active: boolean;
	    sort: number;
	
	    static createFrom(source: any = {}) {
	        return new PaymentMethodView(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	        this.kind = source["kind"];
	        this.active = source["active"];
	        this.sort = source["sort"];
	    }
	}
	export class PaymentRequest {
	    methodId: string;
	    amount: number;
	    tendered: number;
	    reference: string;
	    approverId: string;
	    approverSecret: string;
	
	    static createFrom(source: any = {}) {
	        return new PaymentRequest(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.methodId = source["methodId"];
	        this.amount = source["amount"];
	        this.tendered = source["tendered"];
	        this.reference = source["reference"];
	        this.approverId = source["approverId"];
	        this.approverSecret = source["approverSecret"];
	    }
	}
	export class PaymentSummaryView {
	    orderId: string;
	    currency: string;
	    total: number;
	    due: number;
	    paid: number;
	    refunded: number;
	    pendingRefund: number;
	    netPaid: number;
	    balanceDue: number;
	    overpaid: number;
	    change: number;
	    status: string;
	
	    static createFrom(source: any = {}) {
	        return new PaymentSummaryView(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.orderId = source["orderId"];
	        this.currency = source["currency"];
	        this.total = source["total"];
	        this.due = source["due"];
	        this.paid = source["paid"];
	        this.refunded = source["refunded"];
	        this.pendingRefund = source["pendingRefund"];
	        this.netPaid = source["netPaid"];
	        this.balanceDue = source["balanceDue"];
	        this.overpaid = source["overpaid"];
	        this.change = source["change"];
	        this.status = source["status"];
	    }
	}
	export class SettlementView {
	    drawerSessionId: string;
	    reference: string;
	    userName: string;
	    at: string;
	
	    static createFrom(source: any = {}) {
	        return new SettlementView(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.drawerSessionId = source["drawerSessionId"];
	        this.reference = source["reference"];
	        this.userName = source["userName"];
	        this.at = source["at"];
	    }
	}
	export class PaymentView {
	    id: string;
	    orderId: string;
	    methodId: string;
	    methodKind: string;
	    methodName: string;
	    currency: string;
	    amount: number;
	    tendered: number;
	    change: number;
	    reference: string;
	    reason: string;
	    returnId: string;
	    drawerSessionId: string;
	    status: string;
	    completed: boolean;
	    approvedBy: string;
	    userName: string;
	    at: string;
	    settlement?: SettlementView;
	
	    static createFrom(source: any = {}) {
	        return new PaymentView(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.orderId = source["orderId"];
	        this.methodId = source["methodId"];
	        this.methodKind = source["methodKind"];
	        this.methodName = source["methodName"];
	        this.currency = source["currency"];
	        this.amount = source["amount"];
	        this.tendered = source["tendered"];
	        this.change = source["change"];
	        this.reference = source["reference"];
	        this.reason = source["reason"];
	        this.returnId = source["returnId"];
	        this.drawerSessionId = source["drawerSessionId"];
	        this.status = source["status"];
	        this.completed = source["completed"];
	        this.approvedBy = source["approvedBy"];
	        this.userName = source["userName"];
	        this.at = source["at"];
	        this.settlement = this.convertValues(source["settlement"], SettlementView);
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
	export class PaymentResult {
	    payment: PaymentView;
	    summary: PaymentSummaryView;
	
	    static createFrom(source: any = {}) {
	        return new PaymentResult(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.payment = this.convertValues(source["payment"], PaymentView);
	        this.summary = this.convertValues(source["summary"], PaymentSummaryView);
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
	
	
	export class PickLineView {
	    lineId: string;
	    orderId: string;
	    orderNumber: string;
	    productId: string;
	    sku: string;
	    name: string;
	    quantity: number;
	    toPick: number;
	    picked: number;
	    backordered: number;
	    bin: string;
	    binSortKey: string;
	
	    static createFrom(source: any = {}) {
	        return new PickLineView(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.lineId = source["lineId"];
	        this.orderId = source["orderId"];
	        this.orderNumber = source["orderNumber"];
	        this.productId = source["productId"];
	        this.sku = source["sku"];
	        this.name = source["name"];
	        this.quantity = source["quantity"];
	        this.toPick = source["toPick"];
	        this.picked = source["picked"];
	        this.backordered = source["backordered"];
	        this.bin = source["bin"];
	        this.binSortKey = source["binSortKey"];
	    }
	}
	export class PickScanView {
	    line: PickLineView;
	    quantity: number;
	
	    static createFrom(source: any = {}) {
	        return new PickScanView(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.line = this.convertValues(source["line"], PickLineView);
	        this.quantity = source["quantity"];
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
	export class PostCountResult {
	    count: StockCount;
	    movements: Movement[];
	
	    static createFrom(source: any = {}) {
	        return new PostCountResult(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.count = this.convertValues(source["count"], StockCount);
	        this.movements = this.convertValues(source["movements"], Movement);
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
	export class PriceList {
	    id: string;
	    name: string;
	    customerGroup: string;
	    discountBps: number;
	    active: boolean;
	    updatedAt: string;
	
	    static createFrom(source: any = {}) {
	        return new PriceList(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	        this.customerGroup = source["customerGroup"];
	        this.discountBps = source["discountBps"];
	        this.active = source["active"];
	        this.updatedAt = source["updatedAt"];
	    }
	}
	export class PriceListInput {
	    name: string;
	    customerGroup: string;
	    discountBps: number;
	    active: boolean;
	
	    static createFrom(source: any = {}) {
	        return new PriceListInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.customerGroup = source["customerGroup"];
	        this.discountBps = source["discountBps"];
	        this.active = source["active"];
	    }
	}
	export class PriceListItem {
	    productId: string;
	    sku: string;
	    name: string;
	    price: number;
	
	    static createFrom(source: any = {}) {
	        return new PriceListItem(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.productId = source["productId"];
	        this.sku = source["sku"];
	        this.name = source["name"];
	        this.price = source["price"];
	    }
	}
	export class PriceListItemPage {
	    items: PriceListItem[];
	    total: number;
	
	    static createFrom(source: any = {}) {
	        return new PriceListItemPage(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.items = this.convertValues(source["items"], PriceListItem);
	        this.total = source["total"];
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
	export class PrinterInput {
	    document: string;
	    kind: string;
	    target: string;
	
	    static createFrom(source: any = {}) {
	        return new PrinterInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.document = source["document"];
	        this.kind = source["kind"];
	        this.target = source["target"];
	    }
	}
	export class Product {
	    id: string;
	    sku: string;
	    name: string;
	    description: string;
	    unit: string;
	    price: number;
	    cost: number;
	    taxClassId: string;
	    weightG: number;
	    lengthMm: number;
	    widthMm: number;
	    heightMm: number;
	    reorderPoint: number;
	    reorderQty: number;
	    active: boolean;
	    archivedAt: string;
	    barcodes: Barcode[];
	    createdAt: string;
	    updatedAt: string;
	
	    static createFrom(source: any = {}) {
	        return new Product(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.sku = source["sku"];
	        this.name = source["name"];
	        this.description = source["description"];
	        this.unit = source["unit"];
	        this.price = source["price"];
	        this.cost = source["cost"];
	        this.taxClassId = source["taxClassId"];
	        this.weightG = source["weightG"];
	        this.lengthMm = source["lengthMm"];
	        this.widthMm = source["widthMm"];
	        this.heightMm = source["heightMm"];
	        this.reorderPoint = source["reorderPoint"];
	        this.reorderQty = source["reorderQty"];
	        this.active = source["active"];
	        this.archivedAt = source["archivedAt"];
	        this.barcodes = this.convertValues(source["barcodes"], Barcode);
	        this.createdAt = source["createdAt"];
	        this.updatedAt = source["updatedAt"];
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
	export class ProductFilter {
	    query: string;
	    activeOnly: boolean;
	    lowStock: boolean;
	    limit: number;
	    offset: number;
	
	    static createFrom(source: any = {}) {
	        return new ProductFilter(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.query = source["query"];
	        this.activeOnly = source["activeOnly"];
	        this.lowStock = source["lowStock"];
	        this.limit = source["limit"];
	        this.offset = source["offset"];
	    }
	}
	export class ProductInput {
	    sku: string;
	    name: string;
	    description: string;
	    unit: string;
	    price: number;
	    cost: number;
	    taxClassId: string;
	    weightG: number;
	    lengthMm: number;
	    widthMm: number;
	    heightMm: number;
	    reorderPoint: number;
	    reorderQty: number;
	    barcodes: string[];
	
	    static createFrom(source: any = {}) {
	        return new ProductInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.sku = source["sku"];
	        this.name = source["name"];
	        this.description = source["description"];
	        this.unit = source["unit"];
	        this.price = source["price"];
	        this.cost = source["cost"];
	        this.taxClassId = source["taxClassId"];
	        this.weightG = source["weightG"];
	        this.lengthMm = source["lengthMm"];
	        this.widthMm = source["widthMm"];
	        this.heightMm = source["heightMm"];
	        this.reorderPoint = source["reorderPoint"];
	        this.reorderQty = source["reorderQty"];
	        this.barcodes = source["barcodes"];
	    }
	}
	export class ProductPage {
	    items: Product[];
	    total: number;
	
	    static createFrom(source: any = {}) {
	        return new ProductPage(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.items = this.convertValues(source["items"], Product);
	        this.total = source["total"];
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
	export class PurchaseOrderLine {
	    id: string;
	    lineNo: number;
	    productId: string;
	    sku: string;
	    name: string;
	    quantity: number;
	    received: number;
	    unitCost: number;
	
	    static createFrom(source: any = {}) {
	        return new PurchaseOrderLine(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.lineNo = source["lineNo"];
	        this.productId = source["productId"];
	        this.sku = source["sku"];
	        this.name = source["name"];
	        this.quantity = source["quantity"];
	        this.received = source["received"];
	        this.unitCost = source["unitCost"];
	    }
	}
	export class PurchaseOrder {
	    id: string;
	    number: string;
	    supplierId: string;
	    warehouseId: string;
	    status: string;
	    notes: string;
	    lines: PurchaseOrderLine[];
	    total: number;
	    sentAt: string;
	    closedAt: string;
	    createdAt: string;
	
	    static createFrom(source: any = {}) {
	        return new PurchaseOrder(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.number = source["number"];
	        this.supplierId = source["supplierId"];
	        this.warehouseId = source["warehouseId"];
	        this.status = source["status"];
	        this.notes = source["notes"];
	        this.lines = this.convertValues(source["lines"], PurchaseOrderLine);
	        this.total = source["total"];
	        this.sentAt = source["sentAt"];
	        this.closedAt = source["closedAt"];
	        this.createdAt = source["createdAt"];
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
	export class PurchaseOrderFilter {
	    status: string;
	    supplierId: string;
	    limit: number;
	    offset: number;
	
	    static createFrom(source: any = {}) {
	        return new PurchaseOrderFilter(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.status = source["status"];
	        this.supplierId = source["supplierId"];
	        this.limit = source["limit"];
	        this.offset = source["offset"];
	    }
	}
	export class PurchaseOrderLineInput {
	    productId: string;
	    quantity: number;
	    unitCost: number;
	
	    static createFrom(source: any = {}) {
	        return new PurchaseOrderLineInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.productId = source["productId"];
	        this.quantity = source["quantity"];
	        this.unitCost = source["unitCost"];
	    }
	}
	export class PurchaseOrderInput {
	    supplierId: string;
	    warehouseId: string;
	    notes: string;
	    lines: PurchaseOrderLineInput[];
	
	    static createFrom(source: any = {}) {
	        return new PurchaseOrderInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.supplierId = source["supplierId"];
	        this.warehouseId = source["warehouseId"];
	        this.notes = source["notes"];
	        this.lines = this.convertValues(source["lines"], PurchaseOrderLineInput);
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
	
	
	export class PurchaseOrderPage {
	    items: PurchaseOrder[];
	    total: number;
	
	    static createFrom(source: any = {}) {
	        return new PurchaseOrderPage(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.items = this.convertValues(source["items"], PurchaseOrder);
	        this.total = source["total"];
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
	
	export class ReceiveLine {
	    lineId: string;
	    productId: string;
	    binId: string;
	    quantity: number;
	
	    static createFrom(source: any = {}) {
	        return new ReceiveLine(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.lineId = source["lineId"];
	        this.productId = source["productId"];
	        this.binId = source["binId"];
	        this.quantity = source["quantity"];
	    }
	}
	export class ReceiveInput {
	    lines: ReceiveLine[];
	    allowOver: boolean;
	
	    static createFrom(source: any = {}) {
	        return new ReceiveInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.lines = this.convertValues(source["lines"], ReceiveLine);
	        this.allowOver = source["allowOver"];
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
	
	export class ReceiveResult {
	    order: PurchaseOrder;
	    movements: Movement[];
	
	    static createFrom(source: any = {}) {
	        return new ReceiveResult(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.order = this.convertValues(source["order"], PurchaseOrder);
	        this.movements = this.convertValues(source["movements"], Movement);
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
	export class RefundRequest {
	    methodId: string;
	    amount: number;
	    reference: string;
	    reason: string;
	    pending: boolean;
	
	    static createFrom(source: any = {}) {
	        return new RefundRequest(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.methodId = source["methodId"];
	        this.amount = source["amount"];
	        this.reference = source["reference"];
	        this.reason = source["reason"];
	        this.pending = source["pending"];
	    }
	}
	export class ReorderInput {
	    supplierId: string;
	    warehouseId: string;
	    productIds: string[];
	
	    static createFrom(source: any = {}) {
	        return new ReorderInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.supplierId = source["supplierId"];
	        this.warehouseId = source["warehouseId"];
	        this.productIds = source["productIds"];
	    }
	}
	export class ReorderSuggestion {
	    productId: string;
	    sku: string;
	    name: string;
	    onHand: number;
	    reserved: number;
	    available: number;
	    onOrder: number;
	    reorderPoint: number;
	    reorderQty: number;
	    cost: number;
	    suggested: number;
	
	    static createFrom(source: any = {}) {
	        return new ReorderSuggestion(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.productId = source["productId"];
	        this.sku = source["sku"];
	        this.name = source["name"];
	        this.onHand = source["onHand"];
	        this.reserved = source["reserved"];
	        this.available = source["available"];
	        this.onOrder = source["onOrder"];
	        this.reorderPoint = source["reorderPoint"];
	        this.reorderQty = source["reorderQty"];
	        this.cost = source["cost"];
	        this.suggested = source["suggested"];
	    }
	}
	export class ReportInfo {
	    name: string;
	    title: string;
	    description: string;
	    filters: string[];
	
	    static createFrom(source: any = {}) {
	        return new ReportInfo(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.title = source["title"];
	        this.description = source["description"];
	        this.filters = source["filters"];
	    }
	}
	export class ReportQuery {
	    from: string;
	    to: string;
	    warehouse: string;
	    customer: string;
	    product: string;
	
	    static createFrom(source: any = {}) {
	        return new ReportQuery(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.from = source["from"];
	        this.to = source["to"];
	        this.warehouse = source["warehouse"];
	        this.customer = source["customer"];
	        this.product = source["product"];
	    }
	}
	export class ReturnLineRequest {
	    orderLineId: string;
	    quantity: number;
	    disposition: string;
	    binId: string;
	
	    static createFrom(source: any = {}) {
	        return new ReturnLineRequest(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.orderLineId = source["orderLineId"];
	        this.quantity = source["quantity"];
	        this.disposition = source["disposition"];
	        this.binId = source["binId"];
	    }
	}
	export class ReturnLineView {
	    id: string;
	    orderLineId: string;
	    lineNo: number;
	    productId: string;
	    sku: string;
	    name: string;
	    quantity: number;
	    disposition: string;
	    warehouseId: string;
	    binId: string;
	    movementId: string;
	    refund: number;
	
	    static createFrom(source: any = {}) {
	        return new ReturnLineView(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.orderLineId = source["orderLineId"];
	        this.lineNo = source["lineNo"];
	        this.productId = source["productId"];
	        this.sku = source["sku"];
	        this.name = source["name"];
	        this.quantity = source["quantity"];
	        this.disposition = source["disposition"];
	        this.warehouseId = source["warehouseId"];
	        this.binId = source["binId"];
	        this.movementId = source["movementId"];
	        this.refund = source["refund"];
	    }
	}
	export class ReturnView {
	    id: string;
	    number: string;
	    orderId: string;
	    orderNumber: string;
	    customerId: string;
	    status: string;
	    reason: string;
	    refundMethod: string;
	    refundTotal: number;
	    currency: string;
	    note: string;
	    createdBy: string;
	    createdAt: string;
	    lines: ReturnLineView[];
	    refunds: PaymentView[];
	
	    static createFrom(source: any = {}) {
	        return new ReturnView(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.number = source["number"];
	        this.orderId = source["orderId"];
	        this.orderNumber = source["orderNumber"];
	        this.customerId = source["customerId"];
	        this.status = source["status"];
	        this.reason = source["reason"];
	        this.refundMethod = source["refundMethod"];
	        this.refundTotal = source["refundTotal"];
	        this.currency = source["currency"];
	        this.note = source["note"];
	        this.createdBy = source["createdBy"];
	        this.createdAt = source["createdAt"];
	        this.lines = this.convertValues(source["lines"], ReturnLineView);
	        this.refunds = this.convertValues(source["refunds"], PaymentView);
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
	export class ReturnPage {
	    items: ReturnView[];
	    total: number;
	
	    static createFrom(source: any = {}) {
	        return new ReturnPage(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.items = this.convertValues(source["items"], ReturnView);
	        this.total = source["total"];
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
	export class ReturnQuery {
	    orderId: string;
	    from: string;
	    to: string;
	    limit: number;
	    offset: number;
	
	    static createFrom(source: any = {}) {
	        return new ReturnQuery(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.orderId = source["orderId"];
	        this.from = source["from"];
	        this.to = source["to"];
	        this.limit = source["limit"];
	        this.offset = source["offset"];
	    }
	}
	export class ReturnRequest {
	    reason: string;
	    note: string;
	    lines: ReturnLineRequest[];
	    refund: string;
	    refundMethodId: string;
	
	    static createFrom(source: any = {}) {
	        return new ReturnRequest(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.reason = source["reason"];
	        this.note = source["note"];
	        this.lines = this.convertValues(source["lines"], ReturnLineRequest);
	        this.refund = source["refund"];
	        this.refundMethodId = source["refundMethodId"];
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
	
	export class ReturnableLineView {
	    orderLineId: string;
	    lineNo: number;
	    productId: string;
	    sku: string;
	    name: string;
	    quantity: number;
	    gross: number;
	    shipped: number;
	    returned: number;
	    returnable: number;
	
	    static createFrom(source: any = {}) {
	        return new ReturnableLineView(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.orderLineId = source["orderLineId"];
	        this.lineNo = source["lineNo"];
	        this.productId = source["productId"];
	        this.sku = source["sku"];
	        this.name = source["name"];
	        this.quantity = source["quantity"];
	        this.gross = source["gross"];
	        this.shipped = source["shipped"];
	        this.returned = source["returned"];
	        this.returnable = source["returnable"];
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
	export class ShipQuantityIn {
	    lineId: string;
	    quantity: number;
	
	    static createFrom(source: any = {}) {
	        return new ShipQuantityIn(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.lineId = source["lineId"];
	        this.quantity = source["quantity"];
	    }
	}
	
	
	export class ShipmentPage {
	    items: ShipmentView[];
	    total: number;
	
	    static createFrom(source: any = {}) {
	        return new ShipmentPage(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.items = this.convertValues(source["items"], ShipmentView);
	        this.total = source["total"];
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
	export class ShipmentQuery {
	    orderId: string;
	    carrierId: string;
	    status: string;
	    query: string;
	    from: string;
	    to: string;
	    limit: number;
	    offset: number;
	
	    static createFrom(source: any = {}) {
	        return new ShipmentQuery(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.orderId = source["orderId"];
	        this.carrierId = source["carrierId"];
	        this.status = source["status"];
	        this.query = source["query"];
	        this.from = source["from"];
	        this.to = source["to"];
	        this.limit = source["limit"];
	        this.offset = source["offset"];
	    }
	}
	export class ShipmentRequest {
	    orderId: string;
	    carrierId: string;
	    serviceId: string;
	    trackingNumber: string;
	    lines: ShipQuantityIn[];
	    packages: PackageInputDTO[];
	
	    static createFrom(source: any = {}) {
	        return new ShipmentRequest(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.orderId = source["orderId"];
	        this.carrierId = source["carrierId"];
	        this.serviceId = source["serviceId"];
	        this.trackingNumber = source["trackingNumber"];
	        this.lines = this.convertValues(source["lines"], ShipQuantityIn);
	        this.packages = this.convertValues(source["packages"], PackageInputDTO);
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
	
	export class ShippingQuoteView {
	    cost: number;
	    currency: string;
	    zoneId: string;
	    zoneName: string;
	    perPackage: number[];
	
	    static createFrom(source: any = {}) {
	        return new ShippingQuoteView(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.cost = source["cost"];
	        this.currency = source["currency"];
	        this.zoneId = source["zoneId"];
	        this.zoneName = source["zoneName"];
	        this.perPackage = source["perPackage"];
	    }
	}
	export class ShippingRateBand {
	    maxWeightG: number;
	    price: number;
	
	    static createFrom(source: any = {}) {
	        return new ShippingRateBand(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.maxWeightG = source["maxWeightG"];
	        this.price = source["price"];
	    }
	}
	export class ShippingRateView {
	    id: string;
	    serviceId: string;
	    zoneId: string;
	    maxWeightG: number;
	    price: number;
	
	    static createFrom(source: any = {}) {
	        return new ShippingRateView(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.serviceId = source["serviceId"];
	        this.zoneId = source["zoneId"];
	        this.maxWeightG = source["maxWeightG"];
	        this.price = source["price"];
	    }
	}
	export class ShippingZoneInput {
	    name: string;
	    countries: string[];
	
	    static createFrom(source: any = {}) {
	        return new ShippingZoneInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.countries = source["countries"];
	    }
	}
	
	export class SyncStatus {
	    mode: string;
	    online: boolean;
	    pending: number;
	    lastSync: string;
	    lastError: string;
	    running: boolean;
	    upgrade: boolean;
	    inbox: number;
	    openExceptions: number;
	
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
	        this.running = source["running"];
	        this.upgrade = source["upgrade"];
	        this.inbox = source["inbox"];
	        this.openExceptions = source["openExceptions"];
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
	
	export class StockLevel {
	    productId: string;
	    warehouseId: string;
	    binId: string;
	    onHand: number;
	    reserved: number;
	    available: number;
	
	    static createFrom(source: any = {}) {
	        return new StockLevel(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.productId = source["productId"];
	        this.warehouseId = source["warehouseId"];
	        this.binId = source["binId"];
	        this.onHand = source["onHand"];
	        this.reserved = source["reserved"];
	        this.available = source["available"];
	    }
	}
	export class Supplier {
	    id: string;
	    code: string;
	    name: string;
	    email: string;
	    phone: string;
	    notes: string;
	    active: boolean;
	
	    static createFrom(source: any = {}) {
	        return new Supplier(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.code = source["code"];
	        this.name = source["name"];
	        this.email = source["email"];
	        this.phone = source["phone"];
	        this.notes = source["notes"];
	        this.active = source["active"];
	    }
	}
	export class SupplierInput {
	    code: string;
	    name: string;
	    email: string;
	    phone: string;
	    notes: string;
	    active: boolean;
	
	    static createFrom(source: any = {}) {
	        return new SupplierInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.code = source["code"];
	        this.name = source["name"];
	        this.email = source["email"];
	        this.phone = source["phone"];
	        this.notes = source["notes"];
	        this.active = source["active"];
	    }
	}
	export class SyncState {
	    enrolled: boolean;
	    serverUrl: string;
	    stationCode: string;
	    deviceId: string;
	    deviceName: string;
	    enrolledAt: string;
	    online: boolean;
	    running: boolean;
	    upgrade: boolean;
	    pending: number;
	    lastSync: string;
	    lastAttempt: string;
	    lastError: string;
	    clockWarning: string;
	    nextTry: string;
	    lastRound: string;
	    inbox: number;
	    openExceptions: number;
	
	    static createFrom(source: any = {}) {
	        return new SyncState(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.enrolled = source["enrolled"];
	        this.serverUrl = source["serverUrl"];
	        this.stationCode = source["stationCode"];
	        this.deviceId = source["deviceId"];
	        this.deviceName = source["deviceName"];
	        this.enrolledAt = source["enrolledAt"];
	        this.online = source["online"];
	        this.running = source["running"];
	        this.upgrade = source["upgrade"];
	        this.pending = source["pending"];
	        this.lastSync = source["lastSync"];
	        this.lastAttempt = source["lastAttempt"];
	        this.lastError = source["lastError"];
	        this.clockWarning = source["clockWarning"];
	        this.nextTry = source["nextTry"];
	        this.lastRound = source["lastRound"];
	        this.inbox = source["inbox"];
	        this.openExceptions = source["openExceptions"];
	    }
	}
	
	export class TaxClass {
	    id: string;
	    name: string;
	    rateBps: number;
	
	    static createFrom(source: any = {}) {
	        return new TaxClass(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	        this.rateBps = source["rateBps"];
	    }
	}
	export class TaxClassInput {
	    name: string;
	    rateBps: number;
	
	    static createFrom(source: any = {}) {
	        return new TaxClassInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.rateBps = source["rateBps"];
	    }
	}
	export class TransferInput {
	    productId: string;
	    fromWarehouseId: string;
	    fromBinId: string;
	    toWarehouseId: string;
	    toBinId: string;
	    quantity: number;
	    reason: string;
	
	    static createFrom(source: any = {}) {
	        return new TransferInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.productId = source["productId"];
	        this.fromWarehouseId = source["fromWarehouseId"];
	        this.fromBinId = source["fromBinId"];
	        this.toWarehouseId = source["toWarehouseId"];
	        this.toBinId = source["toBinId"];
	        this.quantity = source["quantity"];
	        this.reason = source["reason"];
	    }
	}
	export class TransferResult {
	    id: string;
	    out: Movement;
	    in: Movement;
	
	    static createFrom(source: any = {}) {
	        return new TransferResult(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.out = this.convertValues(source["out"], Movement);
	        this.in = this.convertValues(source["in"], Movement);
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
	
	export class Warehouse {
	    id: string;
	    code: string;
	    name: string;
	    active: boolean;
	
	    static createFrom(source: any = {}) {
	        return new Warehouse(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.code = source["code"];
	        this.name = source["name"];
	        this.active = source["active"];
	    }
	}
	export class WarehouseInput {
	    code: string;
	    name: string;
	
	    static createFrom(source: any = {}) {
	        return new WarehouseInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.code = source["code"];
	        this.name = source["name"];
	    }
	}
	export class WorkstationPrinter {
	    document: string;
	    label: string;
	    kind: string;
	    target: string;
	    updatedAt: string;
	
	    static createFrom(source: any = {}) {
	        return new WorkstationPrinter(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.document = source["document"];
	        this.label = source["label"];
	        this.kind = source["kind"];
	        this.target = source["target"];
	        this.updatedAt = source["updatedAt"];
	    }
	}

}

export namespace sync {
	
	export class InboxEntry {
	    id: string;
	    direction: string;
	    changeId: string;
	    entity: string;
	    entityId: string;
	    op: string;
	    fields: string;
	    reason: string;
	    at: string;
	
	    static createFrom(source: any = {}) {
	        return new InboxEntry(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.direction = source["direction"];
	        this.changeId = source["changeId"];
	        this.entity = source["entity"];
	        this.entityId = source["entityId"];
	        this.op = source["op"];
	        this.fields = source["fields"];
	        this.reason = source["reason"];
	        this.at = source["at"];
	    }
	}
	export class Settlement {
	    resolution: string;
	    orderId: string;
	    note: string;
	
	    static createFrom(source: any = {}) {
	        return new Settlement(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.resolution = source["resolution"];
	        this.orderId = source["orderId"];
	        this.note = source["note"];
	    }
	}

}

