package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sort"
	"strings"
	"sync"
)

// Deferrable indexes. A workstation joining a business pulls millions of
// rows, and each one written also goes into every index of its table. The
// indexes that serve only screens (lists, searches), never a trigger, a
// constraint or a write path, can be built once after the rows are in,
// which is several times cheaper than keeping them up to date row by row.
// The domain packages register them; sync drops them for a snapshot
// (Tx.DeferIndexes) and builds them again at its end (Tx.RestoreIndexes).
// Should the process stop in between, Open builds them again: correctness
// never depends on them, only speed.

var deferrable struct {
	sync.Mutex
	names map[string]bool
}

// RegisterDeferrableIndexes registers indexes a bulk load may build after
// the rows are in: non-unique, and read by no trigger and no write path.
func RegisterDeferrableIndexes(names ...string) {
	deferrable.Lock()
	defer deferrable.Unlock()
	if deferrable.names == nil {
		deferrable.names = map[string]bool{}
	}
	for _, n := range names {
		deferrable.names[n] = true
	}
}

func deferrableNames() []string {
	deferrable.Lock()
	defer deferrable.Unlock()
	out := make([]string, 0, len(deferrable.names))
	for n := range deferrable.names {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}

// DeferIndexes drops the registered indexes present here, in tx, and
// returns their definitions for RestoreIndexes.
func (tx *Tx) DeferIndexes() (map[string]string, error) {
	out := map[string]string{}
	for _, name := range deferrableNames() {
		var def string
		var unique bool
		err := tx.Tx.QueryRowContext(tx.ctx, `SELECT m.sql, il."unique" FROM sqlite_master m
			JOIN pragma_index_list(m.tbl_name) il ON il.name = m.name
			WHERE m.type = 'index' AND m.name = ?`, name).Scan(&def, &unique)
		if errors.Is(err, sql.ErrNoRows) {
			continue
		}
		if err != nil {
			return out, fmt.Errorf("defer index %s: %w", name, err)
		}
		if unique {
			return out, fmt.Errorf("defer index %s: a unique index holds a constraint and cannot wait", name)
		}
		if _, err := tx.Tx.ExecContext(tx.ctx, "DROP INDEX "+quoteIdent(name)); err != nil {
			return out, fmt.Errorf("defer index %s: %w", name, err)
		}
		out[name] = def
	}
	return out, nil
}

// RestoreIndexes creates again, in tx, the indexes DeferIndexes dropped.
func (tx *Tx) RestoreIndexes(defs map[string]string) error {
	names := make([]string, 0, len(defs))
	for n := range defs {
		names = append(names, n)
	}
	sort.Strings(names)
	// Building an index sorts its table's keys; SQLite may sort with helper
	// threads, and at the end of a snapshot the other cores are idle.
	if _, err := tx.Tx.ExecContext(tx.ctx, `PRAGMA threads = 4`); err != nil {
		return err
	}
	for _, n := range names {
		def := defs[n]
		if !strings.HasPrefix(def, "CREATE INDEX ") {
			return fmt.Errorf("restore index %s: %q is not an index definition", n, def)
		}
		def = "CREATE INDEX IF NOT EXISTS " + strings.TrimPrefix(def, "CREATE INDEX ")
		if _, err := tx.Tx.ExecContext(tx.ctx, def); err != nil {
			return fmt.Errorf("restore index %s: %w", n, err)
		}
	}
	return nil
}

// restoreMissingIndexes builds the registered indexes missing here (a
// snapshot that stopped before its end), from the definitions the
// migrations give them.
func (db *DB) restoreMissingIndexes(ctx context.Context) error {
	names := deferrableNames()
	if len(names) == 0 {
		return nil
	}
	have := map[string]bool{}
	rows, err := db.write.QueryContext(ctx, `SELECT name FROM sqlite_master WHERE type = 'index'`)
	if err != nil {
		return err
	}
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			rows.Close()
			return err
		}
		have[n] = true
	}
	rows.Close()
	var missing []string
	for _, n := range names {
		if !have[n] {
			missing = append(missing, n)
		}
	}
	if len(missing) == 0 {
		return nil
	}
	defs, err := migrationIndexes(ctx)
	if err != nil {
		return err
	}
	tx, err := db.write.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	for _, n := range missing {
		def, ok := defs[n]
		if !ok {
			continue // registered, but not an index of this schema
		}
		if _, err := tx.ExecContext(ctx, def); err != nil {
			return fmt.Errorf("restore index %s: %w", n, err)
		}
	}
	return tx.Commit()
}

// migrationIndexes returns the definitions of the indexes the migrations
// create, from a scratch database.
func migrationIndexes(ctx context.Context) (map[string]string, error) {
	out := map[string]string{}
	err := withScratch(ctx, func(db *DB) error {
		rows, err := db.read.QueryContext(ctx, `SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL`)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var n, s string
			if err := rows.Scan(&n, &s); err != nil {
				return err
			}
			out[n] = s
		}
		return rows.Err()
	})
	return out, err
}
