package demo

import (
	"errors"
	"fmt"
	"sort"
	"time"

	"oms/internal/company"
	"oms/internal/errs"
	"oms/internal/money"
	"oms/internal/order"
	"oms/internal/store"
)

// payHow is how an order of the demo is paid.
type payHow int

// How orders are paid.
const (
	payNone       payHow = iota // nothing paid yet: a draft, or an invoice whose transfer has not come
	payCash                     // cash at the counter, with change
	payCard                     // the counter's card terminal
	paySplit                    // part cash, the rest by card at the counter
	payCardOnline               // card at the web shop's checkout
	payPayPal                   // PayPal at the web shop's checkout
	payCardPhone                // card through a payment link after a phone or email order
	payTransfer                 // bank transfer of the invoice
	payAccount                  // on account, for trade customers within their credit limit
)

// DrawerFloat is the cash put into the counter's drawer every morning, in
// cents.
const DrawerFloat = 15000

// findMethods looks up the payment method of each kind the demo pays with.
func (s *seeder) findMethods() error {
	ms, err := s.Orders.FindPaymentMethods(s.ctx, true)
	if err != nil {
		return err
	}
	s.methods = map[order.MethodKind]string{}
	for _, m := range ms {
		if _, ok := s.methods[m.Kind]; !ok {
			s.methods[m.Kind] = m.ID
		}
	}
	for _, k := range []order.MethodKind{order.MethodCash, order.MethodCard, order.MethodTransfer, order.MethodPayPal, order.MethodAccount} {
		if s.methods[k] == "" {
			return fmt.Errorf("no active %s payment method", k)
		}
	}
	return nil
}

// planPayments chooses how each order is paid: at the counter mostly cash,
// else card or both; web orders at checkout; phone and email orders by
// transfer of the invoice, a card link, or on account for trade customers.
// Of the newest orders in the warehouse one still waits for its transfer
// and two have paid only a deposit, so the lists show every payment status.
func (s *seeder) planPayments(plans []*plan) {
	for _, p := range plans {
		trade := p.customer != nil && p.customer.CreditLimit > 0
		switch r := s.rng.IntN(100); {
		case p.target == order.StatusDraft:
			p.how = payNone
		case p.channel == order.ChannelCounter && trade && r < 30:
			p.how = payAccount
		case p.channel == order.ChannelCounter && r < 58:
			p.how = payCash
		case p.channel == order.ChannelCounter && r < 88:
			p.how = payCard
		case p.channel == order.ChannelCounter:
			p.how = paySplit
		case p.channel == order.ChannelWeb && r < 60:
			p.how = payPayPal
		case p.channel == order.ChannelWeb:
			p.how = payCardOnline
		case trade && r < 55:
			p.how = payAccount
		case r < 82:
			p.how = payTransfer
		default:
			p.how = payCardPhone
		}
	}
	unpaid, deposits := 1, 2
	for i := len(plans) - 1; i >= 0 && unpaid+deposits > 0; i-- {
		p := plans[i]
		if p.channel == order.ChannelCounter || p.channel == order.ChannelWeb || stageOf(p.target) < stageOf(order.StatusConfirmed) ||
			p.target == order.StatusDelivered || p.t0.Add(3*time.Hour).After(s.now) {
			continue
		}
		if unpaid > 0 {
			p.how, unpaid = payNone, unpaid-1
			continue
		}
		p.how, p.deposit, deposits = payTransfer, true, deposits-1
	}
}

// schedulePayments lays out the payment of an order whose lifecycle steps
// are out, and for a cancelled order paid before its cancellation the
// pay-out of its refund.
func (s *seeder) schedulePayments(p *plan, out []step) []step {
	if p.how == payNone {
		return nil
	}
	confirm := stepAt(out, "confirm")
	var at time.Time
	switch p.how {
	case payCash, payCard, paySplit, payAccount:
		at = confirm.Add(time.Minute) // at the counter before hand-over, or when the order is booked
	case payCardOnline, payPayPal:
		at = p.t0.Add(time.Minute) // at checkout
	case payCardPhone:
		at = confirm.Add(time.Duration(5+s.rng.IntN(55)) * time.Minute)
	case payTransfer:
		switch {
		case p.deposit:
			at = confirm.Add(time.Duration(20+s.rng.IntN(40)) * time.Minute)
		case !p.cancelAt.IsZero():
			at = confirm.Add(30 * time.Minute) // paid in advance, then cancelled
		default:
			// The customer pays the invoice a few days later, in banking hours.
			day := confirm.Truncate(24*time.Hour).AddDate(0, 0, 1+s.rng.IntN(5))
			at = day.Add(time.Duration(9*60+s.rng.IntN(8*60)) * time.Minute)
		}
	}
	p.paidAt = at
	steps := []step{{at: at, p: p, kind: "pay"}}
	if !p.cancelAt.IsZero() && at.Before(p.cancelAt) {
		// The office pays the money back the next working day.
		day := p.cancelAt.Truncate(24*time.Hour).AddDate(0, 0, 1)
		steps = append(steps, step{at: day.Add(time.Duration(9*60+s.rng.IntN(8*60)) * time.Minute), p: p, kind: "settle"})
	}
	return steps
}

// leaveOnePending leaves the refund of the latest cancellation that had
// been paid pending (the office has still to send the money back) and
// moves the pay-out of every other one to before now.
func (s *seeder) leaveOnePending(plans []*plan, steps []step) []step {
	var last *plan
	for _, p := range plans {
		if p.cancelAt.IsZero() || p.cancelAt.After(s.now) || p.paidAt.IsZero() || !p.paidAt.Before(p.cancelAt) {
			continue
		}
		if last == nil || p.cancelAt.After(last.cancelAt) {
			last = p
		}
	}
	out := steps[:0]
	for _, st := range steps {
		if st.kind == "settle" {
			if st.p == last {
				continue
			}
			if st.at.After(s.now) && !st.p.cancelAt.After(s.now) {
				st.at = st.p.cancelAt.Add(s.now.Sub(st.p.cancelAt) / 2)
			}
		}
		out = append(out, st)
	}
	return out
}

// drawerDays opens the counter's cash drawer in the morning of each day
// with counter sales or returns, before the first of them, and closes it
// in the evening after the last. Today's stays open.
func (s *seeder) drawerDays(steps []step) []step {
	seen := map[time.Time]bool{}
	var days []time.Time
	for _, st := range steps {
		if st.at.After(s.now) || !(st.kind == "pay" && st.p.channel == order.ChannelCounter || st.kind == "return") {
			continue
		}
		if d := st.at.Truncate(24 * time.Hour); !seen[d] {
			seen[d] = true
			days = append(days, d)
		}
	}
	sort.Slice(days, func(i, j int) bool { return days[i].Before(days[j]) })
	var out []step
	for _, d := range days {
		out = append(out, step{at: d.Add(7*time.Hour + time.Duration(30+s.rng.IntN(20))*time.Minute), kind: "open"},
			step{at: d.Add(18*time.Hour + time.Duration(s.rng.IntN(40))*time.Minute), kind: "close"})
	}
	return out
}

// afterClosing moves the pay-outs of refunds that fall in a day's opening
// hours to after the drawer is closed that evening: the office pays them
// out once the counter is done, so the day's report and count hold only
// the counter's money (a card refund through the web shop's processor
// would otherwise count against the terminal's total). Today's drawer is
// not closed, so its hours stay as they are.
func (s *seeder) afterClosing(steps, drawer []step) []step {
	for i := range steps {
		st := &steps[i]
		if st.kind != "settle" {
			continue
		}
		for j := 0; j+1 < len(drawer); j += 2 {
			open, close := drawer[j].at, drawer[j+1].at
			if close.After(s.now) || st.at.Before(open) || st.at.After(close) {
				continue
			}
			if st.at = close.Add(time.Duration(10+s.rng.IntN(30)) * time.Minute); st.at.After(s.now) {
				st.at = close.Add(s.now.Sub(close) / 2)
			}
			break
		}
	}
	return steps
}

// pay takes the order's balance due the way its plan says, or a deposit.
func (s *seeder) pay(p *plan, actor store.Actor) error {
	sum, err := s.Orders.FindPaymentSummary(s.ctx, p.id)
	if err != nil {
		return err
	}
	due := sum.BalanceDue
	if due == 0 {
		return nil
	}
	add := func(kind order.MethodKind, in order.PaymentInput) error {
		in.MethodID = s.methods[kind]
		_, err := s.Orders.AddPayment(s.ctx, actor, p.id, in)
		return err
	}
	switch p.how {
	case payCash:
		return add(order.MethodCash, order.PaymentInput{Amount: due, Tendered: s.tender(due)})
	case payCard:
		return add(order.MethodCard, order.PaymentInput{Amount: due, Reference: s.slip()})
	case paySplit:
		part := splitCash(due)
		if part > 0 {
			if err := add(order.MethodCash, order.PaymentInput{Amount: part}); err != nil {
				return err
			}
			s.tick(15 * time.Second)
		}
		return add(order.MethodCard, order.PaymentInput{Amount: due - part, Reference: s.slip()})
	case payCardOnline, payCardPhone:
		return add(order.MethodCard, order.PaymentInput{Amount: due, Reference: s.pspID()})
	case payPayPal:
		return add(order.MethodPayPal, order.PaymentInput{Amount: due, Reference: s.payPalID()})
	case payTransfer:
		amount := due
		if p.deposit {
			// A deposit of 30-50 %, in whole euros.
			if amount = due * int64(30+s.rng.IntN(21)) / 100 / 100 * 100; amount <= 0 || amount >= due {
				amount = due / 2
			}
		}
		return add(order.MethodTransfer, order.PaymentInput{Amount: amount, Reference: s.transferID()})
	case payAccount:
		err := add(order.MethodAccount, order.PaymentInput{Amount: due, Reference: fmt.Sprintf("PO %d", 4000+s.rng.IntN(6000))})
		if errs.Code(err) == errs.ECONFLICT && errs.Field(err) == "approval" {
			// Over the credit limit: the customer pays this one by transfer
			// rather than a manager approving more credit.
			return add(order.MethodTransfer, order.PaymentInput{Amount: due, Reference: s.transferID()})
		}
		return err
	}
	return fmt.Errorf("no way to pay %d", p.how)
}

// tender is the cash a customer hands over for due (cents of EUR): mostly
// the next note up, sometimes the next ten euros or the next whole euro.
func (s *seeder) tender(due int64) int64 {
	switch r := s.rng.IntN(10); {
	case r < 2:
		return roundUp(due, 100)
	case r < 4 && due > 1000:
		return roundUp(due, 1000)
	}
	for _, note := range []int64{500, 1000, 2000, 5000, 10000, 20000} {
		if note >= due {
			return note
		}
	}
	return roundUp(due, 5000)
}

func roundUp(amount, unit int64) int64 { return (amount + unit - 1) / unit * unit }

// splitCash is the cash part of a split payment of due: the largest note
// below it, the rest going on the card; 0 when due is too small to split.
func splitCash(due int64) int64 {
	for _, note := range []int64{10000, 5000, 2000, 1000} {
		if note < due {
			return note
		}
	}
	return 0
}

// slip is a card terminal's slip number.
func (s *seeder) slip() string { return fmt.Sprintf("T-%05d", 10000+s.rng.IntN(90000)) }

// transferID is a bank transfer's reference on the statement, dated today.
func (s *seeder) transferID() string {
	return fmt.Sprintf("SEPA-%s-%04d", s.clock.Format("060102"), s.rng.IntN(10000))
}

// payPalID is a PayPal transaction id such as 8RT42551FH367443X.
func (s *seeder) payPalID() string { return s.code("DLLDDDDDLLDDDDDDL") }

// pspID is the card processor's id of an online card payment.
func (s *seeder) pspID() string { return "PSP-" + s.code("LLDDDLLDDL") }

// code fills a pattern: L a letter, D a digit. Digits never run long
// enough to look like a card number, which references must not hold.
func (s *seeder) code(pattern string) string {
	const letters, digits = "ABCDEFGHJKLMNPQRSTUVWXYZ", "0123456789"
	b := []byte(pattern)
	for i, c := range b {
		if c == 'L' {
			b[i] = letters[s.rng.IntN(len(letters))]
		} else {
			b[i] = digits[s.rng.IntN(len(digits))]
		}
	}
	return string(b)
}

// settle pays out the pending refunds of a cancelled order, the way each
// was paid.
func (s *seeder) settle(p *plan) error {
	ps, err := s.Orders.FindPayments(s.ctx, p.id)
	if err != nil {
		return err
	}
	for _, pay := range ps {
		if pay.Amount >= 0 || pay.Status != order.PaymentPending || pay.Settlement != nil {
			continue
		}
		var ref string
		switch pay.MethodKind {
		case order.MethodTransfer:
			ref = s.transferID()
		case order.MethodPayPal:
			ref = s.payPalID()
		case order.MethodCard:
			ref = s.pspID()
		case order.MethodAccount:
			ref = "Credit note " + p.number
		}
		if _, err := s.Orders.SettleRefund(s.ctx, s.manager, pay.ID, ref); err != nil {
			return err
		}
		s.tick(10 * time.Second)
	}
	return nil
}

// openDrawer opens the counter's drawer with the morning float.
func (s *seeder) openDrawer() error {
	_, err := s.Orders.OpenDrawer(s.ctx, s.clerk, DrawerFloat, "")
	return err
}

// closeDrawer counts the drawer in the evening: the cash, and the card
// terminal's total. The cash is mostly right; now and then, on a day with
// cash sales, it is a little short or over, and the clerk says so in the
// note.
func (s *seeder) closeDrawer() error {
	d, err := s.Orders.CurrentDrawer(s.ctx)
	if err != nil {
		return err
	}
	if d == nil {
		return errors.New("the cash drawer is not open")
	}
	rep, err := s.Orders.EndOfDayReport(s.ctx, d.ID)
	if err != nil {
		return err
	}
	var counts []order.DrawerCountInput
	var note string
	for _, m := range rep.Methods {
		if m.MethodKind != order.MethodCash && m.MethodKind != order.MethodCard {
			continue // nothing at the counter to count
		}
		counted := m.Expected
		if m.MethodKind == order.MethodCash && m.Count > 0 && note == "" {
			switch r := s.rng.IntN(100); {
			case r < 10:
				diff := 10 * int64(1+s.rng.IntN(30))
				counted = max(counted-diff, 0)
				note = fmt.Sprintf("Cash %s short; counted twice, probably wrong change given at a busy moment.", amount(diff, d.Currency))
			case r < 15:
				diff := 50 * int64(1+s.rng.IntN(10))
				counted += diff
				note = fmt.Sprintf("Cash %s over; a customer probably left without their change.", amount(diff, d.Currency))
			}
		}
		counts = append(counts, order.DrawerCountInput{MethodID: m.MethodID, Counted: counted})
	}
	_, err = s.Orders.CloseDrawer(s.ctx, s.clerk, counts, note)
	return err
}

// amount writes an amount for a note: "2.30 EUR".
func amount(a int64, currency string) string {
	mu := 2
	if c, ok := company.FindCurrency(currency); ok {
		mu = c.MinorUnits
	}
	return money.Format(a, mu) + " " + currency
}
