// Package catalog owns what the business sells: products with their
// barcodes, tax classes and the prices-include-tax setting, price lists for
// customer groups, and product search. Prices are int64 minor units of the
// company currency. Other services read the catalog inside their own
// transaction through the package functions that take a Queryer
// (FindProduct, Sellable, PriceFor, FindReorderRules); they never query the
// catalog's tables themselves.
package catalog

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"oms/internal/errs"
	"oms/internal/store"
)

// Limits on what a product may hold. Prices and costs are minor units.
const (
	MaxPrice          = 1_000_000_000_000 // 10 billion in a two-decimal currency
	MaxSKULen         = 64
	MaxNameLen        = 200
	MaxDescriptionLen = 5000
	MaxUnitLen        = 20
	MaxBarcodes       = 20
	MaxQuantity       = 1_000_000_000 // reorder point and quantity
	MaxWeightG        = 100_000_000   // 100 t
	MaxDimensionMM    = 100_000       // 100 m
)

// Service reads and changes the catalog.
type Service struct {
	db *store.DB
}

// NewService returns the catalog service over db.
func NewService(db *store.DB) *Service {
	return &Service{db: db}
}

// Queryer is what the catalog's reads need: the database's read pool
// (*sql.DB) or a write transaction (*store.Tx), so another service can read
// the catalog within its own transaction.
type Queryer interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// checkText validates a free-text field: valid UTF-8, at most max
// characters, no control characters (line breaks and tabs allowed when
// multiline). Anything else, SQL or HTML included, is stored verbatim.
func checkText(field, label, value string, maxLen int, multiline bool) error {
	if !utf8.ValidString(value) {
		return errs.Invalid(field, "%s contains invalid characters.", label)
	}
	if n := utf8.RuneCountInString(value); n > maxLen {
		return errs.Invalid(field, "%s must be at most %d characters (it has %d).", label, maxLen, n)
	}
	for _, r := range value {
		if multiline && (r == '\n' || r == '\r' || r == '\t') {
			continue
		}
		if unicode.IsControl(r) || r == '\u2028' || r == '\u2029' {
			return errs.Invalid(field, "%s must not contain control characters.", label)
		}
	}
	return nil
}

// checkRange validates an integer field.
func checkRange(field, label string, v, lo, hi int64) error {
	if v < lo {
		if lo == 0 {
			return errs.Invalid(field, "%s cannot be negative.", label)
		}
		return errs.Invalid(field, "%s must be at least %d.", label, lo)
	}
	if v > hi {
		return errs.Invalid(field, "%s must be at most %d.", label, hi)
	}
	return nil
}

// placeholders returns "?, ?, ?" for n arguments.
func placeholders(n int) string {
	return strings.TrimSuffix(strings.Repeat("?, ", n), ", ")
}

// isUniqueViolation reports whether err is SQLite refusing a duplicate in a
// UNIQUE column (a race the explicit checks could not see, or sync).
func isUniqueViolation(err error) bool {
	return err != nil && strings.Contains(err.Error(), "UNIQUE constraint failed")
}

func wrap(op string, err error) error {
	if err == nil || errs.Code(err) != errs.EINTERNAL {
		return err
	}
	return fmt.Errorf("%s: %w", op, err)
}

// The name index serves the product list only: a snapshot builds it after
// its rows are in.
func init() { store.RegisterDeferrableIndexes("products_name") }
