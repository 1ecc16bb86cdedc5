package stock

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"oms/internal/catalog"
	"oms/internal/errs"
	"oms/internal/store"
)

// CountStatus is where a stock count is in its life.
type CountStatus string

// Stock count statuses.
const (
	CountOpen      CountStatus = "open"
	CountPosted    CountStatus = "posted"
	CountCancelled CountStatus = "cancelled"
)

// Count is a stock count of a warehouse or of some of its bins.
type Count struct {
	ID          string
	WarehouseID string
	BinIDs      []string // empty: the whole warehouse
	Status      CountStatus
	Reason      string
	OpenedBy    string
	ClosedBy    string
	ClosedAt    time.Time
	CreatedAt   time.Time
	UpdatedAt   time.Time
	Lines       []*CountLine // what has been counted, by SKU and bin
}

// CountLine is what was counted of a product at a bin.
type CountLine struct {
	ID        string
	ProductID string
	SKU       string
	Name      string
	BinID     string
	Expected  int64 // on hand when it was counted
	Counted   int64
	Variance  int64 // Counted - Expected: what posting moves
	CountedBy string
	CountedAt time.Time
}

// CountInput opens a count.
type CountInput struct {
	WarehouseID string
	BinIDs      []string // empty for the whole warehouse
	Reason      string
}

// CountEntry is one counting: a quantity of a product at a bin ("" for
// stock not in a bin). Add adds it to what was counted before (scanning
// one item at a time); otherwise it replaces it.
type CountEntry struct {
	ProductID string
	BinID     string
	Quantity  int64
	Add       bool
}

// OpenCount opens a stock count. ENOTFOUND on "warehouseId" or
// "binIds.N"; EINVALID when a bin is not in the warehouse or the reason is
// too long.
func (s *Service) OpenCount(ctx context.Context, actor store.Actor, in CountInput) (*Count, error) {
	in.Reason = strings.TrimSpace(in.Reason)
	if err := checkText("reason", "The reason", in.Reason, MaxReasonLen, false); err != nil {
		return nil, err
	}
	var c *Count
	err := s.db.Update(ctx, actor, func(tx *store.Tx) error {
		ctx := tx.Context()
		if err := checkPlace(ctx, tx, in.WarehouseID, "", false, ""); err != nil {
			return err
		}
		bins := []string{}
		for i, b := range in.BinIDs {
			if err := checkPlace(ctx, tx, in.WarehouseID, b, false, ""); err != nil {
				return withField(err, fmt.Sprintf("binIds.%d", i))
			}
			if !slices.Contains(bins, b) {
				bins = append(bins, b)
			}
		}
		id, now := store.NewID(), store.FormatTime(tx.Now)
		if _, err := tx.ExecContext(ctx, `INSERT INTO stock_counts (id, warehouse_id, bin_ids, status, reason, opened_by, created_at, updated_at)
			VALUES (?, ?, ?, 'open', ?, ?, ?, ?)`, id, in.WarehouseID, mustJSON(bins), in.Reason, tx.Actor.UserName, now, now); err != nil {
			return fmt.Errorf("open count: %w", err)
		}
		var err error
		c, err = findCount(ctx, tx, id)
		return err
	})
	return c, err
}

// RecordCount records what was counted of a product at a bin of an open
// count, with the quantity on hand there now as expected. A product that
// the books do not have at that bin is fine: its variance is from zero.
// ECONFLICT if the count is not open; EINVALID on "quantity" (negative),
// "binId" (outside the count); ENOTFOUND on "productId" or "binId".
func (s *Service) RecordCount(ctx context.Context, actor store.Actor, countID string, e CountEntry) (*CountLine, error) {
	if e.Quantity < 0 {
		return nil, errs.Invalid("quantity", "A counted quantity cannot be negative.")
	}
	if e.Quantity > MaxQuantity {
		return nil, errs.Invalid("quantity", "The quantity must be at most %d.", MaxQuantity)
	}
	var line *CountLine
	err := s.db.Update(ctx, actor, func(tx *store.Tx) error {
		ctx := tx.Context()
		c, err := openCount(ctx, tx, countID)
		if err != nil {
			return err
		}
		if _, err := catalog.FindProduct(ctx, tx, e.ProductID); err != nil {
			return withField(err, "productId")
		}
		if err := checkPlace(ctx, tx, c.WarehouseID, e.BinID, false, ""); err != nil {
			return err
		}
		if len(c.BinIDs) > 0 && !slices.Contains(c.BinIDs, e.BinID) {
			return errs.Invalid("binId", "This bin is not part of the count.")
		}
		expected, err := onHandAt(ctx, tx, e.ProductID, c.WarehouseID, e.BinID)
		if err != nil {
			return err
		}
		counted := e.Quantity
		if e.Add {
			var before sql.NullInt64
			err := tx.QueryRowContext(ctx, `SELECT counted FROM stock_count_lines WHERE count_id = ? AND product_id = ? AND bin_id = ?`,
				countID, e.ProductID, e.BinID).Scan(&before)
			if err != nil && !errors.Is(err, sql.ErrNoRows) {
				return fmt.Errorf("record count: %w", err)
			}
			if counted += before.Int64; counted > MaxQuantity {
				return errs.Invalid("quantity", "The quantity must be at most %d.", MaxQuantity)
			}
		}
		now := store.FormatTime(tx.Now)
		if _, err := tx.ExecContext(ctx, `INSERT INTO stock_count_lines (id, count_id, product_id, bin_id, expected, counted, counted_by,
			counted_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
			ON CONFLICT (count_id, product_id, bin_id) DO UPDATE SET expected = excluded.expected, counted = excluded.counted,
			counted_by = excluded.counted_by, counted_at = excluded.counted_at, updated_at = excluded.updated_at`,
			store.NewID(), countID, e.ProductID, e.BinID, expected, counted, tx.Actor.UserName, now, now, now); err != nil {
			return fmt.Errorf("record count: %w", err)
		}
		c, err = findCount(ctx, tx, countID)
		if err != nil {
			return err
		}
		for _, l := range c.Lines {
			if l.ProductID == e.ProductID && l.BinID == e.BinID {
				line = l
			}
		}
		return nil
	})
	return line, err
}

// openCount returns a count that must be open: ECONFLICT otherwise.
func openCount(ctx context.Context, q Queryer, id string) (*Count, error) {
	c, err := findCount(ctx, q, id)
	if err != nil {
		return nil, err
	}
	switch c.Status {
	case CountPosted:
		return nil, errs.Errorf(errs.ECONFLICT, "This count was posted already by %s.", c.ClosedBy)
	case CountCancelled:
		return nil, errs.Errorf(errs.ECONFLICT, "This count was cancelled.")
	}
	return c, nil
}

// PostCount turns the variances of an open count into count movements
// with a reason (the count's, unless reason is given), and closes it, in
// one transaction. Products not counted keep their stock. ECONFLICT if the
// count was posted before or cancelled; EINVALID on "reason" when there is
// none.
func (s *Service) PostCount(ctx context.Context, actor store.Actor, countID, reason string) (*Count, []*Movement, error) {
	reason = strings.TrimSpace(reason)
	if err := checkText("reason", "The reason", reason, MaxReasonLen, false); err != nil {
		return nil, nil, err
	}
	var c *Count
	moves := []*Movement{}
	err := s.db.Update(ctx, actor, func(tx *store.Tx) error {
		ctx := tx.Context()
		var err error
		if c, err = openCount(ctx, tx, countID); err != nil {
			return err
		}
		if reason == "" {
			reason = c.Reason
		}
		if reason == "" {
			return errs.Invalid("reason", "Give a reason for posting the count (such as \"Annual stocktake\").")
		}
		for _, l := range c.Lines {
			if l.Variance == 0 {
				continue
			}
			m, err := Post(tx, MovementInput{Kind: KindCount, ProductID: l.ProductID, WarehouseID: c.WarehouseID, BinID: l.BinID,
				Quantity: l.Variance, Reason: reason, RefType: RefCount, RefID: c.ID})
			if err != nil {
				return err
			}
			moves = append(moves, m)
		}
		return closeCount(tx, c.ID, CountPosted)
	})
	if err != nil {
		return nil, nil, err
	}
	c, err = findCount(ctx, s.db.Reader(), countID)
	return c, moves, err
}

// CancelCount closes an open count without posting it. ECONFLICT if it is
// not open.
func (s *Service) CancelCount(ctx context.Context, actor store.Actor, countID string) (*Count, error) {
	err := s.db.Update(ctx, actor, func(tx *store.Tx) error {
		if _, err := openCount(tx.Context(), tx, countID); err != nil {
			return err
		}
		return closeCount(tx, countID, CountCancelled)
	})
	if err != nil {
		return nil, err
	}
	return findCount(ctx, s.db.Reader(), countID)
}

func closeCount(tx *store.Tx, id string, status CountStatus) error {
	now := store.FormatTime(tx.Now)
	res, err := tx.ExecContext(tx.Context(), `UPDATE stock_counts SET status = ?, closed_by = ?, closed_at = ?, updated_at = ?
		WHERE id = ? AND status = 'open'`, string(status), tx.Actor.UserName, now, now, id)
	if err != nil {
		return fmt.Errorf("close count: %w", err)
	}
	if n, _ := res.RowsAffected(); n != 1 {
		return errs.Errorf(errs.ECONFLICT, "This count is no longer open.")
	}
	return nil
}

const countColumns = `id, warehouse_id, bin_ids, status, reason, opened_by, closed_by, closed_at, created_at, updated_at`

func scanCount(scan func(...any) error) (*Count, error) {
	var c Count
	var bins, status, closed, created, updated string
	if err := scan(&c.ID, &c.WarehouseID, &bins, &status, &c.Reason, &c.OpenedBy, &c.ClosedBy, &closed, &created, &updated); err != nil {
		return nil, err
	}
	if err := json.Unmarshal([]byte(bins), &c.BinIDs); err != nil {
		return nil, fmt.Errorf("count bins: %w", err)
	}
	c.Status = CountStatus(status)
	c.ClosedAt, _ = store.ParseTime(closed)
	c.CreatedAt, _ = store.ParseTime(created)
	c.UpdatedAt, _ = store.ParseTime(updated)
	return &c, nil
}

func findCount(ctx context.Context, q Queryer, id string) (*Count, error) {
	c, err := scanCount(q.QueryRowContext(ctx, `SELECT `+countColumns+` FROM stock_counts WHERE id = ?`, id).Scan)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, notFound("countId", "Stock count not found.")
	} else if err != nil {
		return nil, fmt.Errorf("find count: %w", err)
	}
	rows, err := q.QueryContext(ctx, `SELECT id, product_id, bin_id, expected, counted, counted_by, counted_at
		FROM stock_count_lines WHERE count_id = ? AND counted IS NOT NULL`, id)
	if err != nil {
		return nil, fmt.Errorf("find count lines: %w", err)
	}
	var ids []string
	for rows.Next() {
		var l CountLine
		var at string
		if err := rows.Scan(&l.ID, &l.ProductID, &l.BinID, &l.Expected, &l.Counted, &l.CountedBy, &at); err != nil {
			rows.Close()
			return nil, fmt.Errorf("find count lines: %w", err)
		}
		l.Variance = l.Counted - l.Expected
		l.CountedAt, _ = store.ParseTime(at)
		c.Lines = append(c.Lines, &l)
		ids = append(ids, l.ProductID)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("find count lines: %w", err)
	}
	products, err := catalog.FindProductsByID(ctx, q, ids)
	if err != nil {
		return nil, err
	}
	for _, l := range c.Lines {
		if p := products[l.ProductID]; p != nil {
			l.SKU, l.Name = p.SKU, p.Name
		}
	}
	slices.SortFunc(c.Lines, func(a, b *CountLine) int {
		if n := strings.Compare(a.SKU, b.SKU); n != 0 {
			return n
		}
		return strings.Compare(a.BinID, b.BinID)
	})
	if c.Lines == nil {
		c.Lines = []*CountLine{}
	}
	return c, nil
}

// FindCountByID returns a count with its counted lines. ENOTFOUND if there
// is none.
func (s *Service) FindCountByID(ctx context.Context, id string) (*Count, error) {
	return findCount(ctx, s.db.Reader(), id)
}

// FindUncounted returns a page of what the books have on hand within an
// open count's scope that nobody has counted yet, by bin.
func (s *Service) FindUncounted(ctx context.Context, countID string, limit, offset int) ([]*Level, error) {
	q := s.db.Reader()
	c, err := findCount(ctx, q, countID)
	if err != nil {
		return nil, err
	}
	if limit <= 0 {
		limit = 100
	}
	args := []any{c.WarehouseID, countID}
	scope := ""
	if len(c.BinIDs) > 0 {
		scope = ` AND l.bin_id IN (` + placeholders(len(c.BinIDs)) + `)`
		for _, b := range c.BinIDs {
			args = append(args, b)
		}
	}
	rows, err := q.QueryContext(ctx, `SELECT l.product_id, l.warehouse_id, l.bin_id, l.on_hand, l.reserved
		FROM stock_levels l LEFT JOIN bins b ON b.id = l.bin_id
		WHERE l.warehouse_id = ? AND l.on_hand <> 0
		AND NOT EXISTS (SELECT 1 FROM stock_count_lines cl WHERE cl.count_id = ? AND cl.product_id = l.product_id AND cl.bin_id = l.bin_id)`+
		scope+` ORDER BY COALESCE(b.sort_key, ''), l.product_id LIMIT ? OFFSET ?`, append(args, min(limit, 1000), max(offset, 0))...)
	if err != nil {
		return nil, fmt.Errorf("find uncounted: %w", err)
	}
	defer rows.Close()
	out := []*Level{}
	for rows.Next() {
		var l Level
		if err := rows.Scan(&l.ProductID, &l.WarehouseID, &l.BinID, &l.OnHand, &l.Reserved); err != nil {
			return nil, fmt.Errorf("find uncounted: %w", err)
		}
		l.Available = l.OnHand - l.Reserved
		out = append(out, &l)
	}
	return out, rows.Err()
}

// CountFilter selects counts; empty fields select all. Limit defaults to
// 50 and is capped at 500.
type CountFilter struct {
	WarehouseID string
	Status      CountStatus
	Limit       int
	Offset      int
}

// FindCounts returns a page of counts (without lines), newest first, and
// how many match.
func (s *Service) FindCounts(ctx context.Context, f CountFilter) ([]*Count, int, error) {
	if f.Limit <= 0 {
		f.Limit = 50
	}
	q := s.db.Reader()
	const where = ` WHERE (? = '' OR warehouse_id = ?) AND (? = '' OR status = ?)`
	args := []any{f.WarehouseID, f.WarehouseID, string(f.Status), string(f.Status)}
	var total int
	if err := q.QueryRowContext(ctx, `SELECT count(*) FROM stock_counts`+where, args...).Scan(&total); err != nil {
		return nil, 0, fmt.Errorf("count counts: %w", err)
	}
	rows, err := q.QueryContext(ctx, `SELECT `+countColumns+` FROM stock_counts`+where+` ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?`,
		append(args, min(f.Limit, 500), max(f.Offset, 0))...)
	if err != nil {
		return nil, 0, fmt.Errorf("find counts: %w", err)
	}
	defer rows.Close()
	out := []*Count{}
	for rows.Next() {
		c, err := scanCount(rows.Scan)
		if err != nil {
			return nil, 0, fmt.Errorf("find counts: %w", err)
		}
		out = append(out, c)
	}
	return out, total, rows.Err()
}
