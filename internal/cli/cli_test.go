package cli

import (
	"bytes"
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"oms/internal/auth"
	"oms/internal/catalog"
	"oms/internal/company"
	"oms/internal/config"
	"oms/internal/customer"
	"oms/internal/order"
	"oms/internal/shipping"
	"oms/internal/stock"
	"oms/internal/store"
)

func runCLI(t *testing.T, stdin string, desktop Desktop, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = Main(args, Env{Stdin: strings.NewReader(stdin), Stdout: &out, Stderr: &errb, Desktop: desktop})
	return code, out.String(), errb.String()
}

func TestMain_Commands(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct {
		name       string
		args       []string
		stdin      string
		code       int
		out, errIn string
	}{
		{"Version", []string{"version"}, "", 0, "oms dev", ""},
		{"VersionWithData", []string{"--data", dir, "version"}, "", 0, "oms dev", ""},
		{"Help", []string{"--help"}, "", 0, "Usage: oms", ""},
		{"UnknownCommand", []string{"frobnicate"}, "", 2, "", "unknown command \"frobnicate\""},
		{"UnknownGlobalFlag", []string{"--colour", "version"}, "", 2, "", "flag provided but not defined"},
		{"UserWithoutSub", []string{"user"}, "", 2, "", "user needs a subcommand"},
		{"UserAddMissingRole", []string{"--data", dir, "user", "add", "--name", "x"}, "", 2, "", "needs --name and --role"},
		{"UserAddUnknownFlag", []string{"--data", dir, "user", "add", "--name", "x", "--role", "admin", "--pasword", "y"}, "", 2, "", "flag provided but not defined"},
		{"UserAddAdmin", []string{"--data", dir, "user", "add", "--name", "boss", "--role", "admin"}, "long-enough\n", 0, "added user boss (admin)", ""},
		{"UserAddDuplicate", []string{"--data", dir, "user", "add", "--name", "BOSS", "--role", "admin"}, "long-enough\n", 1, "", "oms: The user name \"BOSS\" is already taken.\n"},
		{"UserAddWeakPassword", []string{"--data", dir, "user", "add", "--name", "weak", "--role", "manager"}, "short\n", 1, "", "at least 8 characters"},
		{"UserAddCounterWithPIN", []string{"--data", dir, "user", "add", "--name", "cara", "--role", "counter", "--full-name", "Cara Counter"}, "\n4321\n", 0, "added user cara (counter)", ""},
		{"UserAddCounterNoPIN", []string{"--data", dir, "user", "add", "--name", "carl", "--role", "counter"}, "", 1, "", "need a PIN"},
		{"UserAddBadRole", []string{"--data", dir, "user", "add", "--name", "xavier", "--role", "root"}, "long-enough\n", 1, "", "Role must be one of"},
		{"NoCommandHeadless", []string{"--data", dir}, "", 1, "", "no desktop window"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errOut := runCLI(t, tc.stdin, nil, tc.args...)
			if code != tc.code || !strings.Contains(out, tc.out) || !strings.Contains(errOut, tc.errIn) {
				t.Fatalf("exit %d, stdout %q, stderr %q; want exit %d, stdout ~%q, stderr ~%q", code, out, errOut, tc.code, tc.out, tc.errIn)
			}
			if tc.code == 1 && strings.Count(errOut, "\n") != 1 {
				t.Fatalf("a failed command must print one line, got %q", errOut)
			}
		})
	}
	db, err := store.Open(context.Background(), config.DBPath(dir))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	users := auth.NewService(db)
	if _, err := users.LoginPassword(context.Background(), "boss", "long-enough"); err != nil {
		t.Fatalf("user added by the CLI cannot sign in: %v", err)
	}
	audit, _ := db.FindAudit(context.Background(), store.AuditFilter{Entity: "users", Limit: 10})
	if len(audit) == 0 || !strings.HasPrefix(audit[len(audit)-1].UserName, "cli") {
		t.Fatalf("CLI writes are not audited as the CLI: %+v", audit)
	}
}

func TestMain_NoCommandOpensDesktopOnDataDir(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "fresh")
	t.Setenv(config.EnvData, dir)
	var got string
	code, _, errOut := runCLI(t, "", func(d string, _ io.Writer) error { got = d; return nil })
	if code != 0 || got != dir {
		t.Fatalf("desktop opened on %q (exit %d, %s), want %q", got, code, errOut, dir)
	}
}

// importDataDir returns a data directory whose company is set up (EUR) with
// warehouse MAIN and bin A-01: there is no command for the setup yet.
func importDataDir(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	ctx := context.Background()
	db, err := store.Open(ctx, config.DBPath(dir))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := company.NewService(db, auth.NewService(db)).Setup(ctx, company.Input{Name: "Acme", Country: "DE", Currency: "EUR"},
		auth.UserInput{Name: "admin", Password: "long-enough-pw"}); err != nil {
		t.Fatal(err)
	}
	st := stock.NewService(db)
	w, err := st.CreateWarehouse(ctx, store.Actor{UserName: "test"}, stock.WarehouseInput{Code: "MAIN", Name: "Main"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.CreateBin(ctx, store.Actor{UserName: "test"}, w.ID, "A-01"); err != nil {
		t.Fatal(err)
	}
	return dir
}

func writeFile(t *testing.T, name, content string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestMain_Import(t *testing.T) {
	dir := importDataDir(t)
	good := writeFile(t, "good.csv", "SKU,Name,Price,Cost,Barcode\nP-1,Widget,12.50,7.10,4000000000006\nP-2,Gädget,3,,\n")
	bad := writeFile(t, "bad.csv", "sku,name,price,cost,barcode\nQ-1,Fine,1,1,\nQ-2,,-1,1,\nQ-3,Digit,1,1,4006381333932\n")
	stockFile := writeFile(t, "stock.csv", "sku,warehouse,bin,quantity,cost\nP-1,MAIN,A-01,4,7.00\nP-2,MAIN,NOPE,1,\n")
	custFile := writeFile(t, "c.csv", "code,name,company,email,phone,billing_line1,billing_city,billing_country\nK-1,Kim,,kim@example.com,,Main St 1,Berlin,DE\n")
	for _, tc := range []struct {
		name        string
		args        []string
		code        int
		out, errOut []string // each must appear
	}{
		{"NoArgs", []string{"--data", dir, "import"}, 2, nil, []string{"import needs what to import"}},
		{"BadKind", []string{"--data", dir, "import", "orders", good}, 2, nil, []string{`not "orders"`}},
		{"UnknownFlag", []string{"--data", dir, "import", "--force", "products", good}, 2, nil, []string{"flag provided but not defined"}},
		{"MissingFile", []string{"--data", dir, "import", "products", "/nonexistent/x.csv"}, 1, nil, []string{"oms: cannot read /nonexistent/x.csv"}},
		{"WrongType", []string{"--data", dir, "import", "products", writeFile(t, "x.txt", "a")}, 1, nil, []string{"Import an Excel workbook (.xlsx) or a CSV file"}},
		{"DryRun", []string{"--data", dir, "import", "--dry-run", "products", good}, 0, []string{"dry run: all 2 products are valid; nothing was written"}, nil},
		{"Products", []string{"--data", dir, "import", "products", good}, 0, []string{"imported 2 products\n"}, nil},
		{"ProductsAgain", []string{"--data", dir, "import", "products", good}, 1, nil, []string{
			"row 2, column sku: The SKU P-1 is already used by a product in OMS.\n",
			"row 3, column sku: The SKU P-2 is already used by a product in OMS.\n",
			"oms: 2 rows of 2 have problems; nothing was written"}},
		{"BadRows", []string{"--data", dir, "import", "products", bad}, 1, nil, []string{
			"row 3, column name: Enter the product name.\nrow 3, column price: The price cannot be negative.\n",
			"row 4, column barcode: The EAN-13 barcode 4006381333932 has a wrong check digit: the last digit should be 1.\n",
			"oms: 2 rows of 3 have problems; nothing was written (fix them, or use --skip-invalid)\n"}},
		{"BadRowsDryRun", []string{"--data", dir, "import", "products", "--dry-run", bad}, 1, nil, []string{"oms: dry run: 2 rows of 3 have problems"}},
		{"SkipInvalidFlagAfterArgs", []string{"--data", dir, "import", "products", bad, "--skip-invalid"}, 0,
			[]string{"imported 1 product; skipped 2 rows with problems\n"}, []string{"row 3, column price"}},
		{"Header", []string{"--data", dir, "import", "products", writeFile(t, "h.csv", "sku,name,prize,cost,barcode\n")}, 1, nil, []string{
			`row 1, column C: Unknown column "prize"`, "row 1, column price: The required column price is missing.", "oms: the header row is not right"}},
		{"StockUnknownBin", []string{"--data", dir, "import", "stock", stockFile}, 1, nil, []string{"row 3, column bin: The warehouse MAIN has no bin NOPE.\n"}},
		{"Customers", []string{"--data", dir, "import", "customers", custFile}, 0, []string{"imported 1 customer\n"}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errOut := runCLI(t, "", nil, tc.args...)
			ok := code == tc.code
			for _, s := range tc.out {
				ok = ok && strings.Contains(out, s)
			}
			for _, s := range tc.errOut {
				ok = ok && strings.Contains(errOut, s)
			}
			if !ok {
				t.Fatalf("exit %d\nstdout: %s\nstderr: %s\nwant exit %d, stdout ~%q, stderr ~%q", code, out, errOut, tc.code, tc.out, tc.errOut)
			}
		})
	}
	db, err := store.Open(context.Background(), config.DBPath(dir))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	_, n, err := catalog.NewService(db).FindProducts(context.Background(), catalog.ProductFilter{Limit: 1})
	if err != nil || n != 3 { // P-1, P-2 and Q-1 from --skip-invalid
		t.Fatalf("%d products (%v), want 3", n, err)
	}
	audit, _ := db.FindAudit(context.Background(), store.AuditFilter{Entity: "products", Limit: 10})
	if len(audit) == 0 || !strings.HasPrefix(audit[0].UserName, "cli") {
		t.Fatalf("imports are not audited as the CLI: %+v", audit)
	}
}

func TestMain_ImportNeedsCompany(t *testing.T) {
	f := writeFile(t, "p.csv", "sku,name,price,cost,barcode\nA,B,1,1,\n")
	code, _, errOut := runCLI(t, "", nil, "--data", t.TempDir(), "import", "products", f)
	if code != 1 || errOut != "oms: Set up the company first: amounts in the file are read in the company's currency, which is not chosen yet.\n" {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
}

func TestMain_Setup(t *testing.T) {
	dir := t.TempDir()
	args := []string{"--data", dir, "setup", "--company", "Acme GmbH", "--country", "de", "--currency", "EUR", "--admin", "boss"}
	for _, tc := range []struct {
		name       string
		args       []string
		stdin      string
		code       int
		out, errIn string
	}{
		{"MissingFlags", []string{"--data", dir, "setup", "--company", "Acme"}, "", 2, "", "setup needs"},
		{"WeakPassword", args, "short\n", 1, "", "at least 8 characters"},
		{"BadCurrency", []string{"--data", dir, "setup", "--company", "A", "--country", "DE", "--currency", "XYZ", "--admin", "boss"}, "long-enough\n", 1, "", "Choose a currency"},
		{"Valid", args, "long-enough\n", 0, "set up Acme GmbH with admin boss", ""},
		{"Twice", args, "long-enough\n", 1, "", "already set up"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errOut := runCLI(t, tc.stdin, nil, tc.args...)
			if code != tc.code || !strings.Contains(out, tc.out) || !strings.Contains(errOut, tc.errIn) {
				t.Fatalf("exit %d, stdout %q, stderr %q; want exit %d, ~%q, ~%q", code, out, errOut, tc.code, tc.out, tc.errIn)
			}
		})
	}
}

func TestMain_SeedDemo(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct {
		name       string
		args       []string
		code       int
		out, errIn string
	}{
		{"WithOtherFlags", []string{"--data", dir, "seed", "--demo", "--products", "5"}, 2, "", "leave out --products"},
		{"Fresh", []string{"--data", dir, "seed", "--demo"}, 0, "sign in as:\n  admin  admin     password demo-admin-1", ""},
		{"Twice", []string{"--data", dir, "seed", "--demo"}, 1, "", "already set up"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errOut := runCLI(t, "", nil, tc.args...)
			if code != tc.code || !strings.Contains(out, tc.out) || !strings.Contains(errOut, tc.errIn) {
				t.Fatalf("exit %d, stdout %q, stderr %q; want exit %d, ~%q, ~%q", code, out, errOut, tc.code, tc.out, tc.errIn)
			}
		})
	}
	db, err := store.Open(context.Background(), config.DBPath(dir))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var orders, products int
	if err := db.Reader().QueryRow(`SELECT (SELECT count(*) FROM orders), (SELECT count(*) FROM products)`).Scan(&orders, &products); err != nil {
		t.Fatal(err)
	}
	if orders == 0 || products == 0 {
		t.Fatalf("demo made %d orders and %d products", orders, products)
	}
}

func TestMain_Seed(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct {
		name       string
		args       []string
		code       int
		out, errIn string
	}{
		{"NothingAsked", []string{"--data", dir, "seed"}, 2, "", "seed needs"},
		{"Negative", []string{"--data", dir, "seed", "--products", "-1"}, 2, "", "between 0 and"},
		{"NegativeOrders", []string{"--data", dir, "seed", "--orders", "-1"}, 2, "", "--orders must be between 0 and"},
		{"OrdersWithoutProducts", []string{"--data", dir, "seed", "--orders", "5"}, 1, "", "generate products first"},
		{"Valid", []string{"--data", dir, "seed", "--products", "30", "--customers", "20"}, 0, "generated 30 products\ngenerated 20 customers", ""},
		{"ProductsTwice", []string{"--data", dir, "seed", "--products", "5"}, 1, "", "already has generated products"},
		{"MoreCustomers", []string{"--data", dir, "seed", "--customers", "5"}, 0, "generated 5 customers", ""},
		{"Orders", []string{"--data", dir, "seed", "--orders", "40", "--seed", "3"}, 0, "generated 40 orders", ""},
		{"MoreOrders", []string{"--data", dir, "seed", "--orders", "10"}, 0, "generated 10 orders", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errOut := runCLI(t, "", nil, tc.args...)
			if code != tc.code || !strings.Contains(out, tc.out) || !strings.Contains(errOut, tc.errIn) {
				t.Fatalf("exit %d, stdout %q, stderr %q; want exit %d, ~%q, ~%q", code, out, errOut, tc.code, tc.out, tc.errIn)
			}
		})
	}
	db, err := store.Open(context.Background(), config.DBPath(dir))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var products, customers, orders int
	var last string
	db.Reader().QueryRow(`SELECT count(*) FROM products`).Scan(&products)
	db.Reader().QueryRow(`SELECT count(*) FROM customers`).Scan(&customers)
	db.Reader().QueryRow(`SELECT count(*), max(number) FROM orders`).Scan(&orders, &last)
	if products != 30 || customers != 25 || orders != 50 || last != "LOCAL-000050" {
		t.Fatalf("%d products, %d customers, %d orders up to %s; want 30, 25, 50 up to LOCAL-000050", products, customers, orders, last)
	}
}

// printDataDir returns a data directory with a company, a product in bin
// A-01 and two confirmed orders (LOCAL-000001 for Müller, LOCAL-000002 for
// Nguyễn); the first has shipped in one shipment of two packages.
func printDataDir(t *testing.T) string {
	t.Helper()
	dir := importDataDir(t)
	ctx := context.Background()
	db, err := store.Open(ctx, config.DBPath(dir))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	actor := store.Actor{UserName: "test"}
	cat, st, cust := catalog.NewService(db), stock.NewService(db), customer.NewService(db)
	orders := order.NewService(db, cat, cust, st)
	w, err := stock.FindWarehouseByCode(ctx, db.Reader(), "MAIN")
	if err != nil {
		t.Fatal(err)
	}
	bin, err := st.FindBinByCode(ctx, w.ID, "A-01")
	if err != nil {
		t.Fatal(err)
	}
	p, err := cat.CreateProduct(ctx, actor, catalog.ProductInput{SKU: "P-1", Name: "Widget", Price: 1250})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.PostMovement(ctx, actor, stock.MovementInput{Kind: stock.KindReceipt, ProductID: p.ID, WarehouseID: w.ID,
		BinID: bin.ID, Quantity: 50}); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"Jürgen Müller", "Nguyễn Thị Hoa"} {
		addr := &order.Address{Name: name, Line1: "Main St 1", City: "Berlin", Country: "DE"}
		o, err := orders.CreateOrder(ctx, actor, order.OrderInput{WarehouseID: w.ID, BillingAddress: addr, ShippingAddress: addr})
		if err != nil {
			t.Fatal(err)
		}
		if o, err = orders.AddLine(ctx, actor, o.ID, o.Version, order.LineInput{ProductID: p.ID, Quantity: 2}); err != nil {
			t.Fatal(err)
		}
		if _, err := orders.Confirm(ctx, actor, o.ID, o.Version); err != nil {
			t.Fatal(err)
		}
	}
	ship := shipping.NewService(db, orders, company.NewService(db, auth.NewService(db)))
	c, err := ship.CreateCarrier(ctx, actor, shipping.CarrierInput{Name: "DHL Parcel"})
	if err != nil {
		t.Fatal(err)
	}
	svc, err := ship.CreateService(ctx, actor, c.ID, shipping.ServiceInput{Code: "STD", Name: "Standard"})
	if err != nil {
		t.Fatal(err)
	}
	zone, err := ship.CreateZone(ctx, actor, c.ID, shipping.ZoneInput{Name: "All", Countries: []string{shipping.RestOfWorld}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ship.SetRates(ctx, actor, svc.ID, zone.ID, []shipping.RateBand{{MaxWeightG: 10000, Price: 500}}); err != nil {
		t.Fatal(err)
	}
	first, err := orders.FindOrderByNumber(ctx, "LOCAL-000001")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ship.CreateShipment(ctx, actor, shipping.ShipmentInput{OrderID: first.ID, CarrierID: c.ID, ServiceID: svc.ID,
		TrackingNumber: "JJD000111", Lines: []order.ShipQuantity{{LineID: first.Lines[0].ID, Quantity: 2}},
		Packages: []shipping.PackageInput{{WeightG: 800}, {WeightG: 900}}}); err != nil {
		t.Fatal(err)
	}
	return dir
}

func TestMain_Print(t *testing.T) {
	dir := printDataDir(t)
	outDir := t.TempDir()
	out := func(name string) string { return filepath.Join(outDir, name) }
	for _, tc := range []struct {
		name       string
		args       []string
		code       int
		out, errIn string
		file       string // written, starting %PDF
	}{
		{"NoKind", []string{"--data", dir, "print", "--order", "LOCAL-000001", "--out", out("x.pdf")}, 2, "", "print needs what to print", ""},
		{"BadKind", []string{"--data", dir, "print", "receipt", "--order", "LOCAL-000001", "--out", out("x.pdf")}, 2, "", `not "receipt"`, ""},
		{"ZPLForAnInvoice", []string{"--data", dir, "print", "invoice", "--zpl", "--order", "LOCAL-000001", "--out", out("x.zpl")}, 2, "", "--zpl is for labels only", ""},
		{"BadSort", []string{"--data", dir, "print", "invoice", "--sort", "size", "--order", "LOCAL-000001", "--out", out("x.pdf")}, 2, "", "--sort must be number, bin or carrier", ""},
		{"LabelBeforePacking", []string{"--data", dir, "print", "label", "--order", "LOCAL-000002", "--out", out("none.pdf")}, 1, "", "no shipment of LOCAL-000002 has been packed yet", ""},
		{"Labels", []string{"--data", dir, "print", "label", "--order", "LOCAL-000001", "--order", "LOCAL-000002", "--out", out("labels.pdf")}, 0, "wrote 2 labels (PDF) to", "", "labels.pdf"},
		{"LabelsZPL", []string{"--data", dir, "print", "label", "--zpl", "--order", "LOCAL-000001", "--out", out("labels.zpl")}, 0, "wrote 2 labels (ZPL) to", "", "labels.zpl"},
		{"SortedByCarrier", []string{"--data", dir, "print", "packing-slip", "--sort", "carrier", "--order", "LOCAL-000002", "--order", "LOCAL-000001", "--out", out("sorted.pdf")}, 0, "wrote 2 packing slips to", "", "sorted.pdf"},
		{"NoOrder", []string{"--data", dir, "print", "invoice", "--out", out("x.pdf")}, 2, "", "print needs --order NUMBER and --out", ""},
		{"NoOut", []string{"--data", dir, "print", "invoice", "--order", "LOCAL-000001"}, 2, "", "print needs --order NUMBER and --out", ""},
		{"BadPageSize", []string{"--data", dir, "print", "invoice", "--order", "LOCAL-000001", "--out", out("x.pdf"), "--page-size", "a5"}, 2, "", "--page-size must be a4 or letter", ""},
		{"UnknownOrder", []string{"--data", dir, "print", "invoice", "--order", "LOCAL-000001", "--order", "LOCAL-000099", "--out", out("none.pdf")}, 1, "", "oms: order LOCAL-000099 not found\n", ""},
		{"Invoice", []string{"--data", dir, "print", "invoice", "--order", "local-000001", "--out", out("inv.pdf")}, 0, "wrote the invoice of LOCAL-000001 to " + out("inv.pdf"), "", "inv.pdf"},
		{"InvoiceBatch", []string{"--data", dir, "print", "--order", "LOCAL-000002", "--order", "LOCAL-000001", "invoice", "--out", out("invs.pdf")}, 0, "wrote 2 invoices to", "", "invs.pdf"},
		{"PackingSlips", []string{"--data", dir, "print", "packing-slip", "--order", "LOCAL-000001", "--order", "LOCAL-000002", "--out", out("slips.pdf"), "--page-size", "letter"}, 0, "wrote 2 packing slips to", "", "slips.pdf"},
		{"PickList", []string{"--data", dir, "print", "pick-list", "--order", "LOCAL-000001", "--order", "LOCAL-000002", "--out", out("pick.pdf")}, 0, "wrote a pick list for 2 orders to", "", "pick.pdf"},
		{"OutInMissingDir", []string{"--data", dir, "print", "invoice", "--order", "LOCAL-000001", "--out", "/nonexistent/dir/x.pdf"}, 1, "", "oms: cannot write /nonexistent/dir/x.pdf", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, stdout, errOut := runCLI(t, "", nil, tc.args...)
			if code != tc.code || !strings.Contains(stdout, tc.out) || !strings.Contains(errOut, tc.errIn) {
				t.Fatalf("exit %d, stdout %q, stderr %q; want exit %d, ~%q, ~%q", code, stdout, errOut, tc.code, tc.out, tc.errIn)
			}
			if tc.file == "" {
				return
			}
			b, err := os.ReadFile(out(tc.file))
			if strings.HasSuffix(tc.file, ".zpl") {
				if err != nil || !bytes.HasPrefix(b, []byte("^XA")) || bytes.Count(b, []byte("^XZ")) != 2 {
					t.Fatalf("%s: %v, %q", tc.file, err, b)
				}
				return
			}
			if err != nil || !bytes.HasPrefix(b, []byte("%PDF-")) {
				t.Fatalf("%s: %v, %q", tc.file, err, b[:min(len(b), 10)])
			}
		})
	}
	if _, err := os.Stat(out("none.pdf")); !os.IsNotExist(err) {
		t.Fatalf("a failed print left a file behind: %v", err)
	}
	if left, _ := filepath.Glob(filepath.Join(outDir, ".*")); len(left) > 0 {
		t.Fatalf("temporary files left behind: %v", left)
	}
	// The batch's order is checked in the docs tests; the slips are on Letter.
	if b, _ := os.ReadFile(out("slips.pdf")); !bytes.Contains(b, []byte("/MediaBox [0 0 612.00 792.00]")) {
		t.Fatal("--page-size letter not applied")
	}
}
