// Package company owns the business's own details (name, address, currency,
// tax id, logo) and the first-run setup that records them with the first admin.
package company

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/base64"
	"errors"
	"fmt"
	"image"
	_ "image/jpeg" // logos may be JPEG
	_ "image/png"  // or PNG
	"net/mail"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"oms/internal/auth"
	"oms/internal/errs"
	"oms/internal/store"
)

// Company is the business OMS runs for.
type Company struct {
	Input
	UpdatedAt time.Time
}

// Input is the editable part of the company.
type Input struct {
	Name         string
	AddressLine1 string
	AddressLine2 string
	PostalCode   string
	City         string
	Country      string // ISO 3166-1 alpha-2
	Currency     string // ISO 4217
	TaxID        string
	Email        string
	Phone        string
	Logo         string // data URL of a PNG or JPEG, or ""
}

// MaxLogoBytes is the largest logo accepted, decoded.
const MaxLogoBytes = 512 * 1024

// Validate checks the input and normalizes codes to upper case. EINVALID
// names the field (JSON names: name, country, currency, email, logoDataUrl...).
func (in *Input) Validate() error {
	in.Name = strings.TrimSpace(in.Name)
	in.Country = strings.ToUpper(strings.TrimSpace(in.Country))
	in.Currency = strings.ToUpper(strings.TrimSpace(in.Currency))
	in.Email = strings.TrimSpace(in.Email)
	if in.Name == "" {
		return errs.Invalid("name", "Enter the company name.")
	}
	for _, f := range []struct {
		field, value string
		max          int
	}{
		{"name", in.Name, 200}, {"addressLine1", in.AddressLine1, 200}, {"addressLine2", in.AddressLine2, 200},
		{"postalCode", in.PostalCode, 20}, {"city", in.City, 100}, {"taxId", in.TaxID, 50},
		{"email", in.Email, 254}, {"phone", in.Phone, 40},
	} {
		if utf8.RuneCountInString(f.value) > f.max {
			return errs.Invalid(f.field, "This must be at most %d characters.", f.max)
		}
		if strings.IndexFunc(f.value, unicode.IsControl) >= 0 || !utf8.ValidString(f.value) {
			return errs.Invalid(f.field, "This must not contain control characters.")
		}
	}
	if !IsCountry(in.Country) {
		return errs.Invalid("country", "Choose a country (ISO code such as DE or US).")
	}
	if _, ok := FindCurrency(in.Currency); !ok {
		return errs.Invalid("currency", "Choose a currency (ISO code such as EUR or USD).")
	}
	if in.Email != "" {
		if a, err := mail.ParseAddress(in.Email); err != nil || a.Address != in.Email {
			return errs.Invalid("email", "Enter an email address like office@example.com.")
		}
	}
	for _, r := range in.Phone {
		if !strings.ContainsRune("0123456789 +-()./", r) {
			return errs.Invalid("phone", "A phone number may contain digits, spaces and + - ( ) . / only.")
		}
	}
	return validateLogo(in.Logo)
}

func validateLogo(logo string) error {
	if logo == "" {
		return nil
	}
	var data string
	switch {
	case strings.HasPrefix(logo, "data:image/png;base64,"):
		data = strings.TrimPrefix(logo, "data:image/png;base64,")
	case strings.HasPrefix(logo, "data:image/jpeg;base64,"):
		data = strings.TrimPrefix(logo, "data:image/jpeg;base64,")
	default:
		return errs.Invalid("logoDataUrl", "The logo must be a PNG or JPEG image.")
	}
	if base64.StdEncoding.DecodedLen(len(data)) > MaxLogoBytes+3 {
		return errs.Invalid("logoDataUrl", "The logo must be at most %d KiB.", MaxLogoBytes/1024)
	}
	raw, err := base64.StdEncoding.DecodeString(data)
	if err != nil {
		return errs.Invalid("logoDataUrl", "The logo file is damaged (not valid base64).")
	}
	if len(raw) > MaxLogoBytes {
		return errs.Invalid("logoDataUrl", "The logo must be at most %d KiB.", MaxLogoBytes/1024)
	}
	cfg, _, err := image.DecodeConfig(bytes.NewReader(raw))
	if err != nil {
		return errs.Invalid("logoDataUrl", "The logo could not be read as a PNG or JPEG image.")
	}
	if cfg.Width < 16 || cfg.Height < 16 || cfg.Width > 4000 || cfg.Height > 4000 {
		return errs.Invalid("logoDataUrl", "The logo must be between 16 and 4000 pixels wide and high.")
	}
	return nil
}

// Service reads and changes the company.
type Service struct {
	db    *store.DB
	users *auth.Service
}

// NewService returns the company service.
func NewService(db *store.DB, users *auth.Service) *Service {
	return &Service{db: db, users: users}
}

// NeedsSetup reports whether the first-run setup has not been completed.
func (s *Service) NeedsSetup(ctx context.Context) (bool, error) {
	var n int
	if err := s.db.Reader().QueryRowContext(ctx, `SELECT count(*) FROM company`).Scan(&n); err != nil {
		return false, fmt.Errorf("read company: %w", err)
	}
	return n == 0, nil
}

// Setup records the company and creates the first admin in one transaction.
// ECONFLICT if setup was done before; EINVALID with the field under
// "company." or "admin." for bad input.
func (s *Service) Setup(ctx context.Context, in Input, admin auth.UserInput) (*auth.User, error) {
	if err := in.Validate(); err != nil {
		return nil, errs.Prefix("company", err)
	}
	admin.Role = string(auth.RoleAdmin)
	if _, err := admin.Validate(); err != nil {
		return nil, errs.Prefix("admin", err)
	}
	var u *auth.User
	err := s.db.Update(ctx, store.Actor{UserName: "setup"}, func(tx *store.Tx) error {
		var n int
		if err := tx.QueryRow(`SELECT count(*) FROM company`).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			return errs.Errorf(errs.ECONFLICT, "OMS is already set up on this workstation.")
		}
		now := store.FormatTime(tx.Now)
		if _, err := tx.Exec(`INSERT INTO company (id, name, address_line1, address_line2, postal_code, city, country, currency, tax_id, email, phone, logo, created_at, updated_at)
			VALUES ('company', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			in.Name, in.AddressLine1, in.AddressLine2, in.PostalCode, in.City, in.Country, in.Currency, in.TaxID, in.Email, in.Phone, in.Logo, now, now); err != nil {
			return fmt.Errorf("create company: %w", err)
		}
		var err error
		u, err = s.users.CreateUserTx(tx, admin)
		return errs.Prefix("admin", err)
	})
	return u, err
}

// Find returns the company. ENOTFOUND before setup.
func (s *Service) Find(ctx context.Context) (*Company, error) {
	var c Company
	var updated string
	err := s.db.Reader().QueryRowContext(ctx, `SELECT name, address_line1, address_line2, postal_code, city, country, currency, tax_id, email, phone, logo, updated_at
		FROM company WHERE id = 'company'`).Scan(&c.Name, &c.AddressLine1, &c.AddressLine2, &c.PostalCode, &c.City, &c.Country,
		&c.Currency, &c.TaxID, &c.Email, &c.Phone, &c.Logo, &updated)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, errs.Errorf(errs.ENOTFOUND, "The company is not set up yet.")
	} else if err != nil {
		return nil, fmt.Errorf("read company: %w", err)
	}
	c.UpdatedAt, _ = store.ParseTime(updated)
	return &c, nil
}

// Update changes the company's details. EINVALID for bad input, ENOTFOUND before setup.
func (s *Service) Update(ctx context.Context, actor store.Actor, in Input) (*Company, error) {
	if err := in.Validate(); err != nil {
		return nil, err
	}
	err := s.db.Update(ctx, actor, func(tx *store.Tx) error {
		res, err := tx.Exec(`UPDATE company SET name = ?, address_line1 = ?, address_line2 = ?, postal_code = ?, city = ?, country = ?,
			currency = ?, tax_id = ?, email = ?, phone = ?, logo = ?, updated_at = ? WHERE id = 'company'`,
			in.Name, in.AddressLine1, in.AddressLine2, in.PostalCode, in.City, in.Country, in.Currency, in.TaxID, in.Email, in.Phone, in.Logo,
			store.FormatTime(tx.Now))
		if err != nil {
			return fmt.Errorf("update company: %w", err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return errs.Errorf(errs.ENOTFOUND, "The company is not set up yet.")
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return s.Find(ctx)
}
