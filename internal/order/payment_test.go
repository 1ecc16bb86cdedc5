package order

import (
	"context"
	"math/rand/v2"
	"strings"
	"testing"

	"oms/internal/auth"
	"oms/internal/customer"
	"oms/internal/errs"
	"oms/internal/store"
)

// payEnv adds to env a user service as the approver, a manager and a
// counter clerk with PINs, a customer with a 50.00 credit limit and an
// open cash drawer with a 100.00 float.
type payEnv struct {
	*env
	auth             *auth.Service
	manager, counter *auth.User
	cust             *customer.Customer
}

func newPayEnv(t *testing.T) *payEnv {
	t.Helper()
	ctx := context.Background()
	e := &payEnv{env: newEnv(t)}
	e.auth = auth.NewService(e.db)
	e.auth.Params = auth.HashParams{Memory: 64, Time: 1, Threads: 1}
	e.s.SetApprover(e.auth)
	var err error
	if e.manager, err = e.auth.CreateUser(ctx, testActor, auth.UserInput{Name: "bea", FullName: "Bea Boss", Role: "manager",
		Password: "correct-horse", PIN: "4321"}); err != nil {
		t.Fatal(err)
	}
	if e.counter, err = e.auth.CreateUser(ctx, testActor, auth.UserInput{Name: "carl", FullName: "Carl Clerk", Role: "counter",
		PIN: "1234"}); err != nil {
		t.Fatal(err)
	}
	if e.cust, err = e.customers.CreateCustomer(ctx, testActor, customer.CustomerInput{Name: "Acme", CreditLimit: 5000}); err != nil {
		t.Fatal(err)
	}
	if _, err := e.s.OpenDrawer(ctx, testActor, 10000, ""); err != nil {
		t.Fatal(err)
	}
	return e
}

// bolts returns a walk-in draft of n bolts (11.90 each).
func (e *payEnv) bolts(t *testing.T, n int64) *Order {
	t.Helper()
	return e.draft(t, LineInput{ProductID: e.bolt.ID, Quantity: n})
}

// customerBolts returns a draft of the customer of n bolts.
func (e *payEnv) customerBolts(t *testing.T, n int64) *Order {
	t.Helper()
	ctx := context.Background()
	o, err := e.s.CreateOrder(ctx, testActor, OrderInput{CustomerID: e.cust.ID, WarehouseID: e.main.ID, Currency: "EUR"})
	if err != nil {
		t.Fatal(err)
	}
	if o, err = e.s.AddLine(ctx, testActor, o.ID, o.Version, LineInput{ProductID: e.bolt.ID, Quantity: n}); err != nil {
		t.Fatal(err)
	}
	return o
}

func (e *payEnv) pay(t *testing.T, o *Order, in PaymentInput) *Payment {
	t.Helper()
	e.tick()
	p, err := e.s.AddPayment(context.Background(), testActor, o.ID, in)
	if err != nil {
		t.Fatalf("AddPayment(%+v): %v", in, err)
	}
	return p
}

func (e *payEnv) summary(t *testing.T, o *Order) *PaymentSummary {
	t.Helper()
	s, err := e.s.FindPaymentSummary(context.Background(), o.ID)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func wantMessage(t *testing.T, err error, parts ...string) {
	t.Helper()
	for _, p := range parts {
		if !strings.Contains(errs.Message(err), p) {
			t.Fatalf("message %q does not say %q", errs.Message(err), p)
		}
	}
}

func TestPaymentService_SplitCashAndCard(t *testing.T) {
	e := newPayEnv(t)
	ctx := context.Background()
	o := e.bolts(t, 3) // 35.70
	card := e.pay(t, o, PaymentInput{MethodID: "card", Amount: 2000, Reference: "SLIP-0042"})
	if card.Amount != 2000 || card.MethodKind != MethodCard || card.MethodName != "Card terminal" || card.Currency != "EUR" ||
		card.Status != PaymentCompleted || card.Tendered != 0 || card.Change != 0 || card.Reference != "SLIP-0042" ||
		card.UserName != "tester" || card.DeviceID != e.db.Device().ID || card.DrawerSessionID == "" {
		t.Fatalf("card payment = %+v", card)
	}
	if s := e.summary(t, o); s.Status != PaymentStatusPartlyPaid || s.BalanceDue != 1570 || s.Paid != 2000 {
		t.Fatalf("after card: %+v", s)
	}
	// 20.00 handed over for the 15.70 left: recorded as 15.70 with 4.30 change.
	cash := e.pay(t, o, PaymentInput{MethodID: "cash", Amount: 2000})
	if cash.Amount != 1570 || cash.Tendered != 2000 || cash.Change != 430 {
		t.Fatalf("cash payment = %+v", cash)
	}
	s := e.summary(t, o)
	want := PaymentSummary{OrderID: o.ID, Currency: "EUR", Total: 3570, Due: 3570, Paid: 3570, NetPaid: 3570, Change: 430,
		Status: PaymentStatusPaid}
	if *s != want {
		t.Fatalf("summary = %+v, want %+v", *s, want)
	}
	ps, err := e.s.FindPayments(ctx, o.ID)
	if err != nil || len(ps) != 2 || ps[0].ID != card.ID || ps[1].ID != cash.ID || !ps[1].Completed() {
		t.Fatalf("FindPayments = %v, %v", ps, err)
	}
	// Exact cash with the tender given.
	o2 := e.bolts(t, 1)
	if p := e.pay(t, o2, PaymentInput{MethodID: "cash", Amount: 1190, Tendered: 5000}); p.Change != 3810 || p.Amount != 1190 {
		t.Fatalf("cash with tender = %+v", p)
	}
	// A paid order takes no more.
	_, err = e.s.AddPayment(ctx, testActor, o.ID, PaymentInput{MethodID: "cash", Amount: 100})
	wantErr(t, err, errs.EINVALID, "amount")
}

func TestPaymentService_AddPaymentRefused(t *testing.T) {
	e := newPayEnv(t)
	ctx := context.Background()
	walkIn := e.bolts(t, 2) // 23.80
	cancelled := e.bolts(t, 1)
	if _, err := e.s.Cancel(ctx, testActor, cancelled.ID, ""); err != nil {
		t.Fatal(err)
	}
	if _, err := e.s.CreatePaymentMethod(ctx, testActor, PaymentMethodInput{Name: "Old terminal", Kind: MethodCard}); err != nil {
		t.Fatal(err)
	}
	methods, _ := e.s.FindPaymentMethods(ctx, false)
	var old string
	for _, m := range methods {
		if m.Name == "Old terminal" {
			old = m.ID
		}
	}
	f := false
	if _, err := e.s.UpdatePaymentMethod(ctx, testActor, old, PaymentMethodUpdate{Active: &f}); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name        string
		order       *Order
		in          PaymentInput
		code, field string
		says        string
	}{
		{"Zero", walkIn, PaymentInput{MethodID: "cash", Amount: 0}, errs.EINVALID, "amount", "greater than zero"},
		{"Negative", walkIn, PaymentInput{MethodID: "card", Amount: -100}, errs.EINVALID, "amount", "greater than zero"},
		{"CardOverBalance", walkIn, PaymentInput{MethodID: "card", Amount: 2381}, errs.EINVALID, "amount", "23.80 EUR"},
		{"TransferOverBalance", walkIn, PaymentInput{MethodID: "transfer", Amount: 5000}, errs.EINVALID, "amount", "23.80 EUR"},
		{"GiftCardOverBalance", walkIn, PaymentInput{MethodID: "gift_card", Amount: 2400, Reference: "GC-1"}, errs.EINVALID, "amount", "balance due"},
		{"TenderBelowAmount", walkIn, PaymentInput{MethodID: "cash", Amount: 2000, Tendered: 1000}, errs.EINVALID, "tendered", ""},
		{"NegativeTender", walkIn, PaymentInput{MethodID: "cash", Amount: 2000, Tendered: -1}, errs.EINVALID, "tendered", ""},
		{"InactiveMethod", walkIn, PaymentInput{MethodID: old, Amount: 100}, errs.EINVALID, "methodId", "no longer in use"},
		{"UnknownMethod", walkIn, PaymentInput{MethodID: "cheque", Amount: 100}, errs.ENOTFOUND, "methodId", ""},
		{"OnAccountWalkIn", walkIn, PaymentInput{MethodID: "account", Amount: 100}, errs.EINVALID, "methodId", "walk-in"},
		{"StoreCreditWalkIn", walkIn, PaymentInput{MethodID: "store_credit", Amount: 100}, errs.EINVALID, "methodId", "walk-in"},
		{"CardNumber", walkIn, PaymentInput{MethodID: "card", Amount: 100, Reference: "4111 1111 1111 1111"}, errs.EINVALID, "reference", "terminal slip"},
		{"LongReference", walkIn, PaymentInput{MethodID: "card", Amount: 100, Reference: strings.Repeat("x", 101)}, errs.EINVALID, "reference", ""},
		{"Cancelled", cancelled, PaymentInput{MethodID: "card", Amount: 100}, errs.ECONFLICT, "status", "cancelled"},
		{"CancelledCash", cancelled, PaymentInput{MethodID: "cash", Amount: 100}, errs.ECONFLICT, "status", "cancelled"},
		{"UnknownOrder", &Order{ID: "nope"}, PaymentInput{MethodID: "card", Amount: 100}, errs.ENOTFOUND, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := e.count(t, `SELECT count(*) FROM payments`)
			_, err := e.s.AddPayment(ctx, testActor, tt.order.ID, tt.in)
			if errs.Code(err) != tt.code || errs.Field(err) != tt.field {
				t.Fatalf("err = %v, want %s on %q", err, tt.code, tt.field)
			}
			wantMessage(t, err, tt.says)
			if after := e.count(t, `SELECT count(*) FROM payments`); after != before {
				t.Fatalf("%d payments written", after-before)
			}
		})
	}
}

func TestPaymentService_CardNumberInReference(t *testing.T) {
	tests := []struct {
		ref  string
		card bool
	}{
		{"4111111111111111", true},
		{"4111 1111 1111 1111", true},
		{"4111-1111-1111-1111", true},
		{"paid with 5500 0000 0000 0004 today", true},
		{"378282246310005", true},          // 15-digit Amex
		{"6011111111111117", true},         // Discover
		{"4242424242424242428", true},      // 19 digits passing Luhn
		{"slip 12 4111111111111111", true}, // a card after another number
		{"4111 1111 1111 1111 exp 12/29", true},
		{"4111111111111112", false},     // fails Luhn
		{"SLIP-000123", false},          // a terminal slip number
		{"123456789012", false},         // 12 digits
		{"TX 2026-11-22 0042", false},   // a date and a counter
		{"00000000000000000000", false}, // 20 digits: too long for a card
		{"PAYID-MZ4Q7LA5", false},
		{"", false},
	}
	for _, tt := range tests {
		t.Run(tt.ref, func(t *testing.T) {
			_, err := checkReference(tt.ref)
			if tt.card {
				wantErr(t, err, errs.EINVALID, "reference")
				if errs.Message(err) != "Never enter a card number; type the terminal slip number." {
					t.Fatalf("message = %q", errs.Message(err))
				}
			} else if err != nil {
				t.Fatalf("refused %q: %v", tt.ref, err)
			}
		})
	}
	e := newPayEnv(t)
	o := e.bolts(t, 1)
	if p := e.pay(t, o, PaymentInput{MethodID: "card", Amount: 1190, Reference: "  SLIP-000123 "}); p.Reference != "SLIP-000123" {
		t.Fatalf("reference = %q", p.Reference)
	}
	if n := e.count(t, `SELECT count(*) FROM payments WHERE reference LIKE '%4111%'`); n != 0 {
		t.Fatalf("%d card numbers stored", n)
	}
}

func TestPaymentService_OnAccount(t *testing.T) {
	e := newPayEnv(t)
	ctx := context.Background()
	first := e.customerBolts(t, 2) // 23.80 of the 50.00 limit
	e.pay(t, first, PaymentInput{MethodID: "account", Amount: 2380})
	second := e.customerBolts(t, 3) // 35.70: 59.50 in all
	tests := []struct {
		name        string
		in          PaymentInput
		code, field string
		says        string
	}{
		{"NoApproval", PaymentInput{}, errs.ECONFLICT, "approval", "50.00 EUR|23.80 EUR"},
		{"CounterCannotApprove", PaymentInput{ApproverID: e.counter.ID, ApproverSecret: "1234"}, errs.EUNAUTHORIZED, "approver.userId", "cannot approve"},
		{"WrongPIN", PaymentInput{ApproverID: e.manager.ID, ApproverSecret: "9999"}, errs.EUNAUTHORIZED, "approver.secret", "4 more"},
		{"UnknownApprover", PaymentInput{ApproverID: "nobody", ApproverSecret: "4321"}, errs.EUNAUTHORIZED, "approver.secret", ""},
		{"ManagerPIN", PaymentInput{ApproverID: e.manager.ID, ApproverSecret: "4321"}, "", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := tt.in
			in.MethodID, in.Amount = "account", 3570
			p, err := e.s.AddPayment(ctx, testActor, second.ID, in)
			if errs.Code(err) != tt.code || errs.Field(err) != tt.field {
				t.Fatalf("err = %v, want %s on %q", err, tt.code, tt.field)
			}
			if tt.says != "" {
				wantMessage(t, err, strings.Split(tt.says, "|")...)
			}
			if tt.code == "" && (p.ApprovedBy != e.manager.ID || p.Amount != 3570) {
				t.Fatalf("payment = %+v", p)
			}
		})
	}
	if s := e.summary(t, second); s.Status != PaymentStatusPaid {
		t.Fatalf("summary = %+v", s)
	}
	if n := e.count(t, `SELECT count(*) FROM audit_log WHERE action = 'approve' AND entity_id = ?`, e.manager.ID); n != 1 {
		t.Fatalf("%d approvals audited", n)
	}
	if n := e.count(t, `SELECT count(*) FROM audit_log WHERE action = 'approve_failed' AND entity_id = ?`, e.manager.ID); n != 1 {
		t.Fatalf("%d failed approvals audited", n)
	}
	if n := e.count(t, `SELECT count(*) FROM audit_log WHERE action = 'approve_refused' AND entity_id = ?`, e.counter.ID); n != 1 {
		t.Fatalf("%d refused approvals audited", n)
	}

	t.Run("LockedAfterFiveWrongPINs", func(t *testing.T) {
		third := e.customerBolts(t, 1)
		for i := 1; i <= 5; i++ {
			_, err := e.s.AddPayment(ctx, testActor, third.ID, PaymentInput{MethodID: "account", Amount: 1190,
				ApproverID: e.manager.ID, ApproverSecret: "0000"})
			want := errs.EUNAUTHORIZED
			if i == 5 {
				want = errs.ELOCKED
			}
			wantErr(t, err, want, "approver.secret")
		}
		_, err := e.s.AddPayment(ctx, testActor, third.ID, PaymentInput{MethodID: "account", Amount: 1190,
			ApproverID: e.manager.ID, ApproverSecret: "4321"})
		wantErr(t, err, errs.ELOCKED, "approver.secret")
		// The lock is the sign-in lock too.
		_, err = e.auth.LoginPassword(ctx, "bea", "correct-horse")
		wantErr(t, err, errs.ELOCKED, "password")
	})
	t.Run("RefundLowersOutstanding", func(t *testing.T) {
		if _, err := e.s.Refund(ctx, testActor, first.ID, RefundInput{MethodID: "account", Amount: 2380, Reason: "Credit note"}); err != nil {
			t.Fatal(err)
		}
		// 35.70 outstanding now: 11.90 more fits in the 50.00 limit.
		fourth := e.customerBolts(t, 1)
		e.pay(t, fourth, PaymentInput{MethodID: "account", Amount: 1190})
	})
}

func TestPaymentService_Refund(t *testing.T) {
	e := newPayEnv(t)
	ctx := context.Background()
	o := e.customerBolts(t, 3) // 35.70
	e.pay(t, o, PaymentInput{MethodID: "card", Amount: 2000, Reference: "SLIP-1"})
	e.pay(t, o, PaymentInput{MethodID: "cash", Amount: 1570})
	tests := []struct {
		name        string
		in          RefundInput
		code, field string
		says        string
	}{
		{"Zero", RefundInput{MethodID: "cash", Amount: 0, Reason: "x"}, errs.EINVALID, "amount", ""},
		{"NoReason", RefundInput{MethodID: "cash", Amount: 100}, errs.EINVALID, "reason", ""},
		{"CardOverCardPaid", RefundInput{MethodID: "card", Amount: 2001, Reason: "Damaged"}, errs.EINVALID, "amount", "20.00 EUR can be refunded by card"},
		{"TransferNeverPaid", RefundInput{MethodID: "transfer", Amount: 100, Reason: "Damaged"}, errs.EINVALID, "amount", "0.00 EUR"},
		{"OverPaid", RefundInput{MethodID: "store_credit", Amount: 3571, Reason: "Goodwill"}, errs.EINVALID, "amount", "35.70 EUR"},
		{"CardNumber", RefundInput{MethodID: "card", Amount: 100, Reason: "x", Reference: "4111111111111111"}, errs.EINVALID, "reference", ""},
		{"Card", RefundInput{MethodID: "card", Amount: 1500, Reason: "Damaged", Reference: "SLIP-2"}, "", "", ""},
		{"CardRest", RefundInput{MethodID: "card", Amount: 501, Reason: "Damaged"}, errs.EINVALID, "amount", "5.00 EUR"},
		{"Cash", RefundInput{MethodID: "cash", Amount: 570, Reason: "Price match"}, "", "", ""},
		{"StoreCredit", RefundInput{MethodID: "store_credit", Amount: 1000, Reason: "Goodwill"}, "", "", ""},
		{"NothingLeft", RefundInput{MethodID: "store_credit", Amount: 501, Reason: "Goodwill"}, errs.EINVALID, "amount", "5.00 EUR"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e.tick()
			p, err := e.s.Refund(ctx, testActor, o.ID, tt.in)
			if errs.Code(err) != tt.code || errs.Field(err) != tt.field {
				t.Fatalf("err = %v, want %s on %q", err, tt.code, tt.field)
			}
			wantMessage(t, err, tt.says)
			if err == nil && (p.Amount != -tt.in.Amount || p.Reason != tt.in.Reason || p.Status != PaymentCompleted) {
				t.Fatalf("refund = %+v", p)
			}
		})
	}
	s := e.summary(t, o)
	if s.Paid != 3570 || s.Refunded != 3070 || s.NetPaid != 500 || s.BalanceDue != 3070 || s.Status != PaymentStatusPartlyPaid {
		t.Fatalf("summary = %+v", s)
	}
	if b, err := e.s.FindStoreCredit(ctx, e.cust.ID, "eur"); err != nil || b != 1000 {
		t.Fatalf("store credit = %d, %v; want 1000", b, err)
	}
	// The credit pays for another order, at most what it holds.
	other := e.customerBolts(t, 1)
	_, err := e.s.AddPayment(ctx, testActor, other.ID, PaymentInput{MethodID: "store_credit", Amount: 1001})
	wantErr(t, err, errs.EINVALID, "amount")
	e.pay(t, other, PaymentInput{MethodID: "store_credit", Amount: 1000})
	if b, _ := e.s.FindStoreCredit(ctx, e.cust.ID, "EUR"); b != 0 {
		t.Fatalf("store credit after use = %d", b)
	}
}

func TestPaymentService_CancelCreatesPendingRefunds(t *testing.T) {
	e := newPayEnv(t)
	ctx := context.Background()
	o := e.bolts(t, 3)
	e.pay(t, o, PaymentInput{MethodID: "card", Amount: 2000, Reference: "SLIP-1"})
	e.pay(t, o, PaymentInput{MethodID: "cash", Amount: 1570})
	if s := e.summary(t, o); s.Status != PaymentStatusPaid {
		t.Fatalf("before cancel: %+v", s)
	}
	e.tick()
	if _, err := e.s.Cancel(ctx, testActor, o.ID, "customer changed mind"); err != nil {
		t.Fatal(err)
	}
	ps, err := e.s.FindPayments(ctx, o.ID)
	if err != nil || len(ps) != 4 {
		t.Fatalf("payments = %v, %v", ps, err)
	}
	refunds := map[string]*Payment{}
	for _, p := range ps[2:] {
		if p.Status != PaymentPending || p.Completed() || p.Reason != "Order cancelled: customer changed mind" || p.DrawerSessionID != "" {
			t.Fatalf("pending refund = %+v", p)
		}
		refunds[p.MethodID] = p
	}
	if refunds["card"].Amount != -2000 || refunds["cash"].Amount != -1570 {
		t.Fatalf("refunds = %+v %+v", refunds["card"], refunds["cash"])
	}
	s := e.summary(t, o)
	want := PaymentSummary{OrderID: o.ID, Currency: "EUR", Total: 3570, Due: 0, Paid: 3570, PendingRefund: 3570, NetPaid: 3570,
		Overpaid: 3570, Status: PaymentStatusOverpaid}
	if *s != want {
		t.Fatalf("after cancel = %+v, want %+v", *s, want)
	}
	// Nothing more can be refunded: it is all pending already.
	_, err = e.s.Refund(ctx, testActor, o.ID, RefundInput{MethodID: "cash", Amount: 1, Reason: "x"})
	wantErr(t, err, errs.EINVALID, "amount")

	e.tick()
	p, err := e.s.SettleRefund(ctx, testActor, refunds["card"].ID, "RF-1")
	if err != nil || !p.Completed() || p.Settlement.Reference != "RF-1" || p.Settlement.DrawerSessionID == "" {
		t.Fatalf("settled = %+v, %v", p, err)
	}
	if s := e.summary(t, o); s.Status != PaymentStatusOverpaid || s.Refunded != 2000 || s.PendingRefund != 1570 {
		t.Fatalf("after card pay-out: %+v", s)
	}
	_, err = e.s.SettleRefund(ctx, testActor, refunds["card"].ID, "")
	wantErr(t, err, errs.ECONFLICT, "status")
	_, err = e.s.SettleRefund(ctx, testActor, ps[0].ID, "")
	wantErr(t, err, errs.ECONFLICT, "status")
	_, err = e.s.SettleRefund(ctx, testActor, "nope", "")
	wantErr(t, err, errs.ENOTFOUND, "")

	// Cash comes out of an open drawer.
	if _, err := e.s.CloseDrawer(ctx, testActor, []DrawerCountInput{{MethodID: "cash", Counted: 11570}, {MethodID: "card", Counted: 0}}, ""); err != nil {
		t.Fatal(err)
	}
	_, err = e.s.SettleRefund(ctx, testActor, refunds["cash"].ID, "")
	wantErr(t, err, errs.ECONFLICT, "drawer")
	if _, err := e.s.OpenDrawer(ctx, testActor, 5000, ""); err != nil {
		t.Fatal(err)
	}
	if _, err := e.s.SettleRefund(ctx, testActor, refunds["cash"].ID, ""); err != nil {
		t.Fatal(err)
	}
	s = e.summary(t, o)
	want = PaymentSummary{OrderID: o.ID, Currency: "EUR", Total: 3570, Paid: 3570, Refunded: 3570, Status: PaymentStatusRefunded}
	if *s != want {
		t.Fatalf("after pay-out = %+v, want %+v", *s, want)
	}
	// An unpaid order cancels without refunds.
	u := e.bolts(t, 1)
	if _, err := e.s.Cancel(ctx, testActor, u.ID, ""); err != nil {
		t.Fatal(err)
	}
	if n := e.count(t, `SELECT count(*) FROM payments WHERE order_id = ?`, u.ID); n != 0 {
		t.Fatalf("%d refunds for an unpaid order", n)
	}
}

func TestPaymentSummary_Status(t *testing.T) {
	tests := []struct {
		name   string
		status Status
		total  int64
		t      paymentTotals
		want   PaymentStatus
		due    int64
	}{
		{"Nothing", StatusDraft, 1000, paymentTotals{}, PaymentStatusUnpaid, 1000},
		{"Part", StatusConfirmed, 1000, paymentTotals{paid: 400}, PaymentStatusPartlyPaid, 600},
		{"Paid", StatusDelivered, 1000, paymentTotals{paid: 1000}, PaymentStatusPaid, 0},
		{"ZeroTotalUnpaid", StatusDraft, 0, paymentTotals{}, PaymentStatusUnpaid, 0},
		{"TotalLowered", StatusConfirmed, 800, paymentTotals{paid: 1000}, PaymentStatusOverpaid, 0},
		{"CancelledPending", StatusCancelled, 1000, paymentTotals{paid: 1000, pending: 1000}, PaymentStatusOverpaid, 0},
		{"CancelledRefunded", StatusCancelled, 1000, paymentTotals{paid: 1000, refunded: 1000}, PaymentStatusRefunded, 0},
		{"CancelledUnpaid", StatusCancelled, 1000, paymentTotals{}, PaymentStatusUnpaid, 0},
		{"ReturnPending", StatusDelivered, 1000, paymentTotals{paid: 1000, pending: 300, returned: 300}, PaymentStatusOverpaid, 0},
		{"ReturnRefunded", StatusDelivered, 1000, paymentTotals{paid: 1000, refunded: 300, returned: 300}, PaymentStatusRefunded, 0},
		{"RefundedButStillDue", StatusConfirmed, 1000, paymentTotals{paid: 1000, refunded: 1000}, PaymentStatusUnpaid, 1000},
		{"PartRefundedStillDue", StatusConfirmed, 1000, paymentTotals{paid: 1000, refunded: 400}, PaymentStatusPartlyPaid, 400},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := summarize(&Order{Status: tt.status, Total: tt.total}, tt.t, 0)
			if s.Status != tt.want || s.BalanceDue != tt.due {
				t.Fatalf("status %s, balance due %d; want %s, %d (%+v)", s.Status, s.BalanceDue, tt.want, tt.due, s)
			}
		})
	}
}

func TestPaymentMethods(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	ms, err := e.s.FindPaymentMethods(ctx, true)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, m := range ms {
		names = append(names, m.Name)
	}
	if got := strings.Join(names, ","); got != "Cash,Card terminal,Bank transfer,PayPal,On account,Gift card,Store credit" {
		t.Fatalf("built-in methods = %s", got)
	}
	m, err := e.s.CreatePaymentMethod(ctx, testActor, PaymentMethodInput{Name: " Card terminal 2 ", Kind: MethodCard, Sort: 25})
	if err != nil || m.Name != "Card terminal 2" || m.Kind != MethodCard || !m.Active {
		t.Fatalf("created %+v, %v", m, err)
	}
	bad := []struct {
		name        string
		in          PaymentMethodInput
		code, field string
	}{
		{"NoName", PaymentMethodInput{Name: " ", Kind: MethodCash}, errs.EINVALID, "name"},
		{"LongName", PaymentMethodInput{Name: strings.Repeat("n", 61), Kind: MethodCash}, errs.EINVALID, "name"},
		{"BadKind", PaymentMethodInput{Name: "Cheque", Kind: "cheque"}, errs.EINVALID, "kind"},
		{"TakenName", PaymentMethodInput{Name: "CASH", Kind: MethodCash}, errs.ECONFLICT, "name"},
	}
	for _, tt := range bad {
		t.Run(tt.name, func(t *testing.T) {
			_, err := e.s.CreatePaymentMethod(ctx, testActor, tt.in)
			wantErr(t, err, tt.code, tt.field)
		})
	}
	name, sort, off := "Terminal B", int64(5), false
	if m, err = e.s.UpdatePaymentMethod(ctx, testActor, m.ID, PaymentMethodUpdate{Name: &name, Sort: &sort}); err != nil || m.Name != name {
		t.Fatalf("renamed %+v, %v", m, err)
	}
	if ms, _ = e.s.FindPaymentMethods(ctx, true); ms[0].ID != m.ID {
		t.Fatalf("first method = %+v", ms[0])
	}
	if _, err = e.s.UpdatePaymentMethod(ctx, testActor, m.ID, PaymentMethodUpdate{Active: &off}); err != nil {
		t.Fatal(err)
	}
	if ms, _ = e.s.FindPaymentMethods(ctx, true); len(ms) != 7 {
		t.Fatalf("%d active methods", len(ms))
	}
	if ms, _ = e.s.FindPaymentMethods(ctx, false); len(ms) != 8 {
		t.Fatalf("%d methods", len(ms))
	}
	taken := "Cash"
	_, err = e.s.UpdatePaymentMethod(ctx, testActor, m.ID, PaymentMethodUpdate{Name: &taken})
	wantErr(t, err, errs.ECONFLICT, "name")
	_, err = e.s.UpdatePaymentMethod(ctx, testActor, "nope", PaymentMethodUpdate{Name: &name})
	wantErr(t, err, errs.ENOTFOUND, "methodId")
	if _, err = e.s.UpdatePaymentMethod(ctx, testActor, m.ID, PaymentMethodUpdate{Name: &name}); err != nil { // no change
		t.Fatal(err)
	}
	if n := e.count(t, `SELECT count(*) FROM outbox WHERE entity = 'payment_methods' AND entity_id = ?`, m.ID); n != 3 {
		t.Fatalf("%d outbox rows for the method, want 3", n)
	}
}

func TestPaymentService_EveryWriteIsCaptured(t *testing.T) {
	e := newPayEnv(t)
	ctx := context.Background()
	o := e.customerBolts(t, 2)
	outbox := func(entity string) int { return e.count(t, `SELECT count(*) FROM outbox WHERE entity = ?`, entity) }
	audit := func(entity string) int { return e.count(t, `SELECT count(*) FROM audit_log WHERE entity = ?`, entity) }
	p := e.pay(t, o, PaymentInput{MethodID: "cash", Amount: 2380})
	if _, err := e.s.Refund(ctx, testActor, o.ID, RefundInput{MethodID: "store_credit", Amount: 380, Reason: "Goodwill"}); err != nil {
		t.Fatal(err)
	}
	if _, err := e.s.Cancel(ctx, testActor, o.ID, ""); err != nil {
		t.Fatal(err)
	}
	ps, _ := e.s.FindPayments(ctx, o.ID)
	if _, err := e.s.SettleRefund(ctx, testActor, ps[len(ps)-1].ID, ""); err != nil {
		t.Fatal(err)
	}
	if _, err := e.s.CloseDrawer(ctx, testActor, []DrawerCountInput{{MethodID: "cash", Counted: 10000}}, ""); err != nil {
		t.Fatal(err)
	}
	for entity, want := range map[string]int{"payments": 3, "payment_settlements": 1, "store_credits": 1, "cash_sessions": 2,
		"cash_session_counts": 1} {
		if n := outbox(entity); n != want {
			t.Errorf("%d outbox rows for %s, want %d", n, entity, want)
		}
		if n := audit(entity); n != want {
			t.Errorf("%d audit entries for %s, want %d", n, entity, want)
		}
	}
	if n := outbox("order_payment_totals") + audit("order_payment_totals"); n != 0 {
		t.Errorf("the payment totals cache was captured %d times", n)
	}
	for _, stmt := range []string{`UPDATE payments SET amount = 1 WHERE id = ?`, `DELETE FROM payments WHERE id = ?`,
		`UPDATE payment_settlements SET reference = 'x' WHERE payment_id <> ?`, `DELETE FROM store_credits WHERE id <> ?`,
		`UPDATE cash_session_counts SET counted = 0 WHERE id <> ?`} {
		err := e.db.Update(ctx, testActor, func(tx *store.Tx) error {
			_, err := tx.ExecContext(ctx, stmt, p.ID)
			return err
		})
		if err == nil || !strings.Contains(err.Error(), "append-only") {
			t.Errorf("%s: err = %v, want append-only", stmt, err)
		}
	}
	if u, err := e.db.UncapturedTables(ctx); err != nil || len(u) != 0 {
		t.Fatalf("uncaptured tables %v, %v", u, err)
	}
}

// TestPaymentService_TotalsCacheMatchesLedger runs random payments,
// refunds, cancellations and pay-outs on a few orders and checks the cache
// against sums computed here from the ledger, and against a rebuild.
func TestPaymentService_TotalsCacheMatchesLedger(t *testing.T) {
	e := newPayEnv(t)
	ctx := context.Background()
	rng := rand.New(rand.NewPCG(4, 2))
	var orders []*Order
	for i := 0; i < 4; i++ {
		orders = append(orders, e.customerBolts(t, int64(1+i)))
	}
	methods := []string{"cash", "card", "transfer", "account", "store_credit"}
	ok := 0
	for i := 0; i < 200; i++ {
		e.tick()
		o := orders[rng.IntN(len(orders))]
		m := methods[rng.IntN(len(methods))]
		amount := int64(1 + rng.IntN(2500))
		var err error
		switch op := rng.IntN(10); {
		case op < 5:
			_, err = e.s.AddPayment(ctx, testActor, o.ID, PaymentInput{MethodID: m, Amount: amount,
				ApproverID: e.manager.ID, ApproverSecret: "4321"})
		case op < 8:
			_, err = e.s.Refund(ctx, testActor, o.ID, RefundInput{MethodID: m, Amount: amount, Reason: "Random", Pending: rng.IntN(2) == 0})
		case op == 8 && rng.IntN(4) == 0:
			_, err = e.s.Cancel(ctx, testActor, o.ID, "random")
		default:
			ps, _ := e.s.FindPayments(ctx, o.ID)
			for _, p := range ps {
				if !p.Completed() {
					_, err = e.s.SettleRefund(ctx, testActor, p.ID, "")
					break
				}
			}
		}
		if errs.Code(err) == errs.EINTERNAL {
			t.Fatalf("step %d: %v", i, err)
		}
		if err == nil {
			ok++
		}
	}
	if ok < 50 {
		t.Fatalf("only %d of 200 operations succeeded", ok)
	}
	for _, o := range orders {
		ps, err := e.s.FindPayments(ctx, o.ID)
		if err != nil {
			t.Fatal(err)
		}
		var want paymentTotals
		for _, p := range ps {
			switch {
			case p.Amount > 0:
				want.paid += p.Amount
			case p.Completed():
				want.refunded -= p.Amount
			default:
				want.pending -= p.Amount
			}
			if p.Amount < 0 && p.ReturnID != "" {
				want.returned -= p.Amount
			}
		}
		got, err := readPaymentTotals(ctx, e.db.Reader(), o.ID)
		if err != nil || got != want {
			t.Fatalf("order %s: cache %+v, ledger %+v (%v)", o.Number, got, want, err)
		}
		if want.refunded+want.pending > want.paid {
			t.Fatalf("order %s refunds more than was paid: %+v", o.Number, want)
		}
		if err := e.db.Update(ctx, testActor, func(tx *store.Tx) error { return rebuildPaymentTotals(tx, o.ID) }); err != nil {
			t.Fatal(err)
		}
		if again, _ := readPaymentTotals(ctx, e.db.Reader(), o.ID); again != want {
			t.Fatalf("order %s: rebuilt %+v, want %+v", o.Number, again, want)
		}
	}
}
