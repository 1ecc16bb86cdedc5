package catalog

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"oms/internal/errs"
	"oms/internal/store"
)

// Barcode symbologies.
const (
	SymbologyEAN13   = "ean13"
	SymbologyUPCA    = "upca"
	SymbologyEAN8    = "ean8"
	SymbologyCode128 = "code128"
)

// MaxCode128Len is the longest Code128 value accepted: longer ones do not
// fit a label a scanner reads reliably.
const MaxCode128Len = 48

// Barcode is one barcode of a product.
type Barcode struct {
	Value     string
	Symbology string
}

// ParseBarcode classifies a barcode value. A value of 13, 12 or 8 digits is
// an EAN-13, UPC-A or EAN-8 and must carry a correct GS1 check digit;
// anything else is a Code128 value of 1 to 48 printable ASCII characters.
// Surrounding spaces are removed. EINVALID on field "barcodes" otherwise.
func ParseBarcode(value string) (Barcode, error) {
	v := strings.TrimSpace(value)
	if v == "" {
		return Barcode{}, errs.Invalid("barcodes", "A barcode cannot be empty.")
	}
	if allDigits(v) {
		var sym, label string
		switch len(v) {
		case 13:
			sym, label = SymbologyEAN13, "EAN-13"
		case 12:
			sym, label = SymbologyUPCA, "UPC-A"
		case 8:
			sym, label = SymbologyEAN8, "EAN-8"
		}
		if sym != "" {
			if want := gs1CheckDigit(v[:len(v)-1]); v[len(v)-1] != want {
				return Barcode{}, errs.Invalid("barcodes", "The %s barcode %s has a wrong check digit: the last digit should be %c.", label, v, want)
			}
			return Barcode{Value: v, Symbology: sym}, nil
		}
	}
	if len(v) > MaxCode128Len {
		return Barcode{}, errs.Invalid("barcodes", "A barcode must be at most %d characters.", MaxCode128Len)
	}
	for i := 0; i < len(v); i++ {
		if v[i] < 0x20 || v[i] > 0x7e {
			return Barcode{}, errs.Invalid("barcodes", "A Code128 barcode may contain printable ASCII characters only (letters A-Z, digits, punctuation).")
		}
	}
	return Barcode{Value: v, Symbology: SymbologyCode128}, nil
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// gs1CheckDigit returns the GS1 mod-10 check digit of the digits before it:
// weights 3, 1, 3, ... from the right.
func gs1CheckDigit(body string) byte {
	sum := 0
	for i := len(body) - 1; i >= 0; i-- {
		d := int(body[i] - '0')
		if (len(body)-1-i)%2 == 0 {
			d *= 3
		}
		sum += d
	}
	return byte('0' + (10-sum%10)%10)
}

// barcodeForms returns the stored values a scanned value can match: a UPC-A
// is also the EAN-13 with a leading zero, and scanners send either.
func barcodeForms(v string) []string {
	switch {
	case len(v) == 12 && allDigits(v):
		return []string{v, "0" + v}
	case len(v) == 13 && v[0] == '0' && allDigits(v):
		return []string{v, v[1:]}
	}
	return []string{v}
}

// FindProductByBarcode returns the product carrying a scanned barcode, by
// index (a UPC-A also matches its EAN-13 form and back). ENOTFOUND if no
// product has it.
func (s *Service) FindProductByBarcode(ctx context.Context, value string) (*Product, error) {
	return FindProductByBarcode(ctx, s.db.Reader(), value)
}

// FindProductByBarcode finds the product carrying a barcode through q (the
// read pool or a transaction), as the Service method does. ENOTFOUND if no
// product has it.
func FindProductByBarcode(ctx context.Context, q Queryer, value string) (*Product, error) {
	id, err := productIDByBarcode(ctx, q, strings.TrimSpace(value))
	if err != nil {
		return nil, err
	}
	if id == "" {
		return nil, errs.Errorf(errs.ENOTFOUND, "No product has the barcode %s.", strings.TrimSpace(value))
	}
	return FindProduct(ctx, q, id)
}

// productIDByBarcode returns the id of the product with barcode v, or "".
func productIDByBarcode(ctx context.Context, q Queryer, v string) (string, error) {
	if v == "" || len(v) > MaxCode128Len {
		return "", nil
	}
	forms := barcodeForms(v)
	args := make([]any, len(forms))
	for i, f := range forms {
		args[i] = f
	}
	var id string
	err := q.QueryRowContext(ctx, `SELECT product_id FROM barcodes WHERE value IN (`+placeholders(len(forms))+`) LIMIT 1`, args...).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	} else if err != nil {
		return "", fmt.Errorf("find barcode: %w", err)
	}
	return id, nil
}

// parseBarcodes validates a product's barcodes: each valid, none twice.
func parseBarcodes(values []string) ([]Barcode, error) {
	if len(values) > MaxBarcodes {
		return nil, errs.Invalid("barcodes", "A product can have at most %d barcodes.", MaxBarcodes)
	}
	out := make([]Barcode, 0, len(values))
	seen := map[string]bool{}
	for _, v := range values {
		b, err := ParseBarcode(v)
		if err != nil {
			return nil, err
		}
		for _, f := range barcodeForms(b.Value) {
			if seen[f] {
				return nil, errs.Invalid("barcodes", "The barcode %s is listed twice.", b.Value)
			}
		}
		seen[b.Value] = true
		out = append(out, b)
	}
	return out, nil
}

// setBarcodes makes the barcodes of product id exactly want: it deletes the
// ones no longer wanted and adds the new ones. ECONFLICT on field
// "barcodes" if another product has one of them.
func setBarcodes(tx *store.Tx, productID string, have, want []Barcode) error {
	ctx := tx.Context()
	keep := map[string]bool{}
	for _, b := range want {
		keep[b.Value] = true
	}
	for _, b := range have {
		if !keep[b.Value] {
			if _, err := tx.ExecContext(ctx, `DELETE FROM barcodes WHERE product_id = ? AND value = ?`, productID, b.Value); err != nil {
				return fmt.Errorf("remove barcode: %w", err)
			}
		}
	}
	had := map[string]bool{}
	for _, b := range have {
		had[b.Value] = true
	}
	for _, b := range want {
		if had[b.Value] {
			continue
		}
		for _, f := range barcodeForms(b.Value) {
			var sku string
			err := tx.QueryRowContext(ctx, `SELECT p.sku FROM barcodes b JOIN products p ON p.id = b.product_id
				WHERE b.value = ? AND b.product_id <> ?`, f, productID).Scan(&sku)
			if err == nil {
				return &errs.Error{Code: errs.ECONFLICT, Field: "barcodes",
					Message: fmt.Sprintf("The barcode %s already belongs to product %s.", b.Value, sku)}
			} else if !errors.Is(err, sql.ErrNoRows) {
				return fmt.Errorf("check barcode: %w", err)
			}
		}
		_, err := tx.ExecContext(ctx, `INSERT INTO barcodes (id, product_id, value, symbology, created_at) VALUES (?, ?, ?, ?, ?)`,
			store.NewID(), productID, b.Value, b.Symbology, store.FormatTime(tx.Now))
		if isUniqueViolation(err) {
			return &errs.Error{Code: errs.ECONFLICT, Field: "barcodes", Message: fmt.Sprintf("The barcode %s already belongs to another product.", b.Value)}
		} else if err != nil {
			return fmt.Errorf("add barcode: %w", err)
		}
	}
	return nil
}
