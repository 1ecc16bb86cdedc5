package store

import (
	"context"
	"encoding/json"
	"fmt"
)

// AuditEntry is one line of the audit log.
type AuditEntry struct {
	ID       string
	At       string
	UserID   string
	UserName string
	DeviceID string
	Action   string
	Entity   string
	EntityID string
	Changes  string // JSON
}

// Audit records an action that is not a row change (a failed login, an
// export, an erasure) in the audit log, within tx. details is marshalled to JSON.
func (tx *Tx) Audit(action, entity, entityID string, details any) error {
	b, err := json.Marshal(details)
	if err != nil {
		return fmt.Errorf("audit %s: %w", action, err)
	}
	_, err = tx.ExecContext(tx.ctx, `INSERT INTO audit_log (id, at, user_id, user_name, device_id, action, entity, entity_id, changes)
		SELECT ?, ?, ?, ?, device_id, ?, ?, ?, ? FROM sync_state WHERE id = 1`,
		NewID(), FormatTime(tx.Now), tx.Actor.UserID, tx.Actor.UserName, action, entity, entityID, string(b))
	if err != nil {
		return fmt.Errorf("audit %s: %w", action, err)
	}
	return nil
}

// AuditFilter selects audit entries; zero fields select all. Limit defaults
// to 200 and is capped at 5000.
type AuditFilter struct {
	Entity   string
	EntityID string
	Limit    int
}

// FindAudit returns audit entries matching f, newest first.
func (db *DB) FindAudit(ctx context.Context, f AuditFilter) ([]AuditEntry, error) {
	if f.Limit <= 0 {
		f.Limit = 200
	} else if f.Limit > 5000 {
		f.Limit = 5000
	}
	rows, err := db.read.QueryContext(ctx, `SELECT id, at, user_id, user_name, device_id, action, entity, entity_id, changes
		FROM audit_log
		WHERE (? = '' OR entity = ?) AND (? = '' OR entity_id = ?)
		ORDER BY at DESC, id DESC LIMIT ?`, f.Entity, f.Entity, f.EntityID, f.EntityID, f.Limit)
	if err != nil {
		return nil, fmt.Errorf("find audit: %w", err)
	}
	defer rows.Close()
	var out []AuditEntry
	for rows.Next() {
		var e AuditEntry
		if err := rows.Scan(&e.ID, &e.At, &e.UserID, &e.UserName, &e.DeviceID, &e.Action, &e.Entity, &e.EntityID, &e.Changes); err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	return out, rows.Err()
}
