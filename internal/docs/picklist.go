package docs

import (
	"context"
	"fmt"
	"io"
	"sort"
	"strings"

	"oms/internal/stock"
)

// pickItem is one line of a pick list: a product to take from one bin of
// one warehouse for the orders of a wave.
type pickItem struct {
	warehouseID string
	productID   string
	bin         string
	sortKey     string
	sku, name   string
	quantity    int64
	orders      []string // "A1-000123 ×2", in the order the orders were given
}

// WritePickList writes one pick list for the orders of a wave (one order
// or several): their lines merged by product and warehouse, sorted by the
// bin they are picked from in path order (see stock.BinSortKey; lines
// without a bin last), each with a tick box and the orders it is for. The
// quantity is each line's whole quantity, as the whole order ships until
// the shipping package records shipments. ENOTFOUND for an unknown order.
//
// The lines are gathered before the list is laid out, since sorting needs
// them all: a wave's memory grows with its distinct products, not with
// its orders' other data.
func (p *Printer) WritePickList(ctx context.Context, w io.Writer, orderIDs []string, opts Options) error {
	if len(orderIDs) == 0 {
		return errNoOrders
	}
	bins := newBinFinder(p.stock)
	items := map[string]*pickItem{}
	var numbers []string
	warehouses := map[string]bool{}
	for _, id := range orderIDs {
		if err := ctx.Err(); err != nil {
			return err
		}
		o, err := p.orders.FindOrderByID(ctx, id)
		if err != nil {
			return err
		}
		numbers = append(numbers, o.Number)
		warehouses[o.WarehouseID] = true
		for _, l := range o.Lines {
			key := o.WarehouseID + "|" + l.ProductID
			it := items[key]
			if it == nil {
				bin, err := bins.bin(ctx, l.ProductID, o.WarehouseID)
				if err != nil {
					return err
				}
				it = &pickItem{warehouseID: o.WarehouseID, productID: l.ProductID, bin: bin, sku: l.SKU, name: l.Name}
				if bin != "" {
					it.sortKey = stock.BinSortKey(bin)
				}
				items[key] = it
			}
			it.quantity += l.Quantity
			it.orders = append(it.orders, fmt.Sprintf("%s ×%d", o.Number, l.Quantity))
		}
	}
	whCodes, err := p.warehouseCodes(ctx, warehouses)
	if err != nil {
		return err
	}
	list := make([]*pickItem, 0, len(items))
	for _, it := range items {
		list = append(list, it)
	}
	sort.Slice(list, func(i, j int) bool {
		a, b := list[i], list[j]
		if wa, wb := whCodes[a.warehouseID], whCodes[b.warehouseID]; wa != wb {
			return wa < wb
		}
		if (a.bin == "") != (b.bin == "") {
			return a.bin != "" // lines without a bin last
		}
		if a.sortKey != b.sortKey {
			return a.sortKey < b.sortKey
		}
		if a.sku != b.sku {
			return a.sku < b.sku
		}
		return a.productID < b.productID
	})
	c, err := p.findCompany(ctx)
	if err != nil {
		return err
	}
	d := newDoc(c, opts, "Pick list")
	d.pickList(c.Name, numbers, list, whCodes, len(warehouses) > 1)
	if err := errPDF("pick list", d.pdf); err != nil {
		return err
	}
	if opts.Progress != nil {
		opts.Progress(len(orderIDs), len(orderIDs))
	}
	if err := d.pdf.Output(w); err != nil {
		return fmt.Errorf("write pick list: %w", err)
	}
	return nil
}

// warehouseCodes returns the codes of the warehouses (by id; "" has none).
func (p *Printer) warehouseCodes(ctx context.Context, ids map[string]bool) (map[string]string, error) {
	out := map[string]string{}
	for id := range ids {
		if id == "" {
			continue
		}
		w, err := p.stock.FindWarehouseByID(ctx, id)
		if err != nil {
			return nil, err
		}
		out[id] = w.Code
	}
	return out, nil
}

var pickColumns = []column{
	{title: "", w: 0.05, align: "L"},
	{title: "Bin", w: 0.13, align: "L"},
	{title: "SKU", w: 0.15, align: "L", lines: 2},
	{title: "Item", w: 0.33, align: "L", lines: 2},
	{title: "Qty", w: 0.08, align: "R"},
	{title: "For orders", w: 0.26, align: "L", lines: 3},
}

func (d *doc) pickList(companyName string, numbers []string, items []*pickItem, whCodes map[string]string, manyWarehouses bool) {
	t := d.newTable(9, pickColumns...)
	rows := make([]tableRow, 0, len(items))
	var units int64
	for _, it := range items {
		bin := it.bin
		if bin == "" {
			bin = "no bin"
		}
		if manyWarehouses {
			bin = whCodes[it.warehouseID] + " " + bin
		}
		r := t.row("", bin, it.sku, it.name, fmt.Sprint(it.quantity), strings.Join(it.orders, ", "))
		r.box = true
		rows = append(rows, r)
		units += it.quantity
	}
	title := numbers[0]
	if len(numbers) > 1 {
		title = fmt.Sprintf("wave of %d orders", len(numbers))
	}
	what := "Pick list " + title
	if companyName != "" {
		what += " · " + companyName
	}
	d.pdf.AddPage()
	pdf := d.pdf
	y := d.top
	d.font(true, 16)
	d.text(d.left, y, d.contentW(), "Pick list "+title, "L")
	y += d.lineH() + 1
	d.font(false, 9)
	info := fmt.Sprintf("Printed %s · %d %s · %d %s", day(d.date, d.date), len(items), plural(int64(len(items)), "line", "lines"),
		units, plural(units, "unit", "units"))
	if len(whCodes) == 1 {
		for _, code := range whCodes {
			info += " · warehouse " + code
		}
	}
	d.text(d.left, y, d.contentW(), info, "L")
	y += d.lineH()
	for _, l := range d.wrap("Orders: "+strings.Join(numbers, ", "), d.contentW(), 6) {
		d.text(d.left, y, d.contentW(), l, "L")
		y += d.lineH()
	}
	y += 3
	headH := t.headH()
	bottom := d.h - d.bottom - 4
	const tail = 18.0
	pages := paginate(rows, bottom-y-headH, bottom-(d.top+8)-headH, tail)
	for i, pageRows := range pages {
		if i > 0 {
			pdf.AddPage()
			d.font(true, 10)
			d.text(d.left, d.top, d.contentW(), "Pick list "+title+" (continued)", "L")
			y = d.top + 8
		}
		if len(pageRows) > 0 || i == 0 {
			y = t.drawHead(y)
		}
		for _, r := range pageRows {
			y = t.drawRow(r, y)
		}
		if i == len(pages)-1 {
			y += 8
			d.font(false, 9)
			half := d.contentW() / 2
			for k, label := range []string{"Picked by", "Time"} {
				x := d.left + float64(k)*half
				d.text(x, y, 25, label, "L")
				pdf.Line(x+25, y+d.lineH()-0.5, x+half-8, y+d.lineH()-0.5)
			}
		}
		d.footer(what, i+1, len(pages))
	}
}
