package app

// ShipmentsAPI is fulfilment on the warehouse floor: picking by scanning,
// the pack station, and shipments with their tracking.
type ShipmentsAPI struct{ a *App }
