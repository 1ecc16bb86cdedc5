package order

import (
	"context"
	"testing"

	"oms/internal/errs"
	"oms/internal/stock"
	"oms/internal/store"
)

// picking confirms a draft of lines and starts picking it.
func (e *env) picking(t *testing.T, lines ...LineInput) *Order {
	t.Helper()
	ctx := context.Background()
	o := e.draft(t, lines...)
	o, err := e.s.Confirm(ctx, testActor, o.ID, o.Version)
	if err != nil {
		t.Fatal(err)
	}
	if o, err = e.s.Advance(ctx, testActor, o.ID, StatusPicking, ""); err != nil {
		t.Fatal(err)
	}
	return o
}

func (e *env) line(t *testing.T, id string) *Line {
	t.Helper()
	o, err := e.s.FindOrderByID(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	return o.Lines[0]
}

func TestOrderService_Pick(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	first := e.picking(t, LineInput{ProductID: e.bolt.ID, Quantity: 3})
	second := e.picking(t, LineInput{ProductID: e.bolt.ID, Quantity: 2})
	wave := []string{first.ID, second.ID}
	confirmed := e.draft(t, LineInput{ProductID: e.nut.ID, Quantity: 1})

	tests := []struct {
		name         string
		wave         []string
		code         string
		qty          int64
		errCode      string
		field        string
		wantFirst    int64 // picked on the first order after the scan
		wantSecond   int64
		wantTickedOn string
	}{
		{name: "ScanTicksTheFirstOrder", wave: wave, code: "BOLT", qty: 1, wantFirst: 1, wantTickedOn: first.ID},
		{name: "TypedLowercaseSKU", wave: wave, code: " bolt ", qty: 2, wantFirst: 3, wantTickedOn: first.ID},
		{name: "NextOrderOnceTheFirstIsFull", wave: wave, code: "BOLT", qty: 1, wantFirst: 3, wantSecond: 1, wantTickedOn: second.ID},
		{name: "TooManyForWhatIsLeft", wave: wave, code: "BOLT", qty: 2, errCode: errs.EINVALID, field: "quantity", wantFirst: 3, wantSecond: 1},
		{name: "WrongItem", wave: wave, code: "NUT", errCode: errs.EINVALID, field: "code", wantFirst: 3, wantSecond: 1},
		{name: "UnknownCode", wave: wave, code: "4006381333931", errCode: errs.ENOTFOUND, field: "code", wantFirst: 3, wantSecond: 1},
		{name: "EmptyCode", wave: wave, code: "  ", errCode: errs.EINVALID, field: "code", wantFirst: 3, wantSecond: 1},
		{name: "NegativeQuantity", wave: wave, code: "BOLT", qty: -1, errCode: errs.EINVALID, field: "quantity", wantFirst: 3, wantSecond: 1},
		{name: "OrderNotPicking", wave: []string{first.ID, confirmed.ID}, code: "BOLT", errCode: errs.EINVALID, field: "orderIds[1]", wantFirst: 3, wantSecond: 1},
		{name: "NoOrders", wave: nil, code: "BOLT", errCode: errs.EINVALID, field: "orderIds", wantFirst: 3, wantSecond: 1},
		{name: "LastOne", wave: wave, code: "BOLT", wantFirst: 3, wantSecond: 2, wantTickedOn: second.ID},
		{name: "AlreadyPickedInFull", wave: wave, code: "BOLT", errCode: errs.EINVALID, field: "code", wantFirst: 3, wantSecond: 2},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := e.s.Pick(ctx, testActor, tc.wave, tc.code, tc.qty)
			wantErr(t, err, tc.errCode, tc.field)
			if err == nil && got.Line.OrderID != tc.wantTickedOn {
				t.Fatalf("ticked %s, want %s", got.Line.OrderID, tc.wantTickedOn)
			}
			if p1, p2 := e.line(t, first.ID).Picked, e.line(t, second.ID).Picked; p1 != tc.wantFirst || p2 != tc.wantSecond {
				t.Fatalf("picked = %d, %d; want %d, %d", p1, p2, tc.wantFirst, tc.wantSecond)
			}
		})
	}
}

func TestOrderService_ShortPick(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	first := e.picking(t, LineInput{ProductID: e.bolt.ID, Quantity: 4})
	second := e.picking(t, LineInput{ProductID: e.bolt.ID, Quantity: 3})
	wave := []string{first.ID, second.ID}
	if _, err := e.s.Pick(ctx, testActor, wave, "BOLT", 2); err != nil {
		t.Fatal(err)
	}
	// 7 reserved of 10; 5 still to pick. Three are not on the shelf.
	_, err := e.s.ShortPick(ctx, testActor, wave, e.bolt.ID, 6, "")
	wantErr(t, err, errs.EINVALID, "missing")
	_, err = e.s.ShortPick(ctx, testActor, wave, e.nut.ID, 1, "")
	wantErr(t, err, errs.EINVALID, "productId")
	_, err = e.s.ShortPick(ctx, testActor, wave, e.bolt.ID, 0, "")
	wantErr(t, err, errs.EINVALID, "missing")

	lines, err := e.s.ShortPick(ctx, testActor, wave, e.bolt.ID, 4, "bin A-01 empty")
	if err != nil {
		t.Fatal(err)
	}
	// The last order gives up its 3 first, then the first order 1.
	l1, l2 := e.line(t, first.ID), e.line(t, second.ID)
	if l1.Reserved != 3 || l1.Backordered != 1 || l2.Reserved != 0 || l2.Backordered != 3 {
		t.Fatalf("lines = %+v / %+v", l1, l2)
	}
	if len(lines) != 2 || lines[0].Open() != 1 || lines[1].Open() != 0 || lines[0].Bin != "A-01" || lines[0].BinSortKey == "" {
		t.Fatalf("pick lines = %+v %+v", lines[0], lines[1])
	}
	if _, reserved, avail := e.stockOf(t, e.bolt); reserved != 3 || avail != 7 {
		t.Fatalf("reserved %d available %d, want 3 and 7", reserved, avail)
	}
	ev, _ := e.lastEvent(t, second.ID)
	if ev.From != StatusPicking || ev.To != StatusPicking || ev.Note != "Short pick: 3 × BOLT backordered: bin A-01 empty" {
		t.Fatalf("event = %+v", ev)
	}
	if n := e.count(t, `SELECT COUNT(*) FROM audit_log WHERE action = 'short_pick'`); n != 2 {
		t.Fatalf("audit rows = %d", n)
	}
	// The last unit on the list can still be picked; nothing more.
	if _, err := e.s.Pick(ctx, testActor, wave, "BOLT", 1); err != nil {
		t.Fatal(err)
	}
	_, err = e.s.Pick(ctx, testActor, wave, "BOLT", 1)
	wantErr(t, err, errs.EINVALID, "code")
}

func (e *env) shipLines(t *testing.T, orderID string, lines ...ShipQuantity) (*Order, error) {
	t.Helper()
	var o *Order
	err := e.db.Update(context.Background(), testActor, func(tx *store.Tx) error {
		var err error
		o, err = ShipLines(tx, orderID, lines, "S-1")
		return err
	})
	return o, err
}

func TestShipLines_PartialShipments(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	o := e.draft(t, LineInput{ProductID: e.bolt.ID, Quantity: 6}, LineInput{ProductID: e.nut.ID, Quantity: 2})
	o, err := e.s.Confirm(ctx, testActor, o.ID, o.Version)
	if err != nil {
		t.Fatal(err)
	}
	bolt, nut := o.Lines[0], o.Lines[1] // 6 bolts reserved; the nuts backordered

	tests := []struct {
		name   string
		lines  []ShipQuantity
		code   string
		field  string
		status Status
	}{
		{name: "NoLines", code: errs.EINVALID, field: "lines", status: StatusConfirmed},
		{name: "Backordered", lines: []ShipQuantity{{nut.ID, 1}}, code: errs.EINVALID, field: "lines[0].quantity", status: StatusConfirmed},
		{name: "MoreThanReserved", lines: []ShipQuantity{{bolt.ID, 7}}, code: errs.EINVALID, field: "lines[0].quantity", status: StatusConfirmed},
		{name: "OtherOrdersLine", lines: []ShipQuantity{{"nope", 1}}, code: errs.EINVALID, field: "lines[0].lineId", status: StatusConfirmed},
		{name: "Twice", lines: []ShipQuantity{{bolt.ID, 1}, {bolt.ID, 1}}, code: errs.EINVALID, field: "lines[1].lineId", status: StatusConfirmed},
		{name: "ZeroQuantity", lines: []ShipQuantity{{bolt.ID, 0}}, code: errs.EINVALID, field: "lines[0].quantity", status: StatusConfirmed},
		{name: "FirstShipmentStartsPicking", lines: []ShipQuantity{{bolt.ID, 4}}, status: StatusPicking},
		{name: "SecondShipmentOfTheRest", lines: []ShipQuantity{{bolt.ID, 2}}, status: StatusPicking},
		{name: "NothingLeftOfTheBolts", lines: []ShipQuantity{{bolt.ID, 1}}, code: errs.EINVALID, field: "lines[0].quantity", status: StatusPicking},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := e.shipLines(t, o.ID, tc.lines...)
			wantErr(t, err, tc.code, tc.field)
			got, err := e.s.FindOrderByID(ctx, o.ID)
			if err != nil {
				t.Fatal(err)
			}
			if got.Status != tc.status {
				t.Fatalf("status = %s, want %s", got.Status, tc.status)
			}
		})
	}
	// The bolts left the bin they were in; nothing is reserved for them.
	if onHand, reserved, _ := e.stockOf(t, e.bolt); onHand != 4 || reserved != 0 {
		t.Fatalf("bolts on hand %d reserved %d, want 4 and 0", onHand, reserved)
	}
	if n := e.binOnHand(t, e.bolt, e.bin.ID); n != 4 {
		t.Fatalf("bin holds %d, want 4", n)
	}
	// Part has shipped: no cancelling, no manual shipping, but a return.
	_, err = e.s.Cancel(ctx, testActor, o.ID, "customer changed mind")
	wantErr(t, err, errs.EINVALID, "status")
	_, err = e.s.Advance(ctx, testActor, o.ID, StatusPacked, "")
	wantErr(t, err, errs.EINVALID, "status")
	lines, err := e.s.ReturnableLines(ctx, o.ID)
	if err != nil {
		t.Fatal(err)
	}
	if lines[0].Shipped != 6 || lines[0].Returnable != 6 || lines[1].Shipped != 0 {
		t.Fatalf("returnable = %+v %+v", lines[0], lines[1])
	}
	err = e.db.Update(ctx, testActor, func(tx *store.Tx) error {
		_, err := AdvanceFulfilment(tx, o.ID, StatusShipped, "")
		return err
	})
	wantErr(t, err, errs.EINVALID, "status")

	// The nuts arrive and ship: the order is packed, then travels on.
	if _, err := e.stock.PostMovement(ctx, testActor, stock.MovementInput{Kind: stock.KindReceipt, ProductID: e.nut.ID, WarehouseID: e.main.ID, Quantity: 5}); err != nil {
		t.Fatal(err)
	}
	if _, err := e.s.AllocateBackorders(ctx, testActor, e.main.ID, []string{e.nut.ID}); err != nil {
		t.Fatal(err)
	}
	if got, err := e.shipLines(t, o.ID, ShipQuantity{nut.ID, 2}); err != nil || got.Status != StatusPacked {
		t.Fatalf("last shipment: %v, %+v", err, got)
	}
	err = e.db.Update(ctx, testActor, func(tx *store.Tx) error {
		_, err := AdvanceFulfilment(tx, o.ID, StatusDelivered, "all delivered")
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	got, _ := e.s.FindOrderByID(ctx, o.ID)
	var path []Status
	for _, ev := range got.Events {
		path = append(path, ev.To)
	}
	want := []Status{StatusDraft, StatusConfirmed, StatusPicking, StatusPacked, StatusShipped, StatusDelivered}
	if got.Status != StatusDelivered || len(path) != len(want) {
		t.Fatalf("status %s, history %v", got.Status, path)
	}
	for i := range want {
		if path[i] != want[i] {
			t.Fatalf("history %v, want %v", path, want)
		}
	}
	// Delivered already: going to shipped is no step back, just nothing.
	err = e.db.Update(ctx, testActor, func(tx *store.Tx) error {
		_, err := AdvanceFulfilment(tx, o.ID, StatusShipped, "")
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
}
