package order

import (
	"context"
	"strings"
	"testing"

	"oms/internal/catalog"
	"oms/internal/errs"
	"oms/internal/stock"
)

func TestOrderService_EditConfirmed(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	o := e.draft(t, LineInput{ProductID: e.bolt.ID, Quantity: 3})
	o, err := e.s.Confirm(ctx, testActor, o.ID, o.Version)
	if err != nil {
		t.Fatal(err)
	}
	steps := []struct {
		name            string
		do              func(o *Order) (*Order, error)
		boltRes, nutRes int64 // reserved in the warehouse after the step
		boltBack        int64 // the bolt line's backordered quantity
	}{
		{"MoreWithinStock", func(o *Order) (*Order, error) {
			q := int64(8)
			return e.s.UpdateLine(ctx, testActor, o.Lines[0].ID, o.Version, LineUpdate{Quantity: &q})
		}, 8, 0, 0},
		{"MoreThanStock", func(o *Order) (*Order, error) {
			q := int64(12)
			return e.s.UpdateLine(ctx, testActor, o.Lines[0].ID, o.Version, LineUpdate{Quantity: &q})
		}, 10, 0, 2},
		{"Fewer", func(o *Order) (*Order, error) {
			q := int64(4)
			return e.s.UpdateLine(ctx, testActor, o.Lines[0].ID, o.Version, LineUpdate{Quantity: &q})
		}, 4, 0, 0},
		{"AddShortLine", func(o *Order) (*Order, error) {
			return e.s.AddLine(ctx, testActor, o.ID, o.Version, LineInput{ProductID: e.nut.ID, Quantity: 5})
		}, 4, 0, 0},
		{"ScanAddsToLine", func(o *Order) (*Order, error) {
			return e.s.AddScanned(ctx, testActor, o.ID, o.Version, ScanInput{Code: "BOLT", Quantity: 2})
		}, 6, 0, 0},
		{"RemoveBoltLine", func(o *Order) (*Order, error) {
			return e.s.RemoveLine(ctx, testActor, o.Lines[0].ID, o.Version)
		}, 0, 0, 0},
	}
	for _, st := range steps {
		e.tick()
		before := o.Version
		if o, err = st.do(o); err != nil {
			t.Fatalf("%s: %v", st.name, err)
		}
		if o.Status != StatusConfirmed || o.Version != before+1 {
			t.Fatalf("%s: status %s version %d, want confirmed %d", st.name, o.Status, o.Version, before+1)
		}
		if _, res, _ := e.stockOf(t, e.bolt); res != st.boltRes {
			t.Fatalf("%s: bolt reserved %d, want %d", st.name, res, st.boltRes)
		}
		if _, res, _ := e.stockOf(t, e.nut); res != st.nutRes {
			t.Fatalf("%s: nut reserved %d, want %d", st.name, res, st.nutRes)
		}
		for _, l := range o.Lines {
			if l.Reserved+l.Backordered != l.Quantity {
				t.Fatalf("%s: line %+v: reserved + backordered != quantity", st.name, l)
			}
			if l.ProductID == e.bolt.ID && l.Backordered != st.boltBack {
				t.Fatalf("%s: bolt backordered %d, want %d", st.name, l.Backordered, st.boltBack)
			}
		}
	}
	if len(o.Lines) != 1 || o.Lines[0].ProductID != e.nut.ID || o.Lines[0].Backordered != 5 {
		t.Fatalf("lines = %+v", o.Lines)
	}
	// Each change is audited with old and new values.
	if n := e.count(t, `SELECT count(*) FROM audit_log WHERE entity = 'order_lines' AND changes LIKE '%"quantity":[3,8]%'`); n != 1 {
		t.Fatalf("quantity change 3 -> 8 audited %d times, want 1", n)
	}
	// The customer and warehouse of a confirmed order stay.
	cust := "someone"
	_, err = e.s.UpdateOrder(ctx, testActor, o.ID, o.Version, OrderUpdate{CustomerID: &cust})
	wantErr(t, err, errs.ENOTFOUND, "customerId")
	other, err := e.stock.CreateWarehouse(ctx, testActor, stock.WarehouseInput{Code: "WEST", Name: "West"})
	if err != nil {
		t.Fatal(err)
	}
	_, err = e.s.UpdateOrder(ctx, testActor, o.ID, o.Version, OrderUpdate{WarehouseID: &other.ID})
	wantErr(t, err, errs.ECONFLICT, "warehouseId")
	notes := "ring twice"
	if o, err = e.s.UpdateOrder(ctx, testActor, o.ID, o.Version, OrderUpdate{Notes: &notes}); err != nil || o.Notes != notes {
		t.Fatalf("notes on a confirmed order: %v", err)
	}
	// Cancelling releases whatever is still held.
	if _, err := e.s.Cancel(ctx, testActor, o.ID, "changed mind"); err != nil {
		t.Fatal(err)
	}
	if _, res, _ := e.stockOf(t, e.bolt); res != 0 {
		t.Fatalf("bolt reserved %d after cancel", res)
	}
	if err := e.stock.VerifyLevels(ctx); err != nil {
		t.Fatal(err)
	}
}

func TestOrderService_AddScanned(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	coded, err := e.cat.CreateProduct(ctx, testActor, catalog.ProductInput{SKU: "SCREW", Name: "Screw", Price: 25,
		Barcodes: []string{"4006381333931"}})
	if err != nil {
		t.Fatal(err)
	}
	o := e.draft(t)
	cases := []struct {
		name      string
		in        ScanInput
		code      string
		field     string
		lines     int
		screwQty  int64
		boltQty   int64
		wantTotal int64
	}{
		{"Barcode", ScanInput{Code: "4006381333931"}, "", "", 1, 1, 0, 25},
		{"SameBarcodeIncrements", ScanInput{Code: " 4006381333931 "}, "", "", 1, 2, 0, 50},
		{"SKU", ScanInput{Code: "BOLT"}, "", "", 2, 2, 1, 1240},
		{"Quantity", ScanInput{Code: "BOLT", Quantity: 3}, "", "", 2, 2, 4, 4810},
		{"Unknown", ScanInput{Code: "0000000000000"}, errs.ENOTFOUND, "code", 2, 2, 4, 4810},
		{"Hostile", ScanInput{Code: "'; DROP TABLE orders; --"}, errs.ENOTFOUND, "code", 2, 2, 4, 4810},
		{"Huge", ScanInput{Code: strings.Repeat("9", 5000)}, errs.ENOTFOUND, "code", 2, 2, 4, 4810},
		{"Empty", ScanInput{Code: "  "}, errs.EINVALID, "code", 2, 2, 4, 4810},
		{"NegativeQuantity", ScanInput{Code: "BOLT", Quantity: -1}, errs.EINVALID, "quantity", 2, 2, 4, 4810},
		{"Archived", ScanInput{Code: "OLD"}, errs.ECONFLICT, "", 2, 2, 4, 4810},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := e.s.AddScanned(ctx, testActor, o.ID, o.Version, c.in)
			if c.code != "" {
				if errs.Code(err) != c.code || (c.field != "" && errs.Field(err) != c.field) {
					t.Fatalf("err = %v, want %s on %q", err, c.code, c.field)
				}
			} else if err != nil {
				t.Fatal(err)
			} else {
				o = got
			}
			var screw, bolt int64
			for _, l := range o.Lines {
				switch l.ProductID {
				case coded.ID:
					screw += l.Quantity
				case e.bolt.ID:
					bolt += l.Quantity
				}
			}
			if len(o.Lines) != c.lines || screw != c.screwQty || bolt != c.boltQty || o.Total != c.wantTotal {
				t.Fatalf("lines %d screw %d bolt %d total %d; want %d %d %d %d", len(o.Lines), screw, bolt, o.Total,
					c.lines, c.screwQty, c.boltQty, c.wantTotal)
			}
		})
	}
	// A stale version is told the order changed.
	_, err = e.s.AddScanned(ctx, testActor, o.ID, o.Version-1, ScanInput{Code: "BOLT"})
	wantErr(t, err, errs.ECONFLICT, "version")
}

func TestOrderService_HandOver(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	o := e.draft(t, LineInput{ProductID: e.bolt.ID, Quantity: 2}, LineInput{ProductID: e.nut.ID, Quantity: 1})
	_, err := e.s.HandOver(ctx, testActor, o.ID)
	wantErr(t, err, errs.EINVALID, "status")
	if o, err = e.s.Confirm(ctx, testActor, o.ID, o.Version); err != nil {
		t.Fatal(err)
	}
	e.tick()
	if o, err = e.s.HandOver(ctx, testActor, o.ID); err != nil {
		t.Fatal(err)
	}
	if o.Status != StatusDelivered || len(o.Events) != 6 || o.Events[5].Note != "handed over at the counter" {
		t.Fatalf("handed over: %s, events %+v", o.Status, o.Events)
	}
	// The bolts leave the shelf; the nut the books did not know of is an exception to count.
	if on, res, _ := e.stockOf(t, e.bolt); on != 8 || res != 0 {
		t.Fatalf("bolt on hand %d reserved %d; want 8, 0", on, res)
	}
	if on, _, _ := e.stockOf(t, e.nut); on != -1 {
		t.Fatalf("nut on hand %d, want -1", on)
	}
	_, err = e.s.HandOver(ctx, testActor, o.ID)
	wantErr(t, err, errs.EINVALID, "status")
}

func TestOrderService_Backorders(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	// Three orders want 4 nuts each; none are in stock.
	var orders []*Order
	for range 3 {
		o := e.draft(t, LineInput{ProductID: e.nut.ID, Quantity: 4}, LineInput{ProductID: e.bolt.ID, Quantity: 1})
		o, err := e.s.Confirm(ctx, testActor, o.ID, o.Version)
		if err != nil {
			t.Fatal(err)
		}
		orders = append(orders, o)
		e.tick()
	}
	list, total, err := e.s.FindBackorders(ctx, BackorderFilter{WarehouseID: e.main.ID})
	if err != nil || total != 3 || len(list) != 3 || list[0].OrderID != orders[0].ID || list[0].Backordered != 4 || list[0].Available != 0 {
		t.Fatalf("backorders = %d %+v, %v", total, list, err)
	}
	// A shipment with its short line is refused.
	o := orders[2]
	for _, to := range []Status{StatusPicking, StatusPacked} {
		if o, err = e.s.Advance(ctx, testActor, o.ID, to, ""); err != nil {
			t.Fatal(err)
		}
	}
	_, err = e.s.Advance(ctx, testActor, o.ID, StatusShipped, "")
	wantErr(t, err, errs.EINVALID, "status")
	// Six arrive: the oldest order gets 4, the next 2; the packed one waits.
	if _, err := e.stock.PostMovement(ctx, testActor, stock.MovementInput{Kind: stock.KindReceipt, ProductID: e.nut.ID,
		WarehouseID: e.main.ID, BinID: e.bin.ID, Quantity: 6}); err != nil {
		t.Fatal(err)
	}
	list, _, err = e.s.FindBackorders(ctx, BackorderFilter{ProductID: e.nut.ID})
	if err != nil || len(list) != 3 || list[0].Available != 6 {
		t.Fatalf("backorders after receipt = %+v, %v", list, err)
	}
	n, err := e.s.AllocateBackorders(ctx, testActor, e.main.ID, []string{e.nut.ID})
	if err != nil || n != 6 {
		t.Fatalf("allocated %d, %v; want 6", n, err)
	}
	want := []struct{ reserved, backordered int64 }{{4, 0}, {2, 2}, {0, 4}}
	for i, w := range want {
		got, err := e.s.FindOrderByID(ctx, orders[i].ID)
		if err != nil {
			t.Fatal(err)
		}
		if l := got.Lines[0]; l.Reserved != w.reserved || l.Backordered != w.backordered {
			t.Fatalf("order %d nut line %d reserved %d backordered, want %+v", i, l.Reserved, l.Backordered, w)
		}
		if i < 2 && got.Version != orders[i].Version+1 {
			t.Fatalf("order %d version %d, want %d", i, got.Version, orders[i].Version+1)
		}
	}
	if _, res, _ := e.stockOf(t, e.nut); res != 6 {
		t.Fatalf("nut reserved %d, want 6", res)
	}
	// Nothing more to allocate: a second run changes nothing.
	if n, err := e.s.AllocateBackorders(ctx, testActor, "", nil); err != nil || n != 0 {
		t.Fatalf("second allocation %d, %v", n, err)
	}
	if err := e.stock.VerifyLevels(ctx); err != nil {
		t.Fatal(err)
	}
}

func TestOrderService_TaxModeIsKept(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	_, err := e.cat.SetTaxMode(ctx, testActor, "sometimes")
	wantErr(t, err, errs.EINVALID, "taxMode")
	if _, err := e.cat.SetTaxMode(ctx, testActor, "total"); err != nil {
		t.Fatal(err)
	}
	// Three bolts at 11.90 gross; shipping 5.95 gross at 19 %: (35.70 + 5.95) x 19/119 = 6.65 on the total.
	o, err := e.s.CreateOrder(ctx, testActor, OrderInput{Channel: ChannelPhone, WarehouseID: e.main.ID, Shipping: 595, Currency: "EUR"})
	if err != nil {
		t.Fatal(err)
	}
	if o.TaxMode != TaxPerRate || o.Total != 595 || o.NetTotal != 595 {
		t.Fatalf("new order: mode %q total %d net %d", o.TaxMode, o.Total, o.NetTotal)
	}
	if o, err = e.s.AddLine(ctx, testActor, o.ID, o.Version, LineInput{ProductID: e.bolt.ID, Quantity: 3}); err != nil {
		t.Fatal(err)
	}
	if o.Total != 4165 || o.TaxTotal != 665 || o.ShippingTax != 95 || len(o.Rates) != 1 || o.Rates[0].Tax != 665 {
		t.Fatalf("per rate: total %d tax %d shipping tax %d rates %+v", o.Total, o.TaxTotal, o.ShippingTax, o.Rates)
	}
	// The setting changes; the order keeps its mode.
	if _, err := e.cat.SetTaxMode(ctx, testActor, "line"); err != nil {
		t.Fatal(err)
	}
	q := int64(4)
	if o, err = e.s.UpdateLine(ctx, testActor, o.Lines[0].ID, o.Version, LineUpdate{Quantity: &q}); err != nil || o.TaxMode != TaxPerRate {
		t.Fatalf("after the setting changed: %v, mode %q", err, o.TaxMode)
	}
	// A discount amount larger than the line is refused, and nothing changes.
	big := int64(5000)
	_, err = e.s.UpdateLine(ctx, testActor, o.Lines[0].ID, o.Version, LineUpdate{DiscountAmount: &big})
	wantErr(t, err, errs.EINVALID, "lines[0].discountAmount")
	fine := int64(760)
	if o, err = e.s.UpdateLine(ctx, testActor, o.Lines[0].ID, o.Version, LineUpdate{DiscountAmount: &fine}); err != nil {
		t.Fatal(err)
	}
	if o.Lines[0].DiscountAmount != 760 || o.Lines[0].Gross != 4000 {
		t.Fatalf("discounted line = %+v", o.Lines[0])
	}
}
