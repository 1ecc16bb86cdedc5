package stock

import (
	"context"
	"database/sql"
	"flag"
	"fmt"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"oms/internal/catalog"
	"oms/internal/store"
)

var (
	benchProducts   = flag.Int("products", 20_000, "products generated for BenchmarkPostMovement")
	benchCheckpoint = flag.Duration("checkpoint-every", 0, "run PRAGMA wal_checkpoint(PASSIVE) from a second connection this often "+
		"during BenchmarkPostMovement, to measure commits without SQLite's auto-checkpoint in their path (0: off)")
)

// backgroundCheckpoints checkpoints the WAL of the database at path every
// d from its own connection until stop is closed. With the WAL kept short,
// no commit reaches the 1,000-page auto-checkpoint and pays for it.
func backgroundCheckpoints(b *testing.B, path string, d time.Duration, stop <-chan struct{}) {
	raw, err := sql.Open(store.DriverName, "file:"+path)
	if err != nil {
		b.Fatal(err)
	}
	go func() {
		defer raw.Close()
		t := time.NewTicker(d)
		defer t.Stop()
		for {
			select {
			case <-stop:
				return
			case <-t.C:
				_, _ = raw.Exec(`PRAGMA wal_checkpoint(PASSIVE)`)
			}
		}
	}()
}

// BenchmarkPostMovement measures PostMovement, each in its own committed
// transaction (capture, audit and the level cache included), over a
// generated catalog; one op posts 2,000 receipts and adjustments spread
// over products and bins, and p99 is over all of them. About one commit in
// sixty runs SQLite's WAL auto-checkpoint (1,000 pages) and sets the p99;
// -checkpoint-every=5ms shows the figure with checkpoints moved off the
// commit path, as a background checkpointer in the store would.
func BenchmarkPostMovement(b *testing.B) {
	ctx := context.Background()
	db, err := store.Open(ctx, filepath.Join(b.TempDir(), "oms.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	if err := catalog.GenerateProducts(ctx, db, *benchProducts, 1); err != nil {
		b.Fatal(err)
	}
	s, cat := NewService(db), catalog.NewService(db)
	actor := store.Actor{UserID: "u-1", UserName: "bench"}
	w, err := s.CreateWarehouse(ctx, actor, WarehouseInput{Code: "MAIN", Name: "Main"})
	if err != nil {
		b.Fatal(err)
	}
	var bins []string
	for i := 0; i < 50; i++ {
		bin, err := s.CreateBin(ctx, actor, w.ID, fmt.Sprintf("A-%02d-%02d", i/10, i%10))
		if err != nil {
			b.Fatal(err)
		}
		bins = append(bins, bin.ID)
	}
	var ids []string
	for i := 0; i < *benchProducts; i += 97 {
		if i%50 == 49 {
			continue // archived
		}
		p, err := cat.FindProductBySKU(ctx, catalog.GeneratedSKU(i))
		if err != nil {
			b.Fatal(err)
		}
		ids = append(ids, p.ID)
	}
	if *benchCheckpoint > 0 {
		stop := make(chan struct{})
		defer close(stop)
		backgroundCheckpoints(b, db.Path, *benchCheckpoint, stop)
	}
	var samples []time.Duration
	b.ResetTimer()
	for n := 0; n < b.N; n++ {
		for j := 0; j < 2000; j++ {
			in := MovementInput{Kind: KindReceipt, ProductID: ids[(j*31)%len(ids)], WarehouseID: w.ID, BinID: bins[j%len(bins)], Quantity: 5, UnitCost: 100}
			if j%4 == 3 {
				in.Kind, in.Quantity, in.Reason = KindAdjustment, -1, "Damaged in handling"
			}
			start := time.Now()
			if _, err := s.PostMovement(ctx, actor, in); err != nil {
				b.Fatal(err)
			}
			samples = append(samples, time.Since(start))
		}
	}
	b.StopTimer()
	if err := s.VerifyLevels(ctx); err != nil {
		b.Fatal(err)
	}
	slices.Sort(samples)
	at := func(q float64) float64 {
		return float64(samples[min(len(samples)-1, int(q*float64(len(samples))))].Microseconds()) / 1000
	}
	b.ReportMetric(at(0.50), "p50-ms")
	b.ReportMetric(at(0.99), "p99-ms")
	b.ReportMetric(float64(samples[len(samples)-1].Microseconds())/1000, "max-ms")
	b.ReportMetric(0, "ns/op")
}
