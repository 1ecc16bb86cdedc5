package order

import (
	"context"
	"fmt"
	"strings"

	"oms/internal/catalog"
	"oms/internal/errs"
	"oms/internal/stock"
	"oms/internal/store"
)

// syncReservations makes a confirmed order's reservations follow its lines
// after an edit, within tx. Per product it wants the lines' total quantity
// set aside; it reserves more when some is available, releases what is no
// longer needed (a line removed or made smaller), and spreads what it holds
// over the product's lines in line order, the rest backordered.
func syncReservations(tx *store.Tx, o *Order) error {
	ctx := tx.Context()
	lines, err := findLines(ctx, tx, o.ID)
	if err != nil {
		return err
	}
	want := map[string]int64{}
	var products []string
	for _, l := range lines {
		if _, seen := want[l.ProductID]; !seen {
			products = append(products, l.ProductID)
		}
		want[l.ProductID] += l.Quantity
	}
	// Products no longer on the order keep nothing reserved.
	rows, err := tx.QueryContext(ctx, `SELECT DISTINCT product_id FROM stock_movements WHERE ref_type = ? AND ref_id = ?
		AND kind = 'reservation' ORDER BY product_id`, stock.RefOrder, o.ID)
	if err != nil {
		return fmt.Errorf("reserved products: %w", err)
	}
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return fmt.Errorf("reserved products: %w", err)
		}
		if _, on := want[id]; !on {
			products, want[id] = append(products, id), 0
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("reserved products: %w", err)
	}
	held := map[string]int64{}
	for _, p := range products {
		have, err := stock.ReservedFor(tx, stock.RefOrder, o.ID, p, o.WarehouseID)
		if err != nil {
			return err
		}
		target := want[p]
		if target > have {
			avail, err := stock.Available(ctx, tx, p, o.WarehouseID)
			if err != nil {
				return err
			}
			target = have + min(max(avail, 0), target-have)
		}
		req := stock.Request{ProductID: p, WarehouseID: o.WarehouseID, RefType: stock.RefOrder, RefID: o.ID,
			Reason: "Order " + o.Number + " changed"}
		switch {
		case target > have:
			req.Quantity = target - have
			if _, err := stock.Reserve(tx, req); err != nil {
				return fmt.Errorf("reserve for edited order: %w", err)
			}
		case target < have:
			req.Quantity = have - target
			if _, err := stock.Release(tx, req); err != nil {
				return fmt.Errorf("release for edited order: %w", err)
			}
		}
		held[p] = target
	}
	for _, l := range lines {
		reserved := min(held[l.ProductID], l.Quantity)
		held[l.ProductID] -= reserved
		if reserved == l.Reserved && l.Quantity-reserved == l.Backordered {
			continue
		}
		if _, err := tx.ExecContext(ctx, `UPDATE order_lines SET reserved = ?, backordered = ?, updated_at = ? WHERE id = ?`,
			reserved, l.Quantity-reserved, store.FormatTime(tx.Now), l.ID); err != nil {
			return fmt.Errorf("update line reservation: %w", err)
		}
	}
	return nil
}

// ScanInput is what a scanner or a typed code adds to an order.
type ScanInput struct {
	Code     string // a barcode (UPC, EAN, GTIN in any of its forms) or a SKU
	Quantity int64  // 0 means 1
}

// AddScanned adds a scanned product to a draft or confirmed order saved at
// version: the quantity goes onto the product's last line when the order
// has one without a discount of its own, else onto a new line. The code is
// looked up as a barcode first, then as a SKU. ErrChanged, ErrNotEditable;
// EINVALID on "code" for an empty code or on "quantity"; ENOTFOUND on
// "code" for an unknown code; catalog.ErrArchived (ECONFLICT).
func (s *Service) AddScanned(ctx context.Context, actor store.Actor, orderID string, version int64, in ScanInput) (*Order, error) {
	code := strings.TrimSpace(in.Code)
	if code == "" {
		return nil, errs.Invalid("code", "Scan a barcode or type a SKU.")
	}
	if len(code) > catalog.MaxSKULen {
		return nil, &errs.Error{Code: errs.ENOTFOUND, Field: "code", Message: "No product has this barcode or SKU."}
	}
	if in.Quantity == 0 {
		in.Quantity = 1
	}
	if err := checkQuantity("quantity", in.Quantity); err != nil {
		return nil, err
	}
	return s.edit(ctx, actor, orderID, version, true, func(tx *store.Tx, o *Order) error {
		p, err := catalog.FindProductByBarcode(ctx, tx, code)
		if errs.Code(err) == errs.ENOTFOUND {
			p, err = catalog.FindProductBySKU(ctx, tx, code)
		}
		if errs.Code(err) == errs.ENOTFOUND {
			return &errs.Error{Code: errs.ENOTFOUND, Field: "code", Message: fmt.Sprintf("No product has the barcode or SKU %q.", code)}
		} else if err != nil {
			return err
		}
		if _, err := catalog.Sellable(ctx, tx, p.ID); err != nil {
			return errs.Prefix("code", err)
		}
		var lineID string
		var qty int64
		err = tx.QueryRowContext(ctx, `SELECT id, quantity FROM order_lines WHERE order_id = ? AND product_id = ? AND discount_bps = 0
			AND discount_amount = 0
			ORDER BY line_no DESC LIMIT 1`, o.ID, p.ID).Scan(&lineID, &qty)
		if err == nil {
			if err := checkQuantity("quantity", qty+in.Quantity); err != nil {
				return err
			}
			_, err = tx.ExecContext(ctx, `UPDATE order_lines SET quantity = ?, updated_at = ? WHERE id = ?`,
				qty+in.Quantity, store.FormatTime(tx.Now), lineID)
			if err != nil {
				return fmt.Errorf("add to line: %w", err)
			}
			return nil
		}
		return s.insertLine(tx, o, p, LineInput{ProductID: p.ID, Quantity: in.Quantity})
	})
}

// insertLine adds a line for p to o within tx, priced for the order's
// customer group with the tax rate of the moment.
func (s *Service) insertLine(tx *store.Tx, o *Order, p *catalog.Product, in LineInput) error {
	ctx := tx.Context()
	var rate int64
	if p.TaxClassID != "" {
		if err := tx.QueryRowContext(ctx, `SELECT rate_bps FROM tax_classes WHERE id = ?`, p.TaxClassID).Scan(&rate); err != nil {
			return fmt.Errorf("tax class of %s: %w", p.SKU, err)
		}
	}
	price, err := catalog.PriceFor(ctx, tx, p.ID, o.CustomerGroup)
	if err != nil {
		return err
	}
	var lineNo int64
	if err := tx.QueryRowContext(ctx, `SELECT COALESCE(MAX(line_no), 0) + 1 FROM order_lines WHERE order_id = ?`, o.ID).Scan(&lineNo); err != nil {
		return fmt.Errorf("next line number: %w", err)
	}
	_, err = tx.ExecContext(ctx, `INSERT INTO order_lines (id, order_id, line_no, product_id, sku, name, quantity, unit_price,
		discount_bps, discount_amount, tax_class_id, tax_rate_bps, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		store.NewID(), o.ID, lineNo, p.ID, p.SKU, p.Name, in.Quantity, price, in.DiscountBps, in.DiscountAmount, p.TaxClassID, rate,
		store.FormatTime(tx.Now), store.FormatTime(tx.Now))
	if err != nil {
		return fmt.Errorf("insert order line: %w", err)
	}
	return nil
}

// HandOver completes a sale at the counter: the customer takes the goods
// with them, so a confirmed order moves through picking, packed and shipped
// to delivered in one transaction, each step an event of its history with
// the note "handed over at the counter", and its lines are sold from the
// warehouse. Goods the books show as short (backordered) are sold too: they
// are physically there, and the negative balance is a stock exception for a
// manager. EINVALID on "status" for an order that is not confirmed;
// ENOTFOUND.
func (s *Service) HandOver(ctx context.Context, actor store.Actor, id string) (*Order, error) {
	err := s.db.Update(ctx, actor, func(tx *store.Tx) error {
		o, err := findOrder(ctx, tx, id)
		if err != nil {
			return err
		}
		if o.Status != StatusConfirmed {
			return errs.Invalid("status", "Only a confirmed order can be handed over; this one is %s.", o.Status)
		}
		for _, to := range []Status{StatusPicking, StatusPacked, StatusShipped, StatusDelivered} {
			if err := move(tx, o, to, "handed over at the counter"); err != nil {
				return err
			}
			if to == StatusShipped {
				if err := ship(tx, o); err != nil {
					return err
				}
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return s.FindOrderByID(ctx, id)
}

// Backorder is an order line waiting for stock.
type Backorder struct {
	LineID       string `json:"lineId"`
	OrderID      string `json:"orderId"`
	OrderNumber  string `json:"orderNumber"`
	OrderStatus  Status `json:"orderStatus"`
	CustomerID   string `json:"customerId"`
	CustomerName string `json:"customerName"`
	WarehouseID  string `json:"warehouseId"`
	ProductID    string `json:"productId"`
	SKU          string `json:"sku"`
	Name         string `json:"name"`
	Quantity     int64  `json:"quantity"`
	Backordered  int64  `json:"backordered"`
	Available    int64  `json:"available"` // in the order's warehouse now, not yet set aside
	OrderedAt    string `json:"orderedAt"`
}

// BackorderFilter narrows FindBackorders.
type BackorderFilter struct {
	WarehouseID string
	ProductID   string
	Limit       int // default 200, at most 1000
	Offset      int
}

// FindBackorders returns the lines of orders not yet shipped still short of
// stock, oldest order first (the order they are allocated in), with what
// is available for each now, and how many there are in all.
func (s *Service) FindBackorders(ctx context.Context, f BackorderFilter) ([]*Backorder, int, error) {
	cond, args := "o.status IN ('confirmed', 'picking', 'packed') AND l.backordered > 0", []any{}
	if f.WarehouseID != "" {
		cond, args = cond+" AND o.warehouse_id = ?", append(args, f.WarehouseID)
	}
	if f.ProductID != "" {
		cond, args = cond+" AND l.product_id = ?", append(args, f.ProductID)
	}
	if f.Limit <= 0 {
		f.Limit = 200
	}
	f.Limit, f.Offset = min(f.Limit, 1000), max(f.Offset, 0)
	r := s.db.Reader()
	var total int
	if err := r.QueryRowContext(ctx, `SELECT count(*) FROM order_lines l JOIN orders o ON o.id = l.order_id WHERE `+cond,
		args...).Scan(&total); err != nil {
		return nil, 0, fmt.Errorf("count backorders: %w", err)
	}
	rows, err := r.QueryContext(ctx, `SELECT l.id, o.id, o.number, o.status, COALESCE(o.customer_id, ''), COALESCE(c.name, ''),
		o.warehouse_id, l.product_id, l.sku, l.name, l.quantity, l.backordered, o.created_at
		FROM order_lines l JOIN orders o ON o.id = l.order_id LEFT JOIN customers c ON c.id = o.customer_id
		WHERE `+cond+` ORDER BY o.created_at, o.id, l.line_no LIMIT ? OFFSET ?`, append(args, f.Limit, f.Offset)...)
	if err != nil {
		return nil, 0, fmt.Errorf("find backorders: %w", err)
	}
	defer rows.Close()
	out := []*Backorder{}
	for rows.Next() {
		b := &Backorder{}
		if err := rows.Scan(&b.LineID, &b.OrderID, &b.OrderNumber, &b.OrderStatus, &b.CustomerID, &b.CustomerName, &b.WarehouseID,
			&b.ProductID, &b.SKU, &b.Name, &b.Quantity, &b.Backordered, &b.OrderedAt); err != nil {
			return nil, 0, fmt.Errorf("find backorders: %w", err)
		}
		out = append(out, b)
	}
	if err := rows.Err(); err != nil {
		return nil, 0, fmt.Errorf("find backorders: %w", err)
	}
	for _, b := range out {
		if b.Available, err = stock.Available(ctx, r, b.ProductID, b.WarehouseID); err != nil {
			return nil, 0, err
		}
		b.Available = max(b.Available, 0)
	}
	return out, total, nil
}

// AllocateBackorders sets newly available stock aside for backordered
// lines of orders not yet shipped, oldest order first, in one transaction: for
// the given products (all backordered products when none are given) and
// the warehouse (all when ""). It returns how many units it allocated, and
// the orders it changed get a new version.
func (s *Service) AllocateBackorders(ctx context.Context, actor store.Actor, warehouseID string, productIDs []string) (int64, error) {
	var allocated int64
	err := s.db.Update(ctx, actor, func(tx *store.Tx) error {
		allocated = 0
		cond, args := "o.status IN ('confirmed', 'picking', 'packed') AND l.backordered > 0", []any{}
		if warehouseID != "" {
			cond, args = cond+" AND o.warehouse_id = ?", append(args, warehouseID)
		}
		if len(productIDs) > 0 {
			cond += " AND l.product_id IN (" + strings.TrimSuffix(strings.Repeat("?,", len(productIDs)), ",") + ")"
			for _, p := range productIDs {
				args = append(args, p)
			}
		}
		rows, err := tx.QueryContext(ctx, `SELECT DISTINCT o.id, o.created_at FROM order_lines l JOIN orders o ON o.id = l.order_id
			WHERE `+cond+` ORDER BY o.created_at, o.id`, args...)
		if err != nil {
			return fmt.Errorf("backordered orders: %w", err)
		}
		var ids []string
		for rows.Next() {
			var id, at string
			if err := rows.Scan(&id, &at); err != nil {
				rows.Close()
				return fmt.Errorf("backordered orders: %w", err)
			}
			ids = append(ids, id)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return fmt.Errorf("backordered orders: %w", err)
		}
		for _, id := range ids {
			o, err := findOrder(ctx, tx, id)
			if err != nil {
				return err
			}
			before, err := backorderedUnits(tx, id)
			if err != nil {
				return err
			}
			if err := syncReservations(tx, o); err != nil {
				return err
			}
			after, err := backorderedUnits(tx, id)
			if err != nil {
				return err
			}
			if after == before {
				continue
			}
			allocated += before - after
			if _, err := tx.ExecContext(ctx, `UPDATE orders SET version = version + 1, updated_at = ? WHERE id = ?`,
				store.FormatTime(tx.Now), id); err != nil {
				return fmt.Errorf("bump order version: %w", err)
			}
		}
		return nil
	})
	return allocated, err
}

func backorderedUnits(tx *store.Tx, orderID string) (int64, error) {
	var n int64
	if err := tx.QueryRowContext(tx.Context(), `SELECT COALESCE(SUM(backordered), 0) FROM order_lines WHERE order_id = ?`,
		orderID).Scan(&n); err != nil {
		return 0, fmt.Errorf("backordered units: %w", err)
	}
	return n, nil
}
