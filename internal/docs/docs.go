// Package docs prints the business's documents as PDF with gofpdf: the
// invoice, the packing slip and the pick list, one order or a batch of
// orders in one file (in the order given, or by order number, bin or
// carrier: Options.SortBy), and 4 x 6 inch shipping labels, as PDF or as
// raw ZPL for thermal printers (label.go, zpl.go). It reads orders, payments, stock bins and the company
// through their services' Go APIs and owns no table; no domain package
// imports it.
//
// Text comes out in the embedded DejaVu Sans (Latin, Greek, Cyrillic,
// Vietnamese...). Everything a user typed is printed as plain text: control
// characters are dropped, and what does not fit its column wraps or is cut
// with an ellipsis. The output is byte-stable for given data and Options
// (fixed creation date, sorted catalog, no random ids), which the golden
// tests rely on.
package docs

import (
	"bytes"
	"context"
	_ "embed" // the fonts
	"encoding/base64"
	"errors"
	"fmt"
	"image"
	"image/draw"
	_ "image/jpeg" // logos may be JPEG
	"image/png"
	"strings"
	"sync"
	"time"
	"unicode"

	"github.com/jung-kurt/gofpdf"
	"golang.org/x/text/unicode/norm"

	"oms/internal/company"
	"oms/internal/errs"
	"oms/internal/money"
	"oms/internal/order"
	"oms/internal/stock"
)

//go:embed fonts/DejaVuSans.ttf
var fontRegular []byte

//go:embed fonts/DejaVuSans-Bold.ttf
var fontBold []byte

const family = "DejaVu"

// PageSize is the paper documents are printed on.
type PageSize string

// Page sizes. PageAuto is Letter for a company in the US or Canada, the
// countries that use it, and A4 everywhere else.
const (
	PageAuto   PageSize = ""
	PageA4     PageSize = "A4"
	PageLetter PageSize = "Letter"
)

// ParsePageSize reads "a4", "letter" or "" (auto), in any case. EINVALID on
// "pageSize" otherwise.
func ParsePageSize(s string) (PageSize, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "", "auto":
		return PageAuto, nil
	case "a4":
		return PageA4, nil
	case "letter":
		return PageLetter, nil
	}
	return "", errs.Invalid("pageSize", "The page size must be A4 or Letter.")
}

// resolve returns the page size for the company's country.
func (p PageSize) resolve(c *company.Company) PageSize {
	if p != PageAuto {
		return p
	}
	if c != nil && (c.Country == "US" || c.Country == "CA") {
		return PageLetter
	}
	return PageA4
}

// Options are the choices of a print run.
type Options struct {
	PageSize PageSize
	// Date is the print date: the invoice date and the PDF's creation
	// date; the zero time is now. Dates print in its location.
	Date time.Time
	// PaymentTermsDays is how many days after the invoice date payment is
	// due: 0 is 14; negative means due on receipt.
	PaymentTermsDays int
	// Progress, when set, is told after each order of a batch.
	Progress func(done, total int)
	// SortBy is the order of a batch's documents: "" as given, "number"
	// by order number, "bin" by the first bin the order is picked from
	// (in path order; orders with nothing in a bin last), "carrier" by
	// CarrierOf's answer. Ties go by order number.
	SortBy string
	// CarrierOf names the carrier of an order, for SortBy "carrier".
	CarrierOf func(orderID string) string
}

func (o Options) date() time.Time {
	if o.Date.IsZero() {
		return time.Now()
	}
	return o.Date
}

// Printer renders documents from the services' data.
type Printer struct {
	orders  *order.Service
	stock   *stock.Service
	company *company.Service
}

// NewPrinter returns a printer reading through these services.
func NewPrinter(orders *order.Service, st *stock.Service, comp *company.Service) *Printer {
	return &Printer{orders: orders, stock: st, company: comp}
}

// FindOrderByNumber returns the order with this number (any case), with
// its lines. ENOTFOUND if there is none.
func (p *Printer) FindOrderByNumber(ctx context.Context, number string) (*order.Order, error) {
	number = strings.ToUpper(strings.TrimSpace(number))
	if number != "" && !strings.ContainsAny(number, " \t") {
		list, _, err := p.orders.FindOrders(ctx, order.OrderFilter{Query: number, Limit: 500})
		if err != nil {
			return nil, err
		}
		for _, o := range list {
			if o.Number == number {
				return p.orders.FindOrderByID(ctx, o.ID)
			}
		}
	}
	return nil, errs.Errorf(errs.ENOTFOUND, "Order %s not found.", number)
}

// findCompany returns the company, or an empty one before setup so that
// documents still print.
func (p *Printer) findCompany(ctx context.Context) (*company.Company, error) {
	c, err := p.company.Find(ctx)
	if errs.Code(err) == errs.ENOTFOUND {
		return &company.Company{}, nil
	}
	return c, err
}

// doc is one PDF being written, with the page geometry and helpers.
type doc struct {
	pdf          *gofpdf.Fpdf
	w, h         float64 // page size, mm
	left, right  float64 // margins
	top, bottom  float64
	opts         Options
	date         time.Time
	logo         string // registered image name, "" without a logo
	logoW, logoH float64
}

const margin = 15.0

func newDoc(c *company.Company, opts Options, title string) *doc {
	size := "A4"
	if opts.PageSize.resolve(c) == PageLetter {
		size = "Letter"
	}
	d := newPage(c, opts, title, &gofpdf.InitType{OrientationStr: "P", UnitStr: "mm", SizeStr: size}, margin)
	d.registerLogo(c.Logo)
	return d
}

// newPage starts a document on the paper of init with margins of m mm.
func newPage(c *company.Company, opts Options, title string, init *gofpdf.InitType, m float64) *doc {
	pdf := gofpdf.NewCustom(init)
	d := &doc{pdf: pdf, left: m, right: m, top: m, bottom: m, opts: opts, date: opts.date()}
	d.w, d.h = pdf.GetPageSize()
	pdf.SetMargins(m, m, m)
	pdf.SetAutoPageBreak(false, m) // pages break where the layout says
	pdf.SetCatalogSort(true)
	pdf.SetCreationDate(d.date)
	pdf.SetModificationDate(d.date)
	pdf.SetProducer("OMS", false)
	pdf.SetCreator("OMS", false)
	pdf.SetTitle(title, true)
	if c.Name != "" {
		pdf.SetAuthor(clean(c.Name), true)
	}
	pdf.AddUTF8FontFromBytes(family, "", fontRegular)
	pdf.AddUTF8FontFromBytes(family, "B", fontBold)
	pdf.SetFont(family, "", 9)
	pdf.SetLineWidth(0.2)
	pdf.SetDrawColor(0, 0, 0)
	pdf.SetTextColor(0, 0, 0)
	return d
}

// logoCache keeps the last logo normalized: a batch or a day of printing
// decodes and re-encodes the company's logo once.
var logoCache struct {
	sync.Mutex
	dataURL string
	png     []byte
	w, h    int
}

// normalizeLogo returns the logo of a data URL as an 8-bit, non-interlaced
// PNG (gofpdf refuses 16-bit and interlaced ones) with its size in pixels;
// ok is false for a logo that cannot be read.
func normalizeLogo(dataURL string) (data []byte, w, h int, ok bool) {
	logoCache.Lock()
	defer logoCache.Unlock()
	if logoCache.dataURL == dataURL && logoCache.png != nil {
		return logoCache.png, logoCache.w, logoCache.h, true
	}
	i := strings.Index(dataURL, ";base64,")
	if !strings.HasPrefix(dataURL, "data:image/") || i < 0 {
		return nil, 0, 0, false
	}
	raw, err := base64.StdEncoding.DecodeString(dataURL[i+len(";base64,"):])
	if err != nil {
		return nil, 0, 0, false
	}
	img, _, err := image.Decode(bytes.NewReader(raw))
	if err != nil {
		return nil, 0, 0, false
	}
	b := img.Bounds()
	if b.Dx() < 1 || b.Dy() < 1 {
		return nil, 0, 0, false
	}
	rgba := image.NewNRGBA(image.Rect(0, 0, b.Dx(), b.Dy()))
	draw.Draw(rgba, rgba.Bounds(), img, b.Min, draw.Src)
	var buf bytes.Buffer
	if err := png.Encode(&buf, rgba); err != nil {
		return nil, 0, 0, false
	}
	logoCache.dataURL, logoCache.png, logoCache.w, logoCache.h = dataURL, buf.Bytes(), b.Dx(), b.Dy()
	return logoCache.png, b.Dx(), b.Dy(), true
}

// registerLogo adds the company logo to the document; a logo that cannot
// be read is left out rather than failing the document.
func (d *doc) registerLogo(dataURL string) {
	if dataURL == "" {
		return
	}
	data, pw, ph, ok := normalizeLogo(dataURL)
	if !ok {
		return
	}
	d.pdf.RegisterImageOptionsReader("logo", gofpdf.ImageOptions{ImageType: "PNG"}, bytes.NewReader(data))
	if !d.pdf.Ok() {
		d.pdf.ClearError()
		return
	}
	// Fit in 45 x 20 mm, keeping the proportions.
	const maxW, maxH = 45.0, 20.0
	w, h := maxW, maxW*float64(ph)/float64(pw)
	if h > maxH {
		w, h = maxH*float64(pw)/float64(ph), maxH
	}
	d.logo, d.logoW, d.logoH = "logo", w, h
}

func (d *doc) contentW() float64 { return d.w - d.left - d.right }

// font sets the font: bold or not, size in points.
func (d *doc) font(bold bool, size float64) {
	style := ""
	if bold {
		style = "B"
	}
	d.pdf.SetFont(family, style, size)
}

// lineH is the height of a text line at the current font size, mm.
func (d *doc) lineH() float64 {
	pt, _ := d.pdf.GetFontSize()
	return pt * 25.4 / 72 * 1.25
}

// text writes one line of s in a cell of width w at (x, y), cut with an
// ellipsis to fit. align is "L", "C" or "R".
func (d *doc) text(x, y, w float64, s, align string) {
	d.pdf.SetXY(x, y)
	d.pdf.CellFormat(w, d.lineH(), d.fit(clean(s), w), "", 0, align, false, 0, "")
}

// cellPad is the room left at each side of a table cell, mm.
const cellPad = 1.0

// fit returns s, or its longest start that fits w with an ellipsis.
func (d *doc) fit(s string, w float64) string {
	w -= 2 * cellPad
	if d.pdf.GetStringWidth(s) <= w {
		return s
	}
	r := []rune(s)
	lo, hi := 0, len(r) // the longest start that fits lies in [lo, hi)
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if d.pdf.GetStringWidth(string(r[:mid])+"…") <= w {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	return strings.TrimRightFunc(string(r[:lo]), unicode.IsSpace) + "…"
}

// wrap breaks s into at most maxLines lines that fit w, at spaces, and
// inside a word too long for a line; the last line takes what is left,
// cut with an ellipsis.
func (d *doc) wrap(s string, w float64, maxLines int) []string {
	inner := w - 2*cellPad
	words := strings.Fields(clean(s))
	var lines []string
	for len(words) > 0 {
		if len(lines) >= maxLines-1 {
			return append(lines, d.fit(strings.Join(words, " "), w))
		}
		cur := words[0]
		if d.pdf.GetStringWidth(cur) > inner {
			r := []rune(cur)
			n := 1
			for n < len(r) && d.pdf.GetStringWidth(string(r[:n+1])) <= inner {
				n++
			}
			// Break after a hyphen, slash, dot or underscore if there is
			// one: "EXT-" and "5M3SOCKETS" read better than a cut anywhere.
			if k := strings.LastIndexAny(string(r[:n]), "-/._"); k > 0 {
				n = len([]rune(string(r[:n])[:k+1]))
			}
			lines = append(lines, string(r[:n]))
			words[0] = string(r[n:])
			continue
		}
		k := 1
		for k < len(words) && d.pdf.GetStringWidth(cur+" "+words[k]) <= inner {
			cur += " " + words[k]
			k++
		}
		lines = append(lines, cur)
		words = words[k:]
	}
	if len(lines) == 0 {
		return []string{""}
	}
	return lines
}

// clean makes user text printable: invalid UTF-8 is replaced, the text
// composed (NFC: the font has "ễ" as one glyph, and gofpdf does no
// shaping), control characters (newlines, tabs, escapes) become spaces,
// invisible format characters (bidi overrides, zero-width and soft
// hyphens) are dropped, and runs of spaces shrink to one.
func clean(s string) string {
	s = norm.NFC.String(strings.ToValidUTF8(s, "\uFFFD"))
	s = strings.Map(func(r rune) rune {
		switch {
		case unicode.IsControl(r) || r == '\u2028' || r == '\u2029':
			return ' '
		case unicode.Is(unicode.Cf, r):
			return -1
		}
		return r
	}, s)
	return strings.Join(strings.Fields(s), " ")
}

// amount formats minor units of a currency: "1,234.50 EUR".
func amount(v int64, currency string) string {
	mu := 2
	if c, ok := company.FindCurrency(currency); ok {
		mu = c.MinorUnits
	}
	s := money.Format(v, mu)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	intPart, frac, _ := strings.Cut(s, ".")
	var b strings.Builder
	for i, c := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	out := b.String()
	if frac != "" {
		out += "." + frac
	}
	if neg {
		out = "-" + out
	}
	return strings.TrimSpace(out + " " + currency)
}

// percent formats basis points: 1900 is "19 %", 750 "7.5 %".
func percent(bps int64) string {
	s := money.Format(bps, 2)
	s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	return s + " %"
}

func day(t, at time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.In(at.Location()).Format("2006-01-02")
}

// addressLines are the printed lines of an address.
func addressLines(a order.Address) []string {
	var out []string
	add := func(parts ...string) {
		var keep []string
		for _, p := range parts {
			if p = clean(p); p != "" {
				keep = append(keep, p)
			}
		}
		if len(keep) > 0 {
			out = append(out, strings.Join(keep, " "))
		}
	}
	add(a.Name)
	add(a.Company)
	add(a.Line1)
	add(a.Line2)
	add(a.PostalCode, a.City)
	add(a.Region)
	if a.Country != "" {
		add(countryName(a.Country))
	}
	add(a.Phone)
	return out
}

var countryNames = func() map[string]string {
	m := map[string]string{}
	for _, c := range company.Countries() {
		m[c.Code] = c.Name
	}
	return m
}()

// countryName is the English name of an ISO country code, or the code.
func countryName(code string) string {
	code = strings.ToUpper(clean(code))
	if n, ok := countryNames[code]; ok {
		return n
	}
	return code
}

// companyLines are the lines under the company's name in a header.
func companyLines(c *company.Company) []string {
	var out []string
	for _, l := range []string{c.AddressLine1, c.AddressLine2, strings.TrimSpace(c.PostalCode + " " + c.City)} {
		if l = clean(l); l != "" {
			out = append(out, l)
		}
	}
	if c.Country != "" {
		out = append(out, countryName(c.Country))
	}
	var contact []string
	for _, s := range []string{c.Phone, c.Email} {
		if s = clean(s); s != "" {
			contact = append(contact, s)
		}
	}
	if len(contact) > 0 {
		out = append(out, strings.Join(contact, " · "))
	}
	if c.TaxID != "" {
		out = append(out, "Tax ID "+clean(c.TaxID))
	}
	return out
}

// header draws the company block (logo at the right) and the document
// title with its number; it returns the y below it.
func (d *doc) header(c *company.Company, title, number string) float64 {
	pdf := d.pdf
	y := d.top
	textW := d.contentW() * 0.6
	if d.logo != "" {
		pdf.ImageOptions(d.logo, d.w-d.right-d.logoW, y, d.logoW, d.logoH, false, gofpdf.ImageOptions{ImageType: "PNG"}, 0, "")
	}
	if c.Name != "" {
		d.font(true, 13)
		d.text(d.left, y, textW, c.Name, "L")
		y += d.lineH()
	}
	d.font(false, 8.5)
	for _, l := range companyLines(c) {
		d.text(d.left, y, textW, l, "L")
		y += d.lineH()
	}
	if d.logo != "" {
		y = max(y, d.top+d.logoH)
	}
	y += 5
	d.font(true, 16)
	d.text(d.left, y, d.contentW()*0.7, title+" "+number, "L")
	y += d.lineH() + 1
	d.font(false, 9)
	return y
}

// footer writes the page's footer: what and whose it is, and the page of
// this order's document.
func (d *doc) footer(what string, page, pages int) {
	d.font(false, 7.5)
	d.pdf.SetTextColor(90, 90, 90)
	y := d.h - d.bottom + 3
	d.text(d.left, y, d.contentW()*0.7, what, "L")
	d.text(d.left+d.contentW()*0.7, y, d.contentW()*0.3, fmt.Sprintf("Page %d of %d", page, pages), "R")
	d.pdf.SetTextColor(0, 0, 0)
	d.font(false, 9)
}

// column of a table.
type column struct {
	title string
	w     float64 // share of the table's width; the widths add up to 1
	align string
	lines int // most lines of wrapped text; 0 or 1 cuts with an ellipsis
}

// tableRow is a row laid out: the lines of each cell and its height.
type tableRow struct {
	cells [][]string
	h     float64
	box   bool // draw a tick box in the first column
}

type table struct {
	d    *doc
	cols []column
	x, w float64
	size float64 // font size
}

func (d *doc) newTable(size float64, cols ...column) *table {
	return &table{d: d, cols: cols, x: d.left, w: d.contentW(), size: size}
}

func (t *table) colW(i int) float64 { return t.cols[i].w * t.w }

// row lays out one row of values.
func (t *table) row(values ...string) tableRow {
	t.d.font(false, t.size)
	r := tableRow{cells: make([][]string, len(values))}
	n := 1
	for i, v := range values {
		if t.cols[i].lines > 1 {
			r.cells[i] = t.d.wrap(v, t.colW(i), t.cols[i].lines)
		} else {
			r.cells[i] = []string{t.d.fit(clean(v), t.colW(i))}
		}
		n = max(n, len(r.cells[i]))
	}
	r.h = float64(n)*t.d.lineH() + 1.6
	return r
}

func (t *table) headH() float64 {
	t.d.font(true, t.size)
	return t.d.lineH() + 2
}

// drawHead draws the column titles at y and returns the y below them.
func (t *table) drawHead(y float64) float64 {
	d := t.d
	h := t.headH()
	d.pdf.SetFillColor(235, 235, 235)
	d.pdf.Rect(t.x, y, t.w, h, "F")
	x := t.x
	for i, c := range t.cols {
		d.text(x, y+1, t.colW(i), c.title, c.align)
		x += t.colW(i)
	}
	d.font(false, t.size)
	return y + h
}

// drawRow draws a laid-out row at y and returns the y below it.
func (t *table) drawRow(r tableRow, y float64) float64 {
	d := t.d
	d.font(false, t.size)
	lh := d.lineH()
	x := t.x
	for i, lines := range r.cells {
		for k, l := range lines {
			d.pdf.SetXY(x, y+0.8+float64(k)*lh)
			d.pdf.CellFormat(t.colW(i), lh, l, "", 0, t.cols[i].align, false, 0, "")
		}
		x += t.colW(i)
	}
	if r.box {
		d.pdf.Rect(t.x+cellPad+0.5, y+0.8+(lh-3.2)/2, 3.2, 3.2, "D")
	}
	d.pdf.SetDrawColor(200, 200, 200)
	d.pdf.Line(t.x, y+r.h, t.x+t.w, y+r.h)
	d.pdf.SetDrawColor(0, 0, 0)
	return y + r.h
}

// paginate splits rows over pages: the first page has first mm for rows,
// the others next; the last page must also hold tail mm after its rows.
// It returns the rows of each page.
func paginate(rows []tableRow, first, next, tail float64) [][]tableRow {
	var pages [][]tableRow
	avail := first
	var cur []tableRow
	used := 0.0
	for _, r := range rows {
		if used+r.h > avail && len(cur) > 0 {
			pages = append(pages, cur)
			cur, used, avail = nil, 0, next
		}
		cur = append(cur, r)
		used += r.h
	}
	pages = append(pages, cur)
	if used+tail > avail {
		pages = append(pages, nil) // the tail on a page of its own
	}
	return pages
}

// errPDF returns gofpdf's error for a document, wrapped.
func errPDF(what string, pdf *gofpdf.Fpdf) error {
	if err := pdf.Error(); err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	return nil
}

// errNoOrders is the error for a batch without orders.
var errNoOrders = errors.New("no orders to print")
