package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// What sync needs from the store: the shape of the synced tables, a write
// transaction that applies other devices' changes without capturing them
// again, and the device's enrolment.

// TableInfo describes a table registered in sync_tables.
type TableInfo struct {
	Name    string
	Kind    string // document, ledger, local or cache
	Columns []ColumnInfo
	// Unique lists the column sets of the table's UNIQUE constraints and
	// indexes without a WHERE clause (partial indexes are left out).
	Unique []UniqueKey
}

// ColumnInfo describes one column.
type ColumnInfo struct {
	Name       string
	Type       string
	NotNull    bool
	HasDefault bool
	Default    string // the DEFAULT expression as SQL text, when HasDefault
}

// UniqueKey is one UNIQUE constraint: its columns and whether each compares
// without case.
type UniqueKey struct {
	Name    string
	Columns []string
	NoCase  []bool
}

// Synced reports whether changes to the table travel through sync.
func (t TableInfo) Synced() bool { return t.Kind == "document" || t.Kind == "ledger" }

// Column returns the named column.
func (t TableInfo) Column(name string) (ColumnInfo, bool) {
	for _, c := range t.Columns {
		if c.Name == name {
			return c, true
		}
	}
	return ColumnInfo{}, false
}

// RowJSON is the SQL expression of a row of the table as a JSON object,
// the way the capture triggers write changes (bytes as hex text).
func (t TableInfo) RowJSON() string {
	args := make([]string, 0, 2*len(t.Columns))
	for _, c := range t.Columns {
		ref := QuoteIdent(c.Name)
		if c.Blob() {
			ref = "hex(" + ref + ")"
		}
		args = append(args, quoteText(c.Name), ref)
	}
	return "json_object(" + strings.Join(args, ", ") + ")"
}

// QuoteIdent quotes an SQL identifier.
func QuoteIdent(s string) string { return quoteIdent(s) }

// Blob reports whether the column holds bytes (captured as hex text).
func (c ColumnInfo) Blob() bool { return strings.Contains(strings.ToUpper(c.Type), "BLOB") }

// Tables describes every table registered in sync_tables, by name.
func (db *DB) Tables(ctx context.Context) ([]TableInfo, error) { return describeTables(ctx, db.read) }

// DescribeSchema describes the tables of this binary's schema without a
// workstation database (the server validates changes against it): it
// migrates a throwaway database in a temporary directory.
func DescribeSchema(ctx context.Context) ([]TableInfo, error) {
	var tables []TableInfo
	err := withScratch(ctx, func(db *DB) (err error) { tables, err = db.Tables(ctx); return err })
	if err != nil {
		return nil, fmt.Errorf("describe schema: %w", err)
	}
	return tables, nil
}

// withScratch runs fn on a throwaway database migrated to this binary's
// schema, in a temporary directory.
func withScratch(ctx context.Context, fn func(db *DB) error) error {
	dir, err := os.MkdirTemp("", "oms-schema-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	db, err := Open(ctx, filepath.Join(dir, "schema.db"))
	if err != nil {
		return err
	}
	defer db.Close()
	return fn(db)
}

func describeTables(ctx context.Context, q *sql.DB) ([]TableInfo, error) {
	rows, err := q.QueryContext(ctx, `SELECT name, kind FROM sync_tables ORDER BY name`)
	if err != nil {
		return nil, fmt.Errorf("read sync_tables: %w", err)
	}
	var out []TableInfo
	for rows.Next() {
		var t TableInfo
		if err := rows.Scan(&t.Name, &t.Kind); err != nil {
			rows.Close()
			return nil, err
		}
		out = append(out, t)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	for i := range out {
		t := &out[i]
		cols, err := q.QueryContext(ctx, `SELECT name, type, "notnull", dflt_value IS NOT NULL, COALESCE(dflt_value, '') FROM pragma_table_info(?) ORDER BY cid`, t.Name)
		if err != nil {
			return nil, err
		}
		for cols.Next() {
			var c ColumnInfo
			if err := cols.Scan(&c.Name, &c.Type, &c.NotNull, &c.HasDefault, &c.Default); err != nil {
				cols.Close()
				return nil, err
			}
			t.Columns = append(t.Columns, c)
		}
		cols.Close()
		idx, err := q.QueryContext(ctx, `SELECT name FROM pragma_index_list(?) WHERE "unique" = 1 AND partial = 0 AND origin <> 'pk' ORDER BY name`, t.Name)
		if err != nil {
			return nil, err
		}
		var names []string
		for idx.Next() {
			var n string
			if err := idx.Scan(&n); err != nil {
				idx.Close()
				return nil, err
			}
			names = append(names, n)
		}
		idx.Close()
		for _, n := range names {
			k := UniqueKey{Name: n}
			kc, err := q.QueryContext(ctx, `SELECT name, coll FROM pragma_index_xinfo(?) WHERE key = 1 ORDER BY seqno`, n)
			if err != nil {
				return nil, err
			}
			for kc.Next() {
				var name sql.NullString
				var coll string
				if err := kc.Scan(&name, &coll); err != nil {
					kc.Close()
					return nil, err
				}
				k.Columns = append(k.Columns, name.String)
				k.NoCase = append(k.NoCase, strings.EqualFold(coll, "NOCASE"))
			}
			kc.Close()
			t.Unique = append(t.Unique, k)
		}
	}
	return out, nil
}

// Remote runs fn in a write transaction that applies changes made on other
// devices: the capture triggers neither append to the outbox nor audit (the
// change was captured and audited where it was made), the derived caches'
// triggers still run, and foreign keys are not enforced, because replicas
// converge in whatever order their changes arrive. tx.Remote is true.
func (db *DB) Remote(ctx context.Context, fn func(tx *Tx) error) (err error) {
	conn, err := db.write.Conn(ctx)
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, `PRAGMA foreign_keys = OFF`); err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	defer func() {
		if _, e := conn.ExecContext(context.Background(), `PRAGMA foreign_keys = ON`); e != nil && err == nil {
			err = fmt.Errorf("restore foreign keys: %w", e)
		}
	}()
	sqlTx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	tx := &Tx{Tx: sqlTx, ctx: ctx, db: db, Now: db.Now().UTC().Truncate(1e6), Actor: Actor{UserName: "sync"}, Remote: true}
	defer tx.Rollback()
	if tx.HLC, err = nextHLC(ctx, sqlTx, tx.Now); err != nil {
		return err
	}
	if _, err := sqlTx.ExecContext(ctx, `UPDATE tx_context SET active = 1, capture = 0, user_id = '', user_name = 'sync', hlc = ?, now = ?, schema_version = ? WHERE id = 1`,
		tx.HLC.String(), FormatTime(tx.Now), SchemaVersion()); err != nil {
		return fmt.Errorf("begin: set transaction context: %w", err)
	}
	if err := fn(tx); err != nil {
		return err
	}
	if _, err := sqlTx.ExecContext(ctx, `UPDATE tx_context SET capture = 1 WHERE id = 1`); err != nil {
		return fmt.Errorf("commit: %w", err)
	}
	return tx.Commit()
}

// Uncaptured runs fn with capture off inside tx: the rows fn writes go to
// neither the outbox nor the audit log. Only for rewriting this device's own
// rows that no other device has seen yet (enrolment renumbers them, see
// RewritePrefix).
func (tx *Tx) Uncaptured(fn func() error) error {
	if _, err := tx.Tx.ExecContext(tx.ctx, `UPDATE tx_context SET capture = 0 WHERE id = 1`); err != nil {
		return err
	}
	ferr := fn()
	if _, err := tx.Tx.ExecContext(tx.ctx, `UPDATE tx_context SET capture = 1 WHERE id = 1`); err != nil {
		return errors.Join(ferr, err)
	}
	return ferr
}

// RewritePrefix replaces the prefix from with to in column of table, in
// the rows and in their changes still waiting in the outbox, without
// capturing the rewrite: before a device first syncs, nothing it wrote has
// left it, so its provisional numbers can be replaced as if they had been
// issued so. It returns the ids of the rows rewritten.
func (tx *Tx) RewritePrefix(table, column, from, to string) ([]string, error) {
	var ids []string
	err := tx.Uncaptured(func() error {
		q := fmt.Sprintf(`UPDATE %s SET %s = ? || substr(%s, ?) WHERE substr(%s, 1, ?) = ? RETURNING id`,
			quoteIdent(table), quoteIdent(column), quoteIdent(column), quoteIdent(column))
		rows, err := tx.Tx.QueryContext(tx.ctx, q, to, len(from)+1, len(from), from)
		if err != nil {
			return fmt.Errorf("renumber %s: %w", table, err)
		}
		for rows.Next() {
			var id string
			if err := rows.Scan(&id); err != nil {
				rows.Close()
				return err
			}
			ids = append(ids, id)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		path := `$."` + column + `"`
		_, err = tx.Tx.ExecContext(tx.ctx, `UPDATE outbox SET fields = json_set(fields, ?, ? || substr(json_extract(fields, ?), ?))
			WHERE entity = ? AND substr(json_extract(fields, ?), 1, ?) = ?`,
			path, to, path, len(from)+1, table, path, len(from), from)
		if err != nil {
			return fmt.Errorf("renumber %s in the outbox: %w", table, err)
		}
		return nil
	})
	return ids, err
}

// Enrolment is what the server gave this device.
type Enrolment struct {
	ServerURL   string
	ServerID    string
	StationCode string
	Credential  string
}

// SyncState is the device's sync bookkeeping.
type SyncState struct {
	Enrolment
	DeviceID      string
	DeviceName    string
	EnrolledAt    string
	PullCursor    string
	SnapshotDone  bool
	LastSyncAt    string
	LastAttemptAt string
	LastError     string
	ClockWarning  string
}

// SyncState reads the device's sync bookkeeping.
func (db *DB) SyncState(ctx context.Context) (SyncState, error) {
	var s SyncState
	err := db.read.QueryRowContext(ctx, `SELECT device_id, device_name, server_url, server_id, station_code, credential, enrolled_at,
		pull_cursor, snapshot_done, last_sync_at, last_attempt_at, last_error, clock_warning FROM sync_state WHERE id = 1`).
		Scan(&s.DeviceID, &s.DeviceName, &s.ServerURL, &s.ServerID, &s.StationCode, &s.Credential, &s.EnrolledAt,
			&s.PullCursor, &s.SnapshotDone, &s.LastSyncAt, &s.LastAttemptAt, &s.LastError, &s.ClockWarning)
	if err != nil {
		return s, fmt.Errorf("read sync state: %w", err)
	}
	return s, nil
}

// SetEnrolment records the enrolment in tx and makes the device's station
// code the prefix of its numbers from now on.
func (tx *Tx) SetEnrolment(e Enrolment) error {
	if _, err := tx.Tx.ExecContext(tx.ctx, `UPDATE sync_state SET server_url = ?, server_id = ?, station_code = ?, credential = ?,
		enrolled_at = ?, pull_cursor = '', snapshot_done = 0, last_error = '' WHERE id = 1`,
		e.ServerURL, e.ServerID, e.StationCode, e.Credential, FormatTime(tx.Now)); err != nil {
		return fmt.Errorf("record enrolment: %w", err)
	}
	tx.AfterCommit(func() {
		tx.db.mu.Lock()
		tx.db.device.StationCode = e.StationCode
		tx.db.device.ServerURL = e.ServerURL
		tx.db.mu.Unlock()
	})
	return nil
}

// SetPullCursor moves the pull cursor in tx, with the batch it follows.
func (tx *Tx) SetPullCursor(cursor string, snapshotDone bool) error {
	_, err := tx.Tx.ExecContext(tx.ctx, `UPDATE sync_state SET pull_cursor = ?, snapshot_done = ? WHERE id = 1`, cursor, snapshotDone)
	return err
}

// RecordSyncAttempt records the end of a sync round: its time, and its
// error ("" when it succeeded, which also sets the last sync time).
func (db *DB) RecordSyncAttempt(ctx context.Context, errText, clockWarning string) error {
	now := FormatTime(db.Now())
	_, err := db.write.ExecContext(ctx, `UPDATE sync_state SET last_attempt_at = ?, last_error = ?,
		last_sync_at = CASE WHEN ? = '' THEN ? ELSE last_sync_at END,
		clock_warning = CASE WHEN ? <> '' THEN ? ELSE clock_warning END WHERE id = 1`,
		now, errText, errText, now, clockWarning, clockWarning)
	return err
}

// ObserveHLC advances the device's clock in tx past a clock read from
// another device, so that what this device writes next orders after it.
func (tx *Tx) ObserveHLC(remote HLC) error {
	var h HLC
	if err := tx.Tx.QueryRowContext(tx.ctx, `SELECT hlc_wall, hlc_counter FROM sync_state WHERE id = 1`).Scan(&h.Wall, &h.Counter); err != nil {
		return err
	}
	if remote.Wall < h.Wall || (remote.Wall == h.Wall && remote.Counter <= h.Counter) {
		return nil
	}
	_, err := tx.Tx.ExecContext(tx.ctx, `UPDATE sync_state SET hlc_wall = ?, hlc_counter = ? WHERE id = 1`, remote.Wall, remote.Counter)
	return err
}

// DescribeSchemaRows is DescribeSchema with the rows the migrations put
// in the synced tables (default settings, payment methods), as JSON objects
// the way capture writes them: every workstation has them from the start,
// so the server must know them too.
func DescribeSchemaRows(ctx context.Context) ([]TableInfo, map[string][]string, error) {
	var tables []TableInfo
	rows := map[string][]string{}
	err := withScratch(ctx, func(db *DB) error {
		var err error
		if tables, err = db.Tables(ctx); err != nil {
			return err
		}
		for _, t := range tables {
			if !t.Synced() {
				continue
			}
			rs, err := db.read.QueryContext(ctx, fmt.Sprintf(`SELECT %s FROM %s ORDER BY id`, t.RowJSON(), quoteIdent(t.Name)))
			if err != nil {
				return err
			}
			for rs.Next() {
				var j string
				if err := rs.Scan(&j); err != nil {
					rs.Close()
					return err
				}
				rows[t.Name] = append(rows[t.Name], j)
			}
			rs.Close()
			if err := rs.Err(); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return nil, nil, fmt.Errorf("describe schema: %w", err)
	}
	return tables, rows, nil
}

// ResetIdentity gives this database a new device identity in tx, for a
// database that was copied from (or restored over) an enrolled workstation:
// the server refuses two devices with one identity. The enrolment and the
// pull position go; the changes still waiting stay, renumbered from 1 for
// the new identity (the server refuses those it already received from the
// original, with a reason, and applies the rest). It returns the new id.
func (tx *Tx) ResetIdentity() (string, error) {
	id := NewID()
	ctx := tx.ctx
	var n int64
	if err := tx.Tx.QueryRowContext(ctx, `SELECT count(*) FROM outbox`).Scan(&n); err != nil {
		return "", err
	}
	// Two steps, so no intermediate seq collides with another row's.
	for _, q := range []string{
		`UPDATE outbox SET seq = seq + 1000000000000`,
		`UPDATE outbox SET seq = (SELECT count(*) FROM outbox o WHERE o.seq <= outbox.seq)`,
	} {
		if _, err := tx.Tx.ExecContext(ctx, q); err != nil {
			return "", fmt.Errorf("reset identity: %w", err)
		}
	}
	if _, err := tx.Tx.ExecContext(ctx, `UPDATE sync_state SET device_id = ?, last_seq = ?, server_url = '', server_id = '', credential = '',
		enrolled_at = '', pull_cursor = '', snapshot_done = 0, last_error = '' WHERE id = 1`, id, n); err != nil {
		return "", fmt.Errorf("reset identity: %w", err)
	}
	tx.AfterCommit(func() {
		tx.db.mu.Lock()
		tx.db.device.ID = id
		tx.db.device.ServerURL = ""
		tx.db.mu.Unlock()
	})
	return id, nil
}

// SetWriteCache sizes the write connection's page cache, in KiB; 0 is
// SQLite's default. A snapshot of a whole business writes into a dozen
// indexes at once, and a large cache keeps their pages at hand.
func (db *DB) SetWriteCache(ctx context.Context, kib int) error {
	if kib <= 0 {
		kib = 2000
	}
	_, err := db.write.ExecContext(ctx, fmt.Sprintf("PRAGMA cache_size = -%d", kib))
	return err
}
