package app

import (
	"testing"

	"oms/internal/errs"
)

// TestCatalogAPI_PriceFor is what the Pricing screen shows: a group's own
// price, else its list's discount off the default price, else the default;
// an inactive list is ignored.
func TestCatalogAPI_PriceFor(t *testing.T) {
	a, _ := newAdminApp(t)
	p, err := a.Catalog.CreateProduct(ProductInput{SKU: "BOLT-10", Name: "Bolt", Price: 1250})
	if err != nil {
		t.Fatal(err)
	}
	q, err := a.Catalog.CreateProduct(ProductInput{SKU: "NUT-10", Name: "Nut", Price: 200})
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
		name, product, group string
		want                 int64
	}{
		{"OwnPrice", p.ID, "wholesale", 199},
		{"Discount", q.ID, "wholesale", 180},
		{"NoGroup", p.ID, "", 1250},
		{"OtherGroup", q.ID, "retail", 200},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := a.Catalog.PriceFor(tc.product, tc.group)
			if err != nil || got != tc.want {
				t.Fatalf("PriceFor = %d, %v; want %d", got, err, tc.want)
			}
		})
	}
	if _, err := a.Catalog.UpdatePriceList(l.ID, PriceListInput{Name: "Wholesale", CustomerGroup: "wholesale", DiscountBps: 1000}); err != nil {
		t.Fatal(err)
	}
	if got, err := a.Catalog.PriceFor(p.ID, "wholesale"); err != nil || got != 1250 {
		t.Fatalf("inactive list: PriceFor = %d, %v; want 1250", got, err)
	}
	if _, err := a.Catalog.PriceFor("nope", "wholesale"); errs.Code(err) != errs.ENOTFOUND {
		t.Fatalf("unknown product: %v", err)
	}
}
