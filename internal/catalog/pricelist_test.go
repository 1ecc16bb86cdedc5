package catalog

import (
	"context"
	"strings"
	"testing"

	"oms/internal/errs"
)

func TestService_TaxClasses(t *testing.T) {
	s, _ := newTestService(t)
	ctx := context.Background()
	std, err := s.CreateTaxClass(ctx, testActor, TaxClassInput{Name: " Standard ", RateBps: 1900})
	if err != nil || std.Name != "Standard" || std.RateBps != 1900 {
		t.Fatalf("create = %+v, %v", std, err)
	}
	for _, tc := range []struct {
		name  string
		in    TaxClassInput
		code  string
		field string
	}{
		{"Reduced", TaxClassInput{Name: "Reduced", RateBps: 700}, "", ""},
		{"Zero", TaxClassInput{Name: "Zero", RateBps: 0}, "", ""},
		{"Full", TaxClassInput{Name: "Everything", RateBps: 10000}, "", ""},
		{"DuplicateName", TaxClassInput{Name: "standard", RateBps: 700}, errs.ECONFLICT, "name"},
		{"EmptyName", TaxClassInput{Name: " ", RateBps: 700}, errs.EINVALID, "name"},
		{"LongName", TaxClassInput{Name: strings.Repeat("n", 101), RateBps: 700}, errs.EINVALID, "name"},
		{"NegativeRate", TaxClassInput{Name: "Neg", RateBps: -1}, errs.EINVALID, "rateBps"},
		{"AbsurdRate", TaxClassInput{Name: "Abs", RateBps: 10001}, errs.EINVALID, "rateBps"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := s.CreateTaxClass(ctx, testActor, tc.in)
			if errs.Code(err) != tc.code || errs.Field(err) != tc.field {
				t.Fatalf("err = %v, want %q on %q", err, tc.code, tc.field)
			}
		})
	}
	if got, err := s.UpdateTaxClass(ctx, testActor, std.ID, TaxClassUpdate{RateBps: ptr(int64(2000))}); err != nil || got.RateBps != 2000 || got.Name != "Standard" {
		t.Fatalf("update = %+v, %v", got, err)
	}
	if _, err := s.UpdateTaxClass(ctx, testActor, std.ID, TaxClassUpdate{Name: ptr("REDUCED")}); errs.Code(err) != errs.ECONFLICT {
		t.Fatalf("rename to a taken name: %v", err)
	}
	if _, err := s.UpdateTaxClass(ctx, testActor, "missing", TaxClassUpdate{}); errs.Code(err) != errs.ENOTFOUND {
		t.Fatalf("update missing: %v", err)
	}
	all, err := s.FindTaxClasses(ctx)
	if err != nil || len(all) != 4 || all[0].Name != "Everything" {
		t.Fatalf("tax classes = %+v, %v", all, err)
	}
	mustCreate(t, s, ProductInput{SKU: "TAXED", Name: "Taxed", Price: 1, TaxClassID: std.ID})
	if err := s.DeleteTaxClass(ctx, testActor, std.ID); errs.Code(err) != errs.ECONFLICT {
		t.Fatalf("deleting a used tax class: %v", err)
	}
	if err := s.DeleteTaxClass(ctx, testActor, all[0].ID); err != nil {
		t.Fatalf("deleting an unused tax class: %v", err)
	}
	if _, err := s.FindTaxClassByID(ctx, all[0].ID); errs.Code(err) != errs.ENOTFOUND {
		t.Fatalf("deleted tax class still there: %v", err)
	}
}

func TestService_Settings(t *testing.T) {
	s, db := newTestService(t)
	ctx := context.Background()
	st, err := s.FindSettings(ctx)
	if err != nil || st.PricesIncludeTax {
		t.Fatalf("default settings = %+v, %v", st, err)
	}
	for _, want := range []bool{true, true, false} {
		st, err := s.SetPricesIncludeTax(ctx, testActor, want)
		if err != nil || st.PricesIncludeTax != want {
			t.Fatalf("set %v = %+v, %v", want, st, err)
		}
		if got, _ := FindSettings(ctx, db.Reader()); got.PricesIncludeTax != want {
			t.Fatalf("read back %v", got.PricesIncludeTax)
		}
	}
	if n := countRows(t, db, `SELECT count(*) FROM outbox WHERE entity = 'catalog_settings'`); n != 2 {
		t.Fatalf("%d settings changes captured, want 2 (setting the same value twice is no change)", n)
	}
}

func TestPriceFor(t *testing.T) {
	s, db := newTestService(t)
	ctx := context.Background()
	p := mustCreate(t, s, ProductInput{SKU: "P", Name: "Priced", Price: 1999})
	q := mustCreate(t, s, ProductInput{SKU: "Q", Name: "Other", Price: 1000})
	wholesale, err := s.CreatePriceList(ctx, testActor, PriceListInput{Name: "Wholesale", CustomerGroup: "wholesale", DiscountBps: 1000})
	if err != nil {
		t.Fatal(err)
	}
	vip, err := s.CreatePriceList(ctx, testActor, PriceListInput{Name: "VIP", CustomerGroup: "VIP"})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.SetPriceListItem(ctx, testActor, wholesale.ID, p.ID, 1500); err != nil {
		t.Fatal(err)
	}
	if err := s.SetPriceListItem(ctx, testActor, wholesale.ID, p.ID, 1490); err != nil { // replaces
		t.Fatal(err)
	}
	if err := s.SetPriceListItem(ctx, testActor, vip.ID, q.ID, 0); err != nil { // free is a price
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name, product, group string
		want                 int64
		code                 string
	}{
		{"NoGroup", p.ID, "", 1999, ""},
		{"UnknownGroup", p.ID, "retail", 1999, ""},
		{"ListItem", p.ID, "wholesale", 1490, ""},
		{"GroupOtherCase", p.ID, " WHOLESALE ", 1490, ""},
		{"ListDiscount", q.ID, "wholesale", 900, ""},
		{"ListWithoutDiscount", p.ID, "vip", 1999, ""},
		{"FreeItem", q.ID, "vip", 0, ""},
		{"UnknownProduct", "missing", "wholesale", 0, errs.ENOTFOUND},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := s.PriceFor(ctx, tc.product, tc.group)
			if errs.Code(err) != tc.code || got != tc.want {
				t.Fatalf("PriceFor(%s, %q) = %d, %v; want %d %q", tc.product, tc.group, got, err, tc.want, tc.code)
			}
		})
	}
	t.Run("DiscountRoundsHalfAwayFromZero", func(t *testing.T) {
		r := mustCreate(t, s, ProductInput{SKU: "R", Name: "Round", Price: 5})
		if got, _ := s.PriceFor(ctx, r.ID, "wholesale"); got != 4 { // 5 - 0.5 -> 5 - 1
			t.Fatalf("price = %d, want 4", got)
		}
	})
	t.Run("InactiveListIsIgnored", func(t *testing.T) {
		if _, err := s.UpdatePriceList(ctx, testActor, wholesale.ID, PriceListUpdate{Active: ptr(false)}); err != nil {
			t.Fatal(err)
		}
		if got, _ := s.PriceFor(ctx, p.ID, "wholesale"); got != 1999 {
			t.Fatalf("price = %d, want the default 1999", got)
		}
		if _, err := s.UpdatePriceList(ctx, testActor, wholesale.ID, PriceListUpdate{Active: ptr(true)}); err != nil {
			t.Fatal(err)
		}
	})
	t.Run("InsideTransaction", func(t *testing.T) {
		tx, err := db.BeginTx(ctx, testActor)
		if err != nil {
			t.Fatal(err)
		}
		defer tx.Rollback()
		if got, err := PriceFor(ctx, tx, p.ID, "wholesale"); err != nil || got != 1490 {
			t.Fatalf("in tx: %d, %v", got, err)
		}
	})
	t.Run("RemoveItem", func(t *testing.T) {
		if err := s.RemovePriceListItem(ctx, testActor, wholesale.ID, p.ID); err != nil {
			t.Fatal(err)
		}
		if got, _ := s.PriceFor(ctx, p.ID, "wholesale"); got != 1799 { // 1999 - 199.9 -> 1999 - 200
			t.Fatalf("price = %d, want 1799", got)
		}
	})
	t.Run("DeleteList", func(t *testing.T) {
		if err := s.DeletePriceList(ctx, testActor, vip.ID); err != nil {
			t.Fatal(err)
		}
		if got, _ := s.PriceFor(ctx, q.ID, "vip"); got != 1000 {
			t.Fatalf("price = %d, want the default 1000", got)
		}
		if n := countRows(t, db, `SELECT count(*) FROM price_list_items WHERE price_list_id = ?`, vip.ID); n != 0 {
			t.Fatalf("%d items left behind", n)
		}
	})
}

func TestService_PriceLists(t *testing.T) {
	s, _ := newTestService(t)
	ctx := context.Background()
	p := mustCreate(t, s, ProductInput{SKU: "P", Name: "Priced", Price: 1999})
	list, err := s.CreatePriceList(ctx, testActor, PriceListInput{Name: "Trade", CustomerGroup: "trade", DiscountBps: 500})
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name  string
		in    PriceListInput
		code  string
		field string
	}{
		{"DuplicateName", PriceListInput{Name: "TRADE", CustomerGroup: "other"}, errs.ECONFLICT, "name"},
		{"DuplicateGroup", PriceListInput{Name: "Other", CustomerGroup: "Trade"}, errs.ECONFLICT, "customerGroup"},
		{"NoName", PriceListInput{CustomerGroup: "x"}, errs.EINVALID, "name"},
		{"NoGroup", PriceListInput{Name: "x"}, errs.EINVALID, "customerGroup"},
		{"NegativeDiscount", PriceListInput{Name: "x", CustomerGroup: "x", DiscountBps: -1}, errs.EINVALID, "discountBps"},
		{"AbsurdDiscount", PriceListInput{Name: "x", CustomerGroup: "x", DiscountBps: 10001}, errs.EINVALID, "discountBps"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := s.CreatePriceList(ctx, testActor, tc.in)
			if errs.Code(err) != tc.code || errs.Field(err) != tc.field {
				t.Fatalf("err = %v, want %s on %s", err, tc.code, tc.field)
			}
		})
	}
	for _, tc := range []struct {
		name, list, product string
		price               int64
		code, field         string
	}{
		{"NegativePrice", list.ID, p.ID, -1, errs.EINVALID, "price"},
		{"AbsurdPrice", list.ID, p.ID, MaxPrice + 1, errs.EINVALID, "price"},
		{"UnknownProduct", list.ID, "missing", 100, errs.ENOTFOUND, "productId"},
		{"UnknownList", "missing", p.ID, 100, errs.ENOTFOUND, ""},
	} {
		t.Run("Item"+tc.name, func(t *testing.T) {
			err := s.SetPriceListItem(ctx, testActor, tc.list, tc.product, tc.price)
			if errs.Code(err) != tc.code || errs.Field(err) != tc.field {
				t.Fatalf("err = %v, want %s on %s", err, tc.code, tc.field)
			}
		})
	}
	if err := s.SetPriceListItem(ctx, testActor, list.ID, p.ID, 1800); err != nil {
		t.Fatal(err)
	}
	items, total, err := s.FindPriceListItems(ctx, list.ID, 0, 0)
	if err != nil || total != 1 || len(items) != 1 || items[0].SKU != "P" || items[0].Price != 1800 {
		t.Fatalf("items = %+v, %d, %v", items, total, err)
	}
	got, err := s.UpdatePriceList(ctx, testActor, list.ID, PriceListUpdate{Name: ptr("Trade 2026"), DiscountBps: ptr(int64(750))})
	if err != nil || got.Name != "Trade 2026" || got.DiscountBps != 750 || got.CustomerGroup != "trade" {
		t.Fatalf("update = %+v, %v", got, err)
	}
	lists, err := s.FindPriceLists(ctx)
	if err != nil || len(lists) != 1 {
		t.Fatalf("lists = %+v, %v", lists, err)
	}
}
