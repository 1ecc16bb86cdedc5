// Package stock owns where goods are and how many: warehouses and bins, the
// append-only ledger of stock movements (receipt, sale, reservation,
// release, return, adjustment, transfer, count) and the levels derived from
// it, suppliers and purchase orders with receiving and reorder suggestions,
// transfers, stock counts and the low-stock list.
//
// Quantities are integers of the product's unit. Nothing edits a quantity:
// every change is a movement, and on-hand and reserved stock are sums of
// movements (cached in stock_levels by a trigger, so movements that sync
// brings in count too).
//
// The order service calls Reserve, Release, ReleaseAll, RecordSale and
// RecordReturn with its own *store.Tx, so an order and its stock change
// commit together. Products belong to the catalog: stock reads them only
// through the catalog's Go API.
package stock

import (
	"encoding/json"
	"strings"
	"unicode"
	"unicode/utf8"

	"oms/internal/catalog"
	"oms/internal/errs"
	"oms/internal/store"
)

// Limits.
const (
	MaxQuantity  = 1_000_000_000 // one movement or line, in the product's unit
	MaxReasonLen = 500
	MaxCodeLen   = 32
	MaxNameLen   = 200
	MaxNotesLen  = 5000
)

// Queryer reads through the read pool or a transaction, as in the catalog.
type Queryer = catalog.Queryer

// Service manages stock.
type Service struct {
	db *store.DB
}

// NewService returns the stock service over db.
func NewService(db *store.DB) *Service {
	return &Service{db: db}
}

// checkText validates a free-text field: valid UTF-8, at most max
// characters, no control characters (line breaks and tabs allowed when
// multiline). SQL or HTML is stored verbatim like any text.
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

// checkCode validates a short code (warehouse, bin, supplier): 1 to
// MaxCodeLen printable ASCII characters.
func checkCode(field, label, code string) error {
	if code == "" {
		return errs.Invalid(field, "Enter the %s.", strings.ToLower(label))
	}
	if len(code) > MaxCodeLen {
		return errs.Invalid(field, "The %s must be at most %d characters.", strings.ToLower(label), MaxCodeLen)
	}
	for i := 0; i < len(code); i++ {
		if code[i] < 0x21 || code[i] > 0x7e {
			if code[i] == ' ' {
				continue
			}
			return errs.Invalid(field, "The %s may contain letters A-Z, digits and punctuation only.", strings.ToLower(label))
		}
	}
	return nil
}

// checkQuantity validates a positive quantity.
func checkQuantity(field string, q int64) error {
	if q <= 0 {
		return errs.Invalid(field, "The quantity must be at least 1.")
	}
	if q > MaxQuantity {
		return errs.Invalid(field, "The quantity must be at most %d.", MaxQuantity)
	}
	return nil
}

func isUniqueViolation(err error) bool {
	return err != nil && strings.Contains(err.Error(), "UNIQUE constraint failed")
}

func placeholders(n int) string {
	return strings.TrimSuffix(strings.Repeat("?, ", n), ", ")
}

func mustJSON(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err) // only ever called on string slices
	}
	return string(b)
}

// notFound returns ENOTFOUND on field.
func notFound(field, format string, args ...any) error {
	e := errs.Errorf(errs.ENOTFOUND, format, args...)
	e.Field = field
	return e
}
