package app

import (
	"testing"

	"oms/internal/errs"
)

// TestCatalogAPI_DeletePriceList removes a list with its prices, after
// which its group pays the default price; a second delete is ENOTFOUND.
func TestCatalogAPI_DeletePriceList(t *testing.T) {
	a, _ := newAdminApp(t)
	p, err := a.Catalog.CreateProduct(ProductInput{SKU: "BOLT-10", Name: "Bolt", Price: 1250})
	if err != nil {
		t.Fatal(err)
	}
	l, err := a.Catalog.CreatePriceList(PriceListInput{Name: "Wholesale", CustomerGroup: "wholesale", DiscountBps: 1000})
	if err != nil {
		t.Fatal(err)
	}
	if err := a.Catalog.SetPriceListItem(l.ID, p.ID, 199); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name, id string
		code     string
	}{
		{"Existing", l.ID, ""},
		{"AlreadyDeleted", l.ID, errs.ENOTFOUND},
		{"Unknown", "nope", errs.ENOTFOUND},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if err := a.Catalog.DeletePriceList(tc.id); errs.Code(err) != tc.code && !(tc.code == "" && err == nil) {
				t.Fatalf("DeletePriceList = %v, want %q", err, tc.code)
			}
		})
	}
	lists, err := a.Catalog.PriceLists()
	if err != nil || len(lists) != 0 {
		t.Fatalf("lists after delete = %+v, %v", lists, err)
	}
	if got, err := a.Catalog.PriceFor(p.ID, "wholesale"); err != nil || got != 1250 {
		t.Fatalf("PriceFor after delete = %d, %v; want 1250", got, err)
	}
}

// TestStockAPI_PurchaseOrderTotals: the list and the detail carry the same
// total, and the list no lines.
func TestStockAPI_PurchaseOrderTotals(t *testing.T) {
	a, _ := newAdminApp(t)
	w, err := a.Stock.CreateWarehouse(WarehouseInput{Code: "MAIN", Name: "Main"})
	if err != nil {
		t.Fatal(err)
	}
	sup, err := a.Stock.CreateSupplier(SupplierInput{Code: "ACME", Name: "Acme"})
	if err != nil {
		t.Fatal(err)
	}
	p, err := a.Catalog.CreateProduct(ProductInput{SKU: "BOLT-10", Name: "Bolt", Price: 1250, Cost: 400})
	if err != nil {
		t.Fatal(err)
	}
	q, err := a.Catalog.CreateProduct(ProductInput{SKU: "NUT-10", Name: "Nut", Price: 200, Cost: 30})
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name  string
		lines []PurchaseOrderLineInput
		want  int64
	}{
		{"Empty", []PurchaseOrderLineInput{}, 0},
		{"TwoLines", []PurchaseOrderLineInput{{ProductID: p.ID, Quantity: 5, UnitCost: 400}, {ProductID: q.ID, Quantity: 10, UnitCost: 30}}, 2300},
	} {
		t.Run(tc.name, func(t *testing.T) {
			po, err := a.Stock.CreatePurchaseOrder(PurchaseOrderInput{SupplierID: sup.ID, WarehouseID: w.ID, Lines: tc.lines})
			if err != nil {
				t.Fatal(err)
			}
			page, err := a.Stock.PurchaseOrders(PurchaseOrderFilter{})
			if err != nil {
				t.Fatal(err)
			}
			for _, it := range page.Items {
				if it.ID == po.ID && (it.Total != tc.want || len(it.Lines) != 0) {
					t.Fatalf("listed %+v, want total %d", it, tc.want)
				}
			}
			detail, err := a.Stock.PurchaseOrder(po.ID)
			if err != nil || detail.Total != tc.want || len(detail.Lines) != len(tc.lines) {
				t.Fatalf("detail = %+v, %v", detail, err)
			}
		})
	}
}
