package order

import (
	"context"
	"errors"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"oms/internal/catalog"
	"oms/internal/customer"
	"oms/internal/errs"
	"oms/internal/stock"
	"oms/internal/store"
)

var testActor = store.Actor{UserID: "u-1", UserName: "tester"}

type env struct {
	db        *store.DB
	s         *Service
	cat       *catalog.Service
	stock     *stock.Service
	customers *customer.Service
	main      *stock.Warehouse
	bin       *stock.Bin
	bolt      *catalog.Product // 11.90 gross at 19 %, 10 in stock
	nut       *catalog.Product // 0.50, no tax class, none in stock
	archived  *catalog.Product
	now       time.Time
}

func newEnv(t *testing.T) *env {
	t.Helper()
	ctx := context.Background()
	db, err := store.Open(ctx, filepath.Join(t.TempDir(), "oms.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	e := &env{db: db, cat: catalog.NewService(db), stock: stock.NewService(db), customers: customer.NewService(db),
		now: time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)}
	db.Now = func() time.Time { return e.now }
	e.s = NewService(db, e.cat, e.customers, e.stock)
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	_, err = e.cat.SetPricesIncludeTax(ctx, testActor, true)
	must(err)
	tc, err := e.cat.CreateTaxClass(ctx, testActor, catalog.TaxClassInput{Name: "Standard", RateBps: 1900})
	must(err)
	e.main, err = e.stock.CreateWarehouse(ctx, testActor, stock.WarehouseInput{Code: "MAIN", Name: "Main"})
	must(err)
	e.bin, err = e.stock.CreateBin(ctx, testActor, e.main.ID, "A-01")
	must(err)
	e.bolt, err = e.cat.CreateProduct(ctx, testActor, catalog.ProductInput{SKU: "BOLT", Name: "Bolt", Price: 1190, TaxClassID: tc.ID})
	must(err)
	e.nut, err = e.cat.CreateProduct(ctx, testActor, catalog.ProductInput{SKU: "NUT", Name: "Nut", Price: 50})
	must(err)
	e.archived, err = e.cat.CreateProduct(ctx, testActor, catalog.ProductInput{SKU: "OLD", Name: "Old", Price: 10})
	must(err)
	_, err = e.cat.ArchiveProduct(ctx, testActor, e.archived.ID)
	must(err)
	_, err = e.stock.PostMovement(ctx, testActor, stock.MovementInput{Kind: stock.KindReceipt, ProductID: e.bolt.ID,
		WarehouseID: e.main.ID, BinID: e.bin.ID, Quantity: 10})
	must(err)
	return e
}

func (e *env) tick() { e.now = e.now.Add(time.Minute) }

func (e *env) draft(t *testing.T, lines ...LineInput) *Order {
	t.Helper()
	ctx := context.Background()
	o, err := e.s.CreateOrder(ctx, testActor, OrderInput{Channel: ChannelCounter, WarehouseID: e.main.ID, Currency: "EUR"})
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range lines {
		if o, err = e.s.AddLine(ctx, testActor, o.ID, o.Version, l); err != nil {
			t.Fatal(err)
		}
	}
	return o
}

func (e *env) count(t *testing.T, query string, args ...any) int {
	t.Helper()
	var n int
	if err := e.db.Reader().QueryRow(query, args...).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func (e *env) stockOf(t *testing.T, p *catalog.Product) (onHand, reserved, avail int64) {
	t.Helper()
	err := e.db.Reader().QueryRow(`SELECT COALESCE(SUM(on_hand), 0), COALESCE(SUM(reserved), 0) FROM stock_levels
		WHERE product_id = ? AND warehouse_id = ?`, p.ID, e.main.ID).Scan(&onHand, &reserved)
	if err != nil {
		t.Fatal(err)
	}
	avail, err = stock.Available(context.Background(), e.db.Reader(), p.ID, e.main.ID)
	if err != nil {
		t.Fatal(err)
	}
	return onHand, reserved, avail
}

func wantErr(t *testing.T, err error, code, field string) {
	t.Helper()
	if code == "" {
		if err != nil {
			t.Fatalf("unexpected error: %v", err)
		}
		return
	}
	if errs.Code(err) != code || errs.Field(err) != field || errs.Message(err) == "" {
		t.Fatalf("err = %v, want %s on %q", err, code, field)
	}
}

func TestOrderService_Lifecycle(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	o := e.draft(t, LineInput{ProductID: e.bolt.ID, Quantity: 3}, LineInput{ProductID: e.nut.ID, Quantity: 2})
	// Gross prices: 3 x 11.90 = 35.70 holds 35.70 x 19/119 = 5.70 tax; 2 x 0.50 untaxed.
	if o.Status != StatusDraft || len(o.Lines) != 2 || o.Subtotal != 3670 || o.TaxTotal != 570 || o.NetTotal != 3100 || o.Total != 3670 {
		t.Fatalf("draft = %+v", o)
	}
	if l := o.Lines[0]; l.SKU != "BOLT" || l.Name != "Bolt" || l.UnitPrice != 1190 || l.TaxRateBps != 1900 || l.Tax != 570 || l.LineNo != 1 {
		t.Fatalf("line = %+v", l)
	}
	e.tick()
	o, err := e.s.Confirm(ctx, testActor, o.ID, o.Version)
	if err != nil {
		t.Fatal(err)
	}
	if o.Status != StatusConfirmed || o.Lines[0].Reserved != 3 || o.Lines[1].Backordered != 2 {
		t.Fatalf("confirmed = %+v, lines %+v %+v", o, o.Lines[0], o.Lines[1])
	}
	if on, res, _ := e.stockOf(t, e.bolt); on != 10 || res != 3 {
		t.Fatalf("bolt after confirm: on hand %d, reserved %d", on, res)
	}
	// The nuts are short: stock arrives and is allocated before the order ships.
	if _, err := e.stock.PostMovement(ctx, testActor, stock.MovementInput{Kind: stock.KindReceipt, ProductID: e.nut.ID,
		WarehouseID: e.main.ID, BinID: e.bin.ID, Quantity: 2}); err != nil {
		t.Fatal(err)
	}
	if n, err := e.s.AllocateBackorders(ctx, testActor, e.main.ID, nil); err != nil || n != 2 {
		t.Fatalf("allocated %d, %v; want 2", n, err)
	}
	if o, err = e.s.FindOrderByID(ctx, o.ID); err != nil || o.Lines[1].Reserved != 2 || o.Lines[1].Backordered != 0 {
		t.Fatalf("after allocation: %+v, %v", o.Lines[1], err)
	}
	for _, to := range []Status{StatusPicking, StatusPacked, StatusShipped, StatusDelivered} {
		e.tick()
		if o, err = e.s.Advance(ctx, testActor, o.ID, to, ""); err != nil {
			t.Fatalf("advance to %s: %v", to, err)
		}
		if o.Status != to {
			t.Fatalf("status = %s, want %s", o.Status, to)
		}
	}
	if on, res, _ := e.stockOf(t, e.bolt); on != 7 || res != 0 {
		t.Fatalf("bolt after shipping: on hand %d, reserved %d; want 7, 0", on, res)
	}
	if on, res, _ := e.stockOf(t, e.nut); on != 0 || res != 0 {
		t.Fatalf("nut on hand %d, reserved %d; want 0, 0", on, res)
	}
	want := []Status{StatusDraft, StatusConfirmed, StatusPicking, StatusPacked, StatusShipped, StatusDelivered}
	if len(o.Events) != len(want) {
		t.Fatalf("events = %d, want %d", len(o.Events), len(want))
	}
	var prev Status
	for i, ev := range o.Events {
		if ev.To != want[i] || ev.From != prev || ev.UserName != "tester" || ev.UserID != "u-1" || ev.At.IsZero() {
			t.Fatalf("event %d = %+v", i, ev)
		}
		if i > 0 && !ev.At.After(o.Events[i-1].At) {
			t.Fatalf("event %d at %v, not after the previous", i, ev.At)
		}
		prev = ev.To
	}
}

// walk creates an order and moves it to status.
func (e *env) walk(t *testing.T, status Status) *Order {
	t.Helper()
	ctx := context.Background()
	o := e.draft(t, LineInput{ProductID: e.bolt.ID, Quantity: 1})
	var err error
	switch status {
	case StatusDraft:
		return o
	case StatusCancelled:
		o, err = e.s.Cancel(ctx, testActor, o.ID, "test")
		if err != nil {
			t.Fatal(err)
		}
		return o
	}
	if o, err = e.s.Confirm(ctx, testActor, o.ID, o.Version); err != nil {
		t.Fatal(err)
	}
	for _, to := range lifecycle[2:] {
		if stage(o.Status) >= stage(status) {
			break
		}
		if o, err = e.s.Advance(ctx, testActor, o.ID, to, ""); err != nil {
			t.Fatal(err)
		}
	}
	return o
}

func TestOrderService_BadTransitions(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	for _, tc := range []struct {
		name string
		from Status
		to   Status
		code string
	}{
		{"DraftSkipsToPicking", StatusDraft, StatusPicking, errs.EINVALID},
		{"ConfirmedSkipsToPacked", StatusConfirmed, StatusPacked, errs.EINVALID},
		{"ConfirmedSkipsToDelivered", StatusConfirmed, StatusDelivered, errs.EINVALID},
		{"PackedBackToPicking", StatusPacked, StatusPicking, errs.EINVALID},
		{"ShippedBackToPacked", StatusShipped, StatusPacked, errs.EINVALID},
		{"DeliveredToShipped", StatusDelivered, StatusShipped, errs.EINVALID},
		{"CancelledToPicking", StatusCancelled, StatusPicking, errs.EINVALID},
		{"UnknownStatus", StatusConfirmed, "lost", errs.EINVALID},
		{"AdvanceToConfirmed", StatusDraft, StatusConfirmed, errs.EINVALID},
		{"AdvanceToCancelled", StatusConfirmed, StatusCancelled, errs.EINVALID},
		{"ConfirmedToPicking", StatusConfirmed, StatusPicking, ""},
		{"PackedToShipped", StatusPacked, StatusShipped, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			o := e.walk(t, tc.from)
			events := len(o.Events)
			got, err := e.s.Advance(ctx, testActor, o.ID, tc.to, "")
			wantErr(t, err, tc.code, map[bool]string{true: "status", false: ""}[tc.code != ""])
			after, _ := e.s.FindOrderByID(ctx, o.ID)
			if err != nil && (after.Status != tc.from || len(after.Events) != events) {
				t.Fatalf("a refused transition changed the order: %+v", after)
			}
			if err == nil && (got.Status != tc.to || len(got.Events) != events+1) {
				t.Fatalf("order = %+v", got)
			}
		})
	}
	t.Run("CancelAfterShipping", func(t *testing.T) {
		o := e.walk(t, StatusShipped)
		_, err := e.s.Cancel(ctx, testActor, o.ID, "too late")
		wantErr(t, err, errs.EINVALID, "status")
	})
	t.Run("CancelTwice", func(t *testing.T) {
		o := e.walk(t, StatusCancelled)
		_, err := e.s.Cancel(ctx, testActor, o.ID, "")
		wantErr(t, err, errs.EINVALID, "status")
	})
	t.Run("ConfirmTwice", func(t *testing.T) {
		o := e.walk(t, StatusConfirmed)
		_, err := e.s.Confirm(ctx, testActor, o.ID, o.Version)
		wantErr(t, err, errs.EINVALID, "status")
	})
	t.Run("Messages", func(t *testing.T) {
		for _, c := range []struct {
			from, to Status
			msg      string
		}{
			{StatusConfirmed, StatusPacked, "A confirmed order cannot skip to packed; it goes to picking next."},
			{StatusPacked, StatusPicking, "A packed order cannot go back to picking."},
			{StatusShipped, StatusCancelled, "A shipped order can no longer be cancelled; make a return instead."},
		} {
			if got := errs.Message(checkTransition(c.from, c.to)); got != c.msg {
				t.Errorf("%s -> %s: %q, want %q", c.from, c.to, got, c.msg)
			}
		}
	})
}

func TestOrderService_DraftEditConflict(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	o := e.draft(t, LineInput{ProductID: e.bolt.ID, Quantity: 1})
	// Two workstations load the same draft.
	a, _ := e.s.FindOrderByID(ctx, o.ID)
	b, _ := e.s.FindOrderByID(ctx, o.ID)
	notesA, notesB := "deliver to the back door", "call first"
	saved, err := e.s.UpdateOrder(ctx, testActor, a.ID, a.Version, OrderUpdate{Notes: &notesA})
	if err != nil || saved.Notes != notesA || saved.Version != a.Version+1 {
		t.Fatalf("first save = %+v, %v", saved, err)
	}
	for name, call := range map[string]func() error{
		"UpdateOrder": func() error {
			_, err := e.s.UpdateOrder(ctx, testActor, b.ID, b.Version, OrderUpdate{Notes: &notesB})
			return err
		},
		"AddLine": func() error {
			_, err := e.s.AddLine(ctx, testActor, b.ID, b.Version, LineInput{ProductID: e.nut.ID, Quantity: 1})
			return err
		},
		"UpdateLine": func() error {
			q := int64(5)
			_, err := e.s.UpdateLine(ctx, testActor, b.Lines[0].ID, b.Version, LineUpdate{Quantity: &q})
			return err
		},
		"RemoveLine": func() error { _, err := e.s.RemoveLine(ctx, testActor, b.Lines[0].ID, b.Version); return err },
		"Confirm":    func() error { _, err := e.s.Confirm(ctx, testActor, b.ID, b.Version); return err },
		"DeleteDraft": func() error {
			return e.s.DeleteDraft(ctx, testActor, b.ID, b.Version)
		},
	} {
		t.Run(name, func(t *testing.T) {
			err := call()
			if !errors.Is(err, ErrChanged) || errs.Code(err) != errs.ECONFLICT || errs.Message(err) != "The order changed; reload it." {
				t.Fatalf("stale %s = %v, want ErrChanged", name, err)
			}
		})
	}
	got, _ := e.s.FindOrderByID(ctx, o.ID)
	if got.Notes != notesA || len(got.Lines) != 1 || got.Lines[0].Quantity != 1 || got.Status != StatusDraft {
		t.Fatalf("after stale saves: %+v", got)
	}
}

func TestOrderService_ConcurrentSaves(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	o := e.draft(t)
	var wg sync.WaitGroup
	results := make([]error, 8)
	for i := range results {
		wg.Add(1)
		go func() {
			defer wg.Done()
			n := int64(i * 100)
			_, results[i] = e.s.UpdateOrder(ctx, testActor, o.ID, o.Version, OrderUpdate{Shipping: &n})
		}()
	}
	wg.Wait()
	ok := 0
	for _, err := range results {
		if err == nil {
			ok++
		} else if !errors.Is(err, ErrChanged) {
			t.Fatalf("unexpected error: %v", err)
		}
	}
	if ok != 1 {
		t.Fatalf("%d saves of the same version succeeded, want 1", ok)
	}
}

func TestOrderService_Confirm(t *testing.T) {
	ctx := context.Background()
	t.Run("ReservesWhatIsAvailable", func(t *testing.T) {
		e := newEnv(t)
		o := e.draft(t, LineInput{ProductID: e.bolt.ID, Quantity: 4})
		o, err := e.s.Confirm(ctx, testActor, o.ID, o.Version)
		if err != nil || o.Lines[0].Reserved != 4 || o.Lines[0].Backordered != 0 {
			t.Fatalf("confirm = %+v, %v", o, err)
		}
		if _, res, avail := e.stockOf(t, e.bolt); res != 4 || avail != 6 {
			t.Fatalf("reserved %d, available %d", res, avail)
		}
	})
	t.Run("InsufficientStock", func(t *testing.T) {
		e := newEnv(t)
		first := e.draft(t, LineInput{ProductID: e.bolt.ID, Quantity: 4})
		if _, err := e.s.Confirm(ctx, testActor, first.ID, first.Version); err != nil {
			t.Fatal(err)
		}
		// 6 left: two lines of the same product share them.
		o := e.draft(t, LineInput{ProductID: e.bolt.ID, Quantity: 5}, LineInput{ProductID: e.bolt.ID, Quantity: 5},
			LineInput{ProductID: e.nut.ID, Quantity: 3})
		o, err := e.s.Confirm(ctx, testActor, o.ID, o.Version)
		if err != nil {
			t.Fatalf("confirming short stock failed: %v", err)
		}
		for i, want := range [][2]int64{{5, 0}, {1, 4}, {0, 3}} {
			if l := o.Lines[i]; l.Reserved != want[0] || l.Backordered != want[1] {
				t.Fatalf("line %d reserved %d backordered %d, want %v", i, l.Reserved, l.Backordered, want)
			}
		}
		if _, res, avail := e.stockOf(t, e.bolt); res != 10 || avail != 0 {
			t.Fatalf("reserved %d, available %d; want 10, 0", res, avail)
		}
		if n := e.count(t, `SELECT count(*) FROM order_lines WHERE backordered > 0`); n != 2 {
			t.Fatalf("backordered lines = %d, want 2", n)
		}
	})
	t.Run("NoLines", func(t *testing.T) {
		e := newEnv(t)
		o := e.draft(t)
		_, err := e.s.Confirm(ctx, testActor, o.ID, o.Version)
		wantErr(t, err, errs.EINVALID, "lines")
	})
	t.Run("NoWarehouse", func(t *testing.T) {
		e := newEnv(t)
		o, err := e.s.CreateOrder(ctx, testActor, OrderInput{Currency: "EUR"})
		if err != nil {
			t.Fatal(err)
		}
		o, _ = e.s.AddLine(ctx, testActor, o.ID, o.Version, LineInput{ProductID: e.bolt.ID, Quantity: 1})
		_, err = e.s.Confirm(ctx, testActor, o.ID, o.Version)
		wantErr(t, err, errs.EINVALID, "warehouseId")
	})
	t.Run("ArchivedSinceAdded", func(t *testing.T) {
		e := newEnv(t)
		o := e.draft(t, LineInput{ProductID: e.nut.ID, Quantity: 1})
		if _, err := e.cat.ArchiveProduct(ctx, testActor, e.nut.ID); err != nil {
			t.Fatal(err)
		}
		_, err := e.s.Confirm(ctx, testActor, o.ID, o.Version)
		wantErr(t, err, errs.ECONFLICT, "lines[0].productId")
		if got, _ := e.s.FindOrderByID(ctx, o.ID); got.Status != StatusDraft {
			t.Fatalf("status = %s", got.Status)
		}
	})
}

func TestOrderService_CancelReleases(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	for _, from := range []Status{StatusConfirmed, StatusPicking, StatusPacked} {
		t.Run(string(from), func(t *testing.T) {
			o := e.walk(t, from)
			if _, res, _ := e.stockOf(t, e.bolt); res != 1 {
				t.Fatalf("reserved before cancel = %d", res)
			}
			o, err := e.s.Cancel(ctx, testActor, o.ID, "customer changed their mind")
			if err != nil {
				t.Fatal(err)
			}
			if _, res, avail := e.stockOf(t, e.bolt); res != 0 || avail != 10 {
				t.Fatalf("after cancel: reserved %d, available %d", res, avail)
			}
			last := o.Events[len(o.Events)-1]
			if o.Status != StatusCancelled || o.Lines[0].Reserved != 0 || last.From != from || last.To != StatusCancelled || last.Note != "customer changed their mind" {
				t.Fatalf("cancelled = %+v, last event %+v", o, last)
			}
		})
	}
}

func TestOrderService_DraftOnly(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	o := e.walk(t, StatusPicking)
	q := int64(2)
	_, err := e.s.UpdateLine(ctx, testActor, o.Lines[0].ID, o.Version, LineUpdate{Quantity: &q})
	wantErr(t, err, errs.ECONFLICT, "status")
	_, err = e.s.AddLine(ctx, testActor, o.ID, o.Version, LineInput{ProductID: e.nut.ID, Quantity: 1})
	wantErr(t, err, errs.ECONFLICT, "status")
	_, err = e.s.RemoveLine(ctx, testActor, o.Lines[0].ID, o.Version)
	wantErr(t, err, errs.ECONFLICT, "status")
	_, err = e.s.AddScanned(ctx, testActor, o.ID, o.Version, ScanInput{Code: "BOLT"})
	wantErr(t, err, errs.ECONFLICT, "status")
	c := e.walk(t, StatusConfirmed)
	err = e.s.DeleteDraft(ctx, testActor, c.ID, c.Version)
	wantErr(t, err, errs.ECONFLICT, "status")

	d := e.draft(t, LineInput{ProductID: e.nut.ID, Quantity: 1})
	if err := e.s.DeleteDraft(ctx, testActor, d.ID, d.Version); err != nil {
		t.Fatal(err)
	}
	_, err = e.s.FindOrderByID(ctx, d.ID)
	wantErr(t, err, errs.ENOTFOUND, "")
	if n := e.count(t, `SELECT count(*) FROM order_lines WHERE order_id = ?`, d.ID); n != 0 {
		t.Fatalf("%d lines left", n)
	}
	if n := e.count(t, `SELECT count(*) FROM order_events WHERE order_id = ? AND to_status = 'deleted'`, d.ID); n != 1 {
		t.Fatal("the deletion is not in the history")
	}
}

func TestOrderService_EditDraft(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	o := e.draft(t, LineInput{ProductID: e.bolt.ID, Quantity: 1}, LineInput{ProductID: e.nut.ID, Quantity: 1})
	q, d := int64(2), int64(1000)
	o, err := e.s.UpdateLine(ctx, testActor, o.Lines[0].ID, o.Version, LineUpdate{Quantity: &q, DiscountBps: &d})
	if err != nil {
		t.Fatal(err)
	}
	// 2 x 11.90 = 23.80 less 10 % = 21.42 gross, tax 21.42 x 19/119 = 3.42; plus 0.50.
	if l := o.Lines[0]; l.Quantity != 2 || l.Discount != 238 || l.Gross != 2142 || l.Tax != 342 || o.Total != 2192 {
		t.Fatalf("after update line: %+v, total %d", l, o.Total)
	}
	ship, od := int64(495), int64(500)
	if o, err = e.s.UpdateOrder(ctx, testActor, o.ID, o.Version, OrderUpdate{Shipping: &ship, DiscountBps: &od}); err != nil {
		t.Fatal(err)
	}
	// 21.42 less 5 % (1.071 -> 1.07) = 20.35; 0.50 less 5 % (0.025 -> 0.03) = 0.47; + 4.95.
	if o.Total != 2035+47+495 || o.Shipping != 495 {
		t.Fatalf("total = %d", o.Total)
	}
	if o, err = e.s.RemoveLine(ctx, testActor, o.Lines[1].ID, o.Version); err != nil {
		t.Fatal(err)
	}
	if len(o.Lines) != 1 || o.Total != 2035+495 {
		t.Fatalf("after remove: %d lines, total %d", len(o.Lines), o.Total)
	}
	if o, err = e.s.AddLine(ctx, testActor, o.ID, o.Version, LineInput{ProductID: e.nut.ID, Quantity: 1}); err != nil || o.Lines[1].LineNo != 2 {
		t.Fatalf("a new line does not follow the highest line number: %+v, %v", o.Lines[1], err)
	}
}

func TestOrderService_BadInput(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	o := e.draft(t, LineInput{ProductID: e.bolt.ID, Quantity: 1})
	big, neg, bad := int64(10001), int64(-1), Channel("fax")
	zero := int64(0)
	for _, tc := range []struct {
		name        string
		call        func() error
		code, field string
	}{
		{"ZeroQuantity", func() error {
			_, err := e.s.AddLine(ctx, testActor, o.ID, o.Version, LineInput{ProductID: e.bolt.ID})
			return err
		}, errs.EINVALID, "quantity"},
		{"NegativeQuantity", func() error {
			_, err := e.s.AddLine(ctx, testActor, o.ID, o.Version, LineInput{ProductID: e.bolt.ID, Quantity: -3})
			return err
		}, errs.EINVALID, "quantity"},
		{"LineDiscountOver100", func() error {
			_, err := e.s.AddLine(ctx, testActor, o.ID, o.Version, LineInput{ProductID: e.bolt.ID, Quantity: 1, DiscountBps: 10001})
			return err
		}, errs.EINVALID, "discountBps"},
		{"UpdateLineToZero", func() error {
			_, err := e.s.UpdateLine(ctx, testActor, o.Lines[0].ID, o.Version, LineUpdate{Quantity: &zero})
			return err
		}, errs.EINVALID, "quantity"},
		{"OrderDiscountOver100", func() error {
			_, err := e.s.UpdateOrder(ctx, testActor, o.ID, o.Version, OrderUpdate{DiscountBps: &big})
			return err
		}, errs.EINVALID, "discountBps"},
		{"NegativeShipping", func() error {
			_, err := e.s.UpdateOrder(ctx, testActor, o.ID, o.Version, OrderUpdate{Shipping: &neg})
			return err
		}, errs.EINVALID, "shipping"},
		{"BadChannel", func() error {
			_, err := e.s.UpdateOrder(ctx, testActor, o.ID, o.Version, OrderUpdate{Channel: &bad})
			return err
		}, errs.EINVALID, "channel"},
		{"ArchivedProduct", func() error {
			_, err := e.s.AddLine(ctx, testActor, o.ID, o.Version, LineInput{ProductID: e.archived.ID, Quantity: 1})
			if !errors.Is(err, catalog.ErrArchived) {
				t.Errorf("err = %v, want catalog.ErrArchived", err)
			}
			return err
		}, errs.ECONFLICT, "productId"},
		{"UnknownProduct", func() error {
			_, err := e.s.AddLine(ctx, testActor, o.ID, o.Version, LineInput{ProductID: "nope", Quantity: 1})
			return err
		}, errs.ENOTFOUND, "productId"},
		{"UnknownLine", func() error { _, err := e.s.RemoveLine(ctx, testActor, "nope", o.Version); return err }, errs.ENOTFOUND, "lineId"},
		{"UnknownOrder", func() error { _, err := e.s.Confirm(ctx, testActor, "nope", 1); return err }, errs.ENOTFOUND, ""},
		{"UnknownCustomer", func() error {
			_, err := e.s.CreateOrder(ctx, testActor, OrderInput{CustomerID: "nope", Currency: "EUR"})
			return err
		}, errs.ENOTFOUND, "customerId"},
		{"UnknownWarehouse", func() error {
			_, err := e.s.CreateOrder(ctx, testActor, OrderInput{WarehouseID: "nope", Currency: "EUR"})
			return err
		}, errs.ENOTFOUND, "warehouseId"},
		{"NoCurrency", func() error { _, err := e.s.CreateOrder(ctx, testActor, OrderInput{}); return err }, errs.EINVALID, "currency"},
		{"BadCreateChannel", func() error {
			_, err := e.s.CreateOrder(ctx, testActor, OrderInput{Channel: "fax", Currency: "EUR"})
			return err
		}, errs.EINVALID, "channel"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			before := e.count(t, `SELECT count(*) FROM outbox`)
			wantErr(t, tc.call(), tc.code, tc.field)
			if after := e.count(t, `SELECT count(*) FROM outbox`); after != before {
				t.Fatal("a refused call wrote")
			}
		})
	}
	got, _ := e.s.FindOrderByID(ctx, o.ID)
	if got.Version != o.Version || len(got.Lines) != 1 {
		t.Fatalf("refused calls changed the order: %+v", got)
	}
}

func TestOrderService_Customer(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	if _, err := e.cat.CreatePriceList(ctx, testActor, catalog.PriceListInput{Name: "Trade", CustomerGroup: "trade", DiscountBps: 2000}); err != nil {
		t.Fatal(err)
	}
	c, err := e.customers.CreateCustomer(ctx, testActor, customer.CustomerInput{Name: "Ada", CustomerGroup: "trade",
		Addresses: []customer.AddressInput{
			{Kind: "billing", Default: true, Name: "Ada", Line1: "1 Main St", PostalCode: "10115", City: "Berlin", Country: "DE"},
			{Kind: "shipping", Default: true, Name: "Ada", Line1: "2 Dock Rd", PostalCode: "20457", City: "Hamburg", Country: "DE"},
		}})
	if err != nil {
		t.Fatal(err)
	}
	// Scanned first, the customer chosen after: the line is re-priced.
	o := e.draft(t, LineInput{ProductID: e.bolt.ID, Quantity: 1})
	if o.Lines[0].UnitPrice != 1190 {
		t.Fatalf("walk-in price = %d", o.Lines[0].UnitPrice)
	}
	o, err = e.s.UpdateOrder(ctx, testActor, o.ID, o.Version, OrderUpdate{CustomerID: &c.ID})
	if err != nil {
		t.Fatal(err)
	}
	if o.CustomerID != c.ID || o.CustomerGroup != "trade" || o.Lines[0].UnitPrice != 952 || o.Total != 952 ||
		o.BillingAddress.City != "Berlin" || o.ShippingAddress.City != "Hamburg" {
		t.Fatalf("with customer: %+v, line %+v", o, o.Lines[0])
	}
	// The snapshot does not follow later edits of the customer's addresses.
	if _, err := e.customers.UpdateAddress(ctx, testActor, c.Addresses[0].ID, customer.AddressInput{Kind: "billing", Default: true,
		Name: "Ada", Line1: "9 New St", PostalCode: "80331", City: "Munich", Country: "DE"}); err != nil {
		t.Fatal(err)
	}
	if got, _ := e.s.FindOrderByID(ctx, o.ID); got.BillingAddress.City != "Berlin" {
		t.Fatalf("billing snapshot changed: %+v", got.BillingAddress)
	}
	walkIn := ""
	if o, err = e.s.UpdateOrder(ctx, testActor, o.ID, o.Version, OrderUpdate{CustomerID: &walkIn}); err != nil {
		t.Fatal(err)
	}
	if o.CustomerID != "" || o.Lines[0].UnitPrice != 1190 || o.BillingAddress != (Address{}) {
		t.Fatalf("back to walk-in: %+v", o)
	}
}

func TestOrderService_Numbers(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	var prev string
	for i := 1; i <= 3; i++ {
		o := e.draft(t)
		if want := "LOCAL-00000" + string(rune('0'+i)); o.Number != want {
			t.Fatalf("number %d = %q, want %q", i, o.Number, want)
		}
		if o.Number <= prev {
			t.Fatalf("%q does not follow %q", o.Number, prev)
		}
		prev = o.Number
	}
	// A deleted draft's number is not given again.
	d := e.draft(t)
	if err := e.s.DeleteDraft(ctx, testActor, d.ID, d.Version); err != nil {
		t.Fatal(err)
	}
	if o := e.draft(t); o.Number != "LOCAL-000005" {
		t.Fatalf("after a deleted draft: %q", o.Number)
	}
	// An enrolled station counts its own series from 1.
	err := e.db.Update(ctx, testActor, func(tx *store.Tx) error {
		for _, want := range []string{"S07-000001", "S07-000002"} {
			n, err := nextNumber(tx, "order", seriesPrefix(" s07 "))
			if err != nil {
				return err
			}
			if n != want {
				t.Errorf("station number = %q, want %q", n, want)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	// A rolled-back transaction gives its number back.
	tx, err := e.db.BeginTx(ctx, testActor)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := nextNumber(tx, "order", "LOCAL"); err != nil {
		t.Fatal(err)
	}
	tx.Rollback()
	if o := e.draft(t); o.Number != "LOCAL-000006" {
		t.Fatalf("after a rollback: %q", o.Number)
	}
}

func TestOrderService_FindOrders(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	a := e.walk(t, StatusConfirmed)
	e.tick()
	b := e.draft(t)
	e.tick()
	phone := ChannelPhone
	c := e.draft(t)
	if _, err := e.s.UpdateOrder(ctx, testActor, c.ID, c.Version, OrderUpdate{Channel: &phone}); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name  string
		f     OrderFilter
		want  []string
		total int
	}{
		{"All", OrderFilter{}, []string{c.ID, b.ID, a.ID}, 3},
		{"Status", OrderFilter{Status: StatusDraft}, []string{c.ID, b.ID}, 2},
		{"Channel", OrderFilter{Channel: ChannelPhone}, []string{c.ID}, 1},
		{"From", OrderFilter{From: b.CreatedAt}, []string{c.ID, b.ID}, 2},
		{"To", OrderFilter{To: b.CreatedAt}, []string{a.ID}, 1},
		{"Number", OrderFilter{Query: "000002"}, []string{b.ID}, 1},
		{"NumberLikeIsLiteral", OrderFilter{Query: "%"}, nil, 0},
		{"Customer", OrderFilter{CustomerID: "nobody"}, nil, 0},
		{"Page", OrderFilter{Limit: 1, Offset: 1}, []string{b.ID}, 3},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, total, err := e.s.FindOrders(ctx, tc.f)
			if err != nil {
				t.Fatal(err)
			}
			var ids []string
			for _, o := range got {
				ids = append(ids, o.ID)
			}
			if total != tc.total || len(ids) != len(tc.want) {
				t.Fatalf("got %v (total %d), want %v (total %d)", ids, total, tc.want, tc.total)
			}
			for i := range ids {
				if ids[i] != tc.want[i] {
					t.Fatalf("got %v, want %v", ids, tc.want)
				}
			}
		})
	}
}

func TestOrderService_EveryWriteIsCaptured(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	outbox := func() int { return e.count(t, `SELECT count(*) FROM outbox`) }
	audit := func(entity string) int { return e.count(t, `SELECT count(*) FROM audit_log WHERE entity = ?`, entity) }
	before := outbox()
	o := e.draft(t)
	step := func(name string, fn func() error) {
		t.Helper()
		n := outbox()
		if err := fn(); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if outbox() <= n {
			t.Fatalf("%s wrote nothing to the outbox", name)
		}
	}
	if outbox() <= before {
		t.Fatal("CreateOrder wrote nothing to the outbox")
	}
	var err error
	step("AddLine", func() error {
		o, err = e.s.AddLine(ctx, testActor, o.ID, o.Version, LineInput{ProductID: e.bolt.ID, Quantity: 2})
		return err
	})
	step("UpdateLine", func() error {
		q := int64(3)
		o, err = e.s.UpdateLine(ctx, testActor, o.Lines[0].ID, o.Version, LineUpdate{Quantity: &q})
		return err
	})
	step("Confirm", func() error { o, err = e.s.Confirm(ctx, testActor, o.ID, o.Version); return err })
	step("Advance", func() error { o, err = e.s.Advance(ctx, testActor, o.ID, StatusPicking, ""); return err })
	step("Cancel", func() error { o, err = e.s.Cancel(ctx, testActor, o.ID, ""); return err })
	for _, entity := range []string{"orders", "order_lines", "order_events", "order_number_series"} {
		if audit(entity) == 0 {
			t.Errorf("no audit rows for %s", entity)
		}
	}
	if n := e.count(t, `SELECT count(*) FROM outbox WHERE entity = 'order_number_series'`); n != 0 {
		t.Errorf("the local number series reached the outbox %d times", n)
	}
	if n := e.count(t, `SELECT count(*) FROM outbox WHERE entity = 'order_events' AND entity_id IN (SELECT id FROM order_events WHERE order_id = ?)`, o.ID); n != 4 {
		t.Errorf("order events in the outbox = %d, want 4", n)
	}
	if n := e.count(t, `SELECT count(*) FROM audit_log WHERE entity = 'orders' AND entity_id = ? AND user_name = 'tester'`, o.ID); n < 5 {
		t.Errorf("order audit rows = %d", n)
	}
	tables, err := e.db.UncapturedTables(ctx)
	if err != nil || len(tables) != 0 {
		t.Fatalf("uncaptured tables: %v, %v", tables, err)
	}
	// The ledger of events is insert-only.
	err = e.db.Update(ctx, testActor, func(tx *store.Tx) error {
		_, err := tx.ExecContext(ctx, `DELETE FROM order_events WHERE order_id = ?`, o.ID)
		return err
	})
	if err == nil {
		t.Fatal("deleting order events was allowed")
	}
}

func TestOrderService_PricesExcludingTax(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	gross := e.draft(t, LineInput{ProductID: e.bolt.ID, Quantity: 1})
	if _, err := e.cat.SetPricesIncludeTax(ctx, testActor, false); err != nil {
		t.Fatal(err)
	}
	net := e.draft(t, LineInput{ProductID: e.bolt.ID, Quantity: 1})
	// 11.90 net + 19 % (2.261 -> 2.26) = 14.16.
	if net.PricesIncludeTax || net.NetTotal != 1190 || net.TaxTotal != 226 || net.Total != 1416 {
		t.Fatalf("net-priced order = %+v", net)
	}
	// An order keeps the setting it was created with.
	q := int64(2)
	gross, err := e.s.UpdateLine(ctx, testActor, gross.Lines[0].ID, gross.Version, LineUpdate{Quantity: &q})
	if err != nil {
		t.Fatal(err)
	}
	if !gross.PricesIncludeTax || gross.Total != 2380 || gross.TaxTotal != 380 {
		t.Fatalf("gross-priced order = %+v", gross)
	}
}
