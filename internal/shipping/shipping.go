// Package shipping sends orders out: the carriers the admin configures with
// their services, zones and offline rate tables (carrier.go), and the
// shipments that take an order's goods away in packages, with their
// tracking numbers and status events (shipment.go). It owns the carrier and
// shipment tables (migration 0011) and calls the order service's Go API,
// in the same transaction, for what shipping does to an order: its lines'
// shipped quantities, the stock that leaves, and its status.
package shipping

import (
	"oms/internal/company"
	"oms/internal/order"
	"oms/internal/store"
)

// Service configures carriers and records shipments.
type Service struct {
	db      *store.DB
	orders  *order.Service
	company *company.Service
}

// NewService returns the shipping service over db.
func NewService(db *store.DB, orders *order.Service, comp *company.Service) *Service {
	return &Service{db: db, orders: orders, company: comp}
}
