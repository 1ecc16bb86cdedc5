package stock

import (
	"context"
	"fmt"
	"strings"

	"oms/internal/catalog"
	"oms/internal/errs"
)

// Level is the stock of a product at a place: a bin, a warehouse (BinID
// ""), or everywhere (WarehouseID "" too), depending on the query.
type Level struct {
	ProductID   string
	WarehouseID string
	BinID       string
	OnHand      int64
	Reserved    int64
	Available   int64 // OnHand - Reserved; negative after oversold offline sales
}

// Available returns what can still be promised of a product in a
// warehouse (all warehouses when warehouseID is ""): on hand less
// reserved, over all bins. Read through q, so the order service can ask
// within its transaction.
func Available(ctx context.Context, q Queryer, productID, warehouseID string) (int64, error) {
	var n int64
	err := q.QueryRowContext(ctx, `SELECT COALESCE(SUM(on_hand - reserved), 0) FROM stock_levels
		WHERE product_id = ? AND (? = '' OR warehouse_id = ?)`, productID, warehouseID, warehouseID).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("read available stock: %w", err)
	}
	return n, nil
}

// onHandAt returns the quantity on hand of a product at one bin ("" for no
// bin) of a warehouse.
func onHandAt(ctx context.Context, q Queryer, productID, warehouseID, binID string) (int64, error) {
	var n int64
	err := q.QueryRowContext(ctx, `SELECT COALESCE(SUM(on_hand), 0) FROM stock_levels
		WHERE product_id = ? AND warehouse_id = ? AND bin_id = ?`, productID, warehouseID, binID).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("read stock on hand: %w", err)
	}
	return n, nil
}

// LevelFilter selects stock levels; empty fields select all. A product or
// a place is required. NonZero leaves out places where nothing is on hand
// or reserved.
type LevelFilter struct {
	ProductID   string
	WarehouseID string
	BinID       string
	NonZero     bool
}

// FindLevels returns stock per product, warehouse and bin matching f,
// ordered by warehouse and bin. EINVALID on "productId" when f selects
// neither a product nor a place.
func (s *Service) FindLevels(ctx context.Context, f LevelFilter) ([]*Level, error) {
	var where []string
	var args []any
	for _, c := range []struct{ column, value string }{{"l.product_id", f.ProductID}, {"l.warehouse_id", f.WarehouseID}, {"l.bin_id", f.BinID}} {
		if c.value != "" {
			where = append(where, c.column+" = ?")
			args = append(args, c.value)
		}
	}
	if f.ProductID == "" && f.WarehouseID == "" && f.BinID == "" {
		return nil, errs.Invalid("productId", "Choose a product, a warehouse or a bin.")
	}
	if f.NonZero {
		where = append(where, "(l.on_hand <> 0 OR l.reserved <> 0)")
	}
	rows, err := s.db.Reader().QueryContext(ctx, `SELECT l.product_id, l.warehouse_id, l.bin_id, l.on_hand, l.reserved
		FROM stock_levels l JOIN warehouses w ON w.id = l.warehouse_id LEFT JOIN bins b ON b.id = l.bin_id
		WHERE `+strings.Join(where, " AND ")+` ORDER BY w.code, COALESCE(b.sort_key, ''), l.product_id`, args...)
	if err != nil {
		return nil, fmt.Errorf("find stock levels: %w", err)
	}
	defer rows.Close()
	out := []*Level{}
	for rows.Next() {
		var l Level
		if err := rows.Scan(&l.ProductID, &l.WarehouseID, &l.BinID, &l.OnHand, &l.Reserved); err != nil {
			return nil, fmt.Errorf("find stock levels: %w", err)
		}
		l.Available = l.OnHand - l.Reserved
		out = append(out, &l)
	}
	return out, rows.Err()
}

// FindProductStock returns a product's stock per warehouse (BinID ""),
// by warehouse code.
func (s *Service) FindProductStock(ctx context.Context, productID string) ([]*Level, error) {
	rows, err := s.db.Reader().QueryContext(ctx, `SELECT l.warehouse_id, SUM(l.on_hand), SUM(l.reserved)
		FROM stock_levels l JOIN warehouses w ON w.id = l.warehouse_id
		WHERE l.product_id = ? GROUP BY l.warehouse_id ORDER BY w.code`, productID)
	if err != nil {
		return nil, fmt.Errorf("find product stock: %w", err)
	}
	defer rows.Close()
	out := []*Level{}
	for rows.Next() {
		l := Level{ProductID: productID}
		if err := rows.Scan(&l.WarehouseID, &l.OnHand, &l.Reserved); err != nil {
			return nil, fmt.Errorf("find product stock: %w", err)
		}
		l.Available = l.OnHand - l.Reserved
		out = append(out, &l)
	}
	return out, rows.Err()
}

// LowStockItem is a product whose available stock is below its reorder
// point.
type LowStockItem struct {
	ProductID    string
	SKU          string
	Name         string
	OnHand       int64
	Reserved     int64
	Available    int64
	OnOrder      int64 // still to come on open purchase orders
	ReorderPoint int64
	ReorderQty   int64
	Cost         int64
}

// LowStock returns the active products whose available stock (in one
// warehouse, or in all when warehouseID is "") is below their reorder
// point, by SKU, with what is already on order.
func (s *Service) LowStock(ctx context.Context, warehouseID string) ([]*LowStockItem, error) {
	return lowStock(ctx, s.db.Reader(), warehouseID)
}

func lowStock(ctx context.Context, q Queryer, warehouseID string) ([]*LowStockItem, error) {
	rules, err := catalog.FindReorderRules(ctx, q)
	if err != nil {
		return nil, err
	}
	if len(rules) == 0 {
		return []*LowStockItem{}, nil
	}
	type sums struct{ onHand, reserved, onOrder int64 }
	by := map[string]*sums{}
	get := func(id string) *sums {
		if by[id] == nil {
			by[id] = &sums{}
		}
		return by[id]
	}
	rows, err := q.QueryContext(ctx, `SELECT product_id, SUM(on_hand), SUM(reserved) FROM stock_levels
		WHERE ? = '' OR warehouse_id = ? GROUP BY product_id`, warehouseID, warehouseID)
	if err != nil {
		return nil, fmt.Errorf("low stock: %w", err)
	}
	for rows.Next() {
		var id string
		var onHand, reserved int64
		if err := rows.Scan(&id, &onHand, &reserved); err != nil {
			rows.Close()
			return nil, fmt.Errorf("low stock: %w", err)
		}
		s := get(id)
		s.onHand, s.reserved = onHand, reserved
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("low stock: %w", err)
	}
	onOrder, err := openOrderQuantities(ctx, q, warehouseID)
	if err != nil {
		return nil, err
	}
	out := []*LowStockItem{}
	for _, r := range rules {
		s := get(r.ProductID)
		avail := s.onHand - s.reserved
		if avail >= r.ReorderPoint {
			continue
		}
		out = append(out, &LowStockItem{ProductID: r.ProductID, SKU: r.SKU, Name: r.Name, OnHand: s.onHand, Reserved: s.reserved,
			Available: avail, OnOrder: onOrder[r.ProductID], ReorderPoint: r.ReorderPoint, ReorderQty: r.ReorderQty, Cost: r.Cost})
	}
	return out, nil
}

// VerifyLevels recomputes every stock level from the ledger and returns an
// error naming the first few that differ from the stock_levels cache (nil
// when all agree). Tests and health checks call it; a difference is a bug.
func (s *Service) VerifyLevels(ctx context.Context) error {
	rows, err := s.db.Reader().QueryContext(ctx, `WITH ledger AS (
			SELECT product_id, warehouse_id, COALESCE(bin_id, '') AS bin_id,
				SUM(CASE WHEN kind IN ('reservation', 'release') THEN 0 ELSE quantity END) AS on_hand,
				SUM(CASE WHEN kind IN ('reservation', 'release') THEN quantity ELSE 0 END) AS reserved
			FROM stock_movements GROUP BY 1, 2, 3)
		SELECT l.product_id, l.warehouse_id, l.bin_id, l.on_hand, l.reserved, COALESCE(c.on_hand, 0), COALESCE(c.reserved, 0)
		FROM ledger l LEFT JOIN stock_levels c USING (product_id, warehouse_id, bin_id)
		WHERE c.id IS NULL OR c.on_hand <> l.on_hand OR c.reserved <> l.reserved
		UNION ALL
		SELECT c.product_id, c.warehouse_id, c.bin_id, 0, 0, c.on_hand, c.reserved
		FROM stock_levels c LEFT JOIN ledger l USING (product_id, warehouse_id, bin_id)
		WHERE l.product_id IS NULL
		LIMIT 5`)
	if err != nil {
		return fmt.Errorf("verify stock levels: %w", err)
	}
	defer rows.Close()
	var diffs []string
	for rows.Next() {
		var p, w, b string
		var lo, lr, co, cr int64
		if err := rows.Scan(&p, &w, &b, &lo, &lr, &co, &cr); err != nil {
			return fmt.Errorf("verify stock levels: %w", err)
		}
		diffs = append(diffs, fmt.Sprintf("%s/%s/%s: ledger %d on hand %d reserved, cache %d and %d", p, w, b, lo, lr, co, cr))
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("verify stock levels: %w", err)
	}
	if len(diffs) > 0 {
		return fmt.Errorf("stock levels differ from the ledger: %s", strings.Join(diffs, "; "))
	}
	return nil
}
