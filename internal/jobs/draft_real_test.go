package jobs

import (
	"context"
	"encoding/json"
	"path/filepath"
	"testing"
	"time"

	"oms/internal/catalog"
	"oms/internal/customer"
	"oms/internal/order"
	"oms/internal/stock"
	"oms/internal/store"
)

// TestDraftExpiryJob_RealOrders expires drafts through the real order
// service: the draft last touched 40 days ago goes, the one touched 10
// days ago stays.
func TestDraftExpiryJob_RealOrders(t *testing.T) {
	ctx := context.Background()
	db, err := store.Open(ctx, filepath.Join(t.TempDir(), "oms.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	now := at(1, 9, 0)
	db.Now = func() time.Time { return now }
	cat, st := catalog.NewService(db), stock.NewService(db)
	orders := order.NewService(db, cat, customer.NewService(db), st)
	who := store.Actor{UserName: "test"}
	wh, err := st.CreateWarehouse(ctx, who, stock.WarehouseInput{Code: "MAIN", Name: "Main"})
	if err != nil {
		t.Fatal(err)
	}
	draft := func() *order.Order {
		o, err := orders.CreateOrder(ctx, who, order.OrderInput{Channel: order.ChannelCounter, WarehouseID: wh.ID, Currency: "EUR"})
		if err != nil {
			t.Fatal(err)
		}
		return o
	}
	old := draft()
	now = now.AddDate(0, 0, 30)
	recent := draft()
	now = now.AddDate(0, 0, 10) // old untouched 40 days, recent 10

	got, err := DraftExpiryJob{Orders: orders, Now: func() time.Time { return now }}.Run(ctx, json.RawMessage(`{"days":30}`))
	if err != nil || got != "Deleted 1 draft untouched for more than 30 days." {
		t.Fatalf("got %q, %v", got, err)
	}
	if _, err := orders.FindOrderByID(ctx, old.ID); err == nil {
		t.Fatal("the old draft is still there")
	}
	if _, err := orders.FindOrderByID(ctx, recent.ID); err != nil {
		t.Fatalf("the recent draft: %v", err)
	}
}
