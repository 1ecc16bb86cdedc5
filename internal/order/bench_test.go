package order

import (
	"context"
	"flag"
	"fmt"
	"os"
	"slices"
	"testing"
	"time"

	"oms/internal/benchdb"
	"oms/internal/catalog"
	"oms/internal/customer"
	"oms/internal/stock"
	"oms/internal/store"
)

var (
	benchOrders    = flag.Int("orders", 1_000_000, "orders GenerateOrders creates for the benchmarks")
	benchProducts  = flag.Int("products", 20_000, "products generated for the order benchmarks")
	benchCustomers = flag.Int("customers", 50_000, "customers generated for the order benchmarks")
	benchKeep      = flag.String("benchdb", "", "database file for the benchmarks: generated when missing, kept and reused (default: a temporary one)")
)

// bench is the database the benchmarks of the run share.
var bench benchdb.Shared

// TestMain removes the benchmark database the benchmarks share.
func TestMain(m *testing.M) {
	flag.Parse()
	code := m.Run()
	bench.Close()
	os.Exit(code)
}

// benchService returns an order service over one generated database shared
// by all benchmarks of the run, generating it the first time.
func benchService(b *testing.B) *Service {
	b.Helper()
	db, err := bench.Open(*benchKeep, "oms-order-bench-", func(ctx context.Context, db *store.DB, path string) error {
		start := time.Now()
		if err := catalog.GenerateProducts(ctx, db, *benchProducts, 1); err != nil {
			return err
		}
		if err := customer.GenerateCustomers(ctx, db, *benchCustomers, 1); err != nil {
			return err
		}
		fmt.Fprintf(os.Stderr, "generated %d products and %d customers in %s\n", *benchProducts, *benchCustomers,
			time.Since(start).Round(time.Millisecond))
		start = time.Now()
		if err := GenerateOrders(ctx, db, *benchOrders, 1); err != nil {
			return err
		}
		took := time.Since(start)
		var size int64
		for _, suffix := range []string{"", "-wal"} {
			if fi, err := os.Stat(path + suffix); err == nil {
				size += fi.Size()
			}
		}
		fmt.Fprintf(os.Stderr, "generated %d orders in %s (%.0f orders/s); database %.2f GB\n", *benchOrders,
			took.Round(time.Millisecond), float64(*benchOrders)/took.Seconds(), float64(size)/1e9)
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	return NewService(db, catalog.NewService(db), customer.NewService(db), stock.NewService(db))
}

// reportLatency reports the p50, p99 and max of samples in milliseconds.
func reportLatency(b *testing.B, samples []time.Duration) {
	slices.Sort(samples)
	at := func(q float64) float64 {
		return float64(samples[min(len(samples)-1, int(q*float64(len(samples))))].Microseconds()) / 1000
	}
	b.ReportMetric(at(0.50), "p50-ms")
	b.ReportMetric(at(0.99), "p99-ms")
	b.ReportMetric(float64(samples[len(samples)-1].Microseconds())/1000, "max-ms")
	b.ReportMetric(0, "ns/op")
}

var benchActor = store.Actor{UserID: "bench", UserName: "bench"}

// BenchmarkConfirm5Lines measures Confirm of a draft with five lines in
// stock over the generated database; one op creates and confirms 50
// orders, and only Confirm is timed.
func BenchmarkConfirm5Lines(b *testing.B) {
	s := benchService(b)
	ctx := context.Background()
	whs, err := s.stock.FindWarehouses(ctx)
	if err != nil || len(whs) == 0 {
		b.Fatalf("warehouses: %v", err)
	}
	// Products spread over the catalog, each received in plenty once.
	var products []*catalog.Product
	for i := 0; len(products) < 100; i += 97 {
		p, err := catalog.FindProductBySKU(ctx, s.db.Reader(), catalog.GeneratedSKU(i%*benchProducts))
		if err != nil {
			b.Fatal(err)
		}
		if !p.Active {
			continue
		}
		products = append(products, p)
		if _, err := s.stock.PostMovement(ctx, benchActor, stock.MovementInput{Kind: stock.KindReceipt, ProductID: p.ID,
			WarehouseID: whs[0].ID, Quantity: 100_000, Reason: "bench"}); err != nil {
			b.Fatal(err)
		}
	}
	var samples []time.Duration
	k := 0
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for j := 0; j < 50; j++ {
			b.StopTimer()
			o, err := s.CreateOrder(ctx, benchActor, OrderInput{Channel: ChannelCounter, WarehouseID: whs[0].ID, Currency: "EUR"})
			if err != nil {
				b.Fatal(err)
			}
			for range 5 {
				if o, err = s.AddLine(ctx, benchActor, o.ID, o.Version, LineInput{ProductID: products[k%len(products)].ID, Quantity: 2}); err != nil {
					b.Fatal(err)
				}
				k++
			}
			b.StartTimer()
			start := time.Now()
			c, err := s.Confirm(ctx, benchActor, o.ID, o.Version)
			samples = append(samples, time.Since(start))
			if err != nil || c.Lines[4].Reserved != 2 {
				b.Fatalf("confirm: %v", err)
			}
		}
	}
	reportLatency(b, samples)
}

// BenchmarkOrdersListPage measures FindOrders pages of 50 over the
// generated orders: the first page and pages deep in the list, with each
// filter and without, the payment status alone and with the others. One op
// asks each page of a case five times.
func BenchmarkOrdersListPage(b *testing.B) {
	s := benchService(b)
	ctx := context.Background()
	var custID string
	if err := s.db.Reader().QueryRow(`SELECT customer_id FROM orders WHERE customer_id IS NOT NULL
		ORDER BY created_at DESC LIMIT 1`).Scan(&custID); err != nil {
		b.Fatal(err)
	}
	n := *benchOrders
	deep := []int{0, 1_000, 10_000, n / 10, n / 2, n * 9 / 10, n - 50}
	month := OrderFilter{From: GenEnd.AddDate(0, -7, 0), To: GenEnd.AddDate(0, -6, 0)}
	cases := []struct {
		name    string
		f       OrderFilter
		offsets []int
	}{
		{"All/First", OrderFilter{}, []int{0}},
		{"All/Deep", OrderFilter{}, deep},
		{"Status/Delivered", OrderFilter{Status: StatusDelivered}, []int{0, 1_000, n / 2, n * 8 / 10}},
		{"Status/Confirmed", OrderFilter{Status: StatusConfirmed}, []int{0, 100}},
		{"Channel/Web", OrderFilter{Channel: ChannelWeb}, []int{0, 1_000, n / 5}},
		{"DateRange/Month", month, []int{0, 1_000, 20_000}},
		{"Customer", OrderFilter{CustomerID: custID}, []int{0}},
		{"Status+Channel+Month", OrderFilter{Status: StatusDelivered, Channel: ChannelPhone, From: month.From, To: month.To}, []int{0, 1_000}},
		{"Query/FullNumber", OrderFilter{Query: fmt.Sprintf("LOCAL-%06d", n/3)}, []int{0}},
		{"Query/Serial", OrderFilter{Query: fmt.Sprintf("%06d", n/7)}, []int{0}},
		{"Query/NumberPrefix", OrderFilter{Query: fmt.Sprintf("%d", n/7)[:3]}, []int{0, 500}},
		{"Query/CustomerName", OrderFilter{Query: "müller"}, []int{0, 1_000}},
		{"Query/CustomerFullName", OrderFilter{Query: "anna schmidt"}, []int{0}},
		{"Query/Greek", OrderFilter{Query: "Παπαδόπουλος"}, []int{0}},
		{"Query/Company", OrderFilter{Query: "bäckerei"}, []int{0}},
		{"Query/OneLetter", OrderFilter{Query: "m"}, []int{0}},
		{"Query+Status", OrderFilter{Query: "nguyen", Status: StatusDelivered}, []int{0}},
		// By payment status: paid is most of the list, the others a few
		// percent (see GenerateOrders), overpaid the rarest.
		{"Payment/Paid/First", OrderFilter{PaymentStatus: PaymentStatusPaid}, []int{0}},
		{"Payment/Paid/Deep", OrderFilter{PaymentStatus: PaymentStatusPaid}, []int{0, 1_000, 10_000, n / 10, n / 2, n * 8 / 10}},
		{"Payment/Unpaid", OrderFilter{PaymentStatus: PaymentStatusUnpaid}, []int{0, 1_000, 20_000}},
		{"Payment/PartlyPaid", OrderFilter{PaymentStatus: PaymentStatusPartlyPaid}, []int{0, 1_000, 20_000}},
		{"Payment/Overpaid", OrderFilter{PaymentStatus: PaymentStatusOverpaid}, []int{0, 1_000}},
		{"Payment/Refunded", OrderFilter{PaymentStatus: PaymentStatusRefunded}, []int{0, 1_000, 20_000}},
		{"Payment/Unpaid+Delivered", OrderFilter{PaymentStatus: PaymentStatusUnpaid, Status: StatusDelivered}, []int{0, 1_000}},
		{"Payment/Unpaid+Draft", OrderFilter{PaymentStatus: PaymentStatusUnpaid, Status: StatusDraft}, []int{0, 1_000}},
		{"Payment/Paid+Confirmed", OrderFilter{PaymentStatus: PaymentStatusPaid, Status: StatusConfirmed}, []int{0, 100}},
		{"Payment/Paid+Channel", OrderFilter{PaymentStatus: PaymentStatusPaid, Channel: ChannelEmail}, []int{0, 1_000, n / 20}},
		{"Payment/Paid+Month", OrderFilter{PaymentStatus: PaymentStatusPaid, From: month.From, To: month.To}, []int{0, 1_000, 20_000}},
		{"Payment/Paid+Status+Channel+Month", OrderFilter{PaymentStatus: PaymentStatusPaid, Status: StatusDelivered,
			Channel: ChannelPhone, From: month.From, To: month.To}, []int{0, 1_000}},
		{"Payment/Refunded+Month", OrderFilter{PaymentStatus: PaymentStatusRefunded, From: month.From, To: month.To}, []int{0, 500}},
		{"Payment/Customer", OrderFilter{PaymentStatus: PaymentStatusPaid, CustomerID: custID}, []int{0}},
		{"Payment/Query/CustomerName", OrderFilter{PaymentStatus: PaymentStatusUnpaid, Query: "müller"}, []int{0, 100}},
		{"Payment/Query/CustomerNamePaid", OrderFilter{PaymentStatus: PaymentStatusPaid, Query: "müller"}, []int{0, 1_000}},
		{"Payment/Query/CustomerFullName", OrderFilter{PaymentStatus: PaymentStatusPaid, Query: "anna schmidt"}, []int{0}},
		{"Payment/Query/NumberPrefix", OrderFilter{PaymentStatus: PaymentStatusPaid, Query: fmt.Sprintf("%d", n/7)[:3]}, []int{0, 500}},
		{"Payment/Query/OneLetter", OrderFilter{PaymentStatus: PaymentStatusPartlyPaid, Query: "m"}, []int{0}},
		{"Payment/Query/OneLetterPaid", OrderFilter{PaymentStatus: PaymentStatusPaid, Query: "m"}, []int{0}},
		{"Payment/Query+Status", OrderFilter{PaymentStatus: PaymentStatusPaid, Query: "nguyen", Status: StatusDelivered}, []int{0}},
	}
	for _, off := range deep[1:] {
		cases = append(cases, struct {
			name    string
			f       OrderFilter
			offsets []int
		}{fmt.Sprintf("All/Offset%d", off), OrderFilter{}, []int{off}})
	}
	for _, tc := range cases {
		b.Run(tc.name, func(b *testing.B) {
			var samples []time.Duration
			for i := 0; i < b.N; i++ {
				for _, off := range tc.offsets {
					f := tc.f
					f.Limit, f.Offset = 50, off
					for range 5 {
						start := time.Now()
						_, _, err := s.FindOrders(ctx, f)
						samples = append(samples, time.Since(start))
						if err != nil {
							b.Fatalf("%+v: %v", f, err)
						}
					}
				}
			}
			reportLatency(b, samples)
		})
	}
}
