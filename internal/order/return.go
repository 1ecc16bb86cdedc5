package order

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"math/big"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"oms/internal/catalog"
	"oms/internal/errs"
	"oms/internal/stock"
	"oms/internal/store"
)

// Returns (RMA): goods of a shipped or delivered order come back, each line
// restocked into a bin or written off, and the money goes back the way it
// came, to store credit, or not at all, in one transaction with the stock
// movements, the return's number and an entry in the order's history.

// ReturnStatus is where a return stands. Returns are recorded complete: the
// goods are back and decided on.
type ReturnStatus string

// ReturnCompleted is the status of every return recorded by CreateReturn.
const ReturnCompleted ReturnStatus = "completed"

// Disposition is what happens to returned goods.
type Disposition string

// Dispositions.
const (
	// DispositionRestock puts the goods back into a bin of the order's
	// warehouse with a stock 'return' movement.
	DispositionRestock Disposition = "restock"
	// DispositionWriteOff records goods that came back unsellable. They
	// never re-enter stock, so no stock movement is posted: the sale took
	// them off the shelf, and on-hand stays as it is. The return line is the
	// record.
	DispositionWriteOff Disposition = "write_off"
)

// RefundMethod is how a return's money goes back.
type RefundMethod string

// Refund methods.
const (
	RefundOriginal    RefundMethod = "original"     // negative payments by the methods the order was paid with
	RefundStoreCredit RefundMethod = "store_credit" // the customer's store credit (not for walk-in sales)
	RefundNone        RefundMethod = "none"         // no money back
)

// MaxReturnReason is the longest reason of a return, in characters.
const MaxReturnReason = 500

// Return is a return of goods of an order, with its lines and, from
// FindReturnByID, its refund records (negative payments, some perhaps
// pending until paid out with SettleRefund).
type Return struct {
	ID           string        `json:"id"`
	Number       string        `json:"number"` // "{station}-R{n:06}"
	OrderID      string        `json:"orderId"`
	OrderNumber  string        `json:"orderNumber"`
	CustomerID   string        `json:"customerId"` // "" for a walk-in sale
	Status       ReturnStatus  `json:"status"`
	Reason       string        `json:"reason"`
	RefundMethod RefundMethod  `json:"refundMethod"`
	RefundTotal  int64         `json:"refundTotal"` // money given back, minor units; 0 for RefundNone
	Currency     string        `json:"currency"`
	Note         string        `json:"note"`
	CreatedBy    string        `json:"createdBy"`
	CreatedAt    time.Time     `json:"createdAt"`
	Lines        []*ReturnLine `json:"lines"`
	Refunds      []*Payment    `json:"refunds,omitempty"`
}

// ReturnLine is one order line's goods in a return. SKU and Name are the
// order line's snapshots. Refund is the money given back for it (0 when the
// return refunds nothing). BinID and MovementID are "" for a write-off.
type ReturnLine struct {
	ID          string      `json:"id"`
	ReturnID    string      `json:"returnId"`
	OrderLineID string      `json:"orderLineId"`
	LineNo      int64       `json:"lineNo"`
	ProductID   string      `json:"productId"`
	SKU         string      `json:"sku"`
	Name        string      `json:"name"`
	Quantity    int64       `json:"quantity"`
	Disposition Disposition `json:"disposition"`
	WarehouseID string      `json:"warehouseId"`
	BinID       string      `json:"binId"`
	MovementID  string      `json:"movementId"`
	Refund      int64       `json:"refund"`
}

// ReturnInput describes a return. Refund is required. RefundMethodID, only
// with RefundOriginal, sends all the money back through that payment
// method; without it the money goes back through the methods the order was
// paid with, the one holding most first, never more through a method than
// was paid through it less its earlier refunds.
type ReturnInput struct {
	Reason         string
	Note           string
	Lines          []ReturnLineInput
	Refund         RefundMethod
	RefundMethodID string
}

// ReturnLineInput is the goods of one order line coming back. BinID is
// required to restock (a bin of the order's warehouse) and must be empty
// for a write-off.
type ReturnLineInput struct {
	OrderLineID string
	Quantity    int64
	Disposition Disposition
	BinID       string
}

// ReturnableLine is what can still come back of an order line: Shipped
// less Returned. Gross is the line's amount with discounts and tax.
type ReturnableLine struct {
	OrderLineID string `json:"orderLineId"`
	LineNo      int64  `json:"lineNo"`
	ProductID   string `json:"productId"`
	SKU         string `json:"sku"`
	Name        string `json:"name"`
	Quantity    int64  `json:"quantity"`
	Gross       int64  `json:"gross"`
	Shipped     int64  `json:"shipped"`
	Returned    int64  `json:"returned"`
	Returnable  int64  `json:"returnable"`
}

// ReturnFilter selects returns for FindReturns. Zero fields select all.
// Limit defaults to 50 and is at most 500.
type ReturnFilter struct {
	OrderID  string
	From, To time.Time // created at From or later, before To
	Limit    int
	Offset   int
}

// checkReturnInput validates what needs no database and normalizes in.
func checkReturnInput(in *ReturnInput) error {
	in.Reason = strings.TrimSpace(in.Reason)
	if in.Reason == "" {
		return errs.Invalid("reason", "Say why the goods came back.")
	}
	if !utf8.ValidString(in.Reason) || utf8.RuneCountInString(in.Reason) > MaxReturnReason {
		return errs.Invalid("reason", "The reason must be text of at most %d characters.", MaxReturnReason)
	}
	in.Note = strings.TrimSpace(in.Note)
	if err := checkNotes(in.Note); err != nil {
		return errs.Invalid("note", "A note must be text of at most %d characters.", MaxNotes)
	}
	switch in.Refund {
	case RefundOriginal, RefundStoreCredit, RefundNone:
	default:
		return errs.Invalid("refund", "Choose the refund: to the original payment, to store credit, or none.")
	}
	in.RefundMethodID = strings.TrimSpace(in.RefundMethodID)
	if in.RefundMethodID != "" && in.Refund != RefundOriginal {
		return errs.Invalid("refundMethodId", "A payment method is chosen only for a refund to the original payment.")
	}
	if len(in.Lines) == 0 {
		return errs.Invalid("lines", "Add at least one line to the return.")
	}
	seen := map[string]bool{}
	for i := range in.Lines {
		l := &in.Lines[i]
		field := fmt.Sprintf("lines[%d]", i)
		l.OrderLineID, l.BinID = strings.TrimSpace(l.OrderLineID), strings.TrimSpace(l.BinID)
		if l.OrderLineID == "" {
			return errs.Invalid(field+".orderLineId", "Choose the order line that comes back.")
		}
		if seen[l.OrderLineID] {
			return errs.Invalid(field+".orderLineId", "This order line is already in the return; put its whole quantity on one line.")
		}
		seen[l.OrderLineID] = true
		if err := checkQuantity(field+".quantity", l.Quantity); err != nil {
			return err
		}
		switch l.Disposition {
		case DispositionRestock:
			if l.BinID == "" {
				return errs.Invalid(field+".binId", "Choose the bin the goods go back to.")
			}
		case DispositionWriteOff:
			if l.BinID != "" {
				return errs.Invalid(field+".binId", "Written-off goods go to no bin; leave the bin empty.")
			}
		default:
			return errs.Invalid(field+".disposition", "Choose restock or write off.")
		}
	}
	return nil
}

// shippedQuantities returns how much of each of the order's lines has
// shipped, by line id: what its shipments took (order_lines.shipped, which
// ShipLines and a whole-order Advance to shipped keep).
func shippedQuantities(ctx context.Context, q catalog.Queryer, orderID string) (map[string]int64, error) {
	lines, err := findLines(ctx, q, orderID)
	if err != nil {
		return nil, err
	}
	out := make(map[string]int64, len(lines))
	for _, l := range lines {
		out[l.ID] = l.Shipped
	}
	return out, nil
}

// returnedQuantities returns how much of each of the order's lines came
// back in its returns so far, by line id.
func returnedQuantities(ctx context.Context, q catalog.Queryer, orderID string) (map[string]int64, error) {
	rows, err := q.QueryContext(ctx, `SELECT order_line_id, SUM(quantity) FROM return_lines WHERE order_id = ? GROUP BY order_line_id`, orderID)
	if err != nil {
		return nil, fmt.Errorf("read returned quantities: %w", err)
	}
	defer rows.Close()
	out := map[string]int64{}
	for rows.Next() {
		var id string
		var n int64
		if err := rows.Scan(&id, &n); err != nil {
			return nil, fmt.Errorf("read returned quantities: %w", err)
		}
		out[id] = n
	}
	return out, rows.Err()
}

// shareOf is gross x k / n rounded half away from zero (money's rule),
// exact for any int64 inputs; n > 0 and 0 <= k <= n, so it fits.
func shareOf(gross, k, n int64) int64 {
	num := new(big.Int).Mul(big.NewInt(gross), big.NewInt(k))
	q, r := new(big.Int).QuoRem(num, big.NewInt(n), new(big.Int))
	if r.Sign() != 0 && new(big.Int).Mul(new(big.Int).Abs(r), big.NewInt(2)).Cmp(big.NewInt(n)) >= 0 {
		q.Add(q, big.NewInt(int64(r.Sign())))
	}
	return q.Int64()
}

// lineRefund is what returning qty more units of a line of quantity lineQty
// and gross amount is worth when before units came back already: the
// line's gross share after this return less its share before, each
// rounded once. The shares of successive returns therefore add up to
// exactly the gross when every unit has come back (the last return takes
// the remainder of the rounding), whatever the split.
func lineRefund(gross, lineQty, before, qty int64) int64 {
	return shareOf(gross, before+qty, lineQty) - shareOf(gross, before, lineQty)
}

// returnNumber takes the next number of this workstation's return series
// in tx: "{station}-R{n:06}", so a return is never mistaken for an order.
func returnNumber(tx *store.Tx, station string) (string, error) {
	return SeriesNumber(tx, station, "return", "R")
}

// SeriesNumber takes the next number of this workstation's series of kind
// in tx: "{station}-{letter}{n:06}" (LOCAL before enrolment), so that a
// shipment (S) or a return (R) is never mistaken for an order.
func SeriesNumber(tx *store.Tx, station, kind, letter string) (string, error) {
	prefix := seriesPrefix(station)
	n, err := nextNumber(tx, kind, prefix)
	if err != nil {
		return "", err
	}
	return prefix + "-" + letter + strings.TrimPrefix(n, prefix+"-"), nil
}

// CreateReturn records goods of a shipped or delivered order coming back,
// in one transaction: the return and its lines with the next return number,
// a stock 'return' movement into the chosen bin for each restocked line
// (written-off lines move no stock), the refund, and an entry in the
// order's history (from and to the order's status, the return in the note).
//
// Each line may bring back at most what shipped less what came back in
// earlier returns. Its refund is the order line's gross (after line and
// order discounts, with tax) x quantity / ordered quantity, as lineRefund
// rounds it; shipping is not refunded by a return (a goodwill refund of
// shipping is a plain Refund). RefundOriginal records completed negative
// payments tied to the return, through in.RefundMethodID or the methods
// paid (see ReturnInput); a cash refund while this workstation's drawer is
// closed is recorded pending, for SettleRefund to pay out. RefundStoreCredit
// issues the customer store credit (a refund by the store-credit method).
// Both need the money to have been paid: a refund never exceeds what was
// paid less earlier refunds. RefundNone moves no money.
//
// EINVALID on "reason", "note", "refund", "refundMethodId", "lines",
// "lines[i].orderLineId" (unknown or repeated line), "lines[i].quantity"
// (saying how many can still come back), "lines[i].disposition" or
// "lines[i].binId", and on "status" for an order not shipped or delivered;
// ENOTFOUND for the order, on "refundMethodId" or on "lines[i].binId";
// ECONFLICT on "lines[i].binId" or "lines[i].warehouseId" for an inactive
// bin or warehouse.
func (s *Service) CreateReturn(ctx context.Context, actor store.Actor, orderID string, in ReturnInput) (*Return, error) {
	if err := checkReturnInput(&in); err != nil {
		return nil, err
	}
	var id string
	err := s.db.Update(ctx, actor, func(tx *store.Tx) error {
		o, err := findOrder(ctx, tx, orderID)
		if err != nil {
			return err
		}
		if o.Status != StatusShipped && o.Status != StatusDelivered {
			// Part of an order still being fulfilled may have shipped already.
			if shipped, err := shippedUnits(tx, o.ID); err != nil {
				return err
			} else if shipped == 0 || o.Status == StatusCancelled {
				return errs.Invalid("status", "Only goods that shipped can come back; nothing of this %s order has.", o.Status)
			}
		}
		if in.Refund == RefundStoreCredit && o.CustomerID == "" {
			return errs.Invalid("refund", "A walk-in sale has no customer to hold store credit; refund to the original payment instead.")
		}
		r, err := buildReturn(ctx, tx, o, in)
		if err != nil {
			return err
		}
		if r.Number, err = returnNumber(tx, s.db.Device().StationCode); err != nil {
			return err
		}
		id = r.ID
		if err := insertReturn(tx, r); err != nil {
			return err
		}
		for i, l := range r.Lines {
			if l.Disposition == DispositionRestock {
				m, err := stock.RecordReturn(tx, stock.Request{ProductID: l.ProductID, WarehouseID: l.WarehouseID, BinID: l.BinID,
					Quantity: l.Quantity, RefType: stock.RefReturn, RefID: r.ID, Reason: "Return " + r.Number + " of order " + o.Number})
				if err != nil {
					return errs.Prefix(fmt.Sprintf("lines[%d]", i), err)
				}
				l.MovementID = m.ID
			}
			if err := insertReturnLine(tx, r, l); err != nil {
				return err
			}
		}
		pending := false
		if r.RefundTotal > 0 {
			switch in.Refund {
			case RefundOriginal:
				pending, err = refundOriginal(tx, o, r, in.RefundMethodID)
			case RefundStoreCredit:
				err = refundStoreCredit(tx, o, r)
			}
			if err != nil {
				return err
			}
		}
		return addEvent(tx, o.ID, o.Status, o.Status, historyNote(o, r, pending))
	})
	if err != nil {
		return nil, err
	}
	return s.FindReturnByID(ctx, id)
}

// buildReturn checks in's lines against the order and returns the return
// to record, with its lines' refunds.
func buildReturn(ctx context.Context, tx *store.Tx, o *Order, in ReturnInput) (*Return, error) {
	lines, err := findLines(ctx, tx, o.ID)
	if err != nil {
		return nil, err
	}
	shipped, err := shippedQuantities(ctx, tx, o.ID)
	if err != nil {
		return nil, err
	}
	returned, err := returnedQuantities(ctx, tx, o.ID)
	if err != nil {
		return nil, err
	}
	byID := make(map[string]*Line, len(lines))
	for _, l := range lines {
		byID[l.ID] = l
	}
	r := &Return{ID: store.NewID(), OrderID: o.ID, OrderNumber: o.Number, CustomerID: o.CustomerID, Status: ReturnCompleted,
		Reason: in.Reason, RefundMethod: in.Refund, Currency: o.Currency, Note: in.Note, CreatedBy: tx.Actor.UserName,
		CreatedAt: tx.Now}
	for i, li := range in.Lines {
		field := fmt.Sprintf("lines[%d]", i)
		l := byID[li.OrderLineID]
		if l == nil {
			return nil, errs.Invalid(field+".orderLineId", "This line is not on order %s.", o.Number)
		}
		before := returned[l.ID]
		can := max(shipped[l.ID]-before, 0)
		if li.Quantity > can {
			if can == 0 {
				return nil, errs.Invalid(field+".quantity", "Nothing more of %s can be returned: %d shipped, %d returned already.",
					l.SKU, shipped[l.ID], before)
			}
			return nil, errs.Invalid(field+".quantity", "Only %d of %s can still be returned (%d shipped, %d returned already).",
				can, l.SKU, shipped[l.ID], before)
		}
		rl := &ReturnLine{ID: store.NewID(), ReturnID: r.ID, OrderLineID: l.ID, LineNo: l.LineNo, ProductID: l.ProductID,
			SKU: l.SKU, Name: l.Name, Quantity: li.Quantity, Disposition: li.Disposition, WarehouseID: o.WarehouseID, BinID: li.BinID}
		if in.Refund != RefundNone {
			rl.Refund = lineRefund(l.Gross, l.Quantity, before, li.Quantity)
		}
		r.RefundTotal += rl.Refund // at most the order's total
		r.Lines = append(r.Lines, rl)
	}
	return r, nil
}

func insertReturn(tx *store.Tx, r *Return) error {
	_, err := tx.ExecContext(tx.Context(), `INSERT INTO returns (id, number, order_id, customer_id, status, reason, refund_method,
		refund_total, currency, note, created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		r.ID, r.Number, r.OrderID, r.CustomerID, r.Status, r.Reason, r.RefundMethod, r.RefundTotal, r.Currency, r.Note,
		r.CreatedBy, store.FormatTime(r.CreatedAt), store.FormatTime(r.CreatedAt))
	if err != nil {
		return fmt.Errorf("insert return: %w", err)
	}
	return nil
}

func insertReturnLine(tx *store.Tx, r *Return, l *ReturnLine) error {
	_, err := tx.ExecContext(tx.Context(), `INSERT INTO return_lines (id, return_id, order_id, order_line_id, line_no, product_id,
		sku, name, quantity, disposition, warehouse_id, bin_id, movement_id, refund, created_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		l.ID, r.ID, r.OrderID, l.OrderLineID, l.LineNo, l.ProductID, l.SKU, l.Name, l.Quantity, l.Disposition, l.WarehouseID,
		l.BinID, l.MovementID, l.Refund, store.FormatTime(r.CreatedAt))
	if err != nil {
		return fmt.Errorf("insert return line: %w", err)
	}
	return nil
}

// refundReason is the reason on a return's refund records.
func refundReason(r *Return) string {
	reason := "Return " + r.Number + ": " + r.Reason
	if utf8.RuneCountInString(reason) > MaxReason {
		reason = string([]rune(reason)[:MaxReason])
	}
	return reason
}

// refundField moves a refund error from the payment's fields ("amount",
// "methodId") to the return's: field.
func refundField(err error, field string) error {
	var e *errs.Error
	if errors.As(err, &e) && (e.Field == "amount" || e.Field == "methodId") {
		return &errs.Error{Code: e.Code, Message: e.Message, Field: field}
	}
	return err
}

// refundOriginal records the return's refund as negative payments: all
// through methodID when given, else through the methods the order was paid
// with, the one holding most (paid less refunds) first, never more through
// one than it holds. A cash refund with this workstation's drawer closed is
// recorded pending. It reports whether any refund is pending.
func refundOriginal(tx *store.Tx, o *Order, r *Return, methodID string) (bool, error) {
	ctx := tx.Context()
	type part struct {
		methodID string
		amount   int64
	}
	var plan []part
	field := "refund"
	if methodID != "" {
		field = "refundMethodId"
		plan = []part{{methodID, r.RefundTotal}}
	} else {
		ts, err := methodTotals(ctx, tx, o.ID)
		if err != nil {
			return false, err
		}
		sort.SliceStable(ts, func(i, j int) bool { return ts[i].paid-ts[i].refunded > ts[j].paid-ts[j].refunded })
		left := r.RefundTotal
		var held int64
		for _, t := range ts {
			h := t.paid - t.refunded
			if h <= 0 {
				continue
			}
			held += h
			if left > 0 {
				take := min(h, left)
				plan, left = append(plan, part{t.methodID, take}), left-take
			}
		}
		if left > 0 {
			return false, errs.Invalid("refund", "The return is worth %s but only %s paid on this order can still be refunded; record the return without a refund.",
				formatAmount(r.RefundTotal, o.Currency), formatAmount(held, o.Currency))
		}
	}
	dev, err := deviceID(tx)
	if err != nil {
		return false, err
	}
	drawer, err := openSessionID(tx, dev)
	if err != nil {
		return false, err
	}
	pending := false
	for _, p := range plan {
		m, err := findMethod(ctx, tx, p.methodID)
		if err != nil {
			return false, refundField(err, field)
		}
		status := PaymentCompleted
		if m.Kind == MethodCash && drawer == "" {
			status, pending = PaymentPending, true
		}
		pay := &Payment{OrderID: o.ID, MethodID: m.ID, Amount: -p.amount, Reason: refundReason(r), ReturnID: r.ID, Status: status}
		if err := recordPayment(tx, pay); err != nil {
			return false, refundField(err, field)
		}
	}
	return pending, nil
}

// refundStoreCredit records the return's refund by the store-credit
// method, which issues the customer that much store credit.
func refundStoreCredit(tx *store.Tx, o *Order, r *Return) error {
	methods, err := findMethods(tx.Context(), tx, false)
	if err != nil {
		return err
	}
	var m *PaymentMethod
	for _, pm := range methods {
		if pm.Kind == MethodStoreCredit && (m == nil || (pm.Active && !m.Active)) {
			m = pm
		}
	}
	if m == nil {
		return errs.Invalid("refund", "There is no store credit payment method; an admin must add one.")
	}
	pay := &Payment{OrderID: o.ID, MethodID: m.ID, Amount: -r.RefundTotal, Reason: refundReason(r), ReturnID: r.ID,
		Status: PaymentCompleted}
	return refundField(recordPayment(tx, pay), "refund")
}

// historyNote is the order history's entry for a return, such as
// "Return S01-R000001: 1 × Bolt (restocked); refund 11.90 EUR. Reason: …".
func historyNote(o *Order, r *Return, pending bool) string {
	var parts []string
	for _, l := range r.Lines {
		what := "restocked"
		if l.Disposition == DispositionWriteOff {
			what = "written off"
		}
		parts = append(parts, fmt.Sprintf("%d × %s (%s)", l.Quantity, l.Name, what))
	}
	money := "no refund"
	switch {
	case r.RefundTotal == 0:
	case r.RefundMethod == RefundStoreCredit:
		money = "refund " + formatAmount(r.RefundTotal, o.Currency) + " to store credit"
	case pending:
		money = "refund " + formatAmount(r.RefundTotal, o.Currency) + " (to be paid out)"
	default:
		money = "refund " + formatAmount(r.RefundTotal, o.Currency)
	}
	note := "Return " + r.Number + ": " + strings.Join(parts, ", ") + "; " + money + ". Reason: " + r.Reason
	if utf8.RuneCountInString(note) > MaxNotes {
		note = string([]rune(note)[:MaxNotes])
	}
	return note
}

const returnColumns = `r.id, r.number, r.order_id, COALESCE(o.number, ''), r.customer_id, r.status, r.reason, r.refund_method,
	r.refund_total, r.currency, r.note, r.created_by, r.created_at`

const returnFrom = ` FROM returns r LEFT JOIN orders o ON o.id = r.order_id`

func scanReturn(scan func(...any) error) (*Return, error) {
	var r Return
	var at string
	if err := scan(&r.ID, &r.Number, &r.OrderID, &r.OrderNumber, &r.CustomerID, &r.Status, &r.Reason, &r.RefundMethod,
		&r.RefundTotal, &r.Currency, &r.Note, &r.CreatedBy, &at); err != nil {
		return nil, err
	}
	var err error
	if r.CreatedAt, err = store.ParseTime(at); err != nil {
		return nil, err
	}
	r.Lines = []*ReturnLine{}
	return &r, nil
}

// loadReturnLines fills in the lines of rs.
func loadReturnLines(ctx context.Context, q catalog.Queryer, rs []*Return) error {
	if len(rs) == 0 {
		return nil
	}
	byID := make(map[string]*Return, len(rs))
	args := make([]any, len(rs))
	for i, r := range rs {
		byID[r.ID], args[i] = r, r.ID
	}
	rows, err := q.QueryContext(ctx, `SELECT id, return_id, order_line_id, line_no, product_id, sku, name, quantity, disposition,
		warehouse_id, bin_id, movement_id, refund FROM return_lines WHERE return_id IN (`+returnPlaceholders(len(rs))+`)
		ORDER BY return_id, line_no, id`, args...)
	if err != nil {
		return fmt.Errorf("find return lines: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var l ReturnLine
		if err := rows.Scan(&l.ID, &l.ReturnID, &l.OrderLineID, &l.LineNo, &l.ProductID, &l.SKU, &l.Name, &l.Quantity,
			&l.Disposition, &l.WarehouseID, &l.BinID, &l.MovementID, &l.Refund); err != nil {
			return fmt.Errorf("find return lines: %w", err)
		}
		if r := byID[l.ReturnID]; r != nil {
			r.Lines = append(r.Lines, &l)
		}
	}
	return rows.Err()
}

func returnPlaceholders(n int) string { return strings.TrimSuffix(strings.Repeat("?,", n), ",") }

// FindReturnByID returns a return with its lines and refund records.
// ENOTFOUND if there is none.
func (s *Service) FindReturnByID(ctx context.Context, id string) (*Return, error) {
	q := s.db.Reader()
	r, err := scanReturn(q.QueryRowContext(ctx, `SELECT `+returnColumns+returnFrom+` WHERE r.id = ?`, id).Scan)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, errs.Errorf(errs.ENOTFOUND, "Return not found.")
	} else if err != nil {
		return nil, fmt.Errorf("find return: %w", err)
	}
	if err := loadReturnLines(ctx, q, []*Return{r}); err != nil {
		return nil, err
	}
	if r.Refunds, err = findPayments(ctx, q, `p.return_id = ?`, r.ID); err != nil {
		return nil, err
	}
	return r, nil
}

// FindReturns returns a page of returns with their lines, newest first,
// and how many match in all.
func (s *Service) FindReturns(ctx context.Context, f ReturnFilter) ([]*Return, int, error) {
	if f.Limit <= 0 {
		f.Limit = 50
	}
	f.Limit, f.Offset = min(f.Limit, 500), max(f.Offset, 0)
	where, args := []string{"1"}, []any{}
	if f.OrderID != "" {
		where, args = append(where, "r.order_id = ?"), append(args, f.OrderID)
	}
	if !f.From.IsZero() {
		where, args = append(where, "r.created_at >= ?"), append(args, store.FormatTime(f.From))
	}
	if !f.To.IsZero() {
		where, args = append(where, "r.created_at < ?"), append(args, store.FormatTime(f.To))
	}
	cond := strings.Join(where, " AND ")
	rtx, err := s.db.Reader().BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, 0, fmt.Errorf("find returns: %w", err)
	}
	defer rtx.Rollback()
	var total int
	if err := rtx.QueryRowContext(ctx, `SELECT count(*) FROM returns r WHERE `+cond, args...).Scan(&total); err != nil {
		return nil, 0, fmt.Errorf("count returns: %w", err)
	}
	rows, err := rtx.QueryContext(ctx, `SELECT `+returnColumns+returnFrom+` WHERE `+cond+
		` ORDER BY r.created_at DESC, r.id DESC LIMIT ? OFFSET ?`, append(args, f.Limit, f.Offset)...)
	if err != nil {
		return nil, 0, fmt.Errorf("find returns: %w", err)
	}
	out := []*Return{}
	for rows.Next() {
		r, err := scanReturn(rows.Scan)
		if err != nil {
			rows.Close()
			return nil, 0, fmt.Errorf("find returns: %w", err)
		}
		out = append(out, r)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, 0, fmt.Errorf("find returns: %w", err)
	}
	if err := loadReturnLines(ctx, rtx, out); err != nil {
		return nil, 0, err
	}
	return out, total, nil
}

// ReturnableLines returns, for each line of the order, how much shipped,
// came back already and can still be returned. ENOTFOUND.
func (s *Service) ReturnableLines(ctx context.Context, orderID string) ([]*ReturnableLine, error) {
	rtx, err := s.db.Reader().BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, fmt.Errorf("returnable lines: %w", err)
	}
	defer rtx.Rollback()
	shipped, err := shippedQuantities(ctx, rtx, orderID)
	if err != nil {
		return nil, err
	}
	lines, err := findLines(ctx, rtx, orderID)
	if err != nil {
		return nil, err
	}
	returned, err := returnedQuantities(ctx, rtx, orderID)
	if err != nil {
		return nil, err
	}
	out := make([]*ReturnableLine, 0, len(lines))
	for _, l := range lines {
		out = append(out, &ReturnableLine{OrderLineID: l.ID, LineNo: l.LineNo, ProductID: l.ProductID, SKU: l.SKU, Name: l.Name,
			Quantity: l.Quantity, Gross: l.Gross, Shipped: shipped[l.ID], Returned: returned[l.ID],
			Returnable: max(shipped[l.ID]-returned[l.ID], 0)})
	}
	return out, nil
}
