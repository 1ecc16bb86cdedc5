package order

import (
	"context"
	"fmt"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
	"time"

	"oms/internal/catalog"
	"oms/internal/customer"
	"oms/internal/errs"
	"oms/internal/stock"
	"oms/internal/store"
)

// checkPaymentStatusCache fails unless the payment status cache holds one
// row per order, equal to the status derived from the order and its
// payment totals now, and its per-day counts are those of the cache.
func checkPaymentStatusCache(t *testing.T, db *store.DB) {
	t.Helper()
	r := db.Reader()
	var n int
	if err := r.QueryRow(`SELECT count(*) FROM (
			SELECT id, payment_status, created_at, status, channel, customer_id FROM order_payment_status_derived
			EXCEPT SELECT id, payment_status, created_at, status, channel, customer_id FROM order_payment_status)`).Scan(&n); err != nil || n != 0 {
		t.Fatalf("%d orders whose cached payment status is missing or stale (%v)", n, err)
	}
	if err := r.QueryRow(`SELECT (SELECT count(*) FROM order_payment_status) - (SELECT count(*) FROM orders)`).Scan(&n); err != nil || n != 0 {
		t.Fatalf("%d cached payment statuses of no order (%v)", n, err)
	}
	if err := r.QueryRow(`SELECT count(*) FROM (
			SELECT payment_status, substr(created_at, 1, 10), status, channel, count(*) FROM order_payment_status GROUP BY 1, 2, 3, 4
			EXCEPT SELECT payment_status, day, status, channel, n FROM order_payment_counts WHERE n <> 0)`).Scan(&n); err != nil || n != 0 {
		t.Fatalf("%d per-day payment counts that disagree with the cache (%v)", n, err)
	}
	if err := r.QueryRow(`SELECT count(*) FROM order_payment_counts WHERE n < 0`).Scan(&n); err != nil || n != 0 {
		t.Fatalf("%d negative per-day payment counts (%v)", n, err)
	}
}

// wantPaymentStatus fails unless o stands at want: on the order, in its
// payment summary, and in the list, where the filter for want finds it, with
// an exact total, and the filter for every other status does not.
func (e *env) wantPaymentStatus(t *testing.T, o *Order, want PaymentStatus) {
	t.Helper()
	ctx := context.Background()
	got, err := e.s.FindOrderByID(ctx, o.ID)
	if err != nil {
		t.Fatal(err)
	}
	sum, err := e.s.FindPaymentSummary(ctx, o.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.PaymentStatus != want || sum.Status != want {
		t.Fatalf("%s: payment status %s, summary %s (%+v), want %s", o.Number, got.PaymentStatus, sum.Status, sum, want)
	}
	for _, ps := range PaymentStatuses {
		for _, f := range []OrderFilter{{PaymentStatus: ps}, {PaymentStatus: ps, Status: got.Status},
			{PaymentStatus: ps, CustomerID: got.CustomerID}} {
			f.Limit = 500
			list, total, err := e.s.FindOrders(ctx, f)
			if err != nil {
				t.Fatal(err)
			}
			found := false
			for _, l := range list {
				found = found || l.ID == o.ID
				if l.PaymentStatus != ps {
					t.Fatalf("%+v lists %s, which is %s", f, l.Number, l.PaymentStatus)
				}
			}
			if found != (ps == want) || total != len(list) {
				t.Fatalf("%+v: %s found %v in %d of %d; it is %s", f, o.Number, found, len(list), total, want)
			}
		}
	}
	checkPaymentStatusCache(t, e.db)
}

// TestOrderService_PaymentStatusFollows walks orders through what changes
// their payment status: payments, refunds, pay-outs, returns, cancellation,
// edits of the lines and the header, and the deletion of a draft.
func TestOrderService_PaymentStatusFollows(t *testing.T) {
	ctx := context.Background()
	type step struct {
		name string
		do   func(t *testing.T, e *payEnv, o *Order) *Order
		want PaymentStatus
	}
	pay := func(method string, amount int64) func(t *testing.T, e *payEnv, o *Order) *Order {
		return func(t *testing.T, e *payEnv, o *Order) *Order {
			e.pay(t, o, PaymentInput{MethodID: method, Amount: amount})
			return o
		}
	}
	refund := func(method string, amount int64, pending bool) func(t *testing.T, e *payEnv, o *Order) *Order {
		return func(t *testing.T, e *payEnv, o *Order) *Order {
			e.tick()
			if _, err := e.s.Refund(ctx, testActor, o.ID, RefundInput{MethodID: method, Amount: amount, Reason: "Goodwill",
				Pending: pending}); err != nil {
				t.Fatal(err)
			}
			return o
		}
	}
	settleAll := func(t *testing.T, e *payEnv, o *Order) *Order {
		ps, err := e.s.FindPayments(ctx, o.ID)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range ps {
			if !p.Completed() {
				e.tick()
				if _, err := e.s.SettleRefund(ctx, testActor, p.ID, "RF"); err != nil {
					t.Fatal(err)
				}
			}
		}
		return o
	}
	reload := func(t *testing.T, e *payEnv, o *Order) *Order {
		t.Helper()
		o, err := e.s.FindOrderByID(ctx, o.ID)
		if err != nil {
			t.Fatal(err)
		}
		return o
	}
	confirm := func(t *testing.T, e *payEnv, o *Order) *Order {
		e.tick()
		o, err := e.s.Confirm(ctx, testActor, o.ID, reload(t, e, o).Version)
		if err != nil {
			t.Fatal(err)
		}
		return o
	}
	cancel := func(t *testing.T, e *payEnv, o *Order) *Order {
		e.tick()
		o, err := e.s.Cancel(ctx, testActor, o.ID, "changed mind")
		if err != nil {
			t.Fatal(err)
		}
		return o
	}
	ship := func(t *testing.T, e *payEnv, o *Order) *Order {
		o = reload(t, e, o)
		for _, to := range []Status{StatusPicking, StatusPacked, StatusShipped} {
			e.tick()
			var err error
			if o, err = e.s.Advance(ctx, testActor, o.ID, to, ""); err != nil {
				t.Fatal(err)
			}
		}
		return o
	}
	returnOne := func(t *testing.T, e *payEnv, o *Order) *Order {
		o = reload(t, e, o)
		e.tick()
		if _, err := e.s.CreateReturn(ctx, testActor, o.ID, ReturnInput{Reason: "Wrong size", Refund: RefundOriginal,
			Lines: []ReturnLineInput{restock(o.Lines[0].ID, 1, e.bin.ID)}}); err != nil {
			t.Fatal(err)
		}
		return o
	}
	closeDrawer := func(t *testing.T, e *payEnv, o *Order) *Order {
		if _, err := e.s.CloseDrawer(ctx, testActor, []DrawerCountInput{{MethodID: "cash"}, {MethodID: "card"}}, ""); err != nil {
			t.Fatal(err)
		}
		return o
	}
	openDrawer := func(t *testing.T, e *payEnv, o *Order) *Order {
		if _, err := e.s.OpenDrawer(ctx, testActor, 0, ""); err != nil {
			t.Fatal(err)
		}
		return o
	}
	addBolt := func(t *testing.T, e *payEnv, o *Order) *Order {
		o = reload(t, e, o)
		e.tick()
		o, err := e.s.AddLine(ctx, testActor, o.ID, o.Version, LineInput{ProductID: e.bolt.ID, Quantity: 1})
		if err != nil {
			t.Fatal(err)
		}
		return o
	}
	removeLast := func(t *testing.T, e *payEnv, o *Order) *Order {
		o = reload(t, e, o)
		e.tick()
		o, err := e.s.RemoveLine(ctx, testActor, o.Lines[len(o.Lines)-1].ID, o.Version)
		if err != nil {
			t.Fatal(err)
		}
		return o
	}
	lessBolts := func(t *testing.T, e *payEnv, o *Order) *Order {
		o = reload(t, e, o)
		e.tick()
		q := o.Lines[0].Quantity - 1
		o, err := e.s.UpdateLine(ctx, testActor, o.Lines[0].ID, o.Version, LineUpdate{Quantity: &q})
		if err != nil {
			t.Fatal(err)
		}
		return o
	}
	setCustomer := func(t *testing.T, e *payEnv, o *Order) *Order {
		o = reload(t, e, o)
		e.tick()
		o, err := e.s.UpdateOrder(ctx, testActor, o.ID, o.Version, OrderUpdate{CustomerID: &e.cust.ID})
		if err != nil {
			t.Fatal(err)
		}
		return o
	}
	shipping := func(amount int64) func(t *testing.T, e *payEnv, o *Order) *Order {
		return func(t *testing.T, e *payEnv, o *Order) *Order {
			o = reload(t, e, o)
			e.tick()
			o, err := e.s.UpdateOrder(ctx, testActor, o.ID, o.Version, OrderUpdate{Shipping: &amount})
			if err != nil {
				t.Fatal(err)
			}
			return o
		}
	}

	// Two bolts (11.90 each): 23.80.
	tests := []struct {
		name  string
		steps []step
	}{
		{"PaidInTwoParts", []step{
			{"part", pay("card", 1000), PaymentStatusPartlyPaid},
			{"customer chosen", setCustomer, PaymentStatusPartlyPaid},
			{"rest", pay("cash", 1380), PaymentStatusPaid},
			{"confirmed", confirm, PaymentStatusPaid},
		}},
		{"RefundPart", []step{
			{"paid", pay("card", 2380), PaymentStatusPaid},
			{"refund", refund("card", 500, false), PaymentStatusPartlyPaid},
			{"refund all", refund("card", 1880, false), PaymentStatusUnpaid},
			// Paid again in full after a refund: refunded, as PaymentSummary
			// defines it (net paid = due, something refunded).
			{"pay again", pay("cash", 2380), PaymentStatusRefunded},
		}},
		{"PendingRefundPaidOut", []step{
			{"paid", pay("card", 2380), PaymentStatusPaid},
			{"pending refund", refund("card", 380, true), PaymentStatusPaid},
			{"paid out", settleAll, PaymentStatusPartlyPaid},
		}},
		{"EditsChangeTheTotal", []step{
			{"paid", pay("card", 2380), PaymentStatusPaid},
			{"confirmed", confirm, PaymentStatusPaid},
			{"line added", addBolt, PaymentStatusPartlyPaid},
			{"line removed", removeLast, PaymentStatusPaid},
			{"fewer bolts", lessBolts, PaymentStatusOverpaid},
			{"shipping charged", shipping(1190), PaymentStatusPaid},
			{"shipping waived", shipping(0), PaymentStatusOverpaid},
			{"refund the difference", refund("card", 1190, false), PaymentStatusRefunded},
		}},
		{"CancelPaid", []step{
			{"paid", pay("card", 2000), PaymentStatusPartlyPaid},
			{"paid", pay("cash", 380), PaymentStatusPaid},
			{"confirmed", confirm, PaymentStatusPaid},
			{"cancelled", cancel, PaymentStatusOverpaid},
			{"paid out", settleAll, PaymentStatusRefunded},
		}},
		{"CancelUnpaid", []step{
			{"confirmed", confirm, PaymentStatusUnpaid},
			{"cancelled", cancel, PaymentStatusUnpaid},
		}},
		{"CancelPartlyPaid", []step{
			{"part", pay("card", 500), PaymentStatusPartlyPaid},
			{"cancelled", cancel, PaymentStatusOverpaid},
			{"paid out", settleAll, PaymentStatusRefunded},
		}},
		{"ReturnRefunded", []step{
			{"confirmed", confirm, PaymentStatusUnpaid},
			{"paid", pay("card", 2380), PaymentStatusPaid},
			{"shipped", ship, PaymentStatusPaid},
			{"one returned", returnOne, PaymentStatusRefunded},
		}},
		{"ReturnCashRefundPending", []step{
			{"confirmed", confirm, PaymentStatusUnpaid},
			{"paid", pay("cash", 2380), PaymentStatusPaid},
			{"shipped", ship, PaymentStatusPaid},
			{"drawer closed", closeDrawer, PaymentStatusPaid},
			{"one returned", returnOne, PaymentStatusOverpaid},
			{"drawer opened", openDrawer, PaymentStatusOverpaid},
			{"paid out", settleAll, PaymentStatusRefunded},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := newPayEnv(t)
			o := e.bolts(t, 2)
			if o.Total != 2380 {
				t.Fatalf("total %d", o.Total)
			}
			e.wantPaymentStatus(t, o, PaymentStatusUnpaid)
			// Another order beside it keeps the filters honest.
			other := e.bolts(t, 1)
			for _, st := range tt.steps {
				o = st.do(t, e, o)
				t.Logf("%s: %s", st.name, st.want)
				e.wantPaymentStatus(t, o, st.want)
				e.wantPaymentStatus(t, other, PaymentStatusUnpaid)
			}
		})
	}

	t.Run("DeletedDraft", func(t *testing.T) {
		e := newPayEnv(t)
		o := e.bolts(t, 1)
		e.wantPaymentStatus(t, o, PaymentStatusUnpaid)
		if err := e.s.DeleteDraft(ctx, testActor, o.ID, o.Version); err != nil {
			t.Fatal(err)
		}
		if _, total, err := e.s.FindOrders(ctx, OrderFilter{PaymentStatus: PaymentStatusUnpaid}); err != nil || total != 0 {
			t.Fatalf("after deleting the draft: %d unpaid, %v", total, err)
		}
		checkPaymentStatusCache(t, e.db)
	})
}

// TestPaymentStatusCache_MatchesSummarize holds the SQL form of the
// payment status (migration 0010) to summarize over the cases of
// TestPaymentSummary_Status and random ones, including those no service
// writes today (sync may: two devices paying the same order).
func TestPaymentStatusCache_MatchesSummarize(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	type tc struct {
		status Status
		total  int64
		t      paymentTotals
		row    bool // an order_payment_totals row at all
	}
	cases := []tc{
		{StatusDraft, 1000, paymentTotals{}, false},
		{StatusDraft, 1000, paymentTotals{}, true},
		{StatusConfirmed, 1000, paymentTotals{paid: 400}, true},
		{StatusDelivered, 1000, paymentTotals{paid: 1000}, true},
		{StatusDraft, 0, paymentTotals{}, false},
		{StatusConfirmed, 0, paymentTotals{paid: 10}, true},
		{StatusConfirmed, 800, paymentTotals{paid: 1000}, true},
		{StatusCancelled, 1000, paymentTotals{paid: 1000, pending: 1000}, true},
		{StatusCancelled, 1000, paymentTotals{paid: 1000, refunded: 1000}, true},
		{StatusCancelled, 1000, paymentTotals{}, false},
		{StatusDelivered, 1000, paymentTotals{paid: 1000, pending: 300, returned: 300}, true},
		{StatusDelivered, 1000, paymentTotals{paid: 1000, refunded: 300, returned: 300}, true},
		{StatusDelivered, 1000, paymentTotals{paid: 1000, refunded: 300, returned: 1300}, true},
		{StatusConfirmed, 1000, paymentTotals{paid: 1000, refunded: 1000}, true},
		{StatusConfirmed, 1000, paymentTotals{paid: 1000, refunded: 400}, true},
	}
	rng := rand.New(rand.NewPCG(10, 10))
	statuses := []Status{StatusDraft, StatusConfirmed, StatusShipped, StatusDelivered, StatusCancelled}
	for range 300 {
		v := func() int64 { return []int64{0, 0, 300, 500, 700, 1000, 1200}[rng.IntN(7)] }
		c := tc{status: statuses[rng.IntN(len(statuses))], total: v(), row: rng.IntN(8) > 0}
		if c.row {
			c.t = paymentTotals{paid: v(), refunded: v(), pending: v(), returned: v()}
		}
		cases = append(cases, c)
	}
	ids := make([]string, len(cases))
	err := e.db.Update(ctx, testActor, func(tx *store.Tx) error {
		for i, c := range cases {
			o := &Order{ID: store.NewID(), Number: fmt.Sprintf("T-%06d", i), Channel: ChannelCounter, Status: c.status,
				Currency: "EUR", Shipping: c.total, TaxMode: TaxPerLine, Version: 1, CreatedAt: tx.Now, UpdatedAt: tx.Now}
			if err := insertOrder(tx, o); err != nil {
				return err
			}
			ids[i] = o.ID
			if !c.row {
				continue
			}
			if _, err := tx.Exec(`INSERT INTO order_payment_totals (id, paid, refunded, pending_refund, return_refund, updated_at)
				VALUES (?, ?, ?, ?, ?, '')`, o.ID, c.t.paid, c.t.refunded, c.t.pending, c.t.returned); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for i, c := range cases {
		want := summarize(&Order{Status: c.status, Total: c.total}, c.t, 0).Status
		got, err := findPaymentStatus(ctx, e.db.Reader(), ids[i])
		if err != nil || got != want {
			t.Errorf("case %d %+v: cached %s, summarize %s (%v)", i, c, got, want, err)
		}
	}
	checkPaymentStatusCache(t, e.db)
}

// TestOrderService_FindOrders_PaymentStatus checks the list filtered by
// payment status, alone and with every other filter, against a plain query
// over the status derived from the payment records (not the cache), at
// offsets that seek by day and by keyset, over generated orders.
func TestOrderService_FindOrders_PaymentStatus(t *testing.T) {
	defer func(n int) { deepOffset = n }(deepOffset)
	deepOffset = 37
	ctx := context.Background()
	db := genDB(t, 1500, 3)
	customers := customer.NewService(db)
	s := NewService(db, catalog.NewService(db), customers, stock.NewService(db))
	checkPaymentStatusCache(t, db)

	count := map[PaymentStatus]int{}
	rows, err := db.Reader().Query(`SELECT payment_status, count(*) FROM order_payment_status_derived GROUP BY 1`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var ps PaymentStatus
		var n int
		rows.Scan(&ps, &n)
		count[ps] = n
	}
	rows.Close()
	for _, ps := range PaymentStatuses {
		if count[ps] == 0 {
			t.Fatalf("no generated order is %s: %v", ps, count)
		}
	}

	var custID string
	db.Reader().QueryRow(`SELECT customer_id FROM orders WHERE customer_id IS NOT NULL GROUP BY customer_id ORDER BY count(*) DESC LIMIT 1`).Scan(&custID)
	from, to := GenEnd.AddDate(0, -10, 0).Add(7*time.Hour+13*time.Minute), GenEnd.AddDate(0, -4, 0).Add(-5*time.Hour)
	derived := "o.id IN (SELECT id FROM order_payment_status_derived WHERE payment_status = ?)"
	type tc struct {
		name string
		f    OrderFilter
		cond string
		args []any
	}
	var cases []tc
	for _, ps := range PaymentStatuses {
		cases = append(cases,
			tc{string(ps), OrderFilter{PaymentStatus: ps}, derived, []any{ps}},
			tc{string(ps) + "/Delivered", OrderFilter{PaymentStatus: ps, Status: StatusDelivered},
				derived + " AND status = 'delivered'", []any{ps}},
			tc{string(ps) + "/Cancelled", OrderFilter{PaymentStatus: ps, Status: StatusCancelled},
				derived + " AND status = 'cancelled'", []any{ps}},
			tc{string(ps) + "/Web", OrderFilter{PaymentStatus: ps, Channel: ChannelWeb}, derived + " AND channel = 'web'", []any{ps}},
			tc{string(ps) + "/Customer", OrderFilter{PaymentStatus: ps, CustomerID: custID}, derived + " AND customer_id = ?",
				[]any{ps, custID}},
			tc{string(ps) + "/DateRange", OrderFilter{PaymentStatus: ps, From: from, To: to},
				derived + " AND created_at >= ? AND created_at < ?", []any{ps, store.FormatTime(from), store.FormatTime(to)}},
			tc{string(ps) + "/All", OrderFilter{PaymentStatus: ps, Status: StatusDelivered, Channel: ChannelCounter, From: from},
				derived + " AND status = 'delivered' AND channel = 'counter' AND created_at >= ?", []any{ps, store.FormatTime(from)}},
		)
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, total := refIDs(t, db, tc.cond, tc.args, 1, 0)
			for _, off := range []int{total - 3, 0, 1, 36, 37, 38, 74, 500, total / 2, total - 1, total, total + 5, 111} {
				if off < 0 {
					continue
				}
				f := tc.f
				f.Limit, f.Offset = 10, off
				got, gotTotal := listIDs(t, s, f)
				want, wantTotal := refIDs(t, db, tc.cond, tc.args, 10, off)
				if gotTotal != wantTotal || !reflect.DeepEqual(got, want) {
					t.Fatalf("offset %d: got %v (total %d), want %v (total %d)", off, got, gotTotal, want, wantTotal)
				}
			}
			if total == 0 {
				return
			}
			f := tc.f
			f.Limit, f.Offset = 20, min(40, total/3)
			page, _, err := s.FindOrders(ctx, f)
			if err != nil || len(page) == 0 {
				t.Fatalf("page: %v", err)
			}
			for _, o := range page {
				if o.PaymentStatus != tc.f.PaymentStatus {
					t.Fatalf("%s listed as %s", o.Number, o.PaymentStatus)
				}
			}
			f.After, f.Offset = page[len(page)-1].Cursor(), 0
			got, _ := listIDs(t, s, f)
			want, _ := refIDs(t, db, tc.cond, tc.args, 20, min(40, total/3)+len(page))
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("after: got %v, want %v", got, want)
			}
		})
	}

	t.Run("Query", func(t *testing.T) {
		ways := []struct{ seek, gather int }{{4, 500}, {0, 5000}, {0, 0}, {1 << 30, 500}}
		defer func() { seekRatio, gatherMax = 4, 500 }()
		// By number: serials 000100-000199.
		for _, ps := range PaymentStatuses {
			want, wantTotal := refIDs(t, db, derived+" AND substr(number, 7) LIKE '0001%'", []any{ps}, 500, 0)
			got, total := listIDs(t, s, OrderFilter{Query: "0001", PaymentStatus: ps, Limit: 500})
			if total != wantTotal || !reflect.DeepEqual(got, want) {
				t.Errorf("0001 %s: got %d of %d, want %d of %d", ps, len(got), total, len(want), wantTotal)
			}
		}
		// By customer, few matching (gathered) or many (the list walked).
		for _, q := range []string{"müller", "o"} {
			found, _, err := customers.FindCustomers(ctx, customer.CustomerFilter{Query: q, Limit: 500})
			if err != nil {
				t.Fatal(err)
			}
			var ids []string
			for _, c := range found {
				ids = append(ids, "'"+c.ID+"'")
			}
			cond := derived + " AND customer_id IN (" + strings.Join(ids, ",") + ")"
			for _, ps := range PaymentStatuses {
				_, wantTotal := refIDs(t, db, cond, []any{ps}, 1, 0)
				wantTotal = min(wantTotal, QueryTotalCap+1) // a search counts up to the cap
				// Every way a search is served: customers sought with pages
				// gathered or walked, or one walk for count and page.
				for _, way := range ways {
					seekRatio, gatherMax = way.seek, way.gather
					for _, off := range []int{0, 5, wantTotal - 1, wantTotal, wantTotal + 3} {
						if off < 0 {
							continue
						}
						want, _ := refIDs(t, db, cond, []any{ps}, 25, off)
						got, total := listIDs(t, s, OrderFilter{Query: q, PaymentStatus: ps, Limit: 25, Offset: off})
						if total != wantTotal || !reflect.DeepEqual(got, want) {
							t.Errorf("%q %s %+v offset %d: got %d of %d, want %d of %d", q, ps, way, off, len(got), total, len(want), wantTotal)
						}
					}
					if wantTotal > 3 {
						page, _, err := s.FindOrders(ctx, OrderFilter{Query: q, PaymentStatus: ps, Limit: 2, Offset: 1})
						if err != nil {
							t.Fatal(err)
						}
						want, _ := refIDs(t, db, cond, []any{ps}, 25, 3)
						got, total := listIDs(t, s, OrderFilter{Query: q, PaymentStatus: ps, Limit: 25, After: page[1].Cursor()})
						if total != wantTotal || !reflect.DeepEqual(got, want) {
							t.Errorf("%q %s %+v after: got %d of %d, want %d of %d", q, ps, way, len(got), total, len(want), wantTotal)
						}
					}
				}
				seekRatio, gatherMax = 4, 500
				if wantTotal == 0 && (ps == PaymentStatusPaid || ps == PaymentStatusUnpaid) {
					t.Errorf("%q finds no %s orders", q, ps)
				}
			}
		}
		// A search matching by number and by name at once: "l" begins
		// every number (LOCAL-…) and many customers' words.
		for _, way := range ways {
			seekRatio, gatherMax = way.seek, way.gather
			for _, off := range []int{0, 30} {
				got, total := listIDs(t, s, OrderFilter{Query: "l", PaymentStatus: PaymentStatusPaid, Status: StatusDelivered, Limit: 25, Offset: off})
				want, wantTotal := refIDs(t, db, derived+" AND status = 'delivered'", []any{PaymentStatusPaid}, 25, off)
				wantTotal = min(wantTotal, QueryTotalCap+1) // a search counts up to the cap
				if total != wantTotal || !reflect.DeepEqual(got, want) {
					t.Errorf("number and name %+v offset %d: got %d of %d, want %d of %d", way, off, len(got), total, len(want), wantTotal)
				}
			}
		}
		seekRatio, gatherMax = 4, 500
	})

	t.Run("TotalsAddUp", func(t *testing.T) {
		for _, f := range []OrderFilter{{}, {Status: StatusCancelled}, {Channel: ChannelPhone}, {From: from, To: to}} {
			_, all := listIDs(t, s, f)
			sum := 0
			for _, ps := range PaymentStatuses {
				g := f
				g.PaymentStatus = ps
				_, n := listIDs(t, s, g)
				sum += n
			}
			if sum != all {
				t.Errorf("%+v: payment statuses add up to %d of %d orders", f, sum, all)
			}
		}
	})
}

func TestOrderService_FindOrders_BadPaymentStatus(t *testing.T) {
	e := newEnv(t)
	for _, bad := range []PaymentStatus{"Paid", "settled", " paid", "partly paid"} {
		_, _, err := e.s.FindOrders(context.Background(), OrderFilter{PaymentStatus: bad})
		wantErr(t, err, errs.EINVALID, "paymentStatus")
		wantMessage(t, err, "not a payment status", "partly paid")
	}
	for _, ok := range []string{"", "unpaid", "partly_paid", "paid", "overpaid", "refunded"} {
		if ps, err := ParsePaymentStatus(ok); err != nil || string(ps) != ok {
			t.Errorf("ParsePaymentStatus(%q) = %q, %v", ok, ps, err)
		}
	}
}
