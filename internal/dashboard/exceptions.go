package dashboard

import (
	"context"
	"database/sql"
	"fmt"

	"oms/internal/store"
)

// exceptions reads the four lists of Exceptions, each with its count.
func (s *Service) exceptions(ctx context.Context, q *sql.DB, warehouseID string) (Exceptions, error) {
	out := Exceptions{PendingRefunds: []PendingRefund{}, Backorders: []Backorder{}, ShipmentExceptions: []ShipmentException{},
		NegativeStock: []NegativeStock{}}
	wh := []any{warehouseID, warehouseID}

	// Pending refunds: order_payment_totals.pending_refund sums an order's
	// refunds that are neither completed nor settled.
	const refunds = `FROM order_payment_totals t JOIN orders o ON o.id = t.id
		WHERE t.pending_refund > 0 AND (? = '' OR o.warehouse_id = ?)`
	if err := q.QueryRowContext(ctx, `SELECT count(*), COALESCE(SUM(t.pending_refund), 0) `+refunds, wh...).
		Scan(&out.PendingRefundCount, &out.PendingRefundAmount); err != nil {
		return out, fmt.Errorf("dashboard: pending refunds: %w", err)
	}
	if err := each(ctx, q, `SELECT o.id, o.number, t.pending_refund `+refunds+` ORDER BY t.updated_at, o.id LIMIT ?`,
		append(wh, ExceptionLimit), func(scan func(...any) error) error {
			var r PendingRefund
			if err := scan(&r.OrderID, &r.OrderNumber, &r.Amount); err != nil {
				return err
			}
			out.PendingRefunds = append(out.PendingRefunds, r)
			return nil
		}); err != nil {
		return out, fmt.Errorf("dashboard: pending refunds: %w", err)
	}

	// Backorders: the same lines as order.FindBackorders lists.
	const backorders = `FROM order_lines l JOIN orders o ON o.id = l.order_id
		WHERE o.status IN ('confirmed', 'picking', 'packed') AND l.backordered > 0 AND (? = '' OR o.warehouse_id = ?)`
	if err := q.QueryRowContext(ctx, `SELECT count(*) `+backorders, wh...).Scan(&out.BackorderCount); err != nil {
		return out, fmt.Errorf("dashboard: backorders: %w", err)
	}
	if err := each(ctx, q, `SELECT o.id, o.number, l.product_id, l.sku, l.name, l.backordered `+backorders+
		` ORDER BY o.created_at, o.id, l.line_no LIMIT ?`, append(wh, ExceptionLimit), func(scan func(...any) error) error {
		var b Backorder
		if err := scan(&b.OrderID, &b.OrderNumber, &b.ProductID, &b.SKU, &b.Name, &b.Backordered); err != nil {
			return err
		}
		out.Backorders = append(out.Backorders, b)
		return nil
	}); err != nil {
		return out, fmt.Errorf("dashboard: backorders: %w", err)
	}

	// Shipments in exception, for the warehouse of their order.
	const shipments = `FROM shipments s JOIN orders o ON o.id = s.order_id
		WHERE s.status = 'exception' AND (? = '' OR o.warehouse_id = ?)`
	if err := q.QueryRowContext(ctx, `SELECT count(*) `+shipments, wh...).Scan(&out.ShipmentExceptionCount); err != nil {
		return out, fmt.Errorf("dashboard: shipment exceptions: %w", err)
	}
	if err := each(ctx, q, `SELECT s.id, s.number, o.id, o.number, s.carrier_name, s.tracking_number, s.updated_at `+shipments+
		` ORDER BY s.updated_at, s.id LIMIT ?`, append(wh, ExceptionLimit), func(scan func(...any) error) error {
		var x ShipmentException
		var updated string
		if err := scan(&x.ShipmentID, &x.Number, &x.OrderID, &x.OrderNumber, &x.Carrier, &x.Tracking, &updated); err != nil {
			return err
		}
		var err error
		if x.UpdatedAt, err = store.ParseTime(updated); err != nil {
			return err
		}
		out.ShipmentExceptions = append(out.ShipmentExceptions, x)
		return nil
	}); err != nil {
		return out, fmt.Errorf("dashboard: shipment exceptions: %w", err)
	}

	// Negative stock: each stock level (product, warehouse, bin) below zero.
	const negative = `FROM stock_levels l JOIN products p ON p.id = l.product_id JOIN warehouses w ON w.id = l.warehouse_id
		WHERE l.on_hand < 0 AND (? = '' OR l.warehouse_id = ?)`
	if err := q.QueryRowContext(ctx, `SELECT count(*) `+negative, wh...).Scan(&out.NegativeStockCount); err != nil {
		return out, fmt.Errorf("dashboard: negative stock: %w", err)
	}
	if err := each(ctx, q, `SELECT p.id, p.sku, p.name, w.id, w.code, l.on_hand `+negative+
		` ORDER BY l.on_hand, p.sku, w.code LIMIT ?`, append(wh, ExceptionLimit), func(scan func(...any) error) error {
		var n NegativeStock
		if err := scan(&n.ProductID, &n.SKU, &n.Name, &n.WarehouseID, &n.WarehouseCode, &n.OnHand); err != nil {
			return err
		}
		out.NegativeStock = append(out.NegativeStock, n)
		return nil
	}); err != nil {
		return out, fmt.Errorf("dashboard: negative stock: %w", err)
	}
	return out, nil
}

// each runs query and calls row for each of its rows.
func each(ctx context.Context, q *sql.DB, query string, args []any, row func(scan func(...any) error) error) error {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := row(rows.Scan); err != nil {
			return err
		}
	}
	return rows.Err()
}
