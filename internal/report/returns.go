package report

import (
	"fmt"
)

// returnsWhere selects the returned lines of the range with the filters
// (the warehouse is the one the goods came back to); arguments:
// q.salesArgs().
const returnsWhere = `r.created_at >= ? AND r.created_at < ? AND (? = '' OR rl.warehouse_id = ?)
	AND (? = '' OR r.customer_id = ?) AND (? = '' OR rl.product_id = ?)`

var returnCols = []column{
	{"Returns", kInt, 9, true}, {"Units", kInt, 9, true}, {"Restocked", kInt, 11, true}, {"Written off", kInt, 11, true},
	{"Refund", kMoney, 15, true},
}

func (g *Generator) returns(b *book, q query) error {
	ctx := b.ctx
	groups := []struct {
		sheet string
		cols  []column
		sql   string
	}{
		{"By reason", []column{{"Reason", kText, 40, false}},
			`SELECT r.reason, count(DISTINCT r.id), SUM(rl.quantity),
				SUM(CASE WHEN rl.disposition = 'restock' THEN rl.quantity ELSE 0 END),
				SUM(CASE WHEN rl.disposition = 'write_off' THEN rl.quantity ELSE 0 END), SUM(rl.refund)
			FROM returns r JOIN return_lines rl ON rl.return_id = r.id WHERE ` + returnsWhere + `
			GROUP BY r.reason ORDER BY SUM(rl.quantity) DESC, r.reason`},
		{"By product", []column{{"SKU", kText, 16, false}, {"Product", kText, 36, false}},
			`SELECT COALESCE(p.sku, MAX(rl.sku)), COALESCE(p.name, MAX(rl.name)), count(DISTINCT r.id), SUM(rl.quantity),
				SUM(CASE WHEN rl.disposition = 'restock' THEN rl.quantity ELSE 0 END),
				SUM(CASE WHEN rl.disposition = 'write_off' THEN rl.quantity ELSE 0 END), SUM(rl.refund)
			FROM returns r JOIN return_lines rl ON rl.return_id = r.id LEFT JOIN products p ON p.id = rl.product_id
			WHERE ` + returnsWhere + ` GROUP BY rl.product_id ORDER BY SUM(rl.quantity) DESC, 1`},
	}
	for _, grp := range groups {
		s, err := b.newSheet(grp.sheet, append(append([]column{}, grp.cols...), returnCols...))
		if err != nil {
			return err
		}
		rows, err := b.db.QueryContext(ctx, grp.sql, q.salesArgs()...)
		if err != nil {
			return fmt.Errorf("returns %s: %w", grp.sheet, err)
		}
		for rows.Next() {
			keys := make([]string, len(grp.cols))
			var n, units, restocked, writtenOff, refund int64
			dst := []any{}
			for i := range keys {
				dst = append(dst, &keys[i])
			}
			if err := rows.Scan(append(dst, &n, &units, &restocked, &writtenOff, &refund)...); err != nil {
				rows.Close()
				return fmt.Errorf("returns %s: %w", grp.sheet, err)
			}
			vals := []any{}
			for _, k := range keys {
				vals = append(vals, k)
			}
			if err := s.add(append(vals, n, units, restocked, writtenOff, refund)...); err != nil {
				rows.Close()
				return err
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return fmt.Errorf("returns %s: %w", grp.sheet, err)
		}
		if err := s.finish(); err != nil {
			return err
		}
	}

	s, err := b.newSheet("Returned lines", []column{
		{"Date", kDateTime, 17, false}, {"Return", kText, 14, false}, {"Order", kText, 14, false}, {"Customer", kText, 28, false},
		{"SKU", kText, 16, false}, {"Product", kText, 36, false}, {"Qty", kInt, 8, true}, {"Disposition", kText, 12, false},
		{"Warehouse", kText, 11, false}, {"Reason", kText, 32, false}, {"Refund method", kText, 14, false}, {"Refund", kMoney, 14, true},
	})
	if err != nil {
		return err
	}
	rows, err := b.db.QueryContext(ctx, `SELECT r.created_at, r.number, COALESCE(o.number, ''), COALESCE(c.name, ''),
			rl.sku, rl.name, rl.quantity, rl.disposition, COALESCE(w.code, ''), r.reason, r.refund_method, rl.refund
		FROM returns r JOIN return_lines rl ON rl.return_id = r.id
		LEFT JOIN orders o ON o.id = r.order_id LEFT JOIN customers c ON c.id = r.customer_id
		LEFT JOIN warehouses w ON w.id = rl.warehouse_id
		WHERE `+returnsWhere+` ORDER BY r.created_at, r.id, rl.line_no`, q.salesArgs()...)
	if err != nil {
		return fmt.Errorf("returned lines: %w", err)
	}
	defer rows.Close()
	var at, number, orderNo, cust, sku, name, disp, wh, reason, method string
	var qty, refund int64
	for rows.Next() {
		if err := rows.Scan(&at, &number, &orderNo, &cust, &sku, &name, &qty, &disp, &wh, &reason, &method, &refund); err != nil {
			return fmt.Errorf("returned lines: %w", err)
		}
		if err := s.add(parseTime(at), number, orderNo, cust, sku, name, qty, disp, wh, reason, method, refund); err != nil {
			return err
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("returned lines: %w", err)
	}
	return s.finish()
}
