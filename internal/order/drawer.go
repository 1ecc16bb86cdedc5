package order

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"

	"oms/internal/catalog"
	"oms/internal/errs"
	"oms/internal/store"
)

// DrawerStatus is whether a cash drawer session is open.
type DrawerStatus string

// Drawer statuses.
const (
	DrawerOpen   DrawerStatus = "open"
	DrawerClosed DrawerStatus = "closed"
)

// DrawerSession is one opening of a workstation's cash drawer, from the
// float put in to the count at closing. Payments taken on the device while
// it is open belong to it.
type DrawerSession struct {
	ID           string       `json:"id"`
	DeviceID     string       `json:"deviceId"`
	Status       DrawerStatus `json:"status"`
	Currency     string       `json:"currency"`
	OpeningFloat int64        `json:"openingFloat"`
	OpenedBy     string       `json:"openedBy"`
	OpenedByName string       `json:"openedByName"`
	OpenedAt     time.Time    `json:"openedAt"`
	ClosedBy     string       `json:"closedBy"`
	ClosedByName string       `json:"closedByName"`
	ClosedAt     time.Time    `json:"closedAt"` // zero while open
	Note         string       `json:"note"`
}

// DrawerCountInput is the amount counted for one method at closing: the
// cash in the drawer, or the total the card terminal prints.
type DrawerCountInput struct {
	MethodID string
	Counted  int64
}

// DrawerMethodTotal is one method's line of the end-of-day report. Count is
// how many payments, refunds and pay-outs of pending refunds; Payments and
// Refunds are positive sums, Net = Payments - Refunds; Expected is Net plus
// the opening float for the drawer's cash method. Counted and Difference
// (Counted - Expected) are set once the drawer is closed, for the lines
// that were counted (IsCounted).
type DrawerMethodTotal struct {
	MethodID   string     `json:"methodId"`
	MethodName string     `json:"methodName"`
	MethodKind MethodKind `json:"methodKind"`
	Count      int64      `json:"count"`
	Payments   int64      `json:"payments"`
	Refunds    int64      `json:"refunds"`
	Net        int64      `json:"net"`
	Expected   int64      `json:"expected"`
	Counted    int64      `json:"counted"`
	Difference int64      `json:"difference"`
	IsCounted  bool       `json:"isCounted"`

	sort int64
}

// DrawerReport is the end-of-day report of a drawer session: its times,
// users and float, a line per method and the sums of the lines (Expected,
// Counted and Difference over the counted lines, so zero while open).
type DrawerReport struct {
	Session      *DrawerSession       `json:"session"`
	OpeningFloat int64                `json:"openingFloat"`
	Methods      []*DrawerMethodTotal `json:"methods"`
	Payments     int64                `json:"payments"`
	Refunds      int64                `json:"refunds"`
	Net          int64                `json:"net"`
	Expected     int64                `json:"expected"`
	Counted      int64                `json:"counted"`
	Difference   int64                `json:"difference"`
}

const sessionColumns = `id, device_id, status, currency, opening_float, opened_by, opened_by_name, opened_at,
	closed_by, closed_by_name, closed_at, note`

func scanSession(scan func(...any) error) (*DrawerSession, error) {
	var d DrawerSession
	var opened, closed string
	if err := scan(&d.ID, &d.DeviceID, &d.Status, &d.Currency, &d.OpeningFloat, &d.OpenedBy, &d.OpenedByName, &opened,
		&d.ClosedBy, &d.ClosedByName, &closed, &d.Note); err != nil {
		return nil, err
	}
	var err error
	if d.OpenedAt, err = store.ParseTime(opened); err != nil {
		return nil, err
	}
	if d.ClosedAt, err = store.ParseTime(closed); err != nil {
		return nil, err
	}
	return &d, nil
}

func findSession(ctx context.Context, q catalog.Queryer, where string, args ...any) (*DrawerSession, error) {
	d, err := scanSession(q.QueryRowContext(ctx, `SELECT `+sessionColumns+` FROM cash_sessions WHERE `+where, args...).Scan)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	} else if err != nil {
		return nil, fmt.Errorf("find cash drawer session: %w", err)
	}
	return d, nil
}

// openSessionID returns the id of the device's open drawer session, "" if
// its drawer is closed.
func openSessionID(tx *store.Tx, device string) (string, error) {
	d, err := findSession(tx.Context(), tx, `device_id = ? AND status = 'open'`, device)
	if err != nil || d == nil {
		return "", err
	}
	return d.ID, nil
}

// CurrentDrawer returns this workstation's open drawer session, or nil
// when its drawer is closed.
func (s *Service) CurrentDrawer(ctx context.Context) (*DrawerSession, error) {
	return findSession(ctx, s.db.Reader(), `device_id = ? AND status = 'open'`, s.db.Device().ID)
}

// OpenDrawer opens this workstation's cash drawer with the float put in it.
// EINVALID on "openingFloat" or "note"; ECONFLICT on "drawer" when it is
// already open.
func (s *Service) OpenDrawer(ctx context.Context, actor store.Actor, openingFloat int64, note string) (*DrawerSession, error) {
	if openingFloat < 0 {
		return nil, errs.Invalid("openingFloat", "The opening float cannot be negative.")
	}
	note, err := checkNote(note)
	if err != nil {
		return nil, err
	}
	cur, err := companyCurrency(ctx, s.db)
	if err != nil {
		return nil, err
	}
	d := &DrawerSession{ID: store.NewID(), DeviceID: s.db.Device().ID, Status: DrawerOpen, Currency: cur, OpeningFloat: openingFloat,
		OpenedBy: actor.UserID, OpenedByName: actor.UserName, Note: note}
	err = s.db.Update(ctx, actor, func(tx *store.Tx) error {
		open, err := openSessionID(tx, d.DeviceID)
		if err != nil {
			return err
		}
		if open != "" {
			return &errs.Error{Code: errs.ECONFLICT, Field: "drawer", Message: "The cash drawer is already open; close it first."}
		}
		d.OpenedAt = tx.Now
		now := store.FormatTime(tx.Now)
		if _, err := tx.ExecContext(ctx, `INSERT INTO cash_sessions (id, device_id, status, currency, opening_float, opened_by,
			opened_by_name, opened_at, note, created_at, updated_at) VALUES (?, ?, 'open', ?, ?, ?, ?, ?, ?, ?, ?)`,
			d.ID, d.DeviceID, d.Currency, d.OpeningFloat, d.OpenedBy, d.OpenedByName, now, d.Note, now, now); err != nil {
			return fmt.Errorf("open cash drawer: %w", err)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return d, nil
}

// floatMethod is the method the opening float is counted under: the first
// cash method.
func floatMethod(ctx context.Context, q catalog.Queryer) (*PaymentMethod, error) {
	m, err := scanMethod(q.QueryRowContext(ctx, `SELECT `+methodColumns+` FROM payment_methods WHERE kind = 'cash'
		ORDER BY sort, id LIMIT 1`).Scan)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	} else if err != nil {
		return nil, fmt.Errorf("find cash method: %w", err)
	}
	return m, nil
}

// drawerTotals sums the session's money by method: its completed payments
// and refunds, and the pending refunds paid out of it. The float method is
// always listed.
func drawerTotals(ctx context.Context, q catalog.Queryer, d *DrawerSession) ([]*DrawerMethodTotal, error) {
	byID := map[string]*DrawerMethodTotal{}
	line := func(id, name string, kind MethodKind) *DrawerMethodTotal {
		t := byID[id]
		if t == nil {
			t = &DrawerMethodTotal{MethodID: id, MethodName: name, MethodKind: kind}
			byID[id] = t
		}
		return t
	}
	rows, err := q.QueryContext(ctx, `SELECT p.method_id, MAX(p.method_name), p.method_kind, count(*),
			COALESCE(SUM(CASE WHEN p.amount > 0 THEN p.amount END), 0), COALESCE(SUM(CASE WHEN p.amount < 0 THEN -p.amount END), 0)
		FROM payments p WHERE p.drawer_session_id = ? AND p.status = 'completed' GROUP BY p.method_id, p.method_kind
		UNION ALL
		SELECT p.method_id, MAX(p.method_name), p.method_kind, count(*), 0, COALESCE(SUM(-p.amount), 0)
		FROM payment_settlements s JOIN payments p ON p.id = s.payment_id
		WHERE s.drawer_session_id = ? GROUP BY p.method_id, p.method_kind`, d.ID, d.ID)
	if err != nil {
		return nil, fmt.Errorf("sum drawer payments: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id, name string
		var kind MethodKind
		var n, paid, refunded int64
		if err := rows.Scan(&id, &name, &kind, &n, &paid, &refunded); err != nil {
			return nil, fmt.Errorf("sum drawer payments: %w", err)
		}
		t := line(id, name, kind)
		t.Count += n
		t.Payments += paid
		t.Refunds += refunded
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	rows.Close()
	fm, err := floatMethod(ctx, q)
	if err != nil {
		return nil, err
	}
	if fm != nil {
		line(fm.ID, fm.Name, fm.Kind).Expected = d.OpeningFloat
	}
	out := make([]*DrawerMethodTotal, 0, len(byID))
	for _, t := range byID {
		t.Net = t.Payments - t.Refunds
		t.Expected += t.Net
		out = append(out, t)
	}
	return out, sortTotals(ctx, q, out)
}

// sortTotals orders the lines as the methods are.
func sortTotals(ctx context.Context, q catalog.Queryer, lines []*DrawerMethodTotal) error {
	methods, err := findMethods(ctx, q, false)
	if err != nil {
		return err
	}
	order := map[string]int64{}
	for i, m := range methods {
		order[m.ID] = int64(i)
	}
	for _, t := range lines {
		t.sort = int64(len(methods))
		if i, ok := order[t.MethodID]; ok {
			t.sort = i
		}
	}
	sort.Slice(lines, func(i, j int) bool {
		if lines[i].sort != lines[j].sort {
			return lines[i].sort < lines[j].sort
		}
		return lines[i].MethodID < lines[j].MethodID
	})
	return nil
}

// countable reports whether a method's takings are counted at closing:
// the cash in the drawer, and the card terminal's end-of-day total.
// Transfers, PayPal, on account, gift cards and store credit leave nothing
// at the counter to count.
func countable(k MethodKind) bool { return k == MethodCash || k == MethodCard }

// CloseDrawer closes this workstation's cash drawer with the amounts
// counted per method. Every cash and card method the session took money
// with, and the cash method holding the float, must be counted; others
// may be. Expected
// per method is what the session's payments, refunds and pay-outs add up
// to (the float included for cash); the difference counted - expected is
// recorded per method. Returns the end-of-day report. ECONFLICT on
// "drawer" when the drawer is not open; EINVALID on "counts" or "note";
// ENOTFOUND on "counts[i].methodId". Only a card terminal's count may be
// negative (it refunded more than it took that day).
func (s *Service) CloseDrawer(ctx context.Context, actor store.Actor, counts []DrawerCountInput, note string) (*DrawerReport, error) {
	note, err := checkNote(note)
	if err != nil {
		return nil, err
	}
	counted := map[string]int64{}
	for i, c := range counts {
		c.MethodID = strings.TrimSpace(c.MethodID)
		if _, dup := counted[c.MethodID]; dup {
			return nil, errs.Invalid(fmt.Sprintf("counts[%d].methodId", i), "Each method is counted once.")
		}
		counted[c.MethodID] = c.Counted
	}
	var id string
	err = s.db.Update(ctx, actor, func(tx *store.Tx) error {
		d, err := findSession(ctx, tx, `device_id = ? AND status = 'open'`, s.db.Device().ID)
		if err != nil {
			return err
		}
		if d == nil {
			return &errs.Error{Code: errs.ECONFLICT, Field: "drawer", Message: "The cash drawer is not open."}
		}
		id = d.ID
		// Cash in a drawer is never less than nothing; a card terminal's day
		// is negative when it paid back more than it took.
		for i, c := range counts {
			if c.Counted >= 0 {
				continue
			}
			m, err := findMethod(ctx, tx, strings.TrimSpace(c.MethodID))
			if err != nil {
				return errs.Prefix(fmt.Sprintf("counts[%d]", i), err)
			}
			if m.Kind != MethodCard {
				return errs.Invalid(fmt.Sprintf("counts[%d].counted", i), "A counted amount of %s cannot be negative.", m.Name)
			}
		}
		totals, err := drawerTotals(ctx, tx, d)
		if err != nil {
			return err
		}
		seen := map[string]bool{}
		for _, t := range totals {
			_, ok := counted[t.MethodID]
			if !ok && countable(t.MethodKind) {
				return errs.Invalid("counts", "Enter the counted amount for %s.", t.MethodName)
			}
			seen[t.MethodID] = true
		}
		for i, c := range counts {
			if seen[c.MethodID] {
				continue
			}
			m, err := findMethod(ctx, tx, c.MethodID)
			if err != nil {
				return errs.Prefix(fmt.Sprintf("counts[%d]", i), err)
			}
			totals = append(totals, &DrawerMethodTotal{MethodID: m.ID, MethodName: m.Name, MethodKind: m.Kind})
		}
		now := store.FormatTime(tx.Now)
		for _, t := range totals {
			c, ok := counted[t.MethodID]
			if !ok {
				continue
			}
			if _, err := tx.ExecContext(ctx, `INSERT INTO cash_session_counts (id, session_id, method_id, method_name, method_kind,
				expected, counted, difference, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
				store.NewID(), d.ID, t.MethodID, t.MethodName, t.MethodKind, t.Expected, c, c-t.Expected, now); err != nil {
				return fmt.Errorf("record drawer count: %w", err)
			}
		}
		if note != "" && d.Note != "" {
			note = d.Note + "\n" + note
		} else if note == "" {
			note = d.Note
		}
		if _, err := tx.ExecContext(ctx, `UPDATE cash_sessions SET status = 'closed', closed_by = ?, closed_by_name = ?, closed_at = ?,
			note = ?, updated_at = ? WHERE id = ?`, actor.UserID, actor.UserName, now, note, now, d.ID); err != nil {
			return fmt.Errorf("close cash drawer: %w", err)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return s.EndOfDayReport(ctx, id)
}

// EndOfDayReport returns the report of a drawer session: a line per
// method with its count, payments, refunds, net and expected amount, and
// once closed what was counted and the difference, with the float, times
// and users of the session. ENOTFOUND.
func (s *Service) EndOfDayReport(ctx context.Context, sessionID string) (*DrawerReport, error) {
	q := s.db.Reader()
	d, err := findSession(ctx, q, `id = ?`, sessionID)
	if err != nil {
		return nil, err
	}
	if d == nil {
		return nil, errs.Errorf(errs.ENOTFOUND, "Cash drawer session not found.")
	}
	totals, err := drawerTotals(ctx, q, d)
	if err != nil {
		return nil, err
	}
	if d.Status == DrawerClosed {
		// What was recorded at closing stands, even if sync brings in more
		// of the session later.
		byID := map[string]*DrawerMethodTotal{}
		for _, t := range totals {
			byID[t.MethodID] = t
		}
		rows, err := q.QueryContext(ctx, `SELECT method_id, method_name, method_kind, expected, counted, difference
			FROM cash_session_counts WHERE session_id = ?`, d.ID)
		if err != nil {
			return nil, fmt.Errorf("read drawer counts: %w", err)
		}
		defer rows.Close()
		for rows.Next() {
			var c DrawerMethodTotal
			if err := rows.Scan(&c.MethodID, &c.MethodName, &c.MethodKind, &c.Expected, &c.Counted, &c.Difference); err != nil {
				return nil, fmt.Errorf("read drawer counts: %w", err)
			}
			t := byID[c.MethodID]
			if t == nil {
				t = &DrawerMethodTotal{MethodID: c.MethodID, MethodName: c.MethodName, MethodKind: c.MethodKind}
				byID[c.MethodID] = t
				totals = append(totals, t)
			}
			t.Expected, t.Counted, t.Difference, t.IsCounted = c.Expected, c.Counted, c.Difference, true
		}
		if err := rows.Err(); err != nil {
			return nil, err
		}
		if err := sortTotals(ctx, q, totals); err != nil {
			return nil, err
		}
	}
	r := &DrawerReport{Session: d, OpeningFloat: d.OpeningFloat, Methods: totals}
	for _, t := range totals {
		r.Payments += t.Payments
		r.Refunds += t.Refunds
		r.Net += t.Net
		if t.IsCounted {
			r.Expected += t.Expected
			r.Counted += t.Counted
			r.Difference += t.Difference
		}
	}
	return r, nil
}

// FindDrawerSessions returns a page of drawer sessions of every
// workstation, newest first, and how many there are. limit defaults to 50,
// at most 500.
func (s *Service) FindDrawerSessions(ctx context.Context, limit, offset int) ([]*DrawerSession, int, error) {
	if limit <= 0 {
		limit = 50
	}
	limit = min(limit, 500)
	offset = max(offset, 0)
	q := s.db.Reader()
	var n int
	if err := q.QueryRowContext(ctx, `SELECT count(*) FROM cash_sessions`).Scan(&n); err != nil {
		return nil, 0, fmt.Errorf("count drawer sessions: %w", err)
	}
	rows, err := q.QueryContext(ctx, `SELECT `+sessionColumns+` FROM cash_sessions ORDER BY opened_at DESC, id DESC LIMIT ? OFFSET ?`,
		limit, offset)
	if err != nil {
		return nil, 0, fmt.Errorf("find drawer sessions: %w", err)
	}
	defer rows.Close()
	out := []*DrawerSession{}
	for rows.Next() {
		d, err := scanSession(rows.Scan)
		if err != nil {
			return nil, 0, fmt.Errorf("find drawer sessions: %w", err)
		}
		out = append(out, d)
	}
	return out, n, rows.Err()
}
