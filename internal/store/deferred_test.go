package store

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
)

func indexNames(t *testing.T, db *DB) string {
	t.Helper()
	var s string
	if err := db.read.QueryRow(`SELECT group_concat(name, ' ') FROM (SELECT name FROM sqlite_master WHERE type = 'index' ORDER BY name)`).Scan(&s); err != nil {
		t.Fatal(err)
	}
	return s
}

// TestDeferredIndexes: a registered index is dropped and built again with
// its definition; one a stopped snapshot left out is built again at the
// next Open; a unique index is refused.
func TestDeferredIndexes(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "oms.db")
	db := openTestAt(t, path)
	all := indexNames(t, db)
	RegisterDeferrableIndexes("audit_log_at", "outbox_entity")

	var defs map[string]string
	err := db.Remote(ctx, func(tx *Tx) (err error) { defs, err = tx.DeferIndexes(); return err })
	if err != nil {
		t.Fatal(err)
	}
	if len(defs) < 2 || !strings.HasPrefix(defs["audit_log_at"], "CREATE INDEX audit_log_at ON audit_log") {
		t.Fatalf("deferred %v", defs)
	}
	if got := indexNames(t, db); strings.Contains(got, "audit_log_at") || strings.Contains(got, "outbox_entity") {
		t.Fatalf("indexes while deferred: %s", got)
	}
	if err := db.Remote(ctx, func(tx *Tx) error { return tx.RestoreIndexes(defs) }); err != nil {
		t.Fatal(err)
	}
	if got := indexNames(t, db); got != all {
		t.Fatalf("restored: %s\nwant %s", got, all)
	}

	// Dropped, and the process stops: the next Open builds them.
	if err := db.Remote(ctx, func(tx *Tx) (err error) { _, err = tx.DeferIndexes(); return err }); err != nil {
		t.Fatal(err)
	}
	db.Close()
	db = openTestAt(t, path)
	if got := indexNames(t, db); got != all {
		t.Fatalf("after Open: %s\nwant %s", got, all)
	}

	RegisterDeferrableIndexes("sqlite_autoindex_users_2", "customer_addresses_one_default")
	defer func() {
		deferrable.Lock()
		for _, n := range []string{"sqlite_autoindex_users_2", "customer_addresses_one_default", "audit_log_at", "outbox_entity"} {
			delete(deferrable.names, n)
		}
		deferrable.Unlock()
	}()
	err = db.Remote(ctx, func(tx *Tx) (err error) { _, err = tx.DeferIndexes(); return err })
	if err == nil || !strings.Contains(err.Error(), "unique") {
		t.Fatalf("deferring a unique index: %v", err)
	}
	if got := indexNames(t, db); got != all {
		t.Fatalf("a refused deferral changed the indexes: %s", got)
	}
}
