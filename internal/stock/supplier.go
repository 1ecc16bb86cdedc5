package stock

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/mail"
	"strings"
	"time"

	"oms/internal/errs"
	"oms/internal/store"
)

// Supplier is a business stock is bought from.
type Supplier struct {
	ID        string
	Code      string // unique regardless of ASCII case
	Name      string
	Email     string
	Phone     string
	Notes     string
	Active    bool
	CreatedAt time.Time
	UpdatedAt time.Time
}

// SupplierInput describes a new supplier.
type SupplierInput struct {
	Code  string
	Name  string
	Email string
	Phone string
	Notes string
}

// SupplierUpdate changes the fields that are not nil.
type SupplierUpdate struct {
	Code   *string
	Name   *string
	Email  *string
	Phone  *string
	Notes  *string
	Active *bool
}

// Validate trims and checks the input. EINVALID on field code, name,
// email, phone or notes.
func (in *SupplierInput) Validate() error {
	in.Code, in.Name = strings.TrimSpace(in.Code), strings.TrimSpace(in.Name)
	in.Email, in.Phone, in.Notes = strings.TrimSpace(in.Email), strings.TrimSpace(in.Phone), strings.TrimSpace(in.Notes)
	if err := checkCode("code", "Supplier code", in.Code); err != nil {
		return err
	}
	if in.Name == "" {
		return errs.Invalid("name", "Enter the supplier's name.")
	}
	for _, f := range []struct {
		field, label, value string
		max                 int
		multiline           bool
	}{
		{"name", "The name", in.Name, MaxNameLen, false},
		{"email", "The email", in.Email, 254, false},
		{"phone", "The phone number", in.Phone, 40, false},
		{"notes", "The notes", in.Notes, MaxNotesLen, true},
	} {
		if err := checkText(f.field, f.label, f.value, f.max, f.multiline); err != nil {
			return err
		}
	}
	if in.Email != "" {
		if a, err := mail.ParseAddress(in.Email); err != nil || a.Address != in.Email {
			return errs.Invalid("email", "Enter an email address like orders@supplier.example.")
		}
	}
	for _, r := range in.Phone {
		if !strings.ContainsRune("0123456789 +-()./", r) {
			return errs.Invalid("phone", "A phone number may contain digits, spaces and + - ( ) . / only.")
		}
	}
	return nil
}

func supplierTaken(code string) error {
	return &errs.Error{Code: errs.ECONFLICT, Field: "code", Message: fmt.Sprintf("The supplier code %s is taken.", code)}
}

// CreateSupplier adds a supplier. EINVALID for bad input, ECONFLICT on
// field "code" when the code is taken.
func (s *Service) CreateSupplier(ctx context.Context, actor store.Actor, in SupplierInput) (*Supplier, error) {
	if err := in.Validate(); err != nil {
		return nil, err
	}
	var sup *Supplier
	err := s.db.Update(ctx, actor, func(tx *store.Tx) error {
		id, now := store.NewID(), store.FormatTime(tx.Now)
		_, err := tx.ExecContext(tx.Context(), `INSERT INTO suppliers (id, code, name, email, phone, notes, active, created_at, updated_at)
			VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?)`, id, in.Code, in.Name, in.Email, in.Phone, in.Notes, now, now)
		if isUniqueViolation(err) {
			return supplierTaken(in.Code)
		} else if err != nil {
			return fmt.Errorf("create supplier: %w", err)
		}
		sup, err = findSupplier(tx.Context(), tx, id)
		return err
	})
	return sup, err
}

// UpdateSupplier changes a supplier. ENOTFOUND, EINVALID or ECONFLICT as
// for CreateSupplier. An inactive supplier keeps its purchase orders but
// gets no new ones.
func (s *Service) UpdateSupplier(ctx context.Context, actor store.Actor, id string, u SupplierUpdate) (*Supplier, error) {
	var sup *Supplier
	err := s.db.Update(ctx, actor, func(tx *store.Tx) error {
		cur, err := findSupplier(tx.Context(), tx, id)
		if err != nil {
			return err
		}
		in := SupplierInput{Code: cur.Code, Name: cur.Name, Email: cur.Email, Phone: cur.Phone, Notes: cur.Notes}
		active := cur.Active
		for _, f := range []struct {
			dst *string
			src *string
		}{{&in.Code, u.Code}, {&in.Name, u.Name}, {&in.Email, u.Email}, {&in.Phone, u.Phone}, {&in.Notes, u.Notes}} {
			if f.src != nil {
				*f.dst = *f.src
			}
		}
		if u.Active != nil {
			active = *u.Active
		}
		if err := in.Validate(); err != nil {
			return err
		}
		_, err = tx.ExecContext(tx.Context(), `UPDATE suppliers SET code = ?, name = ?, email = ?, phone = ?, notes = ?, active = ?, updated_at = ?
			WHERE id = ? AND (code IS NOT ? OR name IS NOT ? OR email IS NOT ? OR phone IS NOT ? OR notes IS NOT ? OR active IS NOT ?)`,
			in.Code, in.Name, in.Email, in.Phone, in.Notes, active, store.FormatTime(tx.Now),
			id, in.Code, in.Name, in.Email, in.Phone, in.Notes, active)
		if isUniqueViolation(err) {
			return supplierTaken(in.Code)
		} else if err != nil {
			return fmt.Errorf("update supplier: %w", err)
		}
		sup, err = findSupplier(tx.Context(), tx, id)
		return err
	})
	return sup, err
}

const supplierColumns = `id, code, name, email, phone, notes, active, created_at, updated_at`

func scanSupplier(scan func(...any) error) (*Supplier, error) {
	var s Supplier
	var created, updated string
	if err := scan(&s.ID, &s.Code, &s.Name, &s.Email, &s.Phone, &s.Notes, &s.Active, &created, &updated); err != nil {
		return nil, err
	}
	s.CreatedAt, _ = store.ParseTime(created)
	s.UpdatedAt, _ = store.ParseTime(updated)
	return &s, nil
}

func findSupplier(ctx context.Context, q Queryer, id string) (*Supplier, error) {
	s, err := scanSupplier(q.QueryRowContext(ctx, `SELECT `+supplierColumns+` FROM suppliers WHERE id = ?`, id).Scan)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, notFound("supplierId", "Supplier not found.")
	} else if err != nil {
		return nil, fmt.Errorf("find supplier: %w", err)
	}
	return s, nil
}

// FindSupplierByID returns a supplier. ENOTFOUND if there is none.
func (s *Service) FindSupplierByID(ctx context.Context, id string) (*Supplier, error) {
	return findSupplier(ctx, s.db.Reader(), id)
}

// FindSuppliers returns suppliers by name.
func (s *Service) FindSuppliers(ctx context.Context, activeOnly bool) ([]*Supplier, error) {
	rows, err := s.db.Reader().QueryContext(ctx, `SELECT `+supplierColumns+` FROM suppliers
		WHERE active = 1 OR ? = 0 ORDER BY name COLLATE NOCASE, code`, activeOnly)
	if err != nil {
		return nil, fmt.Errorf("find suppliers: %w", err)
	}
	defer rows.Close()
	out := []*Supplier{}
	for rows.Next() {
		sup, err := scanSupplier(rows.Scan)
		if err != nil {
			return nil, fmt.Errorf("find suppliers: %w", err)
		}
		out = append(out, sup)
	}
	return out, rows.Err()
}
