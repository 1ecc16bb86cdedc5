package app

import (
	"oms/internal/auth"
	"oms/internal/stock"
)

func init() {
	addRules(map[string]rule{
		"StockAPI.Warehouses":           need(auth.PermStockView),
		"StockAPI.CreateWarehouse":      need(auth.PermStockManage),
		"StockAPI.UpdateWarehouse":      need(auth.PermStockManage),
		"StockAPI.Bins":                 need(auth.PermStockView),
		"StockAPI.CreateBin":            need(auth.PermStockManage),
		"StockAPI.SetBinActive":         need(auth.PermStockManage),
		"StockAPI.ProductStock":         need(auth.PermStockView),
		"StockAPI.Levels":               need(auth.PermStockView),
		"StockAPI.Movements":            need(auth.PermStockView),
		"StockAPI.LowStock":             need(auth.PermStockView),
		"StockAPI.Suppliers":            need(auth.PermStockView),
		"StockAPI.CreateSupplier":       need(auth.PermStockManage),
		"StockAPI.UpdateSupplier":       need(auth.PermStockManage),
		"StockAPI.PurchaseOrders":       need(auth.PermStockView),
		"StockAPI.PurchaseOrder":        need(auth.PermStockView),
		"StockAPI.CreatePurchaseOrder":  need(auth.PermStockManage),
		"StockAPI.UpdatePurchaseOrder":  need(auth.PermStockManage),
		"StockAPI.SendPurchaseOrder":    need(auth.PermStockManage),
		"StockAPI.CancelPurchaseOrder":  need(auth.PermStockManage),
		"StockAPI.ReceivePurchaseOrder": need(auth.PermWarehouseUse),
		"StockAPI.ReorderSuggestions":   need(auth.PermStockView),
		"StockAPI.CreateReorderPO":      need(auth.PermStockManage),
		"StockAPI.Transfer":             need(auth.PermWarehouseUse),
		"StockAPI.Adjust":               need(auth.PermWarehouseUse),
		"StockAPI.OpenCount":            need(auth.PermWarehouseUse),
		"StockAPI.RecordCount":          need(auth.PermWarehouseUse),
		"StockAPI.PostCount":            need(auth.PermWarehouseUse),
		"StockAPI.CancelCount":          need(auth.PermWarehouseUse),
		"StockAPI.Count":                need(auth.PermStockView),
		"StockAPI.Counts":               need(auth.PermStockView),
		"StockAPI.Uncounted":            need(auth.PermStockView),
	})
}

// EventStockChanged tells the frontend that stock moved (receipt, transfer,
// count, adjustment), so it re-reads levels and movements.
const EventStockChanged = "stock:changed"

// StockAPI is warehouses and bins, stock levels and movements, suppliers,
// purchase orders and receiving, transfers and stock counts.
type StockAPI struct{ a *App }

// Warehouses returns every warehouse by code.
func (x *StockAPI) Warehouses() ([]Warehouse, error) {
	if _, err := x.a.guard(); err != nil {
		return nil, err
	}
	ws, err := x.a.svc.Stock.FindWarehouses(x.a.context())
	if err != nil {
		return nil, err
	}
	out := make([]Warehouse, 0, len(ws))
	for _, w := range ws {
		out = append(out, warehouseView(w))
	}
	return out, nil
}

// CreateWarehouse adds a warehouse. EINVALID on "code" or "name";
// ECONFLICT on "code" when taken.
func (x *StockAPI) CreateWarehouse(in WarehouseInput) (Warehouse, error) {
	me, err := x.a.guard()
	if err != nil {
		return Warehouse{}, err
	}
	w, err := x.a.svc.Stock.CreateWarehouse(x.a.context(), actorOf(me), stock.WarehouseInput{Code: in.Code, Name: in.Name})
	if err != nil {
		return Warehouse{}, err
	}
	return warehouseView(w), nil
}

// UpdateWarehouse changes a warehouse's code, name and whether it is
// active. ENOTFOUND, EINVALID or ECONFLICT as for CreateWarehouse.
func (x *StockAPI) UpdateWarehouse(id string, in WarehouseInput, active bool) (Warehouse, error) {
	me, err := x.a.guard()
	if err != nil {
		return Warehouse{}, err
	}
	w, err := x.a.svc.Stock.UpdateWarehouse(x.a.context(), actorOf(me), id,
		stock.WarehouseUpdate{Code: &in.Code, Name: &in.Name, Active: &active})
	if err != nil {
		return Warehouse{}, err
	}
	return warehouseView(w), nil
}

// Bins returns the bins of a warehouse in path order.
func (x *StockAPI) Bins(warehouseID string, activeOnly bool) ([]Bin, error) {
	if _, err := x.a.guard(); err != nil {
		return nil, err
	}
	bs, err := x.a.svc.Stock.FindBins(x.a.context(), warehouseID, activeOnly)
	if err != nil {
		return nil, err
	}
	out := make([]Bin, 0, len(bs))
	for _, b := range bs {
		out = append(out, binView(b))
	}
	return out, nil
}

// CreateBin adds a bin to a warehouse. EINVALID on "code"; ENOTFOUND on
// "warehouseId"; ECONFLICT on "code" when the warehouse has it.
func (x *StockAPI) CreateBin(warehouseID, code string) (Bin, error) {
	me, err := x.a.guard()
	if err != nil {
		return Bin{}, err
	}
	b, err := x.a.svc.Stock.CreateBin(x.a.context(), actorOf(me), warehouseID, code)
	if err != nil {
		return Bin{}, err
	}
	return binView(b), nil
}

// SetBinActive deactivates or reactivates a bin. ENOTFOUND.
func (x *StockAPI) SetBinActive(id string, active bool) (Bin, error) {
	me, err := x.a.guard()
	if err != nil {
		return Bin{}, err
	}
	b, err := x.a.svc.Stock.SetBinActive(x.a.context(), actorOf(me), id, active)
	if err != nil {
		return Bin{}, err
	}
	return binView(b), nil
}

// ProductStock returns a product's stock per warehouse (binId "").
func (x *StockAPI) ProductStock(productID string) ([]StockLevel, error) {
	if _, err := x.a.guard(); err != nil {
		return nil, err
	}
	ls, err := x.a.svc.Stock.FindProductStock(x.a.context(), productID)
	if err != nil {
		return nil, err
	}
	return levelViews(ls), nil
}

// Levels returns stock per product, warehouse and bin matching f.
// EINVALID on "productId" when f selects no product and no place.
func (x *StockAPI) Levels(f LevelFilter) ([]StockLevel, error) {
	if _, err := x.a.guard(); err != nil {
		return nil, err
	}
	ls, err := x.a.svc.Stock.FindLevels(x.a.context(), stock.LevelFilter{ProductID: f.ProductID, WarehouseID: f.WarehouseID,
		BinID: f.BinID, NonZero: f.NonZero})
	if err != nil {
		return nil, err
	}
	return levelViews(ls), nil
}

// Movements returns a page of movements matching f, newest first.
func (x *StockAPI) Movements(f MovementFilter) (MovementPage, error) {
	if _, err := x.a.guard(); err != nil {
		return MovementPage{}, err
	}
	ms, total, err := x.a.svc.Stock.FindMovements(x.a.context(), stock.MovementFilter{ProductID: f.ProductID,
		WarehouseID: f.WarehouseID, BinID: f.BinID, Kind: stock.Kind(f.Kind), RefType: f.RefType, RefID: f.RefID,
		Limit: f.Limit, Offset: f.Offset})
	if err != nil {
		return MovementPage{}, err
	}
	return MovementPage{Items: movementViews(ms), Total: total}, nil
}

// LowStock returns the active products below their reorder point in a
// warehouse ("" for all), by SKU.
func (x *StockAPI) LowStock(warehouseID string) ([]LowStockItem, error) {
	if _, err := x.a.guard(); err != nil {
		return nil, err
	}
	items, err := x.a.svc.Stock.LowStock(x.a.context(), warehouseID)
	if err != nil {
		return nil, err
	}
	out := make([]LowStockItem, 0, len(items))
	for _, l := range items {
		out = append(out, lowStockView(*l))
	}
	return out, nil
}

// Suppliers returns the suppliers by code; activeOnly leaves out the
// inactive ones.
func (x *StockAPI) Suppliers(activeOnly bool) ([]Supplier, error) {
	if _, err := x.a.guard(); err != nil {
		return nil, err
	}
	ss, err := x.a.svc.Stock.FindSuppliers(x.a.context(), activeOnly)
	if err != nil {
		return nil, err
	}
	out := make([]Supplier, 0, len(ss))
	for _, s := range ss {
		out = append(out, supplierView(s))
	}
	return out, nil
}

// CreateSupplier adds a supplier. EINVALID names the field; ECONFLICT on
// "code" when taken.
func (x *StockAPI) CreateSupplier(in SupplierInput) (Supplier, error) {
	me, err := x.a.guard()
	if err != nil {
		return Supplier{}, err
	}
	s, err := x.a.svc.Stock.CreateSupplier(x.a.context(), actorOf(me), stock.SupplierInput{Code: in.Code, Name: in.Name,
		Email: in.Email, Phone: in.Phone, Notes: in.Notes})
	if err != nil {
		return Supplier{}, err
	}
	return supplierView(s), nil
}

// UpdateSupplier changes every field of a supplier, active included.
// ENOTFOUND, EINVALID or ECONFLICT as for CreateSupplier.
func (x *StockAPI) UpdateSupplier(id string, in SupplierInput) (Supplier, error) {
	me, err := x.a.guard()
	if err != nil {
		return Supplier{}, err
	}
	s, err := x.a.svc.Stock.UpdateSupplier(x.a.context(), actorOf(me), id, stock.SupplierUpdate{Code: &in.Code, Name: &in.Name,
		Email: &in.Email, Phone: &in.Phone, Notes: &in.Notes, Active: &in.Active})
	if err != nil {
		return Supplier{}, err
	}
	return supplierView(s), nil
}

// PurchaseOrders returns a page of purchase orders, without lines but
// with their totals, newest first.
func (x *StockAPI) PurchaseOrders(f PurchaseOrderFilter) (PurchaseOrderPage, error) {
	if _, err := x.a.guard(); err != nil {
		return PurchaseOrderPage{}, err
	}
	pos, total, err := x.a.svc.Stock.FindPurchaseOrders(x.a.context(), stock.PurchaseOrderFilter{Status: stock.POStatus(f.Status),
		SupplierID: f.SupplierID, Limit: f.Limit, Offset: f.Offset})
	if err != nil {
		return PurchaseOrderPage{}, err
	}
	out := PurchaseOrderPage{Items: make([]PurchaseOrder, 0, len(pos)), Total: total}
	for _, po := range pos {
		out.Items = append(out.Items, purchaseOrderView(po))
	}
	return out, nil
}

// PurchaseOrder returns a purchase order with its lines. ENOTFOUND.
func (x *StockAPI) PurchaseOrder(id string) (PurchaseOrder, error) {
	if _, err := x.a.guard(); err != nil {
		return PurchaseOrder{}, err
	}
	po, err := x.a.svc.Stock.FindPurchaseOrderByID(x.a.context(), id)
	if err != nil {
		return PurchaseOrder{}, err
	}
	return purchaseOrderView(po), nil
}

// CreatePurchaseOrder adds a draft purchase order. ENOTFOUND on
// "supplierId" or "warehouseId"; EINVALID, ENOTFOUND or ECONFLICT on
// "lines.N.field".
func (x *StockAPI) CreatePurchaseOrder(in PurchaseOrderInput) (PurchaseOrder, error) {
	me, err := x.a.guard()
	if err != nil {
		return PurchaseOrder{}, err
	}
	po, err := x.a.svc.Stock.CreatePurchaseOrder(x.a.context(), actorOf(me), stock.PurchaseOrderInput{SupplierID: in.SupplierID,
		WarehouseID: in.WarehouseID, Notes: in.Notes, Lines: poLines(in.Lines)})
	if err != nil {
		return PurchaseOrder{}, err
	}
	return purchaseOrderView(po), nil
}

// UpdatePurchaseOrder replaces the notes and lines of a draft. ECONFLICT
// once it is sent; otherwise the errors of CreatePurchaseOrder.
func (x *StockAPI) UpdatePurchaseOrder(id string, notes string, lines []PurchaseOrderLineInput) (PurchaseOrder, error) {
	me, err := x.a.guard()
	if err != nil {
		return PurchaseOrder{}, err
	}
	ls := poLines(lines)
	po, err := x.a.svc.Stock.UpdatePurchaseOrder(x.a.context(), actorOf(me), id, stock.PurchaseOrderUpdate{Notes: &notes, Lines: &ls})
	if err != nil {
		return PurchaseOrder{}, err
	}
	return purchaseOrderView(po), nil
}

// SendPurchaseOrder marks a draft as sent to the supplier. ENOTFOUND;
// ECONFLICT when it is not a draft.
func (x *StockAPI) SendPurchaseOrder(id string) (PurchaseOrder, error) {
	me, err := x.a.guard()
	if err != nil {
		return PurchaseOrder{}, err
	}
	po, err := x.a.svc.Stock.SendPurchaseOrder(x.a.context(), actorOf(me), id)
	if err != nil {
		return PurchaseOrder{}, err
	}
	return purchaseOrderView(po), nil
}

// CancelPurchaseOrder cancels an order not yet received in full.
// ENOTFOUND; ECONFLICT otherwise.
func (x *StockAPI) CancelPurchaseOrder(id string) (PurchaseOrder, error) {
	me, err := x.a.guard()
	if err != nil {
		return PurchaseOrder{}, err
	}
	po, err := x.a.svc.Stock.CancelPurchaseOrder(x.a.context(), actorOf(me), id)
	if err != nil {
		return PurchaseOrder{}, err
	}
	return purchaseOrderView(po), nil
}

// ReceivePurchaseOrder puts goods of a purchase order into stock.
// ECONFLICT on "lines.N.quantity" when a line would exceed what was
// ordered without allowOver; ECONFLICT for a cancelled order; EINVALID on
// "lines.N.productId" for a product not on the order.
func (x *StockAPI) ReceivePurchaseOrder(id string, in ReceiveInput) (ReceiveResult, error) {
	me, err := x.a.guard()
	if err != nil {
		return ReceiveResult{}, err
	}
	lines := make([]stock.ReceiveLine, 0, len(in.Lines))
	for _, l := range in.Lines {
		lines = append(lines, stock.ReceiveLine{LineID: l.LineID, ProductID: l.ProductID, BinID: l.BinID, Quantity: l.Quantity})
	}
	po, moves, err := x.a.svc.Stock.ReceivePurchaseOrder(x.a.context(), actorOf(me), id,
		stock.ReceiveInput{Lines: lines, AllowOver: in.AllowOver})
	if err != nil {
		return ReceiveResult{}, err
	}
	x.a.emit(EventStockChanged, nil)
	x.a.notifyLowStock(moves...)
	return ReceiveResult{Order: purchaseOrderView(po), Movements: movementViews(moves)}, nil
}

// ReorderSuggestions returns what to order for a warehouse ("" for all).
func (x *StockAPI) ReorderSuggestions(warehouseID string) ([]ReorderSuggestion, error) {
	if _, err := x.a.guard(); err != nil {
		return nil, err
	}
	ss, err := x.a.svc.Stock.ReorderSuggestions(x.a.context(), warehouseID)
	if err != nil {
		return nil, err
	}
	out := make([]ReorderSuggestion, 0, len(ss))
	for _, s := range ss {
		out = append(out, ReorderSuggestion{LowStockItem: lowStockView(s.LowStockItem), Suggested: s.Suggested})
	}
	return out, nil
}

// CreateReorderPO turns reorder suggestions into one draft purchase order.
// EINVALID on "warehouseId"; ECONFLICT when nothing needs ordering.
func (x *StockAPI) CreateReorderPO(in ReorderInput) (PurchaseOrder, error) {
	me, err := x.a.guard()
	if err != nil {
		return PurchaseOrder{}, err
	}
	po, err := x.a.svc.Stock.CreateReorderPO(x.a.context(), actorOf(me), stock.ReorderInput{SupplierID: in.SupplierID,
		WarehouseID: in.WarehouseID, ProductIDs: in.ProductIDs})
	if err != nil {
		return PurchaseOrder{}, err
	}
	return purchaseOrderView(po), nil
}

// Transfer moves stock between bins or warehouses. EINVALID for the same
// place or a quantity below 1; ENOTFOUND on "productId", "from.binId"...;
// ECONFLICT on "quantity" when the source has too little.
func (x *StockAPI) Transfer(in TransferInput) (TransferResult, error) {
	me, err := x.a.guard()
	if err != nil {
		return TransferResult{}, err
	}
	t, err := x.a.svc.Stock.Transfer(x.a.context(), actorOf(me), stock.TransferInput{ProductID: in.ProductID,
		FromWarehouseID: in.FromWarehouseID, FromBinID: in.FromBinID, ToWarehouseID: in.ToWarehouseID, ToBinID: in.ToBinID,
		Quantity: in.Quantity, Reason: in.Reason})
	if err != nil {
		return TransferResult{}, err
	}
	x.a.emit(EventStockChanged, nil)
	x.a.notifyLowStock(t.Out, t.In)
	return TransferResult{ID: t.ID, Out: movementView(t.Out), In: movementView(t.In)}, nil
}

// AdjustmentInput corrects the stock of a product at a bin by a signed
// quantity, with a reason.
type AdjustmentInput struct {
	ProductID   string `json:"productId"`
	WarehouseID string `json:"warehouseId"`
	BinID       string `json:"binId"`
	Quantity    int64  `json:"quantity"`
	Reason      string `json:"reason"`
}

// Adjust posts an adjustment movement. EINVALID on "quantity" or "reason";
// ENOTFOUND on the product or place.
func (x *StockAPI) Adjust(in AdjustmentInput) (Movement, error) {
	me, err := x.a.guard()
	if err != nil {
		return Movement{}, err
	}
	m, err := x.a.svc.Stock.PostMovement(x.a.context(), actorOf(me), stock.MovementInput{Kind: stock.KindAdjustment,
		ProductID: in.ProductID, WarehouseID: in.WarehouseID, BinID: in.BinID, Quantity: in.Quantity, Reason: in.Reason})
	if err != nil {
		return Movement{}, err
	}
	x.a.emit(EventStockChanged, nil)
	x.a.notifyLowStock(m)
	return movementView(m), nil
}

// OpenCount opens a stock count of a warehouse or some of its bins.
// ENOTFOUND on "warehouseId" or "binIds.N".
func (x *StockAPI) OpenCount(in CountInput) (StockCount, error) {
	me, err := x.a.guard()
	if err != nil {
		return StockCount{}, err
	}
	c, err := x.a.svc.Stock.OpenCount(x.a.context(), actorOf(me), stock.CountInput{WarehouseID: in.WarehouseID,
		BinIDs: in.BinIDs, Reason: in.Reason})
	if err != nil {
		return StockCount{}, err
	}
	return countView(c), nil
}

// RecordCount records what was counted of a product at a bin. ECONFLICT
// if the count is not open; EINVALID on "quantity" or "binId".
func (x *StockAPI) RecordCount(countID string, e CountEntry) (CountLine, error) {
	me, err := x.a.guard()
	if err != nil {
		return CountLine{}, err
	}
	l, err := x.a.svc.Stock.RecordCount(x.a.context(), actorOf(me), countID, stock.CountEntry{ProductID: e.ProductID,
		BinID: e.BinID, Quantity: e.Quantity, Add: e.Add})
	if err != nil {
		return CountLine{}, err
	}
	return countLineView(l), nil
}

// PostCount posts a count's variances as count movements with a reason
// and closes it. ECONFLICT if it was posted or cancelled; EINVALID on
// "reason".
func (x *StockAPI) PostCount(countID, reason string) (PostCountResult, error) {
	me, err := x.a.guard()
	if err != nil {
		return PostCountResult{}, err
	}
	c, moves, err := x.a.svc.Stock.PostCount(x.a.context(), actorOf(me), countID, reason)
	if err != nil {
		return PostCountResult{}, err
	}
	x.a.emit(EventStockChanged, nil)
	x.a.notifyLowStock(moves...)
	return PostCountResult{Count: countView(c), Movements: movementViews(moves)}, nil
}

// CancelCount closes an open count without posting it. ECONFLICT if it is
// not open.
func (x *StockAPI) CancelCount(countID string) (StockCount, error) {
	me, err := x.a.guard()
	if err != nil {
		return StockCount{}, err
	}
	c, err := x.a.svc.Stock.CancelCount(x.a.context(), actorOf(me), countID)
	if err != nil {
		return StockCount{}, err
	}
	return countView(c), nil
}

// Count returns a count with its counted lines. ENOTFOUND.
func (x *StockAPI) Count(id string) (StockCount, error) {
	if _, err := x.a.guard(); err != nil {
		return StockCount{}, err
	}
	c, err := x.a.svc.Stock.FindCountByID(x.a.context(), id)
	if err != nil {
		return StockCount{}, err
	}
	return countView(c), nil
}

// Counts returns a page of counts (without lines), newest first.
func (x *StockAPI) Counts(f CountFilter) (CountPage, error) {
	if _, err := x.a.guard(); err != nil {
		return CountPage{}, err
	}
	cs, total, err := x.a.svc.Stock.FindCounts(x.a.context(), stock.CountFilter{WarehouseID: f.WarehouseID,
		Status: stock.CountStatus(f.Status), Limit: f.Limit, Offset: f.Offset})
	if err != nil {
		return CountPage{}, err
	}
	out := CountPage{Items: make([]StockCount, 0, len(cs)), Total: total}
	for _, c := range cs {
		out.Items = append(out.Items, countView(c))
	}
	return out, nil
}

// Uncounted returns a page of what the books have on hand within a count's
// scope that nobody has counted yet, by bin. ENOTFOUND.
func (x *StockAPI) Uncounted(countID string, limit, offset int) ([]StockLevel, error) {
	if _, err := x.a.guard(); err != nil {
		return nil, err
	}
	ls, err := x.a.svc.Stock.FindUncounted(x.a.context(), countID, limit, offset)
	if err != nil {
		return nil, err
	}
	return levelViews(ls), nil
}
