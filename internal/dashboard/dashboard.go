// Package dashboard gives managers one read-only summary of the business:
// sales today and this month, sales per day, orders by status, top
// products, low stock and the exceptions someone must act on. It owns no
// table; it reads the other packages' tables with SQL over db.Reader(),
// as reports do, and reuses the stock package's definition of low stock.
package dashboard

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"oms/internal/stock"
	"oms/internal/store"
)

// Service computes the dashboard's summary.
type Service struct {
	db    *store.DB
	stock *stock.Service
}

// NewService returns the dashboard over db, counting low stock with st.
func NewService(db *store.DB, st *stock.Service) *Service { return &Service{db: db, stock: st} }

// Days is how many days, ending today, the daily sales series covers.
const Days = 30

// TopN is how many products each top list holds.
const TopN = 10

// ExceptionLimit is the most items each exceptions list holds; its count
// says how many there are in all.
const ExceptionLimit = 50

// soldStatuses are the statuses of an order that counts as a sale: it was
// confirmed (or moved on since) and is not cancelled. Drafts are not sales.
const soldStatuses = `('confirmed', 'picking', 'packed', 'shipped', 'delivered')`

// Statuses are the order statuses the status counts list, in lifecycle
// order, cancelled last.
var Statuses = []string{"draft", "confirmed", "picking", "packed", "shipped", "delivered", "cancelled"}

// Summary is the dashboard. All money is in minor units of Currency, the
// company's currency; only orders in that currency are summed (orders are
// priced in it, so this leaves out nothing in a one-currency business).
// Days and months are those of the workstation's local time zone (the
// location of the now passed to Summary), named by TimeZone.
type Summary struct {
	Currency    string
	TimeZone    string // the zone's name, or for the local zone its abbreviation and offset
	WarehouseID string // "" for every warehouse
	// Today and Month are the sales of the local day and the local calendar
	// month that contain now, up to now.
	Today Sales
	Month Sales
	// Daily has one entry for each of the last Days local days, oldest
	// first, ending today, days without sales included with zeros.
	Daily []Day
	// ByStatus counts every order (drafts included, deleted drafts not)
	// currently in each status, one entry for each of Statuses, zeros
	// included; not limited to a period.
	ByStatus []StatusCount
	// TopByQuantity and TopByRevenue are the TopN products with the most
	// units sold and the most revenue this month: over the lines of the
	// month's sales (as Month counts them). Revenue is the sum of the
	// lines' gross amounts (tax included, after the line's and the order's
	// discount, which totals.go applies to every line; shipping is not in
	// any line).
	TopByQuantity []ProductSales
	TopByRevenue  []ProductSales
	// LowStock is how many low-stock lines there are, as the stock
	// package's LowStockLines lists them and the low-stock page and the
	// Stock badge count them: an active product whose available stock in
	// an active warehouse it has moved through is below its reorder point,
	// once for each such warehouse (in the one warehouse asked for, or in
	// all).
	LowStock   int
	Exceptions Exceptions
}

// Sales sums the sales of a period: the orders created (created_at) in
// [From, To) whose status is confirmed, picking, packed, shipped or
// delivered (not draft, not cancelled).
type Sales struct {
	From, To time.Time
	// Orders is how many such orders there are.
	Orders int
	// Gross is the sum of their totals (tax and shipping included, after
	// discounts).
	Gross int64
	// Refunds is the sum of the refunds recorded against those orders,
	// paid out or still pending, whenever they were recorded.
	Refunds int64
	// Net is Gross less Refunds.
	Net int64
}

// Day is the sales of one local day, Date being its YYYY-MM-DD.
type Day struct {
	Date   string
	Orders int
	Gross  int64
}

// StatusCount is how many orders are in a status.
type StatusCount struct {
	Status string
	Orders int
}

// ProductSales is what a product sold in a period: Quantity in its unit
// and Revenue as the sum of its lines' gross amounts.
type ProductSales struct {
	ProductID string
	SKU       string
	Name      string
	Quantity  int64
	Revenue   int64
}

// Exceptions are what exists now that a manager must act on, each list
// holding at most ExceptionLimit items, oldest first, and its count.
type Exceptions struct {
	// PendingRefunds are the orders with refunds recorded but not yet paid
	// out (settled), with the amount still to pay out.
	PendingRefunds      []PendingRefund
	PendingRefundCount  int
	PendingRefundAmount int64 // the sum over every such order, not only those listed
	// Backorders are order lines short of stock (backordered > 0) in
	// orders that are confirmed, picking or packed, as the backorders list
	// shows them.
	Backorders     []Backorder
	BackorderCount int
	// ShipmentExceptions are shipments in status "exception" (the carrier
	// reported a problem).
	ShipmentExceptions     []ShipmentException
	ShipmentExceptionCount int
	// NegativeStock are the stock levels (a product in a warehouse bin)
	// whose on-hand quantity is below zero: more left than the books had.
	NegativeStock      []NegativeStock
	NegativeStockCount int
}

// PendingRefund is an order with refunds still to pay out.
type PendingRefund struct {
	OrderID     string
	OrderNumber string
	Amount      int64
}

// Backorder is an order line waiting for stock.
type Backorder struct {
	OrderID     string
	OrderNumber string
	ProductID   string
	SKU         string
	Name        string
	Backordered int64
}

// ShipmentException is a shipment the carrier reported a problem with.
type ShipmentException struct {
	ShipmentID  string
	Number      string
	OrderID     string
	OrderNumber string
	Carrier     string
	Tracking    string
	UpdatedAt   time.Time
}

// NegativeStock is a stock level below zero.
type NegativeStock struct {
	ProductID     string
	SKU           string
	Name          string
	WarehouseID   string
	WarehouseCode string
	OnHand        int64
}

// startOfDay is midnight of t's day in t's location.
func startOfDay(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, t.Location())
}

// Summary returns the dashboard at now, whose location is the time zone
// days and months are counted in (the workstation's local time), for one
// warehouse's orders and stock, or for all when warehouseID is "".
func (s *Service) Summary(ctx context.Context, now time.Time, warehouseID string) (*Summary, error) {
	q := s.db.Reader()
	out := &Summary{TimeZone: zoneName(now), WarehouseID: warehouseID}
	if err := q.QueryRowContext(ctx, `SELECT currency FROM company WHERE id = 'company'`).Scan(&out.Currency); err != nil &&
		!errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("dashboard: company currency: %w", err)
	}
	today := startOfDay(now)
	month := time.Date(now.Year(), now.Month(), 1, 0, 0, 0, 0, now.Location())
	// The end of the periods is the next local midnight, so an order stamped
	// a moment after now (another workstation's clock) still counts today.
	end := today.AddDate(0, 0, 1)
	var err error
	if out.Today, err = s.sales(ctx, q, today, end, out.Currency, warehouseID); err != nil {
		return nil, err
	}
	if out.Month, err = s.sales(ctx, q, month, end, out.Currency, warehouseID); err != nil {
		return nil, err
	}
	if out.Daily, err = s.daily(ctx, q, today, out.Currency, warehouseID); err != nil {
		return nil, err
	}
	if out.ByStatus, err = s.byStatus(ctx, q, warehouseID); err != nil {
		return nil, err
	}
	if out.TopByQuantity, err = s.top(ctx, q, month, end, out.Currency, warehouseID, "quantity"); err != nil {
		return nil, err
	}
	if out.TopByRevenue, err = s.top(ctx, q, month, end, out.Currency, warehouseID, "revenue"); err != nil {
		return nil, err
	}
	if out.LowStock, err = s.lowStock(ctx, warehouseID); err != nil {
		return nil, err
	}
	if out.Exceptions, err = s.exceptions(ctx, q, warehouseID); err != nil {
		return nil, err
	}
	return out, nil
}

// zoneName names now's time zone for people: its location ("Europe/Berlin"),
// or, for the process's local zone (which Go calls "Local"), its
// abbreviation and offset ("CET, UTC+01:00").
func zoneName(now time.Time) string {
	if name := now.Location().String(); name != "Local" {
		return name
	}
	abbr, _ := now.Zone()
	return abbr + ", UTC" + now.Format("-07:00")
}

// lowStock counts the low-stock lines of the warehouse, or of all with
// stock.CountLowStock when warehouseID is "".
func (s *Service) lowStock(ctx context.Context, warehouseID string) (int, error) {
	if warehouseID == "" {
		n, err := s.stock.CountLowStock(ctx)
		if err != nil {
			return 0, fmt.Errorf("dashboard: %w", err)
		}
		return n, nil
	}
	lines, err := s.stock.LowStockLines(ctx)
	if err != nil {
		return 0, fmt.Errorf("dashboard: %w", err)
	}
	n := 0
	for _, l := range lines {
		if l.WarehouseID == warehouseID {
			n++
		}
	}
	return n, nil
}

// saleCond selects the sales of [from, to) of currency (any when "") and
// warehouse (any when ""), on orders o; created_at is stored as UTC text
// in one fixed format, so it compares as text.
func saleCond(from, to time.Time, currency, warehouseID string) (string, []any) {
	return `o.status IN ` + soldStatuses + ` AND o.created_at >= ? AND o.created_at < ?
		AND (? = '' OR o.currency = ?) AND (? = '' OR o.warehouse_id = ?)`,
		[]any{store.FormatTime(from), store.FormatTime(to), currency, currency, warehouseID, warehouseID}
}

func (s *Service) sales(ctx context.Context, q *sql.DB, from, to time.Time, currency, warehouseID string) (Sales, error) {
	out := Sales{From: from, To: to}
	cond, args := saleCond(from, to, currency, warehouseID)
	err := q.QueryRowContext(ctx, `SELECT count(*), COALESCE(SUM(o.total), 0),
			COALESCE(SUM(COALESCE(t.refunded, 0) + COALESCE(t.pending_refund, 0)), 0)
		FROM orders o LEFT JOIN order_payment_totals t ON t.id = o.id WHERE `+cond, args...).
		Scan(&out.Orders, &out.Gross, &out.Refunds)
	if err != nil {
		return out, fmt.Errorf("dashboard: sales: %w", err)
	}
	out.Net = out.Gross - out.Refunds
	return out, nil
}

// daily buckets the sales of the last Days local days by local day; the
// orders are read once and their UTC times converted, since a local day
// is not a UTC date prefix.
func (s *Service) daily(ctx context.Context, q *sql.DB, today time.Time, currency, warehouseID string) ([]Day, error) {
	loc := today.Location()
	first := today.AddDate(0, 0, -(Days - 1))
	out := make([]Day, Days)
	index := map[string]int{}
	for i := range out {
		out[i].Date = first.AddDate(0, 0, i).Format(time.DateOnly)
		index[out[i].Date] = i
	}
	cond, args := saleCond(first, today.AddDate(0, 0, 1), currency, warehouseID)
	rows, err := q.QueryContext(ctx, `SELECT o.created_at, o.total FROM orders o WHERE `+cond, args...)
	if err != nil {
		return nil, fmt.Errorf("dashboard: daily sales: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var created string
		var total int64
		if err := rows.Scan(&created, &total); err != nil {
			return nil, fmt.Errorf("dashboard: daily sales: %w", err)
		}
		at, err := store.ParseTime(created)
		if err != nil {
			return nil, fmt.Errorf("dashboard: daily sales: %w", err)
		}
		if i, ok := index[at.In(loc).Format(time.DateOnly)]; ok {
			out[i].Orders++
			out[i].Gross += total
		}
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("dashboard: daily sales: %w", err)
	}
	return out, nil
}

func (s *Service) byStatus(ctx context.Context, q *sql.DB, warehouseID string) ([]StatusCount, error) {
	rows, err := q.QueryContext(ctx, `SELECT status, count(*) FROM orders WHERE ? = '' OR warehouse_id = ? GROUP BY status`,
		warehouseID, warehouseID)
	if err != nil {
		return nil, fmt.Errorf("dashboard: orders by status: %w", err)
	}
	defer rows.Close()
	n := map[string]int{}
	for rows.Next() {
		var st string
		var c int
		if err := rows.Scan(&st, &c); err != nil {
			return nil, fmt.Errorf("dashboard: orders by status: %w", err)
		}
		n[st] = c
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("dashboard: orders by status: %w", err)
	}
	out := make([]StatusCount, 0, len(Statuses))
	for _, st := range Statuses {
		out = append(out, StatusCount{Status: st, Orders: n[st]})
	}
	return out, nil
}

// top lists the TopN products of the period's sales by "quantity" or
// "revenue", ties by SKU.
func (s *Service) top(ctx context.Context, q *sql.DB, from, to time.Time, currency, warehouseID, by string) ([]ProductSales, error) {
	order := `SUM(l.quantity) DESC, SUM(l.gross) DESC`
	if by == "revenue" {
		order = `SUM(l.gross) DESC, SUM(l.quantity) DESC`
	}
	cond, args := saleCond(from, to, currency, warehouseID)
	rows, err := q.QueryContext(ctx, `SELECT l.product_id, MIN(l.sku), MIN(l.name), SUM(l.quantity), SUM(l.gross)
		FROM orders o JOIN order_lines l ON l.order_id = o.id
		WHERE `+cond+` GROUP BY l.product_id ORDER BY `+order+`, MIN(l.sku) LIMIT ?`, append(args, TopN)...)
	if err != nil {
		return nil, fmt.Errorf("dashboard: top products: %w", err)
	}
	defer rows.Close()
	out := []ProductSales{}
	for rows.Next() {
		var p ProductSales
		if err := rows.Scan(&p.ProductID, &p.SKU, &p.Name, &p.Quantity, &p.Revenue); err != nil {
			return nil, fmt.Errorf("dashboard: top products: %w", err)
		}
		out = append(out, p)
	}
	return out, rows.Err()
}
