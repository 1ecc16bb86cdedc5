package catalog

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"oms/internal/errs"
	"oms/internal/store"
)

var testActor = store.Actor{UserID: "u-1", UserName: "tester"}

func newTestService(t *testing.T) (*Service, *store.DB) {
	t.Helper()
	db, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "oms.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return NewService(db), db
}

func mustCreate(t *testing.T, s *Service, in ProductInput) *Product {
	t.Helper()
	p, err := s.CreateProduct(context.Background(), testActor, in)
	if err != nil {
		t.Fatalf("CreateProduct(%+v): %v", in, err)
	}
	return p
}

func validProduct() ProductInput {
	return ProductInput{SKU: "BOLT-M8", Name: "Hex bolt M8x40", Price: 129, Cost: 40, Barcodes: []string{"4006381333931"}}
}

func countRows(t *testing.T, db *store.DB, query string, args ...any) int {
	t.Helper()
	var n int
	if err := db.Reader().QueryRow(query, args...).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func TestCatalog_EveryTableIsRegistered(t *testing.T) {
	_, db := newTestService(t)
	tables, err := db.UncapturedTables(context.Background())
	if err != nil || len(tables) != 0 {
		t.Fatalf("uncaptured tables: %v %v", tables, err)
	}
	for _, name := range []string{"products", "barcodes", "tax_classes", "price_lists", "price_list_items", "catalog_settings"} {
		if n := countRows(t, db, `SELECT count(*) FROM sync_tables WHERE name = ? AND kind = 'document'`, name); n != 1 {
			t.Errorf("%s is not a registered document table", name)
		}
	}
}

func TestService_CreateProduct(t *testing.T) {
	s, db := newTestService(t)
	ctx := context.Background()
	tc, err := s.CreateTaxClass(ctx, testActor, TaxClassInput{Name: "Standard", RateBps: 1900})
	if err != nil {
		t.Fatal(err)
	}
	mustCreate(t, s, ProductInput{SKU: "EXISTING-1", Name: "Existing", Price: 100, Barcodes: []string{"96385074", "ABC-123"}})
	long := strings.Repeat("x", 10_000)
	for _, tc := range []struct {
		name   string
		change func(*ProductInput)
		code   string
		field  string
	}{
		{"Valid", func(*ProductInput) {}, "", ""},
		{"ValidWithTaxClass", func(in *ProductInput) { in.TaxClassID = tc.ID }, "", ""},
		{"ValidNoBarcodes", func(in *ProductInput) { in.Barcodes = nil }, "", ""},
		{"ValidMaxPrice", func(in *ProductInput) { in.Price = MaxPrice }, "", ""},
		{"ValidZeroPrice", func(in *ProductInput) { in.Price = 0 }, "", ""},
		{"ValidLongDescription", func(in *ProductInput) { in.Description = strings.Repeat("é", MaxDescriptionLen) }, "", ""},
		{"ValidMultilineDescription", func(in *ProductInput) { in.Description = "Line 1\nLine 2\tTabbed" }, "", ""},
		{"MissingSKU", func(in *ProductInput) { in.SKU = "  " }, errs.EINVALID, "sku"},
		{"SKUTooLong", func(in *ProductInput) { in.SKU = strings.Repeat("A", MaxSKULen+1) }, errs.EINVALID, "sku"},
		{"SKUNotASCII", func(in *ProductInput) { in.SKU = "ÄPFEL-1" }, errs.EINVALID, "sku"},
		{"SKUControl", func(in *ProductInput) { in.SKU = "A\x00B" }, errs.EINVALID, "sku"},
		{"DuplicateSKU", func(in *ProductInput) { in.SKU = "EXISTING-1" }, errs.ECONFLICT, "sku"},
		{"DuplicateSKUOtherCase", func(in *ProductInput) { in.SKU = "existing-1" }, errs.ECONFLICT, "sku"},
		{"MissingName", func(in *ProductInput) { in.Name = "" }, errs.EINVALID, "name"},
		{"NameTenThousandChars", func(in *ProductInput) { in.Name = long }, errs.EINVALID, "name"},
		{"NameControl", func(in *ProductInput) { in.Name = "Bolt\x1b[31m" }, errs.EINVALID, "name"},
		{"NameNewline", func(in *ProductInput) { in.Name = "Bolt\nM8" }, errs.EINVALID, "name"},
		{"NameInvalidUTF8", func(in *ProductInput) { in.Name = "Bolt \xff" }, errs.EINVALID, "name"},
		{"DescriptionTenThousandChars", func(in *ProductInput) { in.Description = long }, errs.EINVALID, "description"},
		{"UnitTooLong", func(in *ProductInput) { in.Unit = strings.Repeat("u", 21) }, errs.EINVALID, "unit"},
		{"NegativePrice", func(in *ProductInput) { in.Price = -1 }, errs.EINVALID, "price"},
		{"AbsurdPrice", func(in *ProductInput) { in.Price = MaxPrice + 1 }, errs.EINVALID, "price"},
		{"NegativeCost", func(in *ProductInput) { in.Cost = -500 }, errs.EINVALID, "cost"},
		{"AbsurdCost", func(in *ProductInput) { in.Cost = 1 << 62 }, errs.EINVALID, "cost"},
		{"NegativeWeight", func(in *ProductInput) { in.WeightG = -1 }, errs.EINVALID, "weightG"},
		{"AbsurdLength", func(in *ProductInput) { in.LengthMM = MaxDimensionMM + 1 }, errs.EINVALID, "lengthMm"},
		{"NegativeReorderPoint", func(in *ProductInput) { in.ReorderPoint = -5 }, errs.EINVALID, "reorderPoint"},
		{"AbsurdReorderQty", func(in *ProductInput) { in.ReorderQty = MaxQuantity + 1 }, errs.EINVALID, "reorderQty"},
		{"UnknownTaxClass", func(in *ProductInput) { in.TaxClassID = "nope" }, errs.EINVALID, "taxClassId"},
		{"WrongCheckDigit", func(in *ProductInput) { in.Barcodes = []string{"4006381333932"} }, errs.EINVALID, "barcodes"},
		{"WrongUPCCheckDigit", func(in *ProductInput) { in.Barcodes = []string{"036000291453"} }, errs.EINVALID, "barcodes"},
		{"BarcodeTooLong", func(in *ProductInput) { in.Barcodes = []string{strings.Repeat("A", 49)} }, errs.EINVALID, "barcodes"},
		{"BarcodeListedTwice", func(in *ProductInput) { in.Barcodes = []string{"ABC", " ABC "} }, errs.EINVALID, "barcodes"},
		{"BarcodeUPCAndEANForm", func(in *ProductInput) { in.Barcodes = []string{"036000291452", "0036000291452"} }, errs.EINVALID, "barcodes"},
		{"TooManyBarcodes", func(in *ProductInput) {
			in.Barcodes = nil
			for i := 0; i <= MaxBarcodes; i++ {
				in.Barcodes = append(in.Barcodes, strings.Repeat("B", i+1))
			}
		}, errs.EINVALID, "barcodes"},
		{"DuplicateBarcode", func(in *ProductInput) { in.Barcodes = []string{"96385074"} }, errs.ECONFLICT, "barcodes"},
		{"DuplicateCode128", func(in *ProductInput) { in.Barcodes = []string{"ABC-123"} }, errs.ECONFLICT, "barcodes"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			in := validProduct()
			in.SKU = "SKU-" + tc.name
			in.Barcodes = nil
			tc.change(&in)
			before := countRows(t, db, `SELECT count(*) FROM products`)
			outbox := countRows(t, db, `SELECT count(*) FROM outbox`)
			p, err := s.CreateProduct(ctx, testActor, in)
			if tc.code == "" {
				if err != nil {
					t.Fatal(err)
				}
				got, err := s.FindProductByID(ctx, p.ID)
				if err != nil || got.Name != strings.TrimSpace(in.Name) || got.Description != in.Description || len(got.Barcodes) != len(in.Barcodes) || !got.Active {
					t.Fatalf("stored %+v, %v", got, err)
				}
				return
			}
			if errs.Code(err) != tc.code || errs.Field(err) != tc.field || errs.Message(err) == "Internal error." {
				t.Fatalf("err = %v, want %s on %s", err, tc.code, tc.field)
			}
			if after := countRows(t, db, `SELECT count(*) FROM products`); after != before {
				t.Fatalf("a refused product left %d rows behind", after-before)
			}
			if after := countRows(t, db, `SELECT count(*) FROM outbox`); after != outbox {
				t.Fatalf("a refused product left %d outbox rows behind", after-outbox)
			}
		})
	}
}

// TestService_CreateProduct_StoresTextVerbatim: Unicode names round-trip,
// and text that looks like SQL or HTML is stored as typed.
func TestService_CreateProduct_StoresTextVerbatim(t *testing.T) {
	s, _ := newTestService(t)
	ctx := context.Background()
	for i, name := range []string{
		"Κόκκινο κρασί Νεμέα",
		"Красный деревянный стул",
		"Bánh mì thịt nướng đặc biệt",
		"Robert'); DROP TABLE products;--",
		`<script>alert("x")</script> & <b>bold</b>`,
		"1' OR '1'='1",
		"Emoji 🍜 and 中文 and עברית",
	} {
		p := mustCreate(t, s, ProductInput{SKU: "TXT-" + string(rune('A'+i)), Name: name, Description: name, Unit: "шт", Price: 1})
		got, err := s.FindProductByID(ctx, p.ID)
		if err != nil || got.Name != name || got.Description != name || got.Unit != "шт" {
			t.Fatalf("round trip of %q: %+v, %v", name, got, err)
		}
	}
	if _, total, _ := s.FindProducts(ctx, ProductFilter{}); total != 7 {
		t.Fatalf("%d products, want 7: the SQL-looking name did something", total)
	}
}

func TestService_CreateProduct_IsCaptured(t *testing.T) {
	s, db := newTestService(t)
	ctx := context.Background()
	p := mustCreate(t, s, validProduct())
	if n := countRows(t, db, `SELECT count(*) FROM outbox WHERE entity = 'products' AND entity_id = ?`, p.ID); n != 1 {
		t.Fatalf("%d outbox rows for the product, want 1", n)
	}
	if n := countRows(t, db, `SELECT count(*) FROM outbox WHERE entity = 'barcodes'`); n != 1 {
		t.Fatalf("%d outbox rows for barcodes, want 1", n)
	}
	audit, err := db.FindAudit(ctx, store.AuditFilter{Entity: "products", EntityID: p.ID})
	if err != nil || len(audit) != 1 || audit[0].UserName != "tester" || !strings.Contains(audit[0].Changes, "BOLT-M8") {
		t.Fatalf("audit = %+v, %v", audit, err)
	}
}

func ptr[T any](v T) *T { return &v }

func TestService_UpdateProduct(t *testing.T) {
	s, db := newTestService(t)
	ctx := context.Background()
	other := mustCreate(t, s, ProductInput{SKU: "OTHER", Name: "Other", Price: 1, Barcodes: []string{"96385074", "000123456005"}})
	p := mustCreate(t, s, validProduct())
	for _, tc := range []struct {
		name  string
		u     ProductUpdate
		code  string
		field string
		check func(*Product) bool
	}{
		{"Name", ProductUpdate{Name: ptr("  Hex bolt M8x50 ")}, "", "", func(p *Product) bool { return p.Name == "Hex bolt M8x50" && p.Price == 129 }},
		{"PriceAndCost", ProductUpdate{Price: ptr(int64(150)), Cost: ptr(int64(60))}, "", "", func(p *Product) bool { return p.Price == 150 && p.Cost == 60 }},
		{"SKUCase", ProductUpdate{SKU: ptr("bolt-m8")}, "", "", func(p *Product) bool { return p.SKU == "bolt-m8" }},
		{"AddBarcode", ProductUpdate{Barcodes: &[]string{"4006381333931", "036000291452"}}, "", "", func(p *Product) bool { return len(p.Barcodes) == 2 && p.Barcodes[1].Symbology == SymbologyUPCA }},
		{"RemoveBarcode", ProductUpdate{Barcodes: &[]string{"036000291452"}}, "", "", func(p *Product) bool { return len(p.Barcodes) == 1 && p.Barcodes[0].Value == "036000291452" }},
		{"ClearBarcodes", ProductUpdate{Barcodes: &[]string{}}, "", "", func(p *Product) bool { return len(p.Barcodes) == 0 }},
		{"Dimensions", ProductUpdate{WeightG: ptr(int64(35)), LengthMM: ptr(int64(40)), WidthMM: ptr(int64(13)), HeightMM: ptr(int64(13))}, "", "",
			func(p *Product) bool {
				return p.WeightG == 35 && p.LengthMM == 40 && p.WidthMM == 13 && p.HeightMM == 13
			}},
		{"TakenSKU", ProductUpdate{SKU: ptr("other")}, errs.ECONFLICT, "sku", nil},
		{"TakenBarcode", ProductUpdate{Barcodes: &[]string{"96385074"}}, errs.ECONFLICT, "barcodes", nil},
		{"TakenBarcodeOtherForm", ProductUpdate{Barcodes: &[]string{"0000123456005"}}, errs.ECONFLICT, "barcodes", nil}, // the EAN-13 form of OTHER's UPC-A
		{"NegativePrice", ProductUpdate{Price: ptr(int64(-1))}, errs.EINVALID, "price", nil},
		{"EmptyName", ProductUpdate{Name: ptr("")}, errs.EINVALID, "name", nil},
		{"BadCheckDigit", ProductUpdate{Barcodes: &[]string{"96385075"}}, errs.EINVALID, "barcodes", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := s.UpdateProduct(ctx, testActor, p.ID, tc.u)
			if tc.code != "" {
				if errs.Code(err) != tc.code || errs.Field(err) != tc.field {
					t.Fatalf("err = %v, want %s on %s", err, tc.code, tc.field)
				}
				return
			}
			if err != nil || !tc.check(got) {
				t.Fatalf("update = %+v, %v", got, err)
			}
		})
	}
	t.Run("NoChangeWritesNothing", func(t *testing.T) {
		cur, _ := s.FindProductByID(ctx, p.ID)
		before := countRows(t, db, `SELECT count(*) FROM outbox`)
		if _, err := s.UpdateProduct(ctx, testActor, p.ID, ProductUpdate{Name: ptr(cur.Name), Barcodes: &[]string{}}); err != nil {
			t.Fatal(err)
		}
		if after := countRows(t, db, `SELECT count(*) FROM outbox`); after != before {
			t.Fatalf("a no-op update wrote %d changes", after-before)
		}
	})
	t.Run("NotFound", func(t *testing.T) {
		if _, err := s.UpdateProduct(ctx, testActor, "missing", ProductUpdate{Name: ptr("x")}); errs.Code(err) != errs.ENOTFOUND {
			t.Fatalf("err = %v", err)
		}
	})
	t.Run("OtherUntouched", func(t *testing.T) {
		got, _ := s.FindProductByID(ctx, other.ID)
		if got.SKU != "OTHER" || len(got.Barcodes) != 2 {
			t.Fatalf("other product changed: %+v", got)
		}
	})
}

func TestService_ArchiveProduct(t *testing.T) {
	s, db := newTestService(t)
	ctx := context.Background()
	fixed := time.Date(2026, 3, 4, 5, 6, 7, 0, time.UTC)
	db.Now = func() time.Time { return fixed }
	p := mustCreate(t, s, validProduct())
	if _, err := Sellable(ctx, db.Reader(), p.ID); err != nil {
		t.Fatalf("new product not sellable: %v", err)
	}
	a, err := s.ArchiveProduct(ctx, testActor, p.ID)
	if err != nil || a.Active || !a.ArchivedAt.Equal(fixed) {
		t.Fatalf("archive = %+v, %v", a, err)
	}
	if _, err := s.ArchiveProduct(ctx, testActor, p.ID); err != nil {
		t.Fatalf("archiving twice: %v", err)
	}
	_, err = Sellable(ctx, db.Reader(), p.ID)
	if !errors.Is(err, ErrArchived) || errs.Code(err) != errs.ECONFLICT {
		t.Fatalf("Sellable(archived) = %v, want ErrArchived", err)
	}
	// History stays: the product, its barcode and its audit trail.
	if got, err := s.FindProductByBarcode(ctx, "4006381333931"); err != nil || got.ID != p.ID {
		t.Fatalf("archived product lost its barcode: %+v %v", got, err)
	}
	if audit, _ := db.FindAudit(ctx, store.AuditFilter{Entity: "products", EntityID: p.ID}); len(audit) != 2 {
		t.Fatalf("audit has %d entries, want create and archive", len(audit))
	}
	r, err := s.RestoreProduct(ctx, testActor, p.ID)
	if err != nil || !r.Active || !r.ArchivedAt.IsZero() {
		t.Fatalf("restore = %+v, %v", r, err)
	}
	if _, err := Sellable(ctx, db.Reader(), p.ID); err != nil {
		t.Fatalf("restored product not sellable: %v", err)
	}
	for _, id := range []string{"missing", ""} {
		if _, err := s.ArchiveProduct(ctx, testActor, id); errs.Code(err) != errs.ENOTFOUND {
			t.Fatalf("archive %q: %v", id, err)
		}
		if _, err := Sellable(ctx, db.Reader(), id); errs.Code(err) != errs.ENOTFOUND {
			t.Fatalf("sellable %q: %v", id, err)
		}
	}
}

func TestService_FindProductBySKU(t *testing.T) {
	s, _ := newTestService(t)
	ctx := context.Background()
	p := mustCreate(t, s, validProduct())
	for _, tc := range []struct {
		sku  string
		code string
	}{
		{"BOLT-M8", ""}, {"bolt-m8", ""}, {" BOLT-M8 ", ""}, {"BOLT", errs.ENOTFOUND}, {"", errs.ENOTFOUND},
	} {
		got, err := s.FindProductBySKU(ctx, tc.sku)
		if errs.Code(err) != tc.code || (tc.code == "" && got.ID != p.ID) {
			t.Errorf("FindProductBySKU(%q) = %+v, %v", tc.sku, got, err)
		}
	}
}
