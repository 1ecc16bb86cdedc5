package shipping

import (
	"context"
	"fmt"
	"strings"

	"oms/internal/catalog"
	"oms/internal/errs"
	"oms/internal/order"
)

// The pack station: a packer scans the order's barcode from its pick list
// or packing slip, then each item to check it belongs, splits the goods
// into packages and creates the shipment (CreateShipment).

// PackLine is an order line as the pack station sees it.
type PackLine struct {
	LineID      string `json:"lineId"`
	ProductID   string `json:"productId"`
	SKU         string `json:"sku"`
	Name        string `json:"name"`
	Quantity    int64  `json:"quantity"`
	Picked      int64  `json:"picked"`
	Shipped     int64  `json:"shipped"`
	Backordered int64  `json:"backordered"`
	Packable    int64  `json:"packable"`    // can go in a shipment now: neither shipped nor backordered
	UnitWeightG int64  `json:"unitWeightG"` // the product's weight, 0 when not recorded
}

// PackOrder is an order at the pack station: its lines and its shipments so far.
type PackOrder struct {
	Order     *order.Order `json:"order"`
	Lines     []*PackLine  `json:"lines"`
	Shipments []*Shipment  `json:"shipments"`
}

// FindPackOrder returns the order whose number was scanned (any case), as
// the pack station needs it. ENOTFOUND on "number"; EINVALID on "status"
// for an order that cannot ship (a draft, cancelled, or shipped in full).
func (s *Service) FindPackOrder(ctx context.Context, number string) (*PackOrder, error) {
	o, err := s.orders.FindOrderByNumber(ctx, number)
	if err != nil {
		return nil, err
	}
	switch o.Status {
	case order.StatusDraft:
		return nil, errs.Invalid("status", "Order %s is a draft: confirm it before packing.", o.Number)
	case order.StatusCancelled:
		return nil, errs.Invalid("status", "Order %s is cancelled: do not ship it.", o.Number)
	case order.StatusShipped, order.StatusDelivered:
		return nil, errs.Invalid("status", "Order %s has shipped in full already.", o.Number)
	}
	return s.packOrder(ctx, o)
}

// FindPackOrderByID is FindPackOrder for an order chosen from a list.
func (s *Service) FindPackOrderByID(ctx context.Context, id string) (*PackOrder, error) {
	o, err := s.orders.FindOrderByID(ctx, id)
	if err != nil {
		return nil, err
	}
	return s.packOrder(ctx, o)
}

func (s *Service) packOrder(ctx context.Context, o *order.Order) (*PackOrder, error) {
	ids := make([]string, 0, len(o.Lines))
	for _, l := range o.Lines {
		ids = append(ids, l.ProductID)
	}
	products, err := catalog.FindProductsByID(ctx, s.db.Reader(), ids)
	if err != nil {
		return nil, err
	}
	out := &PackOrder{Order: o, Lines: make([]*PackLine, 0, len(o.Lines))}
	for _, l := range o.Lines {
		pl := &PackLine{LineID: l.ID, ProductID: l.ProductID, SKU: l.SKU, Name: l.Name, Quantity: l.Quantity, Picked: l.Picked,
			Shipped: l.Shipped, Backordered: l.Backordered, Packable: max(l.Quantity-l.Shipped-l.Backordered, 0)}
		if p := products[l.ProductID]; p != nil {
			pl.UnitWeightG = p.WeightG
		}
		if o.Status == order.StatusShipped || o.Status == order.StatusDelivered || o.Status == order.StatusCancelled || o.Status == order.StatusDraft {
			pl.Packable = 0
		}
		out.Lines = append(out.Lines, pl)
	}
	if out.Shipments, _, err = s.FindShipments(ctx, ShipmentFilter{OrderID: o.ID, Limit: 1000}); err != nil {
		return nil, err
	}
	return out, nil
}

// PackScan checks a scanned item against an order at the pack station and
// returns the line it belongs to. Nothing is recorded: the station counts
// what was scanned until the shipment is created. ENOTFOUND on "code" for
// an unknown code; EINVALID on "code" for a product not on the order or
// with nothing of it left to pack.
func (s *Service) PackScan(ctx context.Context, orderID, code string) (*PackLine, error) {
	po, err := s.FindPackOrderByID(ctx, orderID)
	if err != nil {
		return nil, err
	}
	p, err := order.FindScannedProduct(ctx, s.db.Reader(), code)
	if err != nil {
		return nil, err
	}
	var onOrder *PackLine
	for _, l := range po.Lines {
		if l.ProductID != p.ID {
			continue
		}
		if l.Packable > 0 {
			return l, nil
		}
		onOrder = l
	}
	if onOrder == nil {
		return nil, errs.Invalid("code", "Wrong item: %s %s is not on order %s.", p.SKU, p.Name, po.Order.Number)
	}
	what := "has shipped already"
	if onOrder.Backordered > 0 && onOrder.Shipped < onOrder.Quantity {
		what = fmt.Sprintf("is backordered (%d)", onOrder.Backordered)
	}
	return nil, errs.Invalid("code", "Too many: %s %s %s; nothing more of it goes in this order.", p.SKU, strings.TrimSpace(p.Name), what)
}
