package docs

import (
	"context"
	"fmt"
	"io"
	"strings"

	"oms/internal/company"
	"oms/internal/errs"
	"oms/internal/order"
)

// Shipment is what one packing slip is for: an order and the quantity of
// each line (by line id) in this shipment. Nil Quantities ships every line
// in full: until the shipping package records shipments, the whole order
// ships at once, and a later partial shipment passes its own quantities.
// A line left out of a non-nil map is not in this shipment.
type Shipment struct {
	OrderID    string
	Quantities map[string]int64
	// Number, Carrier and Tracking, when set, name a recorded shipment
	// on the slip (ShipmentSlip fills them).
	Number   string
	Carrier  string
	Tracking string
}

// WritePackingSlip writes the packing slip of one shipment to w.
func (p *Printer) WritePackingSlip(ctx context.Context, w io.Writer, s Shipment, opts Options) error {
	return p.WritePackingSlips(ctx, w, []Shipment{s}, opts)
}

// WritePackingSlips writes one PDF with a packing slip per shipment, in
// the order given or that of Options.SortBy, reading each order as its
// page is laid out. A slip has
// no prices; each line shows its bin, and the order number is a Code 128
// barcode for the pack station's scanner. ENOTFOUND for an unknown order;
// EINVALID on "quantities" for a quantity below 0 or above the line's, or
// for a line the order does not have; EINVALID on "sortBy".
func (p *Printer) WritePackingSlips(ctx context.Context, w io.Writer, shipments []Shipment, opts Options) error {
	ids := make([]string, len(shipments))
	for i, s := range shipments {
		ids[i] = s.OrderID
	}
	idx, err := p.sortOrder(ctx, ids, opts)
	if err != nil {
		return err
	}
	if idx != nil {
		sorted := make([]Shipment, len(idx))
		for i, k := range idx {
			sorted[i] = shipments[k]
		}
		shipments = sorted
	}
	bins := newBinFinder(p.stock)
	return p.batch(ctx, w, "Packing slips", len(shipments), opts, func(d *doc, c *company.Company, i int) error {
		o, err := p.orders.FindOrderByID(ctx, shipments[i].OrderID)
		if err != nil {
			return err
		}
		lines, err := slipLines(ctx, bins, o, shipments[i].Quantities)
		if err != nil {
			return err
		}
		return d.packingSlip(c, o, shipments[i], lines)
	})
}

// slipLine is one line of a packing slip.
type slipLine struct {
	bin     string
	line    *order.Line
	shipped int64
}

func slipLines(ctx context.Context, bins *binFinder, o *order.Order, qty map[string]int64) ([]slipLine, error) {
	known := make(map[string]bool, len(o.Lines))
	for _, l := range o.Lines {
		known[l.ID] = true
	}
	for id := range qty {
		if !known[id] {
			return nil, errs.Invalid("quantities", "Order %s has no line %s.", o.Number, id)
		}
	}
	out := make([]slipLine, 0, len(o.Lines))
	for _, l := range o.Lines {
		n := l.Quantity
		if qty != nil {
			n = qty[l.ID]
		}
		if n < 0 || n > l.Quantity {
			return nil, errs.Invalid("quantities", "Line %d of order %s has %d; %d cannot be shipped.", l.LineNo, o.Number, l.Quantity, n)
		}
		bin, err := bins.bin(ctx, l.ProductID, o.WarehouseID)
		if err != nil {
			return nil, err
		}
		out = append(out, slipLine{bin: bin, line: l, shipped: n})
	}
	return out, nil
}

var slipColumns = []column{
	{title: "Bin", w: 0.12, align: "L"},
	{title: "SKU", w: 0.16, align: "L", lines: 2},
	{title: "Item", w: 0.43, align: "L", lines: 3},
	{title: "Ordered", w: 0.11, align: "R"},
	{title: "This shipment", w: 0.18, align: "R"},
}

// packingSlip lays out the slip of one order on new pages.
func (d *doc) packingSlip(c *company.Company, o *order.Order, s Shipment, lines []slipLine) error {
	t := d.newTable(9, slipColumns...)
	rows := make([]tableRow, 0, len(lines))
	var units int64
	shippedLines := 0
	for _, l := range lines {
		shipped := fmt.Sprint(l.shipped)
		if l.shipped == 0 {
			shipped = "—"
		} else {
			shippedLines++
		}
		units += l.shipped
		rows = append(rows, t.row(l.bin, l.line.SKU, l.line.Name, fmt.Sprint(l.line.Quantity), shipped))
	}
	what := "Packing slip " + o.Number
	if c.Name != "" {
		what += " · " + c.Name
	}
	d.pdf.AddPage()
	y := d.header(c, "Packing slip", o.Number)
	y, err := d.slipParties(o, s, y)
	if err != nil {
		return err
	}
	const tail = 26.0
	headH := t.headH()
	bottom := d.h - d.bottom - 4
	pages := paginate(rows, bottom-y-headH, bottom-(d.top+8)-headH, tail)
	for i, pageRows := range pages {
		if i > 0 {
			d.pdf.AddPage()
			d.font(true, 10)
			d.text(d.left, d.top, d.contentW(), "Packing slip "+o.Number+" (continued)", "L")
			y = d.top + 8
		}
		if len(pageRows) > 0 || i == 0 {
			y = t.drawHead(y)
		}
		for _, r := range pageRows {
			y = t.drawRow(r, y)
		}
		if i == len(pages)-1 {
			y += 4
			d.font(true, 9)
			d.text(d.left, y, d.contentW(), fmt.Sprintf("In this shipment: %d %s on %d %s.", units, plural(units, "unit", "units"),
				shippedLines, plural(int64(shippedLines), "line", "lines")), "L")
			y += d.lineH() + 8
			d.font(false, 9)
			half := d.contentW() / 2
			for k, label := range []string{"Packed by", "Checked by"} {
				x := d.left + float64(k)*half
				d.text(x, y, 25, label, "L")
				d.pdf.Line(x+25, y+d.lineH()-0.5, x+half-8, y+d.lineH()-0.5)
			}
		}
		d.footer(what, i+1, len(pages))
	}
	return nil
}

// slipParties draws the shipping address, the order's details and the
// order number's barcode; it returns the y below them.
func (d *doc) slipParties(o *order.Order, s Shipment, y float64) (float64, error) {
	cw := d.contentW()
	colW := cw * 0.32
	ship := addressLines(o.ShippingAddress)
	if len(ship) == 0 {
		ship = addressLines(o.BillingAddress)
	}
	if len(ship) == 0 {
		ship = []string{"Collected at the counter"}
		if o.CustomerName != "" {
			ship = []string{o.CustomerName}
		}
	}
	d.font(true, 9)
	d.text(d.left, y, colW, "Ship to", "L")
	yy := y + d.lineH()
	d.font(false, 9)
	for _, l := range ship {
		for _, part := range d.wrap(l, colW, 2) {
			d.text(d.left, yy, colW, part, "L")
			yy += d.lineH()
		}
	}
	bottom := yy
	x := d.left + colW + 2
	dw := cw * 0.27
	yy = y
	for _, kv := range [][2]string{{"Order", o.Number}, {"Order date", day(o.CreatedAt, d.date)}, {"Printed", day(d.date, d.date)}} {
		d.font(true, 8.5)
		d.text(x, yy, dw*0.45, kv[0], "L")
		d.font(false, 8.5)
		d.text(x+dw*0.45, yy, dw*0.55, kv[1], "L")
		yy += d.lineH()
	}
	bottom = max(bottom, yy)
	// The barcode, right-aligned in what is left: 0.42 mm modules (3.3 px
	// at 200 dpi), narrower for a long number, 14 mm high.
	values, err := Code128B(o.Number)
	if err != nil {
		return 0, fmt.Errorf("packing slip %s: %w", o.Number, err)
	}
	modules := 2 * code128Quiet
	for _, m := range Code128Modules(values) {
		modules += m
	}
	avail := cw - colW - dw - 4
	module := min(0.42, avail/float64(modules))
	bw := module * float64(modules)
	bx := d.left + cw - bw
	if _, err := drawCode128(d.pdf, o.Number, bx, y, module, 14); err != nil {
		return 0, err
	}
	d.font(false, 8)
	d.text(bx, y+14.5, bw, o.Number, "C")
	bottom = max(bottom, y+14.5+d.lineH())
	// A recorded shipment: its number, carrier and tracking, full width.
	var parts []string
	for _, kv := range [][2]string{{"Shipment", s.Number}, {"Carrier", s.Carrier}, {"Tracking", s.Tracking}} {
		if kv[1] != "" {
			parts = append(parts, kv[0]+" "+kv[1])
		}
	}
	if len(parts) > 0 {
		bottom += 3
		d.font(true, 9)
		d.text(d.left, bottom, cw, d.fit(strings.Join(parts, "   ·   "), cw), "L")
		bottom += d.lineH()
	}
	return bottom + 5, nil
}

func plural(n int64, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
