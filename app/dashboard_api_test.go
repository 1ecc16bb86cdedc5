package app

import (
	"context"
	"testing"

	"oms/internal/catalog"
	"oms/internal/errs"
	"oms/internal/order"
	"oms/internal/stock"
	"oms/internal/store"
)

func TestDashboardAPI_Summary(t *testing.T) {
	a, _ := newAdminApp(t)
	ctx, actor := context.Background(), store.Actor{UserName: "admin"}
	w, err := a.svc.Stock.CreateWarehouse(ctx, actor, stock.WarehouseInput{Code: "MAIN", Name: "Main"})
	if err != nil {
		t.Fatal(err)
	}
	p, err := a.svc.Catalog.CreateProduct(ctx, actor, catalog.ProductInput{SKU: "W-1", Name: "Widget", Price: 1000})
	if err != nil {
		t.Fatal(err)
	}
	draft := func() *order.Order {
		o, err := a.svc.Orders.CreateOrder(ctx, actor, order.OrderInput{WarehouseID: w.ID})
		if err != nil {
			t.Fatal(err)
		}
		if o, err = a.svc.Orders.AddLine(ctx, actor, o.ID, o.Version, order.LineInput{ProductID: p.ID, Quantity: 2}); err != nil {
			t.Fatal(err)
		}
		return o
	}
	o := draft() // two 10.00 items
	if _, err := a.svc.Orders.Confirm(ctx, actor, o.ID, o.Version); err != nil {
		t.Fatal(err)
	}
	draft() // a draft: not a sale

	v, err := a.Dashboard.Summary("")
	if err != nil {
		t.Fatal(err)
	}
	if v.Currency != "EUR" || v.Today.Orders != 1 || v.Today.Gross != 2000 || v.Month.Gross != 2000 || v.Today.Net != 2000 {
		t.Fatalf("today %+v, month %+v, currency %q", v.Today, v.Month, v.Currency)
	}
	if len(v.Daily) != 30 || v.Daily[29].Gross != 2000 || len(v.ByStatus) != 7 || v.ByStatus[0].Status != "draft" ||
		v.ByStatus[0].Orders != 1 || v.ByStatus[1].Orders != 1 {
		t.Fatalf("daily %+v, by status %+v", v.Daily[len(v.Daily)-1], v.ByStatus)
	}
	if len(v.TopByRevenue) != 1 || v.TopByRevenue[0].Quantity != 2 || v.TopByRevenue[0].Revenue != 2000 {
		t.Fatalf("top %+v", v.TopByRevenue)
	}
	// Lists are never null in JSON, so the screen need not test for it.
	x := v.Exceptions
	if x.PendingRefunds == nil || x.Backorders == nil || x.ShipmentExceptions == nil || x.NegativeStock == nil {
		t.Fatalf("exceptions %+v", x)
	}
	if x.BackorderCount != 1 || x.Backorders[0].OrderID != o.ID { // nothing was in stock
		t.Fatalf("backorders %+v", x)
	}

	// Counter staff may not see it.
	signInCounter(t, a)
	if _, err := a.Dashboard.Summary(""); errs.Code(err) != errs.EFORBIDDEN {
		t.Fatalf("counter: %v, want EFORBIDDEN", err)
	}
}
