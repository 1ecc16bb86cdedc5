package order

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"oms/internal/catalog"
)

// The orders list by payment status (FindOrders with
// OrderFilter.PaymentStatus). Migration 0010 keeps each order's payment
// status in order_payment_status, a cache whose rows copy the order's list
// columns (created_at, status, channel, customer_id), with per-day counts
// in order_payment_counts; its triggers derive the status from the order
// and its order_payment_totals row in every transaction that changes
// either, so nothing here writes.

// findPaymentStatus returns the order's payment status from the list's
// cache (migration 0010), which triggers keep in step with its payments.
func findPaymentStatus(ctx context.Context, q catalog.Queryer, id string) (PaymentStatus, error) {
	var ps PaymentStatus
	err := q.QueryRowContext(ctx, `SELECT payment_status FROM order_payment_status WHERE id = ?`, id).Scan(&ps)
	if errors.Is(err, sql.ErrNoRows) {
		return PaymentStatusUnpaid, nil
	} else if err != nil {
		return "", fmt.Errorf("find payment status: %w", err)
	}
	return ps, nil
}

// cached reports whether a list walks the payment status cache rather than
// the orders: with a payment status and no customer (a customer's orders
// are few, found on orders_list_customer and tested).
func (f OrderFilter) cached() bool { return f.PaymentStatus != "" && f.CustomerID == "" }

// from is the table, as o, that a list without a Query walks: the payment
// status cache carries every column where and the list order use.
func (f OrderFilter) from() string {
	if f.cached() {
		return "order_payment_status o"
	}
	return "orders o"
}

// counts is the table of per-day counts that countOrders sums for f.
func (f OrderFilter) counts() string {
	if f.PaymentStatus != "" {
		return "order_payment_counts"
	}
	return "order_list_counts"
}

// paymentCond tests an order o's payment status in the cache.
const paymentCond = `EXISTS (SELECT 1 FROM order_payment_status ps WHERE ps.id = o.id AND ps.payment_status = ?)`

// gatherMax is the most matches of a search with a payment status that
// FindOrders gathers and sorts for a page; more are dense enough in the
// list to walk it instead. A variable, so tests can change it.
var gatherMax = 500

// searchByPayment is findByQuery with a payment status and no customer,
// for a Query that matches customers. It reads the cache, whose rows carry
// the customer and every other filter column, rather than test each of the
// customers' orders against it; only orders found by number are tested.
//
// When the customers are few beside the orders of the payment status (the
// ratio seekRatio), the matches are counted by seeking each customer's
// orders on order_payment_status_customer; a page of few matches is
// gathered there and sorted, a page of many walks the list, where they are
// dense. When the customers are many (a search for "m"), one walk of the
// list of the payment status gives both the capped count and the page.
func searchByPayment(ctx context.Context, q catalog.Queryer, f OrderFilter, numCond string, numArgs []any, match string) (int, []string, error) {
	// How many orders have the payment status (and status, channel and
	// days), from the per-day counts: the length of a walk. Then whether
	// the customers are many beside them, counting no more than that needs.
	var listed, customers int
	cw, cargs := countWhere(f)
	if err := q.QueryRowContext(ctx, `SELECT COALESCE(SUM(n), 0) FROM order_payment_counts WHERE `+cw, cargs...).Scan(&listed); err != nil {
		return 0, nil, fmt.Errorf("count orders: %w", err)
	}
	many := false
	if seekRatio > 0 {
		if err := q.QueryRowContext(ctx, `SELECT count(*) FROM (SELECT 1 FROM customers_fts WHERE customers_fts MATCH ? LIMIT ?)`,
			match, listed/seekRatio+1).Scan(&customers); err != nil {
			return 0, nil, fmt.Errorf("find orders: match customers: %w", err)
		}
		many = customers*seekRatio > listed
	}
	cond, args := f.where()
	// The list in order, newest first, on the index that serves the filters.
	walk := "order_payment_status o INDEXED BY order_payment_status_list"
	if f.Status != "" {
		walk = "order_payment_status o INDEXED BY order_payment_status_status"
	}
	// Matches by customer or by number, tested on each order of the walk.
	wcond, wargs := cond+` AND (o.customer_id IN (`+customerSet+`)`, append(append([]any{}, args...), match)
	if numCond != "" {
		wcond, wargs = wcond+` OR o.id IN (SELECT id FROM orders WHERE `+numCond+`)`, append(wargs, numArgs...)
	}
	wcond += `)`
	after, afterArgs := afterCond(f.After, false)
	walkPage := func() ([]string, error) {
		return queryIDs(ctx, q, `SELECT o.id FROM `+walk+` WHERE `+wcond+` AND `+after+listOrder+` LIMIT ? OFFSET ?`,
			append(append(append([]any{}, wargs...), afterArgs...), f.Limit, f.Offset)...)
	}
	count := func(set string, args []any) (int, error) {
		var n int
		if err := q.QueryRowContext(ctx, `SELECT count(*) FROM (`+set+` LIMIT ?)`, append(append([]any{}, args...), QueryTotalCap+1)...).
			Scan(&n); err != nil {
			return 0, fmt.Errorf("count orders: %w", err)
		}
		return n, nil
	}

	if many {
		// Many customers: one walk gives the capped count and the page,
		// unless the caller pages by key or past the end.
		if f.After == nil {
			total, ids, err := countedPage(ctx, q, `SELECT o.id, o.created_at FROM `+walk+` WHERE `+wcond+listOrder+` LIMIT ?`,
				append(append([]any{}, wargs...), QueryTotalCap+1), f.Limit, f.Offset)
			if err != nil || len(ids) > 0 || f.Offset == 0 {
				return total, ids, err
			}
		}
		total, err := count(`SELECT 1 FROM `+walk+` WHERE `+wcond, wargs)
		if err != nil || total == 0 {
			return total, []string{}, err
		}
		ids, err := walkPage()
		return total, ids, err
	}

	// Few customers: seek each one's orders of the payment status, and add
	// the orders matching by number of other customers (UNION ALL, so the
	// capped count stops early instead of sorting out duplicates first).
	set, sargs := `SELECT o.id FROM order_payment_status o INDEXED BY order_payment_status_customer WHERE `+cond+
		` AND o.customer_id IN (`+customerSet+`)`, append(append([]any{}, args...), match)
	if numCond != "" {
		ocond, oargs := f.whereOn("+o.", paymentCond)
		set += ` UNION ALL SELECT o.id FROM orders o WHERE ` + ocond + ` AND ` + numCond +
			` AND (o.customer_id IS NULL OR o.customer_id NOT IN (` + customerSet + `))`
		sargs = append(append(append(sargs, oargs...), numArgs...), match)
	}
	total, err := count(set, sargs)
	if err != nil || total == 0 {
		return total, []string{}, err
	}
	if total > gatherMax {
		ids, err := walkPage()
		return total, ids, err
	}
	ids, err := queryIDs(ctx, q, `SELECT o.id FROM order_payment_status o WHERE o.id IN (`+set+`) AND `+after+listOrder+` LIMIT ? OFFSET ?`,
		append(append(sargs, afterArgs...), f.Limit, f.Offset)...)
	return total, ids, err
}

// seekRatio is how many orders of a payment status a walk may step over
// for each customer a seek would look up: a seek into an index costs
// several steps along one; 0 always seeks. A variable, so tests can
// choose either way.
var seekRatio = 4

// countedPage runs inner (ids and creation times in list order, with a
// LIMIT of the count's cap) once, and returns how many rows it gave and the
// page of limit from offset: one walk instead of a count and a page.
func countedPage(ctx context.Context, q catalog.Queryer, inner string, args []any, limit, offset int) (int, []string, error) {
	rows, err := q.QueryContext(ctx, `SELECT id, count(*) OVER () FROM (`+inner+`) ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?`,
		append(args, limit, offset)...)
	if err != nil {
		return 0, nil, fmt.Errorf("find orders: %w", err)
	}
	defer rows.Close()
	ids, total := []string{}, 0
	for rows.Next() {
		var id string
		if err := rows.Scan(&id, &total); err != nil {
			return 0, nil, fmt.Errorf("find orders: %w", err)
		}
		ids = append(ids, id)
	}
	if err := rows.Err(); err != nil {
		return 0, nil, fmt.Errorf("find orders: %w", err)
	}
	return total, ids, nil
}
