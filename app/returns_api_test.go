package app

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"oms/internal/catalog"
	"oms/internal/errs"
	"oms/internal/order"
	"oms/internal/stock"
	"oms/internal/store"
)

// shippedOrder creates a paid (by card) and shipped order of two 10.00
// items from a warehouse with one bin, and returns it with the bin's id.
func shippedOrder(t *testing.T, a *App) (*order.Order, string) {
	t.Helper()
	ctx, actor := context.Background(), store.Actor{UserName: "admin"}
	w, err := a.svc.Stock.CreateWarehouse(ctx, actor, stock.WarehouseInput{Code: "MAIN", Name: "Main"})
	if err != nil {
		t.Fatal(err)
	}
	bin, err := a.svc.Stock.CreateBin(ctx, actor, w.ID, "A-01")
	if err != nil {
		t.Fatal(err)
	}
	p, err := a.svc.Catalog.CreateProduct(ctx, actor, catalog.ProductInput{SKU: "W-1", Name: "Widget", Price: 1000})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := a.svc.Stock.PostMovement(ctx, actor, stock.MovementInput{Kind: stock.KindReceipt, ProductID: p.ID,
		WarehouseID: w.ID, BinID: bin.ID, Quantity: 5}); err != nil {
		t.Fatal(err)
	}
	o, err := a.svc.Orders.CreateOrder(ctx, actor, order.OrderInput{WarehouseID: w.ID})
	if err != nil {
		t.Fatal(err)
	}
	if o, err = a.svc.Orders.AddLine(ctx, actor, o.ID, o.Version, order.LineInput{ProductID: p.ID, Quantity: 2}); err != nil {
		t.Fatal(err)
	}
	if o, err = a.svc.Orders.Confirm(ctx, actor, o.ID, o.Version); err != nil {
		t.Fatal(err)
	}
	if _, err := a.svc.Orders.AddPayment(ctx, actor, o.ID, order.PaymentInput{MethodID: "card", Amount: o.Total}); err != nil {
		t.Fatal(err)
	}
	for _, to := range []order.Status{order.StatusPicking, order.StatusPacked, order.StatusShipped} {
		if o, err = a.svc.Orders.Advance(ctx, actor, o.ID, to, ""); err != nil {
			t.Fatal(err)
		}
	}
	return o, bin.ID
}

func TestReturnsAPI_Flow(t *testing.T) {
	a, rec := newAdminApp(t)
	o, binID := shippedOrder(t, a)
	api := a.Returns

	lines, err := api.ReturnableLines(o.ID)
	if err != nil || len(lines) != 1 || lines[0].Shipped != 2 || lines[0].Returnable != 2 || lines[0].Gross != 2000 {
		t.Fatalf("returnable = %+v, %v", lines, err)
	}
	req := ReturnRequest{Reason: "<b>Damaged</b>", Refund: "original",
		Lines: []ReturnLineRequest{{OrderLineID: lines[0].OrderLineID, Quantity: 3, Disposition: "restock", BinID: binID}}}
	_, err = api.CreateReturn(o.ID, req)
	if errs.Code(err) != errs.EINVALID || errs.Field(err) != "lines[0].quantity" || !strings.Contains(errs.Message(err), "Only 2") {
		t.Fatalf("over-return: %v", err)
	}
	if dto, _ := a.FormatError(err).(string); !strings.Contains(dto, `"field":"lines[0].quantity"`) {
		t.Fatalf("error DTO = %s", dto)
	}

	req.Lines[0].Quantity = 1
	r, err := api.CreateReturn(o.ID, req)
	if err != nil {
		t.Fatal(err)
	}
	if r.Number == "" || r.Reason != "<b>Damaged</b>" || r.RefundTotal != 1000 || r.OrderNumber != o.Number || len(r.Lines) != 1 ||
		len(r.Refunds) != 1 || r.Refunds[0].Amount != -1000 || r.Refunds[0].ReturnID != r.ID || r.Lines[0].Disposition != "restock" {
		t.Fatalf("return = %+v", r)
	}
	if _, err := time.Parse(time.RFC3339, r.CreatedAt); err != nil {
		t.Fatalf("createdAt %q: %v", r.CreatedAt, err)
	}
	if rec.count(EventOrdersChanged) != 1 || rec.count(EventStockChanged) != 1 || rec.count(EventPaymentsChanged) != 1 {
		t.Fatalf("events = %v", rec.events)
	}
	b, err := json.Marshal(r)
	if err != nil || !strings.Contains(string(b), `"refundTotal":1000`) || !strings.Contains(string(b), `"refunds":[{`) {
		t.Fatalf("json = %s, %v", b, err)
	}

	got, err := api.Return(r.ID)
	if err != nil || got.ID != r.ID || len(got.Refunds) != 1 {
		t.Fatalf("Return = %+v, %v", got, err)
	}
	if _, err := api.Return("nope"); errs.Code(err) != errs.ENOTFOUND {
		t.Fatalf("unknown return: %v", err)
	}
	page, err := api.FindReturns(ReturnQuery{OrderID: o.ID})
	if err != nil || page.Total != 1 || len(page.Items) != 1 || page.Items[0].ID != r.ID {
		t.Fatalf("FindReturns = %+v, %v", page, err)
	}
	today := time.Now().Format("2006-01-02")
	if page, err := api.FindReturns(ReturnQuery{From: today, To: today}); err != nil || page.Total != 1 {
		t.Fatalf("FindReturns today = %+v, %v", page, err)
	}
	if _, err := api.FindReturns(ReturnQuery{From: "yesterday"}); errs.Code(err) != errs.EINVALID || errs.Field(err) != "from" {
		t.Fatalf("bad date: %v", err)
	}
	if lines, _ := api.ReturnableLines(o.ID); lines[0].Returned != 1 || lines[0].Returnable != 1 {
		t.Fatalf("returnable after return = %+v", lines)
	}

	// Counter staff see returns but cannot record one.
	signInCounter(t, a)
	if _, err := api.FindReturns(ReturnQuery{}); err != nil {
		t.Fatalf("counter FindReturns: %v", err)
	}
	req.Lines[0].Quantity = 1
	if _, err := api.CreateReturn(o.ID, req); errs.Code(err) != errs.EFORBIDDEN {
		t.Fatalf("counter CreateReturn: %v", err)
	}
}
