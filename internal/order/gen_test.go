package order

import (
	"context"
	"fmt"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"oms/internal/catalog"
	"oms/internal/customer"
	"oms/internal/stock"
	"oms/internal/store"
)

// genDB returns a fresh database with generated products, customers and n
// generated orders for seed.
func genDB(t *testing.T, n int, seed uint64) *store.DB {
	t.Helper()
	ctx := context.Background()
	db, err := store.Open(ctx, filepath.Join(t.TempDir(), "oms.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	if err := catalog.GenerateProducts(ctx, db, 300, 7); err != nil {
		t.Fatal(err)
	}
	if err := customer.GenerateCustomers(ctx, db, 200, 7); err != nil {
		t.Fatal(err)
	}
	if err := GenerateOrders(ctx, db, n, seed); err != nil {
		t.Fatal(err)
	}
	return db
}

// genSummary is what must be the same in two databases generated alike:
// everything but ids and capture times, order by order, with its payments,
// their pay-outs and its payment status.
func genSummary(t *testing.T, db *store.DB) []string {
	t.Helper()
	rows, err := db.Reader().Query(`SELECT o.number, o.status, o.channel, o.customer_group, o.billing_address, o.total, o.tax_total,
		o.version, o.created_at, o.updated_at,
		(SELECT group_concat(l.sku || 'x' || l.quantity || '@' || l.unit_price || '/' || l.gross || '/' || l.reserved || '/' || l.backordered, ',')
			FROM (SELECT * FROM order_lines WHERE order_id = o.id ORDER BY line_no) l),
		(SELECT group_concat(e.to_status || '@' || e.at, ',') FROM (SELECT * FROM order_events WHERE order_id = o.id ORDER BY at) e),
		COALESCE((SELECT group_concat(p.method_id || ' ' || p.amount || '/' || p.tendered || '/' || p.change || ' ' || p.status || ' ' ||
			p.reference || ' ' || p.reason || '@' || p.at || COALESCE(' paid out@' || s.at, ''), ',')
			FROM (SELECT * FROM payments WHERE order_id = o.id ORDER BY at, amount DESC, method_id) p
			LEFT JOIN payment_settlements s ON s.payment_id = p.id), ''),
		(SELECT payment_status FROM order_payment_status WHERE id = o.id)
		FROM orders o ORDER BY o.number`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var cols [14]string
		ptrs := make([]any, len(cols))
		for i := range cols {
			ptrs[i] = &cols[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			t.Fatal(err)
		}
		out = append(out, strings.Join(cols[:], "|"))
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

func TestGenerateOrders_Deterministic(t *testing.T) {
	a, b := genSummary(t, genDB(t, 300, 42)), genSummary(t, genDB(t, 300, 42))
	if len(a) != 300 {
		t.Fatalf("got %d orders, want 300", len(a))
	}
	if !reflect.DeepEqual(a, b) {
		for i := range a {
			if a[i] != b[i] {
				t.Fatalf("order %d differs:\n%s\n%s", i, a[i], b[i])
			}
		}
	}
	if c := genSummary(t, genDB(t, 300, 43)); reflect.DeepEqual(a, c) {
		t.Fatal("another seed gave the same orders")
	}
}

func TestGenerateOrders_Invariants(t *testing.T) {
	const n = 500
	ctx := context.Background()
	db := genDB(t, n, 1)
	st := stock.NewService(db)
	s := NewService(db, catalog.NewService(db), customer.NewService(db), st)

	var ids []string
	rows, err := db.Reader().Query(`SELECT id FROM orders ORDER BY number`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var id string
		rows.Scan(&id)
		ids = append(ids, id)
	}
	rows.Close()
	if len(ids) != n {
		t.Fatalf("got %d orders, want %d", len(ids), n)
	}
	statuses := map[Status]int{}
	paymentStatuses := map[PaymentStatus]int{}
	numbers := map[string]bool{}
	walkIn := 0
	for i, id := range ids {
		o, err := s.FindOrderByID(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		statuses[o.Status]++
		if want := fmt.Sprintf("LOCAL-%06d", i+1); o.Number != want {
			t.Errorf("order %d is numbered %s, want %s", i, o.Number, want)
		}
		if numbers[o.Number] {
			t.Errorf("number %s twice", o.Number)
		}
		numbers[o.Number] = true
		if o.CustomerID == "" {
			walkIn++
		} else if o.BillingAddress.Country == "" {
			t.Errorf("%s: customer order without billing address", o.Number)
		}
		if len(o.Lines) < 1 || len(o.Lines) > 8 {
			t.Errorf("%s: %d lines", o.Number, len(o.Lines))
		}
		tot, err := ComputeTotals(o.totalsInput(o.Lines))
		if err != nil {
			t.Fatal(err)
		}
		if o.Subtotal != tot.Subtotal || o.DiscountTotal != tot.Discount || o.NetTotal != tot.Net || o.TaxTotal != tot.Tax ||
			o.Total != tot.Total || o.ShippingTax != tot.ShippingTax {
			t.Errorf("%s: totals %+v, ComputeTotals %+v", o.Number, o, tot)
		}
		for j, l := range o.Lines {
			lt := tot.Lines[j]
			if l.Discount != lt.Discount || l.Net != lt.Net || l.Tax != lt.Tax || l.Gross != lt.Gross {
				t.Errorf("%s line %d: %+v, ComputeTotals %+v", o.Number, l.LineNo, l, lt)
			}
			open := o.Status == StatusConfirmed || o.Status == StatusPicking || o.Status == StatusPacked
			switch {
			case open && l.Reserved+l.Backordered != l.Quantity:
				t.Errorf("%s line %d: reserved %d + backordered %d != quantity %d", o.Number, l.LineNo, l.Reserved, l.Backordered, l.Quantity)
			case !open && (l.Reserved != 0 || l.Backordered != 0):
				t.Errorf("%s (%s) line %d holds %d reserved, %d backordered", o.Number, o.Status, l.LineNo, l.Reserved, l.Backordered)
			}
		}
		// The stock ledger holds for the order exactly what its lines say.
		var reserved, ledger int64
		for _, l := range o.Lines {
			reserved += l.Reserved
		}
		db.Reader().QueryRow(`SELECT COALESCE(SUM(quantity), 0) FROM stock_movements WHERE ref_type = 'order' AND ref_id = ?`, o.ID).Scan(&ledger)
		if reserved != ledger {
			t.Errorf("%s: lines reserve %d, ledger %d", o.Number, reserved, ledger)
		}
		// The history starts with the draft, goes forward in time along
		// allowed transitions and ends in the order's status.
		if len(o.Events) == 0 || o.Events[0].From != "" || o.Events[0].To != StatusDraft || !o.Events[0].At.Equal(o.CreatedAt) {
			t.Fatalf("%s: history does not start with the draft: %+v", o.Number, o.Events)
		}
		for k := 1; k < len(o.Events); k++ {
			e, prev := o.Events[k], o.Events[k-1]
			if e.From != prev.To || checkTransition(e.From, e.To) != nil || !e.At.After(prev.At) {
				t.Errorf("%s: event %d %s->%s at %s after %s->%s at %s", o.Number, k, e.From, e.To, e.At, prev.From, prev.To, prev.At)
			}
		}
		last := o.Events[len(o.Events)-1]
		if last.To != o.Status || !last.At.Equal(o.UpdatedAt) || last.At.After(GenEnd) {
			t.Errorf("%s: status %s updated %s, last event %s at %s", o.Number, o.Status, o.UpdatedAt, last.To, last.At)
		}
		if want := 1 + int64(len(o.Lines)) + int64(len(o.Events)-1); o.Version != want {
			t.Errorf("%s: version %d, want %d", o.Number, o.Version, want)
		}
		// Payments: the list's status is the summary's; nothing is refunded
		// beyond what was paid, and only a cancelled order owes any back; a
		// draft (or what was cancelled as one) was never paid; payments
		// come after the order was created and before GenEnd.
		sum, err := s.FindPaymentSummary(ctx, o.ID)
		if err != nil {
			t.Fatal(err)
		}
		paymentStatuses[sum.Status]++
		if o.PaymentStatus != sum.Status {
			t.Errorf("%s: listed as %s, summary %+v", o.Number, o.PaymentStatus, sum)
		}
		if sum.Refunded+sum.PendingRefund > sum.Paid || sum.Paid > o.Total ||
			(o.Status != StatusCancelled && (sum.Refunded != 0 || sum.PendingRefund != 0)) ||
			(o.Status == StatusCancelled && sum.Paid != sum.Refunded+sum.PendingRefund) {
			t.Errorf("%s (%s): payments %+v", o.Number, o.Status, sum)
		}
		if len(o.Events) < 2 || o.Events[1].To != StatusConfirmed {
			if sum.Paid != 0 {
				t.Errorf("%s was paid without being confirmed: %+v", o.Number, sum)
			}
		}
		ps, err := s.FindPayments(ctx, o.ID)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range ps {
			if !p.At.After(o.CreatedAt) || p.At.After(GenEnd) || (p.Settlement != nil && (p.Settlement.At.Before(p.At) || p.Settlement.At.After(GenEnd))) {
				t.Errorf("%s: payment %+v out of time (created %s)", o.Number, p, o.CreatedAt)
			}
		}
	}
	for _, ps := range PaymentStatuses {
		if paymentStatuses[ps] == 0 {
			t.Errorf("payment statuses %v: none %s", paymentStatuses, ps)
		}
	}
	if paymentStatuses[PaymentStatusPaid] < n/2 {
		t.Errorf("payment statuses %v: want mostly paid", paymentStatuses)
	}
	checkPaymentStatusCache(t, db)
	var ok bool
	if err := db.Reader().QueryRow(`SELECT (SELECT COALESCE(SUM(amount), 0) FROM payments) =
		(SELECT COALESCE(SUM(paid - refunded - pending_refund), 0) FROM order_payment_totals)`).Scan(&ok); err != nil || !ok {
		t.Errorf("payment totals disagree with the ledger (%v)", err)
	}
	if walkIn < n/5 || walkIn > n*2/5 {
		t.Errorf("%d of %d orders are walk-in sales, want about 30 %%", walkIn, n)
	}
	if statuses[StatusDelivered] < n/2 {
		t.Errorf("statuses %v: want mostly delivered", statuses)
	}
	for _, st := range []Status{StatusDraft, StatusCancelled, StatusShipped} {
		if statuses[st] == 0 {
			t.Errorf("statuses %v: none %s", statuses, st)
		}
	}
	if err := st.VerifyLevels(ctx); err != nil {
		t.Fatal(err)
	}

	// A real order continues the series.
	o, err := s.CreateOrder(ctx, testActor, OrderInput{Channel: ChannelCounter, Currency: "EUR"})
	if err != nil {
		t.Fatal(err)
	}
	if want := fmt.Sprintf("LOCAL-%06d", n+1); o.Number != want {
		t.Errorf("next real order is %s, want %s", o.Number, want)
	}
	// More generated orders continue after it.
	if err := GenerateOrders(ctx, db, 10, 2); err != nil {
		t.Fatal(err)
	}
	var maxNumber string
	db.Reader().QueryRow(`SELECT max(number) FROM orders`).Scan(&maxNumber)
	if want := fmt.Sprintf("LOCAL-%06d", n+11); maxNumber != want {
		t.Errorf("last number %s, want %s", maxNumber, want)
	}
}

func TestGenerateOrders_NeedsProductsAndCustomers(t *testing.T) {
	ctx := context.Background()
	db, err := store.Open(ctx, filepath.Join(t.TempDir(), "oms.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if err := GenerateOrders(ctx, db, 10, 1); err == nil || !strings.Contains(err.Error(), "generate products first") {
		t.Fatalf("without products: %v", err)
	}
	if err := catalog.GenerateProducts(ctx, db, 20, 1); err != nil {
		t.Fatal(err)
	}
	if err := GenerateOrders(ctx, db, 10, 1); err == nil || !strings.Contains(err.Error(), "generate customers first") {
		t.Fatalf("without customers: %v", err)
	}
}

// listIDs returns the ids of FindOrders' page for f and its total.
func listIDs(t *testing.T, s *Service, f OrderFilter) ([]string, int) {
	t.Helper()
	got, total, err := s.FindOrders(context.Background(), f)
	if err != nil {
		t.Fatalf("%+v: %v", f, err)
	}
	ids := []string{}
	for _, o := range got {
		ids = append(ids, o.ID)
	}
	return ids, total
}

// refIDs is the plain query FindOrders must agree with.
func refIDs(t *testing.T, db *store.DB, cond string, args []any, limit, offset int) ([]string, int) {
	t.Helper()
	var total int
	if err := db.Reader().QueryRow(`SELECT count(*) FROM orders o WHERE `+cond, args...).Scan(&total); err != nil {
		t.Fatal(err)
	}
	ids, err := queryIDs(context.Background(), db.Reader(), `SELECT o.id FROM orders o WHERE `+cond+
		` ORDER BY o.created_at DESC, o.id DESC LIMIT ? OFFSET ?`, append(append([]any{}, args...), limit, offset)...)
	if err != nil {
		t.Fatal(err)
	}
	return ids, total
}

// TestOrderService_FindOrders_Pages checks pages at every kind of offset,
// filtered and not, against a plain LIMIT/OFFSET query over generated
// orders, seeking by day from offset 37; then that a new order counts.
func TestOrderService_FindOrders_Pages(t *testing.T) {
	defer func(n int) { deepOffset = n }(deepOffset)
	deepOffset = 37
	ctx := context.Background()
	db := genDB(t, 1500, 3)
	s := NewService(db, catalog.NewService(db), customer.NewService(db), stock.NewService(db))
	var custID string
	db.Reader().QueryRow(`SELECT customer_id FROM orders WHERE customer_id IS NOT NULL GROUP BY customer_id ORDER BY count(*) DESC LIMIT 1`).Scan(&custID)
	from, to := GenEnd.AddDate(0, -10, 0).Add(7*time.Hour+13*time.Minute), GenEnd.AddDate(0, -4, 0).Add(-5*time.Hour)
	day1, day2 := GenEnd.AddDate(0, -2, -3).Add(3*time.Hour), GenEnd.AddDate(0, -2, -3).Add(20*time.Hour)
	cases := []struct {
		name string
		f    OrderFilter
		cond string
		args []any
	}{
		{"All", OrderFilter{}, "1", nil},
		{"Status", OrderFilter{Status: StatusDelivered}, "status = ?", []any{"delivered"}},
		{"Channel", OrderFilter{Channel: ChannelWeb}, "channel = ?", []any{"web"}},
		{"Customer", OrderFilter{CustomerID: custID}, "customer_id = ?", []any{custID}},
		{"DateRange", OrderFilter{From: from, To: to}, "created_at >= ? AND created_at < ?", []any{store.FormatTime(from), store.FormatTime(to)}},
		{"MidnightRange", OrderFilter{From: GenEnd.AddDate(0, -3, 0), To: GenEnd.AddDate(0, -1, 0)}, "created_at >= ? AND created_at < ?",
			[]any{store.FormatTime(GenEnd.AddDate(0, -3, 0)), store.FormatTime(GenEnd.AddDate(0, -1, 0))}},
		{"WithinADay", OrderFilter{From: day1, To: day2}, "created_at >= ? AND created_at < ?", []any{store.FormatTime(day1), store.FormatTime(day2)}},
		{"Reversed", OrderFilter{From: to, To: from}, "created_at >= ? AND created_at < ?", []any{store.FormatTime(to), store.FormatTime(from)}},
		{"To", OrderFilter{To: to, Status: StatusDelivered}, "created_at < ? AND status = 'delivered'", []any{store.FormatTime(to)}},
		{"StatusChannelDate", OrderFilter{Status: StatusDelivered, Channel: ChannelCounter, From: from},
			"status = ? AND channel = ? AND created_at >= ?", []any{"delivered", "counter", store.FormatTime(from)}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, total := refIDs(t, db, tc.cond, tc.args, 1, 0)
			// Deep first, then back, so keys are both found and reused.
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
			// Keyset paging from a page's last order continues the list.
			f := tc.f
			f.Limit, f.Offset = 20, min(40, total/3)
			page, _, err := s.FindOrders(ctx, f)
			if err != nil || len(page) == 0 {
				t.Fatalf("page: %v", err)
			}
			f.After, f.Offset = page[len(page)-1].Cursor(), 0
			got, _ := listIDs(t, s, f)
			want, _ := refIDs(t, db, tc.cond, tc.args, 20, min(40, total/3)+len(page))
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("after: got %v, want %v", got, want)
			}
		})
	}
	t.Run("NewOrderCounts", func(t *testing.T) {
		before, total := listIDs(t, s, OrderFilter{Limit: 5, Offset: 100})
		o, err := s.CreateOrder(ctx, testActor, OrderInput{Channel: ChannelCounter, Currency: "EUR"})
		if err != nil {
			t.Fatal(err)
		}
		_ = o
		after, total2 := listIDs(t, s, OrderFilter{Limit: 5, Offset: 101})
		if total2 != total+1 || !reflect.DeepEqual(before, after) {
			t.Fatalf("after a new order: %v (total %d), want %v (total %d)", after, total2, before, total+1)
		}
	})
}

// TestOrderService_FindOrders_Query checks the search by number and by
// customer, and the customer's name on the rows.
func TestOrderService_FindOrders_Query(t *testing.T) {
	ctx := context.Background()
	db := genDB(t, 1200, 4)
	customers := customer.NewService(db)
	s := NewService(db, catalog.NewService(db), customers, stock.NewService(db))
	numbers := func(f OrderFilter) []string {
		t.Helper()
		got, _, err := s.FindOrders(ctx, f)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, o := range got {
			out = append(out, o.Number)
		}
		return out
	}
	for _, tc := range []struct {
		query string
		want  []string
		total int
	}{
		{"LOCAL-000123", []string{"LOCAL-000123"}, 1},
		{"local-000123", []string{"LOCAL-000123"}, 1},
		{"000123", []string{"LOCAL-000123"}, 1},
		{"123", []string{"LOCAL-000123"}, 1}, // serial 123; no serial starts with 123 below 1200
		{"LOCAL-00119", []string{"LOCAL-001199", "LOCAL-001198", "LOCAL-001197", "LOCAL-001196", "LOCAL-001195",
			"LOCAL-001194", "LOCAL-001193", "LOCAL-001192", "LOCAL-001191", "LOCAL-001190"}, 10},
		{"00119", nil, 10},
		{"11", []string{"LOCAL-000011"}, 1}, // and serials from 110000
		{"%", nil, 0},
		{"LOCAL-9", nil, 0},
	} {
		got, total, err := s.FindOrders(ctx, OrderFilter{Query: tc.query, Limit: 10})
		if err != nil {
			t.Fatal(err)
		}
		if total != tc.total {
			t.Errorf("%q: total %d, want %d", tc.query, total, tc.total)
		}
		if tc.want != nil {
			var nums []string
			for _, o := range got {
				nums = append(nums, o.Number)
			}
			if !reflect.DeepEqual(nums, tc.want) {
				t.Errorf("%q: %v, want %v", tc.query, nums, tc.want)
			}
		}
	}

	// By customer: the orders of every customer FindCustomers finds for
	// the words, newest first, the same whether the matching customers are
	// few (gathered and sorted) or many (the list walked).
	for _, q := range []string{"müller", "MULLER anna", "Παπαδόπουλος", "παπαδοπουλος", "nguyen", "bäckerei", "o"} {
		found, n, err := customers.FindCustomers(ctx, customer.CustomerFilter{Query: q, Limit: 500})
		if err != nil || n > 500 {
			t.Fatalf("%q: %d customers, %v", q, n, err)
		}
		var args []any
		for _, c := range found {
			args = append(args, c.ID)
		}
		cond := "0"
		if len(args) > 0 {
			cond = "customer_id IN (" + strings.TrimSuffix(strings.Repeat("?,", len(args)), ",") + ")"
		}
		want, wantTotal := refIDs(t, db, cond+" AND status = 'delivered'", args, 25, 5)
		for _, broad := range []int{300, 0} {
			broadCustomerMatch = broad
			got, total := listIDs(t, s, OrderFilter{Query: q, Status: StatusDelivered, Limit: 25, Offset: 5})
			if total != wantTotal || !reflect.DeepEqual(got, want) {
				t.Errorf("%q (broad above %d): got %d of %d, want %d of %d", q, broad, len(got), total, len(want), wantTotal)
			}
		}
		broadCustomerMatch = 300
		if wantTotal == 0 && q != "o" {
			t.Errorf("%q finds no delivered orders; pick a name the generator uses", q)
		}
	}

	// Rows carry the customer's name as the customers table holds it, also
	// after a GDPR erasure.
	var custID string
	db.Reader().QueryRow(`SELECT customer_id FROM orders WHERE customer_id IS NOT NULL ORDER BY number LIMIT 1`).Scan(&custID)
	c, err := customers.FindCustomerByID(ctx, custID)
	if err != nil {
		t.Fatal(err)
	}
	check := func(want string) {
		t.Helper()
		got, _, err := s.FindOrders(ctx, OrderFilter{CustomerID: custID, Limit: 500})
		if err != nil || len(got) == 0 {
			t.Fatalf("%d orders, %v", len(got), err)
		}
		for _, o := range got {
			if o.CustomerName != want {
				t.Fatalf("%s: customer name %q, want %q", o.Number, o.CustomerName, want)
			}
		}
	}
	check(c.Name)
	if _, err := customers.Erase(ctx, testActor, custID, "asked by the customer"); err != nil {
		t.Fatal(err)
	}
	erased, err := customers.FindCustomerByID(ctx, custID)
	if err != nil {
		t.Fatal(err)
	}
	check(erased.Name)
	if erased.Name == c.Name {
		t.Fatal("erasure kept the name")
	}
	if got := numbers(OrderFilter{Query: strings.Fields(c.Name)[0] + " " + strings.Fields(c.Name)[1], CustomerID: custID}); len(got) != 0 {
		t.Errorf("erased customer still found by name: %v", got)
	}
}
