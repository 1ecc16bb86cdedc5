package stock

import (
	"context"
	"testing"

	"oms/internal/errs"
	"oms/internal/store"
)

func TestService_Transfer(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	e.receive(t, e.bolt, e.main, e.binA, 10)
	e.receive(t, e.bolt, e.main, nil, 2)
	if err := e.db.Update(ctx, testActor, func(tx *store.Tx) error {
		_, err := Reserve(tx, Request{ProductID: e.bolt.ID, WarehouseID: e.main.ID, Quantity: 5, RefType: RefOrder, RefID: "o-1"})
		return err
	}); err != nil {
		t.Fatal(err)
	}
	type place struct{ a, b, unbinned, x int64 } // on hand: main A, main B, main no bin, second X
	for _, tc := range []struct {
		name        string
		in          TransferInput
		code, field string
		want        place
	}{
		{"BetweenBins", TransferInput{ProductID: e.bolt.ID, FromWarehouseID: e.main.ID, FromBinID: e.binA.ID, ToWarehouseID: e.main.ID,
			ToBinID: e.binB.ID, Quantity: 4, Reason: "Restock pick face"}, "", "", place{6, 4, 2, 0}},
		{"IntoABinFromNoBin", TransferInput{ProductID: e.bolt.ID, FromWarehouseID: e.main.ID, ToWarehouseID: e.main.ID,
			ToBinID: e.binA.ID, Quantity: 2}, "", "", place{8, 4, 0, 0}},
		{"BetweenWarehouses", TransferInput{ProductID: e.bolt.ID, FromWarehouseID: e.main.ID, FromBinID: e.binA.ID, ToWarehouseID: e.second.ID,
			ToBinID: e.binX.ID, Quantity: 3}, "", "", place{5, 4, 0, 3}},
		{"ReservedStaysBehind", TransferInput{ProductID: e.bolt.ID, FromWarehouseID: e.main.ID, FromBinID: e.binA.ID, ToWarehouseID: e.second.ID,
			ToBinID: e.binX.ID, Quantity: 5}, errs.ECONFLICT, "quantity", place{5, 4, 0, 3}},
		{"ReservedMayMoveBetweenBins", TransferInput{ProductID: e.bolt.ID, FromWarehouseID: e.main.ID, FromBinID: e.binA.ID, ToWarehouseID: e.main.ID,
			ToBinID: e.binB.ID, Quantity: 5}, "", "", place{0, 9, 0, 3}},
		{"MoreThanInBin", TransferInput{ProductID: e.bolt.ID, FromWarehouseID: e.main.ID, FromBinID: e.binA.ID, ToWarehouseID: e.main.ID,
			ToBinID: e.binB.ID, Quantity: 1}, errs.ECONFLICT, "quantity", place{0, 9, 0, 3}},
		{"SamePlace", TransferInput{ProductID: e.bolt.ID, FromWarehouseID: e.main.ID, FromBinID: e.binB.ID, ToWarehouseID: e.main.ID,
			ToBinID: e.binB.ID, Quantity: 1}, errs.EINVALID, "to.binId", place{0, 9, 0, 3}},
		{"ZeroQuantity", TransferInput{ProductID: e.bolt.ID, FromWarehouseID: e.main.ID, FromBinID: e.binB.ID, ToWarehouseID: e.main.ID,
			ToBinID: e.binA.ID}, errs.EINVALID, "quantity", place{0, 9, 0, 3}},
		{"AbsurdQuantity", TransferInput{ProductID: e.bolt.ID, FromWarehouseID: e.main.ID, FromBinID: e.binB.ID, ToWarehouseID: e.main.ID,
			ToBinID: e.binA.ID, Quantity: 1 << 40}, errs.EINVALID, "quantity", place{0, 9, 0, 3}},
		{"BinNotInSourceWarehouse", TransferInput{ProductID: e.bolt.ID, FromWarehouseID: e.main.ID, FromBinID: e.binX.ID, ToWarehouseID: e.main.ID,
			ToBinID: e.binA.ID, Quantity: 1}, errs.EINVALID, "from.binId", place{0, 9, 0, 3}},
		{"UnknownDestination", TransferInput{ProductID: e.bolt.ID, FromWarehouseID: e.main.ID, FromBinID: e.binB.ID, ToWarehouseID: "nope",
			Quantity: 1}, errs.ENOTFOUND, "to.warehouseId", place{0, 9, 0, 3}},
		{"UnknownProduct", TransferInput{ProductID: "nope", FromWarehouseID: e.main.ID, FromBinID: e.binB.ID, ToWarehouseID: e.main.ID,
			ToBinID: e.binA.ID, Quantity: 1}, errs.ENOTFOUND, "productId", place{0, 9, 0, 3}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			before := e.count(t, `SELECT count(*) FROM stock_movements`)
			tr, err := e.s.Transfer(ctx, testActor, tc.in)
			wantErr(t, err, tc.code, tc.field)
			if err == nil {
				if tr.Out.RefID != tr.ID || tr.In.RefID != tr.ID || tr.Out.Quantity != -tc.in.Quantity || tr.In.Quantity != tc.in.Quantity ||
					tr.Out.Kind != KindTransfer || tr.In.Kind != KindTransfer {
					t.Fatalf("transfer = %+v / %+v / %+v", tr, tr.Out, tr.In)
				}
				if n := e.count(t, `SELECT count(*) FROM stock_movements`); n != before+2 {
					t.Fatalf("%d movements written, want 2", n-before)
				}
			} else if n := e.count(t, `SELECT count(*) FROM stock_movements`); n != before {
				t.Fatal("a refused transfer wrote movements")
			}
			a, _ := e.level(t, e.bolt, e.main, e.binA)
			b, _ := e.level(t, e.bolt, e.main, e.binB)
			var unbinned int64
			levels, _ := e.s.FindLevels(ctx, LevelFilter{ProductID: e.bolt.ID, WarehouseID: e.main.ID})
			for _, l := range levels {
				if l.BinID == "" {
					unbinned = l.OnHand
				}
			}
			x, _ := e.level(t, e.bolt, e.second, e.binX)
			if got := (place{a, b, unbinned, x}); got != tc.want {
				t.Fatalf("stock = %+v, want %+v", got, tc.want)
			}
		})
	}
	if err := e.s.VerifyLevels(ctx); err != nil {
		t.Fatal(err)
	}
	perWarehouse, err := e.s.FindProductStock(ctx, e.bolt.ID)
	if err != nil || len(perWarehouse) != 2 || perWarehouse[0].OnHand != 9 || perWarehouse[0].Reserved != 5 || perWarehouse[1].OnHand != 3 {
		t.Fatalf("per warehouse = %+v, %v", perWarehouse, err)
	}
}
