// Package server is the sync hub and public API (`oms serve`): it enrols
// devices, takes their pushes, serves pulls and snapshots, and raises the
// exceptions no single workstation can see. It keeps every synced row as a
// merged document (fields and their clocks) in a generic table, on SQLite
// (a file, the default) or PostgreSQL; the SQL is the same for both.
package server

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // the PostgreSQL driver
	_ "github.com/mattn/go-sqlite3"    // the SQLite driver

	"oms/internal/store"
)

// DB is the server's database.
type DB struct {
	sql *sql.DB
	pg  bool
	URL string
}

// schema is the server's own tables. Positions order the change log; pushes
// serialize on the srv_meta row, so a position is visible only after every
// smaller one is (see push.go).
var schema = []string{
	`CREATE TABLE IF NOT EXISTS srv_meta (
		id INTEGER PRIMARY KEY,
		server_id TEXT NOT NULL,
		position BIGINT NOT NULL,
		next_station BIGINT NOT NULL,
		hlc_wall BIGINT NOT NULL,
		hlc_counter BIGINT NOT NULL,
		web_seq BIGINT NOT NULL DEFAULT 0,
		created_at TEXT NOT NULL
	)`,
	`CREATE TABLE IF NOT EXISTS srv_tokens (
		hash TEXT PRIMARY KEY,
		name TEXT NOT NULL,
		created_at TEXT NOT NULL,
		expires_at TEXT NOT NULL,
		used_at TEXT NOT NULL DEFAULT '',
		device_id TEXT NOT NULL DEFAULT ''
	)`,
	`CREATE TABLE IF NOT EXISTS srv_devices (
		id TEXT PRIMARY KEY,
		name TEXT NOT NULL,
		station_code TEXT NOT NULL UNIQUE,
		secret_hash TEXT NOT NULL,
		last_seq BIGINT NOT NULL DEFAULT 0,
		enrolled_at TEXT NOT NULL,
		revoked_at TEXT NOT NULL DEFAULT '',
		last_seen_at TEXT NOT NULL DEFAULT '',
		clock_skew_ms BIGINT NOT NULL DEFAULT 0,
		schema_version INTEGER NOT NULL DEFAULT 0
	)`,
	// One row per change a device sent, applied or rejected, so a change
	// sent again gets the same answer.
	`CREATE TABLE IF NOT EXISTS srv_applied (
		device_id TEXT NOT NULL,
		seq BIGINT NOT NULL,
		change_id TEXT NOT NULL,
		status TEXT NOT NULL,
		reason TEXT NOT NULL,
		PRIMARY KEY (device_id, seq)
	)`,
	// Change ids are unique across devices: the database enforces it.
	`CREATE TABLE IF NOT EXISTS srv_change_ids (
		change_id TEXT PRIMARY KEY,
		device_id TEXT NOT NULL
	)`,
	`CREATE TABLE IF NOT EXISTS srv_log (
		position BIGINT PRIMARY KEY,
		change_id TEXT NOT NULL,
		device_id TEXT NOT NULL,
		seq BIGINT NOT NULL,
		entity TEXT NOT NULL,
		entity_id TEXT NOT NULL,
		op TEXT NOT NULL,
		fields TEXT NOT NULL,
		hlc TEXT NOT NULL,
		user_id TEXT NOT NULL,
		schema_version INTEGER NOT NULL,
		created_at TEXT NOT NULL
	)`,
	`CREATE TABLE IF NOT EXISTS srv_entities (
		entity TEXT NOT NULL,
		id TEXT NOT NULL,
		fields TEXT NOT NULL,
		clocks TEXT NOT NULL,
		deleted TEXT NOT NULL DEFAULT '',
		position BIGINT NOT NULL,
		ref TEXT NOT NULL DEFAULT '',
		PRIMARY KEY (entity, id)
	)`,
	// ref is a line's parent (an order line's order), for the public API.
	`CREATE INDEX IF NOT EXISTS srv_entities_ref ON srv_entities (entity, ref) WHERE ref <> ''`,
	// API keys for other programs; only the hash of a key is kept.
	`CREATE TABLE IF NOT EXISTS srv_api_keys (
		id TEXT PRIMARY KEY,
		name TEXT NOT NULL,
		key_hash TEXT NOT NULL UNIQUE,
		scope TEXT NOT NULL,
		created_at TEXT NOT NULL,
		revoked_at TEXT NOT NULL DEFAULT '',
		last_used_at TEXT NOT NULL DEFAULT ''
	)`,
	// An order created through the API under an Idempotency-Key is created
	// once: the key is enforced by the primary key.
	`CREATE TABLE IF NOT EXISTS srv_api_requests (
		key_id TEXT NOT NULL,
		idempotency_key TEXT NOT NULL,
		order_id TEXT NOT NULL,
		created_at TEXT NOT NULL,
		PRIMARY KEY (key_id, idempotency_key)
	)`,
	// Natural keys (a product's SKU, a customer's code) held by one entity
	// each, enforced by the primary key.
	`CREATE TABLE IF NOT EXISTS srv_keys (
		entity TEXT NOT NULL,
		key_name TEXT NOT NULL,
		key_value TEXT NOT NULL,
		entity_id TEXT NOT NULL,
		PRIMARY KEY (entity, key_name, key_value)
	)`,
	`CREATE INDEX IF NOT EXISTS srv_keys_entity ON srv_keys (entity, entity_id)`,
	// Stock per product and warehouse, summed from the movements merged.
	`CREATE TABLE IF NOT EXISTS srv_stock (
		product_id TEXT NOT NULL,
		warehouse_id TEXT NOT NULL,
		on_hand BIGINT NOT NULL,
		reserved BIGINT NOT NULL,
		recent_orders TEXT NOT NULL DEFAULT '[]',
		PRIMARY KEY (product_id, warehouse_id)
	)`,
}

// OpenDB opens (creating if needed) the server database at url: a
// postgres:// or postgresql:// URL, or else a SQLite file path.
func OpenDB(ctx context.Context, url string) (*DB, error) {
	if strings.TrimSpace(url) == "" {
		return nil, errors.New("open server database: give --db, a file path or a postgres:// URL")
	}
	db := &DB{URL: url}
	var err error
	if strings.HasPrefix(url, "postgres://") || strings.HasPrefix(url, "postgresql://") {
		db.pg = true
		db.sql, err = sql.Open("pgx", url)
		if err == nil {
			db.sql.SetMaxOpenConns(20)
		}
	} else {
		db.sql, err = sql.Open("sqlite3", "file:"+url+"?_busy_timeout=10000&_journal_mode=WAL&_synchronous=NORMAL&_txlock=immediate&_loc=UTC&_stmt_cache_size=64")
		if err == nil {
			db.sql.SetMaxOpenConns(4)
		}
	}
	if err != nil {
		return nil, fmt.Errorf("open server database: %w", err)
	}
	if err := db.sql.PingContext(ctx); err != nil {
		db.sql.Close()
		return nil, fmt.Errorf("open server database: %w", err)
	}
	if err := db.migrate(ctx); err != nil {
		db.sql.Close()
		return nil, err
	}
	return db, nil
}

// Close closes the database.
func (db *DB) Close() error { return db.sql.Close() }

func (db *DB) migrate(ctx context.Context) error {
	tx, err := db.sql.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("create server tables: %w", err)
	}
	defer tx.Rollback()
	if db.pg {
		// Several servers may start at once on one PostgreSQL.
		if _, err := tx.ExecContext(ctx, `SELECT pg_advisory_xact_lock(727001)`); err != nil {
			return fmt.Errorf("create server tables: %w", err)
		}
	}
	for _, s := range schema {
		if _, err := tx.ExecContext(ctx, s); err != nil {
			return fmt.Errorf("create server tables: %w", err)
		}
	}
	if _, err := tx.ExecContext(ctx, db.q(`INSERT INTO srv_meta (id, server_id, position, next_station, hlc_wall, hlc_counter, created_at)
		VALUES (1, ?, 0, 1, 0, 0, ?) ON CONFLICT (id) DO NOTHING`), store.NewID(), store.FormatTime(time.Now())); err != nil {
		return fmt.Errorf("create server tables: %w", err)
	}
	return tx.Commit()
}

// q rewrites ? placeholders as $1, $2, ... for PostgreSQL.
func (db *DB) q(query string) string {
	if !db.pg {
		return query
	}
	var b strings.Builder
	n := 0
	for _, r := range query {
		if r == '?' {
			n++
			b.WriteString("$" + strconv.Itoa(n))
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// ServerID returns the server's identity.
func (db *DB) ServerID(ctx context.Context) (string, error) {
	var id string
	err := db.sql.QueryRowContext(ctx, `SELECT server_id FROM srv_meta WHERE id = 1`).Scan(&id)
	return id, err
}

// dbtx is a transaction with the dialect's placeholders.
type dbtx struct {
	*sql.Tx
	db  *DB
	ctx context.Context
}

func (db *DB) begin(ctx context.Context) (*dbtx, error) {
	tx, err := db.sql.BeginTx(ctx, nil)
	if err != nil {
		return nil, err
	}
	return &dbtx{Tx: tx, db: db, ctx: ctx}, nil
}

func (t *dbtx) exec(query string, args ...any) (sql.Result, error) {
	return t.Tx.ExecContext(t.ctx, t.db.q(query), args...)
}

func (t *dbtx) queryRow(query string, args ...any) *sql.Row {
	return t.Tx.QueryRowContext(t.ctx, t.db.q(query), args...)
}

func (t *dbtx) query(query string, args ...any) (*sql.Rows, error) {
	return t.Tx.QueryContext(t.ctx, t.db.q(query), args...)
}
