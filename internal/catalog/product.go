package catalog

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"time"

	"oms/internal/errs"
	"oms/internal/store"
)

// Product is something the business sells.
type Product struct {
	ID           string
	SKU          string // unique regardless of ASCII case
	Name         string
	Description  string
	Unit         string // "pcs", "kg", "m"...: quantities are integers of it
	Price        int64  // default list price, minor units
	Cost         int64  // purchase cost, minor units
	TaxClassID   string // "" for none
	WeightG      int64
	LengthMM     int64
	WidthMM      int64
	HeightMM     int64
	ReorderPoint int64 // stock below this is low
	ReorderQty   int64 // how much to order then
	Active       bool  // false once archived: kept for history, not sellable
	ArchivedAt   time.Time
	Barcodes     []Barcode
	CreatedAt    time.Time
	UpdatedAt    time.Time
}

// ProductInput describes a new product. Barcodes are classified by
// ParseBarcode.
type ProductInput struct {
	SKU          string
	Name         string
	Description  string
	Unit         string // defaults to "pcs"
	Price        int64
	Cost         int64
	TaxClassID   string
	WeightG      int64
	LengthMM     int64
	WidthMM      int64
	HeightMM     int64
	ReorderPoint int64
	ReorderQty   int64
	Barcodes     []string
}

// ProductUpdate changes the fields that are not nil. Barcodes, when set,
// replaces the whole list.
type ProductUpdate struct {
	SKU          *string
	Name         *string
	Description  *string
	Unit         *string
	Price        *int64
	Cost         *int64
	TaxClassID   *string
	WeightG      *int64
	LengthMM     *int64
	WidthMM      *int64
	HeightMM     *int64
	ReorderPoint *int64
	ReorderQty   *int64
	Barcodes     *[]string
}

// ErrArchived is returned by Sellable for an archived product.
var ErrArchived = &errs.Error{Code: errs.ECONFLICT, Message: "This product is archived and cannot be sold.", Field: "productId"}

// normalize trims the text fields and applies defaults.
func (in *ProductInput) normalize() {
	in.SKU = strings.TrimSpace(in.SKU)
	in.Name = strings.TrimSpace(in.Name)
	in.Description = strings.TrimSpace(in.Description)
	in.Unit = strings.TrimSpace(in.Unit)
	in.TaxClassID = strings.TrimSpace(in.TaxClassID)
	if in.Unit == "" {
		in.Unit = "pcs"
	}
}

// Validate normalizes the input and checks it, returning the parsed
// barcodes. EINVALID names the field: sku, name, description, unit, price,
// cost, weightG, lengthMm, widthMm, heightMm, reorderPoint, reorderQty or
// barcodes.
func (in *ProductInput) Validate() ([]Barcode, error) {
	in.normalize()
	if in.SKU == "" {
		return nil, errs.Invalid("sku", "Enter a SKU.")
	}
	if len(in.SKU) > MaxSKULen {
		return nil, errs.Invalid("sku", "The SKU must be at most %d characters.", MaxSKULen)
	}
	for i := 0; i < len(in.SKU); i++ {
		if in.SKU[i] < 0x20 || in.SKU[i] > 0x7e {
			return nil, errs.Invalid("sku", "A SKU may contain letters A-Z, digits, spaces and punctuation only.")
		}
	}
	if in.Name == "" {
		return nil, errs.Invalid("name", "Enter the product name.")
	}
	for _, f := range []struct {
		field, label, value string
		max                 int
		multiline           bool
	}{
		{"name", "The name", in.Name, MaxNameLen, false},
		{"description", "The description", in.Description, MaxDescriptionLen, true},
		{"unit", "The unit", in.Unit, MaxUnitLen, false},
	} {
		if err := checkText(f.field, f.label, f.value, f.max, f.multiline); err != nil {
			return nil, err
		}
	}
	for _, f := range []struct {
		field, label string
		value, max   int64
	}{
		{"price", "The price", in.Price, MaxPrice},
		{"cost", "The cost", in.Cost, MaxPrice},
		{"weightG", "The weight", in.WeightG, MaxWeightG},
		{"lengthMm", "The length", in.LengthMM, MaxDimensionMM},
		{"widthMm", "The width", in.WidthMM, MaxDimensionMM},
		{"heightMm", "The height", in.HeightMM, MaxDimensionMM},
		{"reorderPoint", "The reorder point", in.ReorderPoint, MaxQuantity},
		{"reorderQty", "The reorder quantity", in.ReorderQty, MaxQuantity},
	} {
		if err := checkRange(f.field, f.label, f.value, 0, f.max); err != nil {
			return nil, err
		}
	}
	return parseBarcodes(in.Barcodes)
}

// input returns the editable fields of p as an input.
func (p *Product) input() ProductInput {
	in := ProductInput{SKU: p.SKU, Name: p.Name, Description: p.Description, Unit: p.Unit, Price: p.Price, Cost: p.Cost,
		TaxClassID: p.TaxClassID, WeightG: p.WeightG, LengthMM: p.LengthMM, WidthMM: p.WidthMM, HeightMM: p.HeightMM,
		ReorderPoint: p.ReorderPoint, ReorderQty: p.ReorderQty}
	for _, b := range p.Barcodes {
		in.Barcodes = append(in.Barcodes, b.Value)
	}
	return in
}

// apply sets the non-nil fields of u on in.
func (u ProductUpdate) apply(in *ProductInput) {
	set := func(dst *string, src *string) {
		if src != nil {
			*dst = *src
		}
	}
	setInt := func(dst *int64, src *int64) {
		if src != nil {
			*dst = *src
		}
	}
	set(&in.SKU, u.SKU)
	set(&in.Name, u.Name)
	set(&in.Description, u.Description)
	set(&in.Unit, u.Unit)
	set(&in.TaxClassID, u.TaxClassID)
	setInt(&in.Price, u.Price)
	setInt(&in.Cost, u.Cost)
	setInt(&in.WeightG, u.WeightG)
	setInt(&in.LengthMM, u.LengthMM)
	setInt(&in.WidthMM, u.WidthMM)
	setInt(&in.HeightMM, u.HeightMM)
	setInt(&in.ReorderPoint, u.ReorderPoint)
	setInt(&in.ReorderQty, u.ReorderQty)
	if u.Barcodes != nil {
		in.Barcodes = slices.Clone(*u.Barcodes)
	}
}

// CreateProduct adds a product with its barcodes. EINVALID for bad input
// (taxClassId when the tax class does not exist); ECONFLICT on field "sku"
// or "barcodes" when another product has the SKU or a barcode.
func (s *Service) CreateProduct(ctx context.Context, actor store.Actor, in ProductInput) (*Product, error) {
	if _, err := in.Validate(); err != nil {
		return nil, err
	}
	var p *Product
	err := s.db.Update(ctx, actor, func(tx *store.Tx) error {
		id, err := CreateProductTx(tx, in)
		if err != nil {
			return err
		}
		p, err = FindProduct(tx.Context(), tx, id)
		return err
	})
	return p, wrap("create product", err)
}

func skuTaken(sku string) error {
	return &errs.Error{Code: errs.ECONFLICT, Field: "sku", Message: fmt.Sprintf("The SKU %s is already used by another product.", sku)}
}

// checkProductRefs checks, within tx, that the SKU is free (but for product
// id) and that the tax class exists.
func checkProductRefs(tx *store.Tx, id string, in ProductInput) error {
	ctx := tx.Context()
	var other string
	err := tx.QueryRowContext(ctx, `SELECT id FROM products WHERE sku = ? AND id <> ?`, in.SKU, id).Scan(&other)
	if err == nil {
		return skuTaken(in.SKU)
	} else if !errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("check sku: %w", err)
	}
	if in.TaxClassID != "" {
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM tax_classes WHERE id = ?`, in.TaxClassID).Scan(&n); err != nil {
			return fmt.Errorf("check tax class: %w", err)
		}
		if n == 0 {
			return errs.Invalid("taxClassId", "Choose an existing tax class.")
		}
	}
	return nil
}

// UpdateProduct changes the fields of a product that u sets. Nothing is
// written when nothing changes. ENOTFOUND if there is no such product;
// otherwise the errors of CreateProduct.
func (s *Service) UpdateProduct(ctx context.Context, actor store.Actor, id string, u ProductUpdate) (*Product, error) {
	var p *Product
	err := s.db.Update(ctx, actor, func(tx *store.Tx) error {
		cur, err := FindProduct(tx.Context(), tx, id)
		if err != nil {
			return err
		}
		in := cur.input()
		u.apply(&in)
		barcodes, err := in.Validate()
		if err != nil {
			return err
		}
		if err := checkProductRefs(tx, id, in); err != nil {
			return err
		}
		old := cur.input()
		old.normalize()
		fieldsChanged := !equalInputs(old, in)
		if fieldsChanged {
			_, err = tx.ExecContext(tx.Context(), `UPDATE products SET sku = ?, name = ?, description = ?, unit = ?, price = ?, cost = ?,
				tax_class_id = NULLIF(?, ''), weight_g = ?, length_mm = ?, width_mm = ?, height_mm = ?, reorder_point = ?, reorder_qty = ?,
				updated_at = ? WHERE id = ?`,
				in.SKU, in.Name, in.Description, in.Unit, in.Price, in.Cost, in.TaxClassID, in.WeightG, in.LengthMM, in.WidthMM,
				in.HeightMM, in.ReorderPoint, in.ReorderQty, store.FormatTime(tx.Now), id)
			if isUniqueViolation(err) {
				return skuTaken(in.SKU)
			} else if err != nil {
				return fmt.Errorf("update product: %w", err)
			}
		}
		if u.Barcodes != nil {
			if err := setBarcodes(tx, id, cur.Barcodes, barcodes); err != nil {
				return err
			}
		}
		p, err = FindProduct(tx.Context(), tx, id)
		return err
	})
	return p, wrap("update product", err)
}

// equalInputs compares the product fields of two inputs, barcodes aside.
func equalInputs(a, b ProductInput) bool {
	a.Barcodes, b.Barcodes = nil, nil
	return reflect.DeepEqual(a, b)
}

// ArchiveProduct archives a product: it keeps its history and barcodes but
// can no longer be sold. Archiving an archived product changes nothing.
// ENOTFOUND if there is no such product.
func (s *Service) ArchiveProduct(ctx context.Context, actor store.Actor, id string) (*Product, error) {
	return s.setActive(ctx, actor, id, false)
}

// RestoreProduct makes an archived product sellable again. ENOTFOUND if
// there is no such product.
func (s *Service) RestoreProduct(ctx context.Context, actor store.Actor, id string) (*Product, error) {
	return s.setActive(ctx, actor, id, true)
}

func (s *Service) setActive(ctx context.Context, actor store.Actor, id string, active bool) (*Product, error) {
	var p *Product
	err := s.db.Update(ctx, actor, func(tx *store.Tx) error {
		cur, err := FindProduct(tx.Context(), tx, id)
		if err != nil {
			return err
		}
		if cur.Active != active {
			archivedAt, now := "", store.FormatTime(tx.Now)
			if !active {
				archivedAt = now
			}
			if _, err := tx.ExecContext(tx.Context(), `UPDATE products SET active = ?, archived_at = ?, updated_at = ? WHERE id = ?`,
				active, archivedAt, now, id); err != nil {
				return fmt.Errorf("archive product: %w", err)
			}
		}
		p, err = FindProduct(tx.Context(), tx, id)
		return err
	})
	return p, wrap("archive product", err)
}

const productColumns = `p.id, p.sku, p.name, p.description, p.unit, p.price, p.cost, COALESCE(p.tax_class_id, ''),
	p.weight_g, p.length_mm, p.width_mm, p.height_mm, p.reorder_point, p.reorder_qty, p.active, p.archived_at, p.created_at, p.updated_at`

func scanProduct(scan func(...any) error) (*Product, error) {
	var p Product
	var archived, created, updated string
	if err := scan(&p.ID, &p.SKU, &p.Name, &p.Description, &p.Unit, &p.Price, &p.Cost, &p.TaxClassID,
		&p.WeightG, &p.LengthMM, &p.WidthMM, &p.HeightMM, &p.ReorderPoint, &p.ReorderQty, &p.Active, &archived, &created, &updated); err != nil {
		return nil, err
	}
	p.ArchivedAt, _ = store.ParseTime(archived)
	p.CreatedAt, _ = store.ParseTime(created)
	p.UpdatedAt, _ = store.ParseTime(updated)
	p.Barcodes = []Barcode{}
	return &p, nil
}

// FindProductByID returns a product with its barcodes. ENOTFOUND if there
// is none.
func (s *Service) FindProductByID(ctx context.Context, id string) (*Product, error) {
	return FindProduct(ctx, s.db.Reader(), id)
}

// FindProductBySKU returns the product with a SKU, regardless of ASCII
// case. ENOTFOUND if there is none.
func (s *Service) FindProductBySKU(ctx context.Context, sku string) (*Product, error) {
	var id string
	err := s.db.Reader().QueryRowContext(ctx, `SELECT id FROM products WHERE sku = ?`, strings.TrimSpace(sku)).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, errs.Errorf(errs.ENOTFOUND, "No product has the SKU %s.", strings.TrimSpace(sku))
	} else if err != nil {
		return nil, fmt.Errorf("find product by sku: %w", err)
	}
	return FindProduct(ctx, s.db.Reader(), id)
}

// FindProduct returns a product with its barcodes, read through q (the read
// pool or a transaction). ENOTFOUND if there is none.
func FindProduct(ctx context.Context, q Queryer, id string) (*Product, error) {
	p, err := scanProduct(q.QueryRowContext(ctx, `SELECT `+productColumns+` FROM products p WHERE p.id = ?`, id).Scan)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, errs.Errorf(errs.ENOTFOUND, "Product not found.")
	} else if err != nil {
		return nil, fmt.Errorf("find product: %w", err)
	}
	if err := loadBarcodes(ctx, q, []*Product{p}); err != nil {
		return nil, err
	}
	return p, nil
}

// Sellable returns the product if it may go on an order line: ENOTFOUND if
// there is no such product, ErrArchived (ECONFLICT) if it is archived.
func Sellable(ctx context.Context, q Queryer, id string) (*Product, error) {
	p, err := FindProduct(ctx, q, id)
	if err != nil {
		return nil, err
	}
	if !p.Active {
		return nil, ErrArchived
	}
	return p, nil
}

// loadBarcodes fills in the barcodes of products in one query.
func loadBarcodes(ctx context.Context, q Queryer, products []*Product) error {
	if len(products) == 0 {
		return nil
	}
	byID := make(map[string]*Product, len(products))
	args := make([]any, 0, len(products))
	for _, p := range products {
		byID[p.ID] = p
		args = append(args, p.ID)
	}
	rows, err := q.QueryContext(ctx, `SELECT product_id, value, symbology FROM barcodes
		WHERE product_id IN (`+placeholders(len(args))+`) ORDER BY created_at, value`, args...)
	if err != nil {
		return fmt.Errorf("load barcodes: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id string
		var b Barcode
		if err := rows.Scan(&id, &b.Value, &b.Symbology); err != nil {
			return fmt.Errorf("load barcodes: %w", err)
		}
		if p := byID[id]; p != nil {
			p.Barcodes = append(p.Barcodes, b)
		}
	}
	return rows.Err()
}
