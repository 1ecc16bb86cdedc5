package demo

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"oms/internal/auth"
	"oms/internal/catalog"
	"oms/internal/company"
	"oms/internal/customer"
	"oms/internal/order"
	"oms/internal/stock"
	"oms/internal/store"
)

func services(t *testing.T) Services {
	t.Helper()
	db, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "oms.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	users := auth.NewService(db)
	cat, st, cust := catalog.NewService(db), stock.NewService(db), customer.NewService(db)
	return Services{DB: db, Users: users, Company: company.NewService(db, users), Catalog: cat, Stock: st, Customers: cust,
		Orders: order.NewService(db, cat, cust, st)}
}

func TestSeed(t *testing.T) {
	svc := services(t)
	ctx := context.Background()
	now := time.Date(2026, 11, 20, 17, 0, 0, 0, time.UTC)
	sum, err := Seed(ctx, svc, now, 1)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%+v", sum)
	if sum.Products < 200 || sum.Customers < 40 || sum.Orders < OrderCount-10 {
		t.Fatalf("summary %+v", sum)
	}
	for _, st := range []order.Status{order.StatusDraft, order.StatusConfirmed, order.StatusPicking, order.StatusPacked,
		order.StatusShipped, order.StatusDelivered, order.StatusCancelled} {
		if sum.ByStatus[st] == 0 {
			t.Errorf("no order is %s: %+v", st, sum.ByStatus)
		}
	}
	if err := svc.Stock.VerifyLevels(ctx); err != nil {
		t.Fatal(err)
	}
	// The demo's people can sign in.
	if _, err := svc.Users.LoginPassword(ctx, "admin", "demo-admin-1"); err != nil {
		t.Fatal(err)
	}
	// A second seed on the same database is refused: it is for fresh ones.
	if _, err := Seed(ctx, svc, now, 1); err == nil {
		t.Fatal("a second seed was accepted")
	}
	// Nothing is dated after now.
	var late int
	if err := svc.DB.Reader().QueryRow(`SELECT count(*) FROM order_events WHERE at > ?`, store.FormatTime(now)).Scan(&late); err != nil || late != 0 {
		t.Fatalf("%d events after now, %v", late, err)
	}
}
