package importer

import (
	"context"
	"encoding/csv"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"oms/internal/auth"
	"oms/internal/catalog"
	"oms/internal/company"
	"oms/internal/customer"
	"oms/internal/errs"
	"oms/internal/stock"
	"oms/internal/store"
)

var actor = store.Actor{UserName: "cli:test"}

// newDB opens a database in a temporary directory; setup records the
// company (EUR), a tax class "Standard", warehouse MAIN with bin A-01, an
// inactive bin OLD and the product EXIST-1 with barcode 4006381333931.
func newDB(t *testing.T, setup bool) *store.DB {
	t.Helper()
	ctx := context.Background()
	db, err := store.Open(ctx, filepath.Join(t.TempDir(), "oms.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	if !setup {
		return db
	}
	if _, err := company.NewService(db, auth.NewService(db)).Setup(ctx, company.Input{Name: "Acme", Country: "DE", Currency: "EUR"},
		auth.UserInput{Name: "admin", Password: "long-enough-pw"}); err != nil {
		t.Fatal(err)
	}
	cat := catalog.NewService(db)
	if _, err := cat.CreateTaxClass(ctx, actor, catalog.TaxClassInput{Name: "Standard", RateBps: 1900}); err != nil {
		t.Fatal(err)
	}
	if _, err := cat.CreateProduct(ctx, actor, catalog.ProductInput{SKU: "EXIST-1", Name: "Existing", Price: 100, Cost: 50,
		Barcodes: []string{"4006381333931"}}); err != nil {
		t.Fatal(err)
	}
	st := stock.NewService(db)
	w, err := st.CreateWarehouse(ctx, actor, stock.WarehouseInput{Code: "MAIN", Name: "Main"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.CreateBin(ctx, actor, w.ID, "A-01"); err != nil {
		t.Fatal(err)
	}
	old, err := st.CreateBin(ctx, actor, w.ID, "OLD")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.SetBinActive(ctx, actor, old.ID, false); err != nil {
		t.Fatal(err)
	}
	return db
}

// file writes rows as a .csv or .xlsx file (by ext) and returns its path.
// In a workbook, cells that start with "#n:" are stored as numbers.
func file(t *testing.T, ext string, rows [][]string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "in"+ext)
	switch ext {
	case ".csv":
		f, err := os.Create(path)
		if err != nil {
			t.Fatal(err)
		}
		w := csv.NewWriter(f)
		if err := w.WriteAll(rows); err != nil {
			t.Fatal(err)
		}
		f.Close()
	case ".xlsx":
		x := excelize.NewFile()
		for r, row := range rows {
			for c, v := range row {
				cell, _ := excelize.CoordinatesToCellName(c+1, r+1)
				var err error
				if n, ok := strings.CutPrefix(v, "#n:"); ok {
					err = x.SetCellValue("Sheet1", cell, mustFloat(t, n))
				} else {
					err = x.SetCellStr("Sheet1", cell, v)
				}
				if err != nil {
					t.Fatal(err)
				}
			}
		}
		if err := x.SaveAs(path); err != nil {
			t.Fatal(err)
		}
	default:
		if err := os.WriteFile(path, []byte("x"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	return path
}

func mustFloat(t *testing.T, s string) float64 {
	t.Helper()
	var f float64
	if _, err := fmtSscan(s, &f); err != nil {
		t.Fatal(err)
	}
	return f
}

func productCount(t *testing.T, db *store.DB) int {
	t.Helper()
	_, n, err := catalog.NewService(db).FindProducts(context.Background(), catalog.ProductFilter{Limit: 1})
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func problems(res *Result) []string {
	out := []string{}
	for _, p := range res.Problems {
		out = append(out, p.String())
	}
	return out
}

func equal(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

var productHeader = []string{"sku", "name", "price", "cost", "barcode"}

func TestImportFile_Products(t *testing.T) {
	ctx := context.Background()
	for _, tc := range []struct {
		name     string
		ext      string
		rows     [][]string
		opts     Options
		problems []string
		written  int
		valid    int
		check    func(t *testing.T, db *store.DB)
	}{
		{name: "ValidCSV", ext: ".csv", rows: [][]string{productHeader,
			{"P-1", "Widget", "12.50", "7.10", "4000000000006"},
			{"P-2", "Gadget", "3", "", ""},
		}, written: 2, valid: 2, check: func(t *testing.T, db *store.DB) {
			p, err := catalog.FindProductBySKU(ctx, db.Reader(), "p-1")
			if err != nil || p.Price != 1250 || p.Cost != 710 || len(p.Barcodes) != 1 || p.Barcodes[0].Value != "4000000000006" || p.Unit != "pcs" {
				t.Fatalf("P-1 = %+v, %v", p, err)
			}
		}},
		{name: "ValidXLSX", ext: ".xlsx", rows: [][]string{
			{"sku", "name", "price", "cost", "barcode", "weight_g", "reorder_point", "reorder_qty", "unit", "tax_class", "description"},
			{"X-1", "Excel widget", "#n:12.3", "#n:0.30000000000000004", "#n:4000000000006", "#n:250", "#n:5", "#n:20", "kg", "standard", "Line one"},
			{"X-2", "Text numbers", "1.05", "0", "", "", "", "", "", "", ""},
		}, written: 2, valid: 2, check: func(t *testing.T, db *store.DB) {
			p, err := catalog.FindProductBySKU(ctx, db.Reader(), "X-1")
			if err != nil || p.Price != 1230 || p.Cost != 30 || p.WeightG != 250 || p.ReorderPoint != 5 || p.ReorderQty != 20 ||
				p.Unit != "kg" || p.TaxClassID == "" || p.Description != "Line one" || len(p.Barcodes) != 1 {
				t.Fatalf("X-1 = %+v, %v", p, err)
			}
		}},
		{name: "ReorderedExtraCasedHeaders", ext: ".csv", rows: [][]string{
			{" Barcode ", "PRICE", "Name", "Cost", "sKu", "Tax Class", "Reorder-Point"},
			{"", "1.00", "Reordered", "0.50", "R-1", "STANDARD", "3"},
		}, written: 1, valid: 1, check: func(t *testing.T, db *store.DB) {
			p, err := catalog.FindProductBySKU(ctx, db.Reader(), "R-1")
			if err != nil || p.Name != "Reordered" || p.Price != 100 || p.Cost != 50 || p.ReorderPoint != 3 {
				t.Fatalf("R-1 = %+v, %v", p, err)
			}
		}},
		{name: "MissingRequiredColumnAndUnknown", ext: ".csv", rows: [][]string{
			{"sku", "name", "cost", "barcode", "colour"},
			{"M-1", "Missing price", "1", "", "red"},
		}, problems: []string{
			`row 1, column E: Unknown column "colour"; a product file has the columns sku, name, price, cost, barcode and optionally description, unit, tax_class, weight_g, reorder_point, reorder_qty.`,
			"row 1, column price: The required column price is missing.",
		}},
		{name: "UnicodeAndFormulaLookingText", ext: ".xlsx", rows: [][]string{productHeader,
			{"U-1", "Ünïcödé 商品 🚀", "1", "1", ""},
			{"F-1", "=1+1", "2", "1", ""},
			{"F-2", "'; DROP TABLE products; --", "2", "1", "<b>x</b>"},
		}, written: 3, valid: 3, check: func(t *testing.T, db *store.DB) {
			for sku, name := range map[string]string{"U-1": "Ünïcödé 商品 🚀", "F-1": "=1+1", "F-2": "'; DROP TABLE products; --"} {
				if p, err := catalog.FindProductBySKU(ctx, db.Reader(), sku); err != nil || p.Name != name {
					t.Fatalf("%s = %+v, %v; want name %q", sku, p, err, name)
				}
			}
		}},
		{name: "BadRowsAllOrNothing", ext: ".csv", rows: [][]string{productHeader,
			{"OK-1", "Fine", "1.00", "0.50", ""},
			{"B-1", "Negative", "-5", "1", ""},
			{"B-2", "Absurd", "99999999999999", "1", ""},
			{"B-3", "Check digit", "1", "1", "4006381333932"},
			{"", "", "", "", ""},
			{"B-4", "", "12,50", "1.234", ""},
			{"EXIST-1", "In DB", "1", "1", ""},
			{"OK-1", "Twice in file", "1", "1", ""},
			{"B-5", "Barcode in DB", "1", "1", "4006381333931"},
			{"B-6", strings.Repeat("x", MaxCellChars+1), "1", "1", ""},
		}, problems: []string{
			"row 3, column price: The price cannot be negative.",
			"row 4, column price: The price must be at most 10000000000.00.",
			"row 5, column barcode: The EAN-13 barcode 4006381333932 has a wrong check digit: the last digit should be 1.",
			"row 7, column name: Enter the product name.",
			"row 7, column price: Use a dot as the decimal separator, like 12.50, without thousands separators.",
			"row 7, column cost: Enter at most 2 decimals.",
			"row 8, column sku: The SKU EXIST-1 is already used by a product in OMS.",
			"row 9, column sku: The SKU OK-1 is also on row 2 of this file.",
			"row 10, column barcode: The barcode 4006381333931 already belongs to product EXIST-1.",
			"row 11, column name: The cell has 10001 characters; at most 10000 are allowed.",
		}, valid: 1},
		{name: "SkipInvalid", ext: ".csv", opts: Options{SkipInvalid: true}, rows: [][]string{productHeader,
			{"S-1", "Good", "1", "1", "4000000000006"},
			{"S-2", "Same barcode", "1", "1", "4000000000006"},
			{"S-3", "Good too", "2", "1", ""},
		}, problems: []string{"row 3, column barcode: The barcode 4000000000006 is also on row 2 of this file."}, written: 2, valid: 2,
			check: func(t *testing.T, db *store.DB) {
				if _, err := catalog.FindProductBySKU(ctx, db.Reader(), "S-3"); err != nil {
					t.Fatal(err)
				}
				if _, err := catalog.FindProductBySKU(ctx, db.Reader(), "S-2"); errs.Code(err) != errs.ENOTFOUND {
					t.Fatalf("the invalid row was written: %v", err)
				}
			}},
		{name: "DryRun", ext: ".csv", opts: Options{DryRun: true}, rows: [][]string{productHeader,
			{"D-1", "Dry", "1", "1", ""},
		}, valid: 1},
		{name: "DuplicateSKUCaseInsensitive", ext: ".csv", rows: [][]string{productHeader,
			{"dup-1", "One", "1", "1", ""},
			{"DUP-1", "Two", "1", "1", ""},
		}, problems: []string{"row 3, column sku: The SKU DUP-1 is also on row 2 of this file."}, valid: 1},
		{name: "UnknownTaxClass", ext: ".csv", rows: [][]string{{"sku", "name", "price", "cost", "barcode", "tax_class"},
			{"T-1", "Taxed", "1", "1", "", "Luxury"},
		}, problems: []string{"row 2, column tax_class: There is no tax class named Luxury."}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			db := newDB(t, true)
			before := productCount(t, db)
			res, err := New(db).ImportFile(ctx, actor, Products, file(t, tc.ext, tc.rows), tc.opts)
			if err != nil {
				t.Fatal(err)
			}
			if got := problems(res); !equal(got, tc.problems) && !(len(got) == 0 && tc.problems == nil) {
				t.Fatalf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tc.problems, "\n"))
			}
			if res.Written != tc.written || res.Valid != tc.valid {
				t.Fatalf("written %d, valid %d; want %d, %d", res.Written, res.Valid, tc.written, tc.valid)
			}
			if after := productCount(t, db); after-before != tc.written {
				t.Fatalf("%d products were added, want %d", after-before, tc.written)
			}
			if tc.check != nil {
				tc.check(t, db)
			}
		})
	}
}

func TestImportFile_Customers(t *testing.T) {
	ctx := context.Background()
	db := newDB(t, false) // customers need no currency
	header := []string{"code", "name", "company", "email", "phone", "billing_line1", "billing_postal_code", "billing_city",
		"billing_country", "shipping_line1", "shipping_city", "shipping_country"}
	path := file(t, ".csv", [][]string{header,
		{"c-1", "Zoë Ångström", "Ångström AB", "zoe@example.com", "+46 8 123", "Storgatan 1", "111 22", "Stockholm", "se", "", "", ""},
		{"", "Auto Code", "", "", "", "Main St 2", "", "Springfield", "US", "Dock 3", "Shelbyville", "US"},
		{"C-2", "Bad Email", "", "not-an-email", "", "", "", "", "", "", "", ""},
		{"C-3", "Bad Country", "", "", "", "Road 1", "", "Town", "XX", "", "", ""},
		{"C-4", "No Street", "", "", "", "", "", "", "", "", "Town", "DE"},
		{"C-1", "Same code", "", "", "", "", "", "", "", "", "", ""},
	})
	res, err := New(db).ImportFile(ctx, actor, Customers, path, Options{SkipInvalid: true})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"row 4, column email: Enter an email address like name@example.com.",
		"row 5, column billing_country: Choose a country (ISO code such as DE or US).",
		"row 6, column shipping_line1: Enter the street and number.",
		"row 7, column code: The customer code C-1 is also on row 2 of this file.",
	}
	if got := problems(res); !equal(got, want) {
		t.Fatalf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if res.Written != 2 {
		t.Fatalf("written %d, want 2", res.Written)
	}
	cs := customer.NewService(db)
	list, n, err := cs.FindCustomers(ctx, customer.CustomerFilter{Limit: 10})
	if err != nil || n != 2 {
		t.Fatalf("%d customers, %v", n, err)
	}
	for _, c := range list {
		full, err := cs.FindCustomerByID(ctx, c.ID)
		if err != nil {
			t.Fatal(err)
		}
		switch c.Name {
		case "Zoë Ångström":
			if c.Code != "C-1" || len(full.Addresses) != 1 || full.Addresses[0].Country != "SE" || full.Addresses[0].Kind != customer.AddressBilling {
				t.Fatalf("customer 1 = %+v, %+v", c, full.Addresses)
			}
		case "Auto Code":
			if c.Code == "" || len(full.Addresses) != 2 {
				t.Fatalf("customer 2 = %+v, %+v", c, full.Addresses)
			}
		default:
			t.Fatalf("unexpected customer %+v", c)
		}
	}
	// Importing the same file again conflicts with the database.
	res, err = New(db).ImportFile(ctx, actor, Customers, file(t, ".csv", [][]string{header[:5], {"C-1", "Again", "", "", ""}}), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got := problems(res); !equal(got, []string{"row 2, column code: The customer code C-1 is already used by a customer in OMS."}) {
		t.Fatalf("problems %q", got)
	}
}

func TestImportFile_Stock(t *testing.T) {
	ctx := context.Background()
	db := newDB(t, true)
	header := []string{"sku", "warehouse", "bin", "quantity", "cost"}
	bad := [][]string{header,
		{"EXIST-1", "main", "a-01", "10", "0.40"},
		{"EXIST-1", "MAIN", "ZZ-9", "5", ""},
		{"EXIST-1", "MAIN", "OLD", "5", ""},
		{"NOPE", "ELSEWHERE", "", "1", "1"},
		{"EXIST-1", "MAIN", "", "0", "1"},
		{"EXIST-1", "MAIN", "", "2.5", "-1"},
	}
	res, err := New(db).ImportFile(ctx, actor, Stock, file(t, ".xlsx", bad), Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"row 3, column bin: The warehouse MAIN has no bin ZZ-9.",
		"row 4, column bin: The bin OLD is inactive.",
		"row 5, column sku: No product has the SKU NOPE.",
		"row 5, column warehouse: There is no warehouse ELSEWHERE.",
		"row 6, column quantity: The quantity must be a whole number of at least 1.",
		"row 7, column quantity: The quantity must be a whole number, like 12.",
		"row 7, column cost: The cost cannot be negative.",
	}
	if got := problems(res); !equal(got, want) {
		t.Fatalf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	ms, n, err := stock.FindMovements(ctx, db.Reader(), stock.MovementFilter{RefType: stock.RefImport})
	if err != nil || n != 0 {
		t.Fatalf("all-or-nothing wrote %d movements (%v)", n, err)
	}
	res, err = New(db).ImportFile(ctx, actor, Stock, file(t, ".csv", [][]string{header,
		{"EXIST-1", "main", "a-01", "10", "0.40"},
		{"EXIST-1", "MAIN", "", "3", ""},
	}), Options{})
	if err != nil || res.Written != 2 {
		t.Fatalf("written %d, %v, %q", res.Written, err, problems(res))
	}
	ms, n, err = stock.FindMovements(ctx, db.Reader(), stock.MovementFilter{RefType: stock.RefImport})
	if err != nil || n != 2 {
		t.Fatalf("%d movements, %v", n, err)
	}
	for _, m := range ms {
		if m.Kind != stock.KindReceipt || m.Reason != ReasonImport || m.UserName != actor.UserName {
			t.Fatalf("movement %+v", m)
		}
		if (m.Quantity == 10 && (m.UnitCost != 40 || m.BinID == "")) || (m.Quantity == 3 && (m.UnitCost != 50 || m.BinID != "")) {
			t.Fatalf("movement %+v: the cost is the file's, else the product's", m)
		}
	}
}

func TestImportFile_FileErrors(t *testing.T) {
	ctx := context.Background()
	big := filepath.Join(t.TempDir(), "big.csv")
	if err := os.WriteFile(big, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Truncate(big, MaxFileBytes+1); err != nil {
		t.Fatal(err)
	}
	noCompany := newDB(t, false)
	db := newDB(t, true)
	for _, tc := range []struct {
		name string
		db   *store.DB
		kind Kind
		path string
		want string
	}{
		{"WrongExtension", db, Products, file(t, ".ods", nil), "Import an Excel workbook (.xlsx) or a CSV file (.csv)"},
		{"Missing", db, Products, filepath.Join(t.TempDir(), "nope.csv"), "There is no file"},
		{"TooLarge", db, Products, big, "files over 50 MB are refused"},
		{"Empty", db, Products, file(t, ".csv", nil), "The file is empty"},
		{"NotAWorkbook", db, Products, func() string {
			p := filepath.Join(t.TempDir(), "fake.xlsx")
			os.WriteFile(p, []byte("sku,name\n"), 0o600)
			return p
		}(), "cannot be read as an Excel workbook"},
		{"MalformedCSV", db, Products, func() string {
			p := filepath.Join(t.TempDir(), "bad.csv")
			os.WriteFile(p, []byte("sku,name\n\"unterminated,x\n"), 0o600)
			return p
		}(), "The CSV file is malformed at line"},
		{"CompanyNotSetUp", noCompany, Products, file(t, ".csv", [][]string{productHeader}), "Set up the company first"},
		{"CompanyNotSetUpStock", noCompany, Stock, file(t, ".csv", [][]string{{"sku"}}), "Set up the company first"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := New(tc.db).ImportFile(ctx, actor, tc.kind, tc.path, Options{})
			if errs.Code(err) != errs.EINVALID || !strings.Contains(errs.Message(err), tc.want) {
				t.Fatalf("err = %v, want EINVALID ~%q", err, tc.want)
			}
		})
	}
}

func TestReadCSV_BOMAndRowNumbers(t *testing.T) {
	var got []string
	err := ReadCSV(strings.NewReader("\ufeffsku,name\n\"A\",\"two\nlines\"\n\nB,x\n"), func(row int, cells []string) error {
		got = append(got, strings.Join(append([]string{string(rune('0' + row))}, cells...), "|"))
		return nil
	})
	want := []string{"1|sku|name", "2|A|two\nlines", "3|B|x"}
	if err != nil || !equal(got, want) {
		t.Fatalf("got %q, %v; want %q", got, err, want)
	}
}

func TestXLSXNumber(t *testing.T) {
	for in, want := range map[string]string{
		"12.5": "12.5", "12.300000000000001": "12.3", "0.30000000000000004": "0.3", "1E-3": "0.001",
		"4006381333931": "4006381333931", "abc": "abc", "1e400": "1e400", "": "",
	} {
		if got := xlsxNumber(in); got != want {
			t.Errorf("xlsxNumber(%q) = %q, want %q", in, got, want)
		}
	}
}
