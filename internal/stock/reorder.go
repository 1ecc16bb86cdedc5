package stock

import (
	"context"

	"oms/internal/errs"
	"oms/internal/store"
)

// ReorderSuggestion is a low-stock product and how many to order.
type ReorderSuggestion struct {
	LowStockItem
	// Suggested is the reorder quantity, or more if that would still leave
	// the stock position (available plus on order) below the reorder point.
	Suggested int64
}

// ReorderSuggestions returns what to order for a warehouse ("" for all):
// the low-stock products whose stock position (available plus on open
// purchase orders) is below their reorder point, by SKU.
func (s *Service) ReorderSuggestions(ctx context.Context, warehouseID string) ([]*ReorderSuggestion, error) {
	return reorderSuggestions(ctx, s.db.Reader(), warehouseID)
}

func reorderSuggestions(ctx context.Context, q Queryer, warehouseID string) ([]*ReorderSuggestion, error) {
	low, err := lowStock(ctx, q, warehouseID)
	if err != nil {
		return nil, err
	}
	out := []*ReorderSuggestion{}
	for _, l := range low {
		position := l.Available + l.OnOrder
		if position >= l.ReorderPoint {
			continue // enough is on its way
		}
		n := max(l.ReorderQty, l.ReorderPoint-position)
		out = append(out, &ReorderSuggestion{LowStockItem: *l, Suggested: min(n, MaxQuantity)})
	}
	return out, nil
}

// ReorderInput asks for a draft purchase order from the reorder
// suggestions of a warehouse: all of them, or those of ProductIDs.
type ReorderInput struct {
	SupplierID  string
	WarehouseID string
	ProductIDs  []string
}

// CreateReorderPO turns reorder suggestions into one draft purchase order
// for a supplier, at the products' costs, in one transaction. It takes at
// most MaxPOLines suggestions, by SKU; those are then on order, so calling
// it again orders the next ones. ECONFLICT
// when nothing needs ordering; otherwise the errors of
// CreatePurchaseOrder.
func (s *Service) CreateReorderPO(ctx context.Context, actor store.Actor, in ReorderInput) (*PurchaseOrder, error) {
	if in.WarehouseID == "" {
		return nil, errs.Invalid("warehouseId", "Choose the warehouse to order for.")
	}
	var po *PurchaseOrder
	err := s.db.Update(ctx, actor, func(tx *store.Tx) error {
		sugg, err := reorderSuggestions(tx.Context(), tx, in.WarehouseID)
		if err != nil {
			return err
		}
		only := map[string]bool{}
		for _, id := range in.ProductIDs {
			only[id] = true
		}
		var lines []PurchaseOrderLineInput
		for _, sg := range sugg {
			if (len(only) == 0 || only[sg.ProductID]) && len(lines) < MaxPOLines {
				lines = append(lines, PurchaseOrderLineInput{ProductID: sg.ProductID, Quantity: sg.Suggested, UnitCost: sg.Cost})
			}
		}
		if len(lines) == 0 {
			return errs.Errorf(errs.ECONFLICT, "Nothing needs reordering: every product is at or above its reorder point, counting what is on order.")
		}
		po, err = createPurchaseOrder(tx, PurchaseOrderInput{SupplierID: in.SupplierID, WarehouseID: in.WarehouseID,
			Notes: "Created from reorder suggestions.", Lines: lines})
		return err
	})
	return po, err
}
