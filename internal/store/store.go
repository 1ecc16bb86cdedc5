// Package store opens the workstation's SQLite database: pragmas, a
// single-connection write pool beside a read pool, numbered embedded
// migrations, the write transaction helper and change capture (every write to
// a registered table appends to the outbox and the audit log in the same
// transaction, through triggers the store generates).
package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/google/uuid"
	"github.com/mattn/go-sqlite3"
)

// DriverName is the database/sql driver the store registers: go-sqlite3 with
// the pragmas applied in order on every connection and the functions the
// capture triggers use.
const DriverName = "oms_sqlite3"

var registerOnce sync.Once

func register() {
	registerOnce.Do(func() {
		sql.Register(DriverName, &sqlite3.SQLiteDriver{
			ConnectHook: func(c *sqlite3.SQLiteConn) error {
				// busy_timeout first, so the next pragmas wait for a lock instead of failing.
				for _, p := range []string{
					"PRAGMA busy_timeout = 10000",
					"PRAGMA journal_mode = WAL",
					"PRAGMA synchronous = NORMAL",
					"PRAGMA foreign_keys = ON",
					"PRAGMA temp_store = MEMORY",
				} {
					if _, err := c.Exec(p, nil); err != nil {
						return fmt.Errorf("%s: %w", p, err)
					}
				}
				return c.RegisterFunc("oms_uuid7", NewID, false)
			},
		})
	})
}

// NewID returns a new UUIDv7 as text.
func NewID() string {
	return uuid.Must(uuid.NewV7()).String()
}

// DB is an open workstation database.
type DB struct {
	Path string

	write *sql.DB // one connection: SQLite has one writer
	read  *sql.DB

	// Now returns the current time; tests replace it.
	Now func() time.Time

	ckpt *checkpointer

	mu       sync.Mutex // guards device and onCommit
	device   Device
	onCommit []func(remote bool)
}

// OnCommit registers fn to run after every write transaction commits (the
// desktop app tells the UI that the outbox changed, sync pushes soon after a
// local write); remote is true for a transaction that applied changes from
// other devices. fn must not block.
func (db *DB) OnCommit(fn func(remote bool)) {
	db.mu.Lock()
	defer db.mu.Unlock()
	db.onCommit = append(db.onCommit, fn)
}

func (db *DB) committed(remote bool) {
	if db.ckpt != nil {
		db.ckpt.poke()
	}
	db.mu.Lock()
	fns := append([]func(bool){}, db.onCommit...)
	db.mu.Unlock()
	for _, fn := range fns {
		fn(remote)
	}
}

// Open opens (creating if needed) the database file at path, applies pending
// migrations, regenerates the change-capture triggers and makes sure the
// device identity exists.
func Open(ctx context.Context, path string) (*DB, error) {
	register()
	if path == "" {
		return nil, errors.New("open database: empty path")
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, fmt.Errorf("create data directory: %w", err)
	}
	db := &DB{Path: path, Now: time.Now}
	var err error
	if db.write, err = sql.Open(DriverName, dsn(path, "_txlock=immediate")); err != nil {
		return nil, fmt.Errorf("open database: %w", err)
	}
	db.write.SetMaxOpenConns(1)
	db.write.SetMaxIdleConns(1)
	db.write.SetConnMaxLifetime(0)
	if err := db.write.PingContext(ctx); err != nil {
		db.write.Close()
		return nil, fmt.Errorf("open database %s: %w", path, err)
	}
	// Checkpoints run beside the writer, not inside its commits (checkpoint.go).
	if _, err := db.write.ExecContext(ctx, `PRAGMA wal_autocheckpoint = 0`); err != nil {
		db.write.Close()
		return nil, fmt.Errorf("open database: %w", err)
	}
	if err := db.migrate(ctx); err != nil {
		db.write.Close()
		return nil, err
	}
	if err := db.initDevice(ctx); err != nil {
		db.write.Close()
		return nil, err
	}
	if db.read, err = sql.Open(DriverName, dsn(path, "_query_only=1")); err != nil {
		db.write.Close()
		return nil, fmt.Errorf("open database: %w", err)
	}
	db.read.SetMaxOpenConns(4)
	db.read.SetMaxIdleConns(4)
	if db.ckpt, err = startCheckpointer(path); err != nil {
		db.Close()
		return nil, fmt.Errorf("open database: %w", err)
	}
	return db, nil
}

// stmtCacheSize is how many prepared statements each connection keeps:
// preparing the same SQL again and again was a third of a confirm's time.
const stmtCacheSize = 128

func dsn(path string, extra ...string) string {
	q := append([]string{"_loc=UTC", fmt.Sprintf("_stmt_cache_size=%d", stmtCacheSize)}, extra...)
	return "file:" + path + "?" + strings.Join(q, "&")
}

// Close closes both pools.
func (db *DB) Close() error {
	var errs []error
	if db.ckpt != nil {
		errs = append(errs, db.ckpt.close())
		db.ckpt = nil
	}
	if db.read != nil {
		errs = append(errs, db.read.Close())
	}
	if db.write != nil {
		errs = append(errs, db.write.Close())
	}
	return errors.Join(errs...)
}

// Reader returns the read pool: queries only, any number at once.
func (db *DB) Reader() *sql.DB { return db.read }

// Device returns this workstation's identity.
func (db *DB) Device() Device {
	db.mu.Lock()
	defer db.mu.Unlock()
	return db.device
}
