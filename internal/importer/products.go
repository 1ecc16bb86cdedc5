package importer

import (
	"fmt"
	"strings"

	"oms/internal/catalog"
	"oms/internal/errs"
)

func init() {
	kinds[Products] = &kindSpec{
		noun: "product",
		columns: []column{
			{name: "sku", required: true}, {name: "name", required: true}, {name: "price", required: true},
			{name: "cost", required: true}, {name: "barcode", required: true},
			{name: "description"}, {name: "unit"}, {name: "tax_class"},
			{name: "weight_g"}, {name: "reorder_point"}, {name: "reorder_qty"},
		},
		needsCurrency: true,
		fields: map[string]string{
			"sku": "sku", "name": "name", "description": "description", "unit": "unit", "price": "price", "cost": "cost",
			"weightG": "weight_g", "reorderPoint": "reorder_point", "reorderQty": "reorder_qty", "barcodes": "barcode",
			"taxClassId": "tax_class",
		},
		begin: func(j *job) error {
			j.state = &productState{skus: map[string]int{}, barcodes: map[string]int{}, taxClasses: map[string]string{}}
			return nil
		},
		write: writeProduct,
	}
}

type productState struct {
	skus       map[string]int    // SKU in lower case -> row that has it
	barcodes   map[string]int    // barcode key -> row that has it
	taxClasses map[string]string // name in lower case -> id
}

// barcodeKey is the same for the forms a scanner may send of one barcode:
// a UPC-A and the EAN-13 with a leading zero.
func barcodeKey(v string) string {
	if len(v) == 12 && strings.Trim(v, "0123456789") == "" {
		return "0" + v
	}
	return v
}

func writeProduct(j *job, r *row) error {
	st := j.state.(*productState)
	in := catalog.ProductInput{
		SKU: r.text("sku"), Name: r.text("name"), Description: r.text("description"), Unit: r.text("unit"),
	}
	if in.SKU == "" {
		r.fail("sku", "Enter a SKU.")
	}
	if in.Name == "" {
		r.fail("name", "Enter the product name.")
	}
	in.Price, _ = r.amount("price", "price", 0, false)
	in.Cost, _ = r.amount("cost", "cost", 0, true)
	in.WeightG, _ = r.integer("weight_g", "weight in grams", false)
	in.ReorderPoint, _ = r.integer("reorder_point", "reorder point", false)
	in.ReorderQty, _ = r.integer("reorder_qty", "reorder quantity", false)
	if b := r.text("barcode"); b != "" {
		in.Barcodes = []string{b}
		if _, err := catalog.ParseBarcode(b); err != nil {
			if err := r.failErr(err, "barcode"); err != nil {
				return err
			}
		}
	}
	if name := r.text("tax_class"); name != "" {
		id, ok := st.taxClasses[strings.ToLower(name)]
		if !ok {
			tc, err := catalog.FindTaxClassByName(j.ctx, j.tx, name)
			if err != nil {
				if err := r.failErr(err, "tax_class"); err != nil {
					return err
				}
			} else {
				id = tc.ID
				st.taxClasses[strings.ToLower(name)] = id
			}
		}
		in.TaxClassID = id
	}
	if r.problems > 0 {
		return nil
	}
	// The service's own checks, before the duplicate checks, so a row
	// reports its first real problem.
	check := in
	if _, err := check.Validate(); err != nil {
		return r.failErr(err, "")
	}
	skuKey := strings.ToLower(check.SKU)
	if prev, ok := st.skus[skuKey]; ok {
		r.fail("sku", fmt.Sprintf("The SKU %s is also on row %d of this file.", check.SKU, prev))
	}
	for _, b := range check.Barcodes {
		if prev, ok := st.barcodes[barcodeKey(strings.TrimSpace(b))]; ok {
			r.fail("barcode", fmt.Sprintf("The barcode %s is also on row %d of this file.", strings.TrimSpace(b), prev))
		}
	}
	if r.problems > 0 {
		return nil
	}
	err := j.savepoint(func() error {
		_, err := catalog.CreateProductTx(j.tx, in)
		return err
	})
	if err != nil {
		if code := errs.Code(err); code == errs.ECONFLICT && errs.Field(err) == "sku" {
			r.fail("sku", fmt.Sprintf("The SKU %s is already used by a product in OMS.", check.SKU))
			return nil
		}
		return r.failErr(err, "")
	}
	st.skus[skuKey] = r.n
	for _, b := range check.Barcodes {
		st.barcodes[barcodeKey(strings.TrimSpace(b))] = r.n
	}
	return nil
}
