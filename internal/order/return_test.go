package order

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"oms/internal/catalog"
	"oms/internal/customer"
	"oms/internal/errs"
	"oms/internal/stock"
	"oms/internal/store"
)

// binOnHand is the product's on-hand stock in one bin of the main warehouse.
func (e *env) binOnHand(t *testing.T, p *catalog.Product, binID string) int64 {
	t.Helper()
	var n int64
	if err := e.db.Reader().QueryRow(`SELECT COALESCE(SUM(on_hand), 0) FROM stock_levels WHERE product_id = ? AND warehouse_id = ? AND bin_id = ?`,
		p.ID, e.main.ID, binID).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// shipRMA confirms a draft, pays it in full by method (unless ""), and
// ships it.
func (e *env) shipRMA(t *testing.T, o *Order, method string) *Order {
	t.Helper()
	ctx := context.Background()
	var err error
	e.tick()
	if o, err = e.s.Confirm(ctx, testActor, o.ID, o.Version); err != nil {
		t.Fatal(err)
	}
	if method != "" {
		e.tick()
		if _, err := e.s.AddPayment(ctx, testActor, o.ID, PaymentInput{MethodID: method, Amount: o.Total}); err != nil {
			t.Fatal(err)
		}
	}
	for _, to := range []Status{StatusPicking, StatusPacked, StatusShipped} {
		e.tick()
		if o, err = e.s.Advance(ctx, testActor, o.ID, to, ""); err != nil {
			t.Fatal(err)
		}
	}
	return o
}

// lastEvent is the newest entry of the order's history.
func (e *env) lastEvent(t *testing.T, orderID string) (*Event, int) {
	t.Helper()
	o, err := e.s.FindOrderByID(context.Background(), orderID)
	if err != nil {
		t.Fatal(err)
	}
	return o.Events[len(o.Events)-1], len(o.Events)
}

func restock(lineID string, qty int64, binID string) ReturnLineInput {
	return ReturnLineInput{OrderLineID: lineID, Quantity: qty, Disposition: DispositionRestock, BinID: binID}
}

func TestReturnService_SaleToRefund(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	if _, err := e.stock.PostMovement(ctx, testActor, stock.MovementInput{Kind: stock.KindReceipt, ProductID: e.nut.ID,
		WarehouseID: e.main.ID, BinID: e.bin.ID, Quantity: 5}); err != nil {
		t.Fatal(err)
	}
	o := e.draft(t, LineInput{ProductID: e.bolt.ID, Quantity: 3}, LineInput{ProductID: e.nut.ID, Quantity: 2})
	if o.Total != 3670 {
		t.Fatalf("total = %d", o.Total)
	}
	// Confirmed: reserved, nothing moved, no return possible.
	e.tick()
	o, err := e.s.Confirm(ctx, testActor, o.ID, o.Version)
	if err != nil {
		t.Fatal(err)
	}
	_, err = e.s.CreateReturn(ctx, testActor, o.ID, ReturnInput{Reason: "Too early", Refund: RefundNone,
		Lines: []ReturnLineInput{restock(o.Lines[0].ID, 1, e.bin.ID)}})
	wantErr(t, err, errs.EINVALID, "status")
	if ev, n := e.lastEvent(t, o.ID); n != 2 || ev.To != StatusConfirmed {
		t.Fatalf("history after confirm: %d events, last %+v", n, ev)
	}
	// Paid by card.
	e.tick()
	if _, err := e.s.AddPayment(ctx, testActor, o.ID, PaymentInput{MethodID: "card", Amount: 3670}); err != nil {
		t.Fatal(err)
	}
	sum, err := e.s.FindPaymentSummary(ctx, o.ID)
	if err != nil || sum.Paid != 3670 || sum.BalanceDue != 0 || sum.Status != PaymentStatusPaid {
		t.Fatalf("summary after payment = %+v, %v", sum, err)
	}
	for _, to := range []Status{StatusPicking, StatusPacked, StatusShipped} {
		e.tick()
		if o, err = e.s.Advance(ctx, testActor, o.ID, to, ""); err != nil {
			t.Fatal(err)
		}
	}
	if ev, n := e.lastEvent(t, o.ID); n != 5 || ev.To != StatusShipped {
		t.Fatalf("history after shipping: %d events, last %+v", n, ev)
	}
	onHand, _, _ := e.stockOf(t, e.bolt)
	inBin := e.binOnHand(t, e.bolt, e.bin.ID)
	if onHand != 7 {
		t.Fatalf("bolt on hand after shipping = %d, want 7", onHand)
	}
	rl, err := e.s.ReturnableLines(ctx, o.ID)
	if err != nil || len(rl) != 2 || rl[0].Shipped != 3 || rl[0].Returned != 0 || rl[0].Returnable != 3 || rl[0].Gross != 3570 {
		t.Fatalf("returnable = %+v, %v", rl, err)
	}

	// One bolt comes back into the bin, refunded to the card.
	e.tick()
	r, err := e.s.CreateReturn(ctx, testActor, o.ID, ReturnInput{Reason: "Wrong size", Refund: RefundOriginal,
		Lines: []ReturnLineInput{restock(o.Lines[0].ID, 1, e.bin.ID)}})
	if err != nil {
		t.Fatal(err)
	}
	if r.Number != "LOCAL-R000001" || r.Status != ReturnCompleted || r.RefundTotal != 1190 || r.OrderNumber != o.Number ||
		r.Currency != "EUR" || r.CreatedBy != "tester" || len(r.Lines) != 1 || len(r.Refunds) != 1 {
		t.Fatalf("return = %+v", r)
	}
	if l := r.Lines[0]; l.Quantity != 1 || l.Refund != 1190 || l.BinID != e.bin.ID || l.MovementID == "" || l.SKU != "BOLT" {
		t.Fatalf("return line = %+v", l)
	}
	if p := r.Refunds[0]; p.Amount != -1190 || p.MethodID != "card" || p.Status != PaymentCompleted || p.ReturnID != r.ID ||
		!strings.Contains(p.Reason, "Wrong size") {
		t.Fatalf("refund = %+v", p)
	}
	if got := e.binOnHand(t, e.bolt, e.bin.ID); got != inBin+1 {
		t.Fatalf("bolt in bin = %d, want %d", got, inBin+1)
	}
	if got, _, _ := e.stockOf(t, e.bolt); got != 8 {
		t.Fatalf("bolt on hand after return = %d, want 8", got)
	}
	if n := e.count(t, `SELECT count(*) FROM stock_movements WHERE ref_type = 'return' AND ref_id = ? AND kind = 'return' AND quantity = 1`, r.ID); n != 1 {
		t.Fatalf("return movements = %d", n)
	}
	sum, err = e.s.FindPaymentSummary(ctx, o.ID)
	if err != nil || sum.Paid != 3670 || sum.Refunded != 1190 || sum.Due != 2480 || sum.NetPaid != 2480 || sum.BalanceDue != 0 ||
		sum.Status != PaymentStatusRefunded {
		t.Fatalf("summary after return = %+v, %v", sum, err)
	}
	ev, n := e.lastEvent(t, o.ID)
	if n != 6 || ev.From != StatusShipped || ev.To != StatusShipped || ev.UserName != "tester" ||
		!strings.HasPrefix(ev.Note, "Return LOCAL-R000001: 1 × Bolt (restocked); refund") || !strings.Contains(ev.Note, "Wrong size") {
		t.Fatalf("history entry = %d events, %+v", n, ev)
	}
	if got, _ := e.s.FindOrderByID(ctx, o.ID); got.Status != StatusShipped || got.Version != o.Version {
		t.Fatalf("order after return: status %s version %d (was %d)", got.Status, got.Version, o.Version)
	}
	rl, _ = e.s.ReturnableLines(ctx, o.ID)
	if rl[0].Returned != 1 || rl[0].Returnable != 2 || rl[1].Returnable != 2 {
		t.Fatalf("returnable after return = %+v %+v", rl[0], rl[1])
	}
	list, total, err := e.s.FindReturns(ctx, ReturnFilter{OrderID: o.ID})
	if err != nil || total != 1 || len(list) != 1 || list[0].ID != r.ID || len(list[0].Lines) != 1 {
		t.Fatalf("FindReturns = %+v, %d, %v", list, total, err)
	}
	if _, err := e.s.FindReturnByID(ctx, "nope"); errs.Code(err) != errs.ENOTFOUND {
		t.Fatalf("unknown return: %v", err)
	}

	// Delivered orders still take returns; the numbers go on.
	e.tick()
	if o, err = e.s.Advance(ctx, testActor, o.ID, StatusDelivered, ""); err != nil {
		t.Fatal(err)
	}
	e.tick()
	r2, err := e.s.CreateReturn(ctx, testActor, o.ID, ReturnInput{Reason: "Not needed", Refund: RefundOriginal,
		Lines: []ReturnLineInput{restock(o.Lines[1].ID, 2, e.bin.ID)}})
	if err != nil || r2.Number != "LOCAL-R000002" || r2.RefundTotal != 100 {
		t.Fatalf("second return = %+v, %v", r2, err)
	}
	if ev, _ := e.lastEvent(t, o.ID); ev.From != StatusDelivered || ev.To != StatusDelivered {
		t.Fatalf("history entry = %+v", ev)
	}
	if n := e.count(t, `SELECT count(*) FROM orders WHERE number LIKE '%R%'`); n != 0 {
		t.Fatalf("an order took a return number")
	}
}

func TestReturnService_PartialReturnsSumToGross(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	for _, split := range [][]int64{{1, 1, 1}, {1, 2}, {2, 1}, {3}} {
		t.Run(fmt.Sprint(split), func(t *testing.T) {
			o, err := e.s.CreateOrder(ctx, testActor, OrderInput{Channel: ChannelCounter, WarehouseID: e.main.ID, Currency: "EUR", DiscountBps: 700})
			if err != nil {
				t.Fatal(err)
			}
			if o, err = e.s.AddLine(ctx, testActor, o.ID, o.Version, LineInput{ProductID: e.bolt.ID, Quantity: 3}); err != nil {
				t.Fatal(err)
			}
			gross := o.Lines[0].Gross
			if gross != 3320 { // 3 x 11.90 less 7 %: 3320.10 -> 33.20, not divisible by 3
				t.Fatalf("gross = %d", gross)
			}
			o = e.shipRMA(t, o, "card")
			var refunded int64
			for i, q := range split {
				e.tick()
				r, err := e.s.CreateReturn(ctx, testActor, o.ID, ReturnInput{Reason: "Partial", Refund: RefundOriginal,
					Lines: []ReturnLineInput{restock(o.Lines[0].ID, q, e.bin.ID)}})
				if err != nil {
					t.Fatalf("return %d: %v", i, err)
				}
				if want := shareOf(gross, q, 3); i == 0 && r.RefundTotal != want {
					t.Fatalf("first refund = %d, want %d", r.RefundTotal, want)
				}
				refunded += r.RefundTotal
			}
			if refunded != gross {
				t.Fatalf("refunded %d in all, want the line's gross %d", refunded, gross)
			}
			sum, err := e.s.FindPaymentSummary(ctx, o.ID)
			if err != nil || sum.Refunded != gross || sum.Due != 0 || sum.NetPaid != 0 {
				t.Fatalf("summary = %+v, %v", sum, err)
			}
			// Everything came back: one more is refused, nothing written.
			before := e.count(t, `SELECT count(*) FROM outbox`)
			_, err = e.s.CreateReturn(ctx, testActor, o.ID, ReturnInput{Reason: "Again", Refund: RefundNone,
				Lines: []ReturnLineInput{restock(o.Lines[0].ID, 1, e.bin.ID)}})
			wantErr(t, err, errs.EINVALID, "lines[0].quantity")
			if after := e.count(t, `SELECT count(*) FROM outbox`); after != before {
				t.Fatalf("a refused return wrote %d outbox rows", after-before)
			}
		})
	}
}

func TestReturnService_LineRefundRounding(t *testing.T) {
	for _, tc := range []struct {
		gross, qty int64
		split      []int64
	}{
		{3320, 3, []int64{1, 1, 1}},
		{1, 3, []int64{1, 1, 1}},
		{2, 3, []int64{2, 1}},
		{100, 7, []int64{1, 1, 1, 1, 1, 1, 1}},
		{100, 7, []int64{3, 4}},
		{999_999_999_999, 999_999_937, []int64{1, 999_999_935, 1}},
		{0, 5, []int64{5}},
	} {
		var sum, before int64
		for _, q := range tc.split {
			r := lineRefund(tc.gross, tc.qty, before, q)
			if r < 0 || r > tc.gross {
				t.Fatalf("%+v: refund %d out of range", tc, r)
			}
			sum, before = sum+r, before+q
		}
		if sum != tc.gross {
			t.Fatalf("%+v: refunds sum to %d", tc, sum)
		}
	}
	if got := shareOf(5, 1, 2); got != 3 { // 2.5 rounds half away from zero
		t.Fatalf("shareOf(5, 1, 2) = %d", got)
	}
	if got := lineRefund(3320, 3, 0, 1); got != 1107 { // 1106.67
		t.Fatalf("first of three = %d", got)
	}
}

func TestReturnService_BadInput(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	other, err := e.stock.CreateWarehouse(ctx, testActor, stock.WarehouseInput{Code: "WEST", Name: "West"})
	if err != nil {
		t.Fatal(err)
	}
	otherBin, err := e.stock.CreateBin(ctx, testActor, other.ID, "W-01")
	if err != nil {
		t.Fatal(err)
	}
	closedBin, err := e.stock.CreateBin(ctx, testActor, e.main.ID, "Z-99")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := e.stock.SetBinActive(ctx, testActor, closedBin.ID, false); err != nil {
		t.Fatal(err)
	}
	o := e.shipRMA(t, e.draft(t, LineInput{ProductID: e.bolt.ID, Quantity: 2}), "card")
	line := o.Lines[0].ID
	confirmed := e.walk(t, StatusConfirmed)
	in := func(lines ...ReturnLineInput) ReturnInput {
		return ReturnInput{Reason: "Damaged", Refund: RefundNone, Lines: lines}
	}
	for _, tc := range []struct {
		name        string
		orderID     string
		in          ReturnInput
		code, field string
	}{
		{"NoReason", o.ID, ReturnInput{Reason: "  ", Refund: RefundNone, Lines: []ReturnLineInput{restock(line, 1, e.bin.ID)}}, errs.EINVALID, "reason"},
		{"LongReason", o.ID, ReturnInput{Reason: strings.Repeat("é", 501), Refund: RefundNone, Lines: []ReturnLineInput{restock(line, 1, e.bin.ID)}}, errs.EINVALID, "reason"},
		{"BadUTF8Reason", o.ID, ReturnInput{Reason: "bad \xff", Refund: RefundNone, Lines: []ReturnLineInput{restock(line, 1, e.bin.ID)}}, errs.EINVALID, "reason"},
		{"NoRefundChoice", o.ID, ReturnInput{Reason: "x", Lines: []ReturnLineInput{restock(line, 1, e.bin.ID)}}, errs.EINVALID, "refund"},
		{"MethodWithoutOriginal", o.ID, ReturnInput{Reason: "x", Refund: RefundNone, RefundMethodID: "card", Lines: []ReturnLineInput{restock(line, 1, e.bin.ID)}}, errs.EINVALID, "refundMethodId"},
		{"UnknownMethod", o.ID, ReturnInput{Reason: "x", Refund: RefundOriginal, RefundMethodID: "nope", Lines: []ReturnLineInput{restock(line, 1, e.bin.ID)}}, errs.ENOTFOUND, "refundMethodId"},
		{"MethodNotPaid", o.ID, ReturnInput{Reason: "x", Refund: RefundOriginal, RefundMethodID: "transfer", Lines: []ReturnLineInput{restock(line, 1, e.bin.ID)}}, errs.EINVALID, "refundMethodId"},
		{"NoLines", o.ID, in(), errs.EINVALID, "lines"},
		{"NoLineID", o.ID, in(restock("", 1, e.bin.ID)), errs.EINVALID, "lines[0].orderLineId"},
		{"UnknownLine", o.ID, in(restock("nope", 1, e.bin.ID)), errs.EINVALID, "lines[0].orderLineId"},
		{"LineOfAnotherOrder", o.ID, in(restock(confirmed.Lines[0].ID, 1, e.bin.ID)), errs.EINVALID, "lines[0].orderLineId"},
		{"DuplicateLine", o.ID, in(restock(line, 1, e.bin.ID), restock(line, 1, e.bin.ID)), errs.EINVALID, "lines[1].orderLineId"},
		{"ZeroQuantity", o.ID, in(restock(line, 0, e.bin.ID)), errs.EINVALID, "lines[0].quantity"},
		{"OverReturn", o.ID, in(restock(line, 3, e.bin.ID)), errs.EINVALID, "lines[0].quantity"},
		{"BadDisposition", o.ID, in(ReturnLineInput{OrderLineID: line, Quantity: 1, Disposition: "bin"}), errs.EINVALID, "lines[0].disposition"},
		{"RestockWithoutBin", o.ID, in(restock(line, 1, "")), errs.EINVALID, "lines[0].binId"},
		{"WriteOffWithBin", o.ID, in(ReturnLineInput{OrderLineID: line, Quantity: 1, Disposition: DispositionWriteOff, BinID: e.bin.ID}), errs.EINVALID, "lines[0].binId"},
		{"UnknownBin", o.ID, in(restock(line, 1, "nope")), errs.ENOTFOUND, "lines[0].binId"},
		{"BinOfAnotherWarehouse", o.ID, in(restock(line, 1, otherBin.ID)), errs.EINVALID, "lines[0].binId"},
		{"InactiveBin", o.ID, in(restock(line, 1, closedBin.ID)), errs.ECONFLICT, "lines[0].binId"},
		{"ConfirmedOrder", confirmed.ID, in(restock(confirmed.Lines[0].ID, 1, e.bin.ID)), errs.EINVALID, "status"},
		{"WalkInStoreCredit", o.ID, ReturnInput{Reason: "x", Refund: RefundStoreCredit, Lines: []ReturnLineInput{restock(line, 1, e.bin.ID)}}, errs.EINVALID, "refund"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			before := e.count(t, `SELECT count(*) FROM outbox`)
			_, err := e.s.CreateReturn(ctx, testActor, tc.orderID, tc.in)
			wantErr(t, err, tc.code, tc.field)
			if after := e.count(t, `SELECT count(*) FROM outbox`); after != before {
				t.Fatalf("a refused return wrote %d outbox rows", after-before)
			}
		})
	}
	_, err = e.s.CreateReturn(ctx, testActor, "nope", in(restock(line, 1, e.bin.ID)))
	if errs.Code(err) != errs.ENOTFOUND {
		t.Fatalf("unknown order: %v", err)
	}
	_, err = e.s.CreateReturn(ctx, testActor, o.ID, in(restock(line, 3, e.bin.ID)))
	if msg := errs.Message(err); !strings.Contains(msg, "Only 2 of BOLT can still be returned") {
		t.Fatalf("over-return message = %q", msg)
	}
	if n := e.count(t, `SELECT count(*) FROM returns`); n != 0 {
		t.Fatalf("%d returns left behind", n)
	}
}

func TestReturnService_WriteOff(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	o := e.shipRMA(t, e.draft(t, LineInput{ProductID: e.bolt.ID, Quantity: 2}), "card")
	onHand, _, _ := e.stockOf(t, e.bolt)
	movements := e.count(t, `SELECT count(*) FROM stock_movements`)
	e.tick()
	r, err := e.s.CreateReturn(ctx, testActor, o.ID, ReturnInput{Reason: "Arrived broken", Refund: RefundOriginal,
		Lines: []ReturnLineInput{{OrderLineID: o.Lines[0].ID, Quantity: 1, Disposition: DispositionWriteOff}}})
	if err != nil {
		t.Fatal(err)
	}
	if l := r.Lines[0]; l.Disposition != DispositionWriteOff || l.BinID != "" || l.MovementID != "" || l.Refund != 1190 {
		t.Fatalf("write-off line = %+v", l)
	}
	if got, _, _ := e.stockOf(t, e.bolt); got != onHand {
		t.Fatalf("on hand after a write-off = %d, want %d", got, onHand)
	}
	if got := e.count(t, `SELECT count(*) FROM stock_movements`); got != movements {
		t.Fatalf("a write-off posted %d stock movements", got-movements)
	}
	if ev, _ := e.lastEvent(t, o.ID); !strings.Contains(ev.Note, "1 × Bolt (written off)") {
		t.Fatalf("history note = %q", ev.Note)
	}
	rl, _ := e.s.ReturnableLines(ctx, o.ID)
	if rl[0].Returned != 1 || rl[0].Returnable != 1 {
		t.Fatalf("returnable = %+v", rl[0])
	}
}

func TestReturnService_StoreCredit(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	c, err := e.customers.CreateCustomer(ctx, testActor, customer.CustomerInput{Name: "Ada"})
	if err != nil {
		t.Fatal(err)
	}
	o, err := e.s.CreateOrder(ctx, testActor, OrderInput{CustomerID: c.ID, Channel: ChannelPhone, WarehouseID: e.main.ID, Currency: "EUR"})
	if err != nil {
		t.Fatal(err)
	}
	if o, err = e.s.AddLine(ctx, testActor, o.ID, o.Version, LineInput{ProductID: e.bolt.ID, Quantity: 2}); err != nil {
		t.Fatal(err)
	}
	o = e.shipRMA(t, o, "transfer")
	e.tick()
	r, err := e.s.CreateReturn(ctx, testActor, o.ID, ReturnInput{Reason: "Changed mind", Refund: RefundStoreCredit,
		Lines: []ReturnLineInput{restock(o.Lines[0].ID, 1, e.bin.ID)}})
	if err != nil {
		t.Fatal(err)
	}
	if r.CustomerID != c.ID || r.RefundMethod != RefundStoreCredit || r.RefundTotal != 1190 || len(r.Refunds) != 1 ||
		r.Refunds[0].MethodKind != MethodStoreCredit {
		t.Fatalf("return = %+v", r)
	}
	if credit, err := e.s.FindStoreCredit(ctx, c.ID, "EUR"); err != nil || credit != 1190 {
		t.Fatalf("store credit = %d, %v", credit, err)
	}
	if n := e.count(t, `SELECT count(*) FROM store_credits WHERE customer_id = ? AND return_id = ? AND amount = 1190`, c.ID, r.ID); n != 1 {
		t.Fatalf("store credit rows = %d", n)
	}
	if ev, _ := e.lastEvent(t, o.ID); !strings.Contains(ev.Note, "to store credit") {
		t.Fatalf("history note = %q", ev.Note)
	}
	// No refund: the goods come back, no money moves.
	payments := e.count(t, `SELECT count(*) FROM payments`)
	e.tick()
	r, err = e.s.CreateReturn(ctx, testActor, o.ID, ReturnInput{Reason: "Goodwill swap", Refund: RefundNone,
		Lines: []ReturnLineInput{restock(o.Lines[0].ID, 1, e.bin.ID)}})
	if err != nil || r.RefundTotal != 0 || r.Lines[0].Refund != 0 || len(r.Refunds) != 0 {
		t.Fatalf("no-refund return = %+v, %v", r, err)
	}
	if got := e.count(t, `SELECT count(*) FROM payments`); got != payments {
		t.Fatalf("a return without refund recorded %d payments", got-payments)
	}
}

func TestReturnService_RefundMethods(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	// 3 bolts (35.70): 10.00 cash, 25.70 card.
	o := e.draft(t, LineInput{ProductID: e.bolt.ID, Quantity: 3})
	e.tick()
	o, err := e.s.Confirm(ctx, testActor, o.ID, o.Version)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := e.s.OpenDrawer(ctx, testActor, 0, ""); err != nil {
		t.Fatal(err)
	}
	for _, p := range []PaymentInput{{MethodID: "cash", Amount: 1000}, {MethodID: "card", Amount: 2570}} {
		if _, err := e.s.AddPayment(ctx, testActor, o.ID, p); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := e.s.CloseDrawer(ctx, testActor, []DrawerCountInput{{MethodID: "cash", Counted: 1000}, {MethodID: "card", Counted: 2570}}, ""); err != nil {
		t.Fatalf("close drawer: %v", err)
	}
	for _, to := range []Status{StatusPicking, StatusPacked, StatusShipped} {
		if o, err = e.s.Advance(ctx, testActor, o.ID, to, ""); err != nil {
			t.Fatal(err)
		}
	}
	line := o.Lines[0].ID
	// Two bolts (23.80) go back to the card first: it holds most.
	e.tick()
	r, err := e.s.CreateReturn(ctx, testActor, o.ID, ReturnInput{Reason: "Two extra", Refund: RefundOriginal,
		Lines: []ReturnLineInput{restock(line, 2, e.bin.ID)}})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Refunds) != 1 || r.Refunds[0].MethodID != "card" || r.Refunds[0].Amount != -2380 {
		t.Fatalf("refunds = %+v", r.Refunds)
	}
	// The last (11.90): 1.90 left on the card, then 10.00 cash, pending
	// since the drawer is closed.
	e.tick()
	r, err = e.s.CreateReturn(ctx, testActor, o.ID, ReturnInput{Reason: "Last one", Refund: RefundOriginal,
		Lines: []ReturnLineInput{restock(line, 1, e.bin.ID)}})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]*Payment{}
	for _, p := range r.Refunds {
		got[p.MethodID] = p
	}
	if len(r.Refunds) != 2 || got["cash"] == nil || got["cash"].Amount != -1000 || got["cash"].Status != PaymentPending ||
		got["card"] == nil || got["card"].Amount != -190 || got["card"].Status != PaymentCompleted {
		t.Fatalf("refunds = %+v", r.Refunds)
	}
	if ev, _ := e.lastEvent(t, o.ID); !strings.Contains(ev.Note, "to be paid out") {
		t.Fatalf("history note = %q", ev.Note)
	}
	sum, err := e.s.FindPaymentSummary(ctx, o.ID)
	if err != nil || sum.PendingRefund != 1000 || sum.Due != 0 {
		t.Fatalf("summary = %+v, %v", sum, err)
	}
}

func TestReturnService_CashRefundWithOpenDrawer(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	if _, err := e.s.OpenDrawer(ctx, testActor, 5000, ""); err != nil {
		t.Fatal(err)
	}
	o := e.shipRMA(t, e.draft(t, LineInput{ProductID: e.bolt.ID, Quantity: 1}), "cash")
	e.tick()
	r, err := e.s.CreateReturn(ctx, testActor, o.ID, ReturnInput{Reason: "Refused", Refund: RefundOriginal, RefundMethodID: "cash",
		Lines: []ReturnLineInput{restock(o.Lines[0].ID, 1, e.bin.ID)}})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Refunds) != 1 || r.Refunds[0].Status != PaymentCompleted || r.Refunds[0].DrawerSessionID == "" || r.Refunds[0].Amount != -1190 {
		t.Fatalf("cash refund = %+v", r.Refunds)
	}
}

func TestReturnService_UnpaidOrderOnlyWithoutRefund(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	o := e.shipRMA(t, e.draft(t, LineInput{ProductID: e.bolt.ID, Quantity: 1}), "")
	for _, refund := range []RefundMethod{RefundOriginal} {
		_, err := e.s.CreateReturn(ctx, testActor, o.ID, ReturnInput{Reason: "x", Refund: refund,
			Lines: []ReturnLineInput{restock(o.Lines[0].ID, 1, e.bin.ID)}})
		wantErr(t, err, errs.EINVALID, "refund")
	}
	if _, err := e.s.CreateReturn(ctx, testActor, o.ID, ReturnInput{Reason: "x", Refund: RefundNone,
		Lines: []ReturnLineInput{restock(o.Lines[0].ID, 1, e.bin.ID)}}); err != nil {
		t.Fatal(err)
	}
}

func TestReturnService_HostileReasonsVerbatim(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	reasons := []string{
		`'); DROP TABLE returns; --`,
		`<script>alert("x")</script>`,
		`%s %d %!v {{.}} ${HOME} \x00`,
		"Zwei\nZeilen\tmit Tab",
		"Ünïcødé ✓ 🚀 \u202eRTL\u202c 日本語",
		"null\x00byte",
		strings.Repeat("ü", MaxReturnReason),
	}
	o := e.shipRMA(t, e.draft(t, LineInput{ProductID: e.bolt.ID, Quantity: len64(reasons)}), "")
	for i, reason := range reasons {
		t.Run(fmt.Sprint(i), func(t *testing.T) {
			e.tick()
			r, err := e.s.CreateReturn(ctx, testActor, o.ID, ReturnInput{Reason: reason, Note: reason, Refund: RefundNone,
				Lines: []ReturnLineInput{restock(o.Lines[0].ID, 1, e.bin.ID)}})
			if err != nil {
				t.Fatal(err)
			}
			got, err := e.s.FindReturnByID(ctx, r.ID)
			if err != nil || got.Reason != reason || got.Note != reason {
				t.Fatalf("stored %q / %q, want %q (%v)", got.Reason, got.Note, reason, err)
			}
			if ev, _ := e.lastEvent(t, o.ID); !strings.Contains(ev.Note, reason) && len([]rune(reason)) < 400 {
				t.Fatalf("history note %q lacks the reason", ev.Note)
			}
		})
	}
	if n := e.count(t, `SELECT count(*) FROM returns`); n != len(reasons) {
		t.Fatalf("returns = %d", n)
	}
}

func len64[T any](s []T) int64 { return int64(len(s)) }

func TestReturnService_EveryWriteIsCaptured(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	o := e.shipRMA(t, e.draft(t, LineInput{ProductID: e.bolt.ID, Quantity: 2}), "card")
	outbox := func(entity string) int { return e.count(t, `SELECT count(*) FROM outbox WHERE entity = ?`, entity) }
	audit := func(entity string) int { return e.count(t, `SELECT count(*) FROM audit_log WHERE entity = ?`, entity) }
	entities := []string{"returns", "return_lines", "payments", "stock_movements", "order_events"}
	before := map[string]int{}
	for _, en := range entities {
		before[en] = outbox(en)
	}
	e.tick()
	r, err := e.s.CreateReturn(ctx, testActor, o.ID, ReturnInput{Reason: "Captured", Refund: RefundOriginal,
		Lines: []ReturnLineInput{restock(o.Lines[0].ID, 1, e.bin.ID)}})
	if err != nil {
		t.Fatal(err)
	}
	for _, en := range entities {
		if outbox(en) <= before[en] {
			t.Errorf("CreateReturn wrote nothing to the outbox for %s", en)
		}
		if audit(en) == 0 {
			t.Errorf("no audit rows for %s", en)
		}
	}
	if n := e.count(t, `SELECT count(*) FROM audit_log WHERE entity = 'returns' AND entity_id = ? AND user_name = 'tester'`, r.ID); n != 1 {
		t.Errorf("return audit rows = %d", n)
	}
	if n := e.count(t, `SELECT count(*) FROM outbox WHERE entity = 'order_number_series'`); n != 0 {
		t.Errorf("the local number series reached the outbox %d times", n)
	}
	tables, err := e.db.UncapturedTables(ctx)
	if err != nil || len(tables) != 0 {
		t.Fatalf("uncaptured tables: %v, %v", tables, err)
	}
	// Return lines are a ledger: insert-only, even inside a transaction.
	for _, stmt := range []string{`DELETE FROM return_lines WHERE return_id = ?`, `UPDATE return_lines SET quantity = 2 WHERE return_id = ?`} {
		err = e.db.Update(ctx, testActor, func(tx *store.Tx) error {
			_, err := tx.ExecContext(ctx, stmt, r.ID)
			return err
		})
		if err == nil {
			t.Fatalf("%s was allowed", stmt)
		}
	}
	// No write outside a store transaction.
	if _, err := e.db.Reader().Exec(`INSERT INTO returns (id, number, order_id, status, reason, refund_method, refund_total, currency,
		created_by, created_at, updated_at) VALUES ('x', 'x', 'x', 'completed', 'x', 'none', 0, 'EUR', 'x', 'x', 'x')`); err == nil {
		t.Fatal("a write outside a store transaction was allowed")
	}
}
