package sync

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"oms/internal/errs"
	"oms/internal/order"
	"oms/internal/store"
)

// Exception is a rule that merged data broke, raised by the server and
// synced to every workstation, for a manager to settle.
type Exception struct {
	ID          string   `json:"id"`
	Kind        string   `json:"kind"` // oversold | cancel_ship
	ProductID   string   `json:"productId"`
	WarehouseID string   `json:"warehouseId"`
	OrderID     string   `json:"orderId"`
	Orders      []string `json:"orders"`
	Shortage    int64    `json:"shortage"`
	Detail      string   `json:"detail"`
	Status      string   `json:"status"` // open | settled
	Resolution  string   `json:"resolution"`
	Note        string   `json:"note"`
	SettledBy   string   `json:"settledBy"`
	SettledAt   string   `json:"settledAt"`
	CreatedAt   string   `json:"createdAt"`
	UpdatedAt   string   `json:"updatedAt"`
}

// Resolutions of an exception.
var Resolutions = []string{"backorder", "transfer", "refund", "accept"}

const exceptionCols = `id, kind, product_id, warehouse_id, order_id, orders, shortage, detail, status, resolution, note, settled_by, settled_at, created_at, updated_at`

func scanException(scan func(...any) error) (*Exception, error) {
	var e Exception
	var orders string
	if err := scan(&e.ID, &e.Kind, &e.ProductID, &e.WarehouseID, &e.OrderID, &orders, &e.Shortage, &e.Detail, &e.Status, &e.Resolution,
		&e.Note, &e.SettledBy, &e.SettledAt, &e.CreatedAt, &e.UpdatedAt); err != nil {
		return nil, err
	}
	if err := json.Unmarshal([]byte(orders), &e.Orders); err != nil || e.Orders == nil {
		e.Orders = []string{}
	}
	return &e, nil
}

// FindExceptions lists the exceptions with status ("open", "settled" or ""
// for all), newest first, at most limit (1 to 500).
func FindExceptions(ctx context.Context, db *store.DB, status string, limit int) ([]*Exception, error) {
	if limit <= 0 || limit > 500 {
		limit = 500
	}
	rows, err := db.Reader().QueryContext(ctx, `SELECT `+exceptionCols+` FROM sync_exceptions
		WHERE ? = '' OR status = ? ORDER BY created_at DESC, id LIMIT ?`, status, status, limit)
	if err != nil {
		return nil, fmt.Errorf("find exceptions: %w", err)
	}
	defer rows.Close()
	var out []*Exception
	for rows.Next() {
		e, err := scanException(rows.Scan)
		if err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	return out, rows.Err()
}

// CountOpenExceptions counts the exceptions waiting for a manager.
func CountOpenExceptions(ctx context.Context, db *store.DB) (int, error) {
	var n int
	err := db.Reader().QueryRowContext(ctx, `SELECT count(*) FROM sync_exceptions WHERE status = 'open'`).Scan(&n)
	return n, err
}

// Settlement is how a manager settles an exception.
type Settlement struct {
	Resolution string `json:"resolution"` // backorder, transfer, refund or accept
	// OrderID is the order to backorder from (one of the exception's
	// orders), for the resolution backorder of an oversell.
	OrderID string `json:"orderId"`
	Note    string `json:"note"`
}

// MaxNote is the longest settlement note.
const MaxNote = 500

// SettleException settles an open exception. For backorder, the chosen
// order's reserved units of the product go back to backorder, as many as
// the shortage; when that order has fewer, the exception stays open with
// the shortage left, for another order. transfer and refund record what the
// manager did on the transfer or order screens; accept takes the loss
// (goods found, or a count will correct it).
func SettleException(ctx context.Context, db *store.DB, actor store.Actor, id string, in Settlement) (*Exception, error) {
	if !slices.Contains(Resolutions, in.Resolution) {
		return nil, errs.Invalid("resolution", "Choose how it was settled: backorder, transfer, refund or accept.")
	}
	in.Note = strings.TrimSpace(in.Note)
	if !utf8.ValidString(in.Note) || utf8.RuneCountInString(in.Note) > MaxNote {
		return nil, errs.Invalid("note", "The note must be text of at most %d characters.", MaxNote)
	}
	var out *Exception
	err := db.Update(ctx, actor, func(tx *store.Tx) error {
		e, err := scanException(tx.QueryRowContext(ctx, `SELECT `+exceptionCols+` FROM sync_exceptions WHERE id = ?`, id).Scan)
		if errors.Is(err, sql.ErrNoRows) {
			return errs.Errorf(errs.ENOTFOUND, "This exception does not exist (any more).")
		}
		if err != nil {
			return err
		}
		if e.Status != "open" {
			return errs.Errorf(errs.ECONFLICT, "This exception was already settled by %s.", e.SettledBy)
		}
		shortage := e.Shortage
		note := in.Note
		if in.Resolution == "backorder" {
			if e.Kind != "oversold" {
				return errs.Invalid("resolution", "Only an oversell can be settled by a backorder; this order shipped and stays shipped.")
			}
			if !slices.Contains(e.Orders, in.OrderID) {
				return errs.Invalid("orderId", "Choose one of the orders involved to backorder.")
			}
			moved, err := order.BackorderReserved(tx, in.OrderID, e.ProductID, max(shortage, 1), in.Note)
			if err != nil {
				return err
			}
			if moved == 0 {
				return errs.Invalid("orderId", "That order has none of this product reserved any more: choose another.")
			}
			shortage = max(shortage-moved, 0)
			note = strings.TrimSpace(fmt.Sprintf("%d backordered. %s", moved, in.Note))
		}
		status, by, at := "settled", actor.UserName, store.FormatTime(tx.Now)
		if in.Resolution == "backorder" && shortage > 0 {
			status, by, at = "open", "", ""
		}
		if _, err := tx.ExecContext(ctx, `UPDATE sync_exceptions SET status = ?, resolution = ?, note = ?, shortage = ?, settled_by = ?, settled_at = ?, updated_at = ?
			WHERE id = ?`, status, in.Resolution, note, shortage, by, at, store.FormatTime(tx.Now), id); err != nil {
			return fmt.Errorf("settle exception: %w", err)
		}
		out, err = scanException(tx.QueryRowContext(ctx, `SELECT `+exceptionCols+` FROM sync_exceptions WHERE id = ?`, id).Scan)
		return err
	})
	return out, err
}

// InboxEntry is a change the server refused or this workstation could not apply.
type InboxEntry struct {
	ID        string `json:"id"`
	Direction string `json:"direction"` // push | pull
	ChangeID  string `json:"changeId"`
	Entity    string `json:"entity"`
	EntityID  string `json:"entityId"`
	Op        string `json:"op"`
	Fields    string `json:"fields"`
	Reason    string `json:"reason"`
	At        string `json:"at"`
}

// Inbox lists the newest inbox entries, at most limit (1 to 500).
func Inbox(ctx context.Context, db *store.DB, limit int) ([]*InboxEntry, int, error) {
	if limit <= 0 || limit > 500 {
		limit = 500
	}
	var total int
	if err := db.Reader().QueryRowContext(ctx, `SELECT count(*) FROM sync_inbox`).Scan(&total); err != nil {
		return nil, 0, err
	}
	rows, err := db.Reader().QueryContext(ctx, `SELECT id, direction, change_id, entity, entity_id, op, fields, reason, at
		FROM sync_inbox ORDER BY at DESC, id DESC LIMIT ?`, limit)
	if err != nil {
		return nil, 0, err
	}
	defer rows.Close()
	var out []*InboxEntry
	for rows.Next() {
		var e InboxEntry
		if err := rows.Scan(&e.ID, &e.Direction, &e.ChangeID, &e.Entity, &e.EntityID, &e.Op, &e.Fields, &e.Reason, &e.At); err != nil {
			return nil, 0, err
		}
		out = append(out, &e)
	}
	return out, total, rows.Err()
}
