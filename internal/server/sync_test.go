package server

import (
	"context"
	"encoding/json"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"oms/internal/catalog"
	"oms/internal/customer"
	"oms/internal/order"
	"oms/internal/pgtest"
	"oms/internal/shipping"
	"oms/internal/stock"
	"oms/internal/store"
	omsync "oms/internal/sync"
)

var actor = store.Actor{UserID: "u-1", UserName: "tester"}

// station is one workstation with its services and sync client.
type station struct {
	t      *testing.T
	db     *store.DB
	cat    *catalog.Service
	stock  *stock.Service
	orders *order.Service
	client *omsync.Client
}

func newStation(t *testing.T) *station {
	t.Helper()
	ctx := context.Background()
	db, err := store.Open(ctx, filepath.Join(t.TempDir(), "oms.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	st := &station{t: t, db: db, cat: catalog.NewService(db), stock: stock.NewService(db)}
	st.orders = order.NewService(db, st.cat, customer.NewService(db), st.stock)
	if st.client, err = omsync.NewClient(ctx, db, nil); err != nil {
		t.Fatal(err)
	}
	st.client.Renumber = func(tx *store.Tx, code string) error {
		if err := order.RenumberLocal(tx, code); err != nil {
			return err
		}
		return shipping.RenumberLocal(tx, code)
	}
	return st
}

type hub struct {
	t   *testing.T
	db  *DB
	srv *Server
	url string
}

func newHub(t *testing.T, url string) *hub {
	t.Helper()
	ctx := context.Background()
	if url == "" {
		url = filepath.Join(t.TempDir(), "server.db")
	}
	db, err := OpenDB(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	srv, err := New(ctx, db, nil)
	if err != nil {
		t.Fatal(err)
	}
	hs := httptest.NewServer(srv.Handler())
	t.Cleanup(hs.Close)
	return &hub{t: t, db: db, srv: srv, url: hs.URL}
}

func (h *hub) enrol(st *station, name string) store.SyncState {
	h.t.Helper()
	tok, err := h.db.CreateToken(context.Background(), name, time.Now())
	if err != nil {
		h.t.Fatal(err)
	}
	s, err := st.client.Enrol(context.Background(), h.url, tok)
	if err != nil {
		h.t.Fatal(err)
	}
	return s
}

func (st *station) sync() omsync.Stats {
	st.t.Helper()
	s, err := st.client.Round(context.Background(), nil)
	if err != nil {
		st.t.Fatalf("sync: %v", err)
	}
	return s
}

func (st *station) must(err error) {
	st.t.Helper()
	if err != nil {
		st.t.Fatal(err)
	}
}

func (st *station) sell(p *catalog.Product, w *stock.Warehouse, qty int64) *order.Order {
	st.t.Helper()
	ctx := context.Background()
	o, err := st.orders.CreateOrder(ctx, actor, order.OrderInput{Channel: order.ChannelCounter, WarehouseID: w.ID, Currency: "EUR"})
	st.must(err)
	o, err = st.orders.AddLine(ctx, actor, o.ID, o.Version, order.LineInput{ProductID: p.ID, Quantity: qty})
	st.must(err)
	o, err = st.orders.Confirm(ctx, actor, o.ID, o.Version)
	st.must(err)
	return o
}

func (st *station) scalar(q string, args ...any) string {
	st.t.Helper()
	var v string
	if err := st.db.Reader().QueryRow(q, args...).Scan(&v); err != nil {
		st.t.Fatalf("%s: %v", q, err)
	}
	return v
}

// TestSync_TwoStationsSellTheLastUnit: the foundation of #7 in one story.
// A works alone, enrols (its LOCAL numbers take its station code) and
// pushes; B enrols fresh and pulls the snapshot; both sell the last unit
// offline; after syncing both hold the same orders and stock, and the
// oversell is one exception with both orders.
func TestSync_TwoStationsSellTheLastUnit(t *testing.T) {
	for _, backend := range backends {
		t.Run(backend.name, func(t *testing.T) { testTwoStationsSellTheLastUnit(t, backend.url(t)) })
	}
}

// backends are the server databases every story runs on; url gives a fresh
// one ("" is a SQLite file in t.TempDir()).
var backends = []struct {
	name string
	url  func(t *testing.T) string
}{
	{"sqlite", func(t *testing.T) string { return "" }},
	{"postgres", func(t *testing.T) string { return pgtest.URL(t) }},
}

func testTwoStationsSellTheLastUnit(t *testing.T, url string) {
	ctx := context.Background()
	h := newHub(t, url)
	a, b := newStation(t), newStation(t)

	w, err := a.stock.CreateWarehouse(ctx, actor, stock.WarehouseInput{Code: "MAIN", Name: "Main"})
	a.must(err)
	p, err := a.cat.CreateProduct(ctx, actor, catalog.ProductInput{SKU: "BOLT", Name: "Bolt", Price: 1190})
	a.must(err)
	_, err = a.stock.PostMovement(ctx, actor, stock.MovementInput{Kind: stock.KindReceipt, ProductID: p.ID, WarehouseID: w.ID, Quantity: 3})
	a.must(err)
	first := a.sell(p, w, 2)
	if !strings.HasPrefix(first.Number, "LOCAL-") {
		t.Fatalf("before enrolment the number is %s, want LOCAL-…", first.Number)
	}

	sa := h.enrol(a, "Counter A")
	if got := a.scalar(`SELECT number FROM orders WHERE id = ?`, first.ID); got != sa.StationCode+"-000001" {
		t.Fatalf("after enrolment the order is %s, want %s-000001", got, sa.StationCode)
	}
	stats := a.sync()
	if stats.Pushed == 0 || stats.Rejected != 0 {
		t.Fatalf("A's first sync: %v", stats)
	}
	if n, _ := a.db.PendingChanges(ctx); n != 0 {
		t.Fatalf("A's outbox holds %d changes after sync", n)
	}

	sb := h.enrol(b, "Counter B")
	if sb.StationCode == sa.StationCode {
		t.Fatalf("both stations are %s", sa.StationCode)
	}
	stats = b.sync()
	if stats.Pulled == 0 || stats.Failed != 0 {
		t.Fatalf("B's first sync: %v", stats)
	}
	if got := b.scalar(`SELECT number FROM orders WHERE id = ?`, first.ID); got != sa.StationCode+"-000001" {
		t.Fatalf("B sees A's order as %s", got)
	}
	if got := b.scalar(`SELECT on_hand || '/' || reserved FROM stock_levels WHERE product_id = ?`, p.ID); got != "3/2" {
		t.Fatalf("B's stock of the product is %s, want 3/2", got)
	}

	// Both sell the last unit offline.
	oa := a.sell(p, w, 1)
	ob := b.sell(p, w, 1)
	if !strings.HasPrefix(ob.Number, sb.StationCode+"-") {
		t.Fatalf("B's order is %s", ob.Number)
	}
	a.sync()
	b.sync()
	a.sync()

	for _, st := range []*station{a, b} {
		if got := st.scalar(`SELECT count(*) FROM orders`); got != "3" {
			t.Fatalf("a station has %s orders, want 3", got)
		}
		if got := st.scalar(`SELECT on_hand || '/' || reserved FROM stock_levels WHERE product_id = ?`, p.ID); got != "3/4" {
			t.Fatalf("stock is %s, want 3/4", got)
		}
		if got := st.scalar(`SELECT count(*) FROM sync_exceptions WHERE kind = 'oversold' AND status = 'open' AND product_id = ?`, p.ID); got != "1" {
			t.Fatalf("%s open oversold exceptions, want 1", got)
		}
		var orders []string
		if err := json.Unmarshal([]byte(st.scalar(`SELECT orders FROM sync_exceptions WHERE product_id = ?`, p.ID)), &orders); err != nil {
			t.Fatal(err)
		}
		if !contains(orders, oa.ID) || !contains(orders, ob.ID) {
			t.Fatalf("the exception lists %v, want both %s and %s", orders, oa.ID, ob.ID)
		}
		if got := st.scalar(`SELECT shortage FROM sync_exceptions WHERE product_id = ?`, p.ID); got != "1" {
			t.Fatalf("shortage %s, want 1", got)
		}
	}

	// A manager on B settles it by backordering B's order: its reservation
	// goes, the exception is settled on both stations, and no new one opens.
	ex, err := omsync.FindExceptions(ctx, b.db, "open", 10)
	b.must(err)
	if len(ex) != 1 {
		t.Fatalf("%d open exceptions on B", len(ex))
	}
	if _, err := omsync.SettleException(ctx, b.db, actor, ex[0].ID, omsync.Settlement{Resolution: "backorder", OrderID: "nope"}); err == nil {
		t.Fatal("backordering an order that is not involved was accepted")
	}
	settled, err := omsync.SettleException(ctx, b.db, actor, ex[0].ID, omsync.Settlement{Resolution: "backorder", OrderID: ob.ID, Note: "next delivery"})
	b.must(err)
	if settled.Status != "settled" || settled.Shortage != 0 || !strings.Contains(settled.Note, "1 backordered") {
		t.Fatalf("settled: %+v", settled)
	}
	if _, err := omsync.SettleException(ctx, b.db, actor, ex[0].ID, omsync.Settlement{Resolution: "accept"}); err == nil {
		t.Fatal("a settled exception was settled again")
	}
	b.sync()
	a.sync()
	for _, st := range []*station{a, b} {
		if got := st.scalar(`SELECT on_hand || '/' || reserved FROM stock_levels WHERE product_id = ?`, p.ID); got != "3/3" {
			t.Fatalf("stock after the backorder is %s, want 3/3", got)
		}
		if got := st.scalar(`SELECT status || '/' || resolution || '/' || settled_by FROM sync_exceptions WHERE product_id = ?`, p.ID); got != "settled/backorder/tester" {
			t.Fatalf("the exception is %s", got)
		}
		if got := st.scalar(`SELECT backordered FROM order_lines WHERE order_id = ?`, ob.ID); got != "1" {
			t.Fatalf("B's order line has %s backordered, want 1", got)
		}
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
