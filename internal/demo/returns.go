package demo

import (
	"fmt"
	"time"

	"oms/internal/order"
)

// returnPlan is goods of a delivered order that come back.
type returnPlan struct {
	disposition  order.Disposition
	refund       order.RefundMethod
	whole        bool // the whole line comes back, not one unit
	reason, note string
}

// returns are the demo's returns, each with the kind of order it fits: a
// walk-in counter sale paid in cash, refunded from the drawer (one unit is
// at most about 110 EUR, well within the float), or a delivered phone,
// email or web order paid in full, by transfer, PayPal or on account when
// the money goes back the way it came: a card refund would count against
// the day's terminal total, which may be smaller.
var returns = []struct {
	counter bool
	ret     returnPlan
}{
	{true, returnPlan{disposition: order.DispositionRestock, refund: order.RefundOriginal,
		reason: "Customer bought one too many; unopened, back on the shelf."}},
	{false, returnPlan{disposition: order.DispositionWriteOff, refund: order.RefundOriginal,
		reason: "Arrived damaged: carton crushed in transit.",
		note:   "Photos from the customer on file; claim filed with the carrier."}},
	{false, returnPlan{disposition: order.DispositionRestock, refund: order.RefundStoreCredit, whole: true,
		reason: "Wrong item ordered; unused and in its original packaging.",
		note:   "Customer keeps the amount as store credit for the next order."}},
}

// planReturns chooses the orders whose goods come back, one for each of
// returns, among those delivered and paid between 40 and 4 days ago, and
// lays out the returns a few days after, in opening hours.
func (s *seeder) planReturns(plans []*plan) []step {
	ready := func(p *plan) time.Time {
		if p.paidAt.After(p.deliveredAt) {
			return p.paidAt
		}
		return p.deliveredAt
	}
	used := map[*plan]bool{}
	var out []step
	for _, r := range returns {
		var fits []*plan
		for _, p := range plans {
			t := ready(p)
			switch {
			case used[p] || p.deliveredAt.IsZero() || t.After(s.now.AddDate(0, 0, -4)) || t.Before(s.now.AddDate(0, 0, -40)):
				continue
			case r.counter && (p.channel != order.ChannelCounter || p.customer != nil || p.how != payCash):
				continue
			case !r.counter && (p.channel == order.ChannelCounter || p.target != order.StatusDelivered || p.how == payNone || p.deposit):
				continue
			case !r.counter && r.ret.refund == order.RefundOriginal && p.how != payTransfer && p.how != payPayPal && p.how != payAccount:
				continue
			}
			fits = append(fits, p)
		}
		if len(fits) == 0 {
			continue
		}
		p := fits[s.rng.IntN(len(fits))]
		used[p] = true
		ret := r.ret
		p.ret = &ret
		day := ready(p).Truncate(24*time.Hour).AddDate(0, 0, 1+s.rng.IntN(3))
		out = append(out, step{at: day.Add(time.Duration(10*60+s.rng.IntN(5*60)) * time.Minute), p: p, kind: "return"})
	}
	return out
}

// takeBack records the return of the order's plan: one unit (or the whole
// line) of its first line that can still come back, restocked into the
// product's bin or written off.
func (s *seeder) takeBack(p *plan) error {
	lines, err := s.Orders.ReturnableLines(s.ctx, p.id)
	if err != nil {
		return err
	}
	var l *order.ReturnableLine
	for _, x := range lines {
		if x.Returnable > 0 {
			l = x
			break
		}
	}
	if l == nil {
		return fmt.Errorf("nothing of order %s can be returned", p.number)
	}
	in := order.ReturnLineInput{OrderLineID: l.OrderLineID, Quantity: 1, Disposition: p.ret.disposition}
	if p.ret.whole {
		in.Quantity = l.Returnable
	}
	if in.Disposition == order.DispositionRestock {
		if in.BinID = s.productBin[l.ProductID]; in.BinID == "" {
			in.BinID = s.bins[0].ID
		}
	}
	actor := s.manager
	if p.channel == order.ChannelCounter {
		actor = s.clerk
	}
	_, err = s.Orders.CreateReturn(s.ctx, actor, p.id, order.ReturnInput{Reason: p.ret.reason, Note: p.ret.note,
		Lines: []order.ReturnLineInput{in}, Refund: p.ret.refund})
	return err
}
