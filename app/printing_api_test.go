package app

import (
	"bytes"
	"context"
	"io"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"oms/internal/docs"
	"oms/internal/errs"
	"oms/internal/order"
	"oms/internal/printing"
)

func TestPrintersAPI_SetPrintClear(t *testing.T) {
	a, _ := newAdminApp(t)
	o := paymentOrder(t, a, "")
	list, err := a.Printers.Printers()
	if err != nil || len(list) != 4 {
		t.Fatalf("printers = %+v, %v", list, err)
	}
	for i, want := range []string{"invoice:Invoice", "packing-slip:Packing slip", "pick-list:Pick list", "label:Shipping label"} {
		if got := list[i].Document + ":" + list[i].Label; got != want || list[i].Kind != "" || list[i].Target != "" {
			t.Errorf("row %d = %+v, want %s unset", i, list[i], want)
		}
	}
	// Nothing set: the user is told where to set one.
	_, err = a.Documents.PrintDocument("packing-slip", o.ID)
	if errs.Code(err) != errs.ENOTFOUND || errs.Field(err) != "printer" ||
		errs.Message(err) != "No printer is set for packing slips on this workstation: choose one in Settings → Printers." {
		t.Fatalf("print without a printer: %v", err)
	}
	// Validation reaches the form with its field.
	for _, tc := range []struct {
		in    PrinterInput
		field string
	}{
		{PrinterInput{Document: "invoice", Kind: "zpl", Target: "10.0.0.5:9100"}, "kind"},
		{PrinterInput{Document: "packing-slip", Kind: "folder", Target: "relative/dir"}, "target"},
		{PrinterInput{Document: "receipt", Kind: "cups", Target: "Office"}, "document"},
	} {
		if _, err := a.Printers.SetPrinter(tc.in); errs.Code(err) != errs.EINVALID || errs.Field(err) != tc.field {
			t.Errorf("SetPrinter(%+v) = %v, want EINVALID on %s", tc.in, err, tc.field)
		}
	}
	dir := t.TempDir()
	p, err := a.Printers.SetPrinter(PrinterInput{Document: "packing-slip", Kind: "folder", Target: dir})
	if err != nil || p.Kind != "folder" || p.Target != dir || p.Label != "Packing slip" || p.UpdatedAt == "" {
		t.Fatalf("set = %+v, %v", p, err)
	}
	msg, err := a.Documents.PrintDocument("packing-slip", o.ID)
	want := "packing-slip-" + o.Number + ".pdf"
	if err != nil || msg != "Saved as "+want+" in the folder "+dir+"." {
		t.Fatalf("print = %q, %v", msg, err)
	}
	data, err := os.ReadFile(filepath.Join(dir, want))
	if err != nil || !bytes.HasPrefix(data, []byte("%PDF-")) {
		t.Fatalf("the folder's file: %v", err)
	}
	if _, err := a.Documents.PrintDocument("packing-slip", "no-such-order"); errs.Code(err) != errs.ENOTFOUND {
		t.Fatalf("unknown order: %v", err)
	}
	if _, err := a.Documents.PrintDocument("label", o.ID); errs.Code(err) != errs.EINVALID || errs.Field(err) != "kind" {
		t.Fatalf("a label through PrintDocument: %v", err)
	}
	list, _ = a.Printers.Printers()
	if list[1].Kind != "folder" || list[1].Target != dir || list[0].Kind != "" {
		t.Fatalf("printers after set = %+v", list)
	}
	if err := a.Printers.ClearPrinter("packing-slip"); err != nil {
		t.Fatal(err)
	}
	if list, _ = a.Printers.Printers(); list[1].Kind != "" {
		t.Fatalf("cleared, still %+v", list[1])
	}
	// No CUPS here: an empty list, not an error.
	t.Setenv("PATH", t.TempDir())
	if names, err := a.Printers.CupsPrinters(); err != nil || names == nil || len(names) != 0 {
		t.Fatalf("CupsPrinters = %#v, %v", names, err)
	}
}

func TestPrintersAPI_CounterCannotConfigure(t *testing.T) {
	a, _ := newAdminApp(t)
	signInCounter(t, a)
	if _, err := a.Printers.SetPrinter(PrinterInput{Document: "invoice", Kind: "cups", Target: "Office"}); errs.Code(err) != errs.EFORBIDDEN {
		t.Fatalf("counter sets a printer: %v", err)
	}
	if list, err := a.Printers.Printers(); err != nil || len(list) != 4 {
		t.Fatalf("counter lists printers: %v", err)
	}
}

func TestDocumentsAPI_OpenDocument(t *testing.T) {
	a, rec := newAdminApp(t)
	o := paymentOrder(t, a, "")
	// Not in the desktop window: refused with a sentence.
	if err := a.Documents.OpenDocument("invoice", o.ID); errs.Code(err) != errs.ECONFLICT {
		t.Fatalf("open without a window: %v", err)
	}
	var opened string
	old := openFile
	openFile = func(path string) error { opened = path; return nil }
	defer func() { openFile = old }()
	a.Start(context.WithValue(context.Background(), "frontend", struct{}{}), rec)
	defer a.Stop() // Start starts the scheduled jobs too
	if err := a.Documents.OpenDocument("bogus", o.ID); errs.Code(err) != errs.EINVALID {
		t.Fatalf("bogus kind: %v", err)
	}
	if err := a.Documents.OpenDocument("invoice", o.ID); err != nil {
		t.Fatal(err)
	}
	defer os.Remove(opened)
	data, err := os.ReadFile(opened)
	if err != nil || !bytes.HasPrefix(data, []byte("%PDF-")) || !strings.HasPrefix(filepath.Base(opened), "invoice-"+o.Number+"-") {
		t.Fatalf("opened %q: %v", opened, err)
	}
}

// TestApp_PrintRenderedLabel prints a shipping label the way a shipment
// will: through printRendered, as ZPL to a thermal printer's socket.
func TestApp_PrintRenderedLabel(t *testing.T) {
	a, _ := newAdminApp(t)
	ctx := context.Background()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	got := make(chan []byte, 1)
	go func() {
		c, err := ln.Accept()
		if err != nil {
			got <- nil
			return
		}
		defer c.Close()
		b, _ := io.ReadAll(c)
		got <- b
	}()
	if _, err := a.Printers.SetPrinter(PrinterInput{Document: "label", Kind: "zpl", Target: ln.Addr().String()}); err != nil {
		t.Fatal(err)
	}
	labels := []docs.Label{{ShipmentNumber: "LOCAL-S000001", OrderNumber: "LOCAL-000001", Carrier: "DHL", ServiceCode: "EXP",
		ShipTo: order.Address{Name: "Мария Иванова", City: "Москва", Country: "RU"}, TrackingNumber: "JJD01", WeightG: 1200, PackageNo: 1, Packages: 1}}
	msg, err := a.printRendered(ctx, printing.DocLabel, "Label LOCAL-S000001", "label-LOCAL-S000001", func(f printing.Format, w io.Writer) error {
		if f == printing.FormatZPL {
			return a.svc.Docs.WriteLabelsZPL(ctx, w, labels)
		}
		return a.svc.Docs.WriteLabels(ctx, w, labels, docs.Options{})
	})
	if err != nil || !strings.Contains(msg, "(ZPL)") {
		t.Fatalf("print = %q, %v", msg, err)
	}
	if b := <-got; !bytes.HasPrefix(b, []byte("^XA")) || !bytes.Contains(b, []byte("^FDJJD01^FS")) {
		t.Fatalf("the printer received %q", b)
	}
}
