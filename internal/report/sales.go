package report

import (
	"fmt"
	"time"

	"github.com/xuri/excelize/v2"
)

// salesWhere selects the order lines that are sales: of orders created in
// the range that were confirmed and not cancelled, with the filters. Its
// arguments are q.salesArgs().
const salesWhere = `o.created_at >= ? AND o.created_at < ? AND o.status NOT IN ('draft', 'cancelled')
	AND (? = '' OR o.warehouse_id = ?) AND (? = '' OR o.customer_id = ?) AND (? = '' OR l.product_id = ?)`

func (q query) salesArgs() []any {
	return []any{q.from, q.to, q.warehouseID, q.warehouseID, q.customerID, q.customerID, q.productID, q.productID}
}

// salesCols are the figures every sales sheet ends with.
var salesCols = []column{
	{"Orders", kInt, 10, true}, {"Units", kInt, 10, true},
	{"Net", kMoney, 16, true}, {"Tax", kMoney, 14, true}, {"Gross", kMoney, 16, true},
}

func (g *Generator) sales(b *book, q query) error {
	ctx := b.ctx
	// By day: every day of the range, the days without sales as zeros, so
	// the chart's line has no gaps.
	day, err := b.newSheet("By day", append([]column{{"Day", kDate, 12, false}}, salesCols...))
	if err != nil {
		return err
	}
	day.chart = func(sheet string, last int) *excelize.Chart {
		return &excelize.Chart{Type: excelize.Line,
			Series: []excelize.ChartSeries{{Name: fmt.Sprintf("'%s'!$F$1", sheet),
				Categories: fmt.Sprintf("'%s'!$A$2:$A$%d", sheet, last), Values: fmt.Sprintf("'%s'!$F$2:$F$%d", sheet, last)}},
			Title:     excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: "Sales per day (gross)"}}},
			Legend:    excelize.ChartLegend{Position: "none"},
			Dimension: excelize.ChartDimension{Width: 720, Height: 320},
		}
	}
	rows, err := b.db.QueryContext(ctx, `SELECT substr(o.created_at, 1, 10), count(DISTINCT o.id), SUM(l.quantity),
			SUM(l.net), SUM(l.tax), SUM(l.gross)
		FROM orders o JOIN order_lines l ON l.order_id = o.id WHERE `+salesWhere+` GROUP BY 1 ORDER BY 1`, q.salesArgs()...)
	if err != nil {
		return fmt.Errorf("sales by day: %w", err)
	}
	type fig struct{ orders, units, net, tax, gross int64 }
	byDay := map[string]fig{}
	for rows.Next() {
		var d string
		var f fig
		if err := rows.Scan(&d, &f.orders, &f.units, &f.net, &f.tax, &f.gross); err != nil {
			rows.Close()
			return fmt.Errorf("sales by day: %w", err)
		}
		byDay[d] = f
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("sales by day: %w", err)
	}
	for d := q.fromDay; !d.After(q.toDay); d = d.AddDate(0, 0, 1) {
		f := byDay[d.Format(time.DateOnly)]
		if err := day.add(d, f.orders, f.units, f.net, f.tax, f.gross); err != nil {
			return err
		}
	}
	if err := day.finish(); err != nil {
		return err
	}

	groups := []struct {
		sheet string
		cols  []column
		sql   string
	}{
		{"By product", []column{{"SKU", kText, 16, false}, {"Product", kText, 40, false}},
			`SELECT COALESCE(p.sku, MAX(l.sku)), COALESCE(p.name, MAX(l.name)), count(DISTINCT o.id), SUM(l.quantity),
				SUM(l.net), SUM(l.tax), SUM(l.gross)
			FROM orders o JOIN order_lines l ON l.order_id = o.id LEFT JOIN products p ON p.id = l.product_id
			WHERE ` + salesWhere + ` GROUP BY l.product_id ORDER BY SUM(l.gross) DESC, 1`},
		{"By customer", []column{{"Customer code", kText, 14, false}, {"Customer", kText, 32, false}},
			`SELECT COALESCE(c.code, ''), CASE WHEN o.customer_id IS NULL THEN 'Walk-in' ELSE COALESCE(c.name, '') END,
				count(DISTINCT o.id), SUM(l.quantity), SUM(l.net), SUM(l.tax), SUM(l.gross)
			FROM orders o JOIN order_lines l ON l.order_id = o.id LEFT JOIN customers c ON c.id = o.customer_id
			WHERE ` + salesWhere + ` GROUP BY o.customer_id ORDER BY SUM(l.gross) DESC, 1`},
		{"By channel", []column{{"Channel", kText, 14, false}},
			`SELECT o.channel, count(DISTINCT o.id), SUM(l.quantity), SUM(l.net), SUM(l.tax), SUM(l.gross)
			FROM orders o JOIN order_lines l ON l.order_id = o.id
			WHERE ` + salesWhere + ` GROUP BY o.channel ORDER BY SUM(l.gross) DESC, 1`},
	}
	for _, grp := range groups {
		s, err := b.newSheet(grp.sheet, append(append([]column{}, grp.cols...), salesCols...))
		if err != nil {
			return err
		}
		rows, err := b.db.QueryContext(ctx, grp.sql, q.salesArgs()...)
		if err != nil {
			return fmt.Errorf("sales %s: %w", grp.sheet, err)
		}
		for rows.Next() {
			keys := make([]string, len(grp.cols))
			var f fig
			dst := []any{}
			for i := range keys {
				dst = append(dst, &keys[i])
			}
			dst = append(dst, &f.orders, &f.units, &f.net, &f.tax, &f.gross)
			if err := rows.Scan(dst...); err != nil {
				rows.Close()
				return fmt.Errorf("sales %s: %w", grp.sheet, err)
			}
			vals := []any{}
			for _, k := range keys {
				vals = append(vals, k)
			}
			if err := s.add(append(vals, f.orders, f.units, f.net, f.tax, f.gross)...); err != nil {
				rows.Close()
				return err
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return fmt.Errorf("sales %s: %w", grp.sheet, err)
		}
		if err := s.finish(); err != nil {
			return err
		}
	}
	return nil
}
