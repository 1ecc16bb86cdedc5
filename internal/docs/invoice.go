package docs

import (
	"context"
	"fmt"
	"io"

	"github.com/skip2/go-qrcode"

	"oms/internal/company"
	"oms/internal/order"
)

// invoiceData is what one invoice prints.
type invoiceData struct {
	company  *company.Company
	order    *order.Order
	payments []*order.Payment
	summary  *order.PaymentSummary
}

func (p *Printer) loadInvoice(ctx context.Context, c *company.Company, orderID string) (*invoiceData, error) {
	o, err := p.orders.FindOrderByID(ctx, orderID)
	if err != nil {
		return nil, err
	}
	pays, err := p.orders.FindPayments(ctx, orderID)
	if err != nil {
		return nil, err
	}
	sum, err := p.orders.FindPaymentSummary(ctx, orderID)
	if err != nil {
		return nil, err
	}
	return &invoiceData{company: c, order: o, payments: pays, summary: sum}, nil
}

// WriteInvoice writes the invoice of one order to w. ENOTFOUND if there is
// no such order.
func (p *Printer) WriteInvoice(ctx context.Context, w io.Writer, orderID string, opts Options) error {
	return p.WriteInvoices(ctx, w, []string{orderID}, opts)
}

// WriteInvoices writes one PDF with the invoice of each order, in the
// order given or that of Options.SortBy (EINVALID on "sortBy"). Orders
// are read one at a time as their pages are laid out, so a batch holds
// one order in memory besides the pages written (see batch.go). It stops
// with ctx's error when cancelled, and ENOTFOUND for an unknown order.
func (p *Printer) WriteInvoices(ctx context.Context, w io.Writer, orderIDs []string, opts Options) error {
	orderIDs, err := p.SortOrderIDs(ctx, orderIDs, opts.SortBy, opts.CarrierOf)
	if err != nil {
		return err
	}
	return p.batch(ctx, w, "Invoices", len(orderIDs), opts, func(d *doc, c *company.Company, i int) error {
		data, err := p.loadInvoice(ctx, c, orderIDs[i])
		if err != nil {
			return err
		}
		d.invoice(data)
		return nil
	})
}

// invoiceColumns are the columns of the invoice's lines.
var invoiceColumns = []column{
	{title: "SKU", w: 0.15, align: "L", lines: 2},
	{title: "Item", w: 0.35, align: "L", lines: 3},
	{title: "Qty", w: 0.08, align: "R"},
	{title: "Unit price", w: 0.14, align: "R"},
	{title: "Discount", w: 0.12, align: "R"},
	{title: "Line total", w: 0.16, align: "R"},
}

// ownDiscounts returns each line's own discount (percentage and amount),
// before the order discount, as the order's one totals function computes it.
func ownDiscounts(o *order.Order) []int64 {
	in := order.TotalsInput{PricesIncludeTax: o.PricesIncludeTax, TaxMode: o.TaxMode}
	for _, l := range o.Lines {
		in.Lines = append(in.Lines, order.PriceLine{UnitPrice: l.UnitPrice, Quantity: l.Quantity, DiscountBps: l.DiscountBps,
			DiscountAmount: l.DiscountAmount, TaxRateBps: l.TaxRateBps})
	}
	out := make([]int64, len(o.Lines))
	t, err := order.ComputeTotals(in)
	if err != nil { // the order's stored lines were valid when saved
		for i, l := range o.Lines {
			out[i] = l.Discount
		}
		return out
	}
	for i := range o.Lines {
		out[i] = t.Lines[i].Discount
	}
	return out
}

// invoice lays out the invoice of one order on new pages.
func (d *doc) invoice(data *invoiceData) {
	o, c := data.order, data.company
	// The invoice number is the order number until invoices get their own
	// series (and credit notes theirs).
	number := o.Number
	t := d.newTable(8.5, invoiceColumns...)
	disc := ownDiscounts(o)
	rows := make([]tableRow, 0, len(o.Lines))
	var linesTotal int64
	for i, l := range o.Lines {
		lineTotal := l.UnitPrice*l.Quantity - disc[i]
		linesTotal += lineTotal
		discText := ""
		if disc[i] != 0 {
			discText = "-" + amount(disc[i], "")
			if l.DiscountBps > 0 && l.DiscountAmount == 0 {
				discText += " (" + percent(l.DiscountBps) + ")"
			}
		}
		rows = append(rows, t.row(l.SKU, l.Name, fmt.Sprint(l.Quantity), amount(l.UnitPrice, ""), discText, amount(lineTotal, "")))
	}
	what := "Invoice " + number
	if c.Name != "" {
		what += " · " + c.Name
	}

	d.pdf.AddPage()
	y := d.header(c, "Invoice", number)
	y = d.invoiceParties(data, number, y)
	tail := d.invoiceTail(data, linesTotal, 0, false)
	headH := t.headH()
	bottom := d.h - d.bottom - 4
	first := bottom - y - headH
	next := bottom - (d.top + 8) - headH
	pages := paginate(rows, first, next, tail)
	for i, pageRows := range pages {
		if i > 0 {
			d.pdf.AddPage()
			d.font(true, 10)
			d.text(d.left, d.top, d.contentW(), "Invoice "+number+" (continued)", "L")
			y = d.top + 8
		}
		if len(pageRows) > 0 || i == 0 {
			y = t.drawHead(y)
		}
		for _, r := range pageRows {
			y = t.drawRow(r, y)
		}
		if i == len(pages)-1 {
			d.invoiceTail(data, linesTotal, y, true)
		}
		d.footer(what, i+1, len(pages))
	}
}

// invoiceParties draws the billing and shipping addresses, the invoice's
// details and the QR code; it returns the y below them.
func (d *doc) invoiceParties(data *invoiceData, number string, y float64) float64 {
	o := data.order
	cw := d.contentW()
	const qr = 24.0
	detailsW := 54.0
	colW := (cw - qr - detailsW - 3*2) / 2
	blocks := []struct {
		title string
		lines []string
	}{
		{"Bill to", addressLines(o.BillingAddress)},
		{"Ship to", addressLines(o.ShippingAddress)},
	}
	if len(blocks[0].lines) == 0 {
		blocks[0].lines = []string{"Walk-in customer"}
		if o.CustomerName != "" {
			blocks[0].lines = []string{o.CustomerName}
		}
	}
	if len(blocks[1].lines) == 0 {
		blocks[1].lines = []string{"Same as billing"}
	}
	bottom := y
	for i, b := range blocks {
		x := d.left + float64(i)*(colW+2)
		d.font(true, 8.5)
		d.text(x, y, colW, b.title, "L")
		yy := y + d.lineH()
		d.font(false, 8.5)
		for _, l := range b.lines {
			for _, part := range d.wrap(l, colW, 2) {
				d.text(x, yy, colW, part, "L")
				yy += d.lineH()
			}
		}
		bottom = max(bottom, yy)
	}
	// Details.
	x := d.left + 2*(colW+2)
	due := d.dueDate()
	details := [][2]string{
		{"Invoice no.", number},
		{"Invoice date", day(d.date, d.date)},
		{"Order date", day(o.CreatedAt, d.date)},
	}
	if data.summary != nil && data.summary.BalanceDue > 0 && o.Status != order.StatusCancelled {
		details = append(details, [2]string{"Due date", due})
	}
	details = append(details, [2]string{"Currency", o.Currency})
	if o.Status == order.StatusCancelled || o.Status == order.StatusDraft {
		details = append(details, [2]string{"Status", string(o.Status)})
	}
	yy := y
	for _, kv := range details {
		d.font(true, 8.5)
		d.text(x, yy, detailsW*0.45, kv[0], "L")
		d.font(false, 8.5)
		d.text(x+detailsW*0.45, yy, detailsW*0.55, kv[1], "L")
		yy += d.lineH()
	}
	bottom = max(bottom, yy)
	// The QR code carries the order reference, for scanning at the counter
	// or with a payment.
	qx := d.left + cw - qr
	if err := drawQR(d, number, qx, y, qr); err != nil {
		d.pdf.SetError(fmt.Errorf("invoice %s: %w", number, err))
	}
	bottom = max(bottom, y+qr)
	return bottom + 5
}

// dueDate is the invoice date plus the payment terms.
func (d *doc) dueDate() string {
	days := d.opts.PaymentTermsDays
	if days == 0 {
		days = 14
	}
	if days < 0 {
		return day(d.date, d.date)
	}
	return day(d.date.AddDate(0, 0, days), d.date)
}

// invoiceTail draws (or, with draw false, only measures) what follows the
// lines: the totals, the tax by rate, the payments, the balance and the
// payment terms. It returns the height it takes.
func (d *doc) invoiceTail(data *invoiceData, linesTotal int64, y float64, draw bool) float64 {
	o, sum := data.order, data.summary
	cur := o.Currency
	start := y
	y += 3
	cw := d.contentW()
	labelX, labelW := d.left+cw*0.55, cw*0.27
	valX, valW := d.left+cw*0.82, cw*0.18
	line := func(label, value string, bold bool) {
		if draw {
			d.font(bold, 9)
			d.text(labelX, y, labelW, label, "L")
			d.text(valX, y, valW, value, "R")
		}
		d.font(bold, 9)
		y += d.lineH()
	}
	orderDiscount := o.DiscountTotal
	for _, v := range ownDiscounts(o) {
		orderDiscount -= v
	}
	line("Subtotal", amount(linesTotal, cur), false)
	if orderDiscount != 0 {
		line("Order discount ("+percent(o.DiscountBps)+")", amount(-orderDiscount, cur), false)
	}
	if o.Shipping != 0 {
		line("Shipping", amount(o.Shipping, cur), false)
	}
	if !o.PricesIncludeTax {
		line("Net total", amount(o.NetTotal, cur), false)
		line("Tax", amount(o.TaxTotal, cur), false)
	}
	if draw {
		d.pdf.Line(labelX, y+0.3, d.left+cw, y+0.3)
	}
	y += 0.8
	line("Total", amount(o.Total, cur), true)
	if o.PricesIncludeTax && o.TaxTotal != 0 {
		line("Tax included", amount(o.TaxTotal, cur), false)
	}
	totalsEnd := y

	// Tax by rate, at the left beside the totals.
	y = start + 3
	tx, tw := d.left, cw*0.5
	if len(o.Rates) > 0 {
		cols := []float64{0.22, 0.26, 0.26, 0.26}
		cell := func(vals []string, bold bool) {
			if draw {
				d.font(bold, 8)
				x := tx
				for i, v := range vals {
					align := "R"
					if i == 0 {
						align = "L"
					}
					d.text(x, y, cols[i]*tw, v, align)
					x += cols[i] * tw
				}
			}
			d.font(bold, 8)
			y += d.lineH()
		}
		cell([]string{"Tax rate", "Net", "Tax", "Gross"}, true)
		for _, r := range o.Rates {
			cell([]string{percent(r.RateBps), amount(r.Net, ""), amount(r.Tax, ""), amount(r.Gross, "")}, false)
		}
	}
	y = max(y, totalsEnd) + 4

	// Payments and the balance.
	if len(data.payments) > 0 {
		if draw {
			d.font(true, 9)
			d.text(d.left, y, cw, "Payments", "L")
		}
		d.font(true, 9)
		y += d.lineH()
		for _, pay := range data.payments {
			what := pay.MethodName
			if pay.Reference != "" {
				what += " · " + pay.Reference
			}
			if pay.Amount < 0 {
				what = "Refund: " + what
				if !pay.Completed() {
					what += " (pending)"
				}
			}
			if draw {
				d.font(false, 8.5)
				d.text(d.left, y, cw*0.15, day(pay.At, d.date), "L")
				d.text(d.left+cw*0.15, y, cw*0.67, what, "L")
				d.text(valX, y, valW, amount(pay.Amount, cur), "R")
			}
			d.font(false, 8.5)
			y += d.lineH()
		}
		y += 1
	}
	if sum != nil {
		if sum.NetPaid != 0 {
			line("Paid", amount(sum.NetPaid, cur), false)
		}
		if sum.PendingRefund != 0 {
			line("Refund to pay out", amount(sum.PendingRefund, cur), false)
		}
		if sum.Overpaid > 0 {
			line("Overpaid", amount(sum.Overpaid, cur), false)
		}
		line("Balance due", amount(sum.BalanceDue, cur), true)
	}
	y += 3
	terms := d.termsLine(data)
	lines := d.wrap(terms, cw, 3)
	for _, l := range lines {
		if draw {
			d.font(false, 8.5)
			d.text(d.left, y, cw, l, "L")
		}
		d.font(false, 8.5)
		y += d.lineH()
	}
	if draw {
		d.font(false, 7.5)
		note := "Prices exclude tax."
		if o.PricesIncludeTax {
			note = "Prices include tax."
		}
		d.text(d.left, y, cw, note+" Amounts in "+cur+".", "L")
	}
	d.font(false, 7.5)
	y += d.lineH()
	return y - start
}

// termsLine is the payment terms, or why none apply.
func (d *doc) termsLine(data *invoiceData) string {
	o, sum := data.order, data.summary
	switch {
	case o.Status == order.StatusCancelled:
		return "This order was cancelled; nothing is due."
	case sum != nil && sum.BalanceDue == 0 && sum.NetPaid > 0:
		return "Paid in full. Thank you."
	case d.opts.PaymentTermsDays < 0:
		return "Payment is due on receipt. Please quote " + o.Number + " with your payment."
	}
	days := d.opts.PaymentTermsDays
	if days == 0 {
		days = 14
	}
	return fmt.Sprintf("Payment terms: %d days net, due by %s. Please quote %s with your payment.", days, d.dueDate(), o.Number)
}

// drawQR draws text as a QR code (medium error correction) in a size x
// size square at (x, y), its quiet zone included, merging each row's dark
// modules into runs.
func drawQR(d *doc, text string, x, y, size float64) error {
	q, err := qrcode.New(text, qrcode.Medium)
	if err != nil {
		return err
	}
	bits := q.Bitmap() // with a 4-module quiet zone
	n := len(bits)
	m := size / float64(n)
	d.pdf.SetFillColor(0, 0, 0)
	for r, row := range bits {
		for c := 0; c < n; {
			if !row[c] {
				c++
				continue
			}
			start := c
			for c < n && row[c] {
				c++
			}
			// A hair taller than a module, so that viewers leave no seam
			// between the rows.
			d.pdf.Rect(x+float64(start)*m, y+float64(r)*m, float64(c-start)*m, m+0.02, "F")
		}
	}
	return nil
}
