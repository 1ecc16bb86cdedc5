package shipping

import (
	"context"
	"slices"
	"testing"
	"time"

	"oms/internal/order"
	"oms/internal/stock"
)

func reportLatency(b *testing.B, samples []time.Duration) {
	slices.Sort(samples)
	at := func(q float64) float64 {
		return float64(samples[min(len(samples)-1, int(q*float64(len(samples))))].Microseconds()) / 1000
	}
	b.ReportMetric(at(0.50), "p50-ms")
	b.ReportMetric(at(0.99), "p99-ms")
	b.ReportMetric(0, "ns/op")
}

// BenchmarkPickAndShip measures the warehouse floor's writes on one
// workstation: a pick scan (Pick) and packing a two-line order into a
// shipment of two packages (CreateShipment, which quotes the rate table,
// takes stock off the bins and moves the order on). One op picks and ships
// 50 orders; only the two calls are timed.
func BenchmarkPickAndShip(b *testing.B) {
	e := newShipEnv(b)
	ctx := context.Background()
	const perOp = 50
	var picks, ships []time.Duration
	for b.Loop() {
		b.StopTimer()
		for _, p := range []string{e.bolt.ID, e.nut.ID} {
			must(e.stock.PostMovement(ctx, shipActor, stock.MovementInput{Kind: stock.KindReceipt, ProductID: p,
				WarehouseID: e.main.ID, BinID: e.binA.ID, Quantity: perOp * 3}))(b)
		}
		orders := make([]*order.Order, perOp)
		for i := range orders {
			orders[i] = e.confirmed(b, order.LineInput{ProductID: e.bolt.ID, Quantity: 2}, order.LineInput{ProductID: e.nut.ID, Quantity: 3})
			must(e.orders.Advance(ctx, shipActor, orders[i].ID, order.StatusPicking, ""))(b)
		}
		b.StartTimer()
		for _, o := range orders {
			start := time.Now()
			must(e.orders.Pick(ctx, shipActor, []string{o.ID}, "BOLT", 2))(b)
			picks = append(picks, time.Since(start))
			start = time.Now()
			must(e.s.CreateShipment(ctx, shipActor, ShipmentInput{OrderID: o.ID, CarrierID: e.parcel.ID, ServiceID: e.standard.ID,
				Lines:    []order.ShipQuantity{{LineID: o.Lines[0].ID, Quantity: 2}, {LineID: o.Lines[1].ID, Quantity: 3}},
				Packages: []PackageInput{{WeightG: 400}, {WeightG: 1200}}}))(b)
			ships = append(ships, time.Since(start))
		}
	}
	slices.Sort(picks)
	b.ReportMetric(float64(picks[len(picks)*99/100].Microseconds())/1000, "pick-p99-ms")
	b.ReportMetric(float64(picks[len(picks)/2].Microseconds())/1000, "pick-p50-ms")
	reportLatency(b, ships)
}
