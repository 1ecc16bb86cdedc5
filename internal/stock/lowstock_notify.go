package stock

import (
	"cmp"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
)

// LowStockLine is an active product whose available stock in one active
// warehouse is below its reorder point. A product is watched in a
// warehouse once stock has moved there, so a warehouse that never carried
// it does not report it as low.
type LowStockLine struct {
	ProductID     string
	SKU           string
	Name          string
	WarehouseID   string
	WarehouseCode string
	Available     int64
	ReorderPoint  int64
}

// LowStockLines returns every low-stock line, by SKU and warehouse code.
func (s *Service) LowStockLines(ctx context.Context) ([]*LowStockLine, error) {
	rows, err := s.db.Reader().QueryContext(ctx, `SELECT p.id, p.sku, p.name, w.id, w.code,
			SUM(l.on_hand - l.reserved), p.reorder_point
		FROM stock_levels l
		JOIN products p ON p.id = l.product_id
		JOIN warehouses w ON w.id = l.warehouse_id
		WHERE p.active = 1 AND p.reorder_point > 0 AND w.active = 1
		GROUP BY p.id, w.id
		HAVING SUM(l.on_hand - l.reserved) < p.reorder_point
		ORDER BY p.sku, w.code`)
	if err != nil {
		return nil, fmt.Errorf("low stock lines: %w", err)
	}
	defer rows.Close()
	out := []*LowStockLine{}
	for rows.Next() {
		var l LowStockLine
		if err := rows.Scan(&l.ProductID, &l.SKU, &l.Name, &l.WarehouseID, &l.WarehouseCode, &l.Available, &l.ReorderPoint); err != nil {
			return nil, fmt.Errorf("low stock lines: %w", err)
		}
		out = append(out, &l)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("low stock lines: %w", err)
	}
	return out, nil
}

// CountLowStock returns how many low-stock lines there are, as
// LowStockLines would list them.
func (s *Service) CountLowStock(ctx context.Context) (int, error) {
	var n int
	err := s.db.Reader().QueryRowContext(ctx, `SELECT COUNT(*) FROM (
			SELECT 1 FROM stock_levels l
			JOIN products p ON p.id = l.product_id
			JOIN warehouses w ON w.id = l.warehouse_id
			WHERE p.active = 1 AND p.reorder_point > 0 AND w.active = 1
			GROUP BY p.id, w.id
			HAVING SUM(l.on_hand - l.reserved) < p.reorder_point)`).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("count low stock: %w", err)
	}
	return n, nil
}

// NewlyLow returns the low-stock lines that moves, the movements of one
// committed operation, took below their reorder point: available was at or
// above the point before them and is below it now. Lines that were already
// low, or that the moves left at or above the point, are not returned, so
// a notification does not repeat itself. Call it after the commit; the
// result is by SKU and warehouse code.
func (s *Service) NewlyLow(ctx context.Context, moves []*Movement) ([]*LowStockLine, error) {
	type place struct{ product, warehouse string }
	delta := map[place]int64{}
	var order []place
	for _, m := range moves {
		if m == nil {
			continue
		}
		k := place{m.ProductID, m.WarehouseID}
		if _, seen := delta[k]; !seen {
			order = append(order, k)
		}
		delta[k] += availableDelta(m)
	}
	out := []*LowStockLine{}
	for _, k := range order {
		if delta[k] >= 0 {
			continue // stock did not go down here, so nothing crossed below
		}
		l := LowStockLine{ProductID: k.product, WarehouseID: k.warehouse}
		err := s.db.Reader().QueryRowContext(ctx, `SELECT p.sku, p.name, p.reorder_point, w.code,
				COALESCE((SELECT SUM(on_hand - reserved) FROM stock_levels WHERE product_id = p.id AND warehouse_id = w.id), 0)
			FROM products p, warehouses w
			WHERE p.id = ? AND w.id = ? AND p.active = 1 AND w.active = 1`, k.product, k.warehouse).
			Scan(&l.SKU, &l.Name, &l.ReorderPoint, &l.WarehouseCode, &l.Available)
		if err != nil {
			if errors.Is(err, sql.ErrNoRows) {
				continue // archived product or inactive warehouse: not watched
			}
			return nil, fmt.Errorf("newly low stock: %w", err)
		}
		if crossedBelow(l.Available-delta[k], l.Available, l.ReorderPoint) {
			out = append(out, &l)
		}
	}
	slices.SortFunc(out, func(a, b *LowStockLine) int {
		return cmp.Or(cmp.Compare(a.SKU, b.SKU), cmp.Compare(a.WarehouseCode, b.WarehouseCode))
	})
	return out, nil
}

// availableDelta is how much a movement changed available stock: a
// reservation sets stock aside (available falls as reserved rises) and a
// release gives it back; every other kind changes what is on hand.
func availableDelta(m *Movement) int64 {
	switch m.Kind {
	case KindReservation, KindRelease:
		return -m.Quantity
	default:
		return m.Quantity
	}
}

// crossedBelow reports whether available went from at or above a reorder
// point to below it. A point of 0 or less means the product is not watched.
func crossedBelow(before, after, point int64) bool {
	return point > 0 && before >= point && after < point
}
