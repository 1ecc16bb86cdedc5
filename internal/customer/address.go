package customer

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"oms/internal/company"
	"oms/internal/errs"
	"oms/internal/store"
)

// Address kinds.
const (
	AddressBilling  = "billing"
	AddressShipping = "shipping"
)

// Address is a billing or shipping address of a customer. Each customer has
// at most one default address of each kind; the first of a kind becomes the
// default.
type Address struct {
	ID         string    `json:"id"`
	CustomerID string    `json:"customerId"`
	Kind       string    `json:"kind"` // billing or shipping
	Default    bool      `json:"default"`
	Name       string    `json:"name"`
	Company    string    `json:"company"`
	Line1      string    `json:"line1"`
	Line2      string    `json:"line2"`
	PostalCode string    `json:"postalCode"`
	City       string    `json:"city"`
	Region     string    `json:"region"`
	Country    string    `json:"country"` // ISO 3166-1 alpha-2
	Phone      string    `json:"phone"`
	CreatedAt  time.Time `json:"createdAt"`
	UpdatedAt  time.Time `json:"updatedAt"`
}

// AddressInput describes an address. Default makes it the default of its
// kind, in place of the previous one.
type AddressInput struct {
	Kind       string `json:"kind"`
	Default    bool   `json:"default"`
	Name       string `json:"name"`
	Company    string `json:"company"`
	Line1      string `json:"line1"`
	Line2      string `json:"line2"`
	PostalCode string `json:"postalCode"`
	City       string `json:"city"`
	Region     string `json:"region"`
	Country    string `json:"country"`
	Phone      string `json:"phone"`
}

// Validate normalizes the address (trimmed, Unicode NFC, country and postal
// code in upper case) and checks it. EINVALID names the field: kind, line1,
// postalCode, city, country...
func (in *AddressInput) Validate() error {
	in.Kind = strings.ToLower(clean(in.Kind))
	for _, p := range []*string{&in.Name, &in.Company, &in.Line1, &in.Line2, &in.City, &in.Region, &in.Phone} {
		*p = clean(*p)
	}
	in.PostalCode = strings.ToUpper(clean(in.PostalCode))
	in.Country = strings.ToUpper(clean(in.Country))
	if in.Kind != AddressBilling && in.Kind != AddressShipping {
		return errs.Invalid("kind", "An address is either a billing or a shipping address.")
	}
	for _, f := range []struct {
		field, value string
		max          int
	}{
		{"name", in.Name, MaxNameLen}, {"company", in.Company, MaxNameLen}, {"line1", in.Line1, maxAddressLineLen},
		{"line2", in.Line2, maxAddressLineLen}, {"postalCode", in.PostalCode, maxPostalCodeLen}, {"city", in.City, maxCityLen},
		{"region", in.Region, maxRegionLen},
	} {
		if err := checkText(f.field, f.value, f.max, false); err != nil {
			return err
		}
	}
	if in.Line1 == "" {
		return errs.Invalid("line1", "Enter the street and number.")
	}
	for _, r := range in.PostalCode {
		if !(r >= '0' && r <= '9' || r >= 'A' && r <= 'Z' || r == ' ' || r == '-') {
			return errs.Invalid("postalCode", "A postal code may contain letters A-Z, digits, spaces and dashes only.")
		}
	}
	if in.City == "" {
		return errs.Invalid("city", "Enter the city.")
	}
	if !company.IsCountry(in.Country) {
		return errs.Invalid("country", "Choose a country (ISO code such as DE or US).")
	}
	if in.Phone != "" {
		if err := checkPhone("phone", in.Phone); err != nil {
			return err
		}
	}
	return nil
}

type queryer interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

const addressColumns = `id, customer_id, kind, is_default, name, company, line1, line2, postal_code, city, region, country, phone, created_at, updated_at`

func scanAddress(scan func(...any) error) (*Address, error) {
	var a Address
	var created, updated string
	if err := scan(&a.ID, &a.CustomerID, &a.Kind, &a.Default, &a.Name, &a.Company, &a.Line1, &a.Line2, &a.PostalCode, &a.City,
		&a.Region, &a.Country, &a.Phone, &created, &updated); err != nil {
		return nil, err
	}
	a.CreatedAt, _ = store.ParseTime(created)
	a.UpdatedAt, _ = store.ParseTime(updated)
	return &a, nil
}

// findAddresses returns a customer's addresses: billing first, defaults
// first, then oldest first.
func findAddresses(ctx context.Context, q queryer, customerID string) ([]*Address, error) {
	rows, err := q.QueryContext(ctx, `SELECT `+addressColumns+` FROM customer_addresses WHERE customer_id = ?
		ORDER BY kind, is_default DESC, created_at, id`, customerID)
	if err != nil {
		return nil, fmt.Errorf("find addresses: %w", err)
	}
	defer rows.Close()
	out := []*Address{}
	for rows.Next() {
		a, err := scanAddress(rows.Scan)
		if err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	return out, rows.Err()
}

func findAddress(q rowQueryer, id string) (*Address, error) {
	a, err := scanAddress(q.QueryRow(`SELECT `+addressColumns+` FROM customer_addresses WHERE id = ?`, id).Scan)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, errs.Errorf(errs.ENOTFOUND, "Address not found.")
	} else if err != nil {
		return nil, fmt.Errorf("find address: %w", err)
	}
	return a, nil
}

// addAddress inserts a validated address for a customer and keeps one
// default of its kind.
func addAddress(tx *txn, customerID string, in AddressInput) (*Address, error) {
	id := store.NewID()
	now := store.FormatTime(tx.Now)
	if _, err := tx.Exec(`INSERT INTO customer_addresses (id, customer_id, kind, is_default, name, company, line1, line2, postal_code,
		city, region, country, phone, created_at, updated_at) VALUES (?, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		id, customerID, in.Kind, in.Name, in.Company, in.Line1, in.Line2, in.PostalCode, in.City, in.Region, in.Country, in.Phone, now, now); err != nil {
		return nil, fmt.Errorf("add address: %w", err)
	}
	if in.Default {
		if err := setDefault(tx, customerID, in.Kind, id); err != nil {
			return nil, err
		}
	} else if err := ensureDefault(tx, customerID, in.Kind); err != nil {
		return nil, err
	}
	return findAddress(tx, id)
}

// setDefault makes id the default address of its kind, clearing the
// previous default first (the partial unique index allows one).
func setDefault(tx *txn, customerID, kind, id string) error {
	now := store.FormatTime(tx.Now)
	if _, err := tx.Exec(`UPDATE customer_addresses SET is_default = 0, updated_at = ?
		WHERE customer_id = ? AND kind = ? AND is_default = 1 AND id <> ?`, now, customerID, kind, id); err != nil {
		return fmt.Errorf("set default address: %w", err)
	}
	if _, err := tx.Exec(`UPDATE customer_addresses SET is_default = 1, updated_at = ? WHERE id = ? AND is_default = 0`, now, id); err != nil {
		return fmt.Errorf("set default address: %w", err)
	}
	return nil
}

// ensureDefault makes the oldest address of the kind the default when the
// customer has addresses of that kind but no default.
func ensureDefault(tx *txn, customerID, kind string) error {
	var id string
	err := tx.QueryRow(`SELECT id FROM customer_addresses WHERE customer_id = ? AND kind = ?
		AND NOT EXISTS (SELECT 1 FROM customer_addresses WHERE customer_id = ? AND kind = ? AND is_default = 1)
		ORDER BY created_at, id LIMIT 1`, customerID, kind, customerID, kind).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return nil
	} else if err != nil {
		return fmt.Errorf("default address: %w", err)
	}
	return setDefault(tx, customerID, kind, id)
}

// AddAddress adds an address to a customer. EINVALID for bad input,
// ECONFLICT if the customer was erased, ENOTFOUND if there is none.
func (s *Service) AddAddress(ctx context.Context, actor store.Actor, customerID string, in AddressInput) (*Address, error) {
	if err := in.Validate(); err != nil {
		return nil, err
	}
	var a *Address
	err := s.update(ctx, actor, func(tx *txn) error {
		if _, err := findWritable(tx, customerID); err != nil {
			return err
		}
		var err error
		a, err = addAddress(tx, customerID, in)
		return err
	})
	if err != nil {
		return nil, err
	}
	return a, nil
}

// UpdateAddress replaces an address's fields with in. Changing its kind
// moves it to the other kind's addresses (a default of the old kind passes
// to the oldest remaining one); in.Default makes it the default of its
// kind, while clearing Default is ignored (choose another default instead).
// EINVALID for bad input, ECONFLICT if the customer was erased, ENOTFOUND.
func (s *Service) UpdateAddress(ctx context.Context, actor store.Actor, id string, in AddressInput) (*Address, error) {
	if err := in.Validate(); err != nil {
		return nil, err
	}
	var a *Address
	err := s.update(ctx, actor, func(tx *txn) error {
		cur, err := findAddress(tx, id)
		if err != nil {
			return err
		}
		if _, err := findWritable(tx, cur.CustomerID); err != nil {
			return err
		}
		if cur.Kind == in.Kind && (cur.Default || !in.Default) && cur.Name == in.Name && cur.Company == in.Company && cur.Line1 == in.Line1 &&
			cur.Line2 == in.Line2 && cur.PostalCode == in.PostalCode && cur.City == in.City && cur.Region == in.Region &&
			cur.Country == in.Country && cur.Phone == in.Phone {
			a = cur // nothing changed: no write, no audit entry
			return nil
		}
		isDefault := cur.Default && cur.Kind == in.Kind
		if _, err := tx.Exec(`UPDATE customer_addresses SET kind = ?, is_default = ?, name = ?, company = ?, line1 = ?, line2 = ?,
			postal_code = ?, city = ?, region = ?, country = ?, phone = ?, updated_at = ? WHERE id = ?`,
			in.Kind, isDefault, in.Name, in.Company, in.Line1, in.Line2, in.PostalCode, in.City, in.Region, in.Country, in.Phone,
			store.FormatTime(tx.Now), id); err != nil {
			return fmt.Errorf("update address: %w", err)
		}
		if in.Default {
			err = setDefault(tx, cur.CustomerID, in.Kind, id)
		} else {
			err = ensureDefault(tx, cur.CustomerID, in.Kind)
		}
		if err == nil && cur.Kind != in.Kind {
			err = ensureDefault(tx, cur.CustomerID, cur.Kind)
		}
		if err != nil {
			return err
		}
		a, err = findAddress(tx, id)
		return err
	})
	if err != nil {
		return nil, err
	}
	return a, nil
}

// DeleteAddress removes an address; if it was the default of its kind, the
// oldest remaining address of that kind becomes the default. ECONFLICT if
// the customer was erased, ENOTFOUND if there is no such address.
func (s *Service) DeleteAddress(ctx context.Context, actor store.Actor, id string) error {
	return s.update(ctx, actor, func(tx *txn) error {
		cur, err := findAddress(tx, id)
		if err != nil {
			return err
		}
		if _, err := findWritable(tx, cur.CustomerID); err != nil {
			return err
		}
		if _, err := tx.Exec(`DELETE FROM customer_addresses WHERE id = ?`, id); err != nil {
			return fmt.Errorf("delete address: %w", err)
		}
		// The deleted row's audit entry names only the address; this one ties
		// it to the customer, so a GDPR export can still find it.
		if err := tx.Audit(actionDeleteAddress, "customers", cur.CustomerID, map[string]string{"addressId": id, "kind": cur.Kind}); err != nil {
			return err
		}
		return ensureDefault(tx, cur.CustomerID, cur.Kind)
	})
}

// SetDefaultAddress makes an address the default of its kind, in place of
// the previous one, in one transaction. ECONFLICT if the customer was
// erased, ENOTFOUND if there is no such address.
func (s *Service) SetDefaultAddress(ctx context.Context, actor store.Actor, id string) (*Address, error) {
	var a *Address
	err := s.update(ctx, actor, func(tx *txn) error {
		cur, err := findAddress(tx, id)
		if err != nil {
			return err
		}
		if _, err := findWritable(tx, cur.CustomerID); err != nil {
			return err
		}
		if err := setDefault(tx, cur.CustomerID, cur.Kind, id); err != nil {
			return err
		}
		a, err = findAddress(tx, id)
		return err
	})
	if err != nil {
		return nil, err
	}
	return a, nil
}
