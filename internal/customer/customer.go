// Package customer owns customers: their details, billing and shipping
// addresses, the interaction log (calls, emails, visits, notes, complaints),
// full-text search, and the GDPR export and erasure of one customer.
package customer

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

// Customer is a person or business the company sells to.
type Customer struct {
	ID            string     `json:"id"`
	Code          string     `json:"code"` // unique regardless of case, e.g. C-000123
	Name          string     `json:"name"`
	Company       string     `json:"company"`
	Email         string     `json:"email"`
	Phone         string     `json:"phone"`
	TaxID         string     `json:"taxId"`
	CustomerGroup string     `json:"customerGroup"` // key of the catalog price list for the group
	CreditLimit   int64      `json:"creditLimit"`   // minor units of the company currency
	Notes         string     `json:"notes"`
	Active        bool       `json:"active"`
	ErasedAt      *time.Time `json:"erasedAt,omitempty"` // set once the customer was erased (GDPR)
	CreatedAt     time.Time  `json:"createdAt"`
	UpdatedAt     time.Time  `json:"updatedAt"`
	// Addresses are filled by FindCustomerByID and CreateCustomer, not by FindCustomers.
	Addresses []*Address `json:"addresses,omitempty"`
}

// Erased reports whether the customer's personal data was erased.
func (c *Customer) Erased() bool { return c.ErasedAt != nil }

// CustomerInput describes a new customer. An empty Code gets the next
// number of the series (C-000123).
type CustomerInput struct {
	Code          string         `json:"code"`
	Name          string         `json:"name"`
	Company       string         `json:"company"`
	Email         string         `json:"email"`
	Phone         string         `json:"phone"`
	TaxID         string         `json:"taxId"`
	CustomerGroup string         `json:"customerGroup"`
	CreditLimit   int64          `json:"creditLimit"`
	Notes         string         `json:"notes"`
	Addresses     []AddressInput `json:"addresses"`
}

// CustomerUpdate changes the fields that are not nil.
type CustomerUpdate struct {
	Code          *string `json:"code"`
	Name          *string `json:"name"`
	Company       *string `json:"company"`
	Email         *string `json:"email"`
	Phone         *string `json:"phone"`
	TaxID         *string `json:"taxId"`
	CustomerGroup *string `json:"customerGroup"`
	CreditLimit   *int64  `json:"creditLimit"`
	Notes         *string `json:"notes"`
}

// normalize cleans the customer's own fields (not its addresses).
func (in *CustomerInput) normalize() {
	in.Code = strings.ToUpper(clean(in.Code))
	in.Name = clean(in.Name)
	in.Company = clean(in.Company)
	in.Email = clean(in.Email)
	in.Phone = clean(in.Phone)
	in.TaxID = clean(in.TaxID)
	in.CustomerGroup = clean(in.CustomerGroup)
	in.Notes = clean(in.Notes)
}

// Validate normalizes the input (trimmed, Unicode NFC, code in upper case)
// and checks it. EINVALID names the field by its JSON name; a bad address
// is named like addresses[1].postalCode.
func (in *CustomerInput) Validate() error {
	in.normalize()
	if err := in.validateFields(); err != nil {
		return err
	}
	for i := range in.Addresses {
		if err := in.Addresses[i].Validate(); err != nil {
			return errs.Prefix(fmt.Sprintf("addresses[%d]", i), err)
		}
	}
	return nil
}

func (in *CustomerInput) validateFields() error {
	if in.Code != "" {
		if err := checkCode(in.Code); err != nil {
			return err
		}
	}
	if in.Name == "" {
		return errs.Invalid("name", "Enter the customer's name.")
	}
	for _, f := range []struct {
		field, value string
		max          int
		multiline    bool
	}{
		{"name", in.Name, MaxNameLen, false}, {"company", in.Company, MaxNameLen, false},
		{"taxId", in.TaxID, MaxTaxIDLen, false}, {"customerGroup", in.CustomerGroup, MaxGroupLen, false},
		{"notes", in.Notes, MaxNotesLen, true},
	} {
		if err := checkText(f.field, f.value, f.max, f.multiline); err != nil {
			return err
		}
	}
	if in.Email != "" {
		if err := checkEmail("email", in.Email); err != nil {
			return err
		}
	}
	if in.Phone != "" {
		if err := checkPhone("phone", in.Phone); err != nil {
			return err
		}
	}
	return checkCreditLimit(in.CreditLimit)
}

// Service reads and changes customers.
type Service struct {
	db *store.DB
}

// NewService returns the customer service over db.
func NewService(db *store.DB) *Service {
	return &Service{db: db}
}

type rowQueryer interface {
	QueryRow(query string, args ...any) *sql.Row
}

const customerColumns = `c.id, c.code, c.name, c.company, c.email, c.phone, c.tax_id, c.customer_group, c.credit_limit, c.notes,
	c.active, c.erased_at, c.created_at, c.updated_at`

func scanCustomer(scan func(...any) error) (*Customer, error) {
	var c Customer
	var erased, created, updated string
	if err := scan(&c.ID, &c.Code, &c.Name, &c.Company, &c.Email, &c.Phone, &c.TaxID, &c.CustomerGroup, &c.CreditLimit, &c.Notes,
		&c.Active, &erased, &created, &updated); err != nil {
		return nil, err
	}
	if erased != "" {
		t, _ := store.ParseTime(erased)
		c.ErasedAt = &t
	}
	c.CreatedAt, _ = store.ParseTime(created)
	c.UpdatedAt, _ = store.ParseTime(updated)
	return &c, nil
}

func findCustomer(q rowQueryer, id string) (*Customer, error) {
	c, err := scanCustomer(q.QueryRow(`SELECT `+customerColumns+` FROM customers c WHERE c.id = ?`, id).Scan)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, errs.Errorf(errs.ENOTFOUND, "Customer not found.")
	} else if err != nil {
		return nil, fmt.Errorf("find customer: %w", err)
	}
	return c, nil
}

// findWritable returns the customer for a change: ENOTFOUND if there is
// none, ECONFLICT if it was erased (an erased customer stays erased).
func findWritable(tx *txn, id string) (*Customer, error) {
	c, err := findCustomer(tx, id)
	if err != nil {
		return nil, err
	}
	if c.Erased() {
		return nil, errs.Errorf(errs.ECONFLICT, "This customer's personal data was erased; the customer can no longer be changed.")
	}
	return c, nil
}

// FindCustomerByID returns a customer with its addresses. ENOTFOUND if there is none.
func (s *Service) FindCustomerByID(ctx context.Context, id string) (*Customer, error) {
	c, err := findCustomer(s.db.Reader(), id)
	if err != nil {
		return nil, err
	}
	if c.Addresses, err = findAddresses(ctx, s.db.Reader(), id); err != nil {
		return nil, err
	}
	return c, nil
}

// CreateCustomer adds a customer with its addresses. EINVALID for bad input
// (addresses[i].field for an address), ECONFLICT on field "code" if the code
// is taken.
func (s *Service) CreateCustomer(ctx context.Context, actor store.Actor, in CustomerInput) (*Customer, error) {
	if err := in.Validate(); err != nil {
		return nil, err
	}
	var c *Customer
	err := s.update(ctx, actor, func(tx *txn) error {
		id, err := createCustomer(tx, s.db.Device().StationCode, &in)
		if err != nil {
			return err
		}
		if c, err = findCustomer(tx, id); err != nil {
			return err
		}
		c.Addresses, err = findAddresses(tx.Context(), tx, id)
		return err
	})
	if err != nil {
		return nil, err
	}
	return c, nil
}

// createCustomer inserts a validated customer and its addresses and returns its id.
func createCustomer(tx *txn, station string, in *CustomerInput) (string, error) {
	if in.Code == "" {
		code, err := nextCode(tx, station)
		if err != nil {
			return "", err
		}
		in.Code = code
	} else if err := checkCodeFree(tx, in.Code, ""); err != nil {
		return "", err
	}
	id := store.NewID()
	now := store.FormatTime(tx.Now)
	if _, err := tx.Exec(`INSERT INTO customers (id, code, name, company, email, phone, tax_id, customer_group, credit_limit, notes,
		active, erased_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, '', ?, ?)`,
		id, in.Code, in.Name, in.Company, in.Email, in.Phone, in.TaxID, in.CustomerGroup, in.CreditLimit, in.Notes, now, now); err != nil {
		return "", fmt.Errorf("create customer: %w", err)
	}
	for i := range in.Addresses {
		if _, err := addAddress(tx, id, in.Addresses[i]); err != nil {
			return "", errs.Prefix(fmt.Sprintf("addresses[%d]", i), err)
		}
	}
	return id, nil
}

// checkCodeFree returns ECONFLICT on field "code" if another customer than
// exceptID has code, compared regardless of case.
func checkCodeFree(tx *txn, code, exceptID string) error {
	var n int
	if err := tx.QueryRow(`SELECT count(*) FROM customers WHERE code = ? AND id <> ?`, code, exceptID).Scan(&n); err != nil {
		return fmt.Errorf("check customer code: %w", err)
	}
	if n > 0 {
		return &errs.Error{Code: errs.ECONFLICT, Message: fmt.Sprintf("The customer code %q is already taken.", code), Field: "code"}
	}
	return nil
}

// UpdateCustomer changes the fields of upd that are not nil. EINVALID for
// bad input, ECONFLICT on "code" if the new code is taken, ECONFLICT if the
// customer was erased, ENOTFOUND if there is none.
func (s *Service) UpdateCustomer(ctx context.Context, actor store.Actor, id string, upd CustomerUpdate) (*Customer, error) {
	var c *Customer
	err := s.update(ctx, actor, func(tx *txn) error {
		cur, err := findWritable(tx, id)
		if err != nil {
			return err
		}
		in := CustomerInput{Code: cur.Code, Name: cur.Name, Company: cur.Company, Email: cur.Email, Phone: cur.Phone, TaxID: cur.TaxID,
			CustomerGroup: cur.CustomerGroup, CreditLimit: cur.CreditLimit, Notes: cur.Notes}
		for _, f := range []struct{ dst, src *string }{
			{&in.Code, upd.Code}, {&in.Name, upd.Name}, {&in.Company, upd.Company}, {&in.Email, upd.Email}, {&in.Phone, upd.Phone},
			{&in.TaxID, upd.TaxID}, {&in.CustomerGroup, upd.CustomerGroup}, {&in.Notes, upd.Notes},
		} {
			if f.src != nil {
				*f.dst = *f.src
			}
		}
		if upd.CreditLimit != nil {
			in.CreditLimit = *upd.CreditLimit
		}
		in.normalize()
		if in.Code == "" {
			return errs.Invalid("code", "Enter a customer code.")
		}
		if err := in.validateFields(); err != nil {
			return err
		}
		if in.Code == cur.Code && in.Name == cur.Name && in.Company == cur.Company && in.Email == cur.Email && in.Phone == cur.Phone &&
			in.TaxID == cur.TaxID && in.CustomerGroup == cur.CustomerGroup && in.CreditLimit == cur.CreditLimit && in.Notes == cur.Notes {
			c = cur // nothing changed: no write, no audit entry
			return nil
		}
		if err := checkCodeFree(tx, in.Code, id); err != nil {
			return err
		}
		if _, err := tx.Exec(`UPDATE customers SET code = ?, name = ?, company = ?, email = ?, phone = ?, tax_id = ?, customer_group = ?,
			credit_limit = ?, notes = ?, updated_at = ? WHERE id = ?`,
			in.Code, in.Name, in.Company, in.Email, in.Phone, in.TaxID, in.CustomerGroup, in.CreditLimit, in.Notes,
			store.FormatTime(tx.Now), id); err != nil {
			return fmt.Errorf("update customer: %w", err)
		}
		c, err = findCustomer(tx, id)
		return err
	})
	if err != nil {
		return nil, err
	}
	return c, nil
}

// ArchiveCustomer marks a customer inactive: kept with its history, left out
// of searches for active customers. ENOTFOUND if there is none.
func (s *Service) ArchiveCustomer(ctx context.Context, actor store.Actor, id string) (*Customer, error) {
	return s.setActive(ctx, actor, id, false)
}

// RestoreCustomer makes an archived customer active again. ECONFLICT if the
// customer was erased, ENOTFOUND if there is none.
func (s *Service) RestoreCustomer(ctx context.Context, actor store.Actor, id string) (*Customer, error) {
	return s.setActive(ctx, actor, id, true)
}

func (s *Service) setActive(ctx context.Context, actor store.Actor, id string, active bool) (*Customer, error) {
	var c *Customer
	err := s.update(ctx, actor, func(tx *txn) error {
		cur, err := findCustomer(tx, id)
		if err != nil {
			return err
		}
		if cur.Erased() && active {
			return errs.Errorf(errs.ECONFLICT, "This customer's personal data was erased; the customer cannot be restored.")
		}
		if cur.Active != active {
			if _, err := tx.Exec(`UPDATE customers SET active = ?, updated_at = ? WHERE id = ?`, active, store.FormatTime(tx.Now), id); err != nil {
				return fmt.Errorf("archive customer: %w", err)
			}
		}
		c, err = findCustomer(tx, id)
		return err
	})
	if err != nil {
		return nil, err
	}
	return c, nil
}
