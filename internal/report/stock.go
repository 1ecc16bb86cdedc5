package report

import (
	"database/sql"
	"errors"
	"fmt"

	"oms/internal/stock"
)

// inventory writes the stock of every product and warehouse at the end of
// the range, summed from the ledger over the bins, valued at the
// product's cost (value = on hand x unit cost). Products with nothing on
// hand and nothing reserved are left out.
func (g *Generator) inventory(b *book, q query) error {
	ctx := b.ctx
	s, err := b.newSheet("Inventory", []column{
		{"Warehouse", kText, 11, false}, {"SKU", kText, 16, false}, {"Product", kText, 36, false},
		{"On hand", kInt, 10, true}, {"Reserved", kInt, 10, true}, {"Available", kInt, 10, true},
		{"Unit cost", kMoney, 13, false}, {"Value", kMoney, 16, true},
	})
	if err != nil {
		return err
	}
	rows, err := b.db.QueryContext(ctx, `SELECT COALESCE(w.code, ''), COALESCE(p.sku, ''), COALESCE(p.name, ''), l.on_hand, l.reserved,
			COALESCE(p.cost, 0)
		FROM (SELECT product_id, warehouse_id,
				SUM(CASE WHEN kind IN ('reservation', 'release') THEN 0 ELSE quantity END) AS on_hand,
				SUM(CASE WHEN kind IN ('reservation', 'release') THEN quantity ELSE 0 END) AS reserved
			FROM stock_movements WHERE created_at < ? AND (? = '' OR warehouse_id = ?) AND (? = '' OR product_id = ?)
			GROUP BY product_id, warehouse_id) l
		LEFT JOIN products p ON p.id = l.product_id LEFT JOIN warehouses w ON w.id = l.warehouse_id
		WHERE l.on_hand <> 0 OR l.reserved <> 0
		ORDER BY w.code, p.sku`, q.to, q.warehouseID, q.warehouseID, q.productID, q.productID)
	if err != nil {
		return fmt.Errorf("inventory: %w", err)
	}
	defer rows.Close()
	var wh, sku, name string
	var onHand, reserved, cost int64
	for rows.Next() {
		if err := rows.Scan(&wh, &sku, &name, &onHand, &reserved, &cost); err != nil {
			return fmt.Errorf("inventory: %w", err)
		}
		if err := s.add(wh, sku, name, onHand, reserved, onHand-reserved, cost, onHand*cost); err != nil {
			return err
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("inventory: %w", err)
	}
	return s.finish()
}

// lowStock writes the products now below their reorder point (the stock
// service's LowStock, in one warehouse or all), with the quantity its
// reorder suggestions would order (0 when enough is on order) and the
// supplier of the product's latest purchase order. It shows the stock of
// today whatever the range.
func (g *Generator) lowStock(b *book, q query) error {
	ctx := b.ctx
	st := stock.NewService(g.db)
	low, err := st.LowStock(ctx, q.warehouseID)
	if err != nil {
		return err
	}
	sugg, err := st.ReorderSuggestions(ctx, q.warehouseID)
	if err != nil {
		return err
	}
	suggested := map[string]int64{}
	for _, s := range sugg {
		suggested[s.ProductID] = s.Suggested
	}
	s, err := b.newSheet("Low stock", []column{
		{"SKU", kText, 16, false}, {"Product", kText, 36, false}, {"On hand", kInt, 10, true}, {"Reserved", kInt, 10, true},
		{"Available", kInt, 10, true}, {"On order", kInt, 10, true}, {"Reorder point", kInt, 13, false},
		{"Reorder qty", kInt, 12, false}, {"Suggested order", kInt, 15, true}, {"Unit cost", kMoney, 13, false},
		{"Order value", kMoney, 15, true}, {"Supplier code", kText, 14, false}, {"Supplier", kText, 28, false},
	})
	if err != nil {
		return err
	}
	for _, l := range low {
		if q.productID != "" && l.ProductID != q.productID {
			continue
		}
		var code, name string
		err := b.db.QueryRowContext(ctx, `SELECT s.code, s.name FROM purchase_order_lines pl
			JOIN purchase_orders po ON po.id = pl.purchase_order_id JOIN suppliers s ON s.id = po.supplier_id
			WHERE pl.product_id = ? AND po.status <> 'cancelled' ORDER BY po.created_at DESC LIMIT 1`, l.ProductID).Scan(&code, &name)
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("low stock supplier: %w", err)
		}
		n := suggested[l.ProductID]
		if err := s.add(l.SKU, l.Name, l.OnHand, l.Reserved, l.Available, l.OnOrder, l.ReorderPoint, l.ReorderQty, n, l.Cost,
			n*l.Cost, code, name); err != nil {
			return err
		}
	}
	return s.finish()
}
