package app

import (
	"oms/internal/auth"
	"oms/internal/stock"
)

func init() {
	addRules(map[string]rule{
		"StockAPI.LowStockCount": need(auth.PermStockView),
		"StockAPI.LowStockLines": need(auth.PermStockView),
	})
}

// EventStockLow tells the frontend how many low-stock lines there are now
// and which lines the operation just committed took below their reorder
// point (newlyLow, often empty), so it can update a badge every time and
// notify only when something newly ran low. Data: LowStockEvent.
const EventStockLow = "stock:low"

// LowStockLine is a product whose available stock in one warehouse is
// below its reorder point.
type LowStockLine struct {
	ProductID    string `json:"productId"`
	SKU          string `json:"sku"`
	Name         string `json:"name"`
	WarehouseID  string `json:"warehouseId"`
	Warehouse    string `json:"warehouse"` // the warehouse's code
	Available    int64  `json:"available"`
	ReorderPoint int64  `json:"reorderPoint"`
}

// LowStockEvent is the data of EventStockLow.
type LowStockEvent struct {
	Count    int            `json:"count"`
	NewlyLow []LowStockLine `json:"newlyLow"`
}

func lowStockLineViews(ls []*stock.LowStockLine) []LowStockLine {
	out := make([]LowStockLine, 0, len(ls))
	for _, l := range ls {
		out = append(out, LowStockLine{ProductID: l.ProductID, SKU: l.SKU, Name: l.Name, WarehouseID: l.WarehouseID,
			Warehouse: l.WarehouseCode, Available: l.Available, ReorderPoint: l.ReorderPoint})
	}
	return out
}

// LowStockCount returns how many low-stock lines (product and warehouse)
// there are, for the badge on the Stock area.
func (x *StockAPI) LowStockCount() (int, error) {
	if _, err := x.a.guard(); err != nil {
		return 0, err
	}
	return x.a.svc.Stock.CountLowStock(x.a.context())
}

// LowStockLines returns every low-stock line by SKU and warehouse code.
func (x *StockAPI) LowStockLines() ([]LowStockLine, error) {
	if _, err := x.a.guard(); err != nil {
		return nil, err
	}
	ls, err := x.a.svc.Stock.LowStockLines(x.a.context())
	if err != nil {
		return nil, err
	}
	return lowStockLineViews(ls), nil
}

// notifyLowStock emits EventStockLow after an operation that posted moves
// has committed. A failure here must not fail the operation, which already
// happened, so it is only logged.
func (a *App) notifyLowStock(moves ...*stock.Movement) {
	ctx := a.context()
	newly, err := a.svc.Stock.NewlyLow(ctx, moves)
	if err != nil {
		a.log.Error("low stock after commit", "err", err)
		return
	}
	n, err := a.svc.Stock.CountLowStock(ctx)
	if err != nil {
		a.log.Error("low stock count after commit", "err", err)
		return
	}
	a.emit(EventStockLow, LowStockEvent{Count: n, NewlyLow: lowStockLineViews(newly)})
}
