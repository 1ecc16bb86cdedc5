package stock

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"oms/internal/catalog"
	"oms/internal/errs"
	"oms/internal/store"
)

func TestService_PostMovement(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	for _, tc := range []struct {
		name  string
		in    MovementInput
		code  string
		field string
	}{
		{"Receipt", MovementInput{Kind: KindReceipt, ProductID: e.bolt.ID, WarehouseID: e.main.ID, BinID: e.binA.ID, Quantity: 100, UnitCost: 40}, "", ""},
		{"ReceiptNoBin", MovementInput{Kind: KindReceipt, ProductID: e.bolt.ID, WarehouseID: e.main.ID, Quantity: 5}, "", ""},
		{"ReceiptOfArchived", MovementInput{Kind: KindReceipt, ProductID: e.archived.ID, WarehouseID: e.main.ID, Quantity: 5}, "", ""},
		{"AdjustmentDown", MovementInput{Kind: KindAdjustment, ProductID: e.bolt.ID, WarehouseID: e.main.ID, BinID: e.binA.ID, Quantity: -3, Reason: "Damaged"}, "", ""},
		{"Return", MovementInput{Kind: KindReturn, ProductID: e.bolt.ID, WarehouseID: e.main.ID, BinID: e.binA.ID, Quantity: 1, RefType: RefReturn, RefID: "rma-1"}, "", ""},
		{"SQLReason", MovementInput{Kind: KindAdjustment, ProductID: e.nut.ID, WarehouseID: e.main.ID, Quantity: 1, Reason: "'); DELETE FROM stock_movements; --"}, "", ""},
		{"ZeroQuantity", MovementInput{Kind: KindReceipt, ProductID: e.bolt.ID, WarehouseID: e.main.ID}, errs.EINVALID, "quantity"},
		{"NegativeReceipt", MovementInput{Kind: KindReceipt, ProductID: e.bolt.ID, WarehouseID: e.main.ID, Quantity: -1}, errs.EINVALID, "quantity"},
		{"AbsurdQuantity", MovementInput{Kind: KindReceipt, ProductID: e.bolt.ID, WarehouseID: e.main.ID, Quantity: MaxQuantity + 1}, errs.EINVALID, "quantity"},
		{"AbsurdNegative", MovementInput{Kind: KindAdjustment, ProductID: e.bolt.ID, WarehouseID: e.main.ID, Quantity: -(1 << 62), Reason: "x"}, errs.EINVALID, "quantity"},
		{"NegativeCost", MovementInput{Kind: KindReceipt, ProductID: e.bolt.ID, WarehouseID: e.main.ID, Quantity: 1, UnitCost: -1}, errs.EINVALID, "unitCost"},
		{"AdjustmentWithoutReason", MovementInput{Kind: KindAdjustment, ProductID: e.bolt.ID, WarehouseID: e.main.ID, Quantity: 1}, errs.EINVALID, "reason"},
		{"HugeReason", MovementInput{Kind: KindAdjustment, ProductID: e.bolt.ID, WarehouseID: e.main.ID, Quantity: 1, Reason: strings.Repeat("r", 10_000)}, errs.EINVALID, "reason"},
		{"UnknownKind", MovementInput{Kind: "gift", ProductID: e.bolt.ID, WarehouseID: e.main.ID, Quantity: 1}, errs.EINVALID, "kind"},
		{"SaleNotManual", MovementInput{Kind: KindSale, ProductID: e.bolt.ID, WarehouseID: e.main.ID, Quantity: -1}, errs.EINVALID, "kind"},
		{"UnknownProduct", MovementInput{Kind: KindReceipt, ProductID: "nope", WarehouseID: e.main.ID, Quantity: 1}, errs.ENOTFOUND, "productId"},
		{"UnknownWarehouse", MovementInput{Kind: KindReceipt, ProductID: e.bolt.ID, WarehouseID: "nope", Quantity: 1}, errs.ENOTFOUND, "warehouseId"},
		{"UnknownBin", MovementInput{Kind: KindReceipt, ProductID: e.bolt.ID, WarehouseID: e.main.ID, BinID: "nope", Quantity: 1}, errs.ENOTFOUND, "binId"},
		{"BinOfOtherWarehouse", MovementInput{Kind: KindReceipt, ProductID: e.bolt.ID, WarehouseID: e.main.ID, BinID: e.binX.ID, Quantity: 1}, errs.EINVALID, "binId"},
		{"UnknownRefType", MovementInput{Kind: KindReceipt, ProductID: e.bolt.ID, WarehouseID: e.main.ID, Quantity: 1, RefType: "gift", RefID: "1"}, errs.EINVALID, "refType"},
		{"RefTypeWithoutID", MovementInput{Kind: KindReceipt, ProductID: e.bolt.ID, WarehouseID: e.main.ID, Quantity: 1, RefType: RefPO}, errs.EINVALID, "refId"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			before := e.count(t, `SELECT count(*) FROM stock_movements`)
			m, err := e.s.PostMovement(ctx, testActor, tc.in)
			wantErr(t, err, tc.code, tc.field)
			after := e.count(t, `SELECT count(*) FROM stock_movements`)
			if err != nil {
				if after != before {
					t.Fatal("a refused movement was written")
				}
				return
			}
			if after != before+1 || m.Reason != strings.TrimSpace(tc.in.Reason) || m.UserName != "tester" || m.Quantity != tc.in.Quantity {
				t.Fatalf("movement = %+v", m)
			}
		})
	}
	if on, _ := e.level(t, e.bolt, e.main, e.binA); on != 98 {
		t.Fatalf("bolt in A = %d, want 100 - 3 + 1", on)
	}
	if on, _ := e.level(t, e.bolt, e.main, nil); on != 103 {
		t.Fatalf("bolt in main = %d, want 103", on)
	}
	if err := e.s.VerifyLevels(ctx); err != nil {
		t.Fatal(err)
	}
}

func TestLedger_IsAppendOnly(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	e.receive(t, e.bolt, e.main, e.binA, 10)
	for _, sql := range []string{
		`UPDATE stock_movements SET quantity = 1000`,
		`DELETE FROM stock_movements`,
		`UPDATE stock_levels SET on_hand = 1000`, // only outside a transaction: see below
	} {
		err := e.db.Update(ctx, testActor, func(tx *store.Tx) error {
			_, err := tx.ExecContext(ctx, sql)
			return err
		})
		if strings.HasPrefix(sql, "UPDATE stock_levels") {
			continue // a local cache may be written in a transaction; VerifyLevels guards it
		}
		if err == nil || !strings.Contains(err.Error(), "append-only") {
			t.Fatalf("%s: err = %v, want it refused", sql, err)
		}
	}
	if on, _ := e.level(t, e.bolt, e.main, e.binA); on != 1000 {
		t.Fatalf("on hand = %d", on)
	}
	if err := e.s.VerifyLevels(ctx); err == nil || !strings.Contains(err.Error(), "ledger 10 on hand") {
		t.Fatalf("VerifyLevels after tampering = %v, want it to report the difference", err)
	}
}

func TestOrderAPI_ReserveReleaseSell(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	e.receive(t, e.bolt, e.main, e.binA, 6)
	e.receive(t, e.bolt, e.main, e.binB, 4)
	e.receive(t, e.bolt, e.second, e.binX, 100)
	order := func(id string, qty int64) Request {
		return Request{ProductID: e.bolt.ID, WarehouseID: e.main.ID, Quantity: qty, RefType: RefOrder, RefID: id}
	}
	steps := []struct {
		name        string
		do          func(tx *store.Tx) error
		code, field string
		onHand      int64 // main warehouse, after the step
		reserved    int64
	}{
		{"ReserveSeven", func(tx *store.Tx) error { _, err := Reserve(tx, order("o-1", 7)); return err }, "", "", 10, 7},
		{"ReserveMoreThanAvailable", func(tx *store.Tx) error { _, err := Reserve(tx, order("o-2", 4)); return err }, errs.ECONFLICT, "quantity", 10, 7},
		{"ReserveTheRest", func(tx *store.Tx) error { _, err := Reserve(tx, order("o-2", 3)); return err }, "", "", 10, 10},
		{"ReserveZero", func(tx *store.Tx) error { _, err := Reserve(tx, order("o-3", 0)); return err }, errs.EINVALID, "quantity", 10, 10},
		{"ReserveNegative", func(tx *store.Tx) error { _, err := Reserve(tx, order("o-3", -2)); return err }, errs.EINVALID, "quantity", 10, 10},
		{"ReserveWithoutReference", func(tx *store.Tx) error {
			_, err := Reserve(tx, Request{ProductID: e.bolt.ID, WarehouseID: e.main.ID, Quantity: 1})
			return err
		}, errs.EINVALID, "refId", 10, 10},
		{"ReserveArchived", func(tx *store.Tx) error {
			_, err := Reserve(tx, Request{ProductID: e.archived.ID, WarehouseID: e.main.ID, Quantity: 1, RefType: RefOrder, RefID: "o-9"})
			if !errors.Is(err, catalog.ErrArchived) {
				t.Errorf("err = %v, want catalog.ErrArchived", err)
			}
			return err
		}, errs.ECONFLICT, "productId", 10, 10},
		{"ReleaseTooMuch", func(tx *store.Tx) error { _, err := Release(tx, order("o-1", 8)); return err }, errs.ECONFLICT, "quantity", 10, 10},
		{"ReleaseOtherOrder", func(tx *store.Tx) error { _, err := Release(tx, order("o-5", 1)); return err }, errs.ECONFLICT, "quantity", 10, 10},
		{"ReleasePart", func(tx *store.Tx) error { _, err := Release(tx, order("o-1", 2)); return err }, "", "", 10, 8},
		{"ShipOrderOne", func(tx *store.Tx) error {
			rel, err := ReleaseAll(tx, RefOrder, "o-1", "Shipped")
			if err != nil || len(rel) != 1 || rel[0].Quantity != -5 {
				t.Errorf("ReleaseAll = %+v, %v", rel, err)
			}
			_, err = RecordSale(tx, Request{ProductID: e.bolt.ID, WarehouseID: e.main.ID, BinID: e.binA.ID, Quantity: 5, RefType: RefOrder, RefID: "o-1"})
			return err
		}, "", "", 5, 3},
		{"ReleaseAllAgainIsEmpty", func(tx *store.Tx) error {
			rel, err := ReleaseAll(tx, RefOrder, "o-1", "")
			if len(rel) != 0 {
				t.Errorf("released again: %+v", rel)
			}
			return err
		}, "", "", 5, 3},
		{"OversellOffline", func(tx *store.Tx) error {
			_, err := RecordSale(tx, Request{ProductID: e.bolt.ID, WarehouseID: e.main.ID, BinID: e.binB.ID, Quantity: 9, RefType: RefOrder, RefID: "o-7"})
			return err
		}, "", "", -4, 3},
		{"SaleOfArchived", func(tx *store.Tx) error {
			_, err := RecordSale(tx, Request{ProductID: e.archived.ID, WarehouseID: e.main.ID, Quantity: 1})
			return err
		}, errs.ECONFLICT, "productId", -4, 3},
		{"Return", func(tx *store.Tx) error {
			_, err := RecordReturn(tx, Request{ProductID: e.bolt.ID, WarehouseID: e.main.ID, BinID: e.binB.ID, Quantity: 2, RefType: RefReturn, RefID: "rma-1"})
			return err
		}, "", "", -2, 3},
		{"OrderRolledBack", func(tx *store.Tx) error {
			if _, err := Reserve(tx, Request{ProductID: e.bolt.ID, WarehouseID: e.second.ID, Quantity: 50, RefType: RefOrder, RefID: "o-8"}); err != nil {
				return err
			}
			return errs.Errorf(errs.EINVALID, "the order failed afterwards")
		}, errs.EINVALID, "", -2, 3},
	}
	for _, st := range steps {
		t.Run(st.name, func(t *testing.T) {
			err := e.db.Update(ctx, testActor, st.do)
			wantErr(t, err, st.code, st.field)
			if on, res := e.level(t, e.bolt, e.main, nil); on != st.onHand || res != st.reserved {
				t.Fatalf("main: on hand %d reserved %d, want %d and %d", on, res, st.onHand, st.reserved)
			}
		})
	}
	if _, res := e.level(t, e.bolt, e.second, nil); res != 0 {
		t.Fatalf("a rolled-back reservation left %d reserved", res)
	}
	if avail, _ := Available(ctx, e.db.Reader(), e.bolt.ID, e.main.ID); avail != -5 {
		t.Fatalf("available in main = %d, want -2 - 3", avail)
	}
	if avail, _ := Available(ctx, e.db.Reader(), e.bolt.ID, ""); avail != 95 {
		t.Fatalf("available everywhere = %d, want 95", avail)
	}
	if err := e.s.VerifyLevels(ctx); err != nil {
		t.Fatal(err)
	}
}

func TestService_FindMovements(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	clock := time.Date(2026, 5, 1, 9, 0, 0, 0, time.UTC)
	e.db.Now = func() time.Time { clock = clock.Add(time.Minute); return clock }
	e.receive(t, e.bolt, e.main, e.binA, 10)
	if _, err := e.s.PostMovement(ctx, store.Actor{UserID: "u-2", UserName: "wanda"}, MovementInput{Kind: KindAdjustment,
		ProductID: e.bolt.ID, WarehouseID: e.main.ID, BinID: e.binA.ID, Quantity: -1, Reason: "Dropped"}); err != nil {
		t.Fatal(err)
	}
	e.receive(t, e.nut, e.main, e.binA, 10)
	got, total, err := e.s.FindMovements(ctx, MovementFilter{ProductID: e.bolt.ID})
	if err != nil || total != 2 || len(got) != 2 {
		t.Fatalf("history = %+v, %d, %v", got, total, err)
	}
	if m := got[0]; m.Kind != KindAdjustment || m.UserName != "wanda" || m.Reason != "Dropped" || m.BinID != e.binA.ID ||
		!m.CreatedAt.Equal(time.Date(2026, 5, 1, 9, 2, 0, 0, time.UTC)) {
		t.Fatalf("newest = %+v", m)
	}
	if _, total, _ := e.s.FindMovements(ctx, MovementFilter{Kind: KindReceipt}); total != 2 {
		t.Fatalf("%d receipts, want 2", total)
	}
	if page, total, _ := e.s.FindMovements(ctx, MovementFilter{Limit: 1, Offset: 2}); total != 3 || len(page) != 1 || page[0].ProductID != e.bolt.ID {
		t.Fatalf("page = %+v of %d", page, total)
	}
}
