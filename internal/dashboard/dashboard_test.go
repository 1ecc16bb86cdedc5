package dashboard

import (
	"context"
	"path/filepath"
	"testing"
	"time"
	_ "time/tzdata" // the zone database, whatever the machine has

	"oms/internal/auth"
	"oms/internal/catalog"
	"oms/internal/company"
	"oms/internal/customer"
	"oms/internal/order"
	"oms/internal/stock"
	"oms/internal/store"
)

var testActor = store.Actor{UserID: "u-1", UserName: "tester"}

// loc is the workstation's time zone in the tests: two hours ahead of UTC,
// so a local day starts on the previous UTC date.
var loc = time.FixedZone("UTC+2", 2*60*60)

type env struct {
	db     *store.DB
	cat    *catalog.Service
	stock  *stock.Service
	orders *order.Service
	s      *Service
	main   *stock.Warehouse
	bin    *stock.Bin
	bolt   *catalog.Product // 11.90 gross, 100 in stock, reorder point 95
	nut    *catalog.Product // 0.50, none in stock
	now    time.Time
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func newEnv(t *testing.T) *env {
	t.Helper()
	ctx := context.Background()
	db, err := store.Open(ctx, filepath.Join(t.TempDir(), "oms.db"))
	must(t, err)
	t.Cleanup(func() { db.Close() })
	e := &env{db: db, cat: catalog.NewService(db), stock: stock.NewService(db), now: time.Date(2026, 3, 1, 9, 0, 0, 0, loc)}
	db.Now = func() time.Time { return e.now }
	users := auth.NewService(db)
	_, err = company.NewService(db, users).Setup(ctx, company.Input{Name: "Shop", Country: "DE", Currency: "EUR"},
		auth.UserInput{Name: "admin", Password: "long-enough-password"})
	must(t, err)
	e.orders = order.NewService(db, e.cat, customer.NewService(db), e.stock)
	e.s = NewService(db, e.stock)
	_, err = e.cat.SetPricesIncludeTax(ctx, testActor, true)
	must(t, err)
	tc, err := e.cat.CreateTaxClass(ctx, testActor, catalog.TaxClassInput{Name: "Standard", RateBps: 1900})
	must(t, err)
	e.main, err = e.stock.CreateWarehouse(ctx, testActor, stock.WarehouseInput{Code: "MAIN", Name: "Main"})
	must(t, err)
	e.bin, err = e.stock.CreateBin(ctx, testActor, e.main.ID, "A-01")
	must(t, err)
	e.bolt, err = e.cat.CreateProduct(ctx, testActor, catalog.ProductInput{SKU: "BOLT", Name: "Bolt", Price: 1190, TaxClassID: tc.ID,
		ReorderPoint: 95})
	must(t, err)
	e.nut, err = e.cat.CreateProduct(ctx, testActor, catalog.ProductInput{SKU: "NUT", Name: "Nut", Price: 50})
	must(t, err)
	_, err = e.stock.PostMovement(ctx, testActor, stock.MovementInput{Kind: stock.KindReceipt, ProductID: e.bolt.ID,
		WarehouseID: e.main.ID, BinID: e.bin.ID, Quantity: 100})
	must(t, err)
	return e
}

// sale creates an order at local time at with the lines, and confirms it
// unless draft.
func (e *env) sale(t *testing.T, at time.Time, draft bool, lines ...order.LineInput) *order.Order {
	t.Helper()
	ctx := context.Background()
	e.now = at
	o, err := e.orders.CreateOrder(ctx, testActor, order.OrderInput{Channel: order.ChannelCounter, WarehouseID: e.main.ID, Currency: "EUR"})
	must(t, err)
	for _, l := range lines {
		o, err = e.orders.AddLine(ctx, testActor, o.ID, o.Version, l)
		must(t, err)
	}
	if !draft {
		o, err = e.orders.Confirm(ctx, testActor, o.ID, o.Version)
		must(t, err)
	}
	return o
}

func TestService_Summary(t *testing.T) {
	ctx := context.Background()
	e := newEnv(t)
	bolts := func(n int64) order.LineInput { return order.LineInput{ProductID: e.bolt.ID, Quantity: n} }
	nuts := func(n int64) order.LineInput { return order.LineInput{ProductID: e.nut.ID, Quantity: n} }
	local := func(month time.Month, day, hour, min int) time.Time {
		return time.Date(2026, month, day, hour, min, 0, 0, loc)
	}

	// Today is 15 March; its first order is at 00:30 local, 14 March in UTC.
	early := e.sale(t, local(3, 15, 0, 30), false, bolts(2))         // 23.80 today
	e.sale(t, local(3, 14, 23, 59), false, bolts(1))                 // 11.90 yesterday
	e.sale(t, local(3, 1, 0, 0), false, bolts(1))                    // 11.90 first moment of the month
	e.sale(t, local(2, 28, 23, 59), false, bolts(3))                 // 35.70 last month, in the 30 days
	e.sale(t, local(2, 13, 23, 59), false, bolts(1))                 // before the 30 days
	short := e.sale(t, local(3, 15, 9, 0), false, nuts(4), bolts(1)) // 2.00 + 11.90 today, 4 nuts backordered
	e.sale(t, local(3, 15, 10, 0), true, bolts(5))                   // a draft: no sale
	cancelled := e.sale(t, local(3, 15, 10, 30), false, bolts(7))    // cancelled: no sale
	e.now = local(3, 15, 10, 31)
	_, err := e.orders.Cancel(ctx, testActor, cancelled.ID, "Customer changed their mind")
	must(t, err)

	// The early order is paid by card and 5.00 of it is to be refunded.
	e.now = local(3, 15, 11, 0)
	_, err = e.orders.AddPayment(ctx, testActor, early.ID, order.PaymentInput{MethodID: "card", Amount: 2380, Reference: "SLIP-1"})
	must(t, err)
	_, err = e.orders.Refund(ctx, testActor, early.ID, order.RefundInput{MethodID: "card", Amount: 500, Reason: "Scratched", Pending: true})
	must(t, err)

	// A stock level below zero, and a shipment the carrier reported a
	// problem with (a fixture row: creating one through shipping needs a
	// carrier, rates and a packed order, none of which this package reads).
	_, err = e.stock.PostMovement(ctx, testActor, stock.MovementInput{Kind: stock.KindAdjustment, ProductID: e.nut.ID,
		WarehouseID: e.main.ID, BinID: e.bin.ID, Quantity: -3, Reason: "Miscounted"})
	must(t, err)
	err = e.db.Update(ctx, testActor, func(tx *store.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO shipments (id, number, order_id, carrier_id, service_id, carrier_name,
		service_code, service_name, tracking_number, status, cost, currency, weight_g, created_by, created_at, updated_at)
		VALUES ('sh-1', 'SH-1', ?, 'c', 's', 'DHL', 'STD', 'Standard', 'TRK1', 'exception', 0, 'EUR', 100, 'u-1', ?, ?)`,
			early.ID, store.FormatTime(e.now), store.FormatTime(e.now))
		return err
	})
	must(t, err)

	now := local(3, 15, 12, 0)
	got, err := e.s.Summary(ctx, now, "")
	must(t, err)

	t.Run("Currency", func(t *testing.T) {
		if got.Currency != "EUR" || got.TimeZone != "UTC+2" {
			t.Fatalf("currency, zone = %q, %q", got.Currency, got.TimeZone)
		}
	})
	sales := []struct {
		name                string
		got                 Sales
		orders              int
		gross, refunds, net int64
		from                time.Time
	}{
		{"Today", got.Today, 2, 2380 + 1390, 500, 2380 + 1390 - 500, local(3, 15, 0, 0)},
		{"Month", got.Month, 4, 2380 + 1390 + 1190 + 1190, 500, 2380 + 1390 + 1190 + 1190 - 500, local(3, 1, 0, 0)},
	}
	for _, tt := range sales {
		t.Run(tt.name, func(t *testing.T) {
			s := tt.got
			if s.Orders != tt.orders || s.Gross != tt.gross || s.Refunds != tt.refunds || s.Net != tt.net {
				t.Fatalf("sales = %+v, want %d orders, gross %d, refunds %d, net %d", s, tt.orders, tt.gross, tt.refunds, tt.net)
			}
			if !s.From.Equal(tt.from) || !s.To.Equal(local(3, 16, 0, 0)) {
				t.Fatalf("period = %v..%v", s.From, s.To)
			}
		})
	}

	t.Run("Daily", func(t *testing.T) {
		if len(got.Daily) != Days || got.Daily[0].Date != "2026-02-14" || got.Daily[Days-1].Date != "2026-03-15" {
			t.Fatalf("daily = %d days, %v..%v", len(got.Daily), got.Daily[0], got.Daily[len(got.Daily)-1])
		}
		want := map[string]Day{
			"2026-03-15": {"2026-03-15", 2, 2380 + 1390},
			"2026-03-14": {"2026-03-14", 1, 1190},
			"2026-03-01": {"2026-03-01", 1, 1190},
			"2026-02-28": {"2026-02-28", 1, 3570},
		}
		for _, d := range got.Daily {
			w, ok := want[d.Date]
			if !ok {
				w = Day{Date: d.Date}
			}
			if d != w {
				t.Errorf("day %s = %+v, want %+v", d.Date, d, w)
			}
		}
	})

	t.Run("ByStatus", func(t *testing.T) {
		want := map[string]int{"draft": 1, "confirmed": 6, "cancelled": 1}
		if len(got.ByStatus) != len(Statuses) {
			t.Fatalf("by status = %+v", got.ByStatus)
		}
		for i, c := range got.ByStatus {
			if c.Status != Statuses[i] || c.Orders != want[c.Status] {
				t.Errorf("status %d = %+v, want %s: %d", i, c, Statuses[i], want[Statuses[i]])
			}
		}
	})

	t.Run("Top", func(t *testing.T) {
		// This month: 5 bolts (23.80 + 11.90 + 11.90 + 11.90) and 4 nuts (2.00).
		bolt := ProductSales{ProductID: e.bolt.ID, SKU: "BOLT", Name: "Bolt", Quantity: 5, Revenue: 5950}
		nut := ProductSales{ProductID: e.nut.ID, SKU: "NUT", Name: "Nut", Quantity: 4, Revenue: 200}
		if len(got.TopByQuantity) != 2 || got.TopByQuantity[0] != bolt || got.TopByQuantity[1] != nut {
			t.Fatalf("top by quantity = %+v", got.TopByQuantity)
		}
		if len(got.TopByRevenue) != 2 || got.TopByRevenue[0] != bolt || got.TopByRevenue[1] != nut {
			t.Fatalf("top by revenue = %+v", got.TopByRevenue)
		}
	})

	t.Run("LowStock", func(t *testing.T) {
		// 100 bolts in, 2+1+1+3+1+1 reserved by the confirmed orders: 91 available, below 95.
		if got.LowStock != 1 {
			t.Fatalf("low stock = %d, want 1", got.LowStock)
		}
		main, err := e.s.Summary(ctx, now, e.main.ID)
		must(t, err)
		if main.LowStock != 1 {
			t.Fatalf("low stock in MAIN = %d, want 1", main.LowStock)
		}
	})

	t.Run("Exceptions", func(t *testing.T) {
		x := got.Exceptions
		if x.PendingRefundCount != 1 || x.PendingRefundAmount != 500 || len(x.PendingRefunds) != 1 ||
			x.PendingRefunds[0] != (PendingRefund{early.ID, early.Number, 500}) {
			t.Errorf("pending refunds = %d, %d, %+v", x.PendingRefundCount, x.PendingRefundAmount, x.PendingRefunds)
		}
		if x.BackorderCount != 1 || len(x.Backorders) != 1 ||
			x.Backorders[0] != (Backorder{short.ID, short.Number, e.nut.ID, "NUT", "Nut", 4}) {
			t.Errorf("backorders = %d, %+v", x.BackorderCount, x.Backorders)
		}
		if x.ShipmentExceptionCount != 1 || len(x.ShipmentExceptions) != 1 || x.ShipmentExceptions[0].OrderID != early.ID ||
			x.ShipmentExceptions[0].Number != "SH-1" {
			t.Errorf("shipment exceptions = %d, %+v", x.ShipmentExceptionCount, x.ShipmentExceptions)
		}
		if x.NegativeStockCount != 1 || len(x.NegativeStock) != 1 ||
			x.NegativeStock[0] != (NegativeStock{e.nut.ID, "NUT", "Nut", e.main.ID, "MAIN", -3}) {
			t.Errorf("negative stock = %d, %+v", x.NegativeStockCount, x.NegativeStock)
		}
	})

	t.Run("OtherWarehouse", func(t *testing.T) {
		// Nothing moved through it: nothing is low there either.
		other, err := e.stock.CreateWarehouse(ctx, testActor, stock.WarehouseInput{Code: "WEST", Name: "West"})
		must(t, err)
		s, err := e.s.Summary(ctx, now, other.ID)
		must(t, err)
		if s.Today.Orders != 0 || s.Month.Gross != 0 || s.LowStock != 0 || s.Exceptions.BackorderCount != 0 ||
			s.Exceptions.NegativeStockCount != 0 || len(s.TopByRevenue) != 0 || s.ByStatus[1].Orders != 0 {
			t.Fatalf("other warehouse = %+v", s)
		}
	})
}

// TestService_Summary_DayBoundaries checks which local day an order falls
// in around midnight and at the turn of the month.
func TestService_Summary_DayBoundaries(t *testing.T) {
	ctx := context.Background()
	e := newEnv(t)
	local := func(month time.Month, day, hour, min, sec int) time.Time {
		return time.Date(2026, month, day, hour, min, sec, 0, loc)
	}
	e.sale(t, local(3, 31, 23, 59, 59), false, order.LineInput{ProductID: e.bolt.ID, Quantity: 1})
	e.sale(t, local(4, 1, 0, 0, 0), false, order.LineInput{ProductID: e.bolt.ID, Quantity: 2})
	tests := []struct {
		name                     string
		now                      time.Time
		todayOrders, monthOrders int
		todayGross, monthGross   int64
		daily                    int64 // the sum of the 30 days
	}{
		{"LastSecondOfMarch", local(3, 31, 23, 59, 59), 1, 1, 1190, 1190, 1190},
		{"FirstMomentOfApril", local(4, 1, 0, 0, 0), 1, 1, 2380, 2380, 3570},
		{"NextDay", local(4, 2, 8, 0, 0), 0, 1, 0, 2380, 3570},
		{"InUTC", time.Date(2026, 3, 31, 22, 30, 0, 0, time.UTC), 2, 2, 3570, 3570, 3570}, // both are 31 March in UTC
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := e.s.Summary(ctx, tt.now, "")
			must(t, err)
			if s.Today.Orders != tt.todayOrders || s.Today.Gross != tt.todayGross || s.Month.Orders != tt.monthOrders ||
				s.Month.Gross != tt.monthGross {
				t.Fatalf("today %+v, month %+v", s.Today, s.Month)
			}
			var sum int64
			for _, d := range s.Daily {
				sum += d.Gross
			}
			if last := s.Daily[Days-1]; last.Date != tt.now.Format(time.DateOnly) || last.Gross != tt.todayGross || sum != tt.daily {
				t.Fatalf("daily ends %+v, sums %d", last, sum)
			}
		})
	}
}

func TestZoneName(t *testing.T) {
	berlin, err := time.LoadLocation("Europe/Berlin") // time/tzdata is linked in: never missing
	if err != nil {
		t.Fatal(err)
	}
	local := time.Date(2026, 1, 15, 12, 0, 0, 0, time.Local)
	abbr, _ := local.Zone()
	tests := []struct {
		name string
		now  time.Time
		want string
	}{
		{"Named", time.Date(2026, 1, 15, 12, 0, 0, 0, berlin), "Europe/Berlin"},
		{"Fixed", time.Date(2026, 1, 15, 12, 0, 0, 0, loc), "UTC+2"},
		{"Local", local, abbr + ", UTC" + local.Format("-07:00")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := zoneName(tt.now); got != tt.want {
				t.Fatalf("zoneName = %q, want %q", got, tt.want)
			}
		})
	}
}
