package store

import (
	"context"
	"fmt"
)

// Change is one captured change waiting in the outbox.
type Change struct {
	Seq           int64 // device_seq
	ID            string
	Entity        string
	EntityID      string
	Op            string
	Fields        string // JSON object
	HLC           string
	UserID        string
	SchemaVersion int
	CreatedAt     string
}

// PendingChanges returns how many changes wait in the outbox.
func (db *DB) PendingChanges(ctx context.Context) (int, error) {
	var n int
	if err := db.read.QueryRowContext(ctx, `SELECT count(*) FROM outbox`).Scan(&n); err != nil {
		return 0, fmt.Errorf("count outbox: %w", err)
	}
	return n, nil
}

// Outbox returns up to limit waiting changes after device_seq after, in order.
func (db *DB) Outbox(ctx context.Context, after int64, limit int) ([]Change, error) {
	rows, err := db.read.QueryContext(ctx, `SELECT seq, id, entity, entity_id, op, fields, hlc, user_id, schema_version, created_at
		FROM outbox WHERE seq > ? ORDER BY seq LIMIT ?`, after, limit)
	if err != nil {
		return nil, fmt.Errorf("read outbox: %w", err)
	}
	defer rows.Close()
	var out []Change
	for rows.Next() {
		var c Change
		if err := rows.Scan(&c.Seq, &c.ID, &c.Entity, &c.EntityID, &c.Op, &c.Fields, &c.HLC, &c.UserID, &c.SchemaVersion, &c.CreatedAt); err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, rows.Err()
}
