package store

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func openTest(t *testing.T) *DB {
	t.Helper()
	db, err := Open(context.Background(), filepath.Join(t.TempDir(), "oms.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

var testActor = Actor{UserID: "u-1", UserName: "tester"}

func insertUser(t *testing.T, tx *Tx, id, name string) {
	t.Helper()
	if _, err := tx.Exec(`INSERT INTO users (id, name, full_name, role, password_hash, created_at, updated_at) VALUES (?, ?, ?, 'admin', 'secret-hash', ?, ?)`,
		id, name, "Full "+name, FormatTime(tx.Now), FormatTime(tx.Now)); err != nil {
		t.Fatal(err)
	}
}

func TestOpen_ReopenKeepsDeviceAndSchema(t *testing.T) {
	path := filepath.Join(t.TempDir(), "sub", "oms.db")
	db, err := Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	dev := db.Device()
	if dev.ID == "" || dev.Name == "" {
		t.Fatalf("device identity not created: %+v", dev)
	}
	db.Close()
	db, err = Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if got := db.Device().ID; got != dev.ID {
		t.Fatalf("device id changed on reopen: %s -> %s", dev.ID, got)
	}
	var n int
	if err := db.read.QueryRow(`SELECT count(*) FROM schema_migrations`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	if want := len(mustMigrations(t)); n != want {
		t.Fatalf("schema_migrations has %d rows, want %d", n, want)
	}
	var mode string
	if err := db.read.QueryRow(`PRAGMA journal_mode`).Scan(&mode); err != nil || mode != "wal" {
		t.Fatalf("journal_mode = %q (%v), want wal", mode, err)
	}
	var fk int
	if err := db.read.QueryRow(`PRAGMA foreign_keys`).Scan(&fk); err != nil || fk != 1 {
		t.Fatalf("foreign_keys = %d (%v), want 1", fk, err)
	}
}

func mustMigrations(t *testing.T) []migration {
	ms, err := migrations()
	if err != nil {
		t.Fatal(err)
	}
	return ms
}

func TestOpen_RefusesNewerSchema(t *testing.T) {
	path := filepath.Join(t.TempDir(), "oms.db")
	db, err := Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.write.Exec(`INSERT INTO schema_migrations (version, name, applied_at) VALUES (99999, 'future.sql', '')`); err != nil {
		t.Fatal(err)
	}
	db.Close()
	if _, err := Open(context.Background(), path); err == nil || !strings.Contains(err.Error(), "newer than this program") {
		t.Fatalf("Open of a newer database: err = %v", err)
	}
}

func TestCapture_WriteOutsideTransactionIsRefused(t *testing.T) {
	db := openTest(t)
	if err := db.Update(context.Background(), testActor, func(tx *Tx) error {
		insertUser(t, tx, "u-a", "anna")
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ name, sql string }{
		{"Insert", `INSERT INTO users (id, name, full_name, role, created_at, updated_at) VALUES ('u-b', 'bob', 'Bob', 'counter', '', '')`},
		{"Update", `UPDATE users SET full_name = 'Changed' WHERE id = 'u-a'`},
		{"Delete", `DELETE FROM users WHERE id = 'u-a'`},
		{"InsertCompany", `INSERT INTO company (id, name, country, currency, created_at, updated_at) VALUES ('company', 'X', 'DE', 'EUR', '', '')`},
		{"LocalTable", `INSERT INTO login_failures (id, failures, updated_at) VALUES ('u-a', 1, '')`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := db.write.Exec(tc.sql)
			if err == nil || !strings.Contains(err.Error(), "outside a store transaction") {
				t.Fatalf("raw write: err = %v, want it refused", err)
			}
		})
	}
	var name string
	if err := db.read.QueryRow(`SELECT full_name FROM users WHERE id = 'u-a'`).Scan(&name); err != nil || name != "Full anna" {
		t.Fatalf("row changed by a refused write: %q %v", name, err)
	}
}

func TestCapture_EveryWriteReachesOutboxAndAudit(t *testing.T) {
	db := openTest(t)
	ctx := context.Background()
	steps := []struct {
		name       string
		sql        string
		wantOp     string // "" = no change captured
		wantFields map[string]any
		wantAudit  string // substring of the audit changes
	}{
		{"Insert", `INSERT INTO users (id, name, full_name, role, password_hash, created_at, updated_at) VALUES ('u-1', 'anna', 'Anna', 'admin', 'h1', 'c', 'c')`,
			"insert", map[string]any{"id": "u-1", "name": "anna", "full_name": "Anna", "role": "admin", "password_hash": "h1", "active": float64(1)}, `"password_hash":"(hidden)"`},
		{"UpdateOneField", `UPDATE users SET full_name = 'Anna B' WHERE id = 'u-1'`,
			"update", map[string]any{"full_name": "Anna B"}, `"full_name":["Anna","Anna B"]`},
		{"UpdateHiddenField", `UPDATE users SET password_hash = 'h2' WHERE id = 'u-1'`,
			"update", map[string]any{"password_hash": "h2"}, `"password_hash":["(hidden)","(hidden)"]`},
		{"UpdateNothingChanged", `UPDATE users SET full_name = 'Anna B' WHERE id = 'u-1'`, "", nil, ""},
		{"Delete", `DELETE FROM users WHERE id = 'u-1'`, "delete", map[string]any{}, `"name":"anna"`},
	}
	var lastSeq int64
	for _, st := range steps {
		t.Run(st.name, func(t *testing.T) {
			before, _ := db.Outbox(ctx, lastSeq, 100)
			if len(before) != 0 {
				t.Fatalf("outbox not empty before step: %+v", before)
			}
			var auditBefore int
			db.read.QueryRow(`SELECT count(*) FROM audit_log`).Scan(&auditBefore)
			if err := db.Update(ctx, testActor, func(tx *Tx) error {
				_, err := tx.Exec(st.sql)
				return err
			}); err != nil {
				t.Fatal(err)
			}
			changes, err := db.Outbox(ctx, lastSeq, 100)
			if err != nil {
				t.Fatal(err)
			}
			var auditAfter int
			db.read.QueryRow(`SELECT count(*) FROM audit_log`).Scan(&auditAfter)
			if st.wantOp == "" {
				if len(changes) != 0 || auditAfter != auditBefore {
					t.Fatalf("no-op update captured: %+v, audit %d -> %d", changes, auditBefore, auditAfter)
				}
				return
			}
			if len(changes) != 1 {
				t.Fatalf("got %d outbox rows, want 1: %+v", len(changes), changes)
			}
			c := changes[0]
			if c.Seq != lastSeq+1 {
				t.Fatalf("device_seq = %d, want %d", c.Seq, lastSeq+1)
			}
			lastSeq = c.Seq
			if c.Op != st.wantOp || c.Entity != "users" || c.EntityID != "u-1" || c.UserID != "u-1" || c.HLC == "" || c.SchemaVersion != SchemaVersion() {
				t.Fatalf("change = %+v", c)
			}
			var fields map[string]any
			if err := json.Unmarshal([]byte(c.Fields), &fields); err != nil {
				t.Fatal(err)
			}
			for k, v := range st.wantFields {
				if fields[k] != v {
					t.Errorf("fields[%s] = %v, want %v (all: %s)", k, fields[k], v, c.Fields)
				}
			}
			if st.wantOp == "update" && len(fields) != len(st.wantFields) {
				t.Errorf("update carries unchanged fields: %s", c.Fields)
			}
			audit, err := db.FindAudit(ctx, AuditFilter{Entity: "users", Limit: 1})
			if err != nil || len(audit) != 1 {
				t.Fatalf("audit: %v %v", audit, err)
			}
			a := audit[0]
			if a.Action != st.wantOp || a.UserName != "tester" || a.DeviceID != db.Device().ID || !strings.Contains(a.Changes, st.wantAudit) {
				t.Fatalf("audit entry = %+v, want changes containing %s", a, st.wantAudit)
			}
			if strings.Contains(a.Changes, "h1") || strings.Contains(a.Changes, "h2") {
				t.Fatalf("audit shows a password hash: %s", a.Changes)
			}
		})
	}
}

func TestTx_RollbackLeavesNothing(t *testing.T) {
	db := openTest(t)
	ctx := context.Background()
	tx, err := db.BeginTx(ctx, testActor)
	if err != nil {
		t.Fatal(err)
	}
	insertUser(t, tx, "u-r", "rolled")
	committed := false
	tx.AfterCommit(func() { committed = true })
	if err := tx.Rollback(); err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{`SELECT count(*) FROM users`, `SELECT count(*) FROM outbox`, `SELECT count(*) FROM audit_log`, `SELECT last_seq FROM sync_state`} {
		var n int
		if err := db.read.QueryRow(q).Scan(&n); err != nil || n != 0 {
			t.Errorf("%s = %d (%v), want 0", q, n, err)
		}
	}
	if committed {
		t.Error("after-commit hook ran after a rollback")
	}
	// The context is inactive again: a raw write is still refused.
	if _, err := db.write.Exec(`DELETE FROM users`); err != nil {
		t.Fatalf("delete of nothing: %v", err)
	}
	if _, err := db.write.Exec(`INSERT INTO users (id, name, full_name, role, created_at, updated_at) VALUES ('x', 'x', 'x', 'admin', '', '')`); err == nil {
		t.Fatal("raw insert accepted after rollback")
	}
}

func TestCapture_EveryTableIsRegistered(t *testing.T) {
	db := openTest(t)
	tables, err := db.UncapturedTables(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if len(tables) != 0 {
		t.Fatalf("tables neither internal nor in sync_tables (their writes would bypass the outbox and audit): %v", tables)
	}
	var n int
	if err := db.read.QueryRow(`SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'capture_%'`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	var registered int
	db.read.QueryRow(`SELECT count(*) FROM sync_tables`).Scan(&registered)
	if n != 3*registered {
		t.Fatalf("%d capture triggers for %d registered tables, want 3 each", n, registered)
	}
}

func TestHLC_MonotonicAcrossTransactions(t *testing.T) {
	db := openTest(t)
	fixed := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	db.Now = func() time.Time { return fixed } // a clock that stands still, then goes back
	var prev string
	for i := 0; i < 5; i++ {
		if i == 3 {
			fixed = fixed.Add(-time.Hour)
		}
		if err := db.Update(context.Background(), testActor, func(tx *Tx) error {
			if tx.HLC.String() <= prev {
				t.Fatalf("HLC went back: %s after %s", tx.HLC, prev)
			}
			prev = tx.HLC.String()
			return nil
		}); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := ParseHLC(prev); err != nil {
		t.Fatal(err)
	}
	for _, bad := range []string{"", "12", "x-1", "1-x", "-1-2"} {
		if _, err := ParseHLC(bad); err == nil {
			t.Errorf("ParseHLC(%q) accepted", bad)
		}
	}
}

func TestCapture_CacheTablesAreGuardedButNeitherSyncedNorAudited(t *testing.T) {
	db := openTest(t)
	rows, err := db.read.Query(`SELECT t.name, m.sql FROM sync_tables t JOIN sqlite_master m
		ON m.type = 'trigger' AND m.name LIKE 'capture_' || t.name || '_%' WHERE t.kind = 'cache'`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	n := 0
	for rows.Next() {
		var name, sql string
		if err := rows.Scan(&name, &sql); err != nil {
			t.Fatal(err)
		}
		n++
		if !strings.Contains(sql, "outside a store transaction") || strings.Contains(sql, "outbox") || strings.Contains(sql, "audit_log") {
			t.Errorf("cache table %s trigger:\n%s", name, sql)
		}
	}
	if n == 0 {
		t.Fatal("no cache table is registered, so this test would check nothing")
	}
}

func TestWALIsCheckpointedOutsideCommits(t *testing.T) {
	db := openTest(t)
	var auto int
	if err := db.write.QueryRow(`PRAGMA wal_autocheckpoint`).Scan(&auto); err != nil || auto != 0 {
		t.Fatalf("wal_autocheckpoint on the writer = %d (%v), want 0", auto, err)
	}
	for i := 0; i < 50; i++ {
		if err := db.Update(context.Background(), testActor, func(tx *Tx) error {
			insertUser(t, tx, NewID(), fmt.Sprintf("user%02d", i))
			return nil
		}); err != nil {
			t.Fatal(err)
		}
	}
	db.Close()
	fi, err := os.Stat(db.Path + "-wal")
	if err == nil && fi.Size() != 0 {
		t.Fatalf("WAL is %d bytes after Close, want it checkpointed and truncated", fi.Size())
	}
}
