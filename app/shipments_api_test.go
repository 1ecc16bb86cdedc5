package app

import (
	"context"
	"encoding/base64"
	"io"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"oms/internal/catalog"
	"oms/internal/errs"
	"oms/internal/order"
	"oms/internal/printing"
	"oms/internal/shipping"
	"oms/internal/stock"
	"oms/internal/store"
)

// pdfOf decodes an ExportFile's PDF into a file of dir.
func pdfOf(t *testing.T, f ExportFile, dir string) string {
	t.Helper()
	data, err := base64.StdEncoding.DecodeString(f.Base64)
	if err != nil || !strings.HasPrefix(string(data), "%PDF-") {
		t.Fatalf("%s is not a PDF: %v", f.FileName, err)
	}
	p := filepath.Join(dir, f.FileName)
	if err := os.WriteFile(p, data, 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

func lookTool(t *testing.T, tool, pkg string) string {
	t.Helper()
	p, err := exec.LookPath(tool)
	if err != nil {
		t.Fatalf("%s is missing: install the Debian package %s (make test does)", tool, pkg)
	}
	return p
}

// pdfTextOf is the text pdftotext reads from a PDF file.
func pdfTextOf(t *testing.T, path string) string {
	t.Helper()
	out, err := exec.Command(lookTool(t, "pdftotext", "poppler-utils"), "-layout", path, "-").CombinedOutput()
	if err != nil {
		t.Fatalf("pdftotext: %v: %s", err, out)
	}
	return string(out)
}

// pdfBarcodes renders each page at 200 dpi and decodes its barcodes with
// zbarimg: one list per page.
func pdfBarcodes(t *testing.T, path string) [][]string {
	t.Helper()
	dir := t.TempDir()
	if out, err := exec.Command(lookTool(t, "pdftoppm", "poppler-utils"), "-r", "200", "-png", path, filepath.Join(dir, "p")).CombinedOutput(); err != nil {
		t.Fatalf("pdftoppm: %v: %s", err, out)
	}
	pages, _ := filepath.Glob(filepath.Join(dir, "p*.png"))
	var out [][]string
	for _, p := range pages {
		b, err := exec.Command(lookTool(t, "zbarimg", "zbar-tools"), "--quiet", p).Output()
		if err != nil {
			t.Fatalf("zbarimg found no barcode on %s: %v", filepath.Base(p), err)
		}
		out = append(out, strings.Fields(string(b)))
	}
	return out
}

// TestShipmentsAPI_PackTwoShipmentsPrintAndDeliver packs one order into two
// shipments (two packages, then one), prints the labels and the packing
// slip (read back with pdftotext, barcodes decoded with zbarimg), sends the
// labels as ZPL to a thermal printer's port, and marks both delivered.
func TestShipmentsAPI_PackTwoShipmentsPrintAndDeliver(t *testing.T) {
	a, _ := newAdminApp(t)
	ctx, actor := context.Background(), store.Actor{UserName: "admin"}
	svc := a.svc
	wh, err := svc.Stock.CreateWarehouse(ctx, actor, stock.WarehouseInput{Code: "MAIN", Name: "Main"})
	if err != nil {
		t.Fatal(err)
	}
	bin, err := svc.Stock.CreateBin(ctx, actor, wh.ID, "A-01")
	if err != nil {
		t.Fatal(err)
	}
	p, err := svc.Catalog.CreateProduct(ctx, actor, catalog.ProductInput{SKU: "LAMP-1", Name: "Desk lamp", Price: 3900, WeightG: 1200})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := svc.Stock.PostMovement(ctx, actor, stock.MovementInput{Kind: stock.KindReceipt, ProductID: p.ID, WarehouseID: wh.ID,
		BinID: bin.ID, Quantity: 10}); err != nil {
		t.Fatal(err)
	}
	c, err := svc.Shipping.CreateCarrier(ctx, actor, shipping.CarrierInput{Name: "DHL Parcel", TrackingURL: "https://dhl.example/t/{tracking}"})
	if err != nil {
		t.Fatal(err)
	}
	std, err := svc.Shipping.CreateService(ctx, actor, c.ID, shipping.ServiceInput{Code: "STD", Name: "Standard"})
	if err != nil {
		t.Fatal(err)
	}
	zone, err := svc.Shipping.CreateZone(ctx, actor, c.ID, shipping.ZoneInput{Name: "Domestic", Countries: []string{"DE"}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := svc.Shipping.SetRates(ctx, actor, std.ID, zone.ID, []shipping.RateBand{{MaxWeightG: 5000, Price: 590}}); err != nil {
		t.Fatal(err)
	}
	o, err := svc.Orders.CreateOrder(ctx, actor, order.OrderInput{Channel: order.ChannelWeb, WarehouseID: wh.ID,
		ShippingAddress: &order.Address{Name: "Nguyễn Thị Minh", Line1: "Lindenstraße 5", PostalCode: "10969", City: "Berlin", Country: "DE"}})
	if err != nil {
		t.Fatal(err)
	}
	if o, err = svc.Orders.AddLine(ctx, actor, o.ID, o.Version, order.LineInput{ProductID: p.ID, Quantity: 3}); err != nil {
		t.Fatal(err)
	}
	if o, err = svc.Orders.Confirm(ctx, actor, o.ID, o.Version); err != nil {
		t.Fatal(err)
	}
	line := o.Lines[0].ID

	// The pack station finds the order by its scanned number and checks the item.
	po, err := a.Shipments.PackOrder(strings.ToLower(o.Number))
	if err != nil || po.Order.ID != o.ID || po.Lines[0].Packable != 3 {
		t.Fatalf("pack order = %+v, %v", po, err)
	}
	if l, err := a.Shipments.PackScan(o.ID, "lamp-1"); err != nil || l.LineID != line {
		t.Fatalf("pack scan = %+v, %v", l, err)
	}

	first, err := a.Shipments.CreateShipment(ShipmentRequest{OrderID: o.ID, CarrierID: c.ID, ServiceID: std.ID,
		TrackingNumber: "JJD0099887766", Lines: []ShipQuantityIn{{LineID: line, Quantity: 2}},
		Packages: []PackageInputDTO{{WeightG: 1300, LengthMM: 400, WidthMM: 300, HeightMM: 200}, {WeightG: 1250}}})
	if err != nil {
		t.Fatal(err)
	}
	if first.Cost != 1180 || len(first.Packages) != 2 || first.TrackingURL != "https://dhl.example/t/JJD0099887766" {
		t.Fatalf("first shipment = %+v", first)
	}
	second, err := a.Shipments.CreateShipment(ShipmentRequest{OrderID: o.ID, CarrierID: c.ID, ServiceID: std.ID,
		TrackingNumber: "JJD0099887767", Lines: []ShipQuantityIn{{LineID: line, Quantity: 1}}, Packages: []PackageInputDTO{{WeightG: 1250}}})
	if err != nil {
		t.Fatal(err)
	}

	// Labels: one page per package, "n of m", the tracking number as a barcode.
	dir := t.TempDir()
	f, err := a.Shipments.LabelsData(first.ID)
	if err != nil {
		t.Fatal(err)
	}
	labels := pdfOf(t, f, dir)
	text := pdfTextOf(t, labels)
	for _, want := range []string{"Nguyễn Thị Minh", "Berlin", "DHL Parcel", "STD", "1 of 2", "2 of 2", "JJD0099887766", o.Number, first.Number} {
		if !strings.Contains(text, want) {
			t.Errorf("labels lack %q:\n%s", want, text)
		}
	}
	codes := pdfBarcodes(t, labels)
	if len(codes) != 2 {
		t.Fatalf("label pages = %d, want 2", len(codes))
	}
	for i, page := range codes {
		if !containsCode(page, "CODE-128:JJD0099887766") {
			t.Errorf("label %d barcodes = %v", i+1, page)
		}
	}
	// The packing slip of the second shipment: its number, 1 of 3, the order's barcode.
	f, err = a.Shipments.PackingSlipData(second.ID)
	if err != nil {
		t.Fatal(err)
	}
	slip := pdfOf(t, f, dir)
	text = pdfTextOf(t, slip)
	for _, want := range []string{second.Number, "JJD0099887767", "LAMP-1", "In this shipment: 1 unit on 1 line."} {
		if !strings.Contains(strings.Join(strings.Fields(text), " "), want) {
			t.Errorf("packing slip lacks %q:\n%s", want, text)
		}
	}
	if page := pdfBarcodes(t, slip)[0]; !containsCode(page, "CODE-128:"+o.Number) {
		t.Errorf("packing slip barcodes = %v", page)
	}

	// No label printer yet: a clear refusal. Then a thermal printer on a
	// local port takes the labels as ZPL.
	if _, err := a.Shipments.PrintLabels(first.ID); errs.Code(err) == "" || !strings.Contains(errs.Message(err), "Settings") {
		t.Fatalf("print without a printer: %v", err)
	}
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
	if _, err := a.Printers.SetPrinter(PrinterInput{Document: printing.DocLabel, Kind: "zpl", Target: ln.Addr().String()}); err != nil {
		t.Fatal(err)
	}
	msg, err := a.Shipments.PrintLabels(first.ID)
	if err != nil {
		t.Fatal(err)
	}
	zpl := <-got
	if strings.Count(zpl, "^XA") != 2 || !strings.Contains(zpl, "JJD0099887766") || msg == "" {
		t.Fatalf("ZPL sent (%s):\n%s", msg, zpl)
	}

	// Both travel and arrive: the order is delivered.
	for _, id := range []string{first.ID, second.ID} {
		if _, err := a.Shipments.UpdateStatus(id, "in_transit", ""); err != nil {
			t.Fatal(err)
		}
	}
	if v, _ := a.Orders.Order(o.ID); v.Status != "shipped" {
		t.Fatalf("order = %s, want shipped", v.Status)
	}
	for _, id := range []string{first.ID, second.ID} {
		if _, err := a.Shipments.UpdateStatus(id, "delivered", "signed"); err != nil {
			t.Fatal(err)
		}
	}
	v, _ := a.Orders.Order(o.ID)
	if v.Status != "delivered" || v.Lines[0].Shipped != 3 {
		t.Fatalf("order = %s, shipped %d", v.Status, v.Lines[0].Shipped)
	}
	page, err := a.Shipments.Shipments(ShipmentQuery{OrderID: o.ID})
	if err != nil || page.Total != 2 || page.Items[0].Status != "delivered" {
		t.Fatalf("shipments = %+v, %v", page, err)
	}
	if _, err := a.Shipments.UpdateStatus(first.ID, "in_transit", ""); errs.Code(err) != errs.EINVALID {
		t.Fatalf("back from delivered: %v", err)
	}
}

func containsCode(codes []string, want string) bool {
	for _, c := range codes {
		if c == want {
			return true
		}
	}
	return false
}
