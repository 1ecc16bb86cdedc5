package order

import (
	"context"
	"testing"

	"oms/internal/errs"
)

func TestDrawerService_CashNeedsOpenDrawer(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	o := e.draft(t, LineInput{ProductID: e.bolt.ID, Quantity: 1})
	if d, err := e.s.CurrentDrawer(ctx); err != nil || d != nil {
		t.Fatalf("current drawer = %+v, %v; want none", d, err)
	}
	_, err := e.s.AddPayment(ctx, testActor, o.ID, PaymentInput{MethodID: "cash", Amount: 100})
	wantErr(t, err, errs.ECONFLICT, "drawer")
	if errs.Message(err) != "Open the cash drawer first." {
		t.Fatalf("message = %q", errs.Message(err))
	}
	// Other methods need no drawer.
	p, err := e.s.AddPayment(ctx, testActor, o.ID, PaymentInput{MethodID: "card", Amount: 100})
	if err != nil || p.DrawerSessionID != "" {
		t.Fatalf("card payment = %+v, %v", p, err)
	}
	_, err = e.s.CloseDrawer(ctx, testActor, nil, "")
	wantErr(t, err, errs.ECONFLICT, "drawer")
	_, err = e.s.OpenDrawer(ctx, testActor, -1, "")
	wantErr(t, err, errs.EINVALID, "openingFloat")
}

func TestDrawerService_OpenCloseReport(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	e.tick()
	d, err := e.s.OpenDrawer(ctx, testActor, 10000, "Morning shift")
	if err != nil || d.Status != DrawerOpen || d.OpeningFloat != 10000 || d.OpenedByName != "tester" || !d.OpenedAt.Equal(e.now) {
		t.Fatalf("opened %+v, %v", d, err)
	}
	_, err = e.s.OpenDrawer(ctx, testActor, 0, "")
	wantErr(t, err, errs.ECONFLICT, "drawer")
	if cur, err := e.s.CurrentDrawer(ctx); err != nil || cur == nil || cur.ID != d.ID {
		t.Fatalf("current drawer = %+v, %v", cur, err)
	}
	pay := func(o *Order, method string, amount, tendered int64) {
		t.Helper()
		e.tick()
		if _, err := e.s.AddPayment(ctx, testActor, o.ID, PaymentInput{MethodID: method, Amount: amount, Tendered: tendered}); err != nil {
			t.Fatal(err)
		}
	}
	a := e.draft(t, LineInput{ProductID: e.bolt.ID, Quantity: 3}) // 35.70
	pay(a, "cash", 5000, 0)                                       // 35.70 in, 14.30 change
	b := e.draft(t, LineInput{ProductID: e.bolt.ID, Quantity: 2}) // 23.80
	pay(b, "card", 2380, 0)
	c := e.draft(t, LineInput{ProductID: e.bolt.ID, Quantity: 1}) // 11.90
	pay(c, "cash", 1190, 2000)
	if _, err := e.s.Refund(ctx, testActor, c.ID, RefundInput{MethodID: "cash", Amount: 500, Reason: "Price match"}); err != nil {
		t.Fatal(err)
	}
	dd := e.draft(t, LineInput{ProductID: e.bolt.ID, Quantity: 1}) // 11.90, paid then cancelled and paid back
	pay(dd, "cash", 1190, 0)
	if _, err := e.s.Cancel(ctx, testActor, dd.ID, "Wrong item"); err != nil {
		t.Fatal(err)
	}
	ps, _ := e.s.FindPayments(ctx, dd.ID)
	if _, err := e.s.SettleRefund(ctx, testActor, ps[1].ID, ""); err != nil {
		t.Fatal(err)
	}
	// An open drawer's report has no counts yet.
	r, err := e.s.EndOfDayReport(ctx, d.ID)
	if err != nil || len(r.Methods) != 2 || r.Methods[0].Expected != 14260 || r.Counted != 0 || r.Expected != 0 || r.Methods[0].IsCounted {
		t.Fatalf("open report = %+v, %v", r, err)
	}

	_, err = e.s.CloseDrawer(ctx, testActor, []DrawerCountInput{{MethodID: "cash", Counted: 14200}}, "")
	wantErr(t, err, errs.EINVALID, "counts")
	_, err = e.s.CloseDrawer(ctx, testActor, []DrawerCountInput{{MethodID: "cash", Counted: -1}}, "")
	wantErr(t, err, errs.EINVALID, "counts[0].counted")
	_, err = e.s.CloseDrawer(ctx, testActor, []DrawerCountInput{{MethodID: "cash", Counted: 1}, {MethodID: "cash", Counted: 1}}, "")
	wantErr(t, err, errs.EINVALID, "counts[1].methodId")
	_, err = e.s.CloseDrawer(ctx, testActor, []DrawerCountInput{{MethodID: "cash"}, {MethodID: "card"}, {MethodID: "cheque"}}, "")
	wantErr(t, err, errs.ENOTFOUND, "counts[2].methodId")

	e.tick()
	r, err = e.s.CloseDrawer(ctx, testActor, []DrawerCountInput{{MethodID: "card", Counted: 2380}, {MethodID: "cash", Counted: 14200}},
		"Short 0.60")
	if err != nil {
		t.Fatal(err)
	}
	// Cash: 100.00 float + 35.70 + 11.90 + 11.90 in, 5.00 refunded and
	// 11.90 paid back out of the drawer: 142.60 expected, 142.00 counted.
	want := []DrawerMethodTotal{
		{MethodID: "cash", MethodName: "Cash", MethodKind: MethodCash, Count: 5, Payments: 5950, Refunds: 1690, Net: 4260,
			Expected: 14260, Counted: 14200, Difference: -60, IsCounted: true},
		{MethodID: "card", MethodName: "Card terminal", MethodKind: MethodCard, Count: 1, Payments: 2380, Net: 2380,
			Expected: 2380, Counted: 2380, IsCounted: true},
	}
	if len(r.Methods) != len(want) {
		t.Fatalf("report methods = %d, want %d", len(r.Methods), len(want))
	}
	for i, w := range want {
		got := *r.Methods[i]
		got.sort = 0
		if got != w {
			t.Fatalf("line %d = %+v, want %+v", i, got, w)
		}
	}
	if r.OpeningFloat != 10000 || r.Payments != 8330 || r.Refunds != 1690 || r.Net != 6640 || r.Expected != 16640 ||
		r.Counted != 16580 || r.Difference != -60 {
		t.Fatalf("report totals = %+v", r)
	}
	s := r.Session
	if s.Status != DrawerClosed || s.ClosedByName != "tester" || !s.ClosedAt.Equal(e.now) || s.Note != "Morning shift\nShort 0.60" {
		t.Fatalf("closed session = %+v", s)
	}
	// The report reads the same later.
	again, err := e.s.EndOfDayReport(ctx, d.ID)
	if err != nil || again.Difference != -60 || again.Methods[0].Counted != 14200 || len(again.Methods) != 2 {
		t.Fatalf("report again = %+v, %v", again, err)
	}
	if cur, err := e.s.CurrentDrawer(ctx); err != nil || cur != nil {
		t.Fatalf("current drawer after close = %+v, %v", cur, err)
	}
	late := e.draft(t, LineInput{ProductID: e.bolt.ID, Quantity: 1})
	_, err = e.s.AddPayment(ctx, testActor, late.ID, PaymentInput{MethodID: "cash", Amount: 1190})
	wantErr(t, err, errs.ECONFLICT, "drawer")
	_, err = e.s.EndOfDayReport(ctx, "nope")
	wantErr(t, err, errs.ENOTFOUND, "")

	// The next session starts afresh.
	e.tick()
	if _, err := e.s.OpenDrawer(ctx, testActor, 5000, ""); err != nil {
		t.Fatal(err)
	}
	list, n, err := e.s.FindDrawerSessions(ctx, 10, 0)
	if err != nil || n != 2 || len(list) != 2 || list[1].ID != d.ID || list[0].Status != DrawerOpen {
		t.Fatalf("sessions = %+v, %d, %v", list, n, err)
	}
	if list, n, _ = e.s.FindDrawerSessions(ctx, 1, 1); len(list) != 1 || n != 2 || list[0].ID != d.ID {
		t.Fatalf("second page = %+v", list)
	}
	if n := e.count(t, `SELECT count(*) FROM cash_session_counts WHERE session_id = ?`, d.ID); n != 2 {
		t.Fatalf("%d counts recorded", n)
	}
}

// A card terminal that paid back more than it took that day counts a
// negative amount; cash never does.
func TestDrawerService_CardDayNegative(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	o := e.draft(t, LineInput{ProductID: e.bolt.ID, Quantity: 1}) // 11.90, paid by card before the drawer opened
	if _, err := e.s.AddPayment(ctx, testActor, o.ID, PaymentInput{MethodID: "card", Amount: 1190}); err != nil {
		t.Fatal(err)
	}
	e.tick()
	if _, err := e.s.OpenDrawer(ctx, testActor, 5000, ""); err != nil {
		t.Fatal(err)
	}
	e.tick()
	if _, err := e.s.Refund(ctx, testActor, o.ID, RefundInput{MethodID: "card", Amount: 1190, Reason: "Faulty"}); err != nil {
		t.Fatal(err)
	}
	_, err := e.s.CloseDrawer(ctx, testActor, []DrawerCountInput{{MethodID: "cash", Counted: -5}, {MethodID: "card", Counted: -1190}}, "")
	wantErr(t, err, errs.EINVALID, "counts[0].counted")
	r, err := e.s.CloseDrawer(ctx, testActor, []DrawerCountInput{{MethodID: "cash", Counted: 5000}, {MethodID: "card", Counted: -1190}}, "")
	if err != nil {
		t.Fatal(err)
	}
	if r.Difference != 0 || r.Expected != 5000-1190 {
		t.Fatalf("report = %+v", r)
	}
}
