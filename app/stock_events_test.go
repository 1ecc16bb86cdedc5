package app

import (
	"sync"
	"testing"
)

// lowRecorder keeps the data of every "stock:low" event.
type lowRecorder struct {
	mu     sync.Mutex
	events []LowStockEvent
}

func (r *lowRecorder) Emit(name string, data any) {
	if name != EventStockLow {
		return
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	r.events = append(r.events, data.(LowStockEvent))
}

func (r *lowRecorder) take() []LowStockEvent {
	r.mu.Lock()
	defer r.mu.Unlock()
	out := r.events
	r.events = nil
	return out
}

// TestStockAPI_LowStockEvent drives adjustments, a transfer and a count
// through the bindings and checks that each emits "stock:low" with the
// total count, naming only the lines that just crossed below the reorder
// point (10).
func TestStockAPI_LowStockEvent(t *testing.T) {
	a, _ := newTestApp(t)
	rec := &lowRecorder{}
	a.SetEmitter(rec)
	if _, err := a.Auth.CompleteSetup(setupRequest()); err != nil {
		t.Fatal(err)
	}
	main, err := a.Stock.CreateWarehouse(WarehouseInput{Code: "MAIN", Name: "Main"})
	if err != nil {
		t.Fatal(err)
	}
	shop, err := a.Stock.CreateWarehouse(WarehouseInput{Code: "SHOP", Name: "Shop"})
	if err != nil {
		t.Fatal(err)
	}
	binA, err := a.Stock.CreateBin(main.ID, "A-1")
	if err != nil {
		t.Fatal(err)
	}
	binS, err := a.Stock.CreateBin(shop.ID, "S-1")
	if err != nil {
		t.Fatal(err)
	}
	p, err := a.Catalog.CreateProduct(ProductInput{SKU: "LOW-1", Name: "Watched", Unit: "pcs", ReorderPoint: 10, ReorderQty: 20})
	if err != nil {
		t.Fatal(err)
	}
	adjust := func(t *testing.T, qty int64) {
		t.Helper()
		if _, err := a.Stock.Adjust(AdjustmentInput{ProductID: p.ID, WarehouseID: main.ID, BinID: binA.ID, Quantity: qty, Reason: "test"}); err != nil {
			t.Fatal(err)
		}
	}

	for _, tc := range []struct {
		name  string
		op    func(t *testing.T)
		count int
		newly []string // warehouse codes of newly low lines
	}{
		{"FirstStockIsBelow", func(t *testing.T) { adjust(t, 3) }, 1, nil},
		{"RisesAbove", func(t *testing.T) { adjust(t, 20) }, 0, nil},
		{"StaysAbove", func(t *testing.T) { adjust(t, -5) }, 0, nil},
		{"CrossesBelow", func(t *testing.T) { adjust(t, -10) }, 1, []string{"MAIN"}},
		{"AlreadyBelow", func(t *testing.T) { adjust(t, -1) }, 1, nil},
		{"TransferRaisesShopOnly", func(t *testing.T) {
			adjust(t, 30) // 37 in MAIN: above again
			rec.take()
			if _, err := a.Stock.Transfer(TransferInput{ProductID: p.ID, FromWarehouseID: main.ID, FromBinID: binA.ID,
				ToWarehouseID: shop.ID, ToBinID: binS.ID, Quantity: 30, Reason: "restock"}); err != nil {
				t.Fatal(err)
			}
		}, 1, []string{"MAIN"}}, // MAIN 37 -> 7 crossed; SHOP 0 -> 30 rose
		{"CountPosted", func(t *testing.T) {
			c, err := a.Stock.OpenCount(CountInput{WarehouseID: shop.ID, Reason: "cycle"})
			if err != nil {
				t.Fatal(err)
			}
			if _, err := a.Stock.RecordCount(c.ID, CountEntry{ProductID: p.ID, BinID: binS.ID, Quantity: 9}); err != nil {
				t.Fatal(err)
			}
			if _, err := a.Stock.PostCount(c.ID, "cycle"); err != nil {
				t.Fatal(err)
			}
		}, 2, []string{"SHOP"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tc.op(t)
			evs := rec.take()
			if len(evs) != 1 {
				t.Fatalf("%d stock:low events, want 1", len(evs))
			}
			ev := evs[0]
			if ev.Count != tc.count || len(ev.NewlyLow) != len(tc.newly) {
				t.Fatalf("event = %+v, want count %d, newly low in %v", ev, tc.count, tc.newly)
			}
			for i, l := range ev.NewlyLow {
				if l.Warehouse != tc.newly[i] || l.SKU != "LOW-1" || l.ReorderPoint != 10 || l.Available >= 10 {
					t.Fatalf("newly low = %+v, want %v", ev.NewlyLow, tc.newly)
				}
			}
			n, err := a.Stock.LowStockCount()
			if err != nil || n != tc.count {
				t.Fatalf("LowStockCount = %d, %v; want %d", n, err, tc.count)
			}
			lines, err := a.Stock.LowStockLines()
			if err != nil || len(lines) != tc.count {
				t.Fatalf("LowStockLines = %+v, %v", lines, err)
			}
		})
	}
}
