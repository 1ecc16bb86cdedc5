package docs

import (
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/jung-kurt/gofpdf"

	"oms/internal/company"
	"oms/internal/order"
)

// Label is one package's shipping label.
type Label struct {
	ShipmentNumber string
	OrderNumber    string
	// OrderID, when known, lets a batch of labels be sorted by bin
	// (Options.SortBy "bin"); it is not printed.
	OrderID     string
	ShipTo      order.Address
	Carrier     string // carrier name
	ServiceCode string
	ServiceName string
	// TrackingNumber may be "": the shipment number is then the barcode,
	// and the label says "No tracking number".
	TrackingNumber string
	WeightG        int64 // this package's weight in grams
	PackageNo      int   // 1-based
	Packages       int   // n of m
}

// The label is 4 x 6 inches, portrait.
const (
	labelW      = 101.6
	labelH      = 152.4
	labelMargin = 4.0
)

// barcodeText is what the label's barcode encodes, and the caption above it.
func (l Label) barcodeText() (text, caption string) {
	if t := clean(l.TrackingNumber); t != "" {
		return t, "TRACKING NUMBER"
	}
	return clean(l.ShipmentNumber), "No tracking number · shipment number"
}

// weightText formats grams as kilograms with two decimals: "2.35 kg".
func weightText(g int64) string {
	if g < 0 {
		g = 0
	}
	h := (g + 5) / 10 // hundredths of a kilogram, rounded half up
	return fmt.Sprintf("%d.%02d kg", h/100, h%100)
}

// packageText is "Package 1 of 2"; without a count, "Package 1".
func (l Label) packageText() string {
	n := max(l.PackageNo, 1)
	if l.Packages >= n {
		return fmt.Sprintf("Package %d of %d", n, l.Packages)
	}
	return fmt.Sprintf("Package %d", n)
}

// fromLines are the lines of the sender's address under its name.
func fromLines(c *company.Company) []string {
	var out []string
	for _, l := range []string{c.AddressLine1, c.AddressLine2, strings.TrimSpace(c.PostalCode + " " + c.City)} {
		if l = clean(l); l != "" {
			out = append(out, l)
		}
	}
	if c.Country != "" {
		out = append(out, countryName(c.Country))
	}
	return out
}

// shipToLines are the recipient's address lines below the name, the
// country last; phone is apart.
func shipToLines(a order.Address) (lines []string, country, phone string) {
	for _, parts := range [][]string{{a.Company}, {a.Line1}, {a.Line2}, {a.PostalCode, a.City}, {a.Region}} {
		var keep []string
		for _, p := range parts {
			if p = clean(p); p != "" {
				keep = append(keep, p)
			}
		}
		if len(keep) > 0 {
			lines = append(lines, strings.Join(keep, " "))
		}
	}
	if a.Country != "" {
		country = strings.ToUpper(countryName(a.Country))
	}
	return lines, country, clean(a.Phone)
}

// WriteLabels writes one PDF with a 4 x 6 inch shipping label per package,
// in the order given or that of Options.SortBy (see SortLabelsBy). The
// sender is the company. Each label shows the sender, the recipient in
// large type, carrier and service, the package's weight, the package
// count, the tracking number as a Code 128 barcode with its text, and the
// order and shipment numbers. Options.PageSize does not apply: a label is
// always 4 x 6 inches. EINVALID on "sortBy".
func (p *Printer) WriteLabels(ctx context.Context, w io.Writer, labels []Label, opts Options) error {
	if len(labels) == 0 {
		return fmt.Errorf("no labels to print")
	}
	labels, err := p.SortLabelsBy(ctx, labels, opts.SortBy)
	if err != nil {
		return err
	}
	c, err := p.findCompany(ctx)
	if err != nil {
		return err
	}
	d := newPage(c, opts, "Shipping labels", &gofpdf.InitType{OrientationStr: "P", UnitStr: "mm",
		Size: gofpdf.SizeType{Wd: labelW, Ht: labelH}}, labelMargin)
	for i, l := range labels {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := d.label(c, l); err != nil {
			return err
		}
		if err := errPDF("shipping labels", d.pdf); err != nil {
			return err
		}
		if opts.Progress != nil {
			opts.Progress(i+1, len(labels))
		}
	}
	if err := d.pdf.Output(w); err != nil {
		return fmt.Errorf("write shipping labels: %w", err)
	}
	return nil
}

// caption writes a small grey section title.
func (d *doc) caption(x, y, w float64, s string) {
	d.font(true, 6.5)
	d.pdf.SetTextColor(80, 80, 80)
	d.text(x, y, w, s, "L")
	d.pdf.SetTextColor(0, 0, 0)
}

// label lays out one label on a new page.
func (d *doc) label(c *company.Company, l Label) error {
	pdf := d.pdf
	pdf.AddPage()
	x0, x1 := d.left, d.w-d.right
	cw := x1 - x0
	pad := 2.0
	inner := cw - 2*pad
	// The frame and its sections, from the top.
	const (
		fromBottom   = 34.0
		shipBottom   = 92.0
		weightBottom = 108.0
		trackBottom  = 140.0
	)
	pdf.SetLineWidth(0.5)
	pdf.Rect(x0, d.top, cw, d.h-d.top-d.bottom, "D")
	for _, y := range []float64{fromBottom, shipBottom, weightBottom, trackBottom} {
		pdf.Line(x0, y, x1, y)
	}
	split := x0 + cw*0.58
	pdf.Line(split, d.top, split, fromBottom)
	pdf.Line(x0+cw/2, shipBottom, x0+cw/2, weightBottom)
	pdf.SetLineWidth(0.2)

	// Ship from: the company.
	fw := split - x0 - 2*pad
	y := d.top + 1.5
	d.caption(x0+pad, y, fw, "FROM")
	y += d.lineH()
	if name := clean(c.Name); name != "" {
		d.font(true, 8)
		for _, s := range d.wrap(name, fw, 2) {
			d.text(x0+pad, y, fw, s, "L")
			y += d.lineH()
		}
	}
	d.font(false, 7.5)
	for _, s := range fromLines(c) {
		if y+d.lineH() > fromBottom-1 {
			break
		}
		d.text(x0+pad, y, fw, s, "L")
		y += d.lineH()
	}

	// Carrier and service.
	sx := split + pad
	sw := x1 - split - 2*pad
	y = d.top + 1.5
	d.caption(sx, y, sw, "CARRIER")
	y += d.lineH()
	d.font(true, 10)
	for _, s := range d.wrap(l.Carrier, sw, 2) {
		d.text(sx, y, sw, s, "L")
		y += d.lineH()
	}
	if code := clean(l.ServiceCode); code != "" {
		d.font(true, 16)
		d.text(sx, y, sw, code, "L")
		y += d.lineH()
	}
	d.font(false, 7.5)
	for _, s := range d.wrap(l.ServiceName, sw, 2) {
		if y+d.lineH() > fromBottom-0.5 {
			break
		}
		d.text(sx, y, sw, s, "L")
		y += d.lineH()
	}

	// Ship to, as large as fits.
	d.shipTo(l.ShipTo, x0+pad, fromBottom+1.5, inner, shipBottom-1)

	// Weight and package count.
	half := cw / 2
	y = shipBottom + 1.5
	d.caption(x0+pad, y, half-2*pad, "WEIGHT")
	d.caption(x0+half+pad, y, half-2*pad, "PACKAGE")
	y += d.lineH() + 0.5
	d.font(true, 15)
	d.text(x0+pad, y, half-2*pad, weightText(l.WeightG), "L")
	d.font(true, 12)
	d.text(x0+half+pad, y+0.8, half-2*pad, l.packageText(), "L")

	// The barcode: tracking number, or the shipment number without one.
	text, caption := l.barcodeText()
	y = weightBottom + 1.5
	d.caption(x0+pad, y, inner, caption)
	y += d.lineH() + 0.5
	const barH = 20.0
	if values, err := Code128B(text); err == nil {
		modules := 2 * code128Quiet
		for _, m := range Code128Modules(values) {
			modules += m
		}
		module := min(0.5, cw/float64(modules))
		bw := module * float64(modules)
		if _, err := drawCode128(pdf, text, x0+(cw-bw)/2, y, module, barH); err != nil {
			return err
		}
	} else {
		d.font(false, 8)
		d.text(x0+pad, y+barH/2-2, inner, "(this number cannot be printed as a barcode)", "C")
	}
	y += barH + 1
	d.font(true, 11)
	d.text(x0+pad, y, inner, text, "C")

	// The order's reference.
	y = trackBottom + 1.2
	d.font(false, 7.5)
	ref := "Order " + clean(l.OrderNumber)
	if s := clean(l.ShipmentNumber); s != "" {
		ref += " · Shipment " + s
	}
	d.text(x0+pad, y, inner, ref, "L")
	d.pdf.SetTextColor(90, 90, 90)
	d.text(x0+pad, y+d.lineH(), inner, "Printed "+day(d.date, d.date), "L")
	d.pdf.SetTextColor(0, 0, 0)
	return nil
}

// shipTo writes the recipient in the box from (x, top) down to bottom, w
// wide: the name bold and the country in capitals, in the largest type
// that fits, each part wrapping onto a second line before being cut.
func (d *doc) shipTo(a order.Address, x, top, w, bottom float64) {
	lines, country, phone := shipToLines(a)
	name := clean(a.Name)
	d.caption(x, top, w, "SHIP TO")
	top += d.lineH() + 0.5
	type part struct {
		s    string
		bold bool
		k    float64 // share of the base size
	}
	var parts []part
	if name != "" {
		parts = append(parts, part{name, true, 1.15})
	}
	for _, s := range lines {
		parts = append(parts, part{s, false, 1})
	}
	if country != "" {
		parts = append(parts, part{country, true, 1})
	}
	type laid struct {
		lines []string
		bold  bool
		size  float64
	}
	layout := func(base float64) ([]laid, float64) {
		var out []laid
		h := 0.0
		for _, p := range parts {
			d.font(p.bold, base*p.k)
			ls := d.wrap(p.s, w, 2)
			out = append(out, laid{ls, p.bold, base * p.k})
			h += float64(len(ls)) * d.lineH()
		}
		if phone != "" {
			d.font(false, 8)
			h += d.lineH()
		}
		return out, h
	}
	var blocks []laid
	for _, base := range []float64{16, 15, 14, 13, 12, 11, 10, 9, 8, 7} {
		var h float64
		blocks, h = layout(base)
		if top+h <= bottom {
			break
		}
	}
	y := top
	for _, b := range blocks {
		d.font(b.bold, b.size)
		for _, s := range b.lines {
			if y+d.lineH() > bottom {
				return // the smallest type still overflows: what is left is cut
			}
			d.text(x, y, w, s, "L")
			y += d.lineH()
		}
	}
	if phone != "" {
		d.font(false, 8)
		if y+d.lineH() <= bottom {
			d.text(x, y, w, "Tel. "+phone, "L")
		}
	}
}
