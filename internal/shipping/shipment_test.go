package shipping

import (
	"context"
	"testing"
	"time"

	"oms/internal/catalog"
	"oms/internal/errs"
	"oms/internal/order"
	"oms/internal/stock"
	"oms/internal/store"
)

var shipActor = store.Actor{UserID: "u-pack", UserName: "packer"}

// shipEnv is a German company with a warehouse of bolts and nuts in bins,
// a parcel carrier with a rate table and an own delivery with a tracking
// pattern.
type shipEnv struct {
	db       *store.DB
	s        *Service
	orders   *order.Service
	stock    *stock.Service
	main     *stock.Warehouse
	binA     *stock.Bin
	binB     *stock.Bin
	bolt     *catalog.Product
	nut      *catalog.Product
	parcel   *CarrierConfig
	standard *CarrierService
	own      *CarrierConfig
	van      *CarrierService
	now      time.Time
}

func newShipEnv(t testing.TB) *shipEnv {
	t.Helper()
	ctx := context.Background()
	ce := newCarrierEnv(t)
	e := &shipEnv{db: ce.db, s: ce.s, orders: ce.s.orders, stock: stock.NewService(ce.db), now: time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)}
	e.db.Now = func() time.Time { return e.now }
	e.main = must(e.stock.CreateWarehouse(ctx, shipActor, stock.WarehouseInput{Code: "MAIN", Name: "Main"}))(t)
	e.binA = must(e.stock.CreateBin(ctx, shipActor, e.main.ID, "A-01"))(t)
	e.binB = must(e.stock.CreateBin(ctx, shipActor, e.main.ID, "B-01"))(t)
	cat := catalog.NewService(e.db)
	e.bolt = must(cat.CreateProduct(ctx, shipActor, catalog.ProductInput{SKU: "BOLT", Name: "Bolt M8", Price: 120, WeightG: 50}))(t)
	e.nut = must(cat.CreateProduct(ctx, shipActor, catalog.ProductInput{SKU: "NUT", Name: "Nut M8", Price: 20, WeightG: 10}))(t)
	for _, r := range []stock.MovementInput{
		{Kind: stock.KindReceipt, ProductID: e.bolt.ID, WarehouseID: e.main.ID, BinID: e.binA.ID, Quantity: 6},
		{Kind: stock.KindReceipt, ProductID: e.bolt.ID, WarehouseID: e.main.ID, BinID: e.binB.ID, Quantity: 4},
		{Kind: stock.KindReceipt, ProductID: e.nut.ID, WarehouseID: e.main.ID, BinID: e.binB.ID, Quantity: 100},
	} {
		must(e.stock.PostMovement(ctx, shipActor, r))(t)
	}
	e.parcel = must(e.s.CreateCarrier(ctx, shipActor, CarrierInput{Name: "DHL Parcel", TrackingURL: "https://www.dhl.com/track?id={tracking}"}))(t)
	e.standard = must(e.s.CreateService(ctx, shipActor, e.parcel.ID, ServiceInput{Code: "STD", Name: "Standard"}))(t)
	domestic := must(e.s.CreateZone(ctx, shipActor, e.parcel.ID, ZoneInput{Name: "Domestic", Countries: []string{"DE"}}))(t)
	must(e.s.SetRates(ctx, shipActor, e.standard.ID, domestic.ID, []RateBand{{MaxWeightG: 1000, Price: 490}, {MaxWeightG: 5000, Price: 690}}))(t)
	e.own = must(e.s.CreateCarrier(ctx, shipActor, CarrierInput{Name: "Own delivery", TrackingPattern: "OWN{seq:6}"}))(t)
	e.van = must(e.s.CreateService(ctx, shipActor, e.own.ID, ServiceInput{Code: "VAN", Name: "Same-day van"}))(t)
	local := must(e.s.CreateZone(ctx, shipActor, e.own.ID, ZoneInput{Name: "Local", Countries: []string{"DE"}}))(t)
	must(e.s.SetRates(ctx, shipActor, e.van.ID, local.ID, []RateBand{{MaxWeightG: 30000, Price: 1500}}))(t)
	return e
}

func (e *shipEnv) tick() { e.now = e.now.Add(time.Minute) }

// confirmed is a confirmed order shipping to Hamburg.
func (e *shipEnv) confirmed(t testing.TB, lines ...order.LineInput) *order.Order {
	t.Helper()
	ctx := context.Background()
	o := must(e.orders.CreateOrder(ctx, shipActor, order.OrderInput{Channel: order.ChannelPhone, WarehouseID: e.main.ID,
		ShippingAddress: &order.Address{Name: "Σοφία Παπαδοπούλου", Line1: "Elbchaussee 1", PostalCode: "22763", City: "Hamburg", Country: "DE"}}))(t)
	for _, l := range lines {
		o = must(e.orders.AddLine(ctx, shipActor, o.ID, o.Version, l))(t)
	}
	return must(e.orders.Confirm(ctx, shipActor, o.ID, o.Version))(t)
}

func (e *shipEnv) onHand(t *testing.T, p *catalog.Product, bin *stock.Bin) int64 {
	t.Helper()
	var n int64
	if err := e.db.Reader().QueryRow(`SELECT COALESCE(SUM(on_hand), 0) FROM stock_levels WHERE product_id = ? AND bin_id = ?`,
		p.ID, bin.ID).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func TestShipmentService_CreateShipment_Refusals(t *testing.T) {
	e := newShipEnv(t)
	ctx := context.Background()
	o := e.confirmed(t, order.LineInput{ProductID: e.bolt.ID, Quantity: 2})
	noAddress := must(e.orders.CreateOrder(ctx, shipActor, order.OrderInput{Channel: order.ChannelPhone, WarehouseID: e.main.ID}))(t)
	noAddress = must(e.orders.AddLine(ctx, shipActor, noAddress.ID, noAddress.Version, order.LineInput{ProductID: e.nut.ID, Quantity: 1}))(t)
	noAddress = must(e.orders.Confirm(ctx, shipActor, noAddress.ID, noAddress.Version))(t)
	line := []order.ShipQuantity{{LineID: o.Lines[0].ID, Quantity: 1}}
	pkg := []PackageInput{{WeightG: 500}}
	tests := []struct {
		name  string
		in    ShipmentInput
		code  string
		field string
	}{
		{"NoPackages", ShipmentInput{OrderID: o.ID, CarrierID: e.parcel.ID, ServiceID: e.standard.ID, Lines: line}, errs.EINVALID, "packages"},
		{"WeightZero", ShipmentInput{OrderID: o.ID, CarrierID: e.parcel.ID, ServiceID: e.standard.ID, Lines: line,
			Packages: []PackageInput{{WeightG: 0}}}, errs.EINVALID, "packages[0].weightG"},
		{"NegativeDimension", ShipmentInput{OrderID: o.ID, CarrierID: e.parcel.ID, ServiceID: e.standard.ID, Lines: line,
			Packages: []PackageInput{{WeightG: 10, LengthMM: -1}}}, errs.EINVALID, "packages[0].lengthMm"},
		{"TooHeavyForTheRateTable", ShipmentInput{OrderID: o.ID, CarrierID: e.parcel.ID, ServiceID: e.standard.ID, Lines: line,
			Packages: []PackageInput{{WeightG: 5001}}}, errs.EINVALID, "packages[0].weightG"},
		{"HostileTracking", ShipmentInput{OrderID: o.ID, CarrierID: e.parcel.ID, ServiceID: e.standard.ID, Lines: line, Packages: pkg,
			TrackingNumber: "^XA^FDx^FS"}, errs.EINVALID, "trackingNumber"},
		{"ServiceOfAnotherCarrier", ShipmentInput{OrderID: o.ID, CarrierID: e.parcel.ID, ServiceID: e.van.ID, Lines: line, Packages: pkg},
			errs.EINVALID, "serviceId"},
		{"UnknownCarrier", ShipmentInput{OrderID: o.ID, CarrierID: "nope", ServiceID: e.van.ID, Lines: line, Packages: pkg},
			errs.ENOTFOUND, "carrierId"},
		{"UnknownOrder", ShipmentInput{OrderID: "nope", CarrierID: e.parcel.ID, ServiceID: e.standard.ID, Lines: line, Packages: pkg},
			errs.ENOTFOUND, ""},
		{"NoShippingAddress", ShipmentInput{OrderID: noAddress.ID, CarrierID: e.parcel.ID, ServiceID: e.standard.ID,
			Lines: []order.ShipQuantity{{LineID: noAddress.Lines[0].ID, Quantity: 1}}, Packages: pkg}, errs.EINVALID, "country"},
		{"MoreThanOrdered", ShipmentInput{OrderID: o.ID, CarrierID: e.parcel.ID, ServiceID: e.standard.ID,
			Lines: []order.ShipQuantity{{LineID: o.Lines[0].ID, Quantity: 3}}, Packages: pkg}, errs.EINVALID, "lines[0].quantity"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := e.s.CreateShipment(ctx, shipActor, tc.in)
			if tc.code == errs.ENOTFOUND {
				if errs.Code(err) != errs.ENOTFOUND {
					t.Fatalf("err = %v, want ENOTFOUND", err)
				}
			} else {
				wantErr(t, err, tc.code, tc.field)
			}
			// Nothing half-written: no shipment, no stock moved, no number used.
			var n int
			if err := e.db.Reader().QueryRow(`SELECT COUNT(*) FROM shipments`).Scan(&n); err != nil || n != 0 {
				t.Fatalf("shipments = %d (%v)", n, err)
			}
			if got := e.onHand(t, e.bolt, e.binA) + e.onHand(t, e.bolt, e.binB); got != 10 {
				t.Fatalf("bolts on hand = %d", got)
			}
		})
	}
}

// TestShipmentService_TwoShipmentsToDelivery packs one order into two
// shipments (two packages in the first), checks stock, costs, numbers and
// tracking, then follows them to delivery.
func TestShipmentService_TwoShipmentsToDelivery(t *testing.T) {
	e := newShipEnv(t)
	ctx := context.Background()
	o := e.confirmed(t, order.LineInput{ProductID: e.bolt.ID, Quantity: 8}, order.LineInput{ProductID: e.nut.ID, Quantity: 20})
	bolt, nut := o.Lines[0], o.Lines[1]
	e.tick()
	first, err := e.s.CreateShipment(ctx, shipActor, ShipmentInput{OrderID: o.ID, CarrierID: e.parcel.ID, ServiceID: e.standard.ID,
		TrackingNumber: " 00340434161094042557 ",
		Lines:          []order.ShipQuantity{{LineID: bolt.ID, Quantity: 7}, {LineID: nut.ID, Quantity: 5}},
		Packages:       []PackageInput{{WeightG: 400, LengthMM: 300, WidthMM: 200, HeightMM: 100}, {WeightG: 1200}}})
	if err != nil {
		t.Fatal(err)
	}
	// 400 g is in the 1 kg band (4.90), 1.2 kg in the 5 kg band (6.90).
	if first.Number != "LOCAL-S000001" || first.Cost != 1180 || first.Currency != "EUR" || first.WeightG != 1600 ||
		first.Status != StatusLabelCreated || first.TrackingNumber != "00340434161094042557" ||
		first.TrackingURL != "https://www.dhl.com/track?id=00340434161094042557" || first.CarrierName != "DHL Parcel" ||
		first.ServiceCode != "STD" || len(first.Packages) != 2 || first.Packages[1].PackageNo != 2 || len(first.Lines) != 2 ||
		first.Lines[0].SKU != "BOLT" || first.Lines[0].Quantity != 7 || len(first.Events) != 1 {
		t.Fatalf("first shipment = %+v", first)
	}
	// Seven bolts: six from the fuller bin A, one from B.
	if a, b := e.onHand(t, e.bolt, e.binA), e.onHand(t, e.bolt, e.binB); a != 0 || b != 3 {
		t.Fatalf("bolts in A %d, B %d; want 0 and 3", a, b)
	}
	got := must(e.orders.FindOrderByID(ctx, o.ID))(t)
	if got.Status != order.StatusPicking || got.Lines[0].Shipped != 7 || got.Lines[0].Reserved != 1 || got.Lines[1].Shipped != 5 {
		t.Fatalf("order after the first shipment = %s %+v %+v", got.Status, got.Lines[0], got.Lines[1])
	}
	// The first travels; the order waits for the rest.
	e.tick()
	must(e.s.UpdateStatus(ctx, shipActor, first.ID, StatusInTransit, "picked up by the driver"))(t)
	if got := must(e.orders.FindOrderByID(ctx, o.ID))(t); got.Status != order.StatusPicking {
		t.Fatalf("status = %s", got.Status)
	}

	e.tick()
	second, err := e.s.CreateShipment(ctx, shipActor, ShipmentInput{OrderID: o.ID, CarrierID: e.own.ID, ServiceID: e.van.ID,
		Lines:    []order.ShipQuantity{{LineID: bolt.ID, Quantity: 1}, {LineID: nut.ID, Quantity: 15}},
		Packages: []PackageInput{{WeightG: 200}}})
	if err != nil {
		t.Fatal(err)
	}
	if second.Number != "LOCAL-S000002" || second.TrackingNumber != "OWN000001" || second.Cost != 1500 || second.TrackingURL != "" {
		t.Fatalf("second shipment = %+v", second)
	}
	if got := must(e.orders.FindOrderByID(ctx, o.ID))(t); got.Status != order.StatusPacked {
		t.Fatalf("status after the last shipment = %s", got.Status)
	}
	// Nothing more can go: every unit has left.
	_, err = e.s.CreateShipment(ctx, shipActor, ShipmentInput{OrderID: o.ID, CarrierID: e.own.ID, ServiceID: e.van.ID,
		Lines: []order.ShipQuantity{{LineID: nut.ID, Quantity: 1}}, Packages: []PackageInput{{WeightG: 10}}})
	wantErr(t, err, errs.EINVALID, "lines[0].quantity")

	e.tick()
	must(e.s.UpdateStatus(ctx, shipActor, second.ID, StatusInTransit, ""))(t)
	if got := must(e.orders.FindOrderByID(ctx, o.ID))(t); got.Status != order.StatusShipped {
		t.Fatalf("status with both in transit = %s", got.Status)
	}
	e.tick()
	must(e.s.UpdateStatus(ctx, shipActor, first.ID, StatusDelivered, "signed by S. Papadopoulou"))(t)
	if got := must(e.orders.FindOrderByID(ctx, o.ID))(t); got.Status != order.StatusShipped {
		t.Fatalf("status with one delivered = %s", got.Status)
	}
	e.tick()
	must(e.s.UpdateStatus(ctx, shipActor, second.ID, StatusDelivered, ""))(t)
	got = must(e.orders.FindOrderByID(ctx, o.ID))(t)
	if got.Status != order.StatusDelivered {
		t.Fatalf("status with both delivered = %s", got.Status)
	}
	last := got.Events[len(got.Events)-1]
	if last.To != order.StatusDelivered || last.Note != "shipment LOCAL-S000002 delivered" {
		t.Fatalf("last order event = %+v", last)
	}
	// Delivered is the end of the journey.
	_, err = e.s.UpdateStatus(ctx, shipActor, first.ID, StatusInTransit, "")
	wantErr(t, err, errs.EINVALID, "status")
	sh := must(e.s.FindShipmentByID(ctx, first.ID))(t)
	var path []Status
	for _, ev := range sh.Events {
		path = append(path, ev.Status)
	}
	if len(path) != 3 || path[0] != StatusLabelCreated || path[1] != StatusInTransit || path[2] != StatusDelivered ||
		sh.Events[2].Note != "signed by S. Papadopoulou" || sh.Events[2].UserName != "packer" {
		t.Fatalf("events = %v %+v", path, sh.Events[2])
	}
	list, total := must2(e.s.FindShipments(ctx, ShipmentFilter{OrderID: o.ID}))(t)
	if total != 2 || list[0].ID != second.ID {
		t.Fatalf("shipments of the order = %d, newest %s", total, list[0].Number)
	}
	byTracking, n := must2(e.s.FindShipments(ctx, ShipmentFilter{Query: "OWN000001"}))(t)
	if n != 1 || byTracking[0].ID != second.ID {
		t.Fatalf("by tracking = %d", n)
	}
}

func TestShipmentService_StatusRules(t *testing.T) {
	e := newShipEnv(t)
	ctx := context.Background()
	o := e.confirmed(t, order.LineInput{ProductID: e.nut.ID, Quantity: 2})
	sh := must(e.s.CreateShipment(ctx, shipActor, ShipmentInput{OrderID: o.ID, CarrierID: e.parcel.ID, ServiceID: e.standard.ID,
		Lines: []order.ShipQuantity{{LineID: o.Lines[0].ID, Quantity: 2}}, Packages: []PackageInput{{WeightG: 30}}}))(t)
	steps := []struct {
		name  string
		to    Status
		note  string
		field string
		order order.Status
	}{
		{"NotAStatus", "lost", "", "status", order.StatusPacked},
		{"BackToLabel", StatusLabelCreated, "", "status", order.StatusPacked},
		{"Exception", StatusException, "address not found", "", order.StatusPacked},
		{"InTransitAgain", StatusInTransit, "", "", order.StatusShipped},
		{"ReturnedToSender", StatusReturned, "refused", "", order.StatusShipped},
		{"NothingAfterReturned", StatusDelivered, "", "status", order.StatusShipped},
	}
	for _, st := range steps {
		t.Run(st.name, func(t *testing.T) {
			_, err := e.s.UpdateStatus(ctx, shipActor, sh.ID, st.to, st.note)
			if st.field == "" && err != nil {
				t.Fatal(err)
			} else if st.field != "" {
				wantErr(t, err, errs.EINVALID, st.field)
			}
			if got := must(e.orders.FindOrderByID(ctx, o.ID))(t); got.Status != st.order {
				t.Fatalf("order status = %s, want %s", got.Status, st.order)
			}
		})
	}
	// Tracking: typed later, never once the journey is over.
	_, err := e.s.SetTracking(ctx, shipActor, sh.ID, "1Z999")
	wantErr(t, err, errs.EINVALID, "status")
}

func TestShipmentService_PackStation(t *testing.T) {
	e := newShipEnv(t)
	ctx := context.Background()
	o := e.confirmed(t, order.LineInput{ProductID: e.bolt.ID, Quantity: 12}) // 10 in stock: 2 backordered
	po := must(e.s.FindPackOrder(ctx, " "+o.Number[:3]+o.Number[3:]+" "))(t)
	if po.Order.ID != o.ID || po.Lines[0].Packable != 10 || po.Lines[0].Backordered != 2 || po.Lines[0].UnitWeightG != 50 {
		t.Fatalf("pack order = %+v", po.Lines[0])
	}
	if l := must(e.s.PackScan(ctx, o.ID, "bolt"))(t); l.LineID != o.Lines[0].ID {
		t.Fatalf("scan = %+v", l)
	}
	_, err := e.s.PackScan(ctx, o.ID, "NUT")
	wantErr(t, err, errs.EINVALID, "code")
	_, err = e.s.PackScan(ctx, o.ID, "no-such-code")
	if errs.Code(err) != errs.ENOTFOUND {
		t.Fatalf("unknown code: %v", err)
	}
	_, err = e.s.FindPackOrder(ctx, "LOCAL-999999")
	if errs.Code(err) != errs.ENOTFOUND {
		t.Fatalf("unknown order: %v", err)
	}
	must(e.s.CreateShipment(ctx, shipActor, ShipmentInput{OrderID: o.ID, CarrierID: e.parcel.ID, ServiceID: e.standard.ID,
		Lines: []order.ShipQuantity{{LineID: o.Lines[0].ID, Quantity: 10}}, Packages: []PackageInput{{WeightG: 500}}}))(t)
	// The rest is backordered: scanning it says so.
	_, err = e.s.PackScan(ctx, o.ID, "BOLT")
	wantErr(t, err, errs.EINVALID, "code")
	po = must(e.s.FindPackOrderByID(ctx, o.ID))(t)
	if po.Lines[0].Packable != 0 || po.Lines[0].Shipped != 10 || len(po.Shipments) != 1 {
		t.Fatalf("after shipping = %+v, %d shipments", po.Lines[0], len(po.Shipments))
	}
}

func must2[T any](v T, n int, err error) func(t *testing.T) (T, int) {
	return func(t *testing.T) (T, int) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		return v, n
	}
}
