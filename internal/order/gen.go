package order

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"math/rand/v2"
	"time"

	"oms/internal/catalog"
	"oms/internal/customer"
	"oms/internal/stock"
	"oms/internal/store"
)

// GenEnd is when the history of generated orders ends: they span the two
// years before it, so a seed gives the same orders whatever day it runs.
var GenEnd = time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)

var genStart = GenEnd.AddDate(-2, 0, 0)

// genOrderBatch is how many orders GenerateOrders writes per transaction.
const genOrderBatch = 10_000

var genNotes = []string{"Please call before delivery.", "Leave at the back door.", "Gift wrap, no invoice in the parcel.",
	"Customer collects at 4 pm.", "Deliver to the warehouse entrance."}

// genProduct is what a generated line snapshots of a product.
type genProduct struct {
	id, sku, name, taxClassID string
	rateBps, cost             int64
}

// genCustomer is what a generated order takes from a customer.
type genCustomer struct {
	id, group         string
	billing, shipping Address
}

// genEnv is what GenerateOrders reads once before it writes.
type genEnv struct {
	db               *store.DB
	customers        *customer.Service
	products         []genProduct
	customerIDs      []string
	custCache        map[string]*genCustomer
	prices           map[string]int64 // group + "/" + product id
	warehouseID      string
	currency         string
	pricesIncludeTax bool
	taxMode          TaxMode
	prefix           string
	methods          map[MethodKind]genMethod // the first active method of each kind generated orders pay by
}

// genMethod is what a generated payment snapshots of its method.
type genMethod struct {
	id, name string
	kind     MethodKind
}

// GenerateOrders adds n orders for benchmarks and demo data, the same ones
// for the same seed over the same products and customers (ids and the
// times of the capture rows aside): spread over the two years before
// GenEnd, numbered on from this workstation's series (which it advances),
// 70 % for an active customer (addresses from the customer's defaults, prices
// from the customer's group) and 30 % walk-in, over the four channels, with
// 1 to 8 lines of active products and totals from ComputeTotals. Statuses
// follow age: older orders are mostly delivered, some cancelled, shipped or
// abandoned drafts; the newest 3 % are in every stage. Each order's history
// has one event per transition in time order. Confirmed, picking and packed
// orders reserve their stock through stock.Reserve as Confirm does (what is
// short is backordered); cancelled, shipped and delivered orders hold none,
// and the history of shipped orders posts no sale movements (stock on hand
// is as received). Orders are paid when confirmed (see genWriter.payments):
// most in full, some in part or not yet, by the methods of their channel;
// drafts are unpaid, and cancelled orders that were paid have their pending
// refunds, most of them paid out, so every payment status occurs. Without
// an active warehouse it creates MAIN with an opening receipt for every
// active product. It writes 10,000 orders per transaction through the
// normal capture path (outbox, audit) and the payment totals and status
// caches. It needs products and customers: an error says to generate them
// first.
func GenerateOrders(ctx context.Context, db *store.DB, n int, seed uint64) error {
	if n < 0 {
		return fmt.Errorf("generate orders: n must not be negative")
	}
	if n == 0 {
		return nil
	}
	actor := store.Actor{UserName: "generator"}
	g, err := loadGenEnv(ctx, db, actor, seed)
	if err != nil {
		return fmt.Errorf("generate orders: %w", err)
	}
	var last int64
	if err := db.Reader().QueryRowContext(ctx, `SELECT COALESCE(MAX(last), 0) FROM order_number_series WHERE id = ?`,
		"order:"+g.prefix).Scan(&last); err != nil {
		return fmt.Errorf("generate orders: read series: %w", err)
	}
	rng := rand.New(rand.NewPCG(seed, seed^0x6f72646572730001))
	// Payments draw from their own stream, so the orders are the same ones
	// with or without them.
	prng := rand.New(rand.NewPCG(seed, seed^0x7061796d656e7401))
	span := GenEnd.Sub(genStart).Milliseconds()
	for start := 0; start < n; start += genOrderBatch {
		end := min(start+genOrderBatch, n)
		err := db.Update(ctx, actor, func(tx *store.Tx) error {
			w, err := g.newWriter(tx)
			if err != nil {
				return err
			}
			defer w.close()
			for i := start; i < end; i++ {
				if i%1000 == 0 {
					if err := ctx.Err(); err != nil {
						return err
					}
				}
				// Orders are evenly spaced with a jitter inside their slot, so
				// numbers and creation times go up together.
				slot := span / int64(n)
				at := genStart.Add(time.Duration(int64(i)*slot+rng.Int64N(max(slot, 1))) * time.Millisecond)
				recent := i >= n-max(n*3/100, 1)
				if err := w.order(rng, prng, last+int64(i)+1, at, recent); err != nil {
					return fmt.Errorf("order %d: %w", i, err)
				}
			}
			_, err = tx.ExecContext(tx.Context(), `INSERT INTO order_number_series (id, last, updated_at) VALUES (?, ?, ?)
				ON CONFLICT (id) DO UPDATE SET last = max(last, excluded.last), updated_at = excluded.updated_at`,
				"order:"+g.prefix, last+int64(end), store.FormatTime(tx.Now))
			if err != nil {
				return fmt.Errorf("advance order series: %w", err)
			}
			return nil
		})
		if err != nil {
			return fmt.Errorf("generate orders %d-%d: %w", start, end, err)
		}
		// The store's passive checkpoints never catch up with back-to-back
		// batches, so the WAL would grow by the whole run (tens of GB for a
		// million orders): copy it back and truncate it between batches.
		_, _ = db.Reader().ExecContext(ctx, `PRAGMA wal_checkpoint(TRUNCATE)`)
	}
	return nil
}

// loadGenEnv reads the products, customers, settings and warehouse the
// orders are made of, creating and stocking MAIN when there is no warehouse.
func loadGenEnv(ctx context.Context, db *store.DB, actor store.Actor, seed uint64) (*genEnv, error) {
	g := &genEnv{db: db, customers: customer.NewService(db), custCache: map[string]*genCustomer{}, prices: map[string]int64{},
		prefix: seriesPrefix(db.Device().StationCode)}
	r := db.Reader()
	rows, err := r.QueryContext(ctx, `SELECT p.id, p.sku, p.name, p.tax_class_id, COALESCE(t.rate_bps, 0), p.cost
		FROM products p LEFT JOIN tax_classes t ON t.id = p.tax_class_id WHERE p.active = 1 ORDER BY p.sku`)
	if err != nil {
		return nil, fmt.Errorf("read products: %w", err)
	}
	for rows.Next() {
		var p genProduct
		if err := rows.Scan(&p.id, &p.sku, &p.name, &p.taxClassID, &p.rateBps, &p.cost); err != nil {
			rows.Close()
			return nil, fmt.Errorf("read products: %w", err)
		}
		g.products = append(g.products, p)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read products: %w", err)
	}
	if len(g.products) < 8 {
		return nil, errors.New("orders need at least 8 active products; generate products first (oms seed --products N)")
	}
	rows, err = r.QueryContext(ctx, `SELECT id FROM customers WHERE active = 1 AND erased_at = '' ORDER BY code`)
	if err != nil {
		return nil, fmt.Errorf("read customers: %w", err)
	}
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return nil, fmt.Errorf("read customers: %w", err)
		}
		g.customerIDs = append(g.customerIDs, id)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read customers: %w", err)
	}
	if len(g.customerIDs) == 0 {
		return nil, errors.New("orders need active customers; generate customers first (oms seed --customers N)")
	}
	settings, err := catalog.FindSettings(ctx, r)
	if err != nil {
		return nil, err
	}
	g.pricesIncludeTax = settings.PricesIncludeTax
	if g.taxMode, err = ParseTaxMode(settings.TaxMode); err != nil {
		return nil, err
	}
	if g.currency, err = companyCurrency(ctx, db); err != nil {
		return nil, err
	}
	if g.currency == "" {
		g.currency = "EUR" // before setup, as the demo data of a fresh database
	}
	if g.methods, err = genMethods(ctx, r); err != nil {
		return nil, err
	}
	st := stock.NewService(db)
	whs, err := st.FindWarehouses(ctx)
	if err != nil {
		return nil, err
	}
	for _, w := range whs {
		if w.Active {
			g.warehouseID = w.ID
			return g, nil
		}
	}
	w, err := st.CreateWarehouse(ctx, actor, stock.WarehouseInput{Code: "MAIN", Name: "Main warehouse"})
	if err != nil {
		return nil, fmt.Errorf("create warehouse: %w", err)
	}
	g.warehouseID = w.ID
	// Opening stock, received at the start of the generated history. Its own
	// random stream, so the orders do not depend on whether it was posted.
	srng := rand.New(rand.NewPCG(seed, seed^0x73746f636b000001))
	err = db.Update(ctx, actor, func(tx *store.Tx) error {
		tx.Now = genStart.Add(-24 * time.Hour)
		for _, p := range g.products {
			if _, err := stock.Post(tx, stock.MovementInput{Kind: stock.KindReceipt, ProductID: p.id, WarehouseID: w.ID,
				Quantity: 20 + srng.Int64N(481), UnitCost: p.cost, Reason: "Opening stock (generated)"}); err != nil {
				return fmt.Errorf("opening stock of %s: %w", p.sku, err)
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return g, nil
}

// genMethods returns the first active payment method (by sort) of each
// kind generated orders pay by: cash, card, bank transfer and PayPal.
func genMethods(ctx context.Context, q catalog.Queryer) (map[MethodKind]genMethod, error) {
	rows, err := q.QueryContext(ctx, `SELECT id, name, kind FROM payment_methods
		WHERE active = 1 AND kind IN ('cash', 'card', 'transfer', 'paypal') ORDER BY sort, id`)
	if err != nil {
		return nil, fmt.Errorf("read payment methods: %w", err)
	}
	defer rows.Close()
	out := map[MethodKind]genMethod{}
	for rows.Next() {
		var m genMethod
		if err := rows.Scan(&m.id, &m.name, &m.kind); err != nil {
			return nil, fmt.Errorf("read payment methods: %w", err)
		}
		if _, ok := out[m.kind]; !ok {
			out[m.kind] = m
		}
	}
	return out, rows.Err()
}

// customer returns the generated order's view of customer id, read once.
func (g *genEnv) customer(ctx context.Context, id string) (*genCustomer, error) {
	if c, ok := g.custCache[id]; ok {
		return c, nil
	}
	c, err := g.customers.FindCustomerByID(ctx, id)
	if err != nil {
		return nil, err
	}
	gc := &genCustomer{id: c.ID, group: c.CustomerGroup, billing: defaultAddress(c, "billing"), shipping: defaultAddress(c, "shipping")}
	g.custCache[id] = gc
	return gc, nil
}

// price returns catalog.PriceFor of a product for a group, read once.
func (g *genEnv) price(ctx context.Context, productID, group string) (int64, error) {
	key := group + "/" + productID
	if p, ok := g.prices[key]; ok {
		return p, nil
	}
	p, err := catalog.PriceFor(ctx, g.db.Reader(), productID, group)
	if err != nil {
		return 0, err
	}
	g.prices[key] = p
	return p, nil
}

// genWriter writes generated orders in one transaction.
type genWriter struct {
	*genEnv
	tx                          *store.Tx
	device                      string
	insOrder, insLine, insEvent *sql.Stmt
	insPayment, insSettlement   *sql.Stmt
}

func (g *genEnv) newWriter(tx *store.Tx) (*genWriter, error) {
	w := &genWriter{genEnv: g, tx: tx}
	ctx := tx.Context()
	var err error
	if w.device, err = deviceID(tx); err != nil {
		return nil, err
	}
	if w.insOrder, err = tx.PrepareContext(ctx, `INSERT INTO orders (id, number, customer_id, customer_group, channel, status,
		warehouse_id, billing_address, shipping_address, notes, discount_bps, shipping, currency, prices_include_tax,
		subtotal, discount_total, net_total, tax_total, total, tax_mode, shipping_tax, version, created_by, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`); err != nil {
		return nil, err
	}
	if w.insLine, err = tx.PrepareContext(ctx, `INSERT INTO order_lines (id, order_id, line_no, product_id, sku, name, quantity,
		unit_price, discount_bps, tax_class_id, tax_rate_bps, discount, net, tax, gross, reserved, backordered, picked, shipped,
		created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`); err != nil {
		w.close()
		return nil, err
	}
	if w.insEvent, err = tx.PrepareContext(ctx, `INSERT INTO order_events (id, order_id, from_status, to_status, user_id, user_name, note, at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?)`); err != nil {
		w.close()
		return nil, err
	}
	if w.insPayment, err = tx.PrepareContext(ctx, `INSERT INTO payments (id, order_id, method_id, method_kind, method_name, currency,
		amount, tendered, change, reference, reason, return_id, drawer_session_id, status, approved_by, user_id, user_name, at, device_id)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '', '', ?, '', ?, ?, ?, ?)`); err != nil {
		w.close()
		return nil, err
	}
	if w.insSettlement, err = tx.PrepareContext(ctx, `INSERT INTO payment_settlements (id, payment_id, drawer_session_id, reference,
		user_id, user_name, at, device_id) VALUES (?, ?, '', ?, ?, ?, ?, ?)`); err != nil {
		w.close()
		return nil, err
	}
	return w, nil
}

func (w *genWriter) close() {
	for _, s := range []*sql.Stmt{w.insOrder, w.insLine, w.insEvent, w.insPayment, w.insSettlement} {
		if s != nil {
			s.Close()
		}
	}
}

// weighted picks an index of weights with probability proportional to it.
func weighted(rng *rand.Rand, weights ...int) int {
	total := 0
	for _, w := range weights {
		total += w
	}
	n := rng.IntN(total)
	for i, w := range weights {
		if n < w {
			return i
		}
		n -= w
	}
	return len(weights) - 1
}

// genStep is one event of a generated history.
type genStep struct {
	to Status
	at time.Time
}

// genTimeline returns the history of an order created at at and aimed at
// status want, cut where it would pass GenEnd.
func genTimeline(rng *rand.Rand, at time.Time, want Status) []genStep {
	minutes := func(lo, hi int64) time.Duration { return time.Duration(lo+rng.Int64N(hi-lo+1)) * time.Minute }
	gaps := []time.Duration{0, minutes(2, 90), minutes(30, 20*60), minutes(10, 180), minutes(60, 8*60), minutes(24*60, 4*24*60)}
	cancelFrom := -1
	target := stage(want)
	if want == StatusCancelled {
		cancelFrom = weighted(rng, 40, 40, 10, 10)
		target = cancelFrom
	}
	steps := []genStep{}
	t := at
	for k := 0; k <= target; k++ {
		t = t.Add(gaps[k])
		if t.After(GenEnd) {
			return steps
		}
		steps = append(steps, genStep{lifecycle[k], t})
	}
	if cancelFrom >= 0 {
		if t = t.Add(minutes(60, 3*24*60)); !t.After(GenEnd) {
			steps = append(steps, genStep{StatusCancelled, t})
		}
	}
	return steps
}

// order writes the generated order number n created at at, its payments
// drawn from prng.
func (w *genWriter) order(rng, prng *rand.Rand, n int64, at time.Time, recent bool) error {
	ctx := w.tx.Context()
	o := &Order{ID: store.NewID(), Number: fmt.Sprintf("%s-%06d", w.prefix, n), Currency: w.currency, WarehouseID: w.warehouseID,
		PricesIncludeTax: w.pricesIncludeTax, TaxMode: w.taxMode, CreatedBy: "generator", CreatedAt: at}
	if rng.IntN(10) < 7 {
		c, err := w.customer(ctx, w.customerIDs[rng.IntN(len(w.customerIDs))])
		if err != nil {
			return err
		}
		o.CustomerID, o.CustomerGroup, o.BillingAddress, o.ShippingAddress = c.id, c.group, c.billing, c.shipping
		o.Channel = []Channel{ChannelCounter, ChannelPhone, ChannelEmail, ChannelWeb}[weighted(rng, 25, 20, 15, 40)]
		if rng.IntN(20) == 0 {
			o.DiscountBps = []int64{200, 500, 1000}[rng.IntN(3)]
		}
	} else {
		o.Channel = []Channel{ChannelCounter, ChannelPhone}[weighted(rng, 9, 1)]
	}
	if o.Channel != ChannelCounter {
		o.Shipping = []int64{0, 490, 690, 990}[rng.IntN(4)]
	}
	if rng.IntN(20) == 0 {
		o.Notes = genNotes[rng.IntN(len(genNotes))]
	}
	var want Status
	if recent {
		want = []Status{StatusDraft, StatusConfirmed, StatusPicking, StatusPacked, StatusShipped, StatusDelivered, StatusCancelled}[weighted(rng, 6, 10, 6, 6, 22, 42, 8)]
	} else {
		want = []Status{StatusDraft, StatusShipped, StatusDelivered, StatusCancelled}[weighted(rng, 1, 2, 89, 8)]
	}
	steps := genTimeline(rng, at, want)
	if len(steps) == 0 { // cannot happen: creation is before GenEnd
		steps = []genStep{{StatusDraft, at}}
	}
	o.Status, o.UpdatedAt = steps[len(steps)-1].to, steps[len(steps)-1].at

	// Lines: distinct products, half from the best-selling tenth.
	nLines := 1 + weighted(rng, 30, 25, 15, 10, 8, 5, 4, 3)
	lines := make([]*Line, 0, nLines)
	used := map[int]bool{}
	for len(lines) < nLines {
		k := rng.IntN(len(w.products))
		if rng.IntN(2) == 0 {
			k = rng.IntN(max(len(w.products)/10, 1))
		}
		if used[k] {
			continue
		}
		used[k] = true
		p := w.products[k]
		price, err := w.price(ctx, p.id, o.CustomerGroup)
		if err != nil {
			return err
		}
		l := &Line{ID: store.NewID(), OrderID: o.ID, LineNo: int64(len(lines) + 1), ProductID: p.id, SKU: p.sku, Name: p.name,
			Quantity: []int64{1, 2, 3, 4 + rng.Int64N(7)}[weighted(rng, 55, 20, 10, 15)], UnitPrice: price,
			TaxClassID: p.taxClassID, TaxRateBps: p.rateBps}
		if rng.IntN(10) == 0 {
			l.DiscountBps = []int64{500, 1000}[rng.IntN(2)]
		}
		lines = append(lines, l)
	}
	t, err := ComputeTotals(o.totalsInput(lines))
	if err != nil {
		return err
	}
	for i, l := range lines {
		l.Discount, l.Net, l.Tax, l.Gross = t.Lines[i].Discount, t.Lines[i].Net, t.Lines[i].Tax, t.Lines[i].Gross
	}
	// Every AddLine and every transition bumps the version, as the service does.
	o.Version = 1 + int64(len(lines)) + int64(len(steps)-1)

	created := store.FormatTime(at)
	if _, err := w.insOrder.ExecContext(ctx, o.ID, o.Number, nullable(o.CustomerID), o.CustomerGroup, o.Channel, o.Status,
		o.WarehouseID, jsonText(o.BillingAddress), jsonText(o.ShippingAddress), o.Notes, o.DiscountBps, o.Shipping, o.Currency,
		o.PricesIncludeTax, t.Subtotal, t.Discount, t.Net, t.Tax, t.Total, o.TaxMode, t.ShippingTax, o.Version, o.CreatedBy,
		created, store.FormatTime(o.UpdatedAt)); err != nil {
		return fmt.Errorf("insert order: %w", err)
	}
	// Orders still to ship hold what was available when they were
	// confirmed, the rest backordered, exactly as Confirm leaves them.
	if o.Status == StatusConfirmed || o.Status == StatusPicking || o.Status == StatusPacked {
		now := w.tx.Now
		w.tx.Now = steps[1].at
		for _, l := range lines {
			avail, err := stock.Available(ctx, w.tx, l.ProductID, o.WarehouseID)
			if err != nil {
				w.tx.Now = now
				return err
			}
			l.Reserved = min(max(avail, 0), l.Quantity)
			l.Backordered = l.Quantity - l.Reserved
			if l.Reserved > 0 {
				if _, err := stock.Reserve(w.tx, stock.Request{ProductID: l.ProductID, WarehouseID: o.WarehouseID, Quantity: l.Reserved,
					RefType: stock.RefOrder, RefID: o.ID, Reason: "Order " + o.Number}); err != nil {
					w.tx.Now = now
					return fmt.Errorf("reserve line %d: %w", l.LineNo, err)
				}
			}
		}
		w.tx.Now = now
	}
	for _, l := range lines {
		lineAt := store.FormatTime(at.Add(time.Duration(l.LineNo) * time.Second))
		if o.Status == StatusShipped || o.Status == StatusDelivered {
			l.Picked, l.Shipped = l.Quantity, l.Quantity // they shipped whole
		}
		if _, err := w.insLine.ExecContext(ctx, l.ID, o.ID, l.LineNo, l.ProductID, l.SKU, l.Name, l.Quantity, l.UnitPrice,
			l.DiscountBps, l.TaxClassID, l.TaxRateBps, l.Discount, l.Net, l.Tax, l.Gross, l.Reserved, l.Backordered,
			l.Picked, l.Shipped, lineAt, lineAt); err != nil {
			return fmt.Errorf("insert order line: %w", err)
		}
	}
	from := Status("")
	for _, s := range steps {
		if _, err := w.insEvent.ExecContext(ctx, store.NewID(), o.ID, from, s.to, w.tx.Actor.UserID, w.tx.Actor.UserName,
			"", store.FormatTime(s.at)); err != nil {
			return fmt.Errorf("record order event: %w", err)
		}
		from = s.to
	}
	o.Total = t.Total
	return w.payments(prng, o, steps)
}

// genShare is how much of an order generated payments pay.
type genShare int

const (
	genUnpaid genShare = iota
	genPart
	genInFull
)

// genPay is one generated payment.
type genPay struct {
	method genMethod
	amount int64
}

// payments writes the payments of the generated order o (its Total set)
// with history steps, as the counter, the web shop or the bank would have
// taken them: at confirmation, in full or in part, by the channel's
// methods (cash or card at the counter, card or PayPal on the web, bank
// transfer or card by phone and email), one in twenty split over two
// methods. Drafts, and orders cancelled as drafts, are unpaid. A cancelled
// order that was paid gets one pending refund per payment at its
// cancellation, as Cancel records them, most paid out within three days,
// some still pending (or due after GenEnd), so the order stays overpaid.
// Then it rebuilds the order's payment totals, as every payment does, which
// keeps the payment status cache.
func (w *genWriter) payments(rng *rand.Rand, o *Order, steps []genStep) error {
	if len(w.methods) == 0 || o.Total <= 0 || len(steps) < 2 || steps[1].to != StatusConfirmed {
		return nil
	}
	share := genInFull
	switch {
	case o.Status == StatusCancelled:
		share = []genShare{genUnpaid, genInFull}[weighted(rng, 35, 65)]
	case stage(o.Status) >= stage(StatusShipped):
		share = []genShare{genUnpaid, genPart, genInFull}[weighted(rng, 2, 3, 95)]
	case o.Channel != ChannelCounter:
		share = []genShare{genUnpaid, genPart, genInFull}[weighted(rng, 20, 10, 70)]
	}
	if share == genUnpaid {
		return nil
	}
	amount := o.Total
	if share == genPart {
		amount = max(o.Total*int64(20+rng.IntN(61))/100, 1)
		if amount >= o.Total {
			return nil
		}
	}
	kinds := map[Channel][2]MethodKind{ChannelCounter: {MethodCash, MethodCard}, ChannelWeb: {MethodCard, MethodPayPal},
		ChannelPhone: {MethodTransfer, MethodCard}, ChannelEmail: {MethodTransfer, MethodCard}}[o.Channel]
	first, second := kinds[0], kinds[1]
	if rng.IntN(2) == 0 {
		first, second = second, first
	}
	pays := []genPay{{w.method(first), amount}}
	if amount >= 2 && rng.IntN(20) == 0 {
		pays = []genPay{{w.method(first), amount / 2}, {w.method(second), amount - amount/2}}
	}
	ctx := w.tx.Context()
	// Paid at the counter (or online) just before the order is confirmed.
	at := store.FormatTime(steps[1].at.Add(-30 * time.Second))
	for _, p := range pays {
		var tendered, change int64
		ref := ""
		switch p.method.kind {
		case MethodCash:
			tendered = (p.amount + 499) / 500 * 500
			change = tendered - p.amount
		case MethodCard:
			ref = fmt.Sprintf("SLIP-%06d", rng.IntN(1_000_000))
		case MethodTransfer:
			ref = fmt.Sprintf("TRF-%08d", rng.IntN(100_000_000))
		case MethodPayPal:
			ref = fmt.Sprintf("PP-%010d", rng.Int64N(10_000_000_000))
		}
		if _, err := w.insPayment.ExecContext(ctx, store.NewID(), o.ID, p.method.id, p.method.kind, p.method.name, o.Currency, p.amount,
			tendered, change, ref, "", PaymentCompleted, w.tx.Actor.UserID, w.tx.Actor.UserName, at, w.device); err != nil {
			return fmt.Errorf("insert payment: %w", err)
		}
	}
	if o.Status == StatusCancelled {
		cancelled := steps[len(steps)-1].at
		settle := rng.IntN(100) < 85
		paidOut := cancelled.Add(time.Duration(60+rng.Int64N(3*24*60)) * time.Minute)
		for _, p := range pays {
			id := store.NewID()
			if _, err := w.insPayment.ExecContext(ctx, id, o.ID, p.method.id, p.method.kind, p.method.name, o.Currency, -p.amount,
				0, 0, "", "Order cancelled", PaymentPending, w.tx.Actor.UserID, w.tx.Actor.UserName, store.FormatTime(cancelled),
				w.device); err != nil {
				return fmt.Errorf("insert pending refund: %w", err)
			}
			if settle && !paidOut.After(GenEnd) {
				if _, err := w.insSettlement.ExecContext(ctx, store.NewID(), id, "", w.tx.Actor.UserID, w.tx.Actor.UserName,
					store.FormatTime(paidOut), w.device); err != nil {
					return fmt.Errorf("insert settlement: %w", err)
				}
			}
		}
	}
	return rebuildPaymentTotals(w.tx, o.ID)
}

// method returns the generated payments' method of kind, or of the first
// kind there is an active method of.
func (w *genWriter) method(kind MethodKind) genMethod {
	if m, ok := w.methods[kind]; ok {
		return m
	}
	for _, k := range []MethodKind{MethodCash, MethodCard, MethodTransfer, MethodPayPal} {
		if m, ok := w.methods[k]; ok {
			return m
		}
	}
	return genMethod{}
}
