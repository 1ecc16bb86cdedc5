package order

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode"

	"golang.org/x/text/unicode/norm"

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
	tax_rate_bps, discount, net, tax, gross, reserved, backordered, discount_amount, picked, shipped`

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
			&l.DiscountAmount, &l.Picked, &l.Shipped); err != nil {
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

// FindOrderByNumber returns the order with this number (any case), with
// its lines and history. ENOTFOUND if there is none.
func (s *Service) FindOrderByNumber(ctx context.Context, number string) (*Order, error) {
	number = strings.ToUpper(strings.TrimSpace(number))
	var id string
	if number != "" && len(number) <= 64 {
		err := s.db.Reader().QueryRowContext(ctx, `SELECT id FROM orders WHERE number = ? ORDER BY created_at DESC LIMIT 1`, number).Scan(&id)
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return nil, fmt.Errorf("find order by number: %w", err)
		}
	}
	if id == "" {
		return nil, &errs.Error{Code: errs.ENOTFOUND, Field: "number", Message: fmt.Sprintf("No order has the number %q.", number)}
	}
	return s.FindOrderByID(ctx, id)
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
	if o.PaymentStatus, err = findPaymentStatus(ctx, s.db.Reader(), id); err != nil {
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
	Status Status
	// PaymentStatus selects the orders that stand so with their payments
	// (see PaymentSummary); an order without payments is unpaid.
	PaymentStatus PaymentStatus
	CustomerID    string
	Channel       Channel
	From, To      time.Time // created at From or later, before To
	// Query matches an order number by its start ("A1-0001"), its serial
	// number ("000123", "0001" for 000100-000199; digits without a leading
	// zero also match that serial exactly: "123" is 000123), or, unless it
	// is only digits, the customer: every word must begin a word of the
	// customer's name, company, code, email or phone, ignoring case and
	// diacritics.
	Query string
	// After, when set, starts the page after this order in list order
	// (keyset paging, for callers that page through the list in turn);
	// Offset then counts from it.
	After  *OrderCursor
	Limit  int // default 50, at most 500
	Offset int
}

// OrderCursor is an order's place in the list: newest first, ties by id.
type OrderCursor struct {
	CreatedAt time.Time
	ID        string
}

// Cursor returns o's place in the list, for OrderFilter.After.
func (o *Order) Cursor() *OrderCursor { return &OrderCursor{CreatedAt: o.CreatedAt, ID: o.ID} }

// QueryTotalCap is the most matches of a Query that FindOrders counts: it
// reports more as QueryTotalCap+1 ("more than 1,000; type more"): counting
// 10,000 matches took half of a search's time, and nobody scrolls that far
// through search results. Lists without a Query are counted exactly.
const QueryTotalCap = 1_000

// broadCustomerMatch is how many customers a Query may match before
// FindOrders walks the list newest first testing each order (the matches
// are then dense) instead of gathering the matching customers' orders and
// sorting them. A variable, so tests can lower it.
var broadCustomerMatch = 300

// serialExpr is an order number's serial, the digits after the prefix; the
// orders_serial index of migration 0008 is on this very expression.
const serialExpr = `substr(number, instr(number, '-') + 1)`

// FindOrders returns a page of orders, newest first, without lines, with
// the customer's current name and the payment status, and how many match
// in all: exactly without a Query, capped at QueryTotalCap+1 with one.
// EINVALID on "paymentStatus" for an unknown payment status.
//
// A virtualized list asks for pages by offset as the user scrolls or drags
// the scroll bar, so any offset must be quick. The list is ordered by
// (created_at, id) on indexes that also carry every filter column
// (migration 0008). Its exact total is summed from per-day counts that
// triggers keep (order_list_counts), not counted over a million index
// entries; and a page deeper than deepOffset finds the day it falls in from
// the same counts, seeks to that day's end on the index and skips only
// within the day (a few thousand entries at most), instead of stepping over
// 900,000 entries as OFFSET 900000 would. A customer's list is short and
// counted on its index. After gives keyset paging to callers that page in
// turn.
//
// A list with a payment status walks the same way over the payment status
// cache of migration 0010, whose rows copy the order's list columns, and
// sums its per-day counts (order_payment_counts); with a customer or a
// Query, the orders found on their indexes are tested against the cache,
// but for a search matching customers, which is served by the cache alone
// (searchByPayment).
func (s *Service) FindOrders(ctx context.Context, f OrderFilter) ([]*Order, int, error) {
	if _, err := ParsePaymentStatus(string(f.PaymentStatus)); err != nil {
		return nil, 0, err
	}
	if f.Limit <= 0 {
		f.Limit = 50
	}
	f.Limit, f.Offset = min(f.Limit, 500), max(f.Offset, 0)
	rtx, err := s.db.Reader().BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, 0, fmt.Errorf("find orders: %w", err)
	}
	defer rtx.Rollback()
	cond, args := f.where()
	var total int
	var ids []string
	if q := strings.TrimSpace(f.Query); q != "" {
		total, ids, err = findByQuery(ctx, rtx, f, q, cond, args)
	} else {
		total, ids, err = page(ctx, rtx, f, cond, args)
	}
	if err != nil {
		return nil, 0, err
	}
	out, err := loadListed(ctx, rtx, ids)
	if err != nil {
		return nil, 0, err
	}
	return out, total, nil
}

// where returns the filter's conditions but Query and After, for "WHERE"
// on f.from().
func (f OrderFilter) where() (string, []any) {
	if f.cached() {
		return f.whereOn("o.", "o.payment_status = ?")
	}
	return f.whereOn("o.", paymentCond)
}

// whereOn is where with col before each column: "+o." keeps SQLite from
// using an index for the filters, when another condition must drive; pay
// is the condition on the payment status.
func (f OrderFilter) whereOn(col, pay string) (string, []any) {
	where, args := []string{"1"}, []any{}
	if f.Status != "" {
		where, args = append(where, col+"status = ?"), append(args, f.Status)
	}
	if f.PaymentStatus != "" {
		where, args = append(where, pay), append(args, f.PaymentStatus)
	}
	if f.CustomerID != "" {
		where, args = append(where, col+"customer_id = ?"), append(args, f.CustomerID)
	}
	if f.Channel != "" {
		where, args = append(where, col+"channel = ?"), append(args, f.Channel)
	}
	if !f.From.IsZero() {
		where, args = append(where, col+"created_at >= ?"), append(args, store.FormatTime(f.From))
	}
	if !f.To.IsZero() {
		where, args = append(where, col+"created_at < ?"), append(args, store.FormatTime(f.To))
	}
	return strings.Join(where, " AND "), args
}

const listOrder = ` ORDER BY o.created_at DESC, o.id DESC`

// afterCond is the keyset condition "after c in list order", or "1".
func afterCond(c *OrderCursor, inclusive bool) (string, []any) {
	if c == nil {
		return "1", nil
	}
	op := "<"
	if inclusive {
		op = "<="
	}
	return "(o.created_at, o.id) " + op + " (?, ?)", []any{store.FormatTime(c.CreatedAt), c.ID}
}

func queryIDs(ctx context.Context, q catalog.Queryer, query string, args ...any) ([]string, error) {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("find orders: %w", err)
	}
	defer rows.Close()
	ids := []string{}
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, fmt.Errorf("find orders: %w", err)
		}
		ids = append(ids, id)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("find orders: %w", err)
	}
	return ids, nil
}

// loadListed returns the orders ids, in that order, with their customers'
// names as the customers table holds them now (after a GDPR erasure, what
// the erasure left) and their payment status. The customer service owns
// the table; this read-only join is the list's one exception, so a page
// costs one query.
func loadListed(ctx context.Context, q catalog.Queryer, ids []string) ([]*Order, error) {
	out := make([]*Order, 0, len(ids))
	if len(ids) == 0 {
		return out, nil
	}
	args := make([]any, len(ids))
	for i, id := range ids {
		args[i] = id
	}
	rows, err := q.QueryContext(ctx, `SELECT `+orderColumns+`, customer_name, payment_status FROM (SELECT o.*,
			COALESCE(c.name, '') AS customer_name, COALESCE(ps.payment_status, 'unpaid') AS payment_status
		FROM orders o LEFT JOIN customers c ON c.id = o.customer_id LEFT JOIN order_payment_status ps ON ps.id = o.id
		WHERE o.id IN (`+strings.TrimSuffix(strings.Repeat("?,", len(ids)), ",")+`))`, args...)
	if err != nil {
		return nil, fmt.Errorf("find orders: %w", err)
	}
	defer rows.Close()
	byID := make(map[string]*Order, len(ids))
	for rows.Next() {
		var name string
		var ps PaymentStatus
		o, err := scanOrder(func(dest ...any) error { return rows.Scan(append(dest, &name, &ps)...) })
		if err != nil {
			return nil, fmt.Errorf("find orders: %w", err)
		}
		o.CustomerName, o.PaymentStatus = name, ps
		byID[o.ID] = o
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("find orders: %w", err)
	}
	for _, id := range ids {
		if o := byID[id]; o != nil {
			out = append(out, o)
		}
	}
	return out, nil
}

// customerSet selects the ids of the customers an FTS5 query matches.
const customerSet = `SELECT c.id FROM customers_fts f JOIN customers c ON c.rowid = f.rowid WHERE customers_fts MATCH ?`

// countCustomers is how many matching customers a broad search first
// counts the orders of: their orders usually pass QueryTotalCap already.
const countCustomers = 200

// findByQuery returns the capped total and a page of the orders matching
// a Query and the other conditions. The orders matching by number and by
// customer are found on their own indexes (orders_number, orders_serial,
// orders_list_customer) and joined.
func findByQuery(ctx context.Context, q catalog.Queryer, f OrderFilter, query, cond string, args []any) (int, []string, error) {
	numCond, numArgs := numberMatch(query)
	match := ""
	if strings.Trim(query, "0123456789") != "" { // digits alone are an order number
		match = customerMatch(query)
	}
	matched := 0
	if match != "" {
		if err := q.QueryRowContext(ctx, `SELECT count(*) FROM (SELECT 1 FROM customers_fts WHERE customers_fts MATCH ? LIMIT ?)`,
			match, max(broadCustomerMatch, countCustomers)+1).Scan(&matched); err != nil {
			return 0, nil, fmt.Errorf("find orders: match customers: %w", err)
		}
	}
	if numCond == "" && matched == 0 {
		return 0, []string{}, nil
	}
	if matched > 0 && f.cached() {
		return searchByPayment(ctx, q, f, numCond, numArgs, match)
	}
	// The number and the customers select few orders of the list: their
	// indexes drive, and the other filters are tested on what they find.
	cond, args = f.whereOn("+o.", paymentCond)
	// parts returns the matching orders' ids, by number and by customer,
	// with customers limited to the first few when limit > 0.
	parts := func(limit int) (string, []any) {
		var sets []string
		var sargs []any
		if numCond != "" {
			sets = append(sets, `SELECT o.id FROM orders o WHERE `+cond+` AND `+numCond)
			sargs = append(append(sargs, args...), numArgs...)
		}
		if matched > 0 {
			lim := ""
			if limit > 0 {
				lim = fmt.Sprintf(" LIMIT %d", limit)
			}
			sets = append(sets, `SELECT o.id FROM orders o WHERE `+cond+` AND o.customer_id IN (`+customerSet+lim+`)`)
			sargs = append(append(sargs, args...), match)
		}
		return strings.Join(sets, " UNION "), sargs
	}
	count := func(limit int) (int, error) {
		set, sargs := parts(limit)
		var n int
		err := q.QueryRowContext(ctx, `SELECT count(*) FROM (`+set+` LIMIT ?)`, append(sargs, QueryTotalCap+1)...).Scan(&n)
		if err != nil {
			return 0, fmt.Errorf("count orders: %w", err)
		}
		return n, nil
	}
	total := -1
	if matched > countCustomers {
		// The orders of the first customers often fill the cap already.
		n, err := count(countCustomers)
		if err != nil {
			return 0, nil, err
		}
		if n > QueryTotalCap {
			total = n
		}
	}
	if total < 0 {
		n, err := count(0)
		if err != nil {
			return 0, nil, err
		}
		total = n
	}
	if total == 0 {
		return 0, []string{}, nil
	}
	after, afterArgs := afterCond(f.After, false)
	if matched > broadCustomerMatch {
		// Many customers match: their orders are dense in the list, so walk
		// it newest first on an index covering the filters and test each.
		qcond, qargs := `(o.customer_id IN (`+customerSet+`)`, []any{match}
		if numCond != "" {
			qcond, qargs = qcond+` OR o.id IN (SELECT id FROM orders WHERE `+numCond+`)`, append(qargs, numArgs...)
		}
		ids, err := queryIDs(ctx, q, `SELECT o.id FROM orders o INDEXED BY orders_list WHERE `+cond+` AND `+qcond+`) AND `+after+
			listOrder+` LIMIT ? OFFSET ?`, append(append(append(append([]any{}, args...), qargs...), afterArgs...), f.Limit, f.Offset)...)
		return total, ids, err
	}
	// Few match: gather their orders and sort them.
	set, sargs := parts(0)
	ids, err := queryIDs(ctx, q, `SELECT o.id FROM orders o WHERE o.id IN (`+set+`) AND `+after+listOrder+` LIMIT ? OFFSET ?`,
		append(append(sargs, afterArgs...), f.Limit, f.Offset)...)
	return total, ids, err
}

// numberMatch returns the condition (on orders without alias) matching
// query as an order number: the start of the number, the start of its
// serial, or, for digits without a leading zero, the serial's value. ""
// when query cannot be part of a number.
func numberMatch(query string) (string, []any) {
	u := strings.ToUpper(strings.TrimSpace(query))
	if u == "" || strings.ContainsAny(u, " \t") || len(u) > 40 {
		return "", nil
	}
	conds := []string{"(number >= ? AND number < ?)"}
	args := []any{u, u + "\U0010FFFF"}
	if strings.Trim(u, "0123456789") == "" {
		conds, args = append(conds, "("+serialExpr+" >= ? AND "+serialExpr+" < ?)"), append(args, u, u+"\U0010FFFF")
		if u[0] != '0' && len(u) < 6 {
			conds, args = append(conds, serialExpr+" = ?"), append(args, strings.Repeat("0", 6-len(u))+u)
		}
	}
	return "(" + strings.Join(conds, " OR ") + ")", args
}

// customerMatch turns what a user typed into an FTS5 query of the
// customers' search index, as the customer service's search does: each
// word a quoted prefix term, folded as the index's "compact" column folds
// (migration 0004), so nothing typed can change the query's meaning. ""
// when there is no word.
func customerMatch(q string) string {
	words := strings.FieldsFunc(norm.NFC.String(q), func(r rune) bool {
		return !(unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.IsMark(r))
	})
	var terms []string
	for _, w := range words {
		if len(terms) == 8 {
			break
		}
		if r := []rune(w); len(r) > 64 {
			w = string(r[:64])
		}
		terms = append(terms, `"`+customerFolder.Replace(w)+`"*`)
	}
	return strings.Join(terms, " ")
}

// customerFolder folds the letters the FTS5 tokenizer keeps apart from
// their plain form, as customer.searchFold and the customers_search view do.
var customerFolder = strings.NewReplacer(
	"ά", "α", "έ", "ε", "ή", "η", "ί", "ι", "ό", "ο", "ύ", "υ", "ώ", "ω", "ϊ", "ι",
	"ϋ", "υ", "ΐ", "ι", "ΰ", "υ", "Ά", "α", "Έ", "ε", "Ή", "η", "Ί", "ι", "Ό", "ο",
	"Ύ", "υ", "Ώ", "ω", "Ϊ", "ι", "Ϋ", "υ", "ё", "е", "Ё", "е", "đ", "d", "Đ", "d",
	"ß", "ss", "ẞ", "ss", "ł", "l", "Ł", "l", "ø", "o", "Ø", "o", "æ", "ae", "Æ", "ae",
)

// countOrders returns how many orders match f but its Query: from the
// per-day counts of migration 0008, or 0010 with a payment status (the
// days inside the date range, less the orders before From on its first day
// and from To on its last, counted on the list indexes), or on
// orders_list_customer for one customer.
func countOrders(ctx context.Context, q catalog.Queryer, f OrderFilter) (int, error) {
	var n int
	if f.CustomerID != "" {
		cond, args := f.where()
		if err := q.QueryRowContext(ctx, `SELECT count(*) FROM orders o WHERE `+cond, args...).Scan(&n); err != nil {
			return 0, fmt.Errorf("count orders: %w", err)
		}
		return n, nil
	}
	where, args := countWhere(f)
	if err := q.QueryRowContext(ctx, `SELECT COALESCE(SUM(n), 0) FROM `+f.counts()+` WHERE `+where, args...).Scan(&n); err != nil {
		return 0, fmt.Errorf("count orders: %w", err)
	}
	// The days at the ends were counted whole: take off what lies outside.
	edge := func(from, to time.Time) (int, error) {
		g := f
		g.From, g.To = from, to
		cond, args := g.where()
		var k int
		if err := q.QueryRowContext(ctx, `SELECT count(*) FROM `+g.from()+` WHERE `+cond, args...).Scan(&k); err != nil {
			return 0, fmt.Errorf("count orders: %w", err)
		}
		return k, nil
	}
	if !f.From.IsZero() {
		start := f.From.UTC().Truncate(24 * time.Hour)
		if f.From.After(start) {
			k, err := edge(start, f.From)
			if err != nil {
				return 0, err
			}
			n -= k
		}
	}
	if !f.To.IsZero() {
		last := f.To.UTC().Add(-time.Millisecond).Truncate(24 * time.Hour)
		if end := last.Add(24 * time.Hour); f.To.Before(end) {
			k, err := edge(maxTime(f.To, f.From), end)
			if err != nil {
				return 0, err
			}
			n -= k
		}
	}
	return max(n, 0), nil
}

// countWhere returns the conditions on f.counts() of the days and the
// status, payment status and channel f selects.
func countWhere(f OrderFilter) (string, []any) {
	where, args := []string{"1"}, []any{}
	if f.PaymentStatus != "" {
		where, args = append(where, "payment_status = ?"), append(args, f.PaymentStatus)
	}
	if f.Status != "" {
		where, args = append(where, "status = ?"), append(args, f.Status)
	}
	if f.Channel != "" {
		where, args = append(where, "channel = ?"), append(args, f.Channel)
	}
	day := func(t time.Time) string { return t.UTC().Format("2006-01-02") }
	if !f.From.IsZero() {
		where, args = append(where, "day >= ?"), append(args, day(f.From))
	}
	if !f.To.IsZero() {
		where, args = append(where, "day <= ?"), append(args, day(f.To.Add(-time.Millisecond)))
	}
	return strings.Join(where, " AND "), args
}

func maxTime(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}

// deepOffset is the offset from which a page of a list without a Query
// seeks to its day through order_list_counts rather than skip entries.
// A variable, so tests can lower it.
var deepOffset = 5_000

// page returns the exact total and a page of the list without a Query.
func page(ctx context.Context, q catalog.Queryer, f OrderFilter, cond string, args []any) (int, []string, error) {
	total, err := countOrders(ctx, q, f)
	if err != nil {
		return 0, nil, err
	}
	after, afterArgs := afterCond(f.After, false)
	offset := f.Offset
	switch {
	case f.After == nil && offset >= total:
		return total, []string{}, nil
	case f.After == nil && offset >= deepOffset && f.CustomerID == "":
		// Find the day the offset falls in from the per-day counts, newest
		// first, and skip only within that day.
		day, skipped, err := dayAt(ctx, q, f, offset)
		if err != nil {
			return 0, nil, err
		}
		if !day.IsZero() {
			after, afterArgs = "o.created_at < ?", []any{store.FormatTime(day.Add(24 * time.Hour))}
			offset -= skipped
		}
	}
	ids, err := queryIDs(ctx, q, `SELECT o.id FROM `+f.from()+` WHERE `+cond+` AND `+after+listOrder+` LIMIT ? OFFSET ?`,
		append(append(append([]any{}, args...), afterArgs...), f.Limit, offset)...)
	if err != nil {
		return 0, nil, err
	}
	return total, ids, nil
}

// dayAt returns the day (UTC) of the order at offset in f's list, and how
// many of the list's orders are newer than that day, from the per-day
// counts; the zero time if the counts end first.
func dayAt(ctx context.Context, q catalog.Queryer, f OrderFilter, offset int) (time.Time, int, error) {
	where, args := countWhere(f)
	// The last day may end after To: its orders from To on are not listed.
	var lastDay string
	var beyond int
	if !f.To.IsZero() {
		last := f.To.UTC().Add(-time.Millisecond).Truncate(24 * time.Hour)
		if end := last.Add(24 * time.Hour); f.To.Before(end) {
			g := f
			g.From, g.To = maxTime(f.To, f.From), end
			cond, cargs := g.where()
			if err := q.QueryRowContext(ctx, `SELECT count(*) FROM `+g.from()+` WHERE `+cond, cargs...).Scan(&beyond); err != nil {
				return time.Time{}, 0, fmt.Errorf("find orders: %w", err)
			}
			lastDay = last.Format("2006-01-02")
		}
	}
	rows, err := q.QueryContext(ctx, `SELECT day, SUM(n) FROM `+f.counts()+` WHERE `+where+` GROUP BY day ORDER BY day DESC`, args...)
	if err != nil {
		return time.Time{}, 0, fmt.Errorf("find orders: %w", err)
	}
	defer rows.Close()
	seen := 0
	for rows.Next() {
		var day string
		var n int
		if err := rows.Scan(&day, &n); err != nil {
			return time.Time{}, 0, fmt.Errorf("find orders: %w", err)
		}
		if day == lastDay {
			n -= beyond
		}
		if seen+n > offset {
			t, err := time.Parse("2006-01-02", day)
			if err != nil {
				return time.Time{}, 0, fmt.Errorf("find orders: day %q: %w", day, err)
			}
			return t, seen, nil
		}
		seen += n
	}
	return time.Time{}, 0, rows.Err()
}

// The indexes by customer and by product serve screens only, and a
// snapshot's rows come in id order, which is random order for them: a
// snapshot builds them after its rows are in. The indexes whose keys come
// in about the order the rows do (by date, number, order) are cheaper to
// keep as the rows arrive.
func init() {
	store.RegisterDeferrableIndexes("orders_list_customer", "order_lines_product", "order_payment_status_customer")
}
