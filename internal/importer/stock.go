package importer

import (
	"fmt"
	"strings"

	"oms/internal/catalog"
	"oms/internal/errs"
	"oms/internal/stock"
	"oms/internal/store"
)

func init() {
	kinds[Stock] = &kindSpec{
		noun: "stock",
		columns: []column{
			{name: "sku", required: true}, {name: "warehouse", required: true}, {name: "bin", required: true},
			{name: "quantity", required: true}, {name: "cost", required: true},
		},
		needsCurrency: true,
		fields: map[string]string{
			"productId": "sku", "warehouseId": "warehouse", "binId": "bin", "quantity": "quantity", "unitCost": "cost",
		},
		begin: func(j *job) error {
			j.state = &stockState{ref: store.NewID(), warehouses: map[string]*stock.Warehouse{}, bins: map[string]*stock.Bin{},
				products: map[string]*catalog.Product{}}
			return nil
		},
		write: writeStock,
	}
}

// ReasonImport is the reason of the receipts a stock import posts.
const ReasonImport = "import"

type stockState struct {
	ref        string // one reference id for the receipts of one import
	warehouses map[string]*stock.Warehouse
	bins       map[string]*stock.Bin
	products   map[string]*catalog.Product
}

func writeStock(j *job, r *row) error {
	st := j.state.(*stockState)
	sku, whCode, binCode := r.text("sku"), r.text("warehouse"), r.text("bin")
	var p *catalog.Product
	if sku == "" {
		r.fail("sku", "Enter the SKU of the product.")
	} else if p = st.products[strings.ToLower(sku)]; p == nil {
		var err error
		if p, err = catalog.FindProductBySKU(j.ctx, j.tx, sku); err != nil {
			if err := r.failErr(err, "sku"); err != nil {
				return err
			}
		} else {
			st.products[strings.ToLower(sku)] = p
		}
	}
	var w *stock.Warehouse
	if whCode == "" {
		r.fail("warehouse", "Enter the code of the warehouse.")
	} else if w = st.warehouses[strings.ToLower(whCode)]; w == nil {
		var err error
		if w, err = stock.FindWarehouseByCode(j.ctx, j.tx, whCode); err != nil {
			if err := r.failErr(err, "warehouse"); err != nil {
				return err
			}
		} else {
			st.warehouses[strings.ToLower(whCode)] = w
		}
	}
	var b *stock.Bin
	if w != nil && binCode != "" {
		key := w.ID + "\x00" + strings.ToLower(binCode)
		if b = st.bins[key]; b == nil {
			var err error
			if b, err = stock.FindBinByCode(j.ctx, j.tx, w.ID, binCode); err != nil {
				if errs.Code(err) == errs.ENOTFOUND {
					r.fail("bin", fmt.Sprintf("The warehouse %s has no bin %s.", w.Code, binCode))
				} else if err := r.failErr(err, "bin"); err != nil {
					return err
				}
			} else {
				st.bins[key] = b
			}
		}
	}
	qty, ok := r.integer("quantity", "quantity", true)
	if ok && qty <= 0 {
		r.fail("quantity", "The quantity must be a whole number of at least 1.")
	}
	var def int64
	if p != nil {
		def = p.Cost
	}
	cost, _ := r.amount("cost", "cost", def, true)
	if r.problems > 0 {
		return nil
	}
	in := stock.MovementInput{Kind: stock.KindReceipt, ProductID: p.ID, WarehouseID: w.ID, Quantity: qty, UnitCost: cost,
		Reason: ReasonImport, RefType: stock.RefImport, RefID: st.ref}
	if b != nil {
		in.BinID = b.ID
	}
	err := j.savepoint(func() error {
		_, err := stock.Post(j.tx, in)
		return err
	})
	if err != nil {
		return r.failErr(err, "")
	}
	return nil
}
