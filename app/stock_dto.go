package app

import (
	"oms/internal/stock"
)

// Warehouse is a place stock is kept.
type Warehouse struct {
	ID     string `json:"id"`
	Code   string `json:"code"`
	Name   string `json:"name"`
	Active bool   `json:"active"`
}

func warehouseView(w *stock.Warehouse) Warehouse {
	if w == nil {
		return Warehouse{}
	}
	return Warehouse{ID: w.ID, Code: w.Code, Name: w.Name, Active: w.Active}
}

// WarehouseInput is a new warehouse.
type WarehouseInput struct {
	Code string `json:"code"`
	Name string `json:"name"`
}

// Bin is a location inside a warehouse ("A-01-03").
type Bin struct {
	ID          string `json:"id"`
	WarehouseID string `json:"warehouseId"`
	Code        string `json:"code"`
	Active      bool   `json:"active"`
}

func binView(b *stock.Bin) Bin {
	if b == nil {
		return Bin{}
	}
	return Bin{ID: b.ID, WarehouseID: b.WarehouseID, Code: b.Code, Active: b.Active}
}

// StockLevel is the stock of a product at a bin, a warehouse (binId "") or
// everywhere, depending on the call.
type StockLevel struct {
	ProductID   string `json:"productId"`
	WarehouseID string `json:"warehouseId"`
	BinID       string `json:"binId"`
	OnHand      int64  `json:"onHand"`
	Reserved    int64  `json:"reserved"`
	Available   int64  `json:"available"`
}

func levelViews(ls []*stock.Level) []StockLevel {
	out := make([]StockLevel, 0, len(ls))
	for _, l := range ls {
		out = append(out, StockLevel{ProductID: l.ProductID, WarehouseID: l.WarehouseID, BinID: l.BinID, OnHand: l.OnHand,
			Reserved: l.Reserved, Available: l.Available})
	}
	return out
}

// LevelFilter selects stock levels: a product, a warehouse or a bin is
// required. NonZero leaves out places with nothing on hand or reserved.
type LevelFilter struct {
	ProductID   string `json:"productId"`
	WarehouseID string `json:"warehouseId"`
	BinID       string `json:"binId"`
	NonZero     bool   `json:"nonZero"`
}

// Movement is one entry of the stock ledger: what, where, how many, who,
// when, why and what it belongs to (refType order, po, count, transfer...).
type Movement struct {
	ID          string `json:"id"`
	Kind        string `json:"kind"`
	ProductID   string `json:"productId"`
	WarehouseID string `json:"warehouseId"`
	BinID       string `json:"binId"`
	Quantity    int64  `json:"quantity"`
	UnitCost    int64  `json:"unitCost"`
	Reason      string `json:"reason"`
	RefType     string `json:"refType"`
	RefID       string `json:"refId"`
	UserName    string `json:"userName"`
	CreatedAt   string `json:"createdAt"`
}

func movementView(m *stock.Movement) Movement {
	if m == nil {
		return Movement{}
	}
	return Movement{ID: m.ID, Kind: string(m.Kind), ProductID: m.ProductID, WarehouseID: m.WarehouseID, BinID: m.BinID,
		Quantity: m.Quantity, UnitCost: m.UnitCost, Reason: m.Reason, RefType: m.RefType, RefID: m.RefID,
		UserName: m.UserName, CreatedAt: stockTime(m.CreatedAt)}
}

func movementViews(ms []*stock.Movement) []Movement {
	out := make([]Movement, 0, len(ms))
	for _, m := range ms {
		out = append(out, movementView(m))
	}
	return out
}

// MovementFilter selects movements; empty fields select all. Limit
// defaults to 100 and is capped at 1000.
type MovementFilter struct {
	ProductID   string `json:"productId"`
	WarehouseID string `json:"warehouseId"`
	BinID       string `json:"binId"`
	Kind        string `json:"kind"`
	RefType     string `json:"refType"`
	RefID       string `json:"refId"`
	Limit       int    `json:"limit"`
	Offset      int    `json:"offset"`
}

// MovementPage is a page of movements, newest first, and how many match.
type MovementPage struct {
	Items []Movement `json:"items"`
	Total int        `json:"total"`
}

// LowStockItem is a product whose available stock is below its reorder
// point, with what is already on order. Cost is minor units.
type LowStockItem struct {
	ProductID    string `json:"productId"`
	SKU          string `json:"sku"`
	Name         string `json:"name"`
	OnHand       int64  `json:"onHand"`
	Reserved     int64  `json:"reserved"`
	Available    int64  `json:"available"`
	OnOrder      int64  `json:"onOrder"`
	ReorderPoint int64  `json:"reorderPoint"`
	ReorderQty   int64  `json:"reorderQty"`
	Cost         int64  `json:"cost"`
}

func lowStockView(l stock.LowStockItem) LowStockItem {
	return LowStockItem{ProductID: l.ProductID, SKU: l.SKU, Name: l.Name, OnHand: l.OnHand, Reserved: l.Reserved,
		Available: l.Available, OnOrder: l.OnOrder, ReorderPoint: l.ReorderPoint, ReorderQty: l.ReorderQty, Cost: l.Cost}
}

// ReorderSuggestion is a low-stock product and how many to order.
type ReorderSuggestion struct {
	LowStockItem
	Suggested int64 `json:"suggested"`
}

// ReorderInput asks for a draft purchase order from a warehouse's reorder
// suggestions: all, or those of productIds.
type ReorderInput struct {
	SupplierID  string   `json:"supplierId"`
	WarehouseID string   `json:"warehouseId"`
	ProductIDs  []string `json:"productIds"`
}

// Supplier is a business stock is bought from.
type Supplier struct {
	ID     string `json:"id"`
	Code   string `json:"code"`
	Name   string `json:"name"`
	Email  string `json:"email"`
	Phone  string `json:"phone"`
	Notes  string `json:"notes"`
	Active bool   `json:"active"`
}

func supplierView(s *stock.Supplier) Supplier {
	if s == nil {
		return Supplier{}
	}
	return Supplier{ID: s.ID, Code: s.Code, Name: s.Name, Email: s.Email, Phone: s.Phone, Notes: s.Notes, Active: s.Active}
}

// SupplierInput is a new supplier, or every field of one being changed
// (Active is ignored on creation).
type SupplierInput struct {
	Code   string `json:"code"`
	Name   string `json:"name"`
	Email  string `json:"email"`
	Phone  string `json:"phone"`
	Notes  string `json:"notes"`
	Active bool   `json:"active"`
}

// PurchaseOrderLine is one product on a purchase order. Received may
// exceed Quantity after a confirmed over-receipt. UnitCost is minor units.
type PurchaseOrderLine struct {
	ID        string `json:"id"`
	LineNo    int    `json:"lineNo"`
	ProductID string `json:"productId"`
	SKU       string `json:"sku"`
	Name      string `json:"name"`
	Quantity  int64  `json:"quantity"`
	Received  int64  `json:"received"`
	UnitCost  int64  `json:"unitCost"`
}

// PurchaseOrder is an order of stock from a supplier into one warehouse.
// Status: draft, sent, partly_received, received, cancelled. Total is
// minor units. Lists leave Lines empty but carry the order's Total.
type PurchaseOrder struct {
	ID          string              `json:"id"`
	Number      string              `json:"number"`
	SupplierID  string              `json:"supplierId"`
	WarehouseID string              `json:"warehouseId"`
	Status      string              `json:"status"`
	Notes       string              `json:"notes"`
	Lines       []PurchaseOrderLine `json:"lines"`
	Total       int64               `json:"total"`
	SentAt      string              `json:"sentAt"`
	ClosedAt    string              `json:"closedAt"`
	CreatedAt   string              `json:"createdAt"`
}

func purchaseOrderView(po *stock.PurchaseOrder) PurchaseOrder {
	if po == nil {
		return PurchaseOrder{Lines: []PurchaseOrderLine{}}
	}
	v := PurchaseOrder{ID: po.ID, Number: po.Number, SupplierID: po.SupplierID, WarehouseID: po.WarehouseID,
		Status: string(po.Status), Notes: po.Notes, Lines: make([]PurchaseOrderLine, 0, len(po.Lines)), Total: po.Total,
		SentAt: stockTime(po.SentAt), ClosedAt: stockTime(po.ClosedAt), CreatedAt: stockTime(po.CreatedAt)}
	for _, l := range po.Lines {
		v.Lines = append(v.Lines, PurchaseOrderLine{ID: l.ID, LineNo: l.LineNo, ProductID: l.ProductID, SKU: l.SKU, Name: l.Name,
			Quantity: l.Quantity, Received: l.Received, UnitCost: l.UnitCost})
	}
	return v
}

// PurchaseOrderLineInput is a line of a new purchase order.
type PurchaseOrderLineInput struct {
	ProductID string `json:"productId"`
	Quantity  int64  `json:"quantity"`
	UnitCost  int64  `json:"unitCost"`
}

// PurchaseOrderInput is a new draft purchase order.
type PurchaseOrderInput struct {
	SupplierID  string                   `json:"supplierId"`
	WarehouseID string                   `json:"warehouseId"`
	Notes       string                   `json:"notes"`
	Lines       []PurchaseOrderLineInput `json:"lines"`
}

func poLines(in []PurchaseOrderLineInput) []stock.PurchaseOrderLineInput {
	out := make([]stock.PurchaseOrderLineInput, 0, len(in))
	for _, l := range in {
		out = append(out, stock.PurchaseOrderLineInput{ProductID: l.ProductID, Quantity: l.Quantity, UnitCost: l.UnitCost})
	}
	return out
}

// PurchaseOrderFilter selects purchase orders; empty fields select all.
type PurchaseOrderFilter struct {
	Status     string `json:"status"`
	SupplierID string `json:"supplierId"`
	Limit      int    `json:"limit"`
	Offset     int    `json:"offset"`
}

// PurchaseOrderPage is a page of purchase orders (without lines), newest
// first, and how many match.
type PurchaseOrderPage struct {
	Items []PurchaseOrder `json:"items"`
	Total int             `json:"total"`
}

// ReceiveLine is goods arriving for a purchase order: a line (by lineId,
// or by productId as scanned), a quantity and the bin ("" for none).
type ReceiveLine struct {
	LineID    string `json:"lineId"`
	ProductID string `json:"productId"`
	BinID     string `json:"binId"`
	Quantity  int64  `json:"quantity"`
}

// ReceiveInput is one receiving; AllowOver confirms receiving more than
// ordered.
type ReceiveInput struct {
	Lines     []ReceiveLine `json:"lines"`
	AllowOver bool          `json:"allowOver"`
}

// ReceiveResult is the purchase order after receiving and the receipt
// movements.
type ReceiveResult struct {
	Order     PurchaseOrder `json:"order"`
	Movements []Movement    `json:"movements"`
}

// TransferInput moves a quantity of a product between bins or warehouses.
type TransferInput struct {
	ProductID       string `json:"productId"`
	FromWarehouseID string `json:"fromWarehouseId"`
	FromBinID       string `json:"fromBinId"`
	ToWarehouseID   string `json:"toWarehouseId"`
	ToBinID         string `json:"toBinId"`
	Quantity        int64  `json:"quantity"`
	Reason          string `json:"reason"`
}

// TransferResult is the two movements of a transfer.
type TransferResult struct {
	ID  string   `json:"id"`
	Out Movement `json:"out"`
	In  Movement `json:"in"`
}

// CountLine is what was counted of a product at a bin, against what the
// books had then.
type CountLine struct {
	ID        string `json:"id"`
	ProductID string `json:"productId"`
	SKU       string `json:"sku"`
	Name      string `json:"name"`
	BinID     string `json:"binId"`
	Expected  int64  `json:"expected"`
	Counted   int64  `json:"counted"`
	Variance  int64  `json:"variance"`
	CountedBy string `json:"countedBy"`
	CountedAt string `json:"countedAt"`
}

func countLineView(l *stock.CountLine) CountLine {
	if l == nil {
		return CountLine{}
	}
	return CountLine{ID: l.ID, ProductID: l.ProductID, SKU: l.SKU, Name: l.Name, BinID: l.BinID, Expected: l.Expected,
		Counted: l.Counted, Variance: l.Variance, CountedBy: l.CountedBy, CountedAt: stockTime(l.CountedAt)}
}

// StockCount is a stock count of a warehouse or some of its bins. Status:
// open, posted, cancelled. Lists leave Lines empty.
type StockCount struct {
	ID          string      `json:"id"`
	WarehouseID string      `json:"warehouseId"`
	BinIDs      []string    `json:"binIds"`
	Status      string      `json:"status"`
	Reason      string      `json:"reason"`
	OpenedBy    string      `json:"openedBy"`
	ClosedBy    string      `json:"closedBy"`
	ClosedAt    string      `json:"closedAt"`
	CreatedAt   string      `json:"createdAt"`
	Lines       []CountLine `json:"lines"`
}

func countView(c *stock.Count) StockCount {
	if c == nil {
		return StockCount{BinIDs: []string{}, Lines: []CountLine{}}
	}
	v := StockCount{ID: c.ID, WarehouseID: c.WarehouseID, BinIDs: append([]string{}, c.BinIDs...), Status: string(c.Status),
		Reason: c.Reason, OpenedBy: c.OpenedBy, ClosedBy: c.ClosedBy, ClosedAt: stockTime(c.ClosedAt),
		CreatedAt: stockTime(c.CreatedAt), Lines: make([]CountLine, 0, len(c.Lines))}
	for _, l := range c.Lines {
		v.Lines = append(v.Lines, countLineView(l))
	}
	return v
}

// CountInput opens a count of a warehouse, or of some of its bins.
type CountInput struct {
	WarehouseID string   `json:"warehouseId"`
	BinIDs      []string `json:"binIds"`
	Reason      string   `json:"reason"`
}

// CountEntry is one counting of a product at a bin; Add adds the quantity
// to what was counted before (one scan, one item), otherwise it replaces it.
type CountEntry struct {
	ProductID string `json:"productId"`
	BinID     string `json:"binId"`
	Quantity  int64  `json:"quantity"`
	Add       bool   `json:"add"`
}

// CountFilter selects counts; empty fields select all.
type CountFilter struct {
	WarehouseID string `json:"warehouseId"`
	Status      string `json:"status"`
	Limit       int    `json:"limit"`
	Offset      int    `json:"offset"`
}

// CountPage is a page of counts, newest first, and how many match.
type CountPage struct {
	Items []StockCount `json:"items"`
	Total int          `json:"total"`
}

// PostCountResult is the posted count and its count movements.
type PostCountResult struct {
	Count     StockCount `json:"count"`
	Movements []Movement `json:"movements"`
}
