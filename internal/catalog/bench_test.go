package catalog

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"testing"
	"time"

	"oms/internal/store"
)

var benchProducts = flag.Int("products", 300_000, "products GenerateProducts creates for the benchmarks")

var (
	benchOnce sync.Once
	benchDB   *store.DB
	benchDir  string
	benchErr  error
)

// TestMain removes the benchmark database the benchmarks share.
func TestMain(m *testing.M) {
	flag.Parse()
	code := m.Run()
	if benchDB != nil {
		benchDB.Close()
	}
	if benchDir != "" {
		os.RemoveAll(benchDir)
	}
	os.Exit(code)
}

// benchService returns a catalog over one generated database shared by all
// benchmarks of the run, generating it the first time.
func benchService(b *testing.B) *Service {
	b.Helper()
	benchOnce.Do(func() {
		if benchDir, benchErr = os.MkdirTemp("", "oms-catalog-bench-"); benchErr != nil {
			return
		}
		ctx := context.Background()
		if benchDB, benchErr = store.Open(ctx, filepath.Join(benchDir, "oms.db")); benchErr != nil {
			return
		}
		start := time.Now()
		benchErr = GenerateProducts(ctx, benchDB, *benchProducts, 1)
		fmt.Fprintf(os.Stderr, "generated %d products in %s\n", *benchProducts, time.Since(start).Round(time.Millisecond))
	})
	if benchErr != nil {
		b.Fatal(benchErr)
	}
	return NewService(benchDB)
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

// searchQueries is what people type: every prefix of a few words as they
// are typed, several words, SKUs, full barcodes and non-Latin names.
func searchQueries(n int) []string {
	var qs []string
	for _, word := range []string{"stainless", "bracket", "galvanized", "hammer", "copper", "waterproof", "x12", "500ml"} {
		for i := 1; i <= len(word); i++ {
			qs = append(qs, word[:i]) // ASCII
		}
	}
	for _, phrase := range []string{"steel bolt", "stai ste bol m8", "heavy brass hinge", "red mug", "oak table x1", "pho", "крас", "κόκ", "bánh mì"} {
		runes := []rune(phrase)
		for i := 1; i <= len(runes); i++ {
			qs = append(qs, string(runes[:i]))
		}
	}
	for i := 0; i < 20; i++ {
		k := (i * 7919) % n
		qs = append(qs, GeneratedSKU(k), GeneratedBarcode(k), GeneratedSKU(k)[:9])
	}
	return qs
}

// BenchmarkSearch measures FindProducts with as-you-type queries (first
// page of 50, active only) over the generated catalog; one op runs every
// query of searchQueries once, and p99 is over all of them.
func BenchmarkSearch(b *testing.B) {
	s := benchService(b)
	ctx := context.Background()
	queries := searchQueries(*benchProducts)
	var samples []time.Duration
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, q := range queries {
			start := time.Now()
			if _, _, err := s.FindProducts(ctx, ProductFilter{Query: q, ActiveOnly: true, Limit: 50}); err != nil {
				b.Fatalf("search %q: %v", q, err)
			}
			samples = append(samples, time.Since(start))
		}
	}
	reportLatency(b, samples)
}

// BenchmarkBarcodeLookup measures FindProductByBarcode for barcodes spread
// over the generated catalog; one op looks up 1,000.
func BenchmarkBarcodeLookup(b *testing.B) {
	s := benchService(b)
	ctx := context.Background()
	var samples []time.Duration
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for j := 0; j < 1000; j++ {
			code := GeneratedBarcode((j * 104729) % *benchProducts)
			start := time.Now()
			p, err := s.FindProductByBarcode(ctx, code)
			samples = append(samples, time.Since(start))
			if err != nil || p.Barcodes[0].Value != code {
				b.Fatalf("lookup %s: %v", code, err)
			}
		}
	}
	reportLatency(b, samples)
}
