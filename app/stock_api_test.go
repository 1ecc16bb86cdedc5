package app

import (
	"testing"

	"oms/internal/errs"
)

// TestStockAPI_ReceiveCountHistory is the warehouse's day through the
// bindings: a product with an EAN-13, a purchase order received by scan
// into a bin (with an over-receipt that needs confirming), a count with a
// variance posted once, and the movement history that shows it all.
func TestStockAPI_ReceiveCountHistory(t *testing.T) {
	a, rec := newAdminApp(t)
	w, err := a.Stock.CreateWarehouse(WarehouseInput{Code: "MAIN", Name: "Main warehouse"})
	if err != nil {
		t.Fatal(err)
	}
	bin, err := a.Stock.CreateBin(w.ID, "A-01-01")
	if err != nil {
		t.Fatal(err)
	}
	sup, err := a.Stock.CreateSupplier(SupplierInput{Code: "ACME", Name: "Acme Supplies"})
	if err != nil {
		t.Fatal(err)
	}

	t.Run("ProductErrorsNameTheirField", func(t *testing.T) {
		for _, tc := range []struct {
			name  string
			in    ProductInput
			code  string
			field string
		}{
			{"WrongCheckDigit", ProductInput{SKU: "X1", Name: "X", Barcodes: []string{"4006381333932"}}, errs.EINVALID, "barcodes"},
			{"NegativePrice", ProductInput{SKU: "X2", Name: "X", Price: -1}, errs.EINVALID, "price"},
			{"NoName", ProductInput{SKU: "X3"}, errs.EINVALID, "name"},
		} {
			t.Run(tc.name, func(t *testing.T) {
				_, err := a.Catalog.CreateProduct(tc.in)
				if errs.Code(err) != tc.code || errs.Field(err) != tc.field {
					t.Fatalf("err = %v (field %q), want %s on %s", err, errs.Field(err), tc.code, tc.field)
				}
			})
		}
	})

	p, err := a.Catalog.CreateProduct(ProductInput{SKU: "BOLT-10", Name: "Stainless Steel Bolt M10", Unit: "pcs",
		Price: 1250, Cost: 400, ReorderPoint: 10, ReorderQty: 20, Barcodes: []string{"4006381333931"}})
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Barcodes) != 1 || p.Barcodes[0].Symbology != "ean13" || !p.Active {
		t.Fatalf("product = %+v", p)
	}
	if _, err := a.Catalog.CreateProduct(ProductInput{SKU: "bolt-10", Name: "Dup"}); errs.Code(err) != errs.ECONFLICT || errs.Field(err) != "sku" {
		t.Fatalf("duplicate SKU: %v", err)
	}
	scanned, err := a.Catalog.ProductByBarcode("4006381333931")
	if err != nil || scanned.ID != p.ID {
		t.Fatalf("ProductByBarcode = %+v, %v", scanned, err)
	}
	page, err := a.Catalog.FindProducts(ProductFilter{Query: "4006381333931", ActiveOnly: true, Limit: 20})
	if err != nil || page.Total != 1 || page.Items[0].ID != p.ID {
		t.Fatalf("search by barcode = %+v, %v", page, err)
	}
	low, err := a.Catalog.FindProducts(ProductFilter{LowStock: true, Query: "bolt"})
	if err != nil || low.Total != 1 || low.Items[0].SKU != "BOLT-10" {
		t.Fatalf("low stock before receiving = %+v, %v", low, err)
	}

	po, err := a.Stock.CreatePurchaseOrder(PurchaseOrderInput{SupplierID: sup.ID, WarehouseID: w.ID,
		Lines: []PurchaseOrderLineInput{{ProductID: p.ID, Quantity: 5, UnitCost: 400}}})
	if err != nil || po.Status != "draft" || po.Total != 2000 || len(po.Lines) != 1 {
		t.Fatalf("create PO = %+v, %v", po, err)
	}
	if po, err = a.Stock.SendPurchaseOrder(po.ID); err != nil || po.Status != "sent" {
		t.Fatalf("send PO = %+v, %v", po, err)
	}
	// Five scans of one item each, in one receiving.
	res, err := a.Stock.ReceivePurchaseOrder(po.ID, ReceiveInput{Lines: []ReceiveLine{{ProductID: p.ID, BinID: bin.ID, Quantity: 5}}})
	if err != nil || res.Order.Status != "received" || res.Order.Lines[0].Received != 5 || len(res.Movements) != 1 {
		t.Fatalf("receive = %+v, %v", res, err)
	}
	if rec.count(EventStockChanged) != 1 {
		t.Fatalf("stock events = %v", rec.events)
	}
	over := ReceiveInput{Lines: []ReceiveLine{{ProductID: p.ID, BinID: bin.ID, Quantity: 1}}}
	if _, err := a.Stock.ReceivePurchaseOrder(po.ID, over); errs.Code(err) != errs.ECONFLICT {
		t.Fatalf("over-receipt without confirmation: %v", err)
	}
	over.AllowOver = true
	if res, err = a.Stock.ReceivePurchaseOrder(po.ID, over); err != nil || res.Order.Lines[0].Received != 6 {
		t.Fatalf("confirmed over-receipt = %+v, %v", res, err)
	}
	levels, err := a.Stock.Levels(LevelFilter{ProductID: p.ID, NonZero: true})
	if err != nil || len(levels) != 1 || levels[0].BinID != bin.ID || levels[0].OnHand != 6 {
		t.Fatalf("levels after receiving = %+v, %v", levels, err)
	}

	c, err := a.Stock.OpenCount(CountInput{WarehouseID: w.ID, Reason: "Cycle count"})
	if err != nil || c.Status != "open" {
		t.Fatalf("open count = %+v, %v", c, err)
	}
	for range 4 {
		if _, err := a.Stock.RecordCount(c.ID, CountEntry{ProductID: p.ID, BinID: bin.ID, Quantity: 1, Add: true}); err != nil {
			t.Fatal(err)
		}
	}
	if c, err = a.Stock.Count(c.ID); err != nil || len(c.Lines) != 1 || c.Lines[0].Counted != 4 || c.Lines[0].Variance != -2 {
		t.Fatalf("count lines = %+v, %v", c, err)
	}
	if _, err := a.Stock.RecordCount(c.ID, CountEntry{ProductID: p.ID, BinID: bin.ID, Quantity: -1}); errs.Field(err) != "quantity" {
		t.Fatalf("negative count: %v", err)
	}
	posted, err := a.Stock.PostCount(c.ID, "")
	if err != nil || posted.Count.Status != "posted" || len(posted.Movements) != 1 || posted.Movements[0].Quantity != -2 {
		t.Fatalf("post count = %+v, %v", posted, err)
	}
	if _, err := a.Stock.PostCount(c.ID, "again"); errs.Code(err) != errs.ECONFLICT {
		t.Fatalf("second post: %v", err)
	}
	stock, err := a.Stock.ProductStock(p.ID)
	if err != nil || len(stock) != 1 || stock[0].OnHand != 4 || stock[0].WarehouseID != w.ID {
		t.Fatalf("product stock = %+v, %v", stock, err)
	}

	hist, err := a.Stock.Movements(MovementFilter{ProductID: p.ID})
	if err != nil || hist.Total != 3 {
		t.Fatalf("movements = %+v, %v", hist, err)
	}
	latest := hist.Items[0]
	if latest.Kind != "count" || latest.Quantity != -2 || latest.Reason != "Cycle count" || latest.RefType != "count" ||
		latest.RefID != c.ID || latest.UserName != "admin" || latest.CreatedAt == "" {
		t.Fatalf("latest movement = %+v", latest)
	}
	if first := hist.Items[2]; first.Kind != "receipt" || first.RefType != "po" || first.RefID != po.ID || first.UnitCost != 400 {
		t.Fatalf("first movement = %+v", first)
	}

	// Four on hand is below the reorder point of 10: a draft PO for it.
	sugg, err := a.Stock.ReorderSuggestions(w.ID)
	if err != nil || len(sugg) != 1 || sugg[0].Suggested != 20 {
		t.Fatalf("suggestions = %+v, %v", sugg, err)
	}
	draft, err := a.Stock.CreateReorderPO(ReorderInput{SupplierID: sup.ID, WarehouseID: w.ID})
	if err != nil || draft.Status != "draft" || len(draft.Lines) != 1 || draft.Lines[0].Quantity != 20 {
		t.Fatalf("reorder PO = %+v, %v", draft, err)
	}

	// A transfer to a second bin, refused beyond what is there.
	bin2, err := a.Stock.CreateBin(w.ID, "A-01-02")
	if err != nil {
		t.Fatal(err)
	}
	tr := TransferInput{ProductID: p.ID, FromWarehouseID: w.ID, FromBinID: bin.ID, ToWarehouseID: w.ID, ToBinID: bin2.ID, Quantity: 9}
	if _, err := a.Stock.Transfer(tr); errs.Code(err) != errs.ECONFLICT || errs.Field(err) != "quantity" {
		t.Fatalf("transfer too many: %v", err)
	}
	tr.Quantity = 3
	if moved, err := a.Stock.Transfer(tr); err != nil || moved.Out.Quantity != -3 || moved.In.BinID != bin2.ID {
		t.Fatalf("transfer = %+v, %v", moved, err)
	}

	// Archived products stay findable with the archived ones, not as active.
	if _, err := a.Catalog.ArchiveProduct(p.ID); err != nil {
		t.Fatal(err)
	}
	if page, _ := a.Catalog.FindProducts(ProductFilter{Query: "BOLT", ActiveOnly: true}); page.Total != 0 {
		t.Fatalf("archived product among active: %+v", page)
	}
	if page, _ := a.Catalog.FindProducts(ProductFilter{Query: "BOLT"}); page.Total != 1 || page.Items[0].Active {
		t.Fatalf("archived product search: %+v", page)
	}
}
