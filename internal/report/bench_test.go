package report

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"os"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"oms/internal/auth"
	"oms/internal/benchdb"
	"oms/internal/catalog"
	"oms/internal/company"
	"oms/internal/customer"
	"oms/internal/order"
	"oms/internal/store"
)

var (
	benchOrders    = flag.Int("orders", 350_000, "orders generated for the report benchmarks (2.9 lines an order on average: about 1M lines)")
	benchProducts  = flag.Int("products", 20_000, "products generated for the report benchmarks")
	benchCustomers = flag.Int("customers", 50_000, "customers generated for the report benchmarks")
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

// benchGenerator returns a generator over one generated database shared by
// the benchmarks of the run, generating it the first time: a company,
// products, customers and orders over the two years before
// order.GenEnd.
func benchGenerator(b *testing.B) *Generator {
	b.Helper()
	db, err := bench.Open(*benchKeep, "oms-report-bench-", func(ctx context.Context, db *store.DB, _ string) error {
		start := time.Now()
		comp := company.NewService(db, auth.NewService(db))
		if _, err := comp.Setup(ctx, company.Input{Name: "Bench GmbH", Country: "DE", Currency: "EUR"},
			auth.UserInput{Name: "admin", Password: "long-enough-pw"}); err != nil {
			return err
		}
		if err := catalog.GenerateProducts(ctx, db, *benchProducts, 1); err != nil {
			return err
		}
		if err := customer.GenerateCustomers(ctx, db, *benchCustomers, 1); err != nil {
			return err
		}
		if err := order.GenerateOrders(ctx, db, *benchOrders, 1); err != nil {
			return err
		}
		fmt.Fprintf(os.Stderr, "generated %d products, %d customers and %d orders in %s\n", *benchProducts, *benchCustomers,
			*benchOrders, time.Since(start).Round(time.Second))
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	return NewGenerator(db)
}

// vmHWM is the process's peak resident memory in bytes (Linux), 0 where
// /proc has none.
func vmHWM() int64 {
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(data), "\n") {
		if strings.HasPrefix(line, "VmHWM:") {
			f := strings.Fields(line)
			if len(f) >= 2 {
				kb, _ := strconv.ParseInt(f[1], 10, 64)
				return kb << 10
			}
		}
	}
	return 0
}

// BenchmarkOrdersReport1M writes the orders report (one row per order
// line) over every generated order into a file: the default 350,000
// orders have about 1M lines (GenerateOrders gives 2.9 lines an order on
// average, drafts are left out). It reports
// the seconds (target under 20), the rows, the file's size, the peak Go
// heap in use (sampled from Progress; target with RSS under 300 MB)
// and the process's peak RSS (VmHWM; it includes the generation when the
// database was generated in the same run).
//
//	go test -tags sqlite_fts5 -run '^$' -bench OrdersReport1M -benchtime 1x -timeout 60m ./internal/report/ -benchdb /tmp/report-bench.db
func BenchmarkOrdersReport1M(b *testing.B) {
	g := benchGenerator(b)
	ctx := context.Background()
	p := Params{From: order.GenEnd.AddDate(-3, 0, 0), To: order.GenEnd}
	var peakHeap uint64
	var samples int
	p.Progress = func(done, total int64) {
		if samples++; samples%20 != 0 {
			return
		}
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		peakHeap = max(peakHeap, ms.HeapInuse)
	}
	b.ResetTimer()
	var rows int64
	var size int64
	start := time.Now()
	for i := 0; i < b.N; i++ {
		f, err := os.CreateTemp(b.TempDir(), "orders-*.xlsx")
		if err != nil {
			b.Fatal(err)
		}
		w := bufio.NewWriter(f)
		sum, err := g.Write(ctx, "orders", w, p)
		if err == nil {
			err = w.Flush()
		}
		f.Close()
		if err != nil {
			b.Fatal(err)
		}
		st, _ := os.Stat(f.Name())
		size = st.Size()
		rows = sum.Rows
		os.Remove(f.Name())
	}
	b.StopTimer()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	peakHeap = max(peakHeap, ms.HeapInuse)
	b.ReportMetric(time.Since(start).Seconds()/float64(b.N), "s/report")
	b.ReportMetric(float64(rows), "rows")
	b.ReportMetric(float64(peakHeap)/(1<<20), "peak-heap-MB")
	b.ReportMetric(float64(vmHWM())/(1<<20), "peak-rss-MB")
	b.ReportMetric(float64(size)/(1<<20), "file-MB")
	b.ReportMetric(0, "ns/op")
}
