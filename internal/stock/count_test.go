package stock

import (
	"context"
	"strings"
	"testing"

	"oms/internal/errs"
)

func TestService_Counts(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	e.receive(t, e.bolt, e.main, e.binA, 10)
	e.receive(t, e.nut, e.main, e.binA, 7)
	e.receive(t, e.nut, e.main, e.binB, 3)
	for _, tc := range []struct {
		name        string
		in          CountInput
		code, field string
	}{
		{"UnknownWarehouse", CountInput{WarehouseID: "nope"}, errs.ENOTFOUND, "warehouseId"},
		{"BinOfOtherWarehouse", CountInput{WarehouseID: e.main.ID, BinIDs: []string{e.binA.ID, e.binX.ID}}, errs.EINVALID, "binIds.1"},
		{"UnknownBin", CountInput{WarehouseID: e.main.ID, BinIDs: []string{"nope"}}, errs.ENOTFOUND, "binIds.0"},
		{"HugeReason", CountInput{WarehouseID: e.main.ID, Reason: strings.Repeat("r", 10_000)}, errs.EINVALID, "reason"},
	} {
		t.Run("Open"+tc.name, func(t *testing.T) {
			_, err := e.s.OpenCount(ctx, testActor, tc.in)
			wantErr(t, err, tc.code, tc.field)
		})
	}
	c, err := e.s.OpenCount(ctx, testActor, CountInput{WarehouseID: e.main.ID, BinIDs: []string{e.binA.ID, e.binA.ID}})
	if err != nil || c.Status != CountOpen || len(c.BinIDs) != 1 || c.OpenedBy != "tester" {
		t.Fatalf("open = %+v, %v", c, err)
	}
	uncounted, err := e.s.FindUncounted(ctx, c.ID, 0, 0)
	if err != nil || len(uncounted) != 2 {
		t.Fatalf("uncounted before counting = %+v, %v", uncounted, err)
	}
	for _, tc := range []struct {
		name        string
		entry       CountEntry
		code, field string
		counted     int64
		variance    int64
	}{
		{"BoltShort", CountEntry{ProductID: e.bolt.ID, BinID: e.binA.ID, Quantity: 8}, "", "", 8, -2},
		{"BoltRecounted", CountEntry{ProductID: e.bolt.ID, BinID: e.binA.ID, Quantity: 9}, "", "", 9, -1},
		{"NutScanned", CountEntry{ProductID: e.nut.ID, BinID: e.binA.ID, Quantity: 1, Add: true}, "", "", 1, -6},
		{"NutScannedAgain", CountEntry{ProductID: e.nut.ID, BinID: e.binA.ID, Quantity: 6, Add: true}, "", "", 7, 0},
		{"FoundInWrongBin", CountEntry{ProductID: e.archived.ID, BinID: e.binA.ID, Quantity: 2}, "", "", 2, 2},
		{"Negative", CountEntry{ProductID: e.bolt.ID, BinID: e.binA.ID, Quantity: -1}, errs.EINVALID, "quantity", 0, 0},
		{"Absurd", CountEntry{ProductID: e.bolt.ID, BinID: e.binA.ID, Quantity: MaxQuantity + 1}, errs.EINVALID, "quantity", 0, 0},
		{"BinOutsideCount", CountEntry{ProductID: e.nut.ID, BinID: e.binB.ID, Quantity: 3}, errs.EINVALID, "binId", 0, 0},
		{"NoBinOutsideCount", CountEntry{ProductID: e.nut.ID, Quantity: 3}, errs.EINVALID, "binId", 0, 0},
		{"UnknownProduct", CountEntry{ProductID: "nope", BinID: e.binA.ID, Quantity: 3}, errs.ENOTFOUND, "productId", 0, 0},
	} {
		t.Run("Record"+tc.name, func(t *testing.T) {
			l, err := e.s.RecordCount(ctx, testActor, c.ID, tc.entry)
			wantErr(t, err, tc.code, tc.field)
			if err == nil && (l.Counted != tc.counted || l.Variance != tc.variance || l.CountedBy != "tester") {
				t.Fatalf("line = %+v, want counted %d variance %d", l, tc.counted, tc.variance)
			}
		})
	}
	if uncounted, _ := e.s.FindUncounted(ctx, c.ID, 0, 0); len(uncounted) != 0 {
		t.Fatalf("uncounted after counting = %+v", uncounted)
	}
	// Stock moves while the count is open: the variance stays what was
	// counted against what the books had then.
	e.receive(t, e.bolt, e.main, e.binA, 5)
	_, _, err = e.s.PostCount(ctx, testActor, c.ID, "")
	wantErr(t, err, errs.EINVALID, "reason")
	posted, moves, err := e.s.PostCount(ctx, testActor, c.ID, "Quarterly count of aisle A")
	if err != nil || posted.Status != CountPosted || posted.ClosedBy != "tester" || len(moves) != 2 {
		t.Fatalf("post = %+v, %d moves, %v", posted, len(moves), err)
	}
	for _, m := range moves {
		if m.Kind != KindCount || m.RefType != RefCount || m.RefID != c.ID || m.Reason != "Quarterly count of aisle A" {
			t.Fatalf("count movement = %+v", m)
		}
	}
	if on, _ := e.level(t, e.bolt, e.main, e.binA); on != 14 {
		t.Fatalf("bolt in A = %d, want 10 + 5 - 1", on)
	}
	if on, _ := e.level(t, e.archived, e.main, e.binA); on != 2 {
		t.Fatalf("found product in A = %d, want 2", on)
	}
	if on, _ := e.level(t, e.nut, e.main, e.binB); on != 3 {
		t.Fatalf("uncounted bin changed: %d", on)
	}
	_, _, err = e.s.PostCount(ctx, testActor, c.ID, "again")
	wantErr(t, err, errs.ECONFLICT, "")
	_, err = e.s.RecordCount(ctx, testActor, c.ID, CountEntry{ProductID: e.bolt.ID, BinID: e.binA.ID, Quantity: 1})
	wantErr(t, err, errs.ECONFLICT, "")
	_, err = e.s.CancelCount(ctx, testActor, c.ID)
	wantErr(t, err, errs.ECONFLICT, "")
	if n := e.count(t, `SELECT count(*) FROM stock_movements WHERE kind = 'count'`); n != 2 {
		t.Fatalf("%d count movements, want 2", n)
	}
	if err := e.s.VerifyLevels(ctx); err != nil {
		t.Fatal(err)
	}

	whole, err := e.s.OpenCount(ctx, testActor, CountInput{WarehouseID: e.main.ID, Reason: "Full stocktake"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := e.s.RecordCount(ctx, testActor, whole.ID, CountEntry{ProductID: e.nut.ID, BinID: e.binB.ID, Quantity: 0}); err != nil {
		t.Fatal(err)
	}
	if _, moves, err := e.s.PostCount(ctx, testActor, whole.ID, ""); err != nil || len(moves) != 1 || moves[0].Quantity != -3 || moves[0].Reason != "Full stocktake" {
		t.Fatalf("post whole = %+v, %v", moves, err)
	}
	cancelled, _ := e.s.OpenCount(ctx, testActor, CountInput{WarehouseID: e.second.ID})
	if c, err := e.s.CancelCount(ctx, testActor, cancelled.ID); err != nil || c.Status != CountCancelled {
		t.Fatalf("cancel = %+v, %v", c, err)
	}
	list, total, err := e.s.FindCounts(ctx, CountFilter{WarehouseID: e.main.ID})
	if err != nil || total != 2 || len(list) != 2 || list[0].ID != whole.ID {
		t.Fatalf("counts = %+v, %d, %v", list, total, err)
	}
	if _, err := e.s.FindCountByID(ctx, "nope"); errs.Code(err) != errs.ENOTFOUND {
		t.Fatalf("missing count: %v", err)
	}
}
