package report

import (
	"database/sql"
	"fmt"
)

// ordersWhere selects the lines of the orders created in the range, drafts
// left out, with the filters; its arguments are q.salesArgs().
const ordersWhere = `o.created_at >= ? AND o.created_at < ? AND o.status <> 'draft'
	AND (? = '' OR o.warehouse_id = ?) AND (? = '' OR o.customer_id = ?) AND (? = '' OR l.product_id = ?)`

// orders writes one row per order line. The order's payment (what was
// paid less refunds) is on its first line only, so that the column sums
// to what the orders were paid.
func (g *Generator) orders(b *book, q query) error {
	ctx := b.ctx
	b.total = b.count(`SELECT count(*) FROM orders o JOIN order_lines l ON l.order_id = o.id WHERE `+ordersWhere, q.salesArgs()...)
	s, err := b.newSheet("Orders", []column{
		{"Order", kText, 14, false}, {"Date", kDateTime, 17, false}, {"Status", kText, 11, false}, {"Channel", kText, 9, false},
		{"Customer code", kText, 14, false}, {"Customer", kText, 28, false}, {"SKU", kText, 16, false}, {"Product", kText, 36, false},
		{"Qty", kInt, 8, true}, {"Unit price", kMoney, 14, false}, {"Discount", kMoney, 13, true}, {"Net", kMoney, 14, true},
		{"Tax", kMoney, 13, true}, {"Gross", kMoney, 14, true}, {"Payment status", kText, 14, false},
		{"Paid (order)", kMoney, 14, true}, {"Shipments", kText, 30, false},
	})
	if err != nil {
		return err
	}
	rows, err := b.db.QueryContext(ctx, `SELECT o.id, o.number, o.created_at, o.status, o.channel, COALESCE(c.code, ''),
			CASE WHEN o.customer_id IS NULL THEN 'Walk-in' ELSE COALESCE(c.name, '') END,
			l.sku, l.name, l.quantity, l.unit_price, l.discount, l.net, l.tax, l.gross,
			COALESCE(ps.payment_status, 'unpaid'), COALESCE(t.paid - t.refunded, 0),
			(SELECT group_concat(sh.number || CASE WHEN sh.tracking_number <> '' THEN ' ' || sh.carrier_name || ' ' || sh.tracking_number ELSE '' END, ', ')
				FROM shipment_lines sl JOIN shipments sh ON sh.id = sl.shipment_id WHERE sl.order_line_id = l.id)
		FROM orders o JOIN order_lines l ON l.order_id = o.id
		LEFT JOIN customers c ON c.id = o.customer_id
		LEFT JOIN order_payment_status ps ON ps.id = o.id
		LEFT JOIN order_payment_totals t ON t.id = o.id
		WHERE `+ordersWhere+` ORDER BY o.created_at, o.id, l.line_no`, q.salesArgs()...)
	if err != nil {
		return fmt.Errorf("order lines: %w", err)
	}
	defer rows.Close()
	type line struct {
		id, number, created, status, channel, code, name, sku, product, payStatus string
		qty, price, discount, net, tax, gross, paid                               int64
		ships                                                                     sql.NullString
	}
	var lastOrder string
	err = pipe(rows, func(rows *sql.Rows, l *line) error {
		return rows.Scan(&l.id, &l.number, &l.created, &l.status, &l.channel, &l.code, &l.name, &l.sku, &l.product, &l.qty,
			&l.price, &l.discount, &l.net, &l.tax, &l.gross, &l.payStatus, &l.paid, &l.ships)
	}, func(l *line) error {
		var paidCell any
		if l.id != lastOrder {
			paidCell, lastOrder = l.paid, l.id
		}
		return s.add(l.number, parseTime(l.created), l.status, l.channel, l.code, l.name, l.sku, l.product, l.qty, l.price,
			l.discount, l.net, l.tax, l.gross, l.payStatus, paidCell, l.ships.String)
	})
	if err != nil {
		return fmt.Errorf("order lines: %w", err)
	}
	return s.finish()
}

// movements writes the stock ledger of the range.
func (g *Generator) movements(b *book, q query) error {
	ctx := b.ctx
	args := []any{q.from, q.to, q.warehouseID, q.warehouseID, q.productID, q.productID}
	const where = `m.created_at >= ? AND m.created_at < ? AND (? = '' OR m.warehouse_id = ?) AND (? = '' OR m.product_id = ?)`
	b.total = b.count(`SELECT count(*) FROM stock_movements m WHERE `+where, args...)
	s, err := b.newSheet("Movements", []column{
		{"Date", kDateTime, 17, false}, {"Kind", kText, 12, false}, {"Warehouse", kText, 11, false}, {"Bin", kText, 10, false},
		{"SKU", kText, 16, false}, {"Product", kText, 36, false}, {"Quantity", kInt, 10, true}, {"Unit cost", kMoney, 13, false},
		{"Reason", kText, 28, false}, {"Reference", kText, 16, false}, {"User", kText, 14, false},
	})
	if err != nil {
		return err
	}
	rows, err := b.db.QueryContext(ctx, `SELECT m.created_at, m.kind, COALESCE(w.code, ''), COALESCE(bn.code, ''),
			COALESCE(p.sku, ''), COALESCE(p.name, ''), m.quantity, m.unit_cost, m.reason,
			CASE WHEN m.ref_type = 'order' THEN COALESCE((SELECT number FROM orders WHERE id = m.ref_id), m.ref_id)
				WHEN m.ref_type = 'po' THEN COALESCE((SELECT number FROM purchase_orders WHERE id = m.ref_id), m.ref_id)
				WHEN m.ref_type = 'return' THEN COALESCE((SELECT number FROM returns WHERE id = m.ref_id), m.ref_id)
				ELSE m.ref_type END,
			m.user_name
		FROM stock_movements m LEFT JOIN warehouses w ON w.id = m.warehouse_id LEFT JOIN bins bn ON bn.id = m.bin_id
		LEFT JOIN products p ON p.id = m.product_id
		WHERE `+where+` ORDER BY m.created_at, m.id`, args...)
	if err != nil {
		return fmt.Errorf("stock movements: %w", err)
	}
	defer rows.Close()
	type move struct {
		at, kind, wh, bin, sku, name, reason, ref, user string
		qty, cost                                       int64
	}
	err = pipe(rows, func(rows *sql.Rows, m *move) error {
		return rows.Scan(&m.at, &m.kind, &m.wh, &m.bin, &m.sku, &m.name, &m.qty, &m.cost, &m.reason, &m.ref, &m.user)
	}, func(m *move) error {
		return s.add(parseTime(m.at), m.kind, m.wh, m.bin, m.sku, m.name, m.qty, m.cost, m.reason, m.ref, m.user)
	})
	if err != nil {
		return fmt.Errorf("stock movements: %w", err)
	}
	return s.finish()
}
