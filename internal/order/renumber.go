package order

import (
	"fmt"
	"strings"

	"oms/internal/store"
)

// RenumberLocal gives this workstation's provisional numbers (LOCAL-…,
// issued before it enrolled) its station code, in the enrolment's
// transaction: LOCAL-000012 becomes A1-000012 and LOCAL-R000003 becomes
// A1-R000003, so they never collide with another station's, and the
// station's series go on after them. Nothing has left the device yet, so
// the rows and their waiting changes are rewritten in place; each order's
// history records its old number.
func RenumberLocal(tx *store.Tx, station string) error {
	station = strings.ToUpper(strings.TrimSpace(station))
	if station == "" || station == "LOCAL" {
		return fmt.Errorf("renumber: invalid station code %q", station)
	}
	ctx := tx.Context()
	ids, err := tx.RewritePrefix("orders", "number", "LOCAL-", station+"-")
	if err != nil {
		return err
	}
	for _, id := range ids {
		var number, status string
		if err := tx.QueryRowContext(ctx, `SELECT number, status FROM orders WHERE id = ?`, id).Scan(&number, &status); err != nil {
			return fmt.Errorf("renumber: %w", err)
		}
		note := fmt.Sprintf("Renumbered from LOCAL-%s to %s when the workstation enrolled as station %s.", strings.TrimPrefix(number, station+"-"), number, station)
		if _, err := tx.ExecContext(ctx, `INSERT INTO order_events (id, order_id, from_status, to_status, user_id, user_name, note, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
			store.NewID(), id, status, status, tx.Actor.UserID, tx.Actor.UserName, note, store.FormatTime(tx.Now)); err != nil {
			return fmt.Errorf("renumber: %w", err)
		}
	}
	if _, err := tx.RewritePrefix("returns", "number", "LOCAL-", station+"-"); err != nil {
		return err
	}
	return RenumberSeries(tx, "LOCAL", station)
}

// RenumberSeries moves every series kept under prefix from to prefix to,
// keeping the last number given (the greater, if both exist).
func RenumberSeries(tx *store.Tx, from, to string) error {
	ctx := tx.Context()
	rows, err := tx.QueryContext(ctx, `SELECT id, last FROM order_number_series WHERE substr(id, -length(?) - 1) = ':' || ?`, from, from)
	if err != nil {
		return fmt.Errorf("renumber series: %w", err)
	}
	type series struct {
		id   string
		last int64
	}
	var list []series
	for rows.Next() {
		var s series
		if err := rows.Scan(&s.id, &s.last); err != nil {
			rows.Close()
			return err
		}
		list = append(list, s)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	for _, s := range list {
		kind := strings.TrimSuffix(s.id, ":"+from)
		if _, err := tx.ExecContext(ctx, `INSERT INTO order_number_series (id, last, updated_at) VALUES (?, ?, ?)
			ON CONFLICT (id) DO UPDATE SET last = max(last, excluded.last), updated_at = excluded.updated_at`,
			kind+":"+to, s.last, store.FormatTime(tx.Now)); err != nil {
			return fmt.Errorf("renumber series: %w", err)
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM order_number_series WHERE id = ?`, s.id); err != nil {
			return fmt.Errorf("renumber series: %w", err)
		}
	}
	return nil
}
