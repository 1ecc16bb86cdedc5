package order

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"oms/internal/auth"
	"oms/internal/catalog"
	"oms/internal/company"
	"oms/internal/errs"
	"oms/internal/money"
	"oms/internal/store"
)

// PaymentState is the recorded state of a payment record. A pending refund
// becomes completed by a settlement, never by an update: payments are an
// insert-only ledger.
type PaymentState string

// Payment states.
const (
	PaymentCompleted PaymentState = "completed"
	PaymentPending   PaymentState = "pending" // a refund still to be paid out
)

// PaymentStatus is how far an order is paid, derived from its payments by
// FindPaymentSummary (see PaymentSummary for the definitions).
type PaymentStatus string

// Payment statuses of an order.
const (
	PaymentStatusUnpaid     PaymentStatus = "unpaid"
	PaymentStatusPartlyPaid PaymentStatus = "partly_paid"
	PaymentStatusPaid       PaymentStatus = "paid"
	PaymentStatusOverpaid   PaymentStatus = "overpaid"
	PaymentStatusRefunded   PaymentStatus = "refunded"
)

// PaymentStatuses are the payment statuses, from unpaid to refunded.
var PaymentStatuses = []PaymentStatus{PaymentStatusUnpaid, PaymentStatusPartlyPaid, PaymentStatusPaid, PaymentStatusOverpaid,
	PaymentStatusRefunded}

// ParsePaymentStatus returns the payment status named s ("unpaid",
// "partly_paid", "paid", "overpaid" or "refunded"; "" stays "", which a
// filter reads as any), or EINVALID on "paymentStatus".
func ParsePaymentStatus(s string) (PaymentStatus, error) {
	for _, ps := range PaymentStatuses {
		if PaymentStatus(s) == ps {
			return ps, nil
		}
	}
	if s == "" {
		return "", nil
	}
	return "", errs.Invalid("paymentStatus", "%q is not a payment status; choose unpaid, partly paid, paid, overpaid or refunded.", s)
}

// MaxReference is the longest payment reference, in characters.
const MaxReference = 100

// MaxReason is the longest refund reason, in characters.
const MaxReason = 500

// Payment is one record of the payments ledger: a payment (Amount > 0) or
// a refund (Amount < 0) of an order, in the order's currency. MethodKind and
// MethodName are snapshots. Tendered and Change are set for cash payments
// (Tendered - Change = Amount).
type Payment struct {
	ID              string       `json:"id"`
	OrderID         string       `json:"orderId"`
	MethodID        string       `json:"methodId"`
	MethodKind      MethodKind   `json:"methodKind"`
	MethodName      string       `json:"methodName"`
	Currency        string       `json:"currency"`
	Amount          int64        `json:"amount"`
	Tendered        int64        `json:"tendered"`
	Change          int64        `json:"change"`
	Reference       string       `json:"reference"`
	Reason          string       `json:"reason"`
	ReturnID        string       `json:"returnId"`
	DrawerSessionID string       `json:"drawerSessionId"`
	Status          PaymentState `json:"status"` // as recorded; see Completed
	ApprovedBy      string       `json:"approvedBy"`
	UserID          string       `json:"userId"`
	UserName        string       `json:"userName"`
	At              time.Time    `json:"at"`
	DeviceID        string       `json:"deviceId"`
	Settlement      *Settlement  `json:"settlement,omitempty"` // the pay-out of a pending refund
}

// Completed reports whether the money has moved: the record is completed,
// or it is a pending refund that has been paid out.
func (p *Payment) Completed() bool { return p.Status == PaymentCompleted || p.Settlement != nil }

// Settlement is the pay-out of a pending refund, for its whole amount.
type Settlement struct {
	ID              string    `json:"id"`
	PaymentID       string    `json:"paymentId"`
	DrawerSessionID string    `json:"drawerSessionId"`
	Reference       string    `json:"reference"`
	UserID          string    `json:"userId"`
	UserName        string    `json:"userName"`
	At              time.Time `json:"at"`
	DeviceID        string    `json:"deviceId"`
}

// PaymentInput describes a payment taken for an order.
type PaymentInput struct {
	MethodID string
	// Amount to pay, in minor units. A cash amount above the balance due is
	// accepted and recorded as the balance, the rest given back as change;
	// any other method refuses it.
	Amount int64
	// Tendered is the cash handed over (cash only); 0 means exactly Amount.
	Tendered  int64
	Reference string // terminal slip, transfer id, PayPal id, gift card code; never a card number
	// ApproverID and ApproverSecret are a manager's id and PIN or password,
	// needed when an on-account payment takes the customer over the credit limit.
	ApproverID     string
	ApproverSecret string
}

// RefundInput describes a refund of an order. Amount is positive: the
// refund is recorded as its negative.
type RefundInput struct {
	MethodID  string
	Amount    int64
	Reference string
	Reason    string
	// Pending records a refund still to be paid out with SettleRefund.
	Pending bool
}

// PaymentSummary is where an order stands with its payments. Amounts are
// minor units of Currency.
//
//   - Due is what the order is now worth: its total less the refunds of
//     its returns (completed or pending), and 0 for a cancelled order.
//   - Paid is the sum of its payments; Refunded of its paid-out refunds;
//     PendingRefund of the refunds still to be paid out.
//   - NetPaid = Paid - Refunded: the money the business holds for it.
//   - BalanceDue = max(Due - (NetPaid - PendingRefund), 0): what the
//     customer still owes, pending refunds being money already given back.
//   - Overpaid = max(NetPaid - Due, 0): what is held beyond Due, pending
//     refunds included until they are paid out.
//   - Change is the change given on the order's cash payments.
//
// Status: unpaid when nothing was ever paid; overpaid when NetPaid > Due;
// refunded when something was refunded and NetPaid = Due (a cancelled order
// whose payments have all been paid back, or a return refunded); paid when
// NetPaid = Due; partly_paid when 0 < NetPaid < Due; unpaid otherwise.
type PaymentSummary struct {
	OrderID       string        `json:"orderId"`
	Currency      string        `json:"currency"`
	Total         int64         `json:"total"`
	Due           int64         `json:"due"`
	Paid          int64         `json:"paid"`
	Refunded      int64         `json:"refunded"`
	PendingRefund int64         `json:"pendingRefund"`
	NetPaid       int64         `json:"netPaid"`
	BalanceDue    int64         `json:"balanceDue"`
	Overpaid      int64         `json:"overpaid"`
	Change        int64         `json:"change"`
	Status        PaymentStatus `json:"status"`
}

// Approver checks a manager's approval: auth.Service does.
type Approver interface {
	Approve(ctx context.Context, userID, secret string, perm auth.Permission) (*auth.User, error)
}

// approvers holds each Service's Approver. It belongs in Service itself;
// it lives here until order.go, owned by another change, takes the field,
// so that NewService keeps its signature either way.
var approvers sync.Map // *Service -> Approver

// SetApprover gives the service the approver that on-account payments over
// a customer's credit limit need. Without one they are refused.
func (s *Service) SetApprover(a Approver) { approvers.Store(s, a) }

func (s *Service) approver() Approver {
	a, _ := approvers.Load(s)
	ap, _ := a.(Approver)
	return ap
}

// paymentTotals are the sums kept in order_payment_totals.
type paymentTotals struct {
	paid, refunded, pending, returned int64
}

// rebuildPaymentTotals recomputes the order's row of the
// order_payment_totals cache from the payments ledger and its settlements.
// Every write of a payment, refund or settlement calls it in its
// transaction; sync calls it for the orders whose payments it brings in.
// The triggers of migration 0010 derive the order's payment status for the
// list (order_payment_status) from the row it writes, in the same
// transaction, as they do when the order's total or status changes.
func rebuildPaymentTotals(tx *store.Tx, orderID string) error {
	return rebuildPaymentTotalsOf(tx, []string{orderID})
}

// rebuildPaymentTotalsOf is rebuildPaymentTotals for several orders in one
// statement.
func rebuildPaymentTotalsOf(tx *store.Tx, orderIDs []string) error {
	if len(orderIDs) == 0 {
		return nil
	}
	ids, err := json.Marshal(orderIDs)
	if err != nil {
		return fmt.Errorf("rebuild payment totals: %w", err)
	}
	_, err = tx.ExecContext(tx.Context(), `INSERT INTO order_payment_totals (id, paid, refunded, pending_refund, return_refund, updated_at)
		SELECT o.value,
			COALESCE(SUM(CASE WHEN p.amount > 0 THEN p.amount END), 0),
			COALESCE(SUM(CASE WHEN p.amount < 0 AND p.settled THEN -p.amount END), 0),
			COALESCE(SUM(CASE WHEN p.amount < 0 AND NOT p.settled THEN -p.amount END), 0),
			COALESCE(SUM(CASE WHEN p.amount < 0 AND p.return_id <> '' THEN -p.amount END), 0),
			?2
		FROM json_each(?1) o LEFT JOIN (SELECT p.order_id, p.amount, p.return_id, (p.status = 'completed'
				OR EXISTS (SELECT 1 FROM payment_settlements s WHERE s.payment_id = p.id)) AS settled
			FROM payments p) p ON p.order_id = o.value
		WHERE true -- lets SQLite tell the upsert from a join
		GROUP BY o.value
		ON CONFLICT (id) DO UPDATE SET paid = excluded.paid, refunded = excluded.refunded,
			pending_refund = excluded.pending_refund, return_refund = excluded.return_refund, updated_at = excluded.updated_at`,
		string(ids), store.FormatTime(tx.Now))
	if err != nil {
		return fmt.Errorf("rebuild payment totals: %w", err)
	}
	return nil
}

func readPaymentTotals(ctx context.Context, q catalog.Queryer, orderID string) (paymentTotals, error) {
	var t paymentTotals
	err := q.QueryRowContext(ctx, `SELECT paid, refunded, pending_refund, return_refund FROM order_payment_totals WHERE id = ?`, orderID).
		Scan(&t.paid, &t.refunded, &t.pending, &t.returned)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return t, fmt.Errorf("read payment totals: %w", err)
	}
	return t, nil
}

// summarize derives the summary of o from its payment totals.
func summarize(o *Order, t paymentTotals, change int64) *PaymentSummary {
	s := &PaymentSummary{OrderID: o.ID, Currency: o.Currency, Total: o.Total, Paid: t.paid, Refunded: t.refunded,
		PendingRefund: t.pending, NetPaid: t.paid - t.refunded, Change: change}
	if o.Status != StatusCancelled {
		s.Due = max(o.Total-t.returned, 0)
	}
	s.BalanceDue = max(s.Due-(s.NetPaid-s.PendingRefund), 0)
	s.Overpaid = max(s.NetPaid-s.Due, 0)
	switch {
	case s.Paid == 0:
		s.Status = PaymentStatusUnpaid
	case s.NetPaid > s.Due:
		s.Status = PaymentStatusOverpaid
	case s.NetPaid == s.Due && s.Refunded > 0:
		s.Status = PaymentStatusRefunded
	case s.NetPaid == s.Due:
		s.Status = PaymentStatusPaid
	case s.NetPaid > 0:
		s.Status = PaymentStatusPartlyPaid
	default:
		s.Status = PaymentStatusUnpaid
	}
	return s
}

func paymentSummary(ctx context.Context, q catalog.Queryer, o *Order) (*PaymentSummary, error) {
	t, err := readPaymentTotals(ctx, q, o.ID)
	if err != nil {
		return nil, err
	}
	var change int64
	if err := q.QueryRowContext(ctx, `SELECT COALESCE(SUM(change), 0) FROM payments WHERE order_id = ?`, o.ID).Scan(&change); err != nil {
		return nil, fmt.Errorf("read change given: %w", err)
	}
	return summarize(o, t, change), nil
}

// FindPaymentSummary returns where the order stands with its payments.
// ENOTFOUND if there is no such order.
func (s *Service) FindPaymentSummary(ctx context.Context, orderID string) (*PaymentSummary, error) {
	o, err := findOrder(ctx, s.db.Reader(), orderID)
	if err != nil {
		return nil, err
	}
	return paymentSummary(ctx, s.db.Reader(), o)
}

const paymentColumns = `p.id, p.order_id, p.method_id, p.method_kind, p.method_name, p.currency, p.amount, p.tendered, p.change,
	p.reference, p.reason, p.return_id, p.drawer_session_id, p.status, p.approved_by, p.user_id, p.user_name, p.at, p.device_id,
	COALESCE(s.id, ''), COALESCE(s.drawer_session_id, ''), COALESCE(s.reference, ''), COALESCE(s.user_id, ''),
	COALESCE(s.user_name, ''), COALESCE(s.at, ''), COALESCE(s.device_id, '')`

// paymentFrom joins each payment to its first settlement: two devices
// may both have paid out the same refund offline, and the first one counts.
const paymentFrom = ` FROM payments p LEFT JOIN payment_settlements s ON s.id =
	(SELECT s2.id FROM payment_settlements s2 WHERE s2.payment_id = p.id ORDER BY s2.at, s2.id LIMIT 1)`

func scanPayment(scan func(...any) error) (*Payment, error) {
	var p Payment
	var st Settlement
	var at, sat string
	if err := scan(&p.ID, &p.OrderID, &p.MethodID, &p.MethodKind, &p.MethodName, &p.Currency, &p.Amount, &p.Tendered, &p.Change,
		&p.Reference, &p.Reason, &p.ReturnID, &p.DrawerSessionID, &p.Status, &p.ApprovedBy, &p.UserID, &p.UserName, &at, &p.DeviceID,
		&st.ID, &st.DrawerSessionID, &st.Reference, &st.UserID, &st.UserName, &sat, &st.DeviceID); err != nil {
		return nil, err
	}
	var err error
	if p.At, err = store.ParseTime(at); err != nil {
		return nil, err
	}
	if st.ID != "" {
		st.PaymentID = p.ID
		if st.At, err = store.ParseTime(sat); err != nil {
			return nil, err
		}
		p.Settlement = &st
	}
	return &p, nil
}

func findPayment(ctx context.Context, q catalog.Queryer, id string) (*Payment, error) {
	p, err := scanPayment(q.QueryRowContext(ctx, `SELECT `+paymentColumns+paymentFrom+` WHERE p.id = ?`, id).Scan)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, errs.Errorf(errs.ENOTFOUND, "Payment not found.")
	} else if err != nil {
		return nil, fmt.Errorf("find payment: %w", err)
	}
	return p, nil
}

func findPayments(ctx context.Context, q catalog.Queryer, where string, args ...any) ([]*Payment, error) {
	rows, err := q.QueryContext(ctx, `SELECT `+paymentColumns+paymentFrom+` WHERE `+where+` ORDER BY p.at, p.id`, args...)
	if err != nil {
		return nil, fmt.Errorf("find payments: %w", err)
	}
	defer rows.Close()
	out := []*Payment{}
	for rows.Next() {
		p, err := scanPayment(rows.Scan)
		if err != nil {
			return nil, fmt.Errorf("find payments: %w", err)
		}
		out = append(out, p)
	}
	return out, rows.Err()
}

// FindPayments returns the payments and refunds of an order, oldest first,
// each pending refund with its settlement once paid out. ENOTFOUND if there
// is no such order.
func (s *Service) FindPayments(ctx context.Context, orderID string) ([]*Payment, error) {
	if _, err := findOrder(ctx, s.db.Reader(), orderID); err != nil {
		return nil, err
	}
	return findPayments(ctx, s.db.Reader(), `p.order_id = ?`, orderID)
}

// formatAmount writes an amount for a message: "12.50 EUR".
func formatAmount(amount int64, currency string) string {
	mu := 2
	if c, ok := company.FindCurrency(currency); ok {
		mu = c.MinorUnits
	}
	return strings.TrimSpace(money.Format(amount, mu) + " " + currency)
}

// checkReference trims a payment reference and refuses one that is too
// long or holds what looks like a card number: a run of 13 to 19 digits,
// possibly grouped by spaces or dashes, that passes the Luhn check. Card
// numbers must never be stored (PCI DSS); the terminal slip number is
// what identifies a card payment.
func checkReference(ref string) (string, error) {
	ref = strings.TrimSpace(ref)
	if !utf8.ValidString(ref) || utf8.RuneCountInString(ref) > MaxReference {
		return "", errs.Invalid("reference", "A reference must be text of at most %d characters.", MaxReference)
	}
	if looksLikeCardNumber(ref) {
		return "", errs.Invalid("reference", "Never enter a card number; type the terminal slip number.")
	}
	return ref, nil
}

// looksLikeCardNumber reports whether s holds what may be a card number:
// within a run of digit groups joined by single spaces or dashes
// ("4111 1111-1111 1111"), any consecutive groups holding 13 to 19 digits
// in all that pass the Luhn check. Whole groups only, so a longer id
// ("TX 12345678901234567890") is not searched for card-like windows.
func looksLikeCardNumber(s string) bool {
	var groups []string // the digit groups of the current run
	check := func() bool {
		for i := range groups {
			digits := ""
			for j := i; j < len(groups); j++ {
				if digits += groups[j]; len(digits) > 19 {
					break
				}
				if len(digits) >= 13 && luhn([]byte(digits)) {
					return true
				}
			}
		}
		groups = groups[:0]
		return false
	}
	start := -1 // start of the current group
	for i := 0; i <= len(s); i++ {
		digit := i < len(s) && s[i] >= '0' && s[i] <= '9'
		if digit {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			groups = append(groups, s[start:i])
			start = -1
			// A single separator followed by a digit continues the run.
			if i+1 < len(s) && (s[i] == ' ' || s[i] == '-') && s[i+1] >= '0' && s[i+1] <= '9' {
				continue
			}
		}
		if check() {
			return true
		}
	}
	return false
}

func luhn(digits []byte) bool {
	sum := 0
	for i := len(digits) - 1; i >= 0; i-- {
		d := int(digits[i] - '0')
		if (len(digits)-1-i)%2 == 1 {
			d *= 2
			if d > 9 {
				d -= 9
			}
		}
		sum += d
	}
	return sum%10 == 0
}

// deviceID returns this workstation's id, from the store's identity row.
func deviceID(tx *store.Tx) (string, error) {
	var id string
	if err := tx.QueryRowContext(tx.Context(), `SELECT device_id FROM sync_state WHERE id = 1`).Scan(&id); err != nil {
		return "", fmt.Errorf("read device id: %w", err)
	}
	return id, nil
}

// methodTotal is what an order was paid and refunded (completed or
// pending, positive) by one method.
type methodTotal struct {
	methodID, name string
	kind           MethodKind
	paid, refunded int64
}

// methodTotals returns the order's payments by method, in the methods' order.
func methodTotals(ctx context.Context, q catalog.Queryer, orderID string) ([]*methodTotal, error) {
	rows, err := q.QueryContext(ctx, `SELECT p.method_id, MAX(p.method_name), p.method_kind,
			COALESCE(SUM(CASE WHEN p.amount > 0 THEN p.amount END), 0), COALESCE(SUM(CASE WHEN p.amount < 0 THEN -p.amount END), 0)
		FROM payments p LEFT JOIN payment_methods m ON m.id = p.method_id
		WHERE p.order_id = ? GROUP BY p.method_id, p.method_kind ORDER BY MAX(COALESCE(m.sort, 0)), p.method_id`, orderID)
	if err != nil {
		return nil, fmt.Errorf("read payments by method: %w", err)
	}
	defer rows.Close()
	var out []*methodTotal
	for rows.Next() {
		var t methodTotal
		if err := rows.Scan(&t.methodID, &t.name, &t.kind, &t.paid, &t.refunded); err != nil {
			return nil, fmt.Errorf("read payments by method: %w", err)
		}
		out = append(out, &t)
	}
	return out, rows.Err()
}

// checkRefundLimit refuses a refund of amount (positive) by a method of
// kind beyond what was paid: refunds in all never exceed the payments, and
// money goes back the way it came, so a refund by card, transfer, PayPal,
// gift card, on account or cash never exceeds what was paid that way less
// its earlier refunds. Store credit may take any part of what was paid.
func checkRefundLimit(ctx context.Context, q catalog.Queryer, o *Order, kind MethodKind, amount int64) error {
	ts, err := methodTotals(ctx, q, o.ID)
	if err != nil {
		return err
	}
	var paid, refunded, kindPaid, kindRefunded int64
	for _, t := range ts {
		paid += t.paid
		refunded += t.refunded
		if t.kind == kind {
			kindPaid += t.paid
			kindRefunded += t.refunded
		}
	}
	if paid == 0 {
		return errs.Invalid("amount", "Nothing was paid on this order, so nothing can be refunded.")
	}
	if refunded+amount > paid {
		return errs.Invalid("amount", "At most %s can be refunded: what was paid less earlier refunds.",
			formatAmount(max(paid-refunded, 0), o.Currency))
	}
	if kind != MethodStoreCredit && kindRefunded+amount > kindPaid {
		return errs.Invalid("amount", "At most %s can be refunded by %s: what was paid by %s less earlier refunds.",
			formatAmount(max(kindPaid-kindRefunded, 0), o.Currency), methodKinds[kind], methodKinds[kind])
	}
	return nil
}

// storeCreditBalance is the customer's store credit in currency.
func storeCreditBalance(ctx context.Context, q catalog.Queryer, customerID, currency string) (int64, error) {
	var b int64
	if err := q.QueryRowContext(ctx, `SELECT COALESCE(SUM(amount), 0) FROM store_credits WHERE customer_id = ? AND currency = ?`,
		customerID, currency).Scan(&b); err != nil {
		return 0, fmt.Errorf("read store credit: %w", err)
	}
	return b, nil
}

// FindStoreCredit returns the customer's store credit balance in currency.
func (s *Service) FindStoreCredit(ctx context.Context, customerID, currency string) (int64, error) {
	return storeCreditBalance(ctx, s.db.Reader(), customerID, strings.ToUpper(strings.TrimSpace(currency)))
}

func addStoreCredit(tx *store.Tx, customerID, currency string, amount int64, paymentID, returnID, reason string) error {
	_, err := tx.ExecContext(tx.Context(), `INSERT INTO store_credits (id, customer_id, currency, amount, payment_id, return_id, reason, user_id, user_name, at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, store.NewID(), customerID, currency, amount, paymentID, returnID, reason,
		tx.Actor.UserID, tx.Actor.UserName, store.FormatTime(tx.Now))
	if err != nil {
		return fmt.Errorf("record store credit: %w", err)
	}
	return nil
}

// recordPayment checks and inserts p in tx and updates the order's payment
// totals: the one way into the payments ledger, for payments, refunds
// (Amount < 0, with a Reason; ReturnID set by returns) and pending refunds
// (Status PaymentPending). It fills in the method snapshots, the currency,
// the drawer session, the user, the time and the device.
//
// A payment (Amount > 0) needs an active method and an order that is not
// cancelled, and is at most the balance due; cash records Tendered and
// Change; store credit at most the customer's balance. A refund stays
// within what was paid (checkRefundLimit). On account and store credit
// need a customer on the order. A completed cash payment or refund needs
// an open cash drawer on this device; others record it if one is open.
// EINVALID on "amount", "methodId", "reference", "reason" or "tendered";
// ENOTFOUND for the order or on "methodId"; ECONFLICT on "status" for a
// cancelled order, on "drawer" without an open drawer.
func recordPayment(tx *store.Tx, p *Payment) error {
	ctx := tx.Context()
	if p.Amount == 0 {
		return errs.Invalid("amount", "Enter an amount other than zero.")
	}
	o, err := findOrder(ctx, tx, p.OrderID)
	if err != nil {
		return err
	}
	m, err := findMethod(ctx, tx, p.MethodID)
	if err != nil {
		return err
	}
	if p.Reference, err = checkReference(p.Reference); err != nil {
		return err
	}
	p.Reason = strings.TrimSpace(p.Reason)
	if !utf8.ValidString(p.Reason) || utf8.RuneCountInString(p.Reason) > MaxReason {
		return errs.Invalid("reason", "A reason must be text of at most %d characters.", MaxReason)
	}
	if p.Status == "" {
		p.Status = PaymentCompleted
	}
	if p.Status != PaymentCompleted && (p.Status != PaymentPending || p.Amount > 0) {
		return fmt.Errorf("record payment: status %q for amount %d", p.Status, p.Amount)
	}
	p.MethodKind, p.MethodName, p.Currency = m.Kind, m.Name, o.Currency
	if (m.Kind == MethodAccount || m.Kind == MethodStoreCredit) && o.CustomerID == "" {
		return errs.Invalid("methodId", "%s needs a customer on the order; a walk-in sale cannot use it.", m.Name)
	}
	if p.Amount > 0 {
		if !m.Active {
			return errs.Invalid("methodId", "%s is no longer in use; choose another payment method.", m.Name)
		}
		if o.Status == StatusCancelled {
			return &errs.Error{Code: errs.ECONFLICT, Field: "status", Message: "A cancelled order takes no payments."}
		}
		sum, err := paymentSummary(ctx, tx, o)
		if err != nil {
			return err
		}
		if sum.BalanceDue == 0 {
			return errs.Invalid("amount", "Nothing is due on this order.")
		}
		if p.Amount > sum.BalanceDue {
			return errs.Invalid("amount", "The balance due is %s; a %s payment cannot be more.",
				formatAmount(sum.BalanceDue, o.Currency), methodKinds[m.Kind])
		}
		if m.Kind == MethodCash {
			if p.Tendered == 0 {
				p.Tendered = p.Amount
			}
			if p.Tendered < p.Amount {
				return errs.Invalid("tendered", "The cash handed over must be at least the amount paid.")
			}
			p.Change = p.Tendered - p.Amount
		} else {
			p.Tendered, p.Change = 0, 0
		}
		if m.Kind == MethodStoreCredit {
			b, err := storeCreditBalance(ctx, tx, o.CustomerID, o.Currency)
			if err != nil {
				return err
			}
			if p.Amount > b {
				return errs.Invalid("amount", "The customer's store credit is %s.", formatAmount(b, o.Currency))
			}
		}
	} else {
		if p.Reason == "" {
			return errs.Invalid("reason", "Say why the money is refunded.")
		}
		p.Tendered, p.Change = 0, 0
		if err := checkRefundLimit(ctx, tx, o, m.Kind, -p.Amount); err != nil {
			return err
		}
	}
	if p.DeviceID, err = deviceID(tx); err != nil {
		return err
	}
	p.DrawerSessionID = ""
	if p.Status == PaymentCompleted {
		sess, err := openSessionID(tx, p.DeviceID)
		if err != nil {
			return err
		}
		if sess == "" && m.Kind == MethodCash {
			return ErrDrawerClosed
		}
		p.DrawerSessionID = sess
	}
	p.ID, p.At, p.UserID, p.UserName, p.Settlement = store.NewID(), tx.Now, tx.Actor.UserID, tx.Actor.UserName, nil
	if _, err := tx.ExecContext(ctx, `INSERT INTO payments (id, order_id, method_id, method_kind, method_name, currency, amount,
		tendered, change, reference, reason, return_id, drawer_session_id, status, approved_by, user_id, user_name, at, device_id)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		p.ID, p.OrderID, p.MethodID, p.MethodKind, p.MethodName, p.Currency, p.Amount, p.Tendered, p.Change, p.Reference,
		p.Reason, p.ReturnID, p.DrawerSessionID, p.Status, p.ApprovedBy, p.UserID, p.UserName, store.FormatTime(p.At), p.DeviceID); err != nil {
		return fmt.Errorf("insert payment: %w", err)
	}
	if m.Kind == MethodStoreCredit && p.Status == PaymentCompleted {
		// A payment uses credit; a completed refund to store credit issues it.
		if err := addStoreCredit(tx, o.CustomerID, o.Currency, -p.Amount, p.ID, p.ReturnID, p.Reason); err != nil {
			return err
		}
	}
	return rebuildPaymentTotals(tx, p.OrderID)
}

// creditCheck returns ECONFLICT on "approval" when an on-account payment
// of amount takes the customer's outstanding on-account total over the
// credit limit, nil when it does not.
func creditCheck(ctx context.Context, q catalog.Queryer, customerID string, limit, amount int64, currency string) error {
	var outstanding int64
	if err := q.QueryRowContext(ctx, `SELECT COALESCE(SUM(p.amount), 0) FROM payments p JOIN orders o ON o.id = p.order_id
		WHERE o.customer_id = ? AND p.method_kind = 'account'`, customerID).Scan(&outstanding); err != nil {
		return fmt.Errorf("read on-account total: %w", err)
	}
	if outstanding+amount <= limit {
		return nil
	}
	return &errs.Error{Code: errs.ECONFLICT, Field: "approval", Message: fmt.Sprintf(
		"The customer's credit limit is %s and %s is already outstanding on account; a manager must approve this payment.",
		formatAmount(limit, currency), formatAmount(outstanding, currency))}
}

// AddPayment records a payment of an order: partial and split payments
// are fine, a draft may be paid at the counter before it is confirmed.
// Cash gives change: an amount above the balance due is recorded as the
// balance, and the change is Tendered - Amount. Other methods refuse an
// amount above the balance. On account needs a customer, and a manager's
// approval (ApproverID and ApproverSecret) when it takes the customer's
// outstanding on-account total over the credit limit.
//
// EINVALID on "amount", "tendered", "methodId" (inactive method, on
// account or store credit for a walk-in sale) or "reference" (too long or
// a card number); ENOTFOUND for the order or on "methodId"; ECONFLICT on
// "status" for a cancelled order, on "drawer" for cash without an open
// drawer, on "approval" when a manager must approve; EUNAUTHORIZED or
// ELOCKED on "approver.*" for a wrong or locked approver, or one who cannot
// approve.
func (s *Service) AddPayment(ctx context.Context, actor store.Actor, orderID string, in PaymentInput) (*Payment, error) {
	if in.Amount <= 0 {
		return nil, errs.Invalid("amount", "Enter an amount greater than zero.")
	}
	if in.Tendered < 0 {
		return nil, errs.Invalid("tendered", "The cash handed over cannot be negative.")
	}
	m, err := findMethod(ctx, s.db.Reader(), in.MethodID)
	if err != nil {
		return nil, err
	}
	// Over the credit limit, a manager approves. The approval is checked
	// before the write transaction, since it records the attempt in its own
	// (a wrong PIN must count even though the payment fails).
	var limit int64
	var customerID, approvedBy string
	if m.Kind == MethodAccount {
		o, err := findOrder(ctx, s.db.Reader(), orderID)
		if err != nil {
			return nil, err
		}
		if customerID = o.CustomerID; customerID != "" {
			c, err := s.customers.FindCustomerByID(ctx, customerID)
			if err != nil {
				return nil, fmt.Errorf("read customer credit limit: %w", err)
			}
			limit = c.CreditLimit
			if need := creditCheck(ctx, s.db.Reader(), customerID, limit, in.Amount, o.Currency); need != nil {
				if errs.Code(need) != errs.ECONFLICT || in.ApproverID == "" {
					return nil, need
				}
				ap := s.approver()
				if ap == nil {
					return nil, fmt.Errorf("add payment: no approver configured")
				}
				u, err := ap.Approve(ctx, in.ApproverID, in.ApproverSecret, auth.PermOrdersManage)
				if err != nil {
					return nil, errs.Prefix("approver", err)
				}
				approvedBy = u.ID
			}
		}
	}
	p := &Payment{OrderID: orderID, MethodID: in.MethodID, Amount: in.Amount, Tendered: in.Tendered,
		Reference: in.Reference, ApprovedBy: approvedBy}
	err = s.db.Update(ctx, actor, func(tx *store.Tx) error {
		o, err := findOrder(ctx, tx, orderID)
		if err != nil {
			return err
		}
		if m.Kind == MethodCash && o.Status != StatusCancelled {
			if in.Tendered > 0 && in.Tendered < in.Amount {
				return errs.Invalid("tendered", "The cash handed over must be at least the amount paid.")
			}
			sum, err := paymentSummary(ctx, tx, o)
			if err != nil {
				return err
			}
			if sum.BalanceDue > 0 && p.Amount > sum.BalanceDue {
				p.Tendered = max(in.Tendered, in.Amount)
				p.Amount = sum.BalanceDue
			}
		}
		if m.Kind == MethodAccount && approvedBy == "" && o.CustomerID != "" {
			// Checked again in the transaction: another sale may have come first.
			if o.CustomerID != customerID {
				return ErrChanged
			}
			if err := creditCheck(ctx, tx, customerID, limit, p.Amount, o.Currency); err != nil {
				return err
			}
		}
		return recordPayment(tx, p)
	})
	if err != nil {
		return nil, err
	}
	return p, nil
}

// Refund records a refund of an order (as a negative payment) with its
// reason: paid out now, or pending (in.Pending) until SettleRefund pays it
// out. Refunds never exceed what was paid, in all and by the method's kind
// (a card refund at most what was paid by card); store credit may take any
// part. A refund may go to a method no longer in use. EINVALID on
// "amount", "reason", "methodId" or "reference"; ENOTFOUND for the order
// or on "methodId"; ECONFLICT on "drawer" for cash paid out without an
// open drawer.
func (s *Service) Refund(ctx context.Context, actor store.Actor, orderID string, in RefundInput) (*Payment, error) {
	if in.Amount <= 0 {
		return nil, errs.Invalid("amount", "Enter the amount to refund, greater than zero.")
	}
	if strings.TrimSpace(in.Reason) == "" {
		return nil, errs.Invalid("reason", "Say why the money is refunded.")
	}
	p := &Payment{OrderID: orderID, MethodID: in.MethodID, Amount: -in.Amount, Reference: in.Reference, Reason: in.Reason,
		Status: PaymentCompleted}
	if in.Pending {
		p.Status = PaymentPending
	}
	if err := s.db.Update(ctx, actor, func(tx *store.Tx) error { return recordPayment(tx, p) }); err != nil {
		return nil, err
	}
	return p, nil
}

// ErrDrawerClosed refuses cash without an open cash drawer on this device.
var ErrDrawerClosed = &errs.Error{Code: errs.ECONFLICT, Field: "drawer", Message: "Open the cash drawer first."}

// SettleRefund pays out a pending refund for its whole amount: cash comes
// out of this device's open drawer, store credit is issued to the customer,
// other methods record the reference of the transfer or terminal slip.
// ENOTFOUND; ECONFLICT on "status" when it is not a pending refund or was
// already paid out, on "drawer" for cash without an open drawer; EINVALID
// on "reference".
func (s *Service) SettleRefund(ctx context.Context, actor store.Actor, paymentID, reference string) (*Payment, error) {
	reference, err := checkReference(reference)
	if err != nil {
		return nil, err
	}
	err = s.db.Update(ctx, actor, func(tx *store.Tx) error {
		p, err := findPayment(ctx, tx, paymentID)
		if err != nil {
			return err
		}
		if p.Amount > 0 || p.Status != PaymentPending {
			return &errs.Error{Code: errs.ECONFLICT, Field: "status", Message: "Only a pending refund can be paid out."}
		}
		if p.Settlement != nil {
			return &errs.Error{Code: errs.ECONFLICT, Field: "status", Message: "This refund has already been paid out."}
		}
		dev, err := deviceID(tx)
		if err != nil {
			return err
		}
		sess, err := openSessionID(tx, dev)
		if err != nil {
			return err
		}
		if sess == "" && p.MethodKind == MethodCash {
			return ErrDrawerClosed
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO payment_settlements (id, payment_id, drawer_session_id, reference, user_id, user_name, at, device_id)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, store.NewID(), p.ID, sess, reference, tx.Actor.UserID, tx.Actor.UserName,
			store.FormatTime(tx.Now), dev); err != nil {
			return fmt.Errorf("insert settlement: %w", err)
		}
		if p.MethodKind == MethodStoreCredit {
			o, err := findOrder(ctx, tx, p.OrderID)
			if err != nil {
				return err
			}
			if err := addStoreCredit(tx, o.CustomerID, p.Currency, -p.Amount, p.ID, p.ReturnID, p.Reason); err != nil {
				return err
			}
		}
		return rebuildPaymentTotals(tx, p.OrderID)
	})
	if err != nil {
		return nil, err
	}
	return findPayment(ctx, s.db.Reader(), paymentID)
}

// refundOnCancel records, in the cancelling transaction, one pending
// refund per method the order was paid with, for what that method holds
// (paid less its refunds): the cancelled order owes everything back, and
// SettleRefund pays each out.
func refundOnCancel(tx *store.Tx, o *Order, note string) error {
	ts, err := methodTotals(tx.Context(), tx, o.ID)
	if err != nil {
		return err
	}
	reason := "Order cancelled"
	if note != "" {
		reason += ": " + note
	}
	if utf8.RuneCountInString(reason) > MaxReason {
		reason = string([]rune(reason)[:MaxReason])
	}
	// Refunds to store credit may come from any method's payment, so what
	// each method holds is capped by what the order holds in all.
	var left int64
	for _, t := range ts {
		left += t.paid - t.refunded
	}
	for _, t := range ts {
		held := min(t.paid-t.refunded, left)
		if held <= 0 {
			continue
		}
		left -= held
		if err := recordPayment(tx, &Payment{OrderID: o.ID, MethodID: t.methodID, Amount: -held, Reason: reason,
			Status: PaymentPending}); err != nil {
			return fmt.Errorf("record pending refund: %w", err)
		}
	}
	return nil
}

// RebuildPaymentTotalsOf recomputes the payment totals of orders in tx, for
// sync after it brought in payments or settlements of them.
func RebuildPaymentTotalsOf(tx *store.Tx, orderIDs []string) error {
	return rebuildPaymentTotalsOf(tx, orderIDs)
}
