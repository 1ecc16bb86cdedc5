package app

import (
	"context"
	"io"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"oms/internal/catalog"
	"oms/internal/errs"
	"oms/internal/order"
	"oms/internal/printing"
	"oms/internal/shipping"
	"oms/internal/stock"
	"oms/internal/store"
)

// batchEnv is three orders of three products shipped by two carriers:
//
//	s1: order 1, Zed Post, a bolt from bin B-07, one package
//	s2: order 2, Alpha Freight, a nut from bin A-02, one package
//	s3: order 3, Zed Post, a washer from bin A-03, two packages
//
// so by order number they go s1 s2 s3, by carrier s2 s1 s3, by bin s2 s3 s1.
type batchEnv struct {
	a          *App
	orders     [3]*order.Order
	s1, s2, s3 ShipmentView
}

func newBatchEnv(t *testing.T) *batchEnv {
	t.Helper()
	a, _ := newAdminApp(t)
	ctx, actor := context.Background(), store.Actor{UserName: "admin"}
	svc := a.svc
	check := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	wh, err := svc.Stock.CreateWarehouse(ctx, actor, stock.WarehouseInput{Code: "MAIN", Name: "Main"})
	check(err)
	var products [3]*catalog.Product
	for i, p := range []struct{ sku, bin string }{{"BOLT", "B-07"}, {"NUT", "A-02"}, {"WASHER", "A-03"}} {
		bin, err := svc.Stock.CreateBin(ctx, actor, wh.ID, p.bin)
		check(err)
		products[i], err = svc.Catalog.CreateProduct(ctx, actor, catalog.ProductInput{SKU: p.sku, Name: p.sku + " M8", Price: 100, WeightG: 100})
		check(err)
		_, err = svc.Stock.PostMovement(ctx, actor, stock.MovementInput{Kind: stock.KindReceipt, ProductID: products[i].ID,
			WarehouseID: wh.ID, BinID: bin.ID, Quantity: 10})
		check(err)
	}
	carrier := func(name string) (string, string) {
		c, err := svc.Shipping.CreateCarrier(ctx, actor, shipping.CarrierInput{Name: name})
		check(err)
		s, err := svc.Shipping.CreateService(ctx, actor, c.ID, shipping.ServiceInput{Code: "STD", Name: "Standard"})
		check(err)
		z, err := svc.Shipping.CreateZone(ctx, actor, c.ID, shipping.ZoneInput{Name: "Domestic", Countries: []string{"DE"}})
		check(err)
		_, err = svc.Shipping.SetRates(ctx, actor, s.ID, z.ID, []shipping.RateBand{{MaxWeightG: 5000, Price: 490}})
		check(err)
		return c.ID, s.ID
	}
	zed, zedStd := carrier("Zed Post")
	alpha, alphaStd := carrier("Alpha Freight")
	e := &batchEnv{a: a}
	ship := func(i int, carrierID, serviceID, tracking string, packages int) ShipmentView {
		o, err := svc.Orders.CreateOrder(ctx, actor, order.OrderInput{Channel: order.ChannelWeb, WarehouseID: wh.ID,
			ShippingAddress: &order.Address{Name: "Customer " + strconv.Itoa(i+1), Line1: "Lindenstraße 5", PostalCode: "10969",
				City: "Berlin", Country: "DE"}})
		check(err)
		o, err = svc.Orders.AddLine(ctx, actor, o.ID, o.Version, order.LineInput{ProductID: products[i].ID, Quantity: 1})
		check(err)
		o, err = svc.Orders.Confirm(ctx, actor, o.ID, o.Version)
		check(err)
		e.orders[i] = o
		req := ShipmentRequest{OrderID: o.ID, CarrierID: carrierID, ServiceID: serviceID, TrackingNumber: tracking,
			Lines: []ShipQuantityIn{{LineID: o.Lines[0].ID, Quantity: 1}}}
		for range packages {
			req.Packages = append(req.Packages, PackageInputDTO{WeightG: 500})
		}
		sh, err := a.Shipments.CreateShipment(req)
		check(err)
		return sh
	}
	e.s1 = ship(0, zed, zedStd, "ZED0001", 1)
	e.s2 = ship(1, alpha, alphaStd, "ALPHA0002", 1)
	e.s3 = ship(2, zed, zedStd, "ZED0003", 2)
	return e
}

// pdfPages is the page count pdfinfo reads from a PDF file.
func pdfPages(t *testing.T, path string) int {
	t.Helper()
	out, err := exec.Command(lookTool(t, "pdfinfo", "poppler-utils"), path).CombinedOutput()
	if err != nil {
		t.Fatalf("pdfinfo: %v: %s", err, out)
	}
	m := regexp.MustCompile(`(?m)^Pages:\s+(\d+)`).FindStringSubmatch(string(out))
	if m == nil {
		t.Fatalf("pdfinfo gave no page count:\n%s", out)
	}
	n, _ := strconv.Atoi(m[1])
	return n
}

// numbersInOrder returns the shipment numbers as they first appear in
// text, those it lacks last.
func numbersInOrder(text string, numbers ...string) []string {
	pos := map[string]int{}
	for _, n := range numbers {
		if pos[n] = strings.Index(text, n); pos[n] < 0 {
			pos[n] = len(text)
		}
	}
	out := append([]string(nil), numbers...)
	for i := range out {
		for j := i + 1; j < len(out); j++ {
			if pos[out[j]] < pos[out[i]] {
				out[i], out[j] = out[j], out[i]
			}
		}
	}
	return out
}

func TestShipmentsAPI_BatchDocuments(t *testing.T) {
	e := newBatchEnv(t)
	s1, s2, s3 := e.s1.Number, e.s2.Number, e.s3.Number
	ids := []string{e.s3.ID, e.s1.ID, e.s2.ID} // as ticked in the list
	dir := t.TempDir()
	tests := []struct {
		name   string
		kind   string
		sortBy string
		pages  int
		want   []string
	}{
		{"LabelsAsGiven", "label", "", 4, []string{s3, s1, s2}},
		{"LabelsByNumber", "label", "number", 4, []string{s1, s2, s3}},
		{"LabelsByCarrier", "label", "carrier", 4, []string{s2, s1, s3}},
		{"LabelsByBin", "label", "bin", 4, []string{s2, s3, s1}},
		{"SlipsByNumber", "packing-slip", "number", 3, []string{s1, s2, s3}},
		{"SlipsByCarrier", "packing-slip", "carrier", 3, []string{s2, s1, s3}},
		{"SlipsByBin", "packing-slip", "bin", 3, []string{s2, s3, s1}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f, err := e.a.Shipments.BatchData(tc.kind, ids, tc.sortBy)
			if err != nil {
				t.Fatal(err)
			}
			wantName := map[string]string{"label": "labels-3-shipments.pdf", "packing-slip": "packing-slips-3-shipments.pdf"}[tc.kind]
			if f.FileName != wantName || f.MimeType != "application/pdf" {
				t.Fatalf("file = %s %s", f.FileName, f.MimeType)
			}
			f.FileName = tc.name + ".pdf"
			path := pdfOf(t, f, dir)
			if n := pdfPages(t, path); n != tc.pages {
				t.Fatalf("pages = %d, want %d", n, tc.pages)
			}
			text := pdfTextOf(t, path)
			if got := numbersInOrder(text, s1, s2, s3); strings.Join(got, " ") != strings.Join(tc.want, " ") {
				t.Fatalf("order = %v, want %v", got, tc.want)
			}
			if tc.kind == "label" {
				// Each page is one package: the two of s3 follow each other.
				var got, want []string
				for _, p := range strings.Split(text, "\f")[:tc.pages] {
					got = append(got, numbersInOrder(p, s1, s2, s3)[0])
				}
				for _, n := range tc.want {
					want = append(want, n)
					if n == s3 {
						want = append(want, n)
					}
				}
				if strings.Join(got, " ") != strings.Join(want, " ") {
					t.Errorf("pages = %v, want %v", got, want)
				}
				if strings.Count(text, "1 of 2") != 1 || strings.Count(text, "2 of 2") != 1 {
					t.Errorf("s3's packages are not n of 2:\n%s", text)
				}
			}
		})
	}

	refusals := []struct {
		name   string
		kind   string
		ids    []string
		sortBy string
		code   string
		field  string
	}{
		{"Invoice", "invoice", ids, "", errs.EINVALID, "kind"},
		{"SortByWeight", "label", ids, "weight", errs.EINVALID, "sortBy"},
		{"NoShipments", "label", nil, "", errs.EINVALID, "ids"},
		{"TooMany", "packing-slip", make([]string, shipping.MaxBatch+1), "", errs.EINVALID, "ids"},
		{"Unknown", "label", []string{e.s1.ID, "nope"}, "number", errs.ENOTFOUND, "ids[1]"},
	}
	for _, tc := range refusals {
		t.Run(tc.name, func(t *testing.T) {
			_, err := e.a.Shipments.BatchData(tc.kind, tc.ids, tc.sortBy)
			if errs.Code(err) != tc.code || errs.Field(err) != tc.field {
				t.Fatalf("BatchData: %v, want %s on %q", err, tc.code, tc.field)
			}
			_, err = e.a.Shipments.PrintBatch(tc.kind, tc.ids, tc.sortBy)
			if errs.Code(err) != tc.code || errs.Field(err) != tc.field {
				t.Fatalf("PrintBatch: %v, want %s on %q", err, tc.code, tc.field)
			}
		})
	}

	t.Run("SaveWithoutDialog", func(t *testing.T) {
		if _, err := e.a.Shipments.SaveBatch("label", ids, ""); errs.Code(err) != errs.ECONFLICT {
			t.Fatalf("save without a frontend: %v", err)
		}
	})

	t.Run("Print", func(t *testing.T) {
		// No printers yet: the refusal sends the user to Settings.
		if _, err := e.a.Shipments.PrintBatch("label", ids, "number"); errs.Code(err) == "" || !strings.Contains(errs.Message(err), "Settings") {
			t.Fatalf("print without a printer: %v", err)
		}
		// Labels to a thermal printer: one ZPL format per package, by carrier.
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		defer ln.Close()
		got := make(chan string, 1)
		go func() {
			conn, err := ln.Accept()
			if err != nil {
				got <- ""
				return
			}
			defer conn.Close()
			b, _ := io.ReadAll(conn)
			got <- string(b)
		}()
		if _, err := e.a.Printers.SetPrinter(PrinterInput{Document: printing.DocLabel, Kind: "zpl", Target: ln.Addr().String()}); err != nil {
			t.Fatal(err)
		}
		if _, err := e.a.Shipments.PrintBatch("label", ids, "carrier"); err != nil {
			t.Fatal(err)
		}
		zpl := <-got
		if strings.Count(zpl, "^XA") != 4 {
			t.Fatalf("ZPL formats = %d, want 4:\n%s", strings.Count(zpl, "^XA"), zpl)
		}
		if a, z1, z3 := strings.Index(zpl, "ALPHA0002"), strings.Index(zpl, "ZED0001"), strings.Index(zpl, "ZED0003"); a < 0 || !(a < z1 && z1 < z3) {
			t.Fatalf("ZPL not by carrier: %d %d %d", a, z1, z3)
		}
		// Packing slips to a folder: one PDF with a page per shipment.
		folder := t.TempDir()
		if _, err := e.a.Printers.SetPrinter(PrinterInput{Document: printing.DocPackingSlip, Kind: "folder", Target: folder}); err != nil {
			t.Fatal(err)
		}
		msg, err := e.a.Shipments.PrintBatch("packing-slip", ids, "bin")
		if err != nil || msg == "" {
			t.Fatalf("print slips: %q, %v", msg, err)
		}
		files, _ := filepath.Glob(filepath.Join(folder, "*.pdf"))
		if len(files) != 1 || !strings.Contains(filepath.Base(files[0]), "packing-slips-3-shipments") {
			t.Fatalf("folder holds %v", files)
		}
		if n := pdfPages(t, files[0]); n != 3 {
			t.Fatalf("printed slips = %d pages", n)
		}
		if got := numbersInOrder(pdfTextOf(t, files[0]), s1, s2, s3); strings.Join(got, " ") != strings.Join([]string{s2, s3, s1}, " ") {
			t.Fatalf("printed slips order = %v", got)
		}
		_ = os.Remove(files[0])
	})
}

func TestShipmentsAPI_UpdateStatuses(t *testing.T) {
	e := newBatchEnv(t)
	// The driver collects two parcels.
	got, err := e.a.Shipments.UpdateStatuses([]string{e.s1.ID, e.s2.ID}, "in_transit", "collected by Zed's driver")
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0].ID != e.s1.ID || got[0].Status != "in_transit" || got[1].Status != "in_transit" ||
		got[1].Events[len(got[1].Events)-1].Note != "collected by Zed's driver" {
		t.Fatalf("after = %+v", got)
	}
	if v, _ := e.a.Orders.Order(e.orders[0].ID); v.Status != "shipped" {
		t.Fatalf("order 1 = %s, want shipped", v.Status)
	}
	// All or nothing: s3 could go, s2 cannot go in transit again.
	_, err = e.a.Shipments.UpdateStatuses([]string{e.s3.ID, e.s2.ID}, "in_transit", "")
	if errs.Code(err) != errs.EINVALID || errs.Field(err) != "ids[1]" || !strings.Contains(errs.Message(err), e.s2.Number) {
		t.Fatalf("refusal = %v", err)
	}
	if v, _ := e.a.Shipments.Shipment(e.s3.ID); v.Status != "label_created" {
		t.Fatalf("s3 moved to %s", v.Status)
	}
	for _, tc := range []struct {
		name         string
		ids          []string
		status, note string
		field        string
	}{
		{"None", nil, "in_transit", "", "ids"},
		{"NotAStatus", []string{e.s3.ID}, "lost", "", "status"},
		{"NoteTooLong", []string{e.s3.ID}, "in_transit", strings.Repeat("n", shipping.MaxNoteLen+1), "note"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := e.a.Shipments.UpdateStatuses(tc.ids, tc.status, tc.note); errs.Code(err) != errs.EINVALID || errs.Field(err) != tc.field {
				t.Fatalf("err = %v, want EINVALID on %q", err, tc.field)
			}
		})
	}
	// Delivered: the list filtered by status and carrier shows it.
	if _, err := e.a.Shipments.UpdateStatuses([]string{e.s1.ID}, "delivered", ""); err != nil {
		t.Fatal(err)
	}
	page, err := e.a.Shipments.Shipments(ShipmentQuery{Status: "delivered", CarrierID: e.s1.CarrierID})
	if err != nil || page.Total != 1 || page.Items[0].ID != e.s1.ID || page.Items[0].OrderNumber != e.orders[0].Number {
		t.Fatalf("delivered by Zed = %+v, %v", page, err)
	}
}

func TestShipmentsAPI_ShipmentsQuery(t *testing.T) {
	e := newBatchEnv(t)
	today := time.Now().Format("2006-01-02")
	yesterday := time.Now().AddDate(0, 0, -1).Format("2006-01-02")
	tests := []struct {
		name  string
		q     ShipmentQuery
		total int
		field string
	}{
		{"Today", ShipmentQuery{From: today, To: today}, 3, ""},
		{"UpToYesterday", ShipmentQuery{To: yesterday}, 0, ""},
		{"CarrierToday", ShipmentQuery{CarrierID: e.s1.CarrierID, From: today}, 2, ""},
		{"WaitingForTheDriver", ShipmentQuery{Status: "label_created"}, 3, ""},
		{"ScannedTracking", ShipmentQuery{Query: "ALPHA0002"}, 1, ""},
		{"BadFrom", ShipmentQuery{From: "2026-13-01"}, 0, "from"},
		{"BadTo", ShipmentQuery{To: "yesterday"}, 0, "to"},
		{"EndBeforeStart", ShipmentQuery{From: today, To: yesterday}, 0, "to"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			page, err := e.a.Shipments.Shipments(tc.q)
			if tc.field != "" {
				if errs.Code(err) != errs.EINVALID || errs.Field(err) != tc.field {
					t.Fatalf("err = %v, want EINVALID on %q", err, tc.field)
				}
				return
			}
			if err != nil || page.Total != tc.total || len(page.Items) != tc.total {
				t.Fatalf("page = %d of %d, %v; want %d", len(page.Items), page.Total, err, tc.total)
			}
		})
	}
}
