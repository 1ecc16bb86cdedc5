package app

// ShippingAPI is the carriers the admin configures: their services, zones
// and rate tables.
type ShippingAPI struct{ a *App }
