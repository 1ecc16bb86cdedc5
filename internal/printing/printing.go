// Package printing sends documents to this workstation's printers: a CUPS
// queue (lp), a thermal label printer taking raw ZPL on TCP port 9100, or a
// folder. Each kind of document has its own printer, kept in the local
// workstation_printers table (migration 0011).
package printing

import "oms/internal/store"

// Service keeps this workstation's printers and prints to them.
type Service struct {
	db *store.DB
}

// NewService returns the printing service over db.
func NewService(db *store.DB) *Service { return &Service{db: db} }
