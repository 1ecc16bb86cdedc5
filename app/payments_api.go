package app

import (
	"time"

	"oms/internal/auth"
	"oms/internal/order"
)

// Who may do what with payments. Whoever takes orders takes their payments
// (orders.create); the cash drawer is the counter's (counter.use). Refunds
// and paying out pending refunds move money back out, so they are for
// managers (orders.manage); an on-account payment over the credit limit
// carries a manager's PIN, checked by the service. Payment methods are
// company settings.
func init() {
	addRules(map[string]rule{
		"PaymentsAPI.PaymentMethods":      need(auth.PermOrdersView),
		"PaymentsAPI.Payments":            need(auth.PermOrdersView),
		"PaymentsAPI.PaymentSummary":      need(auth.PermOrdersView),
		"PaymentsAPI.AddPayment":          need(auth.PermOrdersCreate),
		"PaymentsAPI.Refund":              need(auth.PermOrdersManage),
		"PaymentsAPI.SettleRefund":        need(auth.PermOrdersManage),
		"PaymentsAPI.CurrentDrawer":       need(auth.PermCounterUse),
		"PaymentsAPI.OpenDrawer":          need(auth.PermCounterUse),
		"PaymentsAPI.CloseDrawer":         need(auth.PermCounterUse),
		"PaymentsAPI.EndOfDayReport":      need(auth.PermCounterUse),
		"PaymentsAPI.DrawerSessions":      need(auth.PermCounterUse),
		"PaymentsAPI.CreatePaymentMethod": need(auth.PermSettingsCompany),
		"PaymentsAPI.UpdatePaymentMethod": need(auth.PermSettingsCompany),
	})
}

// Payment events: EventPaymentsChanged carries the order's id, after a
// payment, refund or pay-out; EventDrawerChanged follows the opening and
// closing of the cash drawer.
const (
	EventPaymentsChanged = "payments:changed"
	EventDrawerChanged   = "drawer:changed"
)

// PaymentsAPI is the payment panel of an order, the cash drawer of this
// workstation with its end-of-day report, and the payment methods setting.
type PaymentsAPI struct{ a *App }

// PaymentMethodView is a payment method.
type PaymentMethodView struct {
	ID     string `json:"id"`
	Name   string `json:"name"`
	Kind   string `json:"kind"` // cash, card, transfer, paypal, account, gift_card, store_credit
	Active bool   `json:"active"`
	Sort   int64  `json:"sort"`
}

// NewPaymentMethod describes a payment method to add.
type NewPaymentMethod struct {
	Name string `json:"name"`
	Kind string `json:"kind"`
	Sort int64  `json:"sort"`
}

// PaymentMethodChange changes a payment method's name, order or activity.
type PaymentMethodChange struct {
	Name   string `json:"name"`
	Active bool   `json:"active"`
	Sort   int64  `json:"sort"`
}

// SettlementView is the pay-out of a pending refund.
type SettlementView struct {
	DrawerSessionID string `json:"drawerSessionId"`
	Reference       string `json:"reference"`
	UserName        string `json:"userName"`
	At              string `json:"at"`
}

// PaymentView is a payment (amount > 0) or refund (amount < 0) of an order,
// in minor units. Status is "completed" or "pending" (a refund still to
// pay out); Completed is true once the money has moved.
type PaymentView struct {
	ID              string          `json:"id"`
	OrderID         string          `json:"orderId"`
	MethodID        string          `json:"methodId"`
	MethodKind      string          `json:"methodKind"`
	MethodName      string          `json:"methodName"`
	Currency        string          `json:"currency"`
	Amount          int64           `json:"amount"`
	Tendered        int64           `json:"tendered"`
	Change          int64           `json:"change"`
	Reference       string          `json:"reference"`
	Reason          string          `json:"reason"`
	ReturnID        string          `json:"returnId"`
	DrawerSessionID string          `json:"drawerSessionId"`
	Status          string          `json:"status"`
	Completed       bool            `json:"completed"`
	ApprovedBy      string          `json:"approvedBy"`
	UserName        string          `json:"userName"`
	At              string          `json:"at"`
	Settlement      *SettlementView `json:"settlement"`
}

// PaymentSummaryView is where an order stands with its payments (see
// order.PaymentSummary). Status: unpaid, partly_paid, paid, overpaid, refunded.
type PaymentSummaryView struct {
	OrderID       string `json:"orderId"`
	Currency      string `json:"currency"`
	Total         int64  `json:"total"`
	Due           int64  `json:"due"`
	Paid          int64  `json:"paid"`
	Refunded      int64  `json:"refunded"`
	PendingRefund int64  `json:"pendingRefund"`
	NetPaid       int64  `json:"netPaid"`
	BalanceDue    int64  `json:"balanceDue"`
	Overpaid      int64  `json:"overpaid"`
	Change        int64  `json:"change"`
	Status        string `json:"status"`
}

// PaymentResult is a recorded payment with the order's summary after it.
type PaymentResult struct {
	Payment PaymentView        `json:"payment"`
	Summary PaymentSummaryView `json:"summary"`
}

// PaymentRequest is a payment taken at the counter. Amount and Tendered
// are minor units; Tendered is the cash handed over (0: exactly Amount).
// ApproverID and ApproverSecret carry a manager's PIN or password when an
// on-account payment goes over the customer's credit limit.
type PaymentRequest struct {
	MethodID       string `json:"methodId"`
	Amount         int64  `json:"amount"`
	Tendered       int64  `json:"tendered"`
	Reference      string `json:"reference"`
	ApproverID     string `json:"approverId"`
	ApproverSecret string `json:"approverSecret"`
}

// RefundRequest is a refund; Amount is positive, minor units. Pending
// records it to be paid out later with SettleRefund.
type RefundRequest struct {
	MethodID  string `json:"methodId"`
	Amount    int64  `json:"amount"`
	Reference string `json:"reference"`
	Reason    string `json:"reason"`
	Pending   bool   `json:"pending"`
}

// DrawerSessionView is a cash drawer session; ID is "" for none (the
// drawer is closed). Times are RFC 3339, ClosedAt "" while open.
type DrawerSessionView struct {
	ID           string `json:"id"`
	DeviceID     string `json:"deviceId"`
	Status       string `json:"status"`
	Currency     string `json:"currency"`
	OpeningFloat int64  `json:"openingFloat"`
	OpenedByName string `json:"openedByName"`
	OpenedAt     string `json:"openedAt"`
	ClosedByName string `json:"closedByName"`
	ClosedAt     string `json:"closedAt"`
	Note         string `json:"note"`
}

// DrawerSessionPage is a page of drawer sessions and how many there are.
type DrawerSessionPage struct {
	Items []DrawerSessionView `json:"items"`
	Total int                 `json:"total"`
}

// DrawerCount is the amount counted for a method when closing the drawer.
type DrawerCount struct {
	MethodID string `json:"methodId"`
	Counted  int64  `json:"counted"`
}

// DrawerLineView is one method's line of the end-of-day report.
type DrawerLineView struct {
	MethodID   string `json:"methodId"`
	MethodName string `json:"methodName"`
	MethodKind string `json:"methodKind"`
	Count      int64  `json:"count"`
	Payments   int64  `json:"payments"`
	Refunds    int64  `json:"refunds"`
	Net        int64  `json:"net"`
	Expected   int64  `json:"expected"`
	Counted    int64  `json:"counted"`
	Difference int64  `json:"difference"`
	IsCounted  bool   `json:"isCounted"`
}

// DrawerReportView is the end-of-day report of a drawer session.
type DrawerReportView struct {
	Session      DrawerSessionView `json:"session"`
	OpeningFloat int64             `json:"openingFloat"`
	Methods      []DrawerLineView  `json:"methods"`
	Payments     int64             `json:"payments"`
	Refunds      int64             `json:"refunds"`
	Net          int64             `json:"net"`
	Expected     int64             `json:"expected"`
	Counted      int64             `json:"counted"`
	Difference   int64             `json:"difference"`
}

func timeText(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.RFC3339)
}

func paymentMethodView(m *order.PaymentMethod) PaymentMethodView {
	if m == nil {
		return PaymentMethodView{}
	}
	return PaymentMethodView{ID: m.ID, Name: m.Name, Kind: string(m.Kind), Active: m.Active, Sort: m.Sort}
}

func paymentView(p *order.Payment) PaymentView {
	if p == nil {
		return PaymentView{}
	}
	v := PaymentView{ID: p.ID, OrderID: p.OrderID, MethodID: p.MethodID, MethodKind: string(p.MethodKind), MethodName: p.MethodName,
		Currency: p.Currency, Amount: p.Amount, Tendered: p.Tendered, Change: p.Change, Reference: p.Reference, Reason: p.Reason,
		ReturnID: p.ReturnID, DrawerSessionID: p.DrawerSessionID, Status: string(p.Status), Completed: p.Completed(),
		ApprovedBy: p.ApprovedBy, UserName: p.UserName, At: timeText(p.At)}
	if s := p.Settlement; s != nil {
		v.Settlement = &SettlementView{DrawerSessionID: s.DrawerSessionID, Reference: s.Reference, UserName: s.UserName, At: timeText(s.At)}
	}
	return v
}

func paymentSummaryView(s *order.PaymentSummary) PaymentSummaryView {
	if s == nil {
		return PaymentSummaryView{}
	}
	return PaymentSummaryView{OrderID: s.OrderID, Currency: s.Currency, Total: s.Total, Due: s.Due, Paid: s.Paid, Refunded: s.Refunded,
		PendingRefund: s.PendingRefund, NetPaid: s.NetPaid, BalanceDue: s.BalanceDue, Overpaid: s.Overpaid, Change: s.Change,
		Status: string(s.Status)}
}

func drawerSessionView(d *order.DrawerSession) DrawerSessionView {
	if d == nil {
		return DrawerSessionView{}
	}
	return DrawerSessionView{ID: d.ID, DeviceID: d.DeviceID, Status: string(d.Status), Currency: d.Currency, OpeningFloat: d.OpeningFloat,
		OpenedByName: d.OpenedByName, OpenedAt: timeText(d.OpenedAt), ClosedByName: d.ClosedByName, ClosedAt: timeText(d.ClosedAt),
		Note: d.Note}
}

func drawerReportView(r *order.DrawerReport) DrawerReportView {
	if r == nil {
		return DrawerReportView{Methods: []DrawerLineView{}}
	}
	v := DrawerReportView{Session: drawerSessionView(r.Session), OpeningFloat: r.OpeningFloat, Methods: make([]DrawerLineView, 0, len(r.Methods)),
		Payments: r.Payments, Refunds: r.Refunds, Net: r.Net, Expected: r.Expected, Counted: r.Counted, Difference: r.Difference}
	for _, l := range r.Methods {
		v.Methods = append(v.Methods, DrawerLineView{MethodID: l.MethodID, MethodName: l.MethodName, MethodKind: string(l.MethodKind),
			Count: l.Count, Payments: l.Payments, Refunds: l.Refunds, Net: l.Net, Expected: l.Expected, Counted: l.Counted,
			Difference: l.Difference, IsCounted: l.IsCounted})
	}
	return v
}

// PaymentMethods returns the payment methods in their order, only the
// active ones when activeOnly.
func (x *PaymentsAPI) PaymentMethods(activeOnly bool) ([]PaymentMethodView, error) {
	if _, err := x.a.guard(); err != nil {
		return []PaymentMethodView{}, err
	}
	ms, err := x.a.svc.Orders.FindPaymentMethods(x.a.context(), activeOnly)
	if err != nil {
		return []PaymentMethodView{}, err
	}
	out := make([]PaymentMethodView, 0, len(ms))
	for _, m := range ms {
		out = append(out, paymentMethodView(m))
	}
	return out, nil
}

// Payments returns an order's payments and refunds, oldest first. ENOTFOUND.
func (x *PaymentsAPI) Payments(orderID string) ([]PaymentView, error) {
	if _, err := x.a.guard(); err != nil {
		return []PaymentView{}, err
	}
	ps, err := x.a.svc.Orders.FindPayments(x.a.context(), orderID)
	if err != nil {
		return []PaymentView{}, err
	}
	out := make([]PaymentView, 0, len(ps))
	for _, p := range ps {
		out = append(out, paymentView(p))
	}
	return out, nil
}

// PaymentSummary returns where an order stands with its payments. ENOTFOUND.
func (x *PaymentsAPI) PaymentSummary(orderID string) (PaymentSummaryView, error) {
	if _, err := x.a.guard(); err != nil {
		return PaymentSummaryView{}, err
	}
	s, err := x.a.svc.Orders.FindPaymentSummary(x.a.context(), orderID)
	return paymentSummaryView(s), err
}

// result maps a recorded payment to its view with the order's summary, and
// tells the frontend.
func (x *PaymentsAPI) result(p *order.Payment, err error) (PaymentResult, error) {
	if err != nil {
		return PaymentResult{}, err
	}
	x.a.emit(EventPaymentsChanged, p.OrderID)
	s, err := x.a.svc.Orders.FindPaymentSummary(x.a.context(), p.OrderID)
	return PaymentResult{Payment: paymentView(p), Summary: paymentSummaryView(s)}, err
}

// AddPayment records a payment of an order: cash gives change, other
// methods at most the balance due. EINVALID by field ("amount",
// "tendered", "methodId", "reference"); ECONFLICT on "drawer" (open the
// cash drawer first), on "status" for a cancelled order, on "approval"
// when an on-account payment over the credit limit needs a manager's PIN;
// EUNAUTHORIZED or ELOCKED on "approver.secret" or "approver.userId";
// ENOTFOUND.
func (x *PaymentsAPI) AddPayment(orderID string, in PaymentRequest) (PaymentResult, error) {
	me, err := x.a.guard()
	if err != nil {
		return PaymentResult{}, err
	}
	return x.result(x.a.svc.Orders.AddPayment(x.a.context(), actorOf(me), orderID, order.PaymentInput{MethodID: in.MethodID,
		Amount: in.Amount, Tendered: in.Tendered, Reference: in.Reference, ApproverID: in.ApproverID, ApproverSecret: in.ApproverSecret}))
}

// Refund records a refund of an order, paid out now or pending. EINVALID
// on "amount" (more than was paid, in all or by that method), "reason",
// "methodId" or "reference"; ECONFLICT on "drawer"; ENOTFOUND.
func (x *PaymentsAPI) Refund(orderID string, in RefundRequest) (PaymentResult, error) {
	me, err := x.a.guard()
	if err != nil {
		return PaymentResult{}, err
	}
	return x.result(x.a.svc.Orders.Refund(x.a.context(), actorOf(me), orderID, order.RefundInput{MethodID: in.MethodID,
		Amount: in.Amount, Reference: in.Reference, Reason: in.Reason, Pending: in.Pending}))
}

// SettleRefund pays out a pending refund (cash from this workstation's
// open drawer). ECONFLICT on "status" (not pending, or paid out already)
// or "drawer"; EINVALID on "reference"; ENOTFOUND.
func (x *PaymentsAPI) SettleRefund(paymentID, reference string) (PaymentResult, error) {
	me, err := x.a.guard()
	if err != nil {
		return PaymentResult{}, err
	}
	return x.result(x.a.svc.Orders.SettleRefund(x.a.context(), actorOf(me), paymentID, reference))
}

// CurrentDrawer returns this workstation's open drawer session, with an
// empty ID when the drawer is closed.
func (x *PaymentsAPI) CurrentDrawer() (DrawerSessionView, error) {
	if _, err := x.a.guard(); err != nil {
		return DrawerSessionView{}, err
	}
	d, err := x.a.svc.Orders.CurrentDrawer(x.a.context())
	return drawerSessionView(d), err
}

// OpenDrawer opens this workstation's cash drawer with the float (minor
// units). ECONFLICT on "drawer" when it is open; EINVALID on "openingFloat"
// or "note".
func (x *PaymentsAPI) OpenDrawer(openingFloat int64, note string) (DrawerSessionView, error) {
	me, err := x.a.guard()
	if err != nil {
		return DrawerSessionView{}, err
	}
	d, err := x.a.svc.Orders.OpenDrawer(x.a.context(), actorOf(me), openingFloat, note)
	if err != nil {
		return DrawerSessionView{}, err
	}
	x.a.emit(EventDrawerChanged, d.ID)
	return drawerSessionView(d), nil
}

// CloseDrawer closes this workstation's cash drawer with the amounts
// counted (cash and card at least) and returns the end-of-day report.
// ECONFLICT on "drawer" when it is not open; EINVALID on "counts" or
// "counts[i].counted"; ENOTFOUND on "counts[i].methodId".
func (x *PaymentsAPI) CloseDrawer(counts []DrawerCount, note string) (DrawerReportView, error) {
	me, err := x.a.guard()
	if err != nil {
		return drawerReportView(nil), err
	}
	in := make([]order.DrawerCountInput, 0, len(counts))
	for _, c := range counts {
		in = append(in, order.DrawerCountInput{MethodID: c.MethodID, Counted: c.Counted})
	}
	r, err := x.a.svc.Orders.CloseDrawer(x.a.context(), actorOf(me), in, note)
	if err != nil {
		return drawerReportView(nil), err
	}
	x.a.emit(EventDrawerChanged, r.Session.ID)
	return drawerReportView(r), nil
}

// EndOfDayReport returns the report of a drawer session. ENOTFOUND.
func (x *PaymentsAPI) EndOfDayReport(sessionID string) (DrawerReportView, error) {
	if _, err := x.a.guard(); err != nil {
		return drawerReportView(nil), err
	}
	r, err := x.a.svc.Orders.EndOfDayReport(x.a.context(), sessionID)
	return drawerReportView(r), err
}

// DrawerSessions returns a page of drawer sessions, newest first (limit 0
// means 50).
func (x *PaymentsAPI) DrawerSessions(limit, offset int) (DrawerSessionPage, error) {
	empty := DrawerSessionPage{Items: []DrawerSessionView{}}
	if _, err := x.a.guard(); err != nil {
		return empty, err
	}
	ds, total, err := x.a.svc.Orders.FindDrawerSessions(x.a.context(), limit, offset)
	if err != nil {
		return empty, err
	}
	page := DrawerSessionPage{Items: make([]DrawerSessionView, 0, len(ds)), Total: total}
	for _, d := range ds {
		page.Items = append(page.Items, drawerSessionView(d))
	}
	return page, nil
}

// CreatePaymentMethod adds a payment method of a fixed kind (a second card
// terminal, say). EINVALID on "name" or "kind"; ECONFLICT on "name".
func (x *PaymentsAPI) CreatePaymentMethod(in NewPaymentMethod) (PaymentMethodView, error) {
	me, err := x.a.guard()
	if err != nil {
		return PaymentMethodView{}, err
	}
	m, err := x.a.svc.Orders.CreatePaymentMethod(x.a.context(), actorOf(me),
		order.PaymentMethodInput{Name: in.Name, Kind: order.MethodKind(in.Kind), Sort: in.Sort})
	return paymentMethodView(m), err
}

// UpdatePaymentMethod renames, reorders, deactivates or reactivates a
// payment method. EINVALID on "name"; ECONFLICT on "name"; ENOTFOUND.
func (x *PaymentsAPI) UpdatePaymentMethod(id string, in PaymentMethodChange) (PaymentMethodView, error) {
	me, err := x.a.guard()
	if err != nil {
		return PaymentMethodView{}, err
	}
	m, err := x.a.svc.Orders.UpdatePaymentMethod(x.a.context(), actorOf(me), id,
		order.PaymentMethodUpdate{Name: &in.Name, Active: &in.Active, Sort: &in.Sort})
	return paymentMethodView(m), err
}
