package stock

import (
	"context"
	"testing"

	"oms/internal/catalog"
	"oms/internal/store"
)

func TestCrossedBelow(t *testing.T) {
	for _, tc := range []struct {
		name                 string
		before, after, point int64
		want                 bool
	}{
		{"CrossesBelow", 12, 3, 10, true},
		{"FromExactlyThePoint", 10, 9, 10, true},
		{"AlreadyBelow", 8, 3, 10, false},
		{"StaysAbove", 20, 11, 10, false},
		{"LandsOnThePoint", 12, 10, 10, false},
		{"RisesAbove", 3, 12, 10, false},
		{"NotWatched", 5, -1, 0, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := crossedBelow(tc.before, tc.after, tc.point); got != tc.want {
				t.Fatalf("crossedBelow(%d, %d, %d) = %v, want %v", tc.before, tc.after, tc.point, got, tc.want)
			}
		})
	}
}

// TestService_NewlyLow posts real movements and asks which lines they took
// below the reorder point (bolt: 10, nut: 5).
func TestService_NewlyLow(t *testing.T) {
	ctx := context.Background()
	for _, tc := range []struct {
		name  string
		setup func(t *testing.T, e *env)             // stock before the operation
		op    func(t *testing.T, e *env) []*Movement // the operation
		want  []string                               // SKU@warehouse of the newly low lines
		count int                                    // low-stock lines afterwards
	}{
		{
			name:  "CrossingBelow",
			setup: func(t *testing.T, e *env) { e.receive(t, e.bolt, e.main, e.binA, 12) },
			op: func(t *testing.T, e *env) []*Movement {
				return []*Movement{e.post(t, KindAdjustment, e.bolt, e.main, e.binA, -9)}
			},
			want: []string{"BOLT@MAIN"}, count: 1,
		},
		{
			name:  "AlreadyBelow",
			setup: func(t *testing.T, e *env) { e.receive(t, e.bolt, e.main, e.binA, 8) },
			op: func(t *testing.T, e *env) []*Movement {
				return []*Movement{e.post(t, KindAdjustment, e.bolt, e.main, e.binA, -5)}
			},
			want: nil, count: 1,
		},
		{
			name:  "StaysAbove",
			setup: func(t *testing.T, e *env) { e.receive(t, e.bolt, e.main, e.binA, 30) },
			op: func(t *testing.T, e *env) []*Movement {
				return []*Movement{e.post(t, KindAdjustment, e.bolt, e.main, e.binA, -10)}
			},
			want: nil, count: 0,
		},
		{
			name:  "ReceiptNeverCrossesBelow",
			setup: func(t *testing.T, e *env) {},
			op: func(t *testing.T, e *env) []*Movement {
				return []*Movement{e.post(t, KindReceipt, e.bolt, e.main, e.binA, 4)}
			},
			want: nil, count: 1,
		},
		{
			name:  "ReservationCrossesBelow",
			setup: func(t *testing.T, e *env) { e.receive(t, e.nut, e.main, e.binA, 6) },
			op: func(t *testing.T, e *env) []*Movement {
				var m *Movement
				err := e.db.Update(ctx, testActor, func(tx *store.Tx) error {
					var err error
					m, err = Reserve(tx, Request{ProductID: e.nut.ID, WarehouseID: e.main.ID, Quantity: 2, RefType: "order", RefID: "o-1"})
					return err
				})
				if err != nil {
					t.Fatal(err)
				}
				return []*Movement{m}
			},
			want: []string{"NUT@MAIN"}, count: 1,
		},
		{
			name: "TransferBetweenBinsOfOneWarehouse",
			setup: func(t *testing.T, e *env) {
				e.receive(t, e.bolt, e.main, e.binA, 10)
			},
			op: func(t *testing.T, e *env) []*Movement {
				return e.transfer(t, e.bolt, e.main, e.binA, e.main, e.binB, 5)
			},
			want: nil, count: 0,
		},
		{
			name: "TransferToAnotherWarehouse",
			setup: func(t *testing.T, e *env) {
				e.receive(t, e.bolt, e.main, e.binA, 15)
			},
			op: func(t *testing.T, e *env) []*Movement {
				return e.transfer(t, e.bolt, e.main, e.binA, e.second, e.binX, 7)
			},
			want: []string{"BOLT@MAIN"}, count: 2, // SHOP now carries 7 of 10 too, but it rose there
		},
		{
			name: "SeveralProductsInOneCount",
			setup: func(t *testing.T, e *env) {
				e.receive(t, e.bolt, e.main, e.binA, 10)
				e.receive(t, e.nut, e.main, e.binA, 5)
			},
			op: func(t *testing.T, e *env) []*Movement {
				c, err := e.s.OpenCount(ctx, testActor, CountInput{WarehouseID: e.main.ID, Reason: "cycle"})
				if err != nil {
					t.Fatal(err)
				}
				for _, en := range []CountEntry{{ProductID: e.bolt.ID, BinID: e.binA.ID, Quantity: 9}, {ProductID: e.nut.ID, BinID: e.binA.ID, Quantity: 4}} {
					if _, err := e.s.RecordCount(ctx, testActor, c.ID, en); err != nil {
						t.Fatal(err)
					}
				}
				_, moves, err := e.s.PostCount(ctx, testActor, c.ID, "cycle")
				if err != nil {
					t.Fatal(err)
				}
				return moves
			},
			want: []string{"BOLT@MAIN", "NUT@MAIN"}, count: 2,
		},
		{
			name:  "ArchivedProductIsNotWatched",
			setup: func(t *testing.T, e *env) { e.receive(t, e.archived, e.main, e.binA, 5) },
			op: func(t *testing.T, e *env) []*Movement {
				return []*Movement{e.post(t, KindAdjustment, e.archived, e.main, e.binA, -5)}
			},
			want: nil, count: 0,
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e := newEnv(t)
			tc.setup(t, e)
			got, err := e.s.NewlyLow(ctx, tc.op(t, e))
			if err != nil {
				t.Fatal(err)
			}
			var names []string
			for _, l := range got {
				names = append(names, l.SKU+"@"+l.WarehouseCode)
				if l.Available >= l.ReorderPoint || l.Name == "" {
					t.Errorf("line %+v", l)
				}
			}
			if len(names) != len(tc.want) {
				t.Fatalf("newly low = %v, want %v", names, tc.want)
			}
			for i := range names {
				if names[i] != tc.want[i] {
					t.Fatalf("newly low = %v, want %v", names, tc.want)
				}
			}
			n, err := e.s.CountLowStock(ctx)
			if err != nil {
				t.Fatal(err)
			}
			lines, err := e.s.LowStockLines(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if n != tc.count || len(lines) != tc.count {
				t.Fatalf("CountLowStock = %d, LowStockLines = %d, want %d", n, len(lines), tc.count)
			}
		})
	}
}

// transfer moves stock and returns both movements.
func (e *env) transfer(t *testing.T, p *catalog.Product, from *Warehouse, fromBin *Bin, to *Warehouse, toBin *Bin, qty int64) []*Movement {
	t.Helper()
	tr, err := e.s.Transfer(context.Background(), testActor, TransferInput{ProductID: p.ID, FromWarehouseID: from.ID, FromBinID: fromBin.ID,
		ToWarehouseID: to.ID, ToBinID: toBin.ID, Quantity: qty, Reason: "test"})
	if err != nil {
		t.Fatal(err)
	}
	return []*Movement{tr.Out, tr.In}
}

// post posts one movement and returns it.
func (e *env) post(t *testing.T, kind Kind, p *catalog.Product, w *Warehouse, b *Bin, qty int64) *Movement {
	t.Helper()
	binID := ""
	if b != nil {
		binID = b.ID
	}
	m, err := e.s.PostMovement(context.Background(), testActor, MovementInput{Kind: kind, ProductID: p.ID, WarehouseID: w.ID,
		BinID: binID, Quantity: qty, Reason: "test"})
	if err != nil {
		t.Fatal(err)
	}
	return m
}
