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

// CreateProductTx adds a product with its barcodes within tx, which the
// caller owns, and returns its id; CreateProduct and the bulk import (many
// products in one all-or-nothing transaction) both use it. EINVALID,
// ECONFLICT on "sku" or "barcodes".
func CreateProductTx(tx *store.Tx, in ProductInput) (string, error) {
	barcodes, err := in.Validate()
	if err != nil {
		return "", err
	}
	if err := checkProductRefs(tx, "", in); err != nil {
		return "", err
	}
	id := store.NewID()
	now := store.FormatTime(tx.Now)
	_, err = tx.ExecContext(tx.Context(), `INSERT INTO products (id, sku, name, description, unit, price, cost, tax_class_id,
		weight_g, length_mm, width_mm, height_mm, reorder_point, reorder_qty, active, archived_at, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, NULLIF(?, ''), ?, ?, ?, ?, ?, ?, 1, '', ?, ?)`,
		id, in.SKU, in.Name, in.Description, in.Unit, in.Price, in.Cost, in.TaxClassID,
		in.WeightG, in.LengthMM, in.WidthMM, in.HeightMM, in.ReorderPoint, in.ReorderQty, now, now)
	if isUniqueViolation(err) {
		return "", skuTaken(in.SKU)
	} else if err != nil {
		return "", fmt.Errorf("create product: %w", err)
	}
	if err := setBarcodes(tx, id, nil, barcodes); err != nil {
		return "", wrap("create product", err)
	}
	return id, nil
}

// FindProductBySKU returns the product with a SKU, regardless of ASCII
// case, read through q (the read pool or a transaction). ENOTFOUND on field
// "sku" if there is none.
func FindProductBySKU(ctx context.Context, q Queryer, sku string) (*Product, error) {
	sku = strings.TrimSpace(sku)
	var id string
	err := q.QueryRowContext(ctx, `SELECT id FROM products WHERE sku = ?`, sku).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, &errs.Error{Code: errs.ENOTFOUND, Field: "sku", Message: fmt.Sprintf("No product has the SKU %s.", sku)}
	} else if err != nil {
		return nil, fmt.Errorf("find product by sku: %w", err)
	}
	return FindProduct(ctx, q, id)
}

// FindTaxClassByName returns the tax class with a name, regardless of ASCII
// case, read through q. ENOTFOUND on field "taxClassId" if there is none.
func FindTaxClassByName(ctx context.Context, q Queryer, name string) (*TaxClass, error) {
	name = strings.TrimSpace(name)
	var id string
	err := q.QueryRowContext(ctx, `SELECT id FROM tax_classes WHERE name = ?`, name).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, &errs.Error{Code: errs.ENOTFOUND, Field: "taxClassId", Message: fmt.Sprintf("There is no tax class named %s.", name)}
	} else if err != nil {
		return nil, fmt.Errorf("find tax class by name: %w", err)
	}
	return findTaxClass(ctx, q, id)
}
