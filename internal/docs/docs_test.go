package docs

import (
	"bytes"
	"context"
	"flag"
	"image/png"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"oms/internal/company"
	"oms/internal/errs"
	"oms/internal/order"
)

var update = flag.Bool("update", false, "rewrite the golden PDFs in testdata")

// squash folds the runs of spaces pdftotext -layout puts between columns.
func squash(s string) string { return regexp.MustCompile(`[ \t]+`).ReplaceAllString(s, " ") }

func wantIn(t *testing.T, text string, want ...string) {
	t.Helper()
	for _, w := range want {
		if !strings.Contains(text, w) {
			t.Errorf("missing %q in:\n%s", w, text)
		}
	}
}

func TestInvoice_Text(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	o := e.müller
	pdf := render(t, func(w *bytes.Buffer) error { return e.printer.WriteInvoice(ctx, w, o.ID, e.opts()) })
	text := squash(pdfText(t, pdf))
	sum, err := e.orders.FindPaymentSummary(ctx, o.ID)
	if err != nil {
		t.Fatal(err)
	}
	wantIn(t, text,
		"Invoice "+o.Number, "Eisenwaren Köhler & Söhne GmbH", "Hauptstraße 12", "Tax ID DE123456789",
		"Jürgen Müller", "Müller Bau KG", "Lindenallee 5", "10115 Berlin", "Germany",
		"Invoice date 2026-03-02", "Order date 2026-03-01", "Due date 2026-03-16",
		"BOLT-M8", "Sechskantschraube M8 × 40, verzinkt", "Βίδα ανοξείδωτη Α2", "Đinh vít thép không gỉ",
		// User text is printed as text, markup and all.
		"Montagekleber <b>extra</b> & stark",
		"-3.57 (10 %)", // 3 x 11.90 = 35.70, less 10 %
		"Order discount (5 %)", "Shipping 4.90 EUR",
		"Total "+amount(o.Total, "EUR"), "Tax included "+amount(o.TaxTotal, "EUR"),
		"Card terminal · T-10442", "Paid 20.00 EUR", "Balance due "+amount(sum.BalanceDue, "EUR"),
		"Payment terms: 14 days net, due by 2026-03-16. Please quote "+o.Number,
		"Page 1 of 1")
	for _, r := range o.Rates {
		// pdftotext may drop the narrow space in "7 %".
		wantIn(t, strings.ReplaceAll(text, " ", ""), strings.ReplaceAll(percent(r.RateBps), " ", "")+amount(r.Net, "")+amount(r.Tax, "")+amount(r.Gross, ""))
	}
	if sum.BalanceDue != o.Total-2000 {
		t.Fatalf("balance %d, want %d", sum.BalanceDue, o.Total-2000)
	}
}

func TestInvoice_Batch(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	list := []*order.Order{e.ivanova, e.müller, e.nguyen, e.papadopoulos}
	var ids []string
	for _, o := range list {
		ids = append(ids, o.ID)
	}
	var progress []int
	opts := e.opts()
	opts.Progress = func(done, total int) { progress = append(progress, done*10+total) }
	pdf := render(t, func(w *bytes.Buffer) error { return e.printer.WriteInvoices(ctx, w, ids, opts) })
	text := pdfText(t, pdf)
	pages := strings.Split(text, "\f")
	// Each order on its own page, in the order given; names in four scripts.
	for i, want := range []string{"Мария Иванова", "Jürgen Müller", "Nguyễn Thị Hoa", "Γιώργος Παπαδόπουλος"} {
		if !strings.Contains(pages[i], want) || !strings.Contains(pages[i], "Invoice "+list[i].Number) {
			t.Errorf("page %d lacks %q / %s:\n%s", i+1, want, list[i].Number, pages[i])
		}
	}
	wantIn(t, squash(text), "ООО «Стройка»", "ул. Тверская, д. 7", "Москва", "Οδός Ερμού 25", "Αθήνα", "Hà Nội",
		"12 Phố Huế, Quận Hai Bà", "Trưng", "Paid in full. Thank you.", "Шуруп по дереву 4×50")
	if len(progress) != 4 || progress[3] != 44 {
		t.Fatalf("progress %v", progress)
	}
}

func TestInvoice_LongNameWraps(t *testing.T) {
	e := newEnv(t)
	pdf := render(t, func(w *bytes.Buffer) error {
		return e.printer.WriteInvoice(context.Background(), w, e.nguyen.ID, e.opts())
	})
	text := pdfText(t, pdf)
	// The name takes three lines of its column and ends with an ellipsis;
	// the columns beside it stay in place.
	if !strings.Contains(text, "Heavy-duty galvanised") || !strings.Contains(text, "…") || strings.Contains(text, "wall plugs") {
		t.Fatalf("long name not wrapped and cut:\n%s", text)
	}
	wantIn(t, squash(text), "BRACKET-XL Heavy-duty galvanised steel shelving 1 89.90 89.90")
}

func TestPackingSlip_Text(t *testing.T) {
	e := newEnv(t)
	o := e.müller
	pdf := render(t, func(w *bytes.Buffer) error {
		return e.printer.WritePackingSlip(context.Background(), w, Shipment{OrderID: o.ID}, e.opts())
	})
	text := squash(pdfText(t, pdf))
	wantIn(t, text, "Packing slip "+o.Number, "Ship to", "Jürgen Müller", "Lindenallee 5",
		"A-10-1 BOLT-M8 Sechskantschraube M8 × 40, verzinkt 3 3", // the bin with the most bolts
		"A-2-1 SCREW-GR Βίδα ανοξείδωτη Α2 2 2",
		"A-2-1 NAIL-VN Đinh vít thép không gỉ 10 10",
		"GLUE Montagekleber <b>extra</b> & stark 1 1", // no bin
		"In this shipment: 16 units on 4 lines.", "Packed by", "Checked by")
	// No prices on a packing slip.
	for _, price := range []string{"EUR", "11.90", "4.50", "2.75", "12.99", "4.90", amount(o.Total, "")} {
		if strings.Contains(text, price) {
			t.Errorf("packing slip shows the price %q:\n%s", price, text)
		}
	}
}

func TestPackingSlip_PartialShipment(t *testing.T) {
	e := newEnv(t)
	o := e.müller
	ctx := context.Background()
	qty := map[string]int64{o.Lines[0].ID: 2, o.Lines[2].ID: 10}
	pdf := render(t, func(w *bytes.Buffer) error {
		return e.printer.WritePackingSlip(ctx, w, Shipment{OrderID: o.ID, Quantities: qty}, e.opts())
	})
	wantIn(t, squash(pdfText(t, pdf)), "BOLT-M8 Sechskantschraube M8 × 40, verzinkt 3 2", "Βίδα ανοξείδωτη Α2 2 —",
		"In this shipment: 12 units on 2 lines.")
	for name, q := range map[string]map[string]int64{"TooMany": {o.Lines[0].ID: 4}, "Negative": {o.Lines[0].ID: -1},
		"OtherOrdersLine": {e.nguyen.Lines[0].ID: 1}} {
		t.Run(name, func(t *testing.T) {
			err := e.printer.WritePackingSlip(ctx, &bytes.Buffer{}, Shipment{OrderID: o.ID, Quantities: q}, e.opts())
			if errs.Code(err) != errs.EINVALID || errs.Field(err) != "quantities" {
				t.Fatalf("err = %v, want EINVALID on quantities", err)
			}
		})
	}
}

func TestPickList_MergedSortedByBin(t *testing.T) {
	e := newEnv(t)
	ids := []string{e.müller.ID, e.nguyen.ID, e.papadopoulos.ID, e.ivanova.ID}
	pdf := render(t, func(w *bytes.Buffer) error { return e.printer.WritePickList(context.Background(), w, ids, e.opts()) })
	text := squash(pdfText(t, pdf))
	m, n, p, iv := e.müller.Number, e.nguyen.Number, e.papadopoulos.Number, e.ivanova.Number
	wantIn(t, text, "Pick list wave of 4 orders", "Orders: "+m+", "+n+", "+p+", "+iv, "warehouse MAIN")
	// In bin path order: A-2-1 before A-10-1 before B-01, no bin last.
	order := []string{
		"A-2-1 NAIL-VN Đinh vít thép không gỉ 14 " + m + " ×10,\n " + n + " ×4",
		"A-2-1 SCREW-GR Βίδα ανοξείδωτη Α2 8 " + m + " ×2,\n " + p + " ×5,\n " + iv + " ×1",
		"A-10-1 BOLT-M8 Sechskantschraube M8 × 40, 6 " + m + " ×3,",
		"B-01 BRACKET-XL Heavy-duty galvanised steel 1 " + n + " ×1",
		"B-01 SCREW-RU Шуруп по дереву 4×50 8 " + iv + " ×8",
		"no bin GLUE Montagekleber <b>extra</b> & 1 " + m + " ×1",
	}
	last := -1
	for _, want := range order {
		i := strings.Index(text, want)
		if i < 0 {
			t.Fatalf("missing %q in:\n%s", want, text)
		}
		if i < last {
			t.Fatalf("%q is out of bin order in:\n%s", want, text)
		}
		last = i
	}
}

func TestBarcodes_Decode(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	o := e.nguyen
	for _, tc := range []struct {
		name  string
		write func(w *bytes.Buffer) error
		want  string
		page  int
	}{
		{"PackingSlipCode128", func(w *bytes.Buffer) error {
			return e.printer.WritePackingSlip(ctx, w, Shipment{OrderID: o.ID}, e.opts())
		}, "CODE-128:" + o.Number, 0},
		{"InvoiceQR", func(w *bytes.Buffer) error { return e.printer.WriteInvoice(ctx, w, o.ID, e.opts()) }, "QR-Code:" + o.Number, 0},
		// Later pages of a batch start with the drawing state the page
		// before left behind.
		{"BatchSecondSlip", func(w *bytes.Buffer) error {
			return e.printer.WritePackingSlips(ctx, w, []Shipment{{OrderID: e.müller.ID}, {OrderID: o.ID}}, e.opts())
		}, "CODE-128:" + o.Number, 1},
		{"BatchSecondInvoice", func(w *bytes.Buffer) error {
			return e.printer.WriteInvoices(ctx, w, []string{e.müller.ID, o.ID}, e.opts())
		}, "QR-Code:" + o.Number, 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			pdf := render(t, tc.write)
			pngs := pagePNGs(t, pdf, t.TempDir())
			got := barcodes(t, pngs[tc.page])
			if img, err := os.ReadFile(pngs[tc.page]); err != nil || !darkEnough(t, img) {
				t.Fatalf("the barcode is not printed black (%v)", err)
			}
			if len(got) != 1 || got[0] != tc.want {
				t.Fatalf("decoded %q, want [%s]", got, tc.want)
			}
		})
	}
}

func TestPrinter_UnknownOrder(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	if _, err := e.printer.FindOrderByNumber(ctx, "LOCAL-999999"); errs.Code(err) != errs.ENOTFOUND {
		t.Fatalf("err = %v, want ENOTFOUND", err)
	}
	o, err := e.printer.FindOrderByNumber(ctx, strings.ToLower(e.nguyen.Number))
	if err != nil || o.ID != e.nguyen.ID || len(o.Lines) != 3 {
		t.Fatalf("FindOrderByNumber = %+v, %v", o, err)
	}
	for name, fn := range map[string]func() error{
		"Invoice": func() error { return e.printer.WriteInvoice(ctx, &bytes.Buffer{}, "nope", e.opts()) },
		"PackingSlip": func() error {
			return e.printer.WritePackingSlip(ctx, &bytes.Buffer{}, Shipment{OrderID: "nope"}, e.opts())
		},
		"PickList": func() error { return e.printer.WritePickList(ctx, &bytes.Buffer{}, []string{"nope"}, e.opts()) },
	} {
		if err := fn(); errs.Code(err) != errs.ENOTFOUND {
			t.Errorf("%s: err = %v, want ENOTFOUND", name, err)
		}
	}
	if err := e.printer.WriteInvoices(ctx, &bytes.Buffer{}, nil, e.opts()); err == nil {
		t.Error("an empty batch printed")
	}
}

func TestPageSize(t *testing.T) {
	for _, tc := range []struct {
		in      string
		country string
		want    PageSize
	}{{"", "DE", PageA4}, {"", "US", PageLetter}, {"", "CA", PageLetter}, {"letter", "DE", PageLetter}, {"A4", "US", PageA4}} {
		p, err := ParsePageSize(tc.in)
		if err != nil {
			t.Fatal(err)
		}
		if got := p.resolve(&company.Company{Input: company.Input{Country: tc.country}}); got != tc.want {
			t.Errorf("%q in %s = %s, want %s", tc.in, tc.country, got, tc.want)
		}
	}
	if _, err := ParsePageSize("A5"); errs.Code(err) != errs.EINVALID {
		t.Fatalf("A5: %v", err)
	}
	e := newEnv(t)
	pdf := render(t, func(w *bytes.Buffer) error {
		return e.printer.WriteInvoice(context.Background(), w, e.müller.ID, Options{Date: printDate, PageSize: PageLetter})
	})
	if !bytes.Contains(pdf, []byte("/MediaBox [0 0 612.00 792.00]")) {
		t.Fatal("Letter page size not applied")
	}
}

// TestGolden compares the documents byte for byte with testdata; -update
// rewrites them. Each is rendered twice to show the output is stable.
func TestGolden(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	all := []string{e.müller.ID, e.nguyen.ID, e.papadopoulos.ID, e.ivanova.ID}
	for _, tc := range []struct {
		name  string
		write func(w *bytes.Buffer) error
	}{
		{"invoice", func(w *bytes.Buffer) error { return e.printer.WriteInvoice(ctx, w, e.müller.ID, e.opts()) }},
		{"packing-slip", func(w *bytes.Buffer) error {
			return e.printer.WritePackingSlip(ctx, w, Shipment{OrderID: e.müller.ID}, e.opts())
		}},
		{"pick-list", func(w *bytes.Buffer) error { return e.printer.WritePickList(ctx, w, all, e.opts()) }},
		{"invoices-batch", func(w *bytes.Buffer) error { return e.printer.WriteInvoices(ctx, w, all, e.opts()) }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := render(t, tc.write)
			if again := render(t, tc.write); !bytes.Equal(got, again) {
				t.Fatal("two renderings of the same document differ")
			}
			path := filepath.Join("testdata", tc.name+".pdf")
			if *update {
				if err := os.WriteFile(path, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test -run TestGolden -update)", err)
			}
			if !bytes.Equal(got, want) {
				out := filepath.Join(t.TempDir(), tc.name+".pdf")
				os.WriteFile(out, got, 0o644)
				t.Fatalf("%s differs from %s (got %d bytes, want %d; written to %s); if the change is meant, run -update", tc.name, path, len(got), len(want), out)
			}
		})
	}
}

// darkEnough reports whether the page at 200 dpi has black pixels where
// the barcodes are (right of the details, below the header: x 175-193 mm,
// y 50-74 mm), as barcodes must be: a grey left over from a table head
// decodes on screen but not on every scanner.
func darkEnough(t *testing.T, data []byte) bool {
	img, err := png.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	px := func(mm float64) int { return int(mm / 25.4 * 200) }
	for y := px(50); y < px(74); y++ {
		for x := px(175); x < px(193); x++ {
			if r, g, bl, _ := img.At(x, y).RGBA(); r < 0x1000 && g < 0x1000 && bl < 0x1000 {
				return true
			}
		}
	}
	return false
}
