package demo

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"oms/internal/auth"
	"oms/internal/catalog"
	"oms/internal/company"
	"oms/internal/customer"
	"oms/internal/order"
	"oms/internal/shipping"
	"oms/internal/stock"
	"oms/internal/store"
)

func services(t *testing.T) Services {
	t.Helper()
	db, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "oms.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	users := auth.NewService(db)
	cat, st, cust := catalog.NewService(db), stock.NewService(db), customer.NewService(db)
	svc := Services{DB: db, Users: users, Company: company.NewService(db, users), Catalog: cat, Stock: st, Customers: cust,
		Orders: order.NewService(db, cat, cust, st)}
	svc.Shipping = shipping.NewService(db, svc.Orders, svc.Company)
	return svc
}

func TestSeed(t *testing.T) {
	d := seedDemo(t, 1)
	svc, ctx, sum := d.svc, context.Background(), d.sum
	t.Logf("%+v", sum)
	if sum.Products < 200 || sum.Customers < 40 || sum.Orders < OrderCount-10 {
		t.Fatalf("summary %+v", sum)
	}
	for _, st := range []order.Status{order.StatusDraft, order.StatusConfirmed, order.StatusPicking, order.StatusPacked,
		order.StatusShipped, order.StatusDelivered, order.StatusCancelled} {
		if sum.ByStatus[st] == 0 {
			t.Errorf("no order is %s: %+v", st, sum.ByStatus)
		}
	}
	if err := svc.Stock.VerifyLevels(ctx); err != nil {
		t.Fatal(err)
	}
	// The demo's people can sign in.
	if _, err := svc.Users.LoginPassword(ctx, "admin", "demo-admin-1"); err != nil {
		t.Fatal(err)
	}
	// Nothing is dated after now.
	for _, q := range []string{
		`SELECT count(*) FROM order_events WHERE at > ?`,
		`SELECT count(*) FROM payments WHERE at > ?`,
		`SELECT count(*) FROM payment_settlements WHERE at > ?`,
		`SELECT count(*) FROM returns WHERE created_at > ?`,
		`SELECT count(*) FROM cash_sessions WHERE opened_at > ? OR closed_at > ?`,
	} {
		var late int
		if err := svc.DB.Reader().QueryRow(q, store.FormatTime(d.now), store.FormatTime(d.now)).Scan(&late); err != nil || late != 0 {
			t.Fatalf("%s: %d after now, %v", q, late, err)
		}
	}
	t.Run("Payments", func(t *testing.T) { checkPayments(t, d) })
	t.Run("Returns", func(t *testing.T) { checkReturns(t, d) })
	t.Run("Drawer", func(t *testing.T) { checkDrawer(t, d) })
	t.Run("Carriers", func(t *testing.T) { checkCarriers(t, d) })
	t.Run("Deterministic", func(t *testing.T) {
		a, b := fingerprint(t, svc), fingerprint(t, seedDemo(t, 1).svc)
		if len(a) != len(b) {
			t.Fatalf("%d records, then %d", len(a), len(b))
		}
		for i := range a {
			if a[i] != b[i] {
				t.Fatalf("record %d differs:\n%s\n%s", i, a[i], b[i])
			}
		}
	})
	// A second seed on the same database is refused: it is for fresh ones.
	if _, err := Seed(ctx, svc, d.now, 1); err == nil {
		t.Fatal("a second seed was accepted")
	}
}

// seeded is a demo database seeded once for the tests that only read it.
type seeded struct {
	svc    Services
	now    time.Time
	sum    *Summary
	orders []*order.Order
	pays   map[string][]*order.Payment // by order id
}

func seedDemo(t *testing.T, seed uint64) *seeded {
	t.Helper()
	svc, now := services(t), time.Date(2026, 11, 20, 17, 0, 0, 0, time.UTC)
	sum, err := Seed(context.Background(), svc, now, seed)
	if err != nil {
		t.Fatal(err)
	}
	return load(t, svc, now, sum)
}

// load reads the orders and payments of a seeded database.
func load(t *testing.T, svc Services, now time.Time, sum *Summary) *seeded {
	t.Helper()
	d := &seeded{svc: svc, now: now, sum: sum, pays: map[string][]*order.Payment{}}
	ctx := context.Background()
	rows, err := d.svc.DB.Reader().Query(`SELECT id FROM orders ORDER BY number`)
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, id)
	}
	rows.Close()
	for _, id := range ids {
		o, err := d.svc.Orders.FindOrderByID(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		d.orders = append(d.orders, o)
		if d.pays[id], err = d.svc.Orders.FindPayments(ctx, id); err != nil {
			t.Fatal(err)
		}
	}
	return d
}

// checkPayments checks that every payment status appears, that cash
// gives change and other methods carry a reference, and that no order
// holds more than it is worth but the cancelled one left for the office
// to pay back.
func checkPayments(t *testing.T, d *seeded) {
	ctx := context.Background()
	if d.sum.Payments == 0 || d.sum.Refunds == 0 || d.sum.DrawerSessions == 0 {
		t.Fatalf("summary %+v", d.sum)
	}
	statuses := map[order.PaymentStatus]int{}
	var pending []*order.Payment
	var records int
	for _, o := range d.orders {
		ps, err := d.svc.Orders.FindPaymentSummary(ctx, o.ID)
		if err != nil {
			t.Fatal(err)
		}
		statuses[ps.Status]++
		var mine int
		for _, p := range d.pays[o.ID] {
			records++
			if p.Amount < 0 && !p.Completed() {
				pending, mine = append(pending, p), mine+1
			}
			if p.Amount > 0 && p.MethodKind == order.MethodCash && (p.Tendered < p.Amount || p.Change != p.Tendered-p.Amount) {
				t.Errorf("order %s: cash %d tendered %d change %d", o.Number, p.Amount, p.Tendered, p.Change)
			}
			if p.Amount > 0 && p.MethodKind != order.MethodCash && p.Reference == "" {
				t.Errorf("order %s: %s payment without a reference", o.Number, p.MethodKind)
			}
		}
		if mine > 0 && (o.Status != order.StatusCancelled || ps.Status != order.PaymentStatusOverpaid) {
			t.Errorf("order %s (%s, %s): a refund is pending", o.Number, o.Status, ps.Status)
		}
		// Only the cancellation whose refund is still to be paid out holds
		// more than it is worth.
		if ps.NetPaid > ps.Due && !(mine > 0 && o.Status == order.StatusCancelled && ps.PendingRefund == ps.NetPaid) {
			t.Errorf("order %s (%s): net paid %d > due %d", o.Number, o.Status, ps.NetPaid, ps.Due)
		}
	}
	if records != d.sum.Payments+d.sum.Refunds {
		t.Errorf("%d payment records, summary %+v", records, d.sum)
	}
	for _, st := range []order.PaymentStatus{order.PaymentStatusUnpaid, order.PaymentStatusPartlyPaid, order.PaymentStatusPaid,
		order.PaymentStatusRefunded, order.PaymentStatusOverpaid} {
		if statuses[st] == 0 || statuses[st] != d.sum.ByPayment[st] {
			t.Errorf("%d orders %s, summary %d: %v", statuses[st], st, d.sum.ByPayment[st], statuses)
		}
	}
	if len(pending) != 1 {
		t.Fatalf("%d pending refunds, want the one left for the office: %+v", len(pending), pending)
	}
	// Every method the counter and the office take appears.
	kinds := map[order.MethodKind]bool{}
	for _, ps := range d.pays {
		for _, p := range ps {
			if p.Amount > 0 {
				kinds[p.MethodKind] = true
			}
		}
	}
	for _, k := range []order.MethodKind{order.MethodCash, order.MethodCard, order.MethodTransfer, order.MethodPayPal, order.MethodAccount} {
		if !kinds[k] {
			t.Errorf("no payment by %s", k)
		}
	}
}

// checkReturns checks that there are a few returns, among them a restock
// with its stock movement, a write-off and one to store credit.
func checkReturns(t *testing.T, d *seeded) {
	ctx := context.Background()
	rs, n, err := d.svc.Orders.FindReturns(ctx, order.ReturnFilter{})
	if err != nil || n < 2 || n > 4 || n != d.sum.Returns {
		t.Fatalf("%d returns, summary %d, %v", n, d.sum.Returns, err)
	}
	var restocked, writtenOff, credited int
	for _, r := range rs {
		if len(r.Lines) == 0 || r.Reason == "" {
			t.Errorf("return %s: %+v", r.Number, r)
		}
		for _, l := range r.Lines {
			switch l.Disposition {
			case order.DispositionWriteOff:
				writtenOff++
			case order.DispositionRestock:
				ms, _, err := d.svc.Stock.FindMovements(ctx, stock.MovementFilter{RefType: stock.RefReturn, RefID: r.ID})
				if err != nil || len(ms) != 1 || ms[0].ID != l.MovementID || ms[0].Kind != stock.KindReturn ||
					ms[0].Quantity != l.Quantity || ms[0].BinID != l.BinID || l.BinID == "" {
					t.Errorf("return %s line %d: movements %+v, %v", r.Number, l.LineNo, ms, err)
					continue
				}
				restocked++
			}
		}
		if r.RefundMethod == order.RefundStoreCredit {
			if r.CustomerID == "" {
				t.Errorf("return %s: store credit for a walk-in sale", r.Number)
			} else if c, err := d.svc.Orders.FindStoreCredit(ctx, r.CustomerID, r.Currency); err != nil || c < r.RefundTotal || c == 0 {
				t.Errorf("return %s: store credit %d of %d, %v", r.Number, c, r.RefundTotal, err)
			}
			credited++
		}
	}
	if restocked == 0 || writtenOff == 0 || credited == 0 {
		t.Fatalf("%d restocked, %d written off, %d to store credit", restocked, writtenOff, credited)
	}
}

// checkDrawer checks that the closed drawer sessions expect the float
// plus the cash taken less the cash paid out, are counted, and are now and
// then a little off with a note; only today's may be open.
func checkDrawer(t *testing.T, d *seeded) {
	ctx := context.Background()
	sessions, n, err := d.svc.Orders.FindDrawerSessions(ctx, 500, 0)
	if err != nil || n == 0 || n != d.sum.DrawerSessions {
		t.Fatalf("%d sessions, summary %d, %v", n, d.sum.DrawerSessions, err)
	}
	// What each session's cash should hold: its completed cash payments
	// and refunds and the cash refunds paid out of it.
	cash := map[string]int64{}
	for _, ps := range d.pays {
		for _, p := range ps {
			if p.MethodKind != order.MethodCash {
				continue
			}
			if p.Status == order.PaymentCompleted {
				if p.DrawerSessionID == "" {
					t.Errorf("cash payment %+v outside a drawer session", p)
				}
				cash[p.DrawerSessionID] += p.Amount
			} else if p.Settlement != nil {
				cash[p.Settlement.DrawerSessionID] += p.Amount
			}
		}
	}
	var closed, open, differences int
	for _, s := range sessions {
		if s.Status == order.DrawerOpen {
			open++
			if y, m, dd := s.OpenedAt.Date(); y != d.now.Year() || m != d.now.Month() || dd != d.now.Day() {
				t.Errorf("session %s opened %s is still open", s.ID, s.OpenedAt)
			}
			continue
		}
		closed++
		if s.OpeningFloat != DrawerFloat || !s.OpenedAt.Before(s.ClosedAt) || s.OpenedAt.Day() != s.ClosedAt.Day() {
			t.Errorf("session %+v", s)
		}
		r, err := d.svc.Orders.EndOfDayReport(ctx, s.ID)
		if err != nil {
			t.Fatal(err)
		}
		var line *order.DrawerMethodTotal
		for _, m := range r.Methods {
			if m.MethodKind == order.MethodCash {
				line = m
			}
			if (m.MethodKind == order.MethodCash || m.MethodKind == order.MethodCard) && !m.IsCounted {
				t.Errorf("session %s: %s not counted", s.ID, m.MethodName)
			}
		}
		if line == nil || line.Expected != s.OpeningFloat+cash[s.ID] || line.Expected != s.OpeningFloat+line.Payments-line.Refunds {
			t.Errorf("session %s: cash line %+v, want expected %d", s.ID, line, s.OpeningFloat+cash[s.ID])
			continue
		}
		if r.Difference != 0 {
			differences++
			if r.Difference < -500 || r.Difference > 500 || s.Note == "" {
				t.Errorf("session %s: difference %d with note %q", s.ID, r.Difference, s.Note)
			}
		}
	}
	if closed == 0 || open > 1 || differences == 0 || differences > closed/3 {
		t.Fatalf("%d closed sessions, %d open, %d with a difference", closed, open, differences)
	}
}

// fingerprint lists what a seeded database holds, without the ids, which
// are random.
func fingerprint(t *testing.T, svc Services) []string {
	t.Helper()
	var out []string
	for _, q := range []string{
		`SELECT number, channel, status, total, created_at FROM orders ORDER BY number`,
		`SELECT o.number, l.line_no, l.sku, l.quantity FROM order_lines l JOIN orders o ON o.id = l.order_id ORDER BY o.number, l.line_no`,
		`SELECT o.number, p.method_id, p.amount, p.tendered, p.change, p.reference, p.reason, p.status, p.at
			FROM payments p JOIN orders o ON o.id = p.order_id ORDER BY p.at, o.number, p.amount`,
		`SELECT s.reference, s.at FROM payment_settlements s ORDER BY s.at, s.reference`,
		`SELECT r.number, r.reason, r.refund_method, r.refund_total, l.sku, l.quantity, l.disposition
			FROM returns r JOIN return_lines l ON l.return_id = r.id ORDER BY r.number, l.line_no`,
		`SELECT opening_float, status, opened_at, closed_at, note FROM cash_sessions ORDER BY opened_at`,
		`SELECT c.name, c.tracking_url, c.tracking_pattern, v.code, z.name, z.countries, r.max_weight_g, r.price
			FROM shipping_rates r JOIN carrier_services v ON v.id = r.service_id JOIN carriers c ON c.id = v.carrier_id
			JOIN shipping_zones z ON z.id = r.zone_id ORDER BY c.name, v.code, z.name, r.max_weight_g`,
		`SELECT c.method_id, c.expected, c.counted FROM cash_session_counts c JOIN cash_sessions s ON s.id = c.session_id
			ORDER BY s.opened_at, c.method_id`,
	} {
		rows, err := svc.DB.Reader().Query(q)
		if err != nil {
			t.Fatal(err)
		}
		cols, _ := rows.Columns()
		for rows.Next() {
			vals := make([]any, len(cols))
			ptrs := make([]any, len(cols))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			if err := rows.Scan(ptrs...); err != nil {
				t.Fatal(err)
			}
			out = append(out, fmt.Sprint(vals...))
		}
		rows.Close()
	}
	return out
}

// checkCarriers: the parcel carrier quotes home, EU and world parcels by
// its tables, and the own van numbers its deliveries.
func checkCarriers(t *testing.T, d *seeded) {
	ctx := context.Background()
	cs, err := d.svc.Shipping.FindCarriers(ctx, true)
	if err != nil || len(cs) != 2 || d.sum.Carriers != 2 {
		t.Fatalf("carriers = %d, %v (summary %d)", len(cs), err, d.sum.Carriers)
	}
	dhl, own := cs[0], cs[1]
	if dhl.Name != "DHL Parcel" || len(dhl.Services) != 2 || len(dhl.Zones) != 3 || own.Name != "Own delivery" ||
		own.TrackingPattern != OwnDeliveryPattern || len(own.Zones) != 1 {
		t.Fatalf("carriers = %+v, %+v", dhl, own)
	}
	var std string
	for _, v := range dhl.Services {
		if v.Code == "STD" {
			std = v.ID
		}
	}
	for _, tt := range []struct {
		country string
		weightG int64
		want    int64
		zone    string
	}{{"DE", 1000, 499, "Domestic"}, {"DE", 1001, 599, "Domestic"}, {"FR", 31500, 4499, "EU"}, {"US", 2500, 4999, "Rest of world"}} {
		q, err := d.svc.Shipping.Quote(ctx, dhl.ID, shipping.QuoteRequest{ServiceID: std, Country: tt.country, WeightsG: []int64{tt.weightG}})
		if err != nil || q.Cost != tt.want || q.ZoneName != tt.zone || q.Currency != "EUR" {
			t.Errorf("quote %s %d g = %+v, %v", tt.country, tt.weightG, q, err)
		}
	}
	if _, err := d.svc.Shipping.Quote(ctx, own.ID, shipping.QuoteRequest{ServiceID: own.Services[0].ID, Country: "AT", WeightsG: []int64{1000}}); err == nil {
		t.Error("the own van quoted Austria")
	}
}
