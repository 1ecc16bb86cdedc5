package docs

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"oms/internal/company"
)

// A ZPL label is 4 x 6 inches at 203 dpi (8 dots a millimetre).
const (
	zplW      = 812
	zplH      = 1218
	zplMargin = 24
)

// WriteLabelsZPL writes the labels as raw ZPL II for a 203 dpi thermal
// printer: one ^XA..^XZ format per label, 812 x 1218 dots, in the order
// given, with the same content as WriteLabels. User text goes into field
// data through ^FH hex escapes, so no character of it (^, ~, _, a newline)
// can end its field or start a command; text is UTF-8 (^CI28), which the
// printer's font must cover for non-Latin scripts.
func (p *Printer) WriteLabelsZPL(ctx context.Context, w io.Writer, labels []Label) error {
	if len(labels) == 0 {
		return fmt.Errorf("no labels to print")
	}
	c, err := p.findCompany(ctx)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(w)
	for _, l := range labels {
		if err := ctx.Err(); err != nil {
			return err
		}
		bw.WriteString(zplLabel(c, l))
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write ZPL labels: %w", err)
	}
	return nil
}

// zplEscape returns s cleaned for ^FH field data: every byte that is not
// printable ASCII, and ^ ~ _ themselves, as _XX hex.
func zplEscape(s string) string {
	var b strings.Builder
	for _, c := range []byte(clean(s)) {
		if c < ' ' || c > '~' || c == '^' || c == '~' || c == '_' || c == '\\' {
			fmt.Fprintf(&b, "_%02X", c)
			continue
		}
		b.WriteByte(c)
	}
	return b.String()
}

// zplBarcodeData returns text as Code 128 subset B field data: ^ ~ and >
// written as the invocation codes >< >= and >0. ok is false for text
// subset B cannot hold.
func zplBarcodeData(text string) (string, bool) {
	if _, err := Code128B(text); err != nil {
		return "", false
	}
	return strings.NewReplacer(">", ">0", "^", "><", "~", ">=").Replace(text), true
}

// zplWrap breaks s into at most maxLines lines of at most n characters,
// at spaces where it can; the last line is cut with "...".
func zplWrap(s string, n, maxLines int) []string {
	words := strings.Fields(clean(s))
	var lines []string
	for len(words) > 0 {
		if len(lines) == maxLines-1 {
			rest := strings.Join(words, " ")
			if utf8.RuneCountInString(rest) > n {
				r := []rune(rest)
				rest = strings.TrimRight(string(r[:max(n-3, 1)]), " ") + "..."
			}
			return append(lines, rest)
		}
		cur := words[0]
		if r := []rune(cur); len(r) > n {
			lines = append(lines, string(r[:n]))
			words[0] = string(r[n:])
			continue
		}
		k := 1
		for k < len(words) && utf8.RuneCountInString(cur)+1+utf8.RuneCountInString(words[k]) <= n {
			cur += " " + words[k]
			k++
		}
		lines = append(lines, cur)
		words = words[k:]
	}
	return lines
}

// zplFormat builds one label format.
type zplFormat struct{ b strings.Builder }

// text writes one line of s at (x, y) in the scalable font at h dots
// high, bold drawn as wider glyphs.
func (z *zplFormat) text(x, y, h int, bold bool, s string) {
	w := h * 9 / 10
	if bold {
		w = h
	}
	fmt.Fprintf(&z.b, "^FO%d,%d^A0N,%d,%d^FH^FD%s^FS\n", x, y, h, w, zplEscape(s))
}

// lines writes s wrapped to width dots; it returns the y below it.
func (z *zplFormat) lines(x, y, h int, bold bool, s string, width, maxLines int) int {
	// The scalable font's glyphs average a little over half their height.
	n := max(width*100/(h*58), 4)
	if bold {
		n = max(width*100/(h*64), 4)
	}
	for _, l := range zplWrap(s, n, maxLines) {
		z.text(x, y, h, bold, l)
		y += h * 11 / 10
	}
	return y
}

func (z *zplFormat) line(x, y, w, h int) {
	fmt.Fprintf(&z.b, "^FO%d,%d^GB%d,%d,%d^FS\n", x, y, w, h, min(w, h))
}

// zplLabel lays out one label as ZPL, the sections where the PDF has them.
func zplLabel(c *company.Company, l Label) string {
	var z zplFormat
	z.b.WriteString("^XA\n^CI28\n^PW812\n^LL1218\n^LH0,0\n")
	x0, x1 := zplMargin, zplW-zplMargin
	cw := x1 - x0
	const pad = 16
	fromBottom, shipBottom, weightBottom, trackBottom := 240, 704, 832, 1088
	fmt.Fprintf(&z.b, "^FO%d,%d^GB%d,%d,4^FS\n", x0, zplMargin, cw, zplH-2*zplMargin)
	for _, y := range []int{fromBottom, shipBottom, weightBottom, trackBottom} {
		z.line(x0, y, cw, 4)
	}
	split := x0 + cw*58/100
	z.line(split, zplMargin, 4, fromBottom-zplMargin)
	z.line(x0+cw/2, shipBottom, 4, weightBottom-shipBottom)

	// From.
	fw := split - x0 - 2*pad
	y := zplMargin + 14
	z.text(x0+pad, y, 20, true, "FROM")
	y += 28
	if c.Name != "" {
		y = z.lines(x0+pad, y, 24, true, c.Name, fw, 2)
	}
	for _, s := range fromLines(c) {
		if y+24 > fromBottom-8 {
			break
		}
		y = z.lines(x0+pad, y, 22, false, s, fw, 1)
	}

	// Carrier and service.
	sx, sw := split+4+pad, x1-split-4-2*pad
	y = zplMargin + 14
	z.text(sx, y, 20, true, "CARRIER")
	y += 28
	y = z.lines(sx, y, 30, true, l.Carrier, sw, 2)
	if code := clean(l.ServiceCode); code != "" {
		y = z.lines(sx, y, 48, true, code, sw, 1)
	}
	if y+24 <= fromBottom-8 {
		z.lines(sx, y, 22, false, l.ServiceName, sw, min(2, (fromBottom-8-y)/24))
	}

	// Ship to.
	y = fromBottom + 14
	z.text(x0+pad, y, 20, true, "SHIP TO")
	y += 30
	lines, country, phone := shipToLines(l.ShipTo)
	iw := cw - 2*pad
	if name := clean(l.ShipTo.Name); name != "" {
		y = z.lines(x0+pad, y, 48, true, name, iw, 2)
	}
	for _, s := range lines {
		if y+40 > shipBottom-80 {
			break
		}
		y = z.lines(x0+pad, y, 40, false, s, iw, 2)
	}
	if country != "" {
		y = z.lines(x0+pad, y, 42, true, country, iw, 1)
	}
	if phone != "" && y+26 <= shipBottom-8 {
		z.lines(x0+pad, y+4, 24, false, "Tel. "+phone, iw, 1)
	}

	// Weight and package.
	half := cw / 2
	y = shipBottom + 14
	z.text(x0+pad, y, 20, true, "WEIGHT")
	z.text(x0+half+pad, y, 20, true, "PACKAGE")
	// The weight as large as fits its half: a number is never cut.
	weight := weightText(l.WeightG)
	wh := 28
	for _, h := range []int{60, 48, 36} {
		if len(weight) <= (half-2*pad)*100/(h*64) {
			wh = h
			break
		}
	}
	z.text(x0+pad, y+34+(60-wh)/2, wh, true, weight)
	z.lines(x0+half+pad, y+44, 32, true, l.packageText(), half-2*pad, 1)

	// Barcode.
	text, caption := l.barcodeText()
	y = weightBottom + 14
	z.text(x0+pad, y, 20, true, strings.ToUpper(caption))
	y += 34
	if data, ok := zplBarcodeData(text); ok {
		values, _ := Code128B(text)
		modules := 2 * code128Quiet
		for _, m := range Code128Modules(values) {
			modules += m
		}
		module := max(min(4, cw/modules), 1)
		bx := x0 + (cw-module*modules)/2 + code128Quiet*module
		fmt.Fprintf(&z.b, "^FO%d,%d^BY%d^BCN,160,N,N,N^FD%s^FS\n", max(bx, x0+4), y, module, data)
	} else {
		z.lines(x0+pad, y+60, 22, false, "(this number cannot be printed as a barcode)", iw, 1)
	}
	y += 172
	shown := zplWrap(text, max(iw*100/(36*64), 4), 1)
	if len(shown) == 1 {
		fmt.Fprintf(&z.b, "^FO%d,%d^FB%d,1,0,C^A0N,36,36^FH^FD%s^FS\n", x0+pad, y, iw, zplEscape(shown[0]))
	}

	// Reference.
	y = trackBottom + 14
	ref := "Order " + clean(l.OrderNumber)
	if s := clean(l.ShipmentNumber); s != "" {
		ref += " / Shipment " + s
	}
	z.lines(x0+pad, y, 24, false, ref, iw, 2)
	z.b.WriteString("^PQ1\n^XZ\n")
	return z.b.String()
}
