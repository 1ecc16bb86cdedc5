package customer

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"sync"
	"testing"
	"time"

	"oms/internal/store"
)

// snapshot lists the generated customers' content (ids and times differ
// between runs, the rest must not).
func snapshot(t *testing.T, db *store.DB) []string {
	t.Helper()
	rows, err := db.Reader().Query(`SELECT c.code, c.name, c.company, c.email, c.phone, c.customer_group, c.credit_limit,
		(SELECT COALESCE(group_concat(a.kind || ':' || a.line1 || ':' || a.city || ':' || a.country, '|'), '') FROM customer_addresses a WHERE a.customer_id = c.id),
		(SELECT count(*) FROM customer_interactions i WHERE i.customer_id = c.id)
		FROM customers c ORDER BY c.code`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var code, name, company, email, phone, group, addrs string
		var credit int64
		var interactions int
		if err := rows.Scan(&code, &name, &company, &email, &phone, &group, &credit, &addrs, &interactions); err != nil {
			t.Fatal(err)
		}
		out = append(out, fmt.Sprint(code, name, company, email, phone, group, credit, addrs, interactions))
	}
	return out
}

func TestGenerateCustomers(t *testing.T) {
	ctx := context.Background()
	s1, db1 := newTestService(t)
	_, db2 := newTestService(t)
	mustCreate(t, s1, CustomerInput{Name: "Existing"}) // the generator continues the series
	if err := GenerateCustomers(ctx, db1, 400, 42); err != nil {
		t.Fatal(err)
	}
	if err := GenerateCustomers(ctx, db2, 400, 42); err != nil {
		t.Fatal(err)
	}
	if n := count(t, db1, `SELECT count(*) FROM customers`); n != 401 {
		t.Fatalf("%d customers, want 401", n)
	}
	a, b := snapshot(t, db1)[1:], snapshot(t, db2)[:400]
	for i := range a {
		// Same seed, same customers; only the codes are shifted by one.
		if a[i][len("C-000002"):] != b[i][len("C-000001"):] {
			t.Fatalf("customer %d differs between runs:\n%s\n%s", i, a[i], b[i])
		}
	}
	if first, last := snapshot(t, db1)[1][:8], snapshot(t, db1)[400][:8]; first != "C-000002" || last != "C-000401" {
		t.Fatalf("codes run %s..%s", first, last)
	}
	_, db3 := newTestService(t)
	if err := GenerateCustomers(ctx, db3, 50, 7); err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(snapshot(t, db3)) == fmt.Sprint(snapshot(t, db2)[:50]) {
		t.Fatal("another seed gave the same customers")
	}
	// Every script is represented and searchable.
	for _, q := range []string{"müller", "παπαδοπουλ", "иванов", "nguyễn", "nguyen"} {
		got, total, err := s1.FindCustomers(ctx, CustomerFilter{Query: q})
		if err != nil || total == 0 || len(got) == 0 {
			t.Errorf("%q finds nothing among generated customers (%v)", q, err)
		}
	}
}

// benchDB is the 100,000-customer database shared by the benchmarks of one
// test binary run, generated once.
var benchDB struct {
	once sync.Once
	dir  string
	db   *store.DB
	err  error
}

const benchCustomers = 100_000

func openBenchDB(b *testing.B) *store.DB {
	benchDB.once.Do(func() {
		start := time.Now()
		if benchDB.dir, benchDB.err = os.MkdirTemp("", "oms-customer-bench-"); benchDB.err != nil {
			return
		}
		ctx := context.Background()
		if benchDB.db, benchDB.err = store.Open(ctx, filepath.Join(benchDB.dir, "oms.db")); benchDB.err != nil {
			return
		}
		benchDB.err = GenerateCustomers(ctx, benchDB.db, benchCustomers, 1)
		b.Logf("generated %d customers in %s", benchCustomers, time.Since(start).Round(time.Millisecond))
	})
	if benchDB.err != nil {
		b.Fatal(benchDB.err)
	}
	return benchDB.db
}

func TestMain(m *testing.M) {
	code := m.Run()
	if benchDB.db != nil {
		benchDB.db.Close()
	}
	if benchDB.dir != "" {
		os.RemoveAll(benchDB.dir)
	}
	os.Exit(code)
}

// benchQueries is what counter staff type: first letters as they type,
// whole names, codes, emails and phone digits, in every script.
var benchQueries = []string{
	"m", "mü", "mül", "müller", "a", "an", "ann", "anna sch", "s", "sch", "schmidt", "garcía", "dvořák", "o'brien",
	"π", "πα", "παπαδ", "παπαδοπουλος", "γιώργος οικ", "и", "ив", "иванов", "ольга петрова", "ромаш",
	"n", "ng", "nguyễn", "nguyen van", "đức", "tr", "hà nội",
	"C-0", "C-00123", "C-012345", "c099999", "anna.", "anna.garcia1", "example.org", "+49", "4930", "30 12",
	"bäckerei", "gmbh", "ltd", "zzz", "xyzzy",
}

func BenchmarkSearch(b *testing.B) {
	db := openBenchDB(b)
	s := NewService(db)
	ctx := context.Background()
	for _, activeOnly := range []bool{false, true} {
		b.Run(fmt.Sprintf("activeOnly=%v", activeOnly), func(b *testing.B) {
			var durations []time.Duration
			for i := 0; b.Loop(); i++ {
				q := benchQueries[i%len(benchQueries)]
				start := time.Now()
				if _, _, err := s.FindCustomers(ctx, CustomerFilter{Query: q, ActiveOnly: activeOnly, Limit: 50}); err != nil {
					b.Fatal(err)
				}
				durations = append(durations, time.Since(start))
			}
			reportPercentiles(b, durations)
		})
	}
}

// reportPercentiles reports the p50 and p99 latency in milliseconds.
func reportPercentiles(b *testing.B, d []time.Duration) {
	if len(d) == 0 {
		return
	}
	sort.Slice(d, func(i, j int) bool { return d[i] < d[j] })
	at := func(p float64) float64 {
		return float64(d[min(len(d)-1, int(p*float64(len(d))))].Microseconds()) / 1000
	}
	b.ReportMetric(at(0.50), "p50-ms")
	b.ReportMetric(at(0.99), "p99-ms")
}
