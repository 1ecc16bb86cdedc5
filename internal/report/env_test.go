package report

import (
	"archive/zip"
	"bytes"
	"context"
	"io"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"oms/internal/auth"
	"oms/internal/catalog"
	"oms/internal/company"
	"oms/internal/customer"
	"oms/internal/order"
	"oms/internal/stock"
	"oms/internal/store"
)

var testActor = store.Actor{UserID: "u-1", UserName: "tester"}

// Hostile text: what a spreadsheet would run as a formula if it were
// written as one.
var hostile = []string{`=HYPERLINK("http://evil.example","click")`, "+SUM(1,2)", "-2+3", "@cmd"}

// env is a small business made through the services: products (some with
// hostile names), customers (one with a hostile name), stock with a
// reorder point, orders over three days paid by card and cash through a
// drawer, a shipped order with a return, and a supplier.
type env struct {
	db       *store.DB
	gen      *Generator
	orders   *order.Service
	stock    *stock.Service
	cat      *catalog.Service
	cust     *customer.Service
	main     *stock.Warehouse
	bin      *stock.Bin
	products map[string]*catalog.Product
	now      time.Time
	drawer   *order.DrawerReport
	from, to time.Time
}

func newEnv(t testing.TB) *env {
	t.Helper()
	ctx := context.Background()
	db, err := store.Open(ctx, filepath.Join(t.TempDir(), "oms.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	e := &env{db: db, gen: NewGenerator(db), cat: catalog.NewService(db), stock: stock.NewService(db), cust: customer.NewService(db),
		products: map[string]*catalog.Product{}, now: time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC),
		from: time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC), to: time.Date(2026, 3, 3, 0, 0, 0, 0, time.UTC)}
	db.Now = func() time.Time { return e.now }
	e.orders = order.NewService(db, e.cat, e.cust, e.stock)
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	comp := company.NewService(db, auth.NewService(db))
	_, err = comp.Setup(ctx, company.Input{Name: "Köhler GmbH", Country: "DE", Currency: "EUR"},
		auth.UserInput{Name: "admin", Password: "long-enough-pw"})
	must(err)
	std, err := e.cat.CreateTaxClass(ctx, testActor, catalog.TaxClassInput{Name: "Standard", RateBps: 1900})
	must(err)
	e.main, err = e.stock.CreateWarehouse(ctx, testActor, stock.WarehouseInput{Code: "MAIN", Name: "Main"})
	must(err)
	e.bin, err = e.stock.CreateBin(ctx, testActor, e.main.ID, "A-1")
	must(err)
	prods := []struct {
		sku, name         string
		price, cost, qty  int64
		reorderPt, reorQt int64
	}{
		{"BOLT", "Bolt M8", 1190, 400, 100, 0, 0},
		{"GLUE", "Glue", 1299, 600, 30, 50, 40}, // below its reorder point
	}
	for i, h := range append(hostile, "Tabbed", "Return") {
		prods = append(prods, struct {
			sku, name         string
			price, cost, qty  int64
			reorderPt, reorQt int64
		}{"EVIL-" + string(rune('A'+i)), h, 500 + int64(i), 100, 20, 0, 0})
	}
	for _, p := range prods {
		prod, err := e.cat.CreateProduct(ctx, testActor, catalog.ProductInput{SKU: p.sku, Name: p.name, Price: p.price, Cost: p.cost,
			TaxClassID: std.ID, ReorderPoint: p.reorderPt, ReorderQty: p.reorQt})
		must(err)
		e.products[p.sku] = prod
		_, err = e.stock.PostMovement(ctx, testActor, stock.MovementInput{Kind: stock.KindReceipt, ProductID: prod.ID,
			WarehouseID: e.main.ID, BinID: e.bin.ID, Quantity: p.qty, UnitCost: p.cost})
		must(err)
	}
	sup, err := e.stock.CreateSupplier(ctx, testActor, stock.SupplierInput{Code: "ACME", Name: "Acme Glue Works"})
	must(err)
	_, err = e.stock.CreatePurchaseOrder(ctx, testActor, stock.PurchaseOrderInput{SupplierID: sup.ID, WarehouseID: e.main.ID,
		Lines: []stock.PurchaseOrderLineInput{{ProductID: e.products["GLUE"].ID, Quantity: 5, UnitCost: 600}}})
	must(err)
	evil, err := e.cust.CreateCustomer(ctx, testActor, customer.CustomerInput{Code: "C-EVIL", Name: `=cmd|' /C calc'!A0`})
	must(err)
	anna, err := e.cust.CreateCustomer(ctx, testActor, customer.CustomerInput{Code: "C-ANNA", Name: "Anna Schmidt", Company: "@Bau KG"})
	must(err)

	_, err = e.orders.OpenDrawer(ctx, testActor, 10000, "")
	must(err)
	type line struct {
		sku string
		qty int64
	}
	mk := func(day int, custID string, method string, lines ...line) *order.Order {
		t.Helper()
		e.now = time.Date(2026, 3, day, 10, 0, 0, 0, time.UTC).Add(time.Duration(len(e.products)) * time.Minute)
		e.now = e.now.Add(time.Duration(day*7) * time.Second)
		o, err := e.orders.CreateOrder(ctx, testActor, order.OrderInput{CustomerID: custID, Channel: order.ChannelCounter,
			WarehouseID: e.main.ID, Currency: "EUR"})
		must(err)
		for _, l := range lines {
			e.now = e.now.Add(time.Second)
			o, err = e.orders.AddLine(ctx, testActor, o.ID, o.Version, order.LineInput{ProductID: e.products[l.sku].ID, Quantity: l.qty})
			must(err)
		}
		e.now = e.now.Add(time.Second)
		o, err = e.orders.Confirm(ctx, testActor, o.ID, o.Version)
		must(err)
		if method != "" {
			e.now = e.now.Add(time.Second)
			_, err = e.orders.AddPayment(ctx, testActor, o.ID, order.PaymentInput{MethodID: method, Amount: o.Total, Tendered: o.Total})
			must(err)
		}
		return o
	}
	mk(1, evil.ID, "card", line{"BOLT", 3}, line{"EVIL-A", 1}, line{"EVIL-B", 2})
	mk(1, "", "cash", line{"GLUE", 1}, line{"EVIL-C", 1})
	shipped := mk(2, anna.ID, "card", line{"BOLT", 2}, line{"EVIL-D", 1}, line{"EVIL-E", 1}, line{"EVIL-F", 1})
	e.now = time.Date(2026, 3, 2, 15, 0, 0, 0, time.UTC)
	for _, to := range []order.Status{order.StatusPicking, order.StatusPacked, order.StatusShipped} {
		e.now = e.now.Add(time.Minute)
		shipped, err = e.orders.Advance(ctx, testActor, shipped.ID, to, "")
		must(err)
	}
	e.now = e.now.Add(time.Minute)
	_, err = e.orders.CreateReturn(ctx, testActor, shipped.ID, order.ReturnInput{Reason: "Damaged in transit", Refund: order.RefundOriginal,
		Lines: []order.ReturnLineInput{{OrderLineID: shipped.Lines[0].ID, Quantity: 1, Disposition: order.DispositionRestock, BinID: e.bin.ID},
			{OrderLineID: shipped.Lines[1].ID, Quantity: 1, Disposition: order.DispositionWriteOff}}})
	must(err)
	mk(3, anna.ID, "", line{"BOLT", 1})
	// A walk-in sale paid in cash, cancelled, its refund paid out of the
	// drawer: a settlement the payments report counts as the drawer does.
	cancelled := mk(3, "", "cash", line{"GLUE", 2})
	e.now = e.now.Add(time.Minute)
	_, err = e.orders.Cancel(ctx, testActor, cancelled.ID, "changed mind")
	must(err)
	pays, err := e.orders.FindPayments(ctx, cancelled.ID)
	must(err)
	for _, p := range pays {
		if p.Amount < 0 && p.Status == order.PaymentPending {
			e.now = e.now.Add(time.Minute)
			_, err = e.orders.SettleRefund(ctx, testActor, p.ID, "")
			must(err)
		}
	}
	e.now = time.Date(2026, 3, 3, 18, 0, 0, 0, time.UTC)
	cur, err := e.orders.CurrentDrawer(ctx)
	must(err)
	open, err := e.orders.EndOfDayReport(ctx, cur.ID)
	must(err)
	var counts []order.DrawerCountInput
	for _, m := range open.Methods {
		if m.MethodKind == order.MethodCash || m.MethodKind == order.MethodCard {
			counts = append(counts, order.DrawerCountInput{MethodID: m.MethodID, Counted: m.Expected})
		}
	}
	e.drawer, err = e.orders.CloseDrawer(ctx, testActor, counts, "")
	must(err)
	// An order after the range.
	mk(5, anna.ID, "", line{"BOLT", 7})
	e.now = time.Date(2026, 3, 10, 9, 0, 0, 0, time.UTC)
	return e
}

// write writes the report and opens it again with excelize.
func (e *env) write(t testing.TB, name string, p Params) (*excelize.File, []byte, *Summary) {
	t.Helper()
	var buf bytes.Buffer
	sum, err := e.gen.Write(context.Background(), name, &buf, p)
	if err != nil {
		t.Fatalf("write %s: %v", name, err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatalf("open %s: %v", name, err)
	}
	t.Cleanup(func() { f.Close() })
	return f, buf.Bytes(), sum
}

func (e *env) params() Params { return Params{From: e.from, To: e.to} }

// sheetXML returns the worksheet parts of an .xlsx by part name.
func sheetXML(t testing.TB, data []byte) map[string]string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, f := range zr.File {
		if strings.HasPrefix(f.Name, "xl/worksheets/sheet") {
			rc, err := f.Open()
			if err != nil {
				t.Fatal(err)
			}
			b, _ := io.ReadAll(rc)
			rc.Close()
			out[f.Name] = string(b)
		}
	}
	return out
}

// dbSum is one number from the database.
func (e *env) dbSum(t testing.TB, q string, args ...any) int64 {
	t.Helper()
	var n int64
	if err := e.db.Reader().QueryRow(q, args...).Scan(&n); err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	return n
}
