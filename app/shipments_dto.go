package app

import (
	"time"

	"oms/internal/order"
	"oms/internal/shipping"
)

// PickLineView is what is left to pick of one order line in a wave.
type PickLineView struct {
	LineID      string `json:"lineId"`
	OrderID     string `json:"orderId"`
	OrderNumber string `json:"orderNumber"`
	ProductID   string `json:"productId"`
	SKU         string `json:"sku"`
	Name        string `json:"name"`
	Quantity    int64  `json:"quantity"`
	ToPick      int64  `json:"toPick"`
	Picked      int64  `json:"picked"`
	Backordered int64  `json:"backordered"`
	Bin         string `json:"bin"`
	BinSortKey  string `json:"binSortKey"`
}

func pickLineView(l *order.PickLine) PickLineView {
	return PickLineView{LineID: l.LineID, OrderID: l.OrderID, OrderNumber: l.OrderNumber, ProductID: l.ProductID, SKU: l.SKU,
		Name: l.Name, Quantity: l.Quantity, ToPick: l.ToPick, Picked: l.Picked, Backordered: l.Backordered, Bin: l.Bin,
		BinSortKey: l.BinSortKey}
}

func pickLineViews(ls []*order.PickLine) []PickLineView {
	out := make([]PickLineView, 0, len(ls))
	for _, l := range ls {
		out = append(out, pickLineView(l))
	}
	return out
}

// PickScanView is the answer to one scan on the pick screen.
type PickScanView struct {
	Line     PickLineView `json:"line"`
	Quantity int64        `json:"quantity"`
}

// PackLineView is an order line at the pack station.
type PackLineView struct {
	LineID      string `json:"lineId"`
	ProductID   string `json:"productId"`
	SKU         string `json:"sku"`
	Name        string `json:"name"`
	Quantity    int64  `json:"quantity"`
	Picked      int64  `json:"picked"`
	Shipped     int64  `json:"shipped"`
	Backordered int64  `json:"backordered"`
	Packable    int64  `json:"packable"`
	UnitWeightG int64  `json:"unitWeightG"`
}

func packLineView(l *shipping.PackLine) PackLineView {
	return PackLineView{LineID: l.LineID, ProductID: l.ProductID, SKU: l.SKU, Name: l.Name, Quantity: l.Quantity,
		Picked: l.Picked, Shipped: l.Shipped, Backordered: l.Backordered, Packable: l.Packable, UnitWeightG: l.UnitWeightG}
}

// PackOrderView is an order at the pack station.
type PackOrderView struct {
	Order     OrderView      `json:"order"`
	Lines     []PackLineView `json:"lines"`
	Shipments []ShipmentView `json:"shipments"`
}

func packOrderView(p *shipping.PackOrder) PackOrderView {
	v := PackOrderView{Order: orderView(p.Order), Lines: make([]PackLineView, 0, len(p.Lines)), Shipments: shipmentViews(p.Shipments)}
	for _, l := range p.Lines {
		v.Lines = append(v.Lines, packLineView(l))
	}
	return v
}

// PackageView is one parcel of a shipment; weight in grams, sizes in mm.
type PackageView struct {
	PackageNo int   `json:"packageNo"`
	WeightG   int64 `json:"weightG"`
	LengthMM  int64 `json:"lengthMm"`
	WidthMM   int64 `json:"widthMm"`
	HeightMM  int64 `json:"heightMm"`
}

// ShipmentLineView is units of an order line in a shipment.
type ShipmentLineView struct {
	OrderLineID string `json:"orderLineId"`
	ProductID   string `json:"productId"`
	SKU         string `json:"sku"`
	Name        string `json:"name"`
	Quantity    int64  `json:"quantity"`
}

// ShipmentEventView is one step of a shipment's journey.
type ShipmentEventView struct {
	Status   string `json:"status"`
	Note     string `json:"note"`
	UserName string `json:"userName"`
	At       string `json:"at"`
}

// ShipmentView is a shipment with its packages, lines and (from Shipment)
// its events. Cost is minor units of Currency. TrackingURL is the
// carrier's page for it, "" when the carrier has none.
type ShipmentView struct {
	ID             string              `json:"id"`
	Number         string              `json:"number"`
	OrderID        string              `json:"orderId"`
	OrderNumber    string              `json:"orderNumber"`
	CarrierID      string              `json:"carrierId"`
	CarrierName    string              `json:"carrierName"`
	ServiceCode    string              `json:"serviceCode"`
	ServiceName    string              `json:"serviceName"`
	TrackingNumber string              `json:"trackingNumber"`
	TrackingURL    string              `json:"trackingUrl"`
	Status         string              `json:"status"`
	Cost           int64               `json:"cost"`
	Currency       string              `json:"currency"`
	WeightG        int64               `json:"weightG"`
	CreatedBy      string              `json:"createdBy"`
	CreatedAt      string              `json:"createdAt"`
	Packages       []PackageView       `json:"packages"`
	Lines          []ShipmentLineView  `json:"lines"`
	Events         []ShipmentEventView `json:"events"`
}

func shipmentView(sh *shipping.Shipment) ShipmentView {
	v := ShipmentView{ID: sh.ID, Number: sh.Number, OrderID: sh.OrderID, OrderNumber: sh.OrderNumber, CarrierID: sh.CarrierID, CarrierName: sh.CarrierName,
		ServiceCode: sh.ServiceCode, ServiceName: sh.ServiceName, TrackingNumber: sh.TrackingNumber, TrackingURL: sh.TrackingURL,
		Status: string(sh.Status), Cost: sh.Cost, Currency: sh.Currency, WeightG: sh.WeightG, CreatedBy: sh.CreatedBy,
		CreatedAt: sh.CreatedAt.Format(time.RFC3339), Packages: make([]PackageView, 0, len(sh.Packages)),
		Lines: make([]ShipmentLineView, 0, len(sh.Lines)), Events: make([]ShipmentEventView, 0, len(sh.Events))}
	for _, p := range sh.Packages {
		v.Packages = append(v.Packages, PackageView{PackageNo: p.PackageNo, WeightG: p.WeightG, LengthMM: p.LengthMM, WidthMM: p.WidthMM, HeightMM: p.HeightMM})
	}
	for _, l := range sh.Lines {
		v.Lines = append(v.Lines, ShipmentLineView{OrderLineID: l.OrderLineID, ProductID: l.ProductID, SKU: l.SKU, Name: l.Name, Quantity: l.Quantity})
	}
	for _, e := range sh.Events {
		v.Events = append(v.Events, ShipmentEventView{Status: string(e.Status), Note: e.Note, UserName: e.UserName, At: e.At.Format(time.RFC3339)})
	}
	return v
}

func shipmentViews(list []*shipping.Shipment) []ShipmentView {
	out := make([]ShipmentView, 0, len(list))
	for _, sh := range list {
		out = append(out, shipmentView(sh))
	}
	return out
}

// ShipmentRequest is a shipment the pack station creates.
type ShipmentRequest struct {
	OrderID        string            `json:"orderId"`
	CarrierID      string            `json:"carrierId"`
	ServiceID      string            `json:"serviceId"`
	TrackingNumber string            `json:"trackingNumber"`
	Lines          []ShipQuantityIn  `json:"lines"`
	Packages       []PackageInputDTO `json:"packages"`
}

// ShipQuantityIn is units of an order line going into a shipment.
type ShipQuantityIn struct {
	LineID   string `json:"lineId"`
	Quantity int64  `json:"quantity"`
}

// PackageInputDTO is a parcel as weighed (grams) and measured (mm).
type PackageInputDTO struct {
	WeightG  int64 `json:"weightG"`
	LengthMM int64 `json:"lengthMm"`
	WidthMM  int64 `json:"widthMm"`
	HeightMM int64 `json:"heightMm"`
}

func (r ShipmentRequest) domain() shipping.ShipmentInput {
	in := shipping.ShipmentInput{OrderID: r.OrderID, CarrierID: r.CarrierID, ServiceID: r.ServiceID, TrackingNumber: r.TrackingNumber}
	for _, l := range r.Lines {
		in.Lines = append(in.Lines, order.ShipQuantity{LineID: l.LineID, Quantity: l.Quantity})
	}
	for _, p := range r.Packages {
		in.Packages = append(in.Packages, shipping.PackageInput{WeightG: p.WeightG, LengthMM: p.LengthMM, WidthMM: p.WidthMM, HeightMM: p.HeightMM})
	}
	return in
}

// ShipmentQuery narrows the shipments list. Query is a shipment or
// tracking number, exactly; From and To are calendar days (YYYY-MM-DD,
// both included) of creation in the workstation's time zone, "" leaving
// that end open.
type ShipmentQuery struct {
	OrderID   string `json:"orderId"`
	CarrierID string `json:"carrierId"`
	Status    string `json:"status"`
	Query     string `json:"query"`
	From      string `json:"from"`
	To        string `json:"to"`
	Limit     int    `json:"limit"`
	Offset    int    `json:"offset"`
}

func (q ShipmentQuery) filter() (shipping.ShipmentFilter, error) {
	f := shipping.ShipmentFilter{OrderID: q.OrderID, CarrierID: q.CarrierID, Status: shipping.Status(q.Status), Query: q.Query,
		Limit: q.Limit, Offset: q.Offset}
	var err error
	if f.From, err = parseDay("from", q.From); err != nil {
		return f, err
	}
	if f.To, err = parseDay("to", q.To); err != nil {
		return f, err
	}
	if !f.To.IsZero() {
		f.To = f.To.AddDate(0, 0, 1)
	}
	return f, nil
}

// ShipmentPage is one page of shipments and how many match.
type ShipmentPage struct {
	Items []ShipmentView `json:"items"`
	Total int            `json:"total"`
}
