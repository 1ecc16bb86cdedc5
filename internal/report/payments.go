package report

import (
	"fmt"
)

// paymentMoves are the money movements of the range as the end-of-day cash
// report (order.EndOfDayReport) counts them: completed payments (a
// positive amount is a payment, a negative one a refund) on the day they
// were taken, and pending refunds on the day they were paid out (their
// settlement). Columns: day, method id, method name, kind, payments,
// refunds (positive), the time, the order's number, reference, status and
// user. Arguments: q.paymentArgs().
const paymentMoves = `SELECT p.at AS at, p.method_id AS method_id, p.method_name AS method_name, p.method_kind AS method_kind,
		CASE WHEN p.amount > 0 THEN p.amount ELSE 0 END AS paid, CASE WHEN p.amount < 0 THEN -p.amount ELSE 0 END AS refunded,
		o.number AS number, p.reference AS reference, CASE WHEN p.amount > 0 THEN 'payment' ELSE 'refund' END AS what, p.user_name AS user_name
	FROM payments p JOIN orders o ON o.id = p.order_id
	WHERE p.status = 'completed' AND p.at >= ? AND p.at < ? AND (? = '' OR o.warehouse_id = ?) AND (? = '' OR o.customer_id = ?)
	UNION ALL
	SELECT s.at, p.method_id, p.method_name, p.method_kind, 0, -p.amount, o.number, s.reference, 'refund paid out', s.user_name
	FROM payment_settlements s JOIN payments p ON p.id = s.payment_id JOIN orders o ON o.id = p.order_id
	WHERE s.at >= ? AND s.at < ? AND (? = '' OR o.warehouse_id = ?) AND (? = '' OR o.customer_id = ?)`

func (q query) paymentArgs() []any {
	a := []any{q.from, q.to, q.warehouseID, q.warehouseID, q.customerID, q.customerID}
	return append(a, a...)
}

var payCols = []column{{"Count", kInt, 9, true}, {"Payments", kMoney, 16, true}, {"Refunds", kMoney, 16, true}, {"Net", kMoney, 16, true}}

func (g *Generator) payments(b *book, q query) error {
	ctx := b.ctx
	groups := []struct {
		sheet string
		cols  []column
		sql   string
	}{
		{"By method and day", []column{{"Day", kDate, 12, false}, {"Method", kText, 18, false}},
			`SELECT substr(m.at, 1, 10) || 'T00:00:00.000Z', MAX(m.method_name), count(*), SUM(m.paid), SUM(m.refunded)
			FROM (` + paymentMoves + `) m LEFT JOIN payment_methods pm ON pm.id = m.method_id
			GROUP BY substr(m.at, 1, 10), m.method_id ORDER BY 1, MAX(COALESCE(pm.sort, 0)), m.method_id`},
		{"By method", []column{{"Method", kText, 18, false}},
			`SELECT MAX(m.method_name), count(*), SUM(m.paid), SUM(m.refunded)
			FROM (` + paymentMoves + `) m LEFT JOIN payment_methods pm ON pm.id = m.method_id
			GROUP BY m.method_id ORDER BY MAX(COALESCE(pm.sort, 0)), m.method_id`},
	}
	for _, grp := range groups {
		s, err := b.newSheet(grp.sheet, append(append([]column{}, grp.cols...), payCols...))
		if err != nil {
			return err
		}
		rows, err := b.db.QueryContext(ctx, grp.sql, q.paymentArgs()...)
		if err != nil {
			return fmt.Errorf("payments %s: %w", grp.sheet, err)
		}
		for rows.Next() {
			var day, method string
			var n, paid, refunded int64
			dst := []any{&method, &n, &paid, &refunded}
			if len(grp.cols) == 2 {
				dst = append([]any{&day}, dst...)
			}
			if err := rows.Scan(dst...); err != nil {
				rows.Close()
				return fmt.Errorf("payments %s: %w", grp.sheet, err)
			}
			vals := []any{method, n, paid, refunded, paid - refunded}
			if len(grp.cols) == 2 {
				vals = append([]any{parseTime(day)}, vals...)
			}
			if err := s.add(vals...); err != nil {
				rows.Close()
				return err
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return fmt.Errorf("payments %s: %w", grp.sheet, err)
		}
		if err := s.finish(); err != nil {
			return err
		}
	}

	s, err := b.newSheet("Payments", []column{
		{"Date", kDateTime, 17, false}, {"Order", kText, 14, false}, {"Method", kText, 18, false}, {"Type", kText, 15, false},
		{"Payments", kMoney, 15, true}, {"Refunds", kMoney, 15, true}, {"Reference", kText, 20, false}, {"User", kText, 14, false},
	})
	if err != nil {
		return err
	}
	rows, err := b.db.QueryContext(ctx, `SELECT m.at, m.number, m.method_name, m.what, m.paid, m.refunded, m.reference, m.user_name
		FROM (`+paymentMoves+`) m ORDER BY m.at, m.number`, q.paymentArgs()...)
	if err != nil {
		return fmt.Errorf("payments: %w", err)
	}
	defer rows.Close()
	var at, number, method, what, ref, user string
	var paid, refunded int64
	for rows.Next() {
		if err := rows.Scan(&at, &number, &method, &what, &paid, &refunded, &ref, &user); err != nil {
			return fmt.Errorf("payments: %w", err)
		}
		if err := s.add(parseTime(at), number, method, what, paid, refunded, ref, user); err != nil {
			return err
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("payments: %w", err)
	}
	return s.finish()
}
