package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"
)

// timeFormat is how the store writes times: UTC, millisecond precision,
// fixed width so text order is time order.
const timeFormat = "2006-01-02T15:04:05.000Z"

// FormatTime formats t the way the store writes times.
func FormatTime(t time.Time) string { return t.UTC().Format(timeFormat) }

// ParseTime parses a time written by FormatTime; "" gives the zero time.
func ParseTime(s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	return time.Parse(timeFormat, s)
}

// Actor is who a write is done for: a user, or a named system actor (the
// command line, a scheduled job) with an empty UserID.
type Actor struct {
	UserID   string
	UserName string
}

// Tx is a write transaction. Its Now and HLC are fixed when it begins, so
// every row it writes carries the same time, and tests can set db.Now.
type Tx struct {
	*sql.Tx
	ctx   context.Context
	db    *DB
	Now   time.Time
	Actor Actor
	HLC   HLC
	// Remote is true in a transaction applying other devices' changes (Remote).
	Remote bool

	afterCommit []func()
	done        bool
}

// BeginTx starts a write transaction for actor. Writes through it are
// captured (outbox, audit). The caller must Commit or Rollback; deferring
// Rollback after a Commit is harmless.
func (db *DB) BeginTx(ctx context.Context, actor Actor) (*Tx, error) {
	sqlTx, err := db.write.BeginTx(ctx, nil)
	if err != nil {
		return nil, fmt.Errorf("begin: %w", err)
	}
	tx := &Tx{Tx: sqlTx, ctx: ctx, db: db, Now: db.Now().UTC().Truncate(time.Millisecond), Actor: actor}
	if tx.HLC, err = nextHLC(ctx, sqlTx, tx.Now); err != nil {
		sqlTx.Rollback()
		return nil, err
	}
	if _, err := sqlTx.ExecContext(ctx, `UPDATE tx_context SET active = 1, capture = 1, user_id = ?, user_name = ?, hlc = ?, now = ?, schema_version = ? WHERE id = 1`,
		actor.UserID, actor.UserName, tx.HLC.String(), FormatTime(tx.Now), SchemaVersion()); err != nil {
		sqlTx.Rollback()
		return nil, fmt.Errorf("begin: set transaction context: %w", err)
	}
	return tx, nil
}

// Update runs fn in a write transaction for actor and commits if fn returns nil.
func (db *DB) Update(ctx context.Context, actor Actor, fn func(tx *Tx) error) error {
	tx, err := db.BeginTx(ctx, actor)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := fn(tx); err != nil {
		return err
	}
	return tx.Commit()
}

// Context returns the context the transaction was begun with.
func (tx *Tx) Context() context.Context { return tx.ctx }

// Device returns this workstation's identity, for numbering within the
// transaction by station code.
func (tx *Tx) Device() Device { return tx.db.Device() }

// AfterCommit registers fn to run once the transaction has committed; it
// never runs if the transaction rolls back.
func (tx *Tx) AfterCommit(fn func()) { tx.afterCommit = append(tx.afterCommit, fn) }

// Commit clears the transaction context, commits and runs the after-commit hooks.
func (tx *Tx) Commit() error {
	if tx.done {
		return fmt.Errorf("commit: transaction already finished")
	}
	if _, err := tx.Tx.ExecContext(tx.ctx, `UPDATE tx_context SET active = 0, user_id = '', user_name = '' WHERE id = 1`); err != nil {
		return fmt.Errorf("commit: clear transaction context: %w", err)
	}
	tx.done = true
	if err := tx.Tx.Commit(); err != nil {
		return fmt.Errorf("commit: %w", err)
	}
	for _, fn := range tx.afterCommit {
		fn()
	}
	tx.db.committed(tx.Remote)
	return nil
}

// Rollback aborts the transaction unless it has already finished.
func (tx *Tx) Rollback() error {
	if tx.done {
		return nil
	}
	tx.done = true
	return tx.Tx.Rollback()
}
