package order

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"oms/internal/catalog"
	"oms/internal/errs"
	"oms/internal/store"
)

const orderColumns = `id, number, COALESCE(customer_id, ''), customer_group, channel, status, warehouse_id,
	billing_address, shipping_address, notes, discount_bps, shipping, currency, prices_include_tax,
	subtotal, discount_total, net_total, tax_total, total, version, created_by, created_at, updated_at, tax_mode, shipping_tax`

func scanOrder(scan func(...any) error) (*Order, error) {
	var o Order
	var billing, shipping, created, updated string
	if err := scan(&o.ID, &o.Number, &o.CustomerID, &o.CustomerGroup, &o.Channel, &o.Status, &o.WarehouseID,
		&billing, &shipping, &o.Notes, &o.DiscountBps, &o.Shipping, &o.Currency, &o.PricesIncludeTax,
		&o.Subtotal, &o.DiscountTotal, &o.NetTotal, &o.TaxTotal, &o.Total, &o.Version, &o.CreatedBy, &created, &updated,
		&o.TaxMode, &o.ShippingTax); err != nil {
		return nil, err
	}
	if err := json.Unmarshal([]byte(billing), &o.BillingAddress); err != nil {
		return nil, fmt.Errorf("order %s billing address: %w", o.ID, err)
	}
	if err := json.Unmarshal([]byte(shipping), &o.ShippingAddress); err != nil {
		return nil, fmt.Errorf("order %s shipping address: %w", o.ID, err)
	}
	var err error
	if o.CreatedAt, err = store.ParseTime(created); err != nil {
		return nil, err
	}
	if o.UpdatedAt, err = store.ParseTime(updated); err != nil {
		return nil, err
	}
	return &o, nil
}

func findOrder(ctx context.Context, q catalog.Queryer, id string) (*Order, error) {
	o, err := scanOrder(q.QueryRowContext(ctx, `SELECT `+orderColumns+` FROM orders WHERE id = ?`, id).Scan)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, errs.Errorf(errs.ENOTFOUND, "Order not found.")
	} else if err != nil {
		return nil, fmt.Errorf("find order: %w", err)
	}
	return o, nil
}

const lineColumns = `id, order_id, line_no, product_id, sku, name, quantity, unit_price, discount_bps, tax_class_id,
	tax_rate_bps, discount, net, tax, gross, reserved, backordered, discount_amount`

func findLines(ctx context.Context, q catalog.Queryer, orderID string) ([]*Line, error) {
	rows, err := q.QueryContext(ctx, `SELECT `+lineColumns+` FROM order_lines WHERE order_id = ? ORDER BY line_no`, orderID)
	if err != nil {
		return nil, fmt.Errorf("find order lines: %w", err)
	}
	defer rows.Close()
	lines := []*Line{}
	for rows.Next() {
		var l Line
		if err := rows.Scan(&l.ID, &l.OrderID, &l.LineNo, &l.ProductID, &l.SKU, &l.Name, &l.Quantity, &l.UnitPrice,
			&l.DiscountBps, &l.TaxClassID, &l.TaxRateBps, &l.Discount, &l.Net, &l.Tax, &l.Gross, &l.Reserved, &l.Backordered,
			&l.DiscountAmount); err != nil {
			return nil, fmt.Errorf("find order lines: %w", err)
		}
		lines = append(lines, &l)
	}
	return lines, rows.Err()
}

func findEvents(ctx context.Context, q catalog.Queryer, orderID string) ([]*Event, error) {
	rows, err := q.QueryContext(ctx, `SELECT id, order_id, from_status, to_status, user_id, user_name, note, at
		FROM order_events WHERE order_id = ? ORDER BY at, id`, orderID)
	if err != nil {
		return nil, fmt.Errorf("find order events: %w", err)
	}
	defer rows.Close()
	events := []*Event{}
	for rows.Next() {
		var e Event
		var at string
		if err := rows.Scan(&e.ID, &e.OrderID, &e.From, &e.To, &e.UserID, &e.UserName, &e.Note, &at); err != nil {
			return nil, fmt.Errorf("find order events: %w", err)
		}
		if e.At, err = store.ParseTime(at); err != nil {
			return nil, err
		}
		events = append(events, &e)
	}
	return events, rows.Err()
}

// FindOrderByID returns an order with its lines and history. ENOTFOUND if
// there is none.
func (s *Service) FindOrderByID(ctx context.Context, id string) (*Order, error) {
	o, err := findOrder(ctx, s.db.Reader(), id)
	if err != nil {
		return nil, err
	}
	if o.Lines, err = findLines(ctx, s.db.Reader(), id); err != nil {
		return nil, err
	}
	if o.Events, err = findEvents(ctx, s.db.Reader(), id); err != nil {
		return nil, err
	}
	t, err := ComputeTotals(o.totalsInput(o.Lines))
	if err != nil {
		return nil, fmt.Errorf("order %s totals: %w", o.Number, err)
	}
	o.Rates = t.Rates
	return o, nil
}

// OrderFilter selects orders for FindOrders. Zero fields select all.
type OrderFilter struct {
	Status     Status
	CustomerID string
	Channel    Channel
	From, To   time.Time // created at From or later, before To
	Query      string    // part of the number
	Limit      int       // default 50, at most 500
	Offset     int
}

// FindOrders returns a page of orders, newest first, without lines, and
// how many match in all.
func (s *Service) FindOrders(ctx context.Context, f OrderFilter) ([]*Order, int, error) {
	var where []string
	var args []any
	if f.Status != "" {
		where, args = append(where, "status = ?"), append(args, f.Status)
	}
	if f.CustomerID != "" {
		where, args = append(where, "customer_id = ?"), append(args, f.CustomerID)
	}
	if f.Channel != "" {
		where, args = append(where, "channel = ?"), append(args, f.Channel)
	}
	if !f.From.IsZero() {
		where, args = append(where, "created_at >= ?"), append(args, store.FormatTime(f.From))
	}
	if !f.To.IsZero() {
		where, args = append(where, "created_at < ?"), append(args, store.FormatTime(f.To))
	}
	if q := strings.TrimSpace(f.Query); q != "" {
		esc := strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(q)
		where, args = append(where, `number LIKE ? ESCAPE '\'`), append(args, "%"+esc+"%")
	}
	cond := ""
	if len(where) > 0 {
		cond = " WHERE " + strings.Join(where, " AND ")
	}
	var total int
	if err := s.db.Reader().QueryRowContext(ctx, `SELECT count(*) FROM orders`+cond, args...).Scan(&total); err != nil {
		return nil, 0, fmt.Errorf("count orders: %w", err)
	}
	if f.Limit <= 0 {
		f.Limit = 50
	}
	f.Limit, f.Offset = min(f.Limit, 500), max(f.Offset, 0)
	rows, err := s.db.Reader().QueryContext(ctx, `SELECT `+orderColumns+` FROM orders`+cond+
		` ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?`, append(args, f.Limit, f.Offset)...)
	if err != nil {
		return nil, 0, fmt.Errorf("find orders: %w", err)
	}
	defer rows.Close()
	out := []*Order{}
	for rows.Next() {
		o, err := scanOrder(rows.Scan)
		if err != nil {
			return nil, 0, fmt.Errorf("find orders: %w", err)
		}
		out = append(out, o)
	}
	return out, total, rows.Err()
}
