package report

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"oms/internal/errs"
)

// Column kinds by header, for the type checks.
var (
	moneyHeaders = set("Unit price", "Discount", "Net", "Tax", "Gross", "Paid (order)", "Payments", "Refunds", "Refund", "Value",
		"Unit cost", "Order value", "Total bought", "On account", "Credit limit", "Store credit")
	dateHeaders = set("Day", "Date", "Last order")
	intHeaders  = set("Qty", "Orders", "Units", "Count", "Quantity", "On hand", "Reserved", "Available", "On order", "Reorder point",
		"Reorder qty", "Suggested order", "Returns", "Restocked", "Written off")
)

func set(xs ...string) map[string]bool {
	m := map[string]bool{}
	for _, x := range xs {
		m[x] = true
	}
	return m
}

// checkSheet checks what every sheet of every report has: the header, a
// frozen header row, an autofilter from A1, a totals row of SUM formulas
// last, numeric cells with number, currency and date formats where the
// header says so, and text cells as inline text, never formulas. It
// returns the rows and the totals by header (cached values).
func checkSheet(t *testing.T, f *excelize.File, sheet string, header []string) ([][]string, map[string]float64) {
	t.Helper()
	rows, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatalf("%s: %v", sheet, err)
	}
	if len(rows) == 0 {
		t.Fatalf("%s: empty", sheet)
	}
	if got := strings.Join(rows[0], "|"); got != strings.Join(header, "|") {
		t.Fatalf("%s header:\n got %s\nwant %s", sheet, got, strings.Join(header, "|"))
	}
	panes, err := f.GetPanes(sheet)
	if err != nil || !panes.Freeze || panes.YSplit != 1 || panes.TopLeftCell != "A2" {
		t.Errorf("%s: panes %+v, %v; want the header row frozen", sheet, panes, err)
	}
	lastCol, _ := excelize.ColumnNumberToName(len(header))
	foundFilter := false
	for _, dn := range f.GetDefinedName() {
		if dn.Name == "_xlnm._FilterDatabase" && dn.Scope == sheet && strings.HasPrefix(dn.RefersTo, "'"+sheet+"'!$A$1:$"+lastCol+"$") {
			foundFilter = true
		}
	}
	if !foundFilter {
		t.Errorf("%s: no autofilter over A1:%s: %+v", sheet, lastCol, f.GetDefinedName())
	}
	totals := map[string]float64{}
	if len(rows) < 3 {
		return rows, totals // no data, no totals row
	}
	last := len(rows)
	if rows[last-1][0] != "Total" {
		t.Fatalf("%s: last row %q, want the totals row", sheet, rows[last-1])
	}
	nTotals := 0
	for c := range header {
		cell, _ := excelize.CoordinatesToCellName(c+1, last)
		formula, err := f.GetCellFormula(sheet, cell)
		if err != nil {
			t.Fatal(err)
		}
		if formula == "" {
			continue
		}
		col, _ := excelize.ColumnNumberToName(c + 1)
		if want := fmt.Sprintf("SUM(%s2:%s%d)", col, col, last-1); formula != want {
			t.Errorf("%s!%s: formula %q, want %q", sheet, cell, formula, want)
		}
		v, err := strconv.ParseFloat(rows[last-1][c], 64)
		if err != nil {
			t.Errorf("%s!%s: cached total %q: %v", sheet, cell, rows[last-1][c], err)
		}
		// The formula computes what is cached.
		calc, err := f.CalcCellValue(sheet, cell, excelize.Options{RawCellValue: true})
		if cv, perr := strconv.ParseFloat(calc, 64); err != nil || perr != nil || math.Abs(cv-v) > 1e-6 {
			t.Errorf("%s!%s: calculated %q (%v), cached %v", sheet, cell, calc, err, v)
		}
		totals[header[c]] = v
		nTotals++
	}
	if nTotals == 0 {
		t.Errorf("%s: the totals row has no formula", sheet)
	}
	for r := 2; r < last; r++ {
		for c, h := range header {
			cell, _ := excelize.CoordinatesToCellName(c+1, r)
			v := ""
			if c < len(rows[r-1]) {
				v = rows[r-1][c]
			}
			if v == "" {
				continue
			}
			typ, err := f.GetCellType(sheet, cell)
			if err != nil {
				t.Fatal(err)
			}
			styleID, _ := f.GetCellStyle(sheet, cell)
			style, _ := f.GetStyle(styleID)
			numFmt := ""
			if style != nil && style.CustomNumFmt != nil {
				numFmt = *style.CustomNumFmt
			}
			switch {
			case moneyHeaders[h] || dateHeaders[h] || intHeaders[h]:
				if typ != excelize.CellTypeUnset && typ != excelize.CellTypeNumber {
					t.Errorf("%s!%s (%s) = %q: type %v, want a number", sheet, cell, h, v, typ)
				}
				if _, err := strconv.ParseFloat(v, 64); err != nil {
					t.Errorf("%s!%s (%s) = %q: not a number", sheet, cell, h, v)
				}
				switch {
				case moneyHeaders[h] && !strings.Contains(numFmt, `"EUR"`):
					t.Errorf("%s!%s (%s): format %q, want the currency's", sheet, cell, h, numFmt)
				case dateHeaders[h] && !strings.HasPrefix(numFmt, "yyyy-mm-dd"):
					t.Errorf("%s!%s (%s): format %q, want a date", sheet, cell, h, numFmt)
				case intHeaders[h] && (style == nil || style.NumFmt != 3):
					t.Errorf("%s!%s (%s): want the #,##0 format", sheet, cell, h)
				}
			default:
				if typ != excelize.CellTypeInlineString {
					t.Errorf("%s!%s (%s) = %q: type %v, want text", sheet, cell, h, v, typ)
				}
				if formula, _ := f.GetCellFormula(sheet, cell); formula != "" {
					t.Errorf("%s!%s (%s): formula %q in a text cell", sheet, cell, h, formula)
				}
			}
		}
	}
	return rows, totals
}

// near is whether a cached total equals minor units from the database.
func near(total float64, minor int64) bool { return math.Abs(total*100-float64(minor)) < 0.5 }

// hostileFound returns the hostile strings that occur as cell text.
func hostileFound(rows [][]string) map[string]bool {
	found := map[string]bool{}
	for _, r := range rows {
		for _, v := range r {
			for _, h := range append(hostile, `=cmd|' /C calc'!A0`, "@Bau KG") {
				if v == h {
					found[h] = true
				}
			}
		}
	}
	return found
}

func TestGenerator_Write(t *testing.T) {
	e := newEnv(t)
	const salesLines = `FROM orders o JOIN order_lines l ON l.order_id = o.id WHERE o.created_at >= '2026-03-01' AND o.created_at < '2026-03-04'`
	salesHead := []string{"Orders", "Units", "Net", "Tax", "Gross"}
	tests := []struct {
		name   string
		sheets []string
		heads  [][]string
		check  func(t *testing.T, f *excelize.File, data []byte, rows map[string][][]string, totals map[string]map[string]float64)
	}{
		{"sales", []string{"By day", "By product", "By customer", "By channel"},
			[][]string{append([]string{"Day"}, salesHead...), append([]string{"SKU", "Product"}, salesHead...),
				append([]string{"Customer code", "Customer"}, salesHead...), append([]string{"Channel"}, salesHead...)},
			func(t *testing.T, f *excelize.File, data []byte, rows map[string][][]string, totals map[string]map[string]float64) {
				gross := e.dbSum(t, `SELECT SUM(l.gross) `+salesLines+` AND o.status NOT IN ('draft', 'cancelled')`)
				units := e.dbSum(t, `SELECT SUM(l.quantity) `+salesLines+` AND o.status NOT IN ('draft', 'cancelled')`)
				for _, s := range []string{"By day", "By product", "By customer", "By channel"} {
					if !near(totals[s]["Gross"], gross) || totals[s]["Units"] != float64(units) {
						t.Errorf("%s: gross %v units %v, want %d %d", s, totals[s]["Gross"], totals[s]["Units"], gross, units)
					}
				}
				if len(rows["By day"]) != 1+3+1 {
					t.Errorf("by day: %d rows, want a row per day of the range", len(rows["By day"]))
				}
				if totals["By day"]["Orders"] != 4 {
					t.Errorf("orders %v, want 4", totals["By day"]["Orders"])
				}
				if !bytes.Contains(data, []byte("xl/charts/chart1.xml")) {
					t.Error("no chart in the workbook")
				}
				if found := hostileFound(rows["By product"]); len(found) != len(hostile) {
					t.Errorf("hostile product names found as text: %v", found)
				}
				if found := hostileFound(rows["By customer"]); !found[`=cmd|' /C calc'!A0`] {
					t.Errorf("hostile customer name not found as text")
				}
			}},
		{"orders", []string{"Orders"},
			[][]string{{"Order", "Date", "Status", "Channel", "Customer code", "Customer", "SKU", "Product", "Qty", "Unit price", "Discount",
				"Net", "Tax", "Gross", "Payment status", "Paid (order)", "Shipments"}},
			func(t *testing.T, f *excelize.File, data []byte, rows map[string][][]string, totals map[string]map[string]float64) {
				tot := totals["Orders"]
				for col, sum := range map[string]string{"Gross": "l.gross", "Net": "l.net", "Tax": "l.tax", "Discount": "l.discount"} {
					if want := e.dbSum(t, `SELECT SUM(`+sum+`) `+salesLines+` AND o.status <> 'draft'`); !near(tot[col], want) {
						t.Errorf("%s total %v, want %d", col, tot[col], want)
					}
				}
				paid := e.dbSum(t, `SELECT SUM(t.paid - t.refunded) FROM orders o JOIN order_payment_totals t ON t.id = o.id
					WHERE o.created_at >= '2026-03-01' AND o.created_at < '2026-03-04'`)
				if !near(tot["Paid (order)"], paid) {
					t.Errorf("paid %v, want %d", tot["Paid (order)"], paid)
				}
				if n := e.dbSum(t, `SELECT count(*) `+salesLines); int64(len(rows["Orders"])-2) != n {
					t.Errorf("%d lines, want %d", len(rows["Orders"])-2, n)
				}
				if found := hostileFound(rows["Orders"]); len(found) != len(hostile)+1 {
					t.Errorf("hostile text found: %v", found)
				}
			}},
		{"inventory", []string{"Inventory"},
			[][]string{{"Warehouse", "SKU", "Product", "On hand", "Reserved", "Available", "Unit cost", "Value"}},
			func(t *testing.T, f *excelize.File, data []byte, rows map[string][][]string, totals map[string]map[string]float64) {
				onHand := e.dbSum(t, `SELECT SUM(quantity) FROM stock_movements WHERE kind NOT IN ('reservation', 'release') AND created_at < '2026-03-04'`)
				value := e.dbSum(t, `SELECT SUM(m.quantity * p.cost) FROM stock_movements m JOIN products p ON p.id = m.product_id
					WHERE m.kind NOT IN ('reservation', 'release') AND m.created_at < '2026-03-04'`)
				if totals["Inventory"]["On hand"] != float64(onHand) || !near(totals["Inventory"]["Value"], value) {
					t.Errorf("on hand %v value %v, want %d %d", totals["Inventory"]["On hand"], totals["Inventory"]["Value"], onHand, value)
				}
			}},
		{"low-stock", []string{"Low stock"},
			[][]string{{"SKU", "Product", "On hand", "Reserved", "Available", "On order", "Reorder point", "Reorder qty", "Suggested order",
				"Unit cost", "Order value", "Supplier code", "Supplier"}},
			func(t *testing.T, f *excelize.File, data []byte, rows map[string][][]string, totals map[string]map[string]float64) {
				r := rows["Low stock"]
				if len(r) != 3 || r[1][0] != "GLUE" || r[1][11] != "ACME" || r[1][12] != "Acme Glue Works" {
					t.Fatalf("rows %q, want GLUE from ACME", r)
				}
				// 30 received, 1 sold (reserved), 5 on order: position 34
				// below 50, so max(40, 50-34) = 40.
				if r[1][8] != "40" || r[1][5] != "5" {
					t.Errorf("suggested %s on order %s, want 40 and 5", r[1][8], r[1][5])
				}
			}},
		{"movements", []string{"Movements"},
			[][]string{{"Date", "Kind", "Warehouse", "Bin", "SKU", "Product", "Quantity", "Unit cost", "Reason", "Reference", "User"}},
			func(t *testing.T, f *excelize.File, data []byte, rows map[string][][]string, totals map[string]map[string]float64) {
				q := e.dbSum(t, `SELECT SUM(quantity) FROM stock_movements WHERE created_at >= '2026-03-01' AND created_at < '2026-03-04'`)
				n := e.dbSum(t, `SELECT count(*) FROM stock_movements WHERE created_at >= '2026-03-01' AND created_at < '2026-03-04'`)
				if totals["Movements"]["Quantity"] != float64(q) || int64(len(rows["Movements"])-2) != n {
					t.Errorf("quantity %v rows %d, want %d %d", totals["Movements"]["Quantity"], len(rows["Movements"])-2, q, n)
				}
			}},
		{"customers", []string{"Customers"},
			[][]string{{"Code", "Name", "Company", "Email", "Phone", "Group", "Active", "Orders", "Total bought", "Last order", "On account",
				"Credit limit", "Store credit"}},
			func(t *testing.T, f *excelize.File, data []byte, rows map[string][][]string, totals map[string]map[string]float64) {
				bought := e.dbSum(t, `SELECT SUM(total) FROM orders WHERE created_at >= '2026-03-01' AND created_at < '2026-03-04'
					AND customer_id IS NOT NULL AND status NOT IN ('draft', 'cancelled')`)
				if !near(totals["Customers"]["Total bought"], bought) || totals["Customers"]["Orders"] != 3 {
					t.Errorf("bought %v orders %v, want %d 3", totals["Customers"]["Total bought"], totals["Customers"]["Orders"], bought)
				}
				if found := hostileFound(rows["Customers"]); !found[`=cmd|' /C calc'!A0`] || !found["@Bau KG"] {
					t.Errorf("hostile customer text found: %v", found)
				}
			}},
		{"payments", []string{"By method and day", "By method", "Payments"},
			[][]string{{"Day", "Method", "Count", "Payments", "Refunds", "Net"}, {"Method", "Count", "Payments", "Refunds", "Net"},
				{"Date", "Order", "Method", "Type", "Payments", "Refunds", "Reference", "User"}},
			func(t *testing.T, f *excelize.File, data []byte, rows map[string][][]string, totals map[string]map[string]float64) {
				// The end-of-day report of the drawer that took them all.
				d := e.drawer
				for _, s := range []string{"By method and day", "By method"} {
					if !near(totals[s]["Payments"], d.Payments) || !near(totals[s]["Refunds"], d.Refunds) || !near(totals[s]["Net"], d.Net) {
						t.Errorf("%s: %v, want the drawer's payments %d refunds %d net %d", s, totals[s], d.Payments, d.Refunds, d.Net)
					}
				}
				byMethod := map[string][]string{}
				for _, r := range rows["By method"][1:] {
					byMethod[r[0]] = r
				}
				for _, m := range d.Methods {
					if m.Count == 0 {
						continue
					}
					r := byMethod[m.MethodName]
					p, _ := strconv.ParseFloat(r[2], 64)
					rf, _ := strconv.ParseFloat(r[3], 64)
					if r == nil || r[1] != strconv.FormatInt(m.Count, 10) || !near(p, m.Payments) || !near(rf, m.Refunds) {
						t.Errorf("%s: %q, want the drawer's %+v", m.MethodName, r, m)
					}
				}
				if d.Refunds == 0 {
					t.Error("the return refunded nothing: the test misses refunds")
				}
				paidOut := false
				for _, r := range rows["Payments"] {
					paidOut = paidOut || r[3] == "refund paid out"
				}
				if !paidOut {
					t.Error("the cancelled order's refund paid out of the drawer is not listed")
				}
			}},
		{"returns", []string{"By reason", "By product", "Returned lines"},
			[][]string{{"Reason", "Returns", "Units", "Restocked", "Written off", "Refund"},
				{"SKU", "Product", "Returns", "Units", "Restocked", "Written off", "Refund"},
				{"Date", "Return", "Order", "Customer", "SKU", "Product", "Qty", "Disposition", "Warehouse", "Reason", "Refund method", "Refund"}},
			func(t *testing.T, f *excelize.File, data []byte, rows map[string][][]string, totals map[string]map[string]float64) {
				refund := e.dbSum(t, `SELECT SUM(refund) FROM return_lines`)
				for _, s := range []string{"By reason", "By product", "Returned lines"} {
					if !near(totals[s]["Refund"], refund) || refund == 0 {
						t.Errorf("%s: refund %v, want %d", s, totals[s]["Refund"], refund)
					}
				}
				if totals["By product"]["Restocked"] != 1 || totals["By product"]["Written off"] != 1 {
					t.Errorf("by product: %v", totals["By product"])
				}
				if found := hostileFound(rows["Returned lines"]); !found[hostile[3]] {
					t.Errorf("hostile product in a returned line not found as text: %v", found)
				}
			}},
	}
	if len(tests) != len(Reports()) {
		t.Fatalf("%d reports tested, %d exist", len(tests), len(Reports()))
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f, data, sum := e.write(t, tc.name, e.params())
			if got := strings.Join(f.GetSheetList(), "|"); got != strings.Join(tc.sheets, "|") {
				t.Fatalf("sheets %s, want %s", got, strings.Join(tc.sheets, "|"))
			}
			if strings.Join(sum.Sheets, "|") != strings.Join(tc.sheets, "|") {
				t.Errorf("summary sheets %v", sum.Sheets)
			}
			rows := map[string][][]string{}
			totals := map[string]map[string]float64{}
			for i, s := range tc.sheets {
				rows[s], totals[s] = checkSheet(t, f, s, tc.heads[i])
			}
			for name, x := range sheetXML(t, data) {
				if !strings.Contains(x, `<autoFilter ref="$A$1:`) || !strings.Contains(x, `state="frozen"`) {
					t.Errorf("%s: no autofilter or frozen pane in the sheet's XML", name)
				}
				if i := strings.Index(x, `<cols><col min="1" `); i < 0 {
					t.Errorf("%s: columns not in ascending order: %.200s", name, x[strings.Index(x, "<cols>"):])
				}
			}
			tc.check(t, f, data, rows, totals)
		})
	}
}

func TestGenerator_Write_Filters(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	tests := []struct {
		name  string
		codes Codes
		sheet string
		want  func(rows [][]string) error
	}{
		{"orders", Codes{Product: "BOLT"}, "Orders", func(rows [][]string) error {
			for _, r := range rows[1 : len(rows)-1] {
				if r[6] != "BOLT" {
					return fmt.Errorf("line of %s", r[6])
				}
			}
			if len(rows) != 2+3 {
				return fmt.Errorf("%d rows, want 3 lines", len(rows)-2)
			}
			return nil
		}},
		{"customers", Codes{Customer: "C-ANNA"}, "Customers", func(rows [][]string) error {
			if len(rows) != 3 || rows[1][0] != "C-ANNA" {
				return fmt.Errorf("rows %q", rows)
			}
			return nil
		}},
		{"sales", Codes{Warehouse: "MAIN", Customer: "C-EVIL"}, "By customer", func(rows [][]string) error {
			if len(rows) != 3 || rows[1][0] != "C-EVIL" {
				return fmt.Errorf("rows %q", rows)
			}
			return nil
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := e.params()
			if err := e.gen.Resolve(ctx, &p, tc.codes); err != nil {
				t.Fatal(err)
			}
			f, _, _ := e.write(t, tc.name, p)
			rows, err := f.GetRows(tc.sheet)
			if err != nil {
				t.Fatal(err)
			}
			if err := tc.want(rows); err != nil {
				t.Error(err)
			}
		})
	}
	p := e.params()
	if err := e.gen.Resolve(ctx, &p, Codes{Product: "NOPE"}); errs.Code(err) != errs.ENOTFOUND || errs.Field(err) != "product" {
		t.Errorf("unknown SKU: %v", err)
	}
}

func TestGenerator_Write_Invalid(t *testing.T) {
	e := newEnv(t)
	tests := []struct {
		name, report string
		p            Params
		field        string
	}{
		{"UnknownReport", "bogus", e.params(), "name"},
		{"NoFrom", "sales", Params{To: e.to}, "from"},
		{"NoTo", "sales", Params{From: e.from}, "to"},
		{"ToBeforeFrom", "sales", Params{From: e.to, To: e.from}, "to"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var buf bytes.Buffer
			_, err := e.gen.Write(context.Background(), tc.report, &buf, tc.p)
			if errs.Code(err) != errs.EINVALID || errs.Field(err) != tc.field {
				t.Errorf("err %v, want EINVALID on %s", err, tc.field)
			}
			if buf.Len() != 0 {
				t.Error("something was written")
			}
		})
	}
}

// A cancelled context stops the row loop and nothing is written.
func TestGenerator_Write_Cancelled(t *testing.T) {
	e := newEnv(t)
	defer func(n int64) { progressEvery = n }(progressEvery)
	progressEvery = 1
	for _, name := range []string{"orders", "movements"} {
		t.Run(name, func(t *testing.T) {
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			var calls int
			p := e.params()
			p.Progress = func(done, total int64) {
				calls++
				if done == 2 {
					cancel()
				}
			}
			var buf bytes.Buffer
			_, err := e.gen.Write(ctx, name, &buf, p)
			if !errors.Is(err, context.Canceled) {
				t.Fatalf("err %v, want context.Canceled", err)
			}
			if buf.Len() != 0 {
				t.Errorf("%d bytes written", buf.Len())
			}
			if calls != 2 {
				t.Errorf("%d progress calls after the cancel at 2, want it to stop at once", calls)
			}
		})
	}
}

// Past the row limit a sheet continues on "Name (2)" with the header
// repeated, each sheet with its own totals.
func TestGenerator_Write_Overflow(t *testing.T) {
	e := newEnv(t)
	defer func(n int) { maxRows = n }(maxRows)
	maxRows = 10 // header, 8 lines, totals
	f, _, sum := e.write(t, "orders", e.params())
	lines := e.dbSum(t, `SELECT count(*) FROM orders o JOIN order_lines l ON l.order_id = o.id
		WHERE o.created_at >= '2026-03-01' AND o.created_at < '2026-03-04' AND o.status <> 'draft'`)
	units := e.dbSum(t, `SELECT SUM(l.quantity) FROM orders o JOIN order_lines l ON l.order_id = o.id
		WHERE o.created_at >= '2026-03-01' AND o.created_at < '2026-03-04' AND o.status <> 'draft'`)
	want := []string{"Orders", "Orders (2)"}
	if got := f.GetSheetList(); strings.Join(got, "|") != strings.Join(want, "|") || lines <= 8 || lines > 16 {
		t.Fatalf("sheets %v for %d lines, want %v", got, lines, want)
	}
	head := []string{"Order", "Date", "Status", "Channel", "Customer code", "Customer", "SKU", "Product", "Qty", "Unit price", "Discount",
		"Net", "Tax", "Gross", "Payment status", "Paid (order)", "Shipments"}
	r1, t1 := checkSheet(t, f, "Orders", head)
	r2, t2 := checkSheet(t, f, "Orders (2)", head)
	if len(r1) != 10 || int64(len(r1)-2+len(r2)-2) != lines || sum.Rows != lines {
		t.Errorf("rows %d + %d (summary %d), want 10 and %d lines in all", len(r1), len(r2), sum.Rows, lines)
	}
	if t1["Qty"]+t2["Qty"] != float64(units) {
		t.Errorf("qty %v + %v, want %d", t1["Qty"], t2["Qty"], units)
	}
}

// Reports are named for the CLI and the app; every one has a title.
func TestReports(t *testing.T) {
	seen := map[string]bool{}
	for _, r := range Reports() {
		if r.Name == "" || r.Title == "" || r.Description == "" || r.write == nil || seen[r.Name] {
			t.Errorf("report %+v", r)
		}
		seen[r.Name] = true
		if _, err := Find(strings.ToUpper(r.Name)); err != nil {
			t.Errorf("find %s: %v", r.Name, err)
		}
	}
}

// Text that starts like a formula, or with a tab or carriage return, comes
// back as the same text in a text cell, never a formula; control
// characters XML cannot hold are dropped.
func TestSheet_TextIsNeverAFormula(t *testing.T) {
	b, err := newBook(context.Background(), "EUR", 2, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer b.f.Close()
	s, err := b.newSheet("Text", []column{{"Text", kText, 20, false}, {"Value", kMoney, 12, true}})
	if err != nil {
		t.Fatal(err)
	}
	values := append(append([]string{}, hostile...), "\tTabbed", "\r=CR", "\t=1+1", "=1+1", "bell\a=x")
	for _, v := range values {
		if err := s.add(v, int64(150)); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.finish(); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := b.f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	checkSheet(t, f, "Text", []string{"Text", "Value"})
	for i, v := range values {
		cell := fmt.Sprintf("A%d", i+2)
		got, _ := f.GetCellValue("Text", cell)
		want := strings.ReplaceAll(v, "\a", "")
		if got != want {
			t.Errorf("%s = %q, want %q", cell, got, want)
		}
		if typ, _ := f.GetCellType("Text", cell); typ != excelize.CellTypeInlineString {
			t.Errorf("%s: type %v, want text", cell, typ)
		}
		if formula, _ := f.GetCellFormula("Text", cell); formula != "" {
			t.Errorf("%s: formula %q", cell, formula)
		}
	}
}
