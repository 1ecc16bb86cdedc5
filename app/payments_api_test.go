package app

import (
	"context"
	"strings"
	"testing"
	"time"

	"oms/internal/auth"
	"oms/internal/catalog"
	"oms/internal/customer"
	"oms/internal/errs"
	"oms/internal/order"
	"oms/internal/store"
)

// paymentOrder creates a draft of two 10.00 items, for customerID ("" for walk-in).
func paymentOrder(t *testing.T, a *App, customerID string) *order.Order {
	t.Helper()
	ctx, actor := context.Background(), store.Actor{UserName: "admin"}
	p, err := a.svc.Catalog.CreateProduct(ctx, actor, catalog.ProductInput{SKU: "P-" + store.NewID()[:8], Name: "Widget", Price: 1000})
	if err != nil {
		t.Fatal(err)
	}
	o, err := a.svc.Orders.CreateOrder(ctx, actor, order.OrderInput{CustomerID: customerID})
	if err != nil {
		t.Fatal(err)
	}
	if o, err = a.svc.Orders.AddLine(ctx, actor, o.ID, o.Version, order.LineInput{ProductID: p.ID, Quantity: 2}); err != nil {
		t.Fatal(err)
	}
	return o
}

func TestPaymentsAPI_CounterDay(t *testing.T) {
	a, rec := newAdminApp(t)
	o := paymentOrder(t, a, "")
	_, err := a.Payments.AddPayment(o.ID, PaymentRequest{MethodID: "cash", Amount: 2000})
	if errs.Code(err) != errs.ECONFLICT || errs.Field(err) != "drawer" {
		t.Fatalf("cash without drawer: %v", err)
	}
	if dto, _ := a.FormatError(err).(string); !strings.Contains(dto, `"field":"drawer"`) {
		t.Fatalf("error DTO = %s", dto)
	}
	if cur, err := a.Payments.CurrentDrawer(); err != nil || cur.ID != "" {
		t.Fatalf("current drawer = %+v, %v", cur, err)
	}
	d, err := a.Payments.OpenDrawer(5000, "")
	if err != nil || d.Status != "open" || d.OpenedByName != "admin" || rec.count(EventDrawerChanged) != 1 {
		t.Fatalf("opened %+v, %v", d, err)
	}
	if _, err := time.Parse(time.RFC3339, d.OpenedAt); err != nil || d.ClosedAt != "" {
		t.Fatalf("times %q %q: %v", d.OpenedAt, d.ClosedAt, err)
	}
	res, err := a.Payments.AddPayment(o.ID, PaymentRequest{MethodID: "cash", Amount: 2500})
	if err != nil || res.Payment.Amount != 2000 || res.Payment.Change != 500 || res.Summary.Status != "paid" || res.Summary.Change != 500 {
		t.Fatalf("payment = %+v, %v", res, err)
	}
	if rec.count(EventPaymentsChanged) != 1 {
		t.Fatalf("%d payment events", rec.count(EventPaymentsChanged))
	}
	ps, err := a.Payments.Payments(o.ID)
	if err != nil || len(ps) != 1 || !ps[0].Completed || ps[0].Settlement != nil {
		t.Fatalf("payments = %+v, %v", ps, err)
	}
	if _, err := time.Parse(time.RFC3339, ps[0].At); err != nil {
		t.Fatal(err)
	}
	// A manager refunds part, paid out of the drawer.
	if res, err = a.Payments.Refund(o.ID, RefundRequest{MethodID: "cash", Amount: 300, Reason: "Scratched"}); err != nil ||
		res.Summary.Refunded != 300 || res.Summary.BalanceDue != 300 {
		t.Fatalf("refund = %+v, %v", res, err)
	}
	r, err := a.Payments.CloseDrawer([]DrawerCount{{MethodID: "cash", Counted: 6650}}, "")
	if err != nil || r.Session.Status != "closed" || len(r.Methods) != 1 || r.Methods[0].Expected != 6700 || r.Difference != -50 {
		t.Fatalf("close = %+v, %v", r, err)
	}
	again, err := a.Payments.EndOfDayReport(r.Session.ID)
	if err != nil || again.Counted != 6650 || again.OpeningFloat != 5000 {
		t.Fatalf("report = %+v, %v", again, err)
	}
	if page, err := a.Payments.DrawerSessions(0, 0); err != nil || page.Total != 1 || len(page.Items) != 1 {
		t.Fatalf("sessions = %+v, %v", page, err)
	}
}

func TestPaymentsAPI_OnAccountApproval(t *testing.T) {
	a, _ := newAdminApp(t)
	ctx := context.Background()
	c, err := a.svc.Customers.CreateCustomer(ctx, store.Actor{UserName: "admin"}, customer.CustomerInput{Name: "Acme", CreditLimit: 1000})
	if err != nil {
		t.Fatal(err)
	}
	o := paymentOrder(t, a, c.ID)
	_, err = a.Payments.AddPayment(o.ID, PaymentRequest{MethodID: "account", Amount: 2000})
	if errs.Code(err) != errs.ECONFLICT || errs.Field(err) != "approval" || !strings.Contains(errs.Message(err), "10.00 EUR") {
		t.Fatalf("over the limit: %v", err)
	}
	users, err := a.svc.Users.FindUsers(ctx, auth.UserFilter{})
	if err != nil || len(users) != 1 {
		t.Fatalf("users = %v, %v", users, err)
	}
	res, err := a.Payments.AddPayment(o.ID, PaymentRequest{MethodID: "account", Amount: 2000, ApproverID: users[0].ID,
		ApproverSecret: "correct-horse-1"})
	if err != nil || res.Payment.ApprovedBy != users[0].ID || res.Summary.Status != "paid" {
		t.Fatalf("approved payment = %+v, %v", res, err)
	}
}

func TestPaymentsAPI_Methods(t *testing.T) {
	a, _ := newAdminApp(t)
	ms, err := a.Payments.PaymentMethods(true)
	if err != nil || len(ms) != 7 || ms[0].ID != "cash" || ms[0].Kind != "cash" {
		t.Fatalf("methods = %+v, %v", ms, err)
	}
	m, err := a.Payments.CreatePaymentMethod(NewPaymentMethod{Name: "Terminal 2", Kind: "card", Sort: 21})
	if err != nil || m.Kind != "card" || !m.Active {
		t.Fatalf("created %+v, %v", m, err)
	}
	if m, err = a.Payments.UpdatePaymentMethod(m.ID, PaymentMethodChange{Name: "Terminal B", Active: false, Sort: 21}); err != nil ||
		m.Name != "Terminal B" || m.Active {
		t.Fatalf("updated %+v, %v", m, err)
	}
	if ms, _ = a.Payments.PaymentMethods(false); len(ms) != 8 {
		t.Fatalf("%d methods", len(ms))
	}
	if _, err := a.Payments.CreatePaymentMethod(NewPaymentMethod{Name: "Cheque", Kind: "cheque"}); errs.Code(err) != errs.EINVALID {
		t.Fatalf("bad kind: %v", err)
	}
}
