// The single door to the generated Wails bindings (frontend/wailsjs, written by
// `wails generate module` from the Go app/ package). Everything else imports from
// here, so tests can mock one module and the rest of the app stays binding-agnostic.
export * as AuthAPI from '../../wailsjs/go/app/AuthAPI';
export * as UsersAPI from '../../wailsjs/go/app/UsersAPI';
export * as SettingsAPI from '../../wailsjs/go/app/SettingsAPI';
export * as StatusAPI from '../../wailsjs/go/app/StatusAPI';
export * as CustomersAPI from '../../wailsjs/go/app/CustomersAPI';
export * as CatalogAPI from '../../wailsjs/go/app/CatalogAPI';
export * as StockAPI from '../../wailsjs/go/app/StockAPI';
export * as OrdersAPI from '../../wailsjs/go/app/OrdersAPI';
export * as PaymentsAPI from '../../wailsjs/go/app/PaymentsAPI';
export * as ReturnsAPI from '../../wailsjs/go/app/ReturnsAPI';
export * as DocumentsAPI from '../../wailsjs/go/app/DocumentsAPI';
export * as ShipmentsAPI from '../../wailsjs/go/app/ShipmentsAPI';
export * as PrintersAPI from '../../wailsjs/go/app/PrintersAPI';
export * as ShippingAPI from '../../wailsjs/go/app/ShippingAPI';
export * as DashboardAPI from '../../wailsjs/go/app/DashboardAPI';
export * as JobsAPI from '../../wailsjs/go/app/JobsAPI';
export * as ReportsAPI from '../../wailsjs/go/app/ReportsAPI';
export * as SyncAPI from '../../wailsjs/go/app/SyncAPI';
export { app, sync } from '../../wailsjs/go/models';
export { BrowserOpenURL, EventsOn } from '../../wailsjs/runtime/runtime';
