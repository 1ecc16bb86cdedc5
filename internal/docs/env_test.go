package docs

import (
	"bytes"
	"context"
	"encoding/base64"
	"image"
	"image/color"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"oms/internal/auth"
	"oms/internal/catalog"
	"oms/internal/company"
	"oms/internal/customer"
	"oms/internal/order"
	"oms/internal/stock"
	"oms/internal/store"
)

var testActor = store.Actor{UserID: "u-1", UserName: "tester"}

// printDate is the print date of every test document.
var printDate = time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)

// env is a business with a company, products in bins, customers whose
// names are in four scripts, and confirmed orders, all made through the
// services.
type env struct {
	db       *store.DB
	orders   *order.Service
	stock    *stock.Service
	cat      *catalog.Service
	cust     *customer.Service
	printer  *Printer
	main     *stock.Warehouse
	products map[string]*catalog.Product // by SKU
	// müller, nguyen, papadopoulos, ivanova: one confirmed order each.
	müller, nguyen, papadopoulos, ivanova *order.Order
	now                                   time.Time
}

// longName is a product name too long for any column.
const longName = "Heavy-duty galvanised steel shelving bracket with reinforced double-slotted upright, " +
	"for industrial racking systems, load class 4, pack of twelve with fixing screws and wall plugs"

func logoDataURL(t testing.TB) string {
	img := image.NewNRGBA(image.Rect(0, 0, 120, 48))
	for y := 0; y < 48; y++ {
		for x := 0; x < 120; x++ {
			c := color.NRGBA{R: 30, G: 80, B: 160, A: 255}
			if (x/12+y/12)%2 == 0 {
				c = color.NRGBA{R: 240, G: 160, B: 20, A: 255}
			}
			img.Set(x, y, c)
		}
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	return "data:image/png;base64," + base64.StdEncoding.EncodeToString(buf.Bytes())
}

func newEnv(t testing.TB) *env {
	t.Helper()
	ctx := context.Background()
	db, err := store.Open(ctx, filepath.Join(t.TempDir(), "oms.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	e := &env{db: db, cat: catalog.NewService(db), stock: stock.NewService(db), cust: customer.NewService(db),
		products: map[string]*catalog.Product{}, now: time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)}
	db.Now = func() time.Time { return e.now }
	e.orders = order.NewService(db, e.cat, e.cust, e.stock)
	comp := company.NewService(db, auth.NewService(db))
	e.printer = NewPrinter(e.orders, e.stock, comp)
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	_, err = comp.Setup(ctx, company.Input{Name: "Eisenwaren Köhler & Söhne GmbH", AddressLine1: "Hauptstraße 12",
		PostalCode: "80331", City: "München", Country: "DE", Currency: "EUR", TaxID: "DE123456789",
		Email: "buero@koehler.example", Phone: "+49 89 123456", Logo: logoDataURL(t)},
		auth.UserInput{Name: "admin", Password: "long-enough-pw"})
	must(err)
	_, err = e.cat.SetPricesIncludeTax(ctx, testActor, true)
	must(err)
	std, err := e.cat.CreateTaxClass(ctx, testActor, catalog.TaxClassInput{Name: "Standard", RateBps: 1900})
	must(err)
	red, err := e.cat.CreateTaxClass(ctx, testActor, catalog.TaxClassInput{Name: "Reduced", RateBps: 700})
	must(err)
	e.main, err = e.stock.CreateWarehouse(ctx, testActor, stock.WarehouseInput{Code: "MAIN", Name: "Main"})
	must(err)
	bins := map[string]*stock.Bin{}
	for _, code := range []string{"A-10-1", "A-2-1", "B-01"} {
		bins[code], err = e.stock.CreateBin(ctx, testActor, e.main.ID, code)
		must(err)
	}
	for _, p := range []struct {
		sku, name string
		price     int64
		tax       string
		bin       string
		qty       int64
	}{
		{"BOLT-M8", "Sechskantschraube M8 × 40, verzinkt", 1190, std.ID, "A-10-1", 100},
		{"SCREW-GR", "Βίδα ανοξείδωτη Α2", 450, std.ID, "A-2-1", 100},
		{"SCREW-RU", "Шуруп по дереву 4×50", 320, red.ID, "B-01", 100},
		{"NAIL-VN", "Đinh vít thép không gỉ", 275, red.ID, "A-2-1", 100},
		{"BRACKET-XL", longName, 8990, std.ID, "B-01", 20},
		{"GLUE", "Montagekleber <b>extra</b> & stark", 1299, std.ID, "", 0},
	} {
		prod, err := e.cat.CreateProduct(ctx, testActor, catalog.ProductInput{SKU: p.sku, Name: p.name, Price: p.price, TaxClassID: p.tax})
		must(err)
		e.products[p.sku] = prod
		if p.qty > 0 {
			_, err = e.stock.PostMovement(ctx, testActor, stock.MovementInput{Kind: stock.KindReceipt, ProductID: prod.ID,
				WarehouseID: e.main.ID, BinID: bins[p.bin].ID, Quantity: p.qty})
			must(err)
		}
	}
	// A few bolts in a second bin: the bin with the most is where to pick.
	_, err = e.stock.PostMovement(ctx, testActor, stock.MovementInput{Kind: stock.KindReceipt, ProductID: e.products["BOLT-M8"].ID,
		WarehouseID: e.main.ID, BinID: bins["B-01"].ID, Quantity: 5})
	must(err)

	type line struct {
		sku      string
		qty, bps int64
	}
	mk := func(name, company, line1, postal, city, country string, discountBps, shipping int64, lines ...line) *order.Order {
		t.Helper()
		e.now = e.now.Add(time.Minute)
		addr := customer.AddressInput{Name: name, Company: company, Line1: line1, PostalCode: postal, City: city, Country: country, Default: true}
		billing, shippingAddr := addr, addr
		billing.Kind, shippingAddr.Kind = "billing", "shipping"
		c, err := e.cust.CreateCustomer(ctx, testActor, customer.CustomerInput{Name: name, Company: company,
			Addresses: []customer.AddressInput{billing, shippingAddr}})
		must(err)
		o, err := e.orders.CreateOrder(ctx, testActor, order.OrderInput{CustomerID: c.ID, Channel: order.ChannelPhone,
			WarehouseID: e.main.ID, Currency: "EUR", DiscountBps: discountBps, Shipping: shipping})
		must(err)
		for _, l := range lines {
			o, err = e.orders.AddLine(ctx, testActor, o.ID, o.Version, order.LineInput{ProductID: e.products[l.sku].ID, Quantity: l.qty, DiscountBps: l.bps})
			must(err)
		}
		o, err = e.orders.Confirm(ctx, testActor, o.ID, o.Version)
		must(err)
		return o
	}
	e.müller = mk("Jürgen Müller", "Müller Bau KG", "Lindenallee 5", "10115", "Berlin", "DE", 500, 490,
		line{"BOLT-M8", 3, 1000}, line{"SCREW-GR", 2, 0}, line{"NAIL-VN", 10, 0}, line{"GLUE", 1, 0})
	e.nguyen = mk("Nguyễn Thị Hoa", "", "12 Phố Huế, Quận Hai Bà Trưng", "100000", "Hà Nội", "VN", 0, 0,
		line{"NAIL-VN", 4, 0}, line{"BRACKET-XL", 1, 0}, line{"BOLT-M8", 2, 0})
	e.papadopoulos = mk("Γιώργος Παπαδόπουλος", "", "Οδός Ερμού 25", "10563", "Αθήνα", "GR", 0, 0,
		line{"SCREW-GR", 5, 0}, line{"BOLT-M8", 1, 0})
	e.ivanova = mk("Мария Иванова", "ООО «Стройка»", "ул. Тверская, д. 7", "125009", "Москва", "RU", 0, 0,
		line{"SCREW-RU", 8, 0}, line{"SCREW-GR", 1, 0})
	// Müller paid part by card.
	e.now = e.now.Add(time.Minute)
	_, err = e.orders.AddPayment(ctx, testActor, e.müller.ID, order.PaymentInput{MethodID: "card", Amount: 2000, Reference: "T-10442"})
	must(err)
	// Nguyễn paid in full by bank transfer.
	_, err = e.orders.AddPayment(ctx, testActor, e.nguyen.ID, order.PaymentInput{MethodID: "transfer", Amount: e.nguyen.Total, Reference: "VCB 2026-0301"})
	must(err)
	return e
}

func (e *env) opts() Options { return Options{Date: printDate} }

// render runs fn into a buffer and returns the PDF.
func render(t testing.TB, fn func(w *bytes.Buffer) error) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := fn(&buf); err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(buf.Bytes(), []byte("%PDF-")) {
		t.Fatalf("not a PDF: %q", buf.Bytes()[:min(20, buf.Len())])
	}
	return buf.Bytes()
}

// tool returns the path of a command the tests need; make test installs
// them, so a missing one fails the test rather than skipping it.
func tool(t testing.TB, name, pkg string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		t.Fatalf("%s is missing: install the Debian package %s (make test does: scripts/versions.sh APT_TEST)", name, pkg)
	}
	return p
}

func writeTemp(t testing.TB, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, data, 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

// pdfText is the text of a PDF as `pdftotext -layout` reads it.
func pdfText(t testing.TB, pdf []byte) string {
	t.Helper()
	bin := tool(t, "pdftotext", "poppler-utils")
	out, err := exec.Command(bin, "-layout", writeTemp(t, "doc.pdf", pdf), "-").CombinedOutput()
	if err != nil {
		t.Fatalf("pdftotext: %v: %s", err, out)
	}
	return string(out)
}

// pagePNGs renders the pages of a PDF at 200 dpi and returns the files.
func pagePNGs(t testing.TB, pdf []byte, dir string) []string {
	t.Helper()
	bin := tool(t, "pdftoppm", "poppler-utils")
	if out, err := exec.Command(bin, "-r", "200", "-png", writeTemp(t, "doc.pdf", pdf), filepath.Join(dir, "page")).CombinedOutput(); err != nil {
		t.Fatalf("pdftoppm: %v: %s", err, out)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "page*.png"))
	if len(files) == 0 {
		t.Fatal("pdftoppm rendered no page")
	}
	return files
}

// barcodes decodes the barcodes of an image with zbarimg: "CODE-128:A1-1".
func barcodes(t testing.TB, png string) []string {
	t.Helper()
	bin := tool(t, "zbarimg", "zbar-tools")
	out, err := exec.Command(bin, "--quiet", png).Output()
	if err != nil {
		t.Fatalf("zbarimg found no barcode in %s: %v", png, err)
	}
	return strings.Fields(strings.TrimSpace(string(out)))
}
