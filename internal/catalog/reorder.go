package catalog

import (
	"context"
	"fmt"
)

// ReorderRule is when and how much of a product to reorder, for the stock
// service's low-stock list and reorder suggestions.
type ReorderRule struct {
	ProductID    string
	SKU          string
	Name         string
	ReorderPoint int64
	ReorderQty   int64
	Cost         int64 // purchase cost, minor units
}

// FindReorderRules returns the active products that have a reorder point,
// by SKU, read through q (the read pool or a transaction).
func FindReorderRules(ctx context.Context, q Queryer) ([]ReorderRule, error) {
	rows, err := q.QueryContext(ctx, `SELECT id, sku, name, reorder_point, reorder_qty, cost FROM products
		WHERE reorder_point > 0 AND active = 1 ORDER BY sku`)
	if err != nil {
		return nil, fmt.Errorf("find reorder rules: %w", err)
	}
	defer rows.Close()
	var out []ReorderRule
	for rows.Next() {
		var r ReorderRule
		if err := rows.Scan(&r.ProductID, &r.SKU, &r.Name, &r.ReorderPoint, &r.ReorderQty, &r.Cost); err != nil {
			return nil, fmt.Errorf("find reorder rules: %w", err)
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// FindProductsByID returns the products with the given ids (with their
// barcodes) by id, read through q; ids that match nothing are absent.
func FindProductsByID(ctx context.Context, q Queryer, ids []string) (map[string]*Product, error) {
	out := make(map[string]*Product, len(ids))
	const chunk = 500
	for start := 0; start < len(ids); start += chunk {
		part := ids[start:min(start+chunk, len(ids))]
		args := make([]any, len(part))
		for i, id := range part {
			args[i] = id
		}
		products, err := queryProducts(ctx, q, `SELECT `+productColumns+` FROM products p WHERE p.id IN (`+placeholders(len(args))+`)`, args...)
		if err != nil {
			return nil, err
		}
		if err := loadBarcodes(ctx, q, products); err != nil {
			return nil, err
		}
		for _, p := range products {
			out[p.ID] = p
		}
	}
	return out, nil
}
