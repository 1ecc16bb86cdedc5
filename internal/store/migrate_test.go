package store

import (
	"context"
	"database/sql"
	"path/filepath"
	"testing"
	"time"
)

// TestMigration0010_BackfillsPaymentStatus applies the migrations before
// 0010 to a new file, writes orders and their payment totals as a database
// of that version holds them, then opens it: 0010 must give every order its
// payment status and the per-day counts of the list.
func TestMigration0010_BackfillsPaymentStatus(t *testing.T) {
	ctx := context.Background()
	register()
	path := filepath.Join(t.TempDir(), "oms.db")
	raw, err := sql.Open(DriverName, dsn(path, "_txlock=immediate"))
	if err != nil {
		t.Fatal(err)
	}
	raw.SetMaxOpenConns(1)
	old := &DB{Path: path, Now: time.Now, write: raw}
	if _, err := raw.Exec(`CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`); err != nil {
		t.Fatal(err)
	}
	for _, m := range mustMigrations(t) {
		if m.version >= 10 {
			break
		}
		if err := old.applyMigration(ctx, m); err != nil {
			t.Fatal(err)
		}
	}
	type row struct {
		id, status, created                   string
		total, paid, refunded, pend, returned int64
		hasTotals                             bool
		want                                  string
	}
	rows := []row{
		{"draft", "draft", "2026-03-01T09:00:00.000Z", 1000, 0, 0, 0, 0, false, "unpaid"},
		{"part", "confirmed", "2026-03-01T10:00:00.000Z", 1000, 400, 0, 0, 0, true, "partly_paid"},
		{"paid", "delivered", "2026-03-01T11:00:00.000Z", 1000, 1000, 0, 0, 0, true, "paid"},
		{"paid2", "delivered", "2026-03-02T11:00:00.000Z", 500, 500, 0, 0, 0, true, "paid"},
		{"pending", "cancelled", "2026-03-02T12:00:00.000Z", 1000, 1000, 0, 1000, 0, true, "overpaid"},
		{"back", "cancelled", "2026-03-02T13:00:00.000Z", 1000, 1000, 1000, 0, 0, true, "refunded"},
		{"return", "delivered", "2026-03-03T13:00:00.000Z", 1000, 1000, 300, 0, 300, true, "refunded"},
		{"nothing", "cancelled", "2026-03-03T14:00:00.000Z", 1000, 0, 0, 0, 0, true, "unpaid"},
	}
	for i, r := range rows {
		if _, err := raw.Exec(`INSERT INTO orders (id, number, channel, status, currency, prices_include_tax, total, created_at, updated_at)
			VALUES (?, ?, 'counter', ?, 'EUR', 1, ?, ?, ?)`, r.id, i, r.status, r.total, r.created, r.created); err != nil {
			t.Fatal(err)
		}
		if r.hasTotals {
			if _, err := raw.Exec(`INSERT INTO order_payment_totals (id, paid, refunded, pending_refund, return_refund, updated_at)
				VALUES (?, ?, ?, ?, ?, ?)`, r.id, r.paid, r.refunded, r.pend, r.returned, r.created); err != nil {
				t.Fatal(err)
			}
		}
	}
	raw.Close()

	db := openTestAt(t, path)
	for _, r := range rows {
		var got, created, status string
		if err := db.read.QueryRow(`SELECT payment_status, created_at, status FROM order_payment_status WHERE id = ?`, r.id).
			Scan(&got, &created, &status); err != nil {
			t.Fatalf("%s: %v", r.id, err)
		}
		if got != r.want || created != r.created || status != r.status {
			t.Errorf("%s: %s (%s, %s), want %s", r.id, got, created, status, r.want)
		}
	}
	counts := map[string]int{}
	cr, err := db.read.Query(`SELECT payment_status || ' ' || day || ' ' || status || ' ' || channel, n FROM order_payment_counts`)
	if err != nil {
		t.Fatal(err)
	}
	for cr.Next() {
		var k string
		var n int
		cr.Scan(&k, &n)
		counts[k] = n
	}
	cr.Close()
	want := map[string]int{
		"unpaid 2026-03-01 draft counter": 1, "partly_paid 2026-03-01 confirmed counter": 1, "paid 2026-03-01 delivered counter": 1,
		"paid 2026-03-02 delivered counter": 1, "overpaid 2026-03-02 cancelled counter": 1, "refunded 2026-03-02 cancelled counter": 1,
		"refunded 2026-03-03 delivered counter": 1, "unpaid 2026-03-03 cancelled counter": 1,
	}
	if len(counts) != len(want) {
		t.Fatalf("counts %v, want %v", counts, want)
	}
	for k, n := range want {
		if counts[k] != n {
			t.Errorf("count %q = %d, want %d", k, counts[k], n)
		}
	}
	// The caches are registered, so their writes are guarded like any other.
	if tables, err := db.UncapturedTables(ctx); err != nil || len(tables) != 0 {
		t.Fatalf("uncaptured %v, %v", tables, err)
	}
	if _, err := db.write.Exec(`DELETE FROM order_payment_status`); err == nil {
		t.Fatal("a write of the cache outside a store transaction was accepted")
	}
}

func openTestAt(t *testing.T, path string) *DB {
	t.Helper()
	db, err := Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}
