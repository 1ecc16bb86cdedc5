package report

import (
	"fmt"
)

// customers writes the customers (erased ones left out) with what they
// bought in the range: orders and their totals (confirmed and not
// cancelled, shipping included), the last order up to the range's end,
// and today's balances as the order package counts them: on account, the
// sum of the on-account payments of their orders (what its credit check
// adds up), and store credit in the company currency.
func (g *Generator) customers(b *book, q query) error {
	ctx := b.ctx
	b.total = b.count(`SELECT count(*) FROM customers WHERE erased_at = '' AND (? = '' OR id = ?)`, q.customerID, q.customerID)
	s, err := b.newSheet("Customers", []column{
		{"Code", kText, 12, false}, {"Name", kText, 28, false}, {"Company", kText, 26, false}, {"Email", kText, 28, false},
		{"Phone", kText, 16, false}, {"Group", kText, 12, false}, {"Active", kText, 8, false},
		{"Orders", kInt, 9, true}, {"Total bought", kMoney, 16, true}, {"Last order", kDate, 12, false},
		{"On account", kMoney, 15, true}, {"Credit limit", kMoney, 15, false}, {"Store credit", kMoney, 15, true},
	})
	if err != nil {
		return err
	}
	rows, err := b.db.QueryContext(ctx, `SELECT c.code, c.name, c.company, c.email, c.phone, c.customer_group, c.active,
			COALESCE(o.n, 0), COALESCE(o.total, 0), COALESCE(lo.last, ''), COALESCE(a.amount, 0), c.credit_limit, COALESCE(sc.amount, 0)
		FROM customers c
		LEFT JOIN (SELECT customer_id, count(*) AS n, SUM(total) AS total FROM orders
			WHERE created_at >= ? AND created_at < ? AND status NOT IN ('draft', 'cancelled') AND customer_id IS NOT NULL
			GROUP BY customer_id) o ON o.customer_id = c.id
		LEFT JOIN (SELECT customer_id, MAX(created_at) AS last FROM orders
			WHERE created_at < ? AND status NOT IN ('draft', 'cancelled') AND customer_id IS NOT NULL GROUP BY customer_id) lo ON lo.customer_id = c.id
		LEFT JOIN (SELECT o.customer_id, SUM(p.amount) AS amount FROM payments p JOIN orders o ON o.id = p.order_id
			WHERE p.method_kind = 'account' AND o.customer_id IS NOT NULL GROUP BY o.customer_id) a ON a.customer_id = c.id
		LEFT JOIN (SELECT customer_id, SUM(amount) AS amount FROM store_credits WHERE currency = ? GROUP BY customer_id) sc ON sc.customer_id = c.id
		WHERE c.erased_at = '' AND (? = '' OR c.id = ?)
		ORDER BY c.name COLLATE NOCASE, c.code`, q.from, q.to, q.to, b.currency, q.customerID, q.customerID)
	if err != nil {
		return fmt.Errorf("customers: %w", err)
	}
	defer rows.Close()
	var code, name, comp, email, phone, group, last string
	var active bool
	var n, total, account, limit, credit int64
	for rows.Next() {
		if err := rows.Scan(&code, &name, &comp, &email, &phone, &group, &active, &n, &total, &last, &account, &limit, &credit); err != nil {
			return fmt.Errorf("customers: %w", err)
		}
		act := "yes"
		if !active {
			act = "no"
		}
		var lastDay any
		if t := parseTime(last); !t.IsZero() {
			lastDay = t
		}
		if err := s.add(code, name, comp, email, phone, group, act, n, total, lastDay, account, limit, credit); err != nil {
			return err
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("customers: %w", err)
	}
	return s.finish()
}
