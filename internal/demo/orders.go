package demo

import (
	"fmt"
	"sort"
	"time"

	"oms/internal/catalog"
	"oms/internal/customer"
	"oms/internal/order"
	"oms/internal/shipping"
	"oms/internal/stock"
	"oms/internal/store"
)

// OrderCount is how many orders the demo takes over its 60 days.
const OrderCount = 160

// plan is one order of the demo: what it is, how far it gets, how it is
// paid and whether goods come back.
type plan struct {
	n        int
	channel  order.Channel
	customer *customer.Customer
	lines    []order.LineInput
	target   order.Status
	t0       time.Time // when it is taken
	how      payHow
	deposit  bool        // only a deposit is paid so far
	ret      *returnPlan // goods that come back after delivery, or nil
	id       string
	number   string

	// Set by schedule: when it is handed over or delivered, paid and
	// cancelled (each zero if it never is).
	deliveredAt, paidAt, cancelAt time.Time
}

// step is one thing that happens at a moment: to an order, or to the
// counter's cash drawer (p nil).
type step struct {
	at   time.Time
	p    *plan
	kind string // create, confirm, handover, picking, packed, shipped, delivered, cancel, pay, settle, return; open, close
}

// name says what a step concerns, for errors.
func (st step) name() string {
	if st.p == nil {
		return "drawer " + st.kind
	}
	return fmt.Sprintf("order %d %s", st.p.n, st.kind)
}

func (s *seeder) orders() error {
	if err := s.findMethods(); err != nil {
		return err
	}
	start := s.now.AddDate(0, 0, -60)
	plans := make([]*plan, OrderCount)
	for n := range OrderCount {
		p := s.planOrder(n)
		// Orders arrive through the working day, spread over the period.
		day := start.Add(time.Duration(n) * (60 * 24 * time.Hour) / OrderCount).Truncate(24 * time.Hour)
		p.t0 = day.Add(time.Duration(8*60+s.rng.IntN(9*60)) * time.Minute)
		plans[n] = p
	}
	s.planPayments(plans)
	var steps []step
	for _, p := range plans {
		steps = append(steps, s.schedule(p)...)
	}
	steps = s.leaveOnePending(plans, steps)
	steps = append(steps, s.planReturns(plans)...)
	drawer := s.drawerDays(steps)
	steps = append(s.afterClosing(steps, drawer), drawer...)
	sort.SliceStable(steps, func(i, j int) bool { return steps[i].at.Before(steps[j].at) })
	for _, st := range steps {
		if st.at.After(s.now) {
			continue // it has not happened yet
		}
		if st.at.After(s.clock) {
			s.clock = st.at
		}
		if err := s.do(st); err != nil {
			return fmt.Errorf("%s: %w", st.name(), err)
		}
		s.tick(time.Second)
	}
	return s.count(plans)
}

// count fills in the summary from what the services hold.
func (s *seeder) count(plans []*plan) error {
	for _, p := range plans {
		if p.id == "" {
			continue
		}
		o, err := s.Orders.FindOrderByID(s.ctx, p.id)
		if err != nil {
			return err
		}
		s.sum.ByStatus[o.Status]++
		s.sum.Orders++
		pays, err := s.Orders.FindPayments(s.ctx, p.id)
		if err != nil {
			return err
		}
		for _, pay := range pays {
			if pay.Amount > 0 {
				s.sum.Payments++
			} else {
				s.sum.Refunds++
			}
		}
		ps, err := s.Orders.FindPaymentSummary(s.ctx, p.id)
		if err != nil {
			return err
		}
		s.sum.ByPayment[ps.Status]++
	}
	var err error
	if _, s.sum.Returns, err = s.Orders.FindReturns(s.ctx, order.ReturnFilter{Limit: 1}); err != nil {
		return err
	}
	if _, s.sum.DrawerSessions, err = s.Orders.FindDrawerSessions(s.ctx, 1, 0); err != nil {
		return err
	}
	return nil
}

// planOrder chooses an order's channel, customer, lines and final status.
func (s *seeder) planOrder(n int) *plan {
	p := &plan{n: n}
	switch r := s.rng.IntN(100); {
	case r < 45:
		p.channel = order.ChannelCounter
	case r < 65:
		p.channel = order.ChannelPhone
	case r < 80:
		p.channel = order.ChannelEmail
	default:
		p.channel = order.ChannelWeb
	}
	if p.channel != order.ChannelCounter || s.rng.IntN(100) < 35 {
		p.customer = s.customers[s.rng.IntN(len(s.customers))]
	}
	seen := map[string]bool{}
	for range 1 + s.rng.IntN(5) {
		pr := s.inStockProduct()
		if seen[pr.ID] {
			continue
		}
		seen[pr.ID] = true
		p.lines = append(p.lines, order.LineInput{ProductID: pr.ID, Quantity: int64(1 + s.rng.IntN(4))})
	}
	age := OrderCount - n // the last orders are the newest
	switch r := s.rng.IntN(100); {
	case age <= 4 && r < 50:
		p.target = order.StatusDraft // a sale parked at the counter, an order still being taken
	case r < 7:
		p.target = order.StatusCancelled
	case p.channel == order.ChannelCounter:
		p.target = order.StatusDelivered
	case age <= 30:
		p.target = []order.Status{order.StatusConfirmed, order.StatusPicking, order.StatusPacked, order.StatusShipped}[s.rng.IntN(4)]
	case age <= 45 && r < 40:
		p.target = order.StatusShipped
	default:
		p.target = order.StatusDelivered
	}
	return p
}

// inStockProduct picks a product, mostly one with stock left.
func (s *seeder) inStockProduct() *catalog.Product {
	for range 20 {
		pr := s.products[s.rng.IntN(len(s.products))]
		if s.productStock[pr.ID] > 8 {
			s.productStock[pr.ID] -= 4
			return pr
		}
	}
	return s.products[s.rng.IntN(len(s.products))]
}

// schedule lays out an order's steps from its creation at p.t0: its way
// through the lifecycle, then its payments.
func (s *seeder) schedule(p *plan) []step {
	out := []step{{at: p.t0, p: p, kind: "create"}}
	add := func(d time.Duration, kind string) time.Time {
		t := out[len(out)-1].at.Add(d)
		out = append(out, step{at: t, p: p, kind: kind})
		return t
	}
	if p.target == order.StatusDraft {
		return out
	}
	if p.channel == order.ChannelCounter {
		add(2*time.Minute, "confirm")
		p.deliveredAt = add(2*time.Minute, "handover") // paid in between
		return append(out, s.schedulePayments(p, out)...)
	}
	add(time.Duration(10+s.rng.IntN(110))*time.Minute, "confirm")
	if p.target == order.StatusCancelled {
		p.cancelAt = add(time.Duration(2+s.rng.IntN(30))*time.Hour, "cancel")
		return append(out, s.schedulePayments(p, out)...)
	}
	for _, st := range []order.Status{order.StatusPicking, order.StatusPacked, order.StatusShipped, order.StatusDelivered} {
		if stageOf(st) > stageOf(p.target) {
			break
		}
		switch st {
		case order.StatusPicking:
			add(time.Duration(14+s.rng.IntN(6))*time.Hour, string(st)) // next morning
		case order.StatusPacked:
			add(time.Duration(20+s.rng.IntN(70))*time.Minute, string(st))
		case order.StatusShipped:
			add(time.Duration(1+s.rng.IntN(3))*time.Hour, string(st))
		case order.StatusDelivered:
			p.deliveredAt = add(time.Duration(20+s.rng.IntN(50))*time.Hour, string(st))
		}
	}
	return append(out, s.schedulePayments(p, out)...)
}

// stepAt returns when the step of kind happens among steps, zero if never.
func stepAt(steps []step, kind string) time.Time {
	for _, st := range steps {
		if st.kind == kind {
			return st.at
		}
	}
	return time.Time{}
}

// cancelNotes say how the customer cancelled, by the order's channel.
var cancelNotes = map[order.Channel]string{
	order.ChannelPhone: "Customer cancelled by phone",
	order.ChannelEmail: "Customer cancelled by email",
	order.ChannelWeb:   "Customer cancelled in the web shop",
}

func stageOf(st order.Status) int {
	for i, x := range []order.Status{order.StatusDraft, order.StatusConfirmed, order.StatusPicking, order.StatusPacked,
		order.StatusShipped, order.StatusDelivered} {
		if x == st {
			return i
		}
	}
	return -1
}

// do carries out one step through the order service.
func (s *seeder) do(st step) error {
	switch st.kind {
	case "open":
		return s.openDrawer()
	case "close":
		return s.closeDrawer()
	}
	p := st.p
	actor := s.clerk
	if p.channel != order.ChannelCounter {
		actor = s.admin
	}
	if p.id == "" && st.kind != "create" {
		return nil // its creation is still in the future
	}
	switch st.kind {
	case "create":
		in := order.OrderInput{Channel: p.channel, WarehouseID: s.main.ID}
		if p.customer != nil {
			in.CustomerID = p.customer.ID
		}
		o, err := s.Orders.CreateOrder(s.ctx, actor, in)
		if err != nil {
			return err
		}
		for _, l := range p.lines {
			s.tick(20 * time.Second)
			if o, err = s.Orders.AddLine(s.ctx, actor, o.ID, o.Version, l); err != nil {
				return err
			}
		}
		if p.channel != order.ChannelCounter && p.channel != order.ChannelWeb {
			ship := int64(595)
			if o, err = s.Orders.UpdateOrder(s.ctx, actor, o.ID, o.Version, order.OrderUpdate{Shipping: &ship}); err != nil {
				return err
			}
		}
		p.id, p.number = o.ID, o.Number
		return nil
	case "confirm":
		o, err := s.Orders.FindOrderByID(s.ctx, p.id)
		if err != nil {
			return err
		}
		_, err = s.Orders.Confirm(s.ctx, actor, p.id, o.Version)
		return err
	case "handover":
		_, err := s.Orders.HandOver(s.ctx, actor, p.id)
		return err
	case "cancel":
		_, err := s.Orders.Cancel(s.ctx, s.admin, p.id, cancelNotes[p.channel])
		return err
	case "pay":
		return s.pay(p, actor)
	case "settle":
		return s.settle(p)
	case "return":
		return s.takeBack(p)
	case "picking":
		_, err := s.Orders.Advance(s.ctx, s.pick, p.id, order.StatusPicking, "")
		return err
	case "packed":
		return s.pack(p)
	case "shipped":
		return s.shipRest(p)
	case "delivered":
		o, err := s.Orders.FindOrderByID(s.ctx, p.id)
		if err != nil {
			return err
		}
		switch {
		case o.Status == order.StatusDelivered:
			return nil
		case o.ShippingAddress.Country == "":
			_, err = s.Orders.Advance(s.ctx, store.Actor{UserName: "carrier"}, p.id, order.StatusDelivered, "")
			return err
		}
		return s.travel(p, shipping.StatusDelivered, store.Actor{UserName: "carrier"})
	}
	return fmt.Errorf("unknown step %q", st.kind)
}

// shipRest ships what an order still waits for: backordered goods are
// allocated from what arrived (a supplier's delivery when nothing did),
// packed as one more shipment, and every shipment of it goes in transit.
func (s *seeder) shipRest(p *plan) error {
	o, err := s.Orders.FindOrderByID(s.ctx, p.id)
	if err != nil {
		return err
	}
	if o.Status == order.StatusPicking || o.Status == order.StatusConfirmed {
		if _, err := s.Orders.AllocateBackorders(s.ctx, s.pick, s.main.ID, nil); err != nil {
			return err
		}
		if o, err = s.Orders.FindOrderByID(s.ctx, p.id); err != nil {
			return err
		}
		for i, l := range o.Lines {
			if l.Backordered == 0 {
				continue
			}
			bin := s.bins[(i*5+p.n)%len(s.bins)]
			if _, err := s.Stock.PostMovement(s.ctx, s.pick, stock.MovementInput{Kind: stock.KindReceipt, ProductID: l.ProductID,
				WarehouseID: s.main.ID, BinID: bin.ID, Quantity: l.Backordered + 20, Reason: "Delivery from supplier"}); err != nil {
				return err
			}
		}
		if _, err := s.Orders.AllocateBackorders(s.ctx, s.pick, s.main.ID, nil); err != nil {
			return err
		}
		if err := s.pack(p); err != nil {
			return err
		}
	}
	if o, err = s.Orders.FindOrderByID(s.ctx, p.id); err != nil {
		return err
	}
	if o.ShippingAddress.Country == "" {
		// Nowhere to send it: the customer collects, the whole order at once.
		if o.Status == order.StatusPicking {
			if _, err := s.Orders.Advance(s.ctx, s.pick, p.id, order.StatusPacked, ""); err != nil {
				return err
			}
		}
		_, err = s.Orders.Advance(s.ctx, s.pick, p.id, order.StatusShipped, "collected by the customer")
		return err
	}
	return s.travel(p, shipping.StatusInTransit, s.pick)
}
