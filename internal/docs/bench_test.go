package docs

import (
	"bytes"
	"context"
	"fmt"
	"runtime"
	"testing"

	"oms/internal/catalog"
	"oms/internal/customer"
	"oms/internal/order"
	"oms/internal/stock"
)

// BenchmarkInvoice prints one invoice: reading the order, its payments and
// the company, laying out the page with the embedded fonts, and writing
// the PDF. Target: under 20 ms.
func BenchmarkInvoice(b *testing.B) {
	e := newEnv(b)
	ctx := context.Background()
	var buf bytes.Buffer
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		buf.Reset()
		if err := e.printer.WriteInvoice(ctx, &buf, e.müller.ID, e.opts()); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(buf.Len())/1024, "KB-pdf")
}

// BenchmarkPackingSlips1000 prints 1,000 packing slips of generated orders
// (1 to 6 lines each, products in bins) into one PDF, and reports the
// largest heap seen while it ran. Target: under 10 s.
func BenchmarkPackingSlips1000(b *testing.B) {
	e := newEnv(b)
	ctx := context.Background()
	if err := catalog.GenerateProducts(ctx, e.db, 300, 1); err != nil {
		b.Fatal(err)
	}
	if err := customer.GenerateCustomers(ctx, e.db, 300, 1); err != nil {
		b.Fatal(err)
	}
	products, _, err := e.cat.FindProducts(ctx, catalog.ProductFilter{Limit: 500})
	if err != nil {
		b.Fatal(err)
	}
	bins, err := e.stock.FindBins(ctx, e.main.ID, true)
	if err != nil {
		b.Fatal(err)
	}
	for i, p := range products {
		if _, err := e.stock.PostMovement(ctx, testActor, stock.MovementInput{Kind: stock.KindReceipt, ProductID: p.ID,
			WarehouseID: e.main.ID, BinID: bins[i%len(bins)].ID, Quantity: 1000}); err != nil {
			b.Fatal(err)
		}
	}
	if err := order.GenerateOrders(ctx, e.db, 1000, 1); err != nil {
		b.Fatal(err)
	}
	list, _, err := e.orders.FindOrders(ctx, order.OrderFilter{Limit: 500})
	if err != nil {
		b.Fatal(err)
	}
	more, _, err := e.orders.FindOrders(ctx, order.OrderFilter{Limit: 500, After: list[len(list)-1].Cursor()})
	if err != nil {
		b.Fatal(err)
	}
	list = append(list, more...)
	shipments := make([]Shipment, 0, 1000)
	for _, o := range list[:1000] {
		shipments = append(shipments, Shipment{OrderID: o.ID})
	}
	var peak uint64
	opts := e.opts()
	opts.Progress = func(done, _ int) {
		if done%50 == 0 {
			var m runtime.MemStats
			runtime.ReadMemStats(&m)
			peak = max(peak, m.HeapAlloc)
		}
	}
	var buf bytes.Buffer
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		buf.Reset()
		if err := e.printer.WritePackingSlips(ctx, &buf, shipments, opts); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	b.ReportMetric(float64(buf.Len())/(1<<20), "MB-pdf")
	b.ReportMetric(float64(peak)/(1<<20), "MB-peak-heap")
}

// BenchmarkLabels1000 prints 1,000 4x6 shipping labels into one PDF, and
// the same labels as ZPL, as a packer's end-of-day batch would.
func BenchmarkLabels1000(b *testing.B) {
	e := newEnv(b)
	ctx := context.Background()
	labels := make([]Label, 1000)
	for i := range labels {
		labels[i] = Label{ShipmentNumber: fmt.Sprintf("S1-S%06d", i+1), OrderNumber: fmt.Sprintf("S1-%06d", i+1),
			ShipTo:  order.Address{Name: "Σοφία Παπαδοπούλου", Line1: "Οδός Ερμού 25", PostalCode: "10563", City: "Αθήνα", Country: "GR"},
			Carrier: "DHL Parcel", ServiceCode: "EXP", ServiceName: "Express", TrackingNumber: fmt.Sprintf("JJD%014d", i),
			WeightG: int64(250 + i), PackageNo: 1 + i%2, Packages: 2}
	}
	for _, format := range []string{"pdf", "zpl"} {
		b.Run(format, func(b *testing.B) {
			var buf bytes.Buffer
			for b.Loop() {
				buf.Reset()
				var err error
				if format == "pdf" {
					err = e.printer.WriteLabels(ctx, &buf, labels, e.opts())
				} else {
					err = e.printer.WriteLabelsZPL(ctx, &buf, labels)
				}
				if err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(buf.Len())/1024, "KB")
		})
	}
}
