package server

import (
	"context"
	"flag"
	"fmt"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"
	"time"

	"oms/internal/catalog"
	"oms/internal/customer"
	"oms/internal/order"
	"oms/internal/store"
	omsync "oms/internal/sync"
)

// Sync benchmarks (make bench), over real HTTP on loopback and a SQLite
// server, with deterministic generated data:
//   - BenchmarkSyncUpDown: -sync.n new products made offline (5,000 by
//     default; each is two changes, the product and its barcode) pushed by
//     one workstation and pulled by another: the figure
//     scripts/bench-sync.sh sets beside PouchDB's replication of the same
//     products; -sync.n=2500 is the 5,000 offline changes of issue #7;
//   - BenchmarkSyncFreshWorkstation: a server holding -sync.products
//     products, -sync.customers customers and -sync.orders orders (300k,
//     100k, 1M) made by a standalone workstation; a fresh workstation pulls
//     everything. With -sync.load=push the standalone workstation's first
//     sync takes them there (12.9M changes, over an hour on 2 cores at full
//     size); by default (direct) its rows are written into the server's
//     entities as that sync leaves them, without the log, which the pull
//     of a fresh workstation does not read.

var (
	syncN         = flag.Int("sync.n", 5000, "changes for BenchmarkSyncUpDown")
	syncProducts  = flag.Int("sync.products", 300_000, "products for BenchmarkSyncFreshWorkstation")
	syncCustomers = flag.Int("sync.customers", 100_000, "customers for BenchmarkSyncFreshWorkstation")
	syncOrders    = flag.Int("sync.orders", 1_000_000, "orders for BenchmarkSyncFreshWorkstation")
	syncDir       = flag.String("sync.dir", "", "directory for BenchmarkSyncFreshWorkstation's databases: kept and reused (default: a temporary one)")
	syncLoad      = flag.String("sync.load", "direct", "how BenchmarkSyncFreshWorkstation's server gets the data: direct or push")
)

type benchStation struct {
	db *store.DB
	cl *omsync.Client
}

func openBenchStation(b *testing.B, path string) *benchStation {
	b.Helper()
	db, err := store.Open(context.Background(), path)
	if err != nil {
		b.Fatal(err)
	}
	cl, err := omsync.NewClient(context.Background(), db, nil)
	if err != nil {
		b.Fatal(err)
	}
	return &benchStation{db: db, cl: cl}
}

func benchHub(b *testing.B, path string) (*DB, string, func()) {
	b.Helper()
	db, err := OpenDB(context.Background(), path)
	if err != nil {
		b.Fatal(err)
	}
	srv, err := New(context.Background(), db, nil)
	if err != nil {
		b.Fatal(err)
	}
	hs := httptest.NewServer(srv.Handler())
	return db, hs.URL, func() { hs.Close(); db.Close() }
}

func benchEnrol(b *testing.B, db *DB, url string, st *benchStation, name string) {
	b.Helper()
	tok, err := db.CreateToken(context.Background(), name, time.Now())
	if err != nil {
		b.Fatal(err)
	}
	if _, err := st.cl.Enrol(context.Background(), url, tok); err != nil {
		b.Fatal(err)
	}
}

func BenchmarkSyncUpDown(b *testing.B) {
	ctx := context.Background()
	var up, down time.Duration
	var changes int
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		dir := b.TempDir()
		hub, url, stop := benchHub(b, filepath.Join(dir, "server.db"))
		a, c := openBenchStation(b, filepath.Join(dir, "a.db")), openBenchStation(b, filepath.Join(dir, "b.db"))
		benchEnrol(b, hub, url, a, "A")
		benchEnrol(b, hub, url, c, "B")
		if _, err := a.cl.Round(ctx, nil); err != nil {
			b.Fatal(err)
		}
		if _, err := c.cl.Round(ctx, nil); err != nil {
			b.Fatal(err)
		}
		// N offline changes on A: new products, each one insert.
		if err := catalog.GenerateProducts(ctx, a.db, *syncN, uint64(i+1)); err != nil {
			b.Fatal(err)
		}
		pending, _ := a.db.PendingChanges(ctx)
		changes = pending
		b.StartTimer()
		start := time.Now()
		sa, err := a.cl.Round(ctx, nil)
		if err != nil {
			b.Fatal(err)
		}
		mid := time.Now()
		sb, err := c.cl.Round(ctx, nil)
		if err != nil {
			b.Fatal(err)
		}
		up += mid.Sub(start)
		down += time.Since(mid)
		b.StopTimer()
		if sa.Pushed != pending || sb.Pulled < *syncN {
			b.Fatalf("pushed %d of %d, pulled %d", sa.Pushed, pending, sb.Pulled)
		}
		a.db.Close()
		c.db.Close()
		stop()
	}
	b.ReportMetric(float64(up.Milliseconds())/float64(b.N), "up-ms")
	b.ReportMetric(float64(down.Milliseconds())/float64(b.N), "down-ms")
	b.ReportMetric(float64((up+down).Milliseconds())/float64(b.N), "total-ms")
	b.ReportMetric(float64(changes), "changes") // a product is two rows: it and its barcode
}

func BenchmarkSyncFreshWorkstation(b *testing.B) {
	ctx := context.Background()
	dir := *syncDir
	if dir == "" {
		dir = b.TempDir()
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		b.Fatal(err)
	}
	serverPath, sourcePath := filepath.Join(dir, "server.db"), filepath.Join(dir, "source.db")
	_, statErr := os.Stat(serverPath)
	hub, url, stop := benchHub(b, serverPath)
	defer stop()
	if statErr != nil {
		// The standalone workstation that made the business's data; then
		// the server gets it (-sync.load).
		src := openBenchStation(b, sourcePath)
		start := time.Now()
		if err := catalog.GenerateProducts(ctx, src.db, *syncProducts, 1); err != nil {
			b.Fatal(err)
		}
		if err := customer.GenerateCustomers(ctx, src.db, *syncCustomers, 1); err != nil {
			b.Fatal(err)
		}
		if err := order.GenerateOrders(ctx, src.db, *syncOrders, 1); err != nil {
			b.Fatal(err)
		}
		pending, _ := src.db.PendingChanges(ctx)
		fmt.Fprintf(os.Stderr, "generated %d products, %d customers, %d orders (%d changes) in %s\n",
			*syncProducts, *syncCustomers, *syncOrders, pending, time.Since(start).Round(time.Second))
		start = time.Now()
		switch *syncLoad {
		case "push":
			benchEnrol(b, hub, url, src, "Source")
			st, err := src.cl.Round(ctx, nil)
			if err != nil {
				b.Fatal(err)
			}
			took := time.Since(start)
			fmt.Fprintf(os.Stderr, "first sync of the standalone workstation: pushed %d changes in %s (%.0f/s)\n",
				st.Pushed, took.Round(time.Millisecond), float64(st.Pushed)/took.Seconds())
		case "direct":
			n := loadDirect(b, hub, src.db)
			fmt.Fprintf(os.Stderr, "wrote %d rows into the server's entities in %s\n", n, time.Since(start).Round(time.Second))
		default:
			b.Fatalf("-sync.load=%s: want direct or push", *syncLoad)
		}
		src.db.Close()
		os.Remove(sourcePath)
		os.Remove(sourcePath + "-wal")
		os.Remove(sourcePath + "-shm")
	}
	var rows int64
	hub.sql.QueryRow(`SELECT count(*) FROM srv_entities WHERE deleted = ''`).Scan(&rows)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		path := filepath.Join(b.TempDir(), "fresh.db")
		fresh := openBenchStation(b, path)
		benchEnrol(b, hub, url, fresh, fmt.Sprintf("Fresh %d", i))
		b.StartTimer()
		start := time.Now()
		st, err := fresh.cl.Round(ctx, nil)
		if err != nil {
			b.Fatal(err)
		}
		took := time.Since(start)
		b.StopTimer()
		if int64(st.Pulled) < rows {
			b.Fatalf("pulled %d of %d rows", st.Pulled, rows)
		}
		b.ReportMetric(took.Seconds(), "pull-s")
		b.ReportMetric(float64(st.Pulled)/took.Seconds(), "rows/s")
		fresh.db.Close()
	}
}

// loadDirect writes every synced row of src into the server's entities as
// a first sync of src leaves them (fields as captured, one clock for the
// whole row), without the log.
func loadDirect(b *testing.B, hub *DB, src *store.DB) int {
	b.Helper()
	ctx := context.Background()
	st, err := src.SyncState(ctx)
	if err != nil {
		b.Fatal(err)
	}
	clocks := fmt.Sprintf(`{"":"%s@%s"}`, store.HLC{Wall: time.Now().UnixMilli()}.String(), st.DeviceID)
	tables, err := src.Tables(ctx)
	if err != nil {
		b.Fatal(err)
	}
	total := 0
	for _, t := range tables {
		if !t.Synced() {
			continue
		}
		rows, err := src.Reader().QueryContext(ctx, `SELECT id, `+t.RowJSON()+` FROM `+store.QuoteIdent(t.Name)+` ORDER BY id`)
		if err != nil {
			b.Fatal(err)
		}
		tx, err := hub.begin(ctx)
		if err != nil {
			b.Fatal(err)
		}
		for n := 1; rows.Next(); n++ {
			var id, fields string
			if err := rows.Scan(&id, &fields); err != nil {
				b.Fatal(err)
			}
			if _, err := tx.exec(`INSERT INTO srv_entities (entity, id, fields, clocks, deleted, position) VALUES (?, ?, ?, ?, '', 0)
				ON CONFLICT (entity, id) DO UPDATE SET fields = excluded.fields, clocks = excluded.clocks`, t.Name, id, fields, clocks); err != nil {
				b.Fatal(err)
			}
			total++
			if n%100_000 == 0 {
				if err := tx.Commit(); err != nil {
					b.Fatal(err)
				}
				if tx, err = hub.begin(ctx); err != nil {
					b.Fatal(err)
				}
			}
		}
		if err := rows.Err(); err != nil {
			b.Fatal(err)
		}
		rows.Close()
		if err := tx.Commit(); err != nil {
			b.Fatal(err)
		}
	}
	return total
}
