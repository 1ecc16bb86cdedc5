package stock

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"oms/internal/errs"
	"oms/internal/store"
)

// Warehouse is a place stock is kept.
type Warehouse struct {
	ID        string
	Code      string // unique regardless of ASCII case
	Name      string
	Active    bool
	CreatedAt time.Time
	UpdatedAt time.Time
}

// WarehouseInput describes a new warehouse.
type WarehouseInput struct {
	Code string
	Name string
}

// WarehouseUpdate changes the fields that are not nil.
type WarehouseUpdate struct {
	Code   *string
	Name   *string
	Active *bool
}

// Bin is a location inside a warehouse, such as "A-01-03" (aisle, rack,
// shelf).
type Bin struct {
	ID          string
	WarehouseID string
	Code        string // unique within the warehouse regardless of case
	Active      bool
	CreatedAt   time.Time
	UpdatedAt   time.Time
}

// Validate trims and checks the input. EINVALID on field "code" or "name".
func (in *WarehouseInput) Validate() error {
	in.Code, in.Name = strings.TrimSpace(in.Code), strings.TrimSpace(in.Name)
	if err := checkCode("code", "Warehouse code", in.Code); err != nil {
		return err
	}
	if in.Name == "" {
		return errs.Invalid("name", "Enter the warehouse name.")
	}
	return checkText("name", "The name", in.Name, MaxNameLen, false)
}

// CreateWarehouse adds a warehouse. EINVALID for bad input, ECONFLICT on
// field "code" when the code is taken.
func (s *Service) CreateWarehouse(ctx context.Context, actor store.Actor, in WarehouseInput) (*Warehouse, error) {
	if err := in.Validate(); err != nil {
		return nil, err
	}
	var w *Warehouse
	err := s.db.Update(ctx, actor, func(tx *store.Tx) error {
		id, now := store.NewID(), store.FormatTime(tx.Now)
		_, err := tx.ExecContext(tx.Context(), `INSERT INTO warehouses (id, code, name, active, created_at, updated_at) VALUES (?, ?, ?, 1, ?, ?)`,
			id, in.Code, in.Name, now, now)
		if isUniqueViolation(err) {
			return &errs.Error{Code: errs.ECONFLICT, Field: "code", Message: fmt.Sprintf("The warehouse code %s is taken.", in.Code)}
		} else if err != nil {
			return fmt.Errorf("create warehouse: %w", err)
		}
		w, err = findWarehouse(tx.Context(), tx, id)
		return err
	})
	return w, err
}

// UpdateWarehouse changes a warehouse. ENOTFOUND, EINVALID or ECONFLICT as
// for CreateWarehouse. An inactive warehouse keeps its stock and history
// but takes no stock in (receipts, returns, transfers in, reservations).
func (s *Service) UpdateWarehouse(ctx context.Context, actor store.Actor, id string, u WarehouseUpdate) (*Warehouse, error) {
	var w *Warehouse
	err := s.db.Update(ctx, actor, func(tx *store.Tx) error {
		cur, err := findWarehouse(tx.Context(), tx, id)
		if err != nil {
			return err
		}
		in, active := WarehouseInput{Code: cur.Code, Name: cur.Name}, cur.Active
		if u.Code != nil {
			in.Code = *u.Code
		}
		if u.Name != nil {
			in.Name = *u.Name
		}
		if u.Active != nil {
			active = *u.Active
		}
		if err := in.Validate(); err != nil {
			return err
		}
		_, err = tx.ExecContext(tx.Context(), `UPDATE warehouses SET code = ?, name = ?, active = ?, updated_at = ?
			WHERE id = ? AND (code IS NOT ? OR name IS NOT ? OR active IS NOT ?)`,
			in.Code, in.Name, active, store.FormatTime(tx.Now), id, in.Code, in.Name, active)
		if isUniqueViolation(err) {
			return &errs.Error{Code: errs.ECONFLICT, Field: "code", Message: fmt.Sprintf("The warehouse code %s is taken.", in.Code)}
		} else if err != nil {
			return fmt.Errorf("update warehouse: %w", err)
		}
		w, err = findWarehouse(tx.Context(), tx, id)
		return err
	})
	return w, err
}

func findWarehouse(ctx context.Context, q Queryer, id string) (*Warehouse, error) {
	var w Warehouse
	var created, updated string
	err := q.QueryRowContext(ctx, `SELECT id, code, name, active, created_at, updated_at FROM warehouses WHERE id = ?`, id).
		Scan(&w.ID, &w.Code, &w.Name, &w.Active, &created, &updated)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, notFound("warehouseId", "Warehouse not found.")
	} else if err != nil {
		return nil, fmt.Errorf("find warehouse: %w", err)
	}
	w.CreatedAt, _ = store.ParseTime(created)
	w.UpdatedAt, _ = store.ParseTime(updated)
	return &w, nil
}

// FindWarehouseByID returns a warehouse. ENOTFOUND if there is none.
func (s *Service) FindWarehouseByID(ctx context.Context, id string) (*Warehouse, error) {
	return findWarehouse(ctx, s.db.Reader(), id)
}

// FindWarehouses returns every warehouse by code.
func (s *Service) FindWarehouses(ctx context.Context) ([]*Warehouse, error) {
	rows, err := s.db.Reader().QueryContext(ctx, `SELECT id, code, name, active, created_at, updated_at FROM warehouses ORDER BY code`)
	if err != nil {
		return nil, fmt.Errorf("find warehouses: %w", err)
	}
	defer rows.Close()
	out := []*Warehouse{}
	for rows.Next() {
		var w Warehouse
		var created, updated string
		if err := rows.Scan(&w.ID, &w.Code, &w.Name, &w.Active, &created, &updated); err != nil {
			return nil, fmt.Errorf("find warehouses: %w", err)
		}
		w.CreatedAt, _ = store.ParseTime(created)
		w.UpdatedAt, _ = store.ParseTime(updated)
		out = append(out, &w)
	}
	return out, rows.Err()
}

// BinSortKey is the key bins are listed by: the code in lower case with
// every run of digits zero-padded to ten, so "A-2-1" sorts before "A-10-1"
// and "A-01-03" next to "A-1-3".
func BinSortKey(code string) string {
	var b strings.Builder
	code = strings.ToLower(code)
	for i := 0; i < len(code); {
		if code[i] < '0' || code[i] > '9' {
			b.WriteByte(code[i])
			i++
			continue
		}
		j := i
		for j < len(code) && code[j] >= '0' && code[j] <= '9' {
			j++
		}
		digits := strings.TrimLeft(code[i:j], "0")
		if len(digits) < 10 {
			b.WriteString(strings.Repeat("0", 10-len(digits)))
		}
		b.WriteString(digits)
		i = j
	}
	return b.String()
}

// CreateBin adds a bin to a warehouse. EINVALID on field "code";
// ENOTFOUND on "warehouseId"; ECONFLICT on "code" if the warehouse has a
// bin with that code.
func (s *Service) CreateBin(ctx context.Context, actor store.Actor, warehouseID, code string) (*Bin, error) {
	code = strings.TrimSpace(code)
	if err := checkCode("code", "Bin code", code); err != nil {
		return nil, err
	}
	var b *Bin
	err := s.db.Update(ctx, actor, func(tx *store.Tx) error {
		if _, err := findWarehouse(tx.Context(), tx, warehouseID); err != nil {
			return err
		}
		id, now := store.NewID(), store.FormatTime(tx.Now)
		_, err := tx.ExecContext(tx.Context(), `INSERT INTO bins (id, warehouse_id, code, sort_key, active, created_at, updated_at)
			VALUES (?, ?, ?, ?, 1, ?, ?)`, id, warehouseID, code, BinSortKey(code), now, now)
		if isUniqueViolation(err) {
			return &errs.Error{Code: errs.ECONFLICT, Field: "code", Message: fmt.Sprintf("This warehouse has a bin %s already.", code)}
		} else if err != nil {
			return fmt.Errorf("create bin: %w", err)
		}
		b, err = findBin(tx.Context(), tx, id)
		return err
	})
	return b, err
}

// SetBinActive deactivates or reactivates a bin. An inactive bin keeps its
// stock but takes none in. ENOTFOUND if there is no such bin.
func (s *Service) SetBinActive(ctx context.Context, actor store.Actor, id string, active bool) (*Bin, error) {
	var b *Bin
	err := s.db.Update(ctx, actor, func(tx *store.Tx) error {
		if _, err := findBin(tx.Context(), tx, id); err != nil {
			return err
		}
		if _, err := tx.ExecContext(tx.Context(), `UPDATE bins SET active = ?, updated_at = ? WHERE id = ? AND active IS NOT ?`,
			active, store.FormatTime(tx.Now), id, active); err != nil {
			return fmt.Errorf("update bin: %w", err)
		}
		var err error
		b, err = findBin(tx.Context(), tx, id)
		return err
	})
	return b, err
}

const binColumns = `id, warehouse_id, code, active, created_at, updated_at`

func scanBin(scan func(...any) error) (*Bin, error) {
	var b Bin
	var created, updated string
	if err := scan(&b.ID, &b.WarehouseID, &b.Code, &b.Active, &created, &updated); err != nil {
		return nil, err
	}
	b.CreatedAt, _ = store.ParseTime(created)
	b.UpdatedAt, _ = store.ParseTime(updated)
	return &b, nil
}

func findBin(ctx context.Context, q Queryer, id string) (*Bin, error) {
	b, err := scanBin(q.QueryRowContext(ctx, `SELECT `+binColumns+` FROM bins WHERE id = ?`, id).Scan)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, notFound("binId", "Bin not found.")
	} else if err != nil {
		return nil, fmt.Errorf("find bin: %w", err)
	}
	return b, nil
}

// FindBinByID returns a bin. ENOTFOUND if there is none.
func (s *Service) FindBinByID(ctx context.Context, id string) (*Bin, error) {
	return findBin(ctx, s.db.Reader(), id)
}

// FindBinByCode returns the bin of a warehouse with a code, regardless of
// case, as scanned from a bin label. ENOTFOUND if there is none.
func (s *Service) FindBinByCode(ctx context.Context, warehouseID, code string) (*Bin, error) {
	b, err := scanBin(s.db.Reader().QueryRowContext(ctx, `SELECT `+binColumns+` FROM bins WHERE warehouse_id = ? AND code = ?`,
		warehouseID, strings.TrimSpace(code)).Scan)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, notFound("binId", "No bin %s in this warehouse.", strings.TrimSpace(code))
	} else if err != nil {
		return nil, fmt.Errorf("find bin: %w", err)
	}
	return b, nil
}

// FindBins returns the bins of a warehouse in path order (see BinSortKey).
func (s *Service) FindBins(ctx context.Context, warehouseID string, activeOnly bool) ([]*Bin, error) {
	rows, err := s.db.Reader().QueryContext(ctx, `SELECT `+binColumns+` FROM bins
		WHERE warehouse_id = ? AND (active = 1 OR ? = 0) ORDER BY sort_key, code`, warehouseID, activeOnly)
	if err != nil {
		return nil, fmt.Errorf("find bins: %w", err)
	}
	defer rows.Close()
	out := []*Bin{}
	for rows.Next() {
		b, err := scanBin(rows.Scan)
		if err != nil {
			return nil, fmt.Errorf("find bins: %w", err)
		}
		out = append(out, b)
	}
	return out, rows.Err()
}

// checkPlace checks, within a transaction, that the warehouse exists and
// that the bin, if any, belongs to it. takeIn also requires both to be
// active (receipts, returns, transfers in, reservations, sales).
func checkPlace(ctx context.Context, q Queryer, warehouseID, binID string, takeIn bool, prefix string) error {
	w, err := findWarehouse(ctx, q, warehouseID)
	if err != nil {
		return withField(err, prefix+"warehouseId")
	}
	if takeIn && !w.Active {
		return &errs.Error{Code: errs.ECONFLICT, Field: prefix + "warehouseId", Message: fmt.Sprintf("The warehouse %s is inactive.", w.Code)}
	}
	if binID == "" {
		return nil
	}
	b, err := findBin(ctx, q, binID)
	if err != nil {
		return withField(err, prefix+"binId")
	}
	if b.WarehouseID != warehouseID {
		return errs.Invalid(prefix+"binId", "The bin %s is not in the warehouse %s.", b.Code, w.Code)
	}
	if takeIn && !b.Active {
		return &errs.Error{Code: errs.ECONFLICT, Field: prefix + "binId", Message: fmt.Sprintf("The bin %s is inactive.", b.Code)}
	}
	return nil
}

// withField returns a coded err with its field replaced (err itself when
// it names that field already, so sentinels such as catalog.ErrArchived
// still match with errors.Is).
func withField(err error, field string) error {
	var e *errs.Error
	if errors.As(err, &e) && e.Field != field {
		return &errs.Error{Code: e.Code, Message: e.Message, Field: field}
	}
	return err
}
