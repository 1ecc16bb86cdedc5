package app

import (
	"oms/internal/auth"
	"oms/internal/shipping"
)

// Who fulfils: warehouse staff pick, pack and ship; anyone who sees
// orders sees their shipments.
func init() {
	addRules(map[string]rule{
		"ShipmentsAPI.PickLines":      need(auth.PermWarehouseUse),
		"ShipmentsAPI.Pick":           need(auth.PermWarehouseUse),
		"ShipmentsAPI.ShortPick":      need(auth.PermWarehouseUse),
		"ShipmentsAPI.PackOrder":      need(auth.PermWarehouseUse),
		"ShipmentsAPI.PackOrderByID":  need(auth.PermWarehouseUse),
		"ShipmentsAPI.PackScan":       need(auth.PermWarehouseUse),
		"ShipmentsAPI.CreateShipment": need(auth.PermWarehouseUse),
		"ShipmentsAPI.SetTracking":    need(auth.PermWarehouseUse),
		"ShipmentsAPI.UpdateStatus":   need(auth.PermWarehouseUse),
		"ShipmentsAPI.Shipments":      need(auth.PermOrdersView),
		"ShipmentsAPI.Shipment":       need(auth.PermOrdersView),
	})
}

// ShipmentsAPI is fulfilment on the warehouse floor: picking by scanning,
// the pack station, and shipments with their tracking.
type ShipmentsAPI struct{ a *App }

// PickLines returns what there is to pick of a wave of orders in picking,
// one entry per order line. EINVALID on "orderIds"; ENOTFOUND.
func (x *ShipmentsAPI) PickLines(orderIDs []string) ([]PickLineView, error) {
	if _, err := x.a.guard(); err != nil {
		return nil, err
	}
	lines, err := x.a.svc.Orders.FindPickLines(x.a.context(), orderIDs)
	if err != nil {
		return nil, err
	}
	return pickLineViews(lines), nil
}

// Pick records one scan of the pick screen: quantity (0 is 1) of the
// scanned product taken off the shelf for the wave. A wrong item or too
// many is refused and nothing is recorded: ENOTFOUND or EINVALID on
// "code", EINVALID on "quantity".
func (x *ShipmentsAPI) Pick(orderIDs []string, code string, quantity int64) (PickScanView, error) {
	me, err := x.a.guard()
	if err != nil {
		return PickScanView{}, err
	}
	got, err := x.a.svc.Orders.Pick(x.a.context(), actorOf(me), orderIDs, code, quantity)
	if err != nil {
		return PickScanView{}, err
	}
	x.a.emit(EventOrdersChanged, got.Line.OrderID)
	return PickScanView{Line: pickLineView(got.Line), Quantity: got.Quantity}, nil
}

// ShortPick records that missing units of a product were not on the
// shelf: they are backordered on the wave's orders, the latest first.
// It returns the wave's lines after. EINVALID on "missing",
// "productId", "note", "orderIds".
func (x *ShipmentsAPI) ShortPick(orderIDs []string, productID string, missing int64, note string) ([]PickLineView, error) {
	me, err := x.a.guard()
	if err != nil {
		return nil, err
	}
	lines, err := x.a.svc.Orders.ShortPick(x.a.context(), actorOf(me), orderIDs, productID, missing, note)
	if err != nil {
		return nil, err
	}
	x.a.emit(EventOrdersChanged, nil)
	x.a.emit(EventStockChanged, nil)
	return pickLineViews(lines), nil
}

// PackOrder returns the order whose number was scanned at the pack
// station. ENOTFOUND on "number"; EINVALID on "status" for an order that
// cannot ship.
func (x *ShipmentsAPI) PackOrder(number string) (PackOrderView, error) {
	if _, err := x.a.guard(); err != nil {
		return PackOrderView{}, err
	}
	p, err := x.a.svc.Shipping.FindPackOrder(x.a.context(), number)
	if err != nil {
		return PackOrderView{}, err
	}
	return x.packView(p), nil
}

// PackOrderByID returns an order as the pack station sees it. ENOTFOUND.
func (x *ShipmentsAPI) PackOrderByID(id string) (PackOrderView, error) {
	if _, err := x.a.guard(); err != nil {
		return PackOrderView{}, err
	}
	p, err := x.a.svc.Shipping.FindPackOrderByID(x.a.context(), id)
	if err != nil {
		return PackOrderView{}, err
	}
	return x.packView(p), nil
}

// packView is the pack station's view of p, with its customer's name.
func (x *ShipmentsAPI) packView(p *shipping.PackOrder) PackOrderView {
	if o := p.Order; o.CustomerID != "" && o.CustomerName == "" {
		if c, err := x.a.svc.Customers.FindCustomerByID(x.a.context(), o.CustomerID); err == nil {
			o.CustomerName = c.Name
		}
	}
	return packOrderView(p)
}

// PackScan checks a scanned item against the order being packed and
// returns its line. ENOTFOUND or EINVALID on "code" for a wrong item.
func (x *ShipmentsAPI) PackScan(orderID, code string) (PackLineView, error) {
	if _, err := x.a.guard(); err != nil {
		return PackLineView{}, err
	}
	l, err := x.a.svc.Shipping.PackScan(x.a.context(), orderID, code)
	if err != nil {
		return PackLineView{}, err
	}
	return packLineView(l), nil
}

// CreateShipment packs a shipment: its lines leave stock, its cost comes
// from the carrier's rate table and its tracking number is given or
// generated. EINVALID names the field at fault; ENOTFOUND.
func (x *ShipmentsAPI) CreateShipment(in ShipmentRequest) (ShipmentView, error) {
	me, err := x.a.guard()
	if err != nil {
		return ShipmentView{}, err
	}
	return x.result(x.a.svc.Shipping.CreateShipment(x.a.context(), actorOf(me), in.domain()))
}

// SetTracking records a shipment's tracking number, typed or scanned.
// EINVALID on "trackingNumber" or "status"; ENOTFOUND.
func (x *ShipmentsAPI) SetTracking(id, trackingNumber string) (ShipmentView, error) {
	me, err := x.a.guard()
	if err != nil {
		return ShipmentView{}, err
	}
	return x.result(x.a.svc.Shipping.SetTracking(x.a.context(), actorOf(me), id, trackingNumber))
}

// UpdateStatus records a step of a shipment's journey: in_transit,
// delivered, exception or returned; its order follows. EINVALID on
// "status" or "note"; ENOTFOUND.
func (x *ShipmentsAPI) UpdateStatus(id, status, note string) (ShipmentView, error) {
	me, err := x.a.guard()
	if err != nil {
		return ShipmentView{}, err
	}
	return x.result(x.a.svc.Shipping.UpdateStatus(x.a.context(), actorOf(me), id, shipping.Status(status), note))
}

func (x *ShipmentsAPI) result(sh *shipping.Shipment, err error) (ShipmentView, error) {
	if err != nil {
		return ShipmentView{}, err
	}
	x.a.emit(EventOrdersChanged, sh.OrderID)
	x.a.emit(EventStockChanged, nil)
	return shipmentView(sh), nil
}

// Shipments returns shipments, newest first. EINVALID on "status", "from"
// and "to".
func (x *ShipmentsAPI) Shipments(q ShipmentQuery) (ShipmentPage, error) {
	empty := ShipmentPage{Items: []ShipmentView{}}
	if _, err := x.a.guard(); err != nil {
		return empty, err
	}
	f, err := q.filter()
	if err != nil {
		return empty, err
	}
	list, total, err := x.a.svc.Shipping.FindShipments(x.a.context(), f)
	if err != nil {
		return empty, err
	}
	return ShipmentPage{Items: shipmentViews(list), Total: total}, nil
}

// Shipment returns a shipment with its packages, lines and events.
// ENOTFOUND.
func (x *ShipmentsAPI) Shipment(id string) (ShipmentView, error) {
	if _, err := x.a.guard(); err != nil {
		return ShipmentView{}, err
	}
	sh, err := x.a.svc.Shipping.FindShipmentByID(x.a.context(), id)
	if err != nil {
		return ShipmentView{}, err
	}
	return shipmentView(sh), nil
}
