package stock

import (
	"context"
	"strings"
	"testing"

	"oms/internal/catalog"
	"oms/internal/errs"
	"oms/internal/store"
)

func (e *env) supplier(t *testing.T, code string) *Supplier {
	t.Helper()
	s, err := e.s.CreateSupplier(context.Background(), testActor, SupplierInput{Code: code, Name: "Supplier " + code})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestService_CreatePurchaseOrder(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	sup := e.supplier(t, "ACME")
	gone := e.supplier(t, "GONE")
	if _, err := e.s.UpdateSupplier(ctx, testActor, gone.ID, SupplierUpdate{Active: ptr(false)}); err != nil {
		t.Fatal(err)
	}
	line := func(p string, q, c int64) PurchaseOrderLineInput {
		return PurchaseOrderLineInput{ProductID: p, Quantity: q, UnitCost: c}
	}
	for _, tc := range []struct {
		name        string
		in          PurchaseOrderInput
		code, field string
	}{
		{"Valid", PurchaseOrderInput{SupplierID: sup.ID, WarehouseID: e.main.ID, Lines: []PurchaseOrderLineInput{line(e.bolt.ID, 10, 40), line(e.nut.ID, 100, 3)}}, "", ""},
		{"EmptyDraft", PurchaseOrderInput{SupplierID: sup.ID, WarehouseID: e.main.ID}, "", ""},
		{"UnknownSupplier", PurchaseOrderInput{SupplierID: "nope", WarehouseID: e.main.ID}, errs.ENOTFOUND, "supplierId"},
		{"InactiveSupplier", PurchaseOrderInput{SupplierID: gone.ID, WarehouseID: e.main.ID}, errs.ECONFLICT, "supplierId"},
		{"UnknownWarehouse", PurchaseOrderInput{SupplierID: sup.ID, WarehouseID: "nope"}, errs.ENOTFOUND, "warehouseId"},
		{"ZeroQuantity", PurchaseOrderInput{SupplierID: sup.ID, WarehouseID: e.main.ID, Lines: []PurchaseOrderLineInput{line(e.bolt.ID, 1, 1), line(e.nut.ID, 0, 3)}}, errs.EINVALID, "lines.1.quantity"},
		{"AbsurdQuantity", PurchaseOrderInput{SupplierID: sup.ID, WarehouseID: e.main.ID, Lines: []PurchaseOrderLineInput{line(e.bolt.ID, MaxQuantity+1, 1)}}, errs.EINVALID, "lines.0.quantity"},
		{"NegativeCost", PurchaseOrderInput{SupplierID: sup.ID, WarehouseID: e.main.ID, Lines: []PurchaseOrderLineInput{line(e.bolt.ID, 1, -1)}}, errs.EINVALID, "lines.0.unitCost"},
		{"UnknownProduct", PurchaseOrderInput{SupplierID: sup.ID, WarehouseID: e.main.ID, Lines: []PurchaseOrderLineInput{line("nope", 1, 1)}}, errs.ENOTFOUND, "lines.0.productId"},
		{"ArchivedProduct", PurchaseOrderInput{SupplierID: sup.ID, WarehouseID: e.main.ID, Lines: []PurchaseOrderLineInput{line(e.archived.ID, 1, 1)}}, errs.ECONFLICT, "lines.0.productId"},
		{"HugeNotes", PurchaseOrderInput{SupplierID: sup.ID, WarehouseID: e.main.ID, Notes: strings.Repeat("n", 10_000)}, errs.EINVALID, "notes"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			before := e.count(t, `SELECT count(*) FROM purchase_orders`)
			po, err := e.s.CreatePurchaseOrder(ctx, testActor, tc.in)
			wantErr(t, err, tc.code, tc.field)
			if err != nil {
				if e.count(t, `SELECT count(*) FROM purchase_orders`) != before {
					t.Fatal("a refused purchase order was written")
				}
				return
			}
			if po.Status != PODraft || len(po.Lines) != len(tc.in.Lines) || !strings.HasPrefix(po.Number, "PO-") {
				t.Fatalf("po = %+v", po)
			}
		})
	}
	all, total, err := e.s.FindPurchaseOrders(ctx, PurchaseOrderFilter{Status: PODraft})
	if err != nil || total != 2 || len(all) != 2 {
		t.Fatalf("drafts = %d, %v", total, err)
	}
	po, _ := e.s.FindPurchaseOrderByID(ctx, all[1].ID)
	if po.Total != 10*40+100*3 || po.Lines[0].SKU != "BOLT" || po.Lines[1].LineNo != 2 {
		t.Fatalf("po = %+v, lines %+v", po, po.Lines[0])
	}
}

func TestService_PurchaseOrderLifecycle(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	sup := e.supplier(t, "ACME")
	po, err := e.s.CreatePurchaseOrder(ctx, testActor, PurchaseOrderInput{SupplierID: sup.ID, WarehouseID: e.main.ID})
	if err != nil {
		t.Fatal(err)
	}
	recv := func(lines ...ReceiveLine) ReceiveInput { return ReceiveInput{Lines: lines} }
	steps := []struct {
		name        string
		do          func() (*PurchaseOrder, error)
		code, field string
		status      POStatus
		boltInA     int64
	}{
		{"SendEmpty", func() (*PurchaseOrder, error) { return e.s.SendPurchaseOrder(ctx, testActor, po.ID) }, errs.ECONFLICT, "", PODraft, 0},
		{"AddLines", func() (*PurchaseOrder, error) {
			return e.s.UpdatePurchaseOrder(ctx, testActor, po.ID, PurchaseOrderUpdate{Notes: ptr("Urgent"), Lines: &[]PurchaseOrderLineInput{
				{ProductID: e.bolt.ID, Quantity: 10, UnitCost: 40}, {ProductID: e.nut.ID, Quantity: 5, UnitCost: 3}}})
		}, "", "", PODraft, 0},
		{"Send", func() (*PurchaseOrder, error) { return e.s.SendPurchaseOrder(ctx, testActor, po.ID) }, "", "", POSent, 0},
		{"SendTwice", func() (*PurchaseOrder, error) { return e.s.SendPurchaseOrder(ctx, testActor, po.ID) }, errs.ECONFLICT, "", POSent, 0},
		{"EditAfterSending", func() (*PurchaseOrder, error) {
			return e.s.UpdatePurchaseOrder(ctx, testActor, po.ID, PurchaseOrderUpdate{Notes: ptr("x")})
		}, errs.ECONFLICT, "", POSent, 0},
		{"ReceivePartByScan", func() (*PurchaseOrder, error) {
			p, _, err := e.s.ReceivePurchaseOrder(ctx, testActor, po.ID, recv(ReceiveLine{ProductID: e.bolt.ID, BinID: e.binA.ID, Quantity: 1},
				ReceiveLine{ProductID: e.bolt.ID, BinID: e.binA.ID, Quantity: 5}))
			return p, err
		}, "", "", POPartlyReceived, 6},
		{"ReceiveZero", func() (*PurchaseOrder, error) {
			p, _, err := e.s.ReceivePurchaseOrder(ctx, testActor, po.ID, recv(ReceiveLine{ProductID: e.bolt.ID, Quantity: 0}))
			return p, err
		}, errs.EINVALID, "lines.0.quantity", POPartlyReceived, 6},
		{"ReceiveNothing", func() (*PurchaseOrder, error) {
			p, _, err := e.s.ReceivePurchaseOrder(ctx, testActor, po.ID, recv())
			return p, err
		}, errs.EINVALID, "lines", POPartlyReceived, 6},
		{"ReceiveProductNotOnPO", func() (*PurchaseOrder, error) {
			p, _, err := e.s.ReceivePurchaseOrder(ctx, testActor, po.ID, recv(ReceiveLine{ProductID: e.archived.ID, Quantity: 1}))
			return p, err
		}, errs.EINVALID, "lines.0.productId", POPartlyReceived, 6},
		{"ReceiveIntoBinOfOtherWarehouse", func() (*PurchaseOrder, error) {
			p, _, err := e.s.ReceivePurchaseOrder(ctx, testActor, po.ID, recv(ReceiveLine{ProductID: e.nut.ID, BinID: e.binX.ID, Quantity: 1}))
			return p, err
		}, errs.EINVALID, "lines.0.binId", POPartlyReceived, 6},
		{"ReceiveOverWithoutConfirmation", func() (*PurchaseOrder, error) {
			p, _, err := e.s.ReceivePurchaseOrder(ctx, testActor, po.ID, recv(ReceiveLine{ProductID: e.nut.ID, Quantity: 5},
				ReceiveLine{ProductID: e.bolt.ID, BinID: e.binA.ID, Quantity: 6}))
			return p, err
		}, errs.ECONFLICT, "lines.1.quantity", POPartlyReceived, 6},
		{"ReceiveTheRest", func() (*PurchaseOrder, error) {
			p, _, err := e.s.ReceivePurchaseOrder(ctx, testActor, po.ID, recv(ReceiveLine{ProductID: e.nut.ID, Quantity: 5},
				ReceiveLine{ProductID: e.bolt.ID, BinID: e.binA.ID, Quantity: 4}))
			return p, err
		}, "", "", POReceived, 10},
		{"ReceiveMoreWhenReceived", func() (*PurchaseOrder, error) {
			p, _, err := e.s.ReceivePurchaseOrder(ctx, testActor, po.ID, recv(ReceiveLine{ProductID: e.bolt.ID, Quantity: 1}))
			return p, err
		}, errs.ECONFLICT, "", POReceived, 10},
		{"ReceiveOverConfirmed", func() (*PurchaseOrder, error) {
			p, moves, err := e.s.ReceivePurchaseOrder(ctx, testActor, po.ID, ReceiveInput{AllowOver: true,
				Lines: []ReceiveLine{{ProductID: e.bolt.ID, BinID: e.binA.ID, Quantity: 2}}})
			if err == nil && (len(moves) != 1 || !strings.Contains(moves[0].Reason, "over the ordered quantity: 12 received of 10 ordered")) {
				t.Errorf("over-receipt movement = %+v", moves)
			}
			return p, err
		}, "", "", POReceived, 12},
		{"CancelReceived", func() (*PurchaseOrder, error) { return e.s.CancelPurchaseOrder(ctx, testActor, po.ID) }, errs.ECONFLICT, "", POReceived, 12},
	}
	for _, st := range steps {
		t.Run(st.name, func(t *testing.T) {
			_, err := st.do()
			wantErr(t, err, st.code, st.field)
			got, err := e.s.FindPurchaseOrderByID(ctx, po.ID)
			if err != nil || got.Status != st.status {
				t.Fatalf("status = %s, %v; want %s", got.Status, err, st.status)
			}
			if on, _ := e.level(t, e.bolt, e.main, e.binA); on != st.boltInA {
				t.Fatalf("bolt in A = %d, want %d", on, st.boltInA)
			}
		})
	}
	got, _ := e.s.FindPurchaseOrderByID(ctx, po.ID)
	if got.Lines[0].Received != 12 || got.Lines[1].Received != 5 || got.SentAt.IsZero() || got.ClosedAt.IsZero() || got.Notes != "Urgent" {
		t.Fatalf("po = %+v, lines %+v %+v", got, got.Lines[0], got.Lines[1])
	}
	audit, err := e.db.FindAudit(ctx, store.AuditFilter{Entity: "purchase_orders", EntityID: po.ID})
	if err != nil {
		t.Fatal(err)
	}
	var over int
	for _, a := range audit {
		if a.Action == "receive_over_ordered" && strings.Contains(a.Changes, `"received":12`) {
			over++
		}
	}
	if over != 1 {
		t.Fatalf("over-receipt audited %d times, want once", over)
	}
	moves, _, _ := e.s.FindMovements(ctx, MovementFilter{RefType: RefPO, RefID: po.ID})
	if len(moves) != 5 || moves[0].UnitCost != 40 {
		t.Fatalf("receipt movements = %d", len(moves))
	}
	if err := e.s.VerifyLevels(ctx); err != nil {
		t.Fatal(err)
	}
}

func TestService_CancelPurchaseOrder(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	sup := e.supplier(t, "ACME")
	po, err := e.s.CreatePurchaseOrder(ctx, testActor, PurchaseOrderInput{SupplierID: sup.ID, WarehouseID: e.main.ID,
		Lines: []PurchaseOrderLineInput{{ProductID: e.bolt.ID, Quantity: 10}}})
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := e.s.ReceivePurchaseOrder(ctx, testActor, po.ID, ReceiveInput{Lines: []ReceiveLine{{ProductID: e.bolt.ID, Quantity: 3}}}); err != nil {
		t.Fatalf("receiving a draft: %v", err)
	}
	got, err := e.s.CancelPurchaseOrder(ctx, testActor, po.ID)
	if err != nil || got.Status != POCancelled || got.ClosedAt.IsZero() {
		t.Fatalf("cancel = %+v, %v", got, err)
	}
	_, _, err = e.s.ReceivePurchaseOrder(ctx, testActor, po.ID, ReceiveInput{AllowOver: true, Lines: []ReceiveLine{{ProductID: e.bolt.ID, Quantity: 1}}})
	wantErr(t, err, errs.ECONFLICT, "")
	if on, _ := e.level(t, e.bolt, e.main, nil); on != 3 {
		t.Fatalf("received stock changed on cancel: %d", on)
	}
}

func TestService_LowStockAndReorder(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	sup := e.supplier(t, "ACME")
	// bolt: point 10, qty 50. nut: point 5, qty 3.
	e.receive(t, e.bolt, e.main, e.binA, 12)
	e.receive(t, e.nut, e.main, e.binA, 4)
	e.receive(t, e.nut, e.second, e.binX, 20)
	if err := e.db.Update(ctx, testActor, func(tx *store.Tx) error {
		_, err := Reserve(tx, Request{ProductID: e.bolt.ID, WarehouseID: e.main.ID, Quantity: 3, RefType: RefOrder, RefID: "o-1"})
		return err
	}); err != nil {
		t.Fatal(err)
	}
	low, err := e.s.LowStock(ctx, e.main.ID)
	if err != nil || len(low) != 2 || low[0].SKU != "BOLT" || low[0].Available != 9 || low[1].SKU != "NUT" || low[1].Available != 4 {
		t.Fatalf("low stock in main = %+v, %v", low, err)
	}
	if all, _ := e.s.LowStock(ctx, ""); len(all) != 1 || all[0].SKU != "BOLT" {
		t.Fatalf("low stock everywhere = %+v (24 nuts in all)", all)
	}
	sugg, err := e.s.ReorderSuggestions(ctx, e.main.ID)
	if err != nil || len(sugg) != 2 || sugg[0].Suggested != 50 || sugg[1].Suggested != 3 {
		t.Fatalf("suggestions = %+v, %v", sugg, err)
	}
	po, err := e.s.CreateReorderPO(ctx, testActor, ReorderInput{SupplierID: sup.ID, WarehouseID: e.main.ID, ProductIDs: []string{e.bolt.ID}})
	if err != nil || po.Status != PODraft || len(po.Lines) != 1 || po.Lines[0].Quantity != 50 || po.Lines[0].UnitCost != 40 {
		t.Fatalf("reorder PO = %+v, %v", po, err)
	}
	// The bolts are on order now: only the nuts are suggested.
	sugg, _ = e.s.ReorderSuggestions(ctx, e.main.ID)
	if len(sugg) != 1 || sugg[0].SKU != "NUT" {
		t.Fatalf("suggestions after ordering = %+v", sugg)
	}
	if low, _ := e.s.LowStock(ctx, e.main.ID); low[0].OnOrder != 50 {
		t.Fatalf("on order = %d, want 50", low[0].OnOrder)
	}
	po2, err := e.s.CreateReorderPO(ctx, testActor, ReorderInput{SupplierID: sup.ID, WarehouseID: e.main.ID})
	if err != nil || len(po2.Lines) != 1 || po2.Lines[0].ProductID != e.nut.ID {
		t.Fatalf("second reorder PO = %+v, %v", po2, err)
	}
	_, err = e.s.CreateReorderPO(ctx, testActor, ReorderInput{SupplierID: sup.ID, WarehouseID: e.main.ID})
	wantErr(t, err, errs.ECONFLICT, "")
	_, err = e.s.CreateReorderPO(ctx, testActor, ReorderInput{SupplierID: sup.ID})
	wantErr(t, err, errs.EINVALID, "warehouseId")
}

func TestService_FindPurchaseOrders_Totals(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	sup := e.supplier(t, "ACME")
	line := func(p string, q, c int64) PurchaseOrderLineInput {
		return PurchaseOrderLineInput{ProductID: p, Quantity: q, UnitCost: c}
	}
	cases := []struct {
		name  string
		lines []PurchaseOrderLineInput
		want  int64
	}{
		{"NoLines", nil, 0},
		{"OneLine", []PurchaseOrderLineInput{line(e.bolt.ID, 10, 40)}, 400},
		{"TwoLines", []PurchaseOrderLineInput{line(e.bolt.ID, 10, 40), line(e.nut.ID, 100, 3)}, 700},
		{"FreeLine", []PurchaseOrderLineInput{line(e.bolt.ID, 7, 0), line(e.nut.ID, 2, 5)}, 10},
		{"LargeAmounts", []PurchaseOrderLineInput{line(e.bolt.ID, MaxQuantity, 1_000_000)}, MaxQuantity * 1_000_000},
	}
	ids := map[string]string{}
	for _, tc := range cases {
		po, err := e.s.CreatePurchaseOrder(ctx, testActor, PurchaseOrderInput{SupplierID: sup.ID, WarehouseID: e.main.ID, Lines: tc.lines})
		if err != nil {
			t.Fatal(err)
		}
		ids[tc.name] = po.ID
	}
	list, total, err := e.s.FindPurchaseOrders(ctx, PurchaseOrderFilter{})
	if err != nil || total != len(cases) {
		t.Fatalf("list = %d, %v", total, err)
	}
	byID := map[string]*PurchaseOrder{}
	for _, po := range list {
		if len(po.Lines) != 0 {
			t.Fatalf("%s: the list carries lines", po.Number)
		}
		byID[po.ID] = po
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			detail, err := e.s.FindPurchaseOrderByID(ctx, ids[tc.name])
			if err != nil {
				t.Fatal(err)
			}
			if got := byID[ids[tc.name]].Total; got != tc.want || detail.Total != tc.want {
				t.Fatalf("list total %d, detail total %d, want %d", got, detail.Total, tc.want)
			}
		})
	}

	t.Run("FollowsAnEditedDraft", func(t *testing.T) {
		lines := []PurchaseOrderLineInput{line(e.nut.ID, 3, 9)}
		if _, err := e.s.UpdatePurchaseOrder(ctx, testActor, ids["TwoLines"], PurchaseOrderUpdate{Lines: &lines}); err != nil {
			t.Fatal(err)
		}
		list, _, err := e.s.FindPurchaseOrders(ctx, PurchaseOrderFilter{Status: PODraft, Limit: 500})
		if err != nil {
			t.Fatal(err)
		}
		for _, po := range list {
			if po.ID == ids["TwoLines"] && po.Total != 27 {
				t.Fatalf("total after edit = %d, want 27", po.Total)
			}
		}
	})

	t.Run("OverflowIsRefused", func(t *testing.T) {
		// A total that does not fit in an int64 is refused when written,
		// so no listed order can carry a wrong one.
		_, err := e.s.CreatePurchaseOrder(ctx, testActor, PurchaseOrderInput{SupplierID: sup.ID, WarehouseID: e.main.ID,
			Lines: []PurchaseOrderLineInput{line(e.bolt.ID, MaxQuantity, catalog.MaxPrice)}})
		if err == nil {
			t.Fatal("an overflowing purchase order was created")
		}
		if _, n, err := e.s.FindPurchaseOrders(ctx, PurchaseOrderFilter{}); err != nil || n != len(cases) {
			t.Fatalf("list after the refusal = %d, %v", n, err)
		}
	})
}
