package app

import (
	"time"

	"oms/internal/auth"
	"oms/internal/order"
	"oms/internal/store"
)

// Who may do what with orders. Counter staff take orders: they create and
// change drafts and confirmed orders (every change audited), confirm them
// and hand the goods over. Warehouse staff move orders along picking,
// packing and shipping, and allocate stock that arrived to backorders.
// Cancelling an order that was confirmed is for managers.
func init() {
	addRules(map[string]rule{
		"OrdersAPI.FindOrders":         need(auth.PermOrdersView),
		"OrdersAPI.Order":              need(auth.PermOrdersView),
		"OrdersAPI.Backorders":         need(auth.PermOrdersView),
		"OrdersAPI.NewOrder":           need(auth.PermOrdersCreate),
		"OrdersAPI.UpdateOrder":        need(auth.PermOrdersCreate),
		"OrdersAPI.AddLine":            need(auth.PermOrdersCreate),
		"OrdersAPI.Scan":               need(auth.PermOrdersCreate),
		"OrdersAPI.UpdateLine":         need(auth.PermOrdersCreate),
		"OrdersAPI.RemoveLine":         need(auth.PermOrdersCreate),
		"OrdersAPI.DeleteDraft":        need(auth.PermOrdersCreate),
		"OrdersAPI.Confirm":            need(auth.PermOrdersCreate),
		"OrdersAPI.HandOver":           need(auth.PermOrdersCreate),
		"OrdersAPI.Cancel":             need(auth.PermOrdersManage),
		"OrdersAPI.Advance":            need(auth.PermWarehouseUse),
		"OrdersAPI.AllocateBackorders": need(auth.PermWarehouseUse),
	})
}

// EventOrdersChanged tells the frontend that an order changed (its id is
// the data), so lists and open order pages refetch. Changes that move
// reservations or stock also send EventStockChanged.
const EventOrdersChanged = "orders:changed"

// OrdersAPI is the counter, the orders list, the order page and the
// backorder list.
type OrdersAPI struct{ a *App }

// FindOrders returns a page of orders, newest first, each with its payment
// status, and how many match. EINVALID on "from" or "to" for a bad date, on
// "paymentStatus" for an unknown payment status.
func (x *OrdersAPI) FindOrders(q OrderQuery) (OrderPage, error) {
	empty := OrderPage{Items: []OrderView{}}
	if _, err := x.a.guard(); err != nil {
		return empty, err
	}
	f, err := q.filter()
	if err != nil {
		return empty, err
	}
	found, total, err := x.a.svc.Orders.FindOrders(x.a.context(), f)
	if err != nil {
		return empty, err
	}
	page := OrderPage{Items: make([]OrderView, 0, len(found)), Total: total, Capped: f.Query != "" && total > order.QueryTotalCap}
	for _, o := range found {
		page.Items = append(page.Items, orderView(o))
	}
	return page, nil
}

// Order returns an order with its lines and history. ENOTFOUND.
func (x *OrdersAPI) Order(id string) (OrderView, error) {
	if _, err := x.a.guard(); err != nil {
		return orderView(nil), err
	}
	return x.find(id)
}

func (x *OrdersAPI) find(id string) (OrderView, error) {
	o, err := x.a.svc.Orders.FindOrderByID(x.a.context(), id)
	if err != nil {
		return orderView(nil), err
	}
	if o.CustomerID != "" && o.CustomerName == "" {
		if c, err := x.a.svc.Customers.FindCustomerByID(x.a.context(), o.CustomerID); err == nil {
			o.CustomerName = c.Name
		}
	}
	return orderView(o), nil
}

// result maps a changed order to its view, with the customer's name, and
// tells the frontend. Stock moves unless the order is a draft.
func (x *OrdersAPI) result(o *order.Order, err error) (OrderView, error) {
	if err != nil {
		return orderView(nil), err
	}
	x.a.emit(EventOrdersChanged, o.ID)
	if o.Status != order.StatusDraft {
		x.a.emit(EventStockChanged, nil)
	}
	return x.find(o.ID)
}

// NewOrder starts a draft. EINVALID on "channel"; ENOTFOUND on
// "customerId" or "warehouseId".
func (x *OrdersAPI) NewOrder(in NewOrderRequest) (OrderView, error) {
	me, err := x.a.guard()
	if err != nil {
		return orderView(nil), err
	}
	return x.result(x.a.svc.Orders.CreateOrder(x.a.context(), actorOf(me), order.OrderInput{CustomerID: in.CustomerID,
		Channel: order.Channel(in.Channel), WarehouseID: in.WarehouseID, Notes: in.Notes}))
}

// UpdateOrder saves the header of a draft or confirmed order last read at
// version. ECONFLICT on "version" when it changed since (reload), on
// "status" once it is being fulfilled, on "customerId" or "warehouseId"
// for a confirmed order; EINVALID on the field at fault.
func (x *OrdersAPI) UpdateOrder(id string, version int64, in OrderFields) (OrderView, error) {
	me, err := x.a.guard()
	if err != nil {
		return orderView(nil), err
	}
	current, err := x.a.svc.Orders.FindOrderByID(x.a.context(), id)
	if err != nil {
		return orderView(nil), err
	}
	return x.result(x.a.svc.Orders.UpdateOrder(x.a.context(), actorOf(me), id, version, in.update(current)))
}

// AddLine adds a product to an order last read at version. ECONFLICT on
// "version" or "status"; EINVALID on "quantity" or "discountBps";
// ENOTFOUND on "productId"; ECONFLICT for an archived product.
func (x *OrdersAPI) AddLine(orderID string, version int64, productID string, quantity, discountBps int64) (OrderView, error) {
	me, err := x.a.guard()
	if err != nil {
		return orderView(nil), err
	}
	return x.result(x.a.svc.Orders.AddLine(x.a.context(), actorOf(me), orderID, version,
		order.LineInput{ProductID: productID, Quantity: quantity, DiscountBps: discountBps}))
}

// Scan adds the product with a scanned barcode or typed SKU to an order
// last read at version, onto its line when it has one. ENOTFOUND on "code";
// EINVALID on "code" or "quantity"; ECONFLICT on "version" or "status".
func (x *OrdersAPI) Scan(orderID string, version int64, code string, quantity int64) (OrderView, error) {
	me, err := x.a.guard()
	if err != nil {
		return orderView(nil), err
	}
	return x.result(x.a.svc.Orders.AddScanned(x.a.context(), actorOf(me), orderID, version,
		order.ScanInput{Code: code, Quantity: quantity}))
}

// UpdateLine changes a line's quantity and discount. Same errors as AddLine,
// ENOTFOUND on "lineId".
func (x *OrdersAPI) UpdateLine(lineID string, version int64, in LineFields) (OrderView, error) {
	me, err := x.a.guard()
	if err != nil {
		return orderView(nil), err
	}
	return x.result(x.a.svc.Orders.UpdateLine(x.a.context(), actorOf(me), lineID, version,
		order.LineUpdate{Quantity: &in.Quantity, DiscountBps: &in.DiscountBps, DiscountAmount: &in.DiscountAmount}))
}

// RemoveLine removes a line. ECONFLICT on "version" or "status"; ENOTFOUND
// on "lineId".
func (x *OrdersAPI) RemoveLine(lineID string, version int64) (OrderView, error) {
	me, err := x.a.guard()
	if err != nil {
		return orderView(nil), err
	}
	return x.result(x.a.svc.Orders.RemoveLine(x.a.context(), actorOf(me), lineID, version))
}

// DeleteDraft deletes a draft; other orders are cancelled instead
// (ECONFLICT on "status"). ECONFLICT on "version"; ENOTFOUND.
func (x *OrdersAPI) DeleteDraft(id string, version int64) error {
	me, err := x.a.guard()
	if err != nil {
		return err
	}
	if err := x.a.svc.Orders.DeleteDraft(x.a.context(), actorOf(me), id, version); err != nil {
		return err
	}
	x.a.emit(EventOrdersChanged, id)
	return nil
}

// Confirm confirms a draft last read at version and reserves its stock;
// what is short stays backordered. ECONFLICT on "version" or for an
// archived product; EINVALID on "status", "lines" or "warehouseId".
func (x *OrdersAPI) Confirm(id string, version int64) (OrderView, error) {
	me, err := x.a.guard()
	if err != nil {
		return orderView(nil), err
	}
	return x.result(x.a.svc.Orders.Confirm(x.a.context(), actorOf(me), id, version))
}

// HandOver completes a confirmed counter sale: the customer takes the
// goods, and the order is delivered. EINVALID on "status".
func (x *OrdersAPI) HandOver(id string) (OrderView, error) {
	me, err := x.a.guard()
	if err != nil {
		return orderView(nil), err
	}
	return x.result(x.a.svc.Orders.HandOver(x.a.context(), actorOf(me), id))
}

// Cancel cancels an order not yet shipped and releases its stock; note
// says why. EINVALID on "status" or "note".
func (x *OrdersAPI) Cancel(id, note string) (OrderView, error) {
	me, err := x.a.guard()
	if err != nil {
		return orderView(nil), err
	}
	return x.result(x.a.svc.Orders.Cancel(x.a.context(), actorOf(me), id, note))
}

// Advance moves an order one step: picking, packed, shipped, delivered.
// EINVALID on "status" for a skipped or backward step, or a short order
// about to ship.
func (x *OrdersAPI) Advance(id, to, note string) (OrderView, error) {
	me, err := x.a.guard()
	if err != nil {
		return orderView(nil), err
	}
	return x.result(x.a.svc.Orders.Advance(x.a.context(), actorOf(me), id, order.Status(to), note))
}

// Backorders returns order lines waiting for stock, oldest order first,
// with what is available for them now.
func (x *OrdersAPI) Backorders(warehouseID, productID string, limit, offset int) (BackorderPage, error) {
	empty := BackorderPage{Items: []BackorderView{}}
	if _, err := x.a.guard(); err != nil {
		return empty, err
	}
	found, total, err := x.a.svc.Orders.FindBackorders(x.a.context(),
		order.BackorderFilter{WarehouseID: warehouseID, ProductID: productID, Limit: limit, Offset: offset})
	if err != nil {
		return empty, err
	}
	page := BackorderPage{Items: make([]BackorderView, 0, len(found)), Total: total}
	for _, b := range found {
		at := b.OrderedAt
		if t, err := store.ParseTime(at); err == nil {
			at = t.Format(time.RFC3339)
		}
		page.Items = append(page.Items, BackorderView{LineID: b.LineID, OrderID: b.OrderID, OrderNumber: b.OrderNumber,
			OrderStatus: string(b.OrderStatus), CustomerName: b.CustomerName, WarehouseID: b.WarehouseID, ProductID: b.ProductID,
			SKU: b.SKU, Name: b.Name, Quantity: b.Quantity, Backordered: b.Backordered, Available: b.Available, OrderedAt: at})
	}
	return page, nil
}

// AllocateBackorders sets available stock aside for backordered lines,
// oldest order first, for the given products (all when none) in the
// warehouse (all when ""), and returns how many units it allocated.
func (x *OrdersAPI) AllocateBackorders(warehouseID string, productIDs []string) (int64, error) {
	me, err := x.a.guard()
	if err != nil {
		return 0, err
	}
	n, err := x.a.svc.Orders.AllocateBackorders(x.a.context(), actorOf(me), warehouseID, productIDs)
	if err == nil && n > 0 {
		x.a.emit(EventOrdersChanged, "")
		x.a.emit(EventStockChanged, nil)
	}
	return n, err
}
