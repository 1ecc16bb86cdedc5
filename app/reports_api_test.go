package app

import (
	"bytes"
	"context"
	"encoding/base64"
	"sync"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"oms/internal/catalog"
	"oms/internal/errs"
	"oms/internal/order"
	"oms/internal/stock"
	"oms/internal/store"
)

// eventLog records events with their payloads.
type eventLog struct {
	mu     sync.Mutex
	events []struct {
		name string
		data any
	}
}

func (l *eventLog) Emit(name string, data any) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.events = append(l.events, struct {
		name string
		data any
	}{name, data})
}

// done waits for the reports:done event of run id.
func (l *eventLog) done(t *testing.T, id string) ReportDone {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for time.Now().Before(deadline) {
		l.mu.Lock()
		for _, e := range l.events {
			if d, ok := e.data.(ReportDone); ok && e.name == EventReportDone && d.ID == id {
				l.mu.Unlock()
				return d
			}
		}
		l.mu.Unlock()
		time.Sleep(10 * time.Millisecond)
	}
	t.Fatalf("no %s event for %s", EventReportDone, id)
	return ReportDone{}
}

func TestReportsAPI(t *testing.T) {
	a, _ := newAdminApp(t)
	log := &eventLog{}
	a.SetEmitter(log)
	ctx, actor := context.Background(), store.Actor{UserName: "admin"}
	w, err := a.svc.Stock.CreateWarehouse(ctx, actor, stock.WarehouseInput{Code: "MAIN", Name: "Main"})
	if err != nil {
		t.Fatal(err)
	}
	p, err := a.svc.Catalog.CreateProduct(ctx, actor, catalog.ProductInput{SKU: "W-1", Name: "=Widget", Price: 1000})
	if err != nil {
		t.Fatal(err)
	}
	o, err := a.svc.Orders.CreateOrder(ctx, actor, order.OrderInput{WarehouseID: w.ID, Channel: order.ChannelCounter})
	if err != nil {
		t.Fatal(err)
	}
	if o, err = a.svc.Orders.AddLine(ctx, actor, o.ID, o.Version, order.LineInput{ProductID: p.ID, Quantity: 2}); err != nil {
		t.Fatal(err)
	}
	if o, err = a.svc.Orders.Confirm(ctx, actor, o.ID, o.Version); err != nil {
		t.Fatal(err)
	}
	list, err := a.Reports.Reports()
	if err != nil || len(list) != 8 || list[0].Name != "sales" || len(list[0].Filters) != 3 {
		t.Fatalf("reports %+v, %v", list, err)
	}
	today := time.Now().UTC().Format(time.DateOnly)
	day := ReportQuery{From: today, To: today}

	for _, tc := range []struct {
		name, report string
		q            ReportQuery
		code, field  string
	}{
		{"UnknownReport", "profits", day, errs.EINVALID, "name"},
		{"NoFrom", "sales", ReportQuery{To: today}, errs.EINVALID, "from"},
		{"BadTo", "sales", ReportQuery{From: today, To: "tomorrow"}, errs.EINVALID, "to"},
		{"Reversed", "sales", ReportQuery{From: "2026-03-02", To: "2026-03-01"}, errs.EINVALID, "to"},
		{"FilterItDoesNotTake", "customers", ReportQuery{From: today, To: today, Product: "X"}, errs.EINVALID, "product"},
		{"UnknownWarehouse", "inventory", ReportQuery{From: today, To: today, Warehouse: "NOWHERE"}, errs.ENOTFOUND, "warehouse"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := a.Reports.Start(tc.report, tc.q); errs.Code(err) != tc.code || errs.Field(err) != tc.field {
				t.Fatalf("err %v, want %s on %s", err, tc.code, tc.field)
			}
		})
	}

	id, err := a.Reports.Start("orders", day)
	if err != nil {
		t.Fatal(err)
	}
	d := log.done(t, id)
	if d.Error != "" || d.FileName != "orders-"+today+"-to-"+today+".xlsx" || d.Rows != 1 {
		t.Fatalf("done %+v", d)
	}
	file, err := a.Reports.Data(id)
	if err != nil {
		t.Fatal(err)
	}
	data, err := base64.StdEncoding.DecodeString(file.Base64)
	if err != nil || file.FileName != d.FileName {
		t.Fatalf("data %q: %v", file.FileName, err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	rows, _ := f.GetRows("Orders")
	f.Close()
	if len(rows) != 3 || rows[1][0] != o.Number || rows[1][7] != "=Widget" || rows[2][0] != "Total" {
		t.Fatalf("rows %q", rows)
	}
	// No dialog and no viewer outside the desktop window.
	if _, err := a.Reports.Save(id); errs.Code(err) != errs.ECONFLICT {
		t.Errorf("save outside the window: %v", err)
	}
	if err := a.Reports.Open(id); errs.Code(err) != errs.ECONFLICT {
		t.Errorf("open outside the window: %v", err)
	}
	for _, call := range []func(string) error{
		a.Reports.Cancel,
		func(id string) error { _, err := a.Reports.Data(id); return err },
		func(id string) error { _, err := a.Reports.Save(id); return err },
		a.Reports.Open,
	} {
		if err := call("no-such-run"); errs.Code(err) != errs.ENOTFOUND || errs.Field(err) != "id" {
			t.Errorf("unknown run: %v", err)
		}
	}

	// A cancelled run ends as cancelled (or, when it was quicker, written)
	// and a cancelled one has nothing to download.
	id, err = a.Reports.Start("sales", ReportQuery{From: "1990-01-01", To: "2089-12-31"})
	if err != nil {
		t.Fatal(err)
	}
	if err := a.Reports.Cancel(id); err != nil {
		t.Fatal(err)
	}
	d = log.done(t, id)
	if d.Error == "cancelled" {
		if _, err := a.Reports.Data(id); errs.Code(err) != errs.ECONFLICT {
			t.Errorf("data of a cancelled run: %v", err)
		}
	} else if d.Error != "" {
		t.Errorf("cancelled run ended with %q", d.Error)
	}
	// Progress events came with the run's id.
	log.mu.Lock()
	for _, e := range log.events {
		if p, ok := e.data.(ReportProgress); ok && (e.name != EventReportProgress || p.ID == "" || p.Done > p.Total) {
			t.Errorf("progress event %s %+v", e.name, p)
		}
	}
	log.mu.Unlock()
}
