package stock

import (
	"context"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"oms/internal/catalog"
	"oms/internal/errs"
	"oms/internal/store"
)

var testActor = store.Actor{UserID: "u-1", UserName: "tester"}

// env is a database with a catalog, two warehouses and some bins.
type env struct {
	db       *store.DB
	s        *Service
	cat      *catalog.Service
	main     *Warehouse
	second   *Warehouse
	binA     *Bin // in main
	binB     *Bin // in main
	binX     *Bin // in second
	bolt     *catalog.Product
	nut      *catalog.Product
	archived *catalog.Product
}

func newEnv(t *testing.T) *env {
	t.Helper()
	ctx := context.Background()
	db, err := store.Open(ctx, filepath.Join(t.TempDir(), "oms.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	e := &env{db: db, s: NewService(db), cat: catalog.NewService(db)}
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	e.main, err = e.s.CreateWarehouse(ctx, testActor, WarehouseInput{Code: "MAIN", Name: "Main warehouse"})
	must(err)
	e.second, err = e.s.CreateWarehouse(ctx, testActor, WarehouseInput{Code: "SHOP", Name: "Shop"})
	must(err)
	e.binA, err = e.s.CreateBin(ctx, testActor, e.main.ID, "A-01-01")
	must(err)
	e.binB, err = e.s.CreateBin(ctx, testActor, e.main.ID, "A-01-02")
	must(err)
	e.binX, err = e.s.CreateBin(ctx, testActor, e.second.ID, "X-1")
	must(err)
	e.bolt, err = e.cat.CreateProduct(ctx, testActor, catalog.ProductInput{SKU: "BOLT", Name: "Bolt", Price: 100, Cost: 40,
		ReorderPoint: 10, ReorderQty: 50, Barcodes: []string{"4006381333931"}})
	must(err)
	e.nut, err = e.cat.CreateProduct(ctx, testActor, catalog.ProductInput{SKU: "NUT", Name: "Nut", Price: 10, Cost: 3, ReorderPoint: 5, ReorderQty: 3})
	must(err)
	e.archived, err = e.cat.CreateProduct(ctx, testActor, catalog.ProductInput{SKU: "OLD", Name: "Old", Price: 10})
	must(err)
	_, err = e.cat.ArchiveProduct(ctx, testActor, e.archived.ID)
	must(err)
	return e
}

// receive posts a receipt.
func (e *env) receive(t *testing.T, p *catalog.Product, w *Warehouse, b *Bin, qty int64) {
	t.Helper()
	binID := ""
	if b != nil {
		binID = b.ID
	}
	if _, err := e.s.PostMovement(context.Background(), testActor, MovementInput{Kind: KindReceipt, ProductID: p.ID, WarehouseID: w.ID,
		BinID: binID, Quantity: qty}); err != nil {
		t.Fatal(err)
	}
}

// level returns on hand and reserved of a product at a place (bin "" = all
// bins of the warehouse).
func (e *env) level(t *testing.T, p *catalog.Product, w *Warehouse, b *Bin) (onHand, reserved int64) {
	t.Helper()
	f := LevelFilter{ProductID: p.ID, WarehouseID: w.ID}
	if b != nil {
		f.BinID = b.ID
	}
	levels, err := e.s.FindLevels(context.Background(), f)
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range levels {
		onHand += l.OnHand
		reserved += l.Reserved
	}
	return onHand, reserved
}

func (e *env) count(t *testing.T, query string, args ...any) int {
	t.Helper()
	var n int
	if err := e.db.Reader().QueryRow(query, args...).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func wantErr(t *testing.T, err error, code, field string) {
	t.Helper()
	if code == "" {
		if err != nil {
			t.Fatalf("unexpected error: %v", err)
		}
		return
	}
	if errs.Code(err) != code || errs.Field(err) != field {
		t.Fatalf("err = %v, want %s on %q", err, code, field)
	}
}

func TestStock_EveryTableIsRegistered(t *testing.T) {
	e := newEnv(t)
	tables, err := e.db.UncapturedTables(context.Background())
	if err != nil || len(tables) != 0 {
		t.Fatalf("uncaptured tables: %v %v", tables, err)
	}
	for name, kind := range map[string]string{"warehouses": "document", "bins": "document", "stock_movements": "ledger",
		"stock_levels": "cache", "suppliers": "document", "purchase_orders": "document", "purchase_order_lines": "document",
		"stock_counts": "document", "stock_count_lines": "document"} {
		if n := e.count(t, `SELECT count(*) FROM sync_tables WHERE name = ? AND kind = ?`, name, kind); n != 1 {
			t.Errorf("%s is not registered as %s", name, kind)
		}
	}
}

func TestService_Warehouses(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	for _, tc := range []struct {
		name  string
		in    WarehouseInput
		code  string
		field string
	}{
		{"Valid", WarehouseInput{Code: "WEST", Name: "West depot"}, "", ""},
		{"UnicodeName", WarehouseInput{Code: "HN", Name: "Kho Hà Nội"}, "", ""},
		{"DuplicateCode", WarehouseInput{Code: "main", Name: "Again"}, errs.ECONFLICT, "code"},
		{"NoCode", WarehouseInput{Name: "No code"}, errs.EINVALID, "code"},
		{"LongCode", WarehouseInput{Code: strings.Repeat("C", 33), Name: "x"}, errs.EINVALID, "code"},
		{"UnicodeCode", WarehouseInput{Code: "ŁÓDŹ", Name: "x"}, errs.EINVALID, "code"},
		{"NoName", WarehouseInput{Code: "NN"}, errs.EINVALID, "name"},
		{"HugeName", WarehouseInput{Code: "HG", Name: strings.Repeat("n", 10_000)}, errs.EINVALID, "name"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := e.s.CreateWarehouse(ctx, testActor, tc.in)
			wantErr(t, err, tc.code, tc.field)
		})
	}
	off := false
	w, err := e.s.UpdateWarehouse(ctx, testActor, e.second.ID, WarehouseUpdate{Name: ptr("Shop floor"), Active: &off})
	if err != nil || w.Name != "Shop floor" || w.Active {
		t.Fatalf("update = %+v, %v", w, err)
	}
	_, err = e.s.UpdateWarehouse(ctx, testActor, e.second.ID, WarehouseUpdate{Code: ptr("MAIN")})
	wantErr(t, err, errs.ECONFLICT, "code")
	all, err := e.s.FindWarehouses(ctx)
	if err != nil || len(all) != 4 || all[0].Code != "HN" {
		t.Fatalf("warehouses = %+v, %v", all, err)
	}
	// An inactive warehouse takes no stock in.
	_, err = e.s.PostMovement(ctx, testActor, MovementInput{Kind: KindReceipt, ProductID: e.bolt.ID, WarehouseID: e.second.ID, Quantity: 1})
	wantErr(t, err, errs.ECONFLICT, "warehouseId")
}

func ptr[T any](v T) *T { return &v }

func TestBinSortKey(t *testing.T) {
	codes := []string{"B-1", "A-10-1", "a-2-1", "A-01-03", "A-1-2", "A", "A-2-10", "A-2-9"}
	slices.SortFunc(codes, func(a, b string) int { return strings.Compare(BinSortKey(a), BinSortKey(b)) })
	want := []string{"A", "A-1-2", "A-01-03", "a-2-1", "A-2-9", "A-2-10", "A-10-1", "B-1"}
	if !slices.Equal(codes, want) {
		t.Fatalf("sorted = %v, want %v", codes, want)
	}
	if BinSortKey("A-01-03") != BinSortKey("a-1-3") {
		t.Fatal("zero padding or case changes the key")
	}
}

func TestService_Bins(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	for _, tc := range []struct {
		name, warehouse, code string
		errCode, field        string
	}{
		{"Valid", e.main.ID, "A-10-01", "", ""},
		{"Valid2", e.main.ID, "A-2-01", "", ""},
		{"SameCodeOtherWarehouse", e.second.ID, "A-01-01", "", ""},
		{"Duplicate", e.main.ID, "a-01-01", errs.ECONFLICT, "code"},
		{"Empty", e.main.ID, " ", errs.EINVALID, "code"},
		{"Control", e.main.ID, "A\x00", errs.EINVALID, "code"},
		{"UnknownWarehouse", "nope", "Z-1", errs.ENOTFOUND, "warehouseId"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := e.s.CreateBin(ctx, testActor, tc.warehouse, tc.code)
			wantErr(t, err, tc.errCode, tc.field)
		})
	}
	bins, err := e.s.FindBins(ctx, e.main.ID, false)
	if err != nil {
		t.Fatal(err)
	}
	var codes []string
	for _, b := range bins {
		codes = append(codes, b.Code)
	}
	if !slices.Equal(codes, []string{"A-01-01", "A-01-02", "A-2-01", "A-10-01"}) {
		t.Fatalf("bins in path order = %v", codes)
	}
	if b, err := e.s.FindBinByCode(ctx, e.main.ID, " a-01-02 "); err != nil || b.ID != e.binB.ID {
		t.Fatalf("FindBinByCode = %+v, %v", b, err)
	}
	if _, err := e.s.FindBinByCode(ctx, e.second.ID, "A-01-02"); errs.Code(err) != errs.ENOTFOUND {
		t.Fatalf("bin of another warehouse found: %v", err)
	}
	b, err := e.s.SetBinActive(ctx, testActor, e.binB.ID, false)
	if err != nil || b.Active {
		t.Fatalf("deactivate = %+v, %v", b, err)
	}
	if active, _ := e.s.FindBins(ctx, e.main.ID, true); len(active) != 3 {
		t.Fatalf("%d active bins, want 3", len(active))
	}
	_, err = e.s.PostMovement(ctx, testActor, MovementInput{Kind: KindReceipt, ProductID: e.bolt.ID, WarehouseID: e.main.ID, BinID: e.binB.ID, Quantity: 1})
	wantErr(t, err, errs.ECONFLICT, "binId")
}

func TestService_Suppliers(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	for _, tc := range []struct {
		name  string
		in    SupplierInput
		code  string
		field string
	}{
		{"Valid", SupplierInput{Code: "ACME", Name: "Acme Fasteners", Email: "orders@acme.example", Phone: "+49 40 123"}, "", ""},
		{"HTMLNotes", SupplierInput{Code: "H", Name: "<b>Bold</b> & Co", Notes: "<script>x</script>\nline 2"}, "", ""},
		{"DuplicateCode", SupplierInput{Code: "acme", Name: "Again"}, errs.ECONFLICT, "code"},
		{"NoName", SupplierInput{Code: "N"}, errs.EINVALID, "name"},
		{"BadEmail", SupplierInput{Code: "E", Name: "E", Email: "not an email"}, errs.EINVALID, "email"},
		{"BadPhone", SupplierInput{Code: "P", Name: "P", Phone: "call me"}, errs.EINVALID, "phone"},
		{"HugeNotes", SupplierInput{Code: "L", Name: "L", Notes: strings.Repeat("n", 10_000)}, errs.EINVALID, "notes"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			sup, err := e.s.CreateSupplier(ctx, testActor, tc.in)
			wantErr(t, err, tc.code, tc.field)
			if err == nil {
				got, _ := e.s.FindSupplierByID(ctx, sup.ID)
				if got.Name != tc.in.Name || got.Notes != tc.in.Notes {
					t.Fatalf("stored %+v", got)
				}
			}
		})
	}
	all, err := e.s.FindSuppliers(ctx, true)
	if err != nil || len(all) != 2 {
		t.Fatalf("suppliers = %+v, %v", all, err)
	}
	off := false
	sup, err := e.s.UpdateSupplier(ctx, testActor, all[0].ID, SupplierUpdate{Active: &off, Phone: ptr("040 / 555")})
	if err != nil || sup.Active || sup.Phone != "040 / 555" {
		t.Fatalf("update = %+v, %v", sup, err)
	}
	if active, _ := e.s.FindSuppliers(ctx, true); len(active) != 1 {
		t.Fatalf("%d active suppliers, want 1", len(active))
	}
}
