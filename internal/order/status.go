package order

import (
	"context"
	"fmt"
	"strings"

	"oms/internal/catalog"
	"oms/internal/errs"
	"oms/internal/stock"
	"oms/internal/store"
)

// Status is where an order is in its lifecycle.
type Status string

// Statuses, in lifecycle order; cancelled ends an order before shipping.
const (
	StatusDraft     Status = "draft"
	StatusConfirmed Status = "confirmed"
	StatusPicking   Status = "picking"
	StatusPacked    Status = "packed"
	StatusShipped   Status = "shipped"
	StatusDelivered Status = "delivered"
	StatusCancelled Status = "cancelled"
)

// statusDeleted appears only in the history of a deleted draft.
const statusDeleted Status = "deleted"

// lifecycle is the forward path; stage gives each status its place in it.
var lifecycle = []Status{StatusDraft, StatusConfirmed, StatusPicking, StatusPacked, StatusShipped, StatusDelivered}

// transitions is the one table of allowed status changes.
var transitions = map[Status][]Status{
	StatusDraft:     {StatusConfirmed, StatusCancelled},
	StatusConfirmed: {StatusPicking, StatusCancelled},
	StatusPicking:   {StatusPacked, StatusCancelled},
	StatusPacked:    {StatusShipped, StatusCancelled},
	StatusShipped:   {StatusDelivered},
	StatusDelivered: nil,
	StatusCancelled: nil,
}

func stage(s Status) int {
	for i, l := range lifecycle {
		if l == s {
			return i
		}
	}
	return -1
}

// checkTransition returns nil if from may go to to, else EINVALID on
// "status" with a sentence saying why.
func checkTransition(from, to Status) error {
	for _, t := range transitions[from] {
		if t == to {
			return nil
		}
	}
	switch {
	case stage(to) < 0 && to != StatusCancelled:
		return errs.Invalid("status", "%q is not an order status.", to)
	case from == StatusCancelled:
		return errs.Invalid("status", "A cancelled order cannot change.")
	case to == StatusCancelled:
		return errs.Invalid("status", "A %s order can no longer be cancelled; make a return instead.", from)
	case from == StatusDelivered:
		return errs.Invalid("status", "A delivered order cannot change status.")
	case stage(to) <= stage(from):
		return errs.Invalid("status", "A %s order cannot go back to %s.", from, to)
	default:
		return errs.Invalid("status", "A %s order cannot skip to %s; it goes to %s next.", from, to, lifecycle[stage(from)+1])
	}
}

func addEvent(tx *store.Tx, orderID string, from, to Status, note string) error {
	_, err := tx.ExecContext(tx.Context(), `INSERT INTO order_events (id, order_id, from_status, to_status, user_id, user_name, note, at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, store.NewID(), orderID, from, to, tx.Actor.UserID, tx.Actor.UserName,
		note, store.FormatTime(tx.Now))
	if err != nil {
		return fmt.Errorf("record order event: %w", err)
	}
	return nil
}

// move checks and records the transition of o to to in tx, bumping its version.
func move(tx *store.Tx, o *Order, to Status, note string) error {
	if err := checkTransition(o.Status, to); err != nil {
		return err
	}
	if _, err := tx.ExecContext(tx.Context(), `UPDATE orders SET status = ?, version = version + 1, updated_at = ? WHERE id = ?`,
		to, store.FormatTime(tx.Now), o.ID); err != nil {
		return fmt.Errorf("update order status: %w", err)
	}
	if err := addEvent(tx, o.ID, o.Status, to, note); err != nil {
		return err
	}
	o.Status = to
	return nil
}

func checkNote(note string) (string, error) {
	note = strings.TrimSpace(note)
	if err := checkNotes(note); err != nil {
		return "", errs.Invalid("note", "A note must be text of at most %d characters.", MaxNotes)
	}
	return note, nil
}

// Confirm confirms the draft saved at version and reserves its lines'
// stock in the order's warehouse in the same transaction. A line with too
// little available keeps the short quantity backordered rather than
// failing. ErrChanged; EINVALID on "status" for anything but a draft, on
// "lines" for an order without lines, on "warehouseId" without a
// warehouse; catalog.ErrArchived (ECONFLICT) if a line's product was
// archived; ENOTFOUND.
func (s *Service) Confirm(ctx context.Context, actor store.Actor, id string, version int64) (*Order, error) {
	err := s.db.Update(ctx, actor, func(tx *store.Tx) error {
		o, err := findOrder(ctx, tx, id)
		if err != nil {
			return err
		}
		if o.Version != version {
			return ErrChanged
		}
		if err := checkTransition(o.Status, StatusConfirmed); err != nil {
			return err
		}
		lines, err := findLines(ctx, tx, id)
		if err != nil {
			return err
		}
		if len(lines) == 0 {
			return errs.Invalid("lines", "Add at least one line before confirming the order.")
		}
		if o.WarehouseID == "" {
			return errs.Invalid("warehouseId", "Choose the warehouse the order ships from.")
		}
		for i, l := range lines {
			if _, err := catalog.Sellable(ctx, tx, l.ProductID); err != nil {
				return errs.Prefix(fmt.Sprintf("lines[%d]", i), err)
			}
			avail, err := stock.Available(ctx, tx, l.ProductID, o.WarehouseID)
			if err != nil {
				return err
			}
			reserve := min(max(avail, 0), l.Quantity)
			if reserve > 0 {
				if _, err := stock.Reserve(tx, stock.Request{ProductID: l.ProductID, WarehouseID: o.WarehouseID, Quantity: reserve,
					RefType: stock.RefOrder, RefID: o.ID, Reason: "Order " + o.Number}); err != nil {
					return fmt.Errorf("reserve line %d: %w", l.LineNo, err)
				}
			}
			if _, err := tx.ExecContext(ctx, `UPDATE order_lines SET reserved = ?, backordered = ?, updated_at = ? WHERE id = ?`,
				reserve, l.Quantity-reserve, store.FormatTime(tx.Now), l.ID); err != nil {
				return fmt.Errorf("update line reservation: %w", err)
			}
		}
		return move(tx, o, StatusConfirmed, "")
	})
	if err != nil {
		return nil, err
	}
	return s.FindOrderByID(ctx, id)
}

// Cancel cancels an order not yet shipped and releases the stock it holds,
// in one transaction. What was paid is owed back: one pending refund per
// payment method is recorded in the same transaction, for SettleRefund to
// pay out. note says why. EINVALID on "status" for a shipped,
// delivered or cancelled order, or on "note"; ENOTFOUND.
func (s *Service) Cancel(ctx context.Context, actor store.Actor, id, note string) (*Order, error) {
	note, err := checkNote(note)
	if err != nil {
		return nil, err
	}
	err = s.db.Update(ctx, actor, func(tx *store.Tx) error {
		o, err := findOrder(ctx, tx, id)
		if err != nil {
			return err
		}
		if shipped, err := shippedUnits(tx, o.ID); err != nil {
			return err
		} else if shipped > 0 {
			return errs.Invalid("status", "%d units of order %s have shipped already; it can no longer be cancelled. Make a return for what comes back.", shipped, o.Number)
		}
		if err := move(tx, o, StatusCancelled, note); err != nil {
			return err
		}
		// Payments (payment.go): what was paid is owed back, as pending refunds.
		if err := refundOnCancel(tx, o, note); err != nil {
			return err
		}
		if _, err := stock.ReleaseAll(tx, stock.RefOrder, o.ID, "Order "+o.Number+" cancelled"); err != nil {
			return fmt.Errorf("release reservations: %w", err)
		}
		if _, err := tx.ExecContext(ctx, `UPDATE order_lines SET reserved = 0, updated_at = ? WHERE order_id = ? AND reserved <> 0`,
			store.FormatTime(tx.Now), o.ID); err != nil {
			return fmt.Errorf("clear line reservations: %w", err)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return s.FindOrderByID(ctx, id)
}

// Advance moves a confirmed order one step along its lifecycle: picking,
// packed, shipped, delivered. Shipping releases the order's reservations
// and takes every line's quantity off the warehouse's stock in the same
// transaction (the whole order ships at once: partial shipments and
// and picking by scanning go through ShipLines and Pick). EINVALID on
// "status" for a step skipped or back, for confirmed and cancelled (use
// Confirm and Cancel), or for an order that has shipments; ENOTFOUND.
func (s *Service) Advance(ctx context.Context, actor store.Actor, id string, to Status, note string) (*Order, error) {
	switch to {
	case StatusConfirmed:
		return nil, errs.Invalid("status", "Confirm the order to reserve its stock.")
	case StatusCancelled:
		return nil, errs.Invalid("status", "Cancel the order to release its stock.")
	}
	note, err := checkNote(note)
	if err != nil {
		return nil, err
	}
	err = s.db.Update(ctx, actor, func(tx *store.Tx) error {
		o, err := findOrder(ctx, tx, id)
		if err != nil {
			return err
		}
		// Shipments (internal/shipping) carry an order that has any.
		if shipped, err := shippedUnits(tx, o.ID); err != nil {
			return err
		} else if shipped > 0 && (to == StatusPacked || to == StatusShipped) {
			return errs.Invalid("status", "Order %s ships in shipments; it moves on as they are packed, travel and are delivered.", o.Number)
		}
		if err := move(tx, o, to, note); err != nil {
			return err
		}
		if to == StatusShipped {
			short, err := backorderedUnits(tx, o.ID)
			if err != nil {
				return err
			}
			if short > 0 {
				return errs.Invalid("status", "%d units of this order are backordered; allocate stock to them or change the order before it ships.", short)
			}
			return ship(tx, o)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return s.FindOrderByID(ctx, id)
}

// ship ends the order's reservations and records the sale of its lines.
func ship(tx *store.Tx, o *Order) error {
	if _, err := stock.ReleaseAll(tx, stock.RefOrder, o.ID, "Order "+o.Number+" shipped"); err != nil {
		return fmt.Errorf("release reservations: %w", err)
	}
	lines, err := findLines(tx.Context(), tx, o.ID)
	if err != nil {
		return err
	}
	for _, l := range lines {
		if _, err := stock.RecordSaleFromBins(tx, stock.Request{ProductID: l.ProductID, WarehouseID: o.WarehouseID, Quantity: l.Quantity,
			RefType: stock.RefOrder, RefID: o.ID, Reason: "Order " + o.Number}); err != nil {
			return fmt.Errorf("record sale of line %d: %w", l.LineNo, err)
		}
	}
	if _, err := tx.ExecContext(tx.Context(), `UPDATE order_lines SET reserved = 0, backordered = 0, picked = quantity, shipped = quantity,
		updated_at = ? WHERE order_id = ?`,
		store.FormatTime(tx.Now), o.ID); err != nil {
		return fmt.Errorf("clear line reservations: %w", err)
	}
	return nil
}
