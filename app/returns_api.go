package app

import (
	"oms/internal/auth"
	"oms/internal/errs"
	"oms/internal/order"
)

// Who may do what with returns. Recording a return moves stock back and
// money out (refunds), so it is for managers (orders.manage), as DESIGN.md
// gives them returns and refunds approval. Anyone who sees orders sees
// their returns and what can still come back.
func init() {
	addRules(map[string]rule{
		"ReturnsAPI.CreateReturn":    need(auth.PermOrdersManage),
		"ReturnsAPI.Return":          need(auth.PermOrdersView),
		"ReturnsAPI.FindReturns":     need(auth.PermOrdersView),
		"ReturnsAPI.ReturnableLines": need(auth.PermOrdersView),
	})
}

// ReturnsAPI is returns (RMA) of shipped or delivered orders.
type ReturnsAPI struct{ a *App }

// ReturnLineRequest is one order line's goods coming back. Disposition is
// "restock" (BinID required: a bin of the order's warehouse) or
// "write_off" (BinID empty).
type ReturnLineRequest struct {
	OrderLineID string `json:"orderLineId"`
	Quantity    int64  `json:"quantity"`
	Disposition string `json:"disposition"`
	BinID       string `json:"binId"`
}

// ReturnRequest records a return. Refund is "original", "store_credit" or
// "none"; RefundMethodID (with "original" only) sends all the money back
// through that payment method instead of the methods paid, largest first.
type ReturnRequest struct {
	Reason         string              `json:"reason"`
	Note           string              `json:"note"`
	Lines          []ReturnLineRequest `json:"lines"`
	Refund         string              `json:"refund"`
	RefundMethodID string              `json:"refundMethodId"`
}

func (r ReturnRequest) input() order.ReturnInput {
	in := order.ReturnInput{Reason: r.Reason, Note: r.Note, Refund: order.RefundMethod(r.Refund), RefundMethodID: r.RefundMethodID,
		Lines: make([]order.ReturnLineInput, 0, len(r.Lines))}
	for _, l := range r.Lines {
		in.Lines = append(in.Lines, order.ReturnLineInput{OrderLineID: l.OrderLineID, Quantity: l.Quantity,
			Disposition: order.Disposition(l.Disposition), BinID: l.BinID})
	}
	return in
}

// ReturnLineView is one line of a return. Refund is minor units; BinID and
// MovementID are "" for a write-off.
type ReturnLineView struct {
	ID          string `json:"id"`
	OrderLineID string `json:"orderLineId"`
	LineNo      int64  `json:"lineNo"`
	ProductID   string `json:"productId"`
	SKU         string `json:"sku"`
	Name        string `json:"name"`
	Quantity    int64  `json:"quantity"`
	Disposition string `json:"disposition"`
	WarehouseID string `json:"warehouseId"`
	BinID       string `json:"binId"`
	MovementID  string `json:"movementId"`
	Refund      int64  `json:"refund"`
}

// ReturnView is a return with its lines and, from Return and
// CreateReturn, its refund records (some perhaps pending). Amounts are
// minor units of Currency.
type ReturnView struct {
	ID           string           `json:"id"`
	Number       string           `json:"number"`
	OrderID      string           `json:"orderId"`
	OrderNumber  string           `json:"orderNumber"`
	CustomerID   string           `json:"customerId"`
	Status       string           `json:"status"`
	Reason       string           `json:"reason"`
	RefundMethod string           `json:"refundMethod"`
	RefundTotal  int64            `json:"refundTotal"`
	Currency     string           `json:"currency"`
	Note         string           `json:"note"`
	CreatedBy    string           `json:"createdBy"`
	CreatedAt    string           `json:"createdAt"`
	Lines        []ReturnLineView `json:"lines"`
	Refunds      []PaymentView    `json:"refunds"`
}

func returnView(r *order.Return) ReturnView {
	if r == nil {
		return ReturnView{Lines: []ReturnLineView{}, Refunds: []PaymentView{}}
	}
	v := ReturnView{ID: r.ID, Number: r.Number, OrderID: r.OrderID, OrderNumber: r.OrderNumber, CustomerID: r.CustomerID,
		Status: string(r.Status), Reason: r.Reason, RefundMethod: string(r.RefundMethod), RefundTotal: r.RefundTotal,
		Currency: r.Currency, Note: r.Note, CreatedBy: r.CreatedBy, CreatedAt: timeText(r.CreatedAt),
		Lines: make([]ReturnLineView, 0, len(r.Lines)), Refunds: make([]PaymentView, 0, len(r.Refunds))}
	for _, l := range r.Lines {
		v.Lines = append(v.Lines, ReturnLineView{ID: l.ID, OrderLineID: l.OrderLineID, LineNo: l.LineNo, ProductID: l.ProductID,
			SKU: l.SKU, Name: l.Name, Quantity: l.Quantity, Disposition: string(l.Disposition), WarehouseID: l.WarehouseID,
			BinID: l.BinID, MovementID: l.MovementID, Refund: l.Refund})
	}
	for _, p := range r.Refunds {
		v.Refunds = append(v.Refunds, paymentView(p))
	}
	return v
}

// ReturnPage is one page of returns and how many match in all.
type ReturnPage struct {
	Items []ReturnView `json:"items"`
	Total int          `json:"total"`
}

// ReturnQuery filters the returns list. From and To are calendar days
// (YYYY-MM-DD, both included) in the workstation's time zone.
type ReturnQuery struct {
	OrderID string `json:"orderId"`
	From    string `json:"from"`
	To      string `json:"to"`
	Limit   int    `json:"limit"`
	Offset  int    `json:"offset"`
}

func (q ReturnQuery) filter() (order.ReturnFilter, error) {
	f := order.ReturnFilter{OrderID: q.OrderID, Limit: q.Limit, Offset: q.Offset}
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
	if !f.From.IsZero() && !f.To.IsZero() && !f.From.Before(f.To) {
		return f, errs.Invalid("to", "The end date is before the start date.")
	}
	return f, nil
}

// ReturnableLineView is what can still come back of an order line.
type ReturnableLineView struct {
	OrderLineID string `json:"orderLineId"`
	LineNo      int64  `json:"lineNo"`
	ProductID   string `json:"productId"`
	SKU         string `json:"sku"`
	Name        string `json:"name"`
	Quantity    int64  `json:"quantity"`
	Gross       int64  `json:"gross"`
	Shipped     int64  `json:"shipped"`
	Returned    int64  `json:"returned"`
	Returnable  int64  `json:"returnable"`
}

// CreateReturn records goods of a shipped or delivered order coming back,
// restocked or written off, with the refund, in one transaction. EINVALID
// by field ("reason", "refund", "refundMethodId", "lines",
// "lines[i].quantity" saying how many can still come back,
// "lines[i].binId", ..., "status" for an order not shipped); ENOTFOUND;
// ECONFLICT on "lines[i].binId" for an inactive bin.
func (x *ReturnsAPI) CreateReturn(orderID string, in ReturnRequest) (ReturnView, error) {
	me, err := x.a.guard()
	if err != nil {
		return returnView(nil), err
	}
	r, err := x.a.svc.Orders.CreateReturn(x.a.context(), actorOf(me), orderID, in.input())
	if err != nil {
		return returnView(nil), err
	}
	x.a.emit(EventOrdersChanged, r.OrderID)
	for _, l := range r.Lines {
		if l.MovementID != "" {
			x.a.emit(EventStockChanged, nil)
			break
		}
	}
	if len(r.Refunds) > 0 {
		x.a.emit(EventPaymentsChanged, r.OrderID)
	}
	return returnView(r), nil
}

// Return returns a return with its lines and refunds. ENOTFOUND.
func (x *ReturnsAPI) Return(id string) (ReturnView, error) {
	if _, err := x.a.guard(); err != nil {
		return returnView(nil), err
	}
	r, err := x.a.svc.Orders.FindReturnByID(x.a.context(), id)
	if err != nil {
		return returnView(nil), err
	}
	return returnView(r), nil
}

// FindReturns returns a page of returns with their lines, newest first,
// and how many match. EINVALID on "from" or "to" for a bad date.
func (x *ReturnsAPI) FindReturns(q ReturnQuery) (ReturnPage, error) {
	empty := ReturnPage{Items: []ReturnView{}}
	if _, err := x.a.guard(); err != nil {
		return empty, err
	}
	f, err := q.filter()
	if err != nil {
		return empty, err
	}
	found, total, err := x.a.svc.Orders.FindReturns(x.a.context(), f)
	if err != nil {
		return empty, err
	}
	page := ReturnPage{Items: make([]ReturnView, 0, len(found)), Total: total}
	for _, r := range found {
		page.Items = append(page.Items, returnView(r))
	}
	return page, nil
}

// ReturnableLines returns, per line of the order, how much shipped, came
// back already and can still be returned. ENOTFOUND.
func (x *ReturnsAPI) ReturnableLines(orderID string) ([]ReturnableLineView, error) {
	if _, err := x.a.guard(); err != nil {
		return []ReturnableLineView{}, err
	}
	lines, err := x.a.svc.Orders.ReturnableLines(x.a.context(), orderID)
	if err != nil {
		return []ReturnableLineView{}, err
	}
	out := make([]ReturnableLineView, 0, len(lines))
	for _, l := range lines {
		out = append(out, ReturnableLineView{OrderLineID: l.OrderLineID, LineNo: l.LineNo, ProductID: l.ProductID, SKU: l.SKU,
			Name: l.Name, Quantity: l.Quantity, Gross: l.Gross, Shipped: l.Shipped, Returned: l.Returned, Returnable: l.Returnable})
	}
	return out, nil
}
