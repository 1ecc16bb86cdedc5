package store

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// HLC is a hybrid logical clock reading: wall milliseconds and a counter
// that orders events within one millisecond (and past a clock that went back).
type HLC struct {
	Wall    int64
	Counter int64
}

// String formats the clock so that text order is clock order.
func (h HLC) String() string { return fmt.Sprintf("%013d-%06d", h.Wall, h.Counter) }

// ParseHLC parses the text of HLC.String.
func ParseHLC(s string) (HLC, error) {
	w, c, ok := strings.Cut(s, "-")
	wall, err1 := strconv.ParseInt(w, 10, 64)
	counter, err2 := strconv.ParseInt(c, 10, 64)
	if !ok || err1 != nil || err2 != nil || wall < 0 || counter < 0 {
		return HLC{}, fmt.Errorf("invalid HLC %q", s)
	}
	return HLC{Wall: wall, Counter: counter}, nil
}

// Next returns the clock after a local event at physical time now.
func (h HLC) Next(now time.Time) HLC {
	ms := now.UnixMilli()
	if ms > h.Wall {
		return HLC{Wall: ms}
	}
	return HLC{Wall: h.Wall, Counter: h.Counter + 1}
}

// nextHLC advances the device's clock in sync_state within tx.
func nextHLC(ctx context.Context, tx *sql.Tx, now time.Time) (HLC, error) {
	var h HLC
	if err := tx.QueryRowContext(ctx, `SELECT hlc_wall, hlc_counter FROM sync_state WHERE id = 1`).Scan(&h.Wall, &h.Counter); err != nil {
		return HLC{}, fmt.Errorf("read clock: %w", err)
	}
	h = h.Next(now)
	if _, err := tx.ExecContext(ctx, `UPDATE sync_state SET hlc_wall = ?, hlc_counter = ? WHERE id = 1`, h.Wall, h.Counter); err != nil {
		return HLC{}, fmt.Errorf("advance clock: %w", err)
	}
	return h, nil
}
