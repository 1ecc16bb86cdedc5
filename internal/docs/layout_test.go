package docs

import (
	"bytes"
	"context"
	"encoding/base64"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"strings"
	"testing"

	"oms/internal/catalog"
	"oms/internal/company"
	"oms/internal/order"
)

func TestWrapAndFit_NeverOverflow(t *testing.T) {
	d := newDoc(&company.Company{}, Options{Date: printDate}, "test")
	d.font(false, 9)
	const w = 40.0
	for _, tc := range []struct {
		name, in string
		lines    int
		want     []string // the lines, when given
	}{
		{"Short", "Bolt", 3, []string{"Bolt"}},
		{"Empty", "", 2, []string{""}},
		{"Controls", "Line one\nline\ttwo\x1b[31m red\u2028sep", 3, []string{"Line one line two [31m", "red sep"}},
		{"Wraps", "Sechskantschraube M8 × 40, verzinkt, DIN 933", 3, []string{"Sechskantschraube M8", "× 40, verzinkt, DIN 933"}},
		{"CutWithEllipsis", strings.Repeat("word ", 40), 2, nil},
		{"OneLongWord", strings.Repeat("Ä", 200), 3, nil},
		{"Vietnamese", "Đinh vít thép không gỉ loại tốt nhất cho công trình xây dựng", 2, nil},
		{"InvalidUTF8", "bad \xff byte", 1, []string{"bad \uFFFD byte"}},
		{"LongCodeAtHyphen", "EXT-5M3SOCKETS-BLACK-LONG", 2, []string{"EXT-5M3SOCKETS-", "BLACK-LONG"}},
		{"Decomposed", "Nguye\u0302\u0303n", 1, []string{"Nguyễn"}},
		{"BidiOverride", "abc\u202Edef\u202C\u200Bghi", 1, []string{"abcdefghi"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := d.wrap(tc.in, w, tc.lines)
			if tc.want != nil && strings.Join(got, "|") != strings.Join(tc.want, "|") {
				t.Fatalf("wrap = %q, want %q", got, tc.want)
			}
			if len(got) > tc.lines {
				t.Fatalf("%d lines, at most %d: %q", len(got), tc.lines, got)
			}
			for _, l := range got {
				if lw := d.pdf.GetStringWidth(l); lw > w-2*cellPad+0.001 {
					t.Fatalf("line %q is %.1f mm wide, the column %.1f", l, lw, w)
				}
				if strings.ContainsFunc(l, func(r rune) bool { return r < ' ' }) {
					t.Fatalf("control character in %q", l)
				}
			}
			if joined := strings.Join(got, " "); len([]rune(strings.ReplaceAll(joined, " ", ""))) <
				len([]rune(strings.ReplaceAll(clean(tc.in), " ", ""))) && !strings.HasSuffix(joined, "…") {
				t.Fatalf("text cut without an ellipsis: %q", got)
			}
		})
	}
	if got := d.fit("A very long customer name that will not fit", 20); !strings.HasSuffix(got, "…") || d.pdf.GetStringWidth(got) > 18 {
		t.Fatalf("fit = %q", got)
	}
}

func TestAmountAndPercent(t *testing.T) {
	for _, tc := range []struct {
		v    int64
		cur  string
		want string
	}{{123456789, "EUR", "1,234,567.89 EUR"}, {-409, "EUR", "-4.09 EUR"}, {5, "", "0.05"}, {1500000, "JPY", "1,500,000 JPY"}, {1234, "KWD", "1.234 KWD"}} {
		if got := amount(tc.v, tc.cur); got != tc.want {
			t.Errorf("amount(%d, %s) = %q, want %q", tc.v, tc.cur, got, tc.want)
		}
	}
	for bps, want := range map[int64]string{1900: "19 %", 750: "7.5 %", 0: "0 %", 1025: "10.25 %"} {
		if got := percent(bps); got != want {
			t.Errorf("percent(%d) = %q, want %q", bps, got, want)
		}
	}
}

// TestInvoice_ManyPages prints an order of 70 lines: the lines run over
// pages with the column titles repeated, each page says which of how many
// it is, and the totals come once, on the last page.
func TestInvoice_ManyPages(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	o, err := e.orders.CreateOrder(ctx, testActor, order.OrderInput{CustomerID: "", WarehouseID: e.main.ID, Currency: "EUR",
		BillingAddress: &order.Address{Name: "Мария Иванова", City: "Москва", Country: "RU"}})
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 70; i++ {
		name := fmt.Sprintf("Ersatzteil Nr. %d", i+1)
		if i%7 == 0 {
			name += " mit einer sehr langen Beschreibung, die über mehrere Zeilen der Spalte läuft und dann abgeschnitten wird"
		}
		p, err := e.cat.CreateProduct(ctx, testActor, catalog.ProductInput{SKU: fmt.Sprintf("PART-%03d", i+1), Name: name, Price: int64(100 + i)})
		if err != nil {
			t.Fatal(err)
		}
		if o, err = e.orders.AddLine(ctx, testActor, o.ID, o.Version, order.LineInput{ProductID: p.ID, Quantity: 1}); err != nil {
			t.Fatal(err)
		}
	}
	pdf := render(t, func(w *bytes.Buffer) error { return e.printer.WriteInvoice(ctx, w, o.ID, e.opts()) })
	pages := strings.Split(strings.TrimRight(pdfText(t, pdf), "\f\n"), "\f")
	if len(pages) < 2 {
		t.Fatalf("%d pages for 70 lines", len(pages))
	}
	seen := map[string]int{}
	for i, p := range pages {
		p = squash(p)
		wantIn(t, p, fmt.Sprintf("Page %d of %d", i+1, len(pages)), "SKU Item Qty Unit price")
		if i > 0 {
			wantIn(t, p, "Invoice "+o.Number+" (continued)")
		}
		if strings.Contains(p, "Balance due") != (i == len(pages)-1) {
			t.Errorf("page %d of %d: totals present = %v", i+1, len(pages), !(i == len(pages)-1))
		}
		for k := 1; k <= 70; k++ {
			if strings.Contains(p, fmt.Sprintf("PART-%03d ", k)) {
				seen[fmt.Sprint(k)]++
			}
		}
	}
	if len(seen) != 70 {
		t.Fatalf("%d of 70 lines printed", len(seen))
	}
	for k, n := range seen {
		if n != 1 {
			t.Errorf("line %s printed %d times", k, n)
		}
	}
}

// TestInvoice_Logo16Bit prints a company logo that gofpdf cannot read as
// it is (a 16-bit PNG): it is re-encoded and printed.
func TestInvoice_Logo16Bit(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	img := image.NewNRGBA64(image.Rect(0, 0, 64, 32))
	for x := 0; x < 64; x++ {
		img.Set(x, x/2, color.NRGBA64{R: 0xffff, A: 0xffff})
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	comp := company.NewService(e.db, nil)
	c, err := comp.Find(ctx)
	if err != nil {
		t.Fatal(err)
	}
	c.Logo = "data:image/png;base64," + base64.StdEncoding.EncodeToString(buf.Bytes())
	if _, err := comp.Update(ctx, testActor, c.Input); err != nil {
		t.Fatal(err)
	}
	pdf := render(t, func(w *bytes.Buffer) error { return e.printer.WriteInvoice(ctx, w, e.müller.ID, e.opts()) })
	if !bytes.Contains(pdf, []byte("/Subtype /Image")) || !bytes.Contains(pdf, []byte("/Width 64")) {
		t.Fatal("the 16-bit logo is not in the PDF")
	}
}

// TestInvoice_PricesExcludeTax prints an order priced net: the totals show
// the net total and the tax before the total, and add up.
func TestInvoice_PricesExcludeTax(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	if _, err := e.cat.SetPricesIncludeTax(ctx, testActor, false); err != nil {
		t.Fatal(err)
	}
	o, err := e.orders.CreateOrder(ctx, testActor, order.OrderInput{WarehouseID: e.main.ID, Currency: "EUR", DiscountBps: 1000, Shipping: 500,
		BillingAddress: &order.Address{Name: "Jürgen Müller", City: "Berlin", Country: "DE"}})
	if err != nil {
		t.Fatal(err)
	}
	for _, sku := range []string{"BOLT-M8", "SCREW-RU"} {
		if o, err = e.orders.AddLine(ctx, testActor, o.ID, o.Version, order.LineInput{ProductID: e.products[sku].ID, Quantity: 2}); err != nil {
			t.Fatal(err)
		}
	}
	if o.PricesIncludeTax || o.TaxTotal == 0 || o.NetTotal+o.TaxTotal != o.Total {
		t.Fatalf("order = %+v", o)
	}
	pdf := render(t, func(w *bytes.Buffer) error { return e.printer.WriteInvoice(ctx, w, o.ID, e.opts()) })
	text := squash(pdfText(t, pdf))
	// 2 x 11.90 + 2 x 3.20 = 30.20; less 10 % = 27.18; plus 5.00 shipping.
	wantIn(t, text, "Subtotal 30.20 EUR", "Order discount (10 %) -3.02 EUR", "Shipping 5.00 EUR",
		"Net total "+amount(o.NetTotal, "EUR"), "Tax "+amount(o.TaxTotal, "EUR"), "Total "+amount(o.Total, "EUR"),
		"Prices exclude tax.")
	if o.NetTotal != 3020-302+500 {
		t.Fatalf("net total %d", o.NetTotal)
	}
	if strings.Contains(text, "Tax included") {
		t.Fatal("net prices with a \"Tax included\" line")
	}
}
