package catalog

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"oms/internal/errs"
	"oms/internal/money"
	"oms/internal/store"
)

// TaxClass is a named tax rate products refer to ("Standard 19 %").
type TaxClass struct {
	ID        string
	Name      string
	RateBps   int64 // 1900 = 19 %
	CreatedAt time.Time
	UpdatedAt time.Time
}

// TaxClassInput describes a new tax class.
type TaxClassInput struct {
	Name    string
	RateBps int64
}

// TaxClassUpdate changes the fields that are not nil.
type TaxClassUpdate struct {
	Name    *string
	RateBps *int64
}

// Validate trims the name and checks the input. EINVALID on field "name"
// or "rateBps" (0 to 10000, i.e. 0 to 100 %).
func (in *TaxClassInput) Validate() error {
	in.Name = strings.TrimSpace(in.Name)
	if in.Name == "" {
		return errs.Invalid("name", "Enter a name for the tax class.")
	}
	if err := checkText("name", "The name", in.Name, 100, false); err != nil {
		return err
	}
	return checkRange("rateBps", "The tax rate", in.RateBps, 0, money.MaxRateBps)
}

func taxClassTaken(name string) error {
	return &errs.Error{Code: errs.ECONFLICT, Field: "name", Message: fmt.Sprintf("A tax class named %s exists already.", name)}
}

// CreateTaxClass adds a tax class. EINVALID for bad input, ECONFLICT on
// field "name" if the name is taken.
func (s *Service) CreateTaxClass(ctx context.Context, actor store.Actor, in TaxClassInput) (*TaxClass, error) {
	if err := in.Validate(); err != nil {
		return nil, err
	}
	var tc *TaxClass
	err := s.db.Update(ctx, actor, func(tx *store.Tx) error {
		id, now := store.NewID(), store.FormatTime(tx.Now)
		_, err := tx.ExecContext(tx.Context(), `INSERT INTO tax_classes (id, name, rate_bps, created_at, updated_at) VALUES (?, ?, ?, ?, ?)`,
			id, in.Name, in.RateBps, now, now)
		if isUniqueViolation(err) {
			return taxClassTaken(in.Name)
		} else if err != nil {
			return fmt.Errorf("create tax class: %w", err)
		}
		tc, err = findTaxClass(tx.Context(), tx, id)
		return err
	})
	return tc, err
}

// UpdateTaxClass changes a tax class; products using it get the new rate
// from then on. ENOTFOUND, EINVALID or ECONFLICT as for CreateTaxClass.
func (s *Service) UpdateTaxClass(ctx context.Context, actor store.Actor, id string, u TaxClassUpdate) (*TaxClass, error) {
	var tc *TaxClass
	err := s.db.Update(ctx, actor, func(tx *store.Tx) error {
		cur, err := findTaxClass(tx.Context(), tx, id)
		if err != nil {
			return err
		}
		in := TaxClassInput{Name: cur.Name, RateBps: cur.RateBps}
		if u.Name != nil {
			in.Name = *u.Name
		}
		if u.RateBps != nil {
			in.RateBps = *u.RateBps
		}
		if err := in.Validate(); err != nil {
			return err
		}
		if in.Name != cur.Name || in.RateBps != cur.RateBps {
			_, err := tx.ExecContext(tx.Context(), `UPDATE tax_classes SET name = ?, rate_bps = ?, updated_at = ? WHERE id = ?`,
				in.Name, in.RateBps, store.FormatTime(tx.Now), id)
			if isUniqueViolation(err) {
				return taxClassTaken(in.Name)
			} else if err != nil {
				return fmt.Errorf("update tax class: %w", err)
			}
		}
		tc, err = findTaxClass(tx.Context(), tx, id)
		return err
	})
	return tc, err
}

// DeleteTaxClass removes a tax class no product uses. ENOTFOUND if there is
// none, ECONFLICT if products still use it.
func (s *Service) DeleteTaxClass(ctx context.Context, actor store.Actor, id string) error {
	return s.db.Update(ctx, actor, func(tx *store.Tx) error {
		if _, err := findTaxClass(tx.Context(), tx, id); err != nil {
			return err
		}
		var n int
		if err := tx.QueryRowContext(tx.Context(), `SELECT count(*) FROM products WHERE tax_class_id = ?`, id).Scan(&n); err != nil {
			return fmt.Errorf("delete tax class: %w", err)
		}
		if n > 0 {
			return errs.Errorf(errs.ECONFLICT, "%d products use this tax class; give them another one first.", n)
		}
		if _, err := tx.ExecContext(tx.Context(), `DELETE FROM tax_classes WHERE id = ?`, id); err != nil {
			return fmt.Errorf("delete tax class: %w", err)
		}
		return nil
	})
}

// FindTaxClassByID returns a tax class. ENOTFOUND if there is none.
func (s *Service) FindTaxClassByID(ctx context.Context, id string) (*TaxClass, error) {
	return findTaxClass(ctx, s.db.Reader(), id)
}

// FindTaxClasses returns every tax class by name.
func (s *Service) FindTaxClasses(ctx context.Context) ([]*TaxClass, error) {
	rows, err := s.db.Reader().QueryContext(ctx, `SELECT id, name, rate_bps, created_at, updated_at FROM tax_classes ORDER BY name`)
	if err != nil {
		return nil, fmt.Errorf("find tax classes: %w", err)
	}
	defer rows.Close()
	out := []*TaxClass{}
	for rows.Next() {
		tc, err := scanTaxClass(rows.Scan)
		if err != nil {
			return nil, fmt.Errorf("find tax classes: %w", err)
		}
		out = append(out, tc)
	}
	return out, rows.Err()
}

func scanTaxClass(scan func(...any) error) (*TaxClass, error) {
	var tc TaxClass
	var created, updated string
	if err := scan(&tc.ID, &tc.Name, &tc.RateBps, &created, &updated); err != nil {
		return nil, err
	}
	tc.CreatedAt, _ = store.ParseTime(created)
	tc.UpdatedAt, _ = store.ParseTime(updated)
	return &tc, nil
}

func findTaxClass(ctx context.Context, q Queryer, id string) (*TaxClass, error) {
	tc, err := scanTaxClass(q.QueryRowContext(ctx, `SELECT id, name, rate_bps, created_at, updated_at FROM tax_classes WHERE id = ?`, id).Scan)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, errs.Errorf(errs.ENOTFOUND, "Tax class not found.")
	} else if err != nil {
		return nil, fmt.Errorf("find tax class: %w", err)
	}
	return tc, nil
}

// Settings are the catalog's company-wide settings.
type Settings struct {
	// PricesIncludeTax says whether product and price-list prices are gross
	// (tax included, as shops show them) or net (tax added on top).
	PricesIncludeTax bool
	// TaxMode is how orders compute their tax: "line" (each line's tax,
	// summed) or "total" (per rate on the total). Orders keep the mode they
	// were created with.
	TaxMode string
}

// FindSettings returns the catalog settings.
func (s *Service) FindSettings(ctx context.Context) (*Settings, error) {
	return FindSettings(ctx, s.db.Reader())
}

// FindSettings reads the catalog settings through q (the read pool or a
// transaction), for services that price orders.
func FindSettings(ctx context.Context, q Queryer) (*Settings, error) {
	var st Settings
	err := q.QueryRowContext(ctx, `SELECT prices_include_tax, tax_mode FROM catalog_settings WHERE id = 'catalog'`).
		Scan(&st.PricesIncludeTax, &st.TaxMode)
	if errors.Is(err, sql.ErrNoRows) {
		return &Settings{TaxMode: "line"}, nil
	} else if err != nil {
		return nil, fmt.Errorf("read catalog settings: %w", err)
	}
	return &st, nil
}

// SetPricesIncludeTax records whether prices include tax. It changes how
// existing prices are read, not the prices themselves.
func (s *Service) SetPricesIncludeTax(ctx context.Context, actor store.Actor, include bool) (*Settings, error) {
	err := s.db.Update(ctx, actor, func(tx *store.Tx) error {
		_, err := tx.ExecContext(tx.Context(), `INSERT INTO catalog_settings (id, prices_include_tax, updated_at) VALUES ('catalog', ?, ?)
			ON CONFLICT (id) DO UPDATE SET prices_include_tax = excluded.prices_include_tax, updated_at = excluded.updated_at
			WHERE prices_include_tax IS NOT excluded.prices_include_tax`, include, store.FormatTime(tx.Now))
		if err != nil {
			return fmt.Errorf("set prices include tax: %w", err)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return s.FindSettings(ctx)
}

// SetTaxMode chooses how new orders compute their tax: "line" or "total".
// EINVALID on "taxMode" for anything else.
func (s *Service) SetTaxMode(ctx context.Context, actor store.Actor, mode string) (*Settings, error) {
	if mode != "line" && mode != "total" {
		return nil, errs.Invalid("taxMode", "The tax mode must be per line or per rate on the total.")
	}
	err := s.db.Update(ctx, actor, func(tx *store.Tx) error {
		_, err := tx.ExecContext(tx.Context(), `INSERT INTO catalog_settings (id, tax_mode, updated_at) VALUES ('catalog', ?, ?)
			ON CONFLICT (id) DO UPDATE SET tax_mode = excluded.tax_mode, updated_at = excluded.updated_at
			WHERE tax_mode IS NOT excluded.tax_mode`, mode, store.FormatTime(tx.Now))
		if err != nil {
			return fmt.Errorf("set tax mode: %w", err)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return s.FindSettings(ctx)
}
