package printing

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"oms/internal/errs"
	"oms/internal/store"
)

var actor = store.Actor{UserID: "u-1", UserName: "tester"}

func newService(t *testing.T) (*Service, *store.DB) {
	t.Helper()
	db, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "oms.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	now := time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)
	db.Now = func() time.Time { return now }
	s := NewService(db)
	s.Timeout = 3 * time.Second
	return s, db
}

func TestSetPrinter_Validation(t *testing.T) {
	s, _ := newService(t)
	ctx := context.Background()
	dir := t.TempDir()
	file := filepath.Join(dir, "a-file")
	if err := os.WriteFile(file, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name       string
		in         PrinterInput
		field      string // "" when valid
		wantTarget string
		wantIn     string // part of the sentence
	}{
		{"CUPS", PrinterInput{DocInvoice, "cups", " HP_LaserJet "}, "", "HP_LaserJet", ""},
		{"ZPL", PrinterInput{DocLabel, "zpl", "192.168.1.50:9100"}, "", "192.168.1.50:9100", ""},
		{"ZPLDefaultPort", PrinterInput{DocLabel, "ZPL", "zebra.local"}, "", "zebra.local:9100", ""},
		{"ZPLIPv6", PrinterInput{DocLabel, "zpl", "[fe80::1]:6101"}, "", "[fe80::1]:6101", ""},
		{"Folder", PrinterInput{DocPackingSlip, "folder", dir + "/"}, "", dir, ""},
		{"UnknownDocument", PrinterInput{"receipt", "cups", "HP"}, "document", "", "Choose"},
		{"UnknownKind", PrinterInput{DocInvoice, "fax", "HP"}, "kind", "", "CUPS printer"},
		{"ZPLForInvoice", PrinterInput{DocInvoice, "zpl", "10.0.0.5:9100"}, "kind", "", "shipping labels only"},
		{"ZPLForPickList", PrinterInput{DocPickList, "zpl", "10.0.0.5:9100"}, "kind", "", "pick lists"},
		{"EmptyCUPS", PrinterInput{DocInvoice, "cups", "  "}, "target", "", "CUPS printer"},
		{"EmptyZPL", PrinterInput{DocLabel, "zpl", ""}, "target", "", "host:port"},
		{"EmptyFolder", PrinterInput{DocInvoice, "folder", ""}, "target", "", "full path"},
		{"CUPSWithSpace", PrinterInput{DocInvoice, "cups", "HP Laser"}, "target", "", "no spaces"},
		{"CUPSOption", PrinterInput{DocInvoice, "cups", "-oraw"}, "target", "", "dash"},
		{"ControlChars", PrinterInput{DocInvoice, "cups", "HP\n-x"}, "target", "", "control"},
		{"TooLong", PrinterInput{DocInvoice, "folder", "/" + strings.Repeat("a", 600)}, "target", "", "500"},
		{"BadPort", PrinterInput{DocLabel, "zpl", "10.0.0.5:99999"}, "target", "", "1 to 65535"},
		{"PortNotNumber", PrinterInput{DocLabel, "zpl", "10.0.0.5:http"}, "target", "", "1 to 65535"},
		{"NoHost", PrinterInput{DocLabel, "zpl", ":9100"}, "target", "", "host:port"},
		{"URL", PrinterInput{DocLabel, "zpl", "http://10.0.0.5:9100"}, "target", "", "host:port"},
		{"RelativeFolder", PrinterInput{DocInvoice, "folder", "print/hot"}, "target", "", "full path"},
		{"MissingFolder", PrinterInput{DocInvoice, "folder", filepath.Join(dir, "nope")}, "target", "", "There is no folder"},
		{"FolderIsAFile", PrinterInput{DocInvoice, "folder", file}, "target", "", "not a folder"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p, err := s.SetPrinter(ctx, actor, tc.in)
			if tc.field != "" {
				if errs.Code(err) != errs.EINVALID || errs.Field(err) != tc.field || !strings.Contains(errs.Message(err), tc.wantIn) {
					t.Fatalf("err = %v, want EINVALID on %s saying %q", err, tc.field, tc.wantIn)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if p.Target != tc.wantTarget || p.Document != tc.in.Document || p.Kind != strings.ToLower(tc.in.Kind) {
				t.Fatalf("printer = %+v, want target %q", p, tc.wantTarget)
			}
			got, err := s.FindPrinter(ctx, tc.in.Document)
			if err != nil || *got != *p {
				t.Fatalf("FindPrinter = %+v, %v; want %+v", got, err, p)
			}
		})
	}
}

func TestPrinters_SetReplaceClear(t *testing.T) {
	s, db := newService(t)
	ctx := context.Background()
	if list, err := s.FindPrinters(ctx); err != nil || len(list) != 0 {
		t.Fatalf("fresh workstation: %v, %v", list, err)
	}
	dir := t.TempDir()
	for _, in := range []PrinterInput{{DocLabel, "zpl", "10.0.0.9"}, {DocInvoice, "cups", "Office"}, {DocInvoice, "folder", dir}} {
		if _, err := s.SetPrinter(ctx, actor, in); err != nil {
			t.Fatal(err)
		}
	}
	list, err := s.FindPrinters(ctx)
	if err != nil || len(list) != 2 {
		t.Fatalf("printers = %v, %v", list, err)
	}
	// In document order, the invoice's replaced by the folder.
	if list[0].Document != DocInvoice || list[0].Kind != KindFolder || list[0].Target != dir || list[1].Target != "10.0.0.9:9100" ||
		!list[0].UpdatedAt.Equal(time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)) {
		t.Fatalf("printers = %+v %+v", list[0], list[1])
	}
	if err := s.ClearPrinter(ctx, actor, DocInvoice); err != nil {
		t.Fatal(err)
	}
	if err := s.ClearPrinter(ctx, actor, DocInvoice); err != nil {
		t.Fatalf("clearing twice: %v", err)
	}
	if err := s.ClearPrinter(ctx, actor, "receipt"); errs.Code(err) != errs.EINVALID {
		t.Fatalf("unknown document: %v", err)
	}
	_, err = s.FindPrinter(ctx, DocInvoice)
	if errs.Code(err) != errs.ENOTFOUND || errs.Field(err) != "printer" ||
		errs.Message(err) != "No printer is set for invoices on this workstation: choose one in Settings → Printers." {
		t.Fatalf("cleared: %v", err)
	}
	// The writes went through transactions: they are in the audit log.
	entries, err := db.FindAudit(ctx, store.AuditFilter{})
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, e := range entries {
		if e.Entity == "workstation_printers" {
			n++
		}
	}
	if n == 0 {
		t.Fatalf("no audit of the printers in %+v", entries)
	}
}

// pdfRender renders a fake document and records the format asked for.
func pdfRender(asked *Format) func(f Format, w io.Writer) error {
	return func(f Format, w io.Writer) error {
		*asked = f
		if f == FormatZPL {
			_, err := io.WriteString(w, "^XA^FDlabel^FS^XZ\n")
			return err
		}
		_, err := io.WriteString(w, "%PDF-1.3 fake document\n%%EOF\n")
		return err
	}
}

func TestPrint_NoPrinter(t *testing.T) {
	s, _ := newService(t)
	var f Format
	for doc, want := range map[string]string{
		DocPackingSlip: "No printer is set for packing slips on this workstation: choose one in Settings → Printers.",
		DocLabel:       "No printer is set for shipping labels on this workstation: choose one in Settings → Printers.",
		DocPickList:    "No printer is set for pick lists on this workstation: choose one in Settings → Printers.",
	} {
		_, err := s.Print(context.Background(), doc, "t", "f", pdfRender(&f))
		if errs.Code(err) != errs.ENOTFOUND || errs.Field(err) != "printer" || errs.Message(err) != want {
			t.Errorf("%s: err = %v", doc, err)
		}
	}
	if _, err := s.Print(context.Background(), "receipt", "t", "f", pdfRender(&f)); errs.Code(err) != errs.EINVALID {
		t.Errorf("unknown document: %v", err)
	}
}

func TestPrint_RenderError(t *testing.T) {
	s, _ := newService(t)
	ctx := context.Background()
	if _, err := s.SetPrinter(ctx, actor, PrinterInput{DocInvoice, "folder", t.TempDir()}); err != nil {
		t.Fatal(err)
	}
	boom := errs.Errorf(errs.ENOTFOUND, "Order X not found.")
	_, err := s.Print(ctx, DocInvoice, "t", "f", func(Format, io.Writer) error { return boom })
	if !errors.Is(err, boom) {
		t.Fatalf("err = %v, want the render's", err)
	}
}

// zplListener accepts one connection on 127.0.0.1 and returns what it
// received.
func zplListener(t *testing.T) (addr string, got <-chan []byte) {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ln.Close() })
	ch := make(chan []byte, 1)
	go func() {
		conn, err := ln.Accept()
		if err != nil {
			ch <- nil
			return
		}
		defer conn.Close()
		conn.SetReadDeadline(time.Now().Add(5 * time.Second))
		b, _ := io.ReadAll(conn)
		ch <- b
	}()
	return ln.Addr().String(), ch
}

func TestPrint_ZPL(t *testing.T) {
	s, _ := newService(t)
	ctx := context.Background()
	addr, got := zplListener(t)
	if _, err := s.SetPrinter(ctx, actor, PrinterInput{DocLabel, "zpl", addr}); err != nil {
		t.Fatal(err)
	}
	var f Format
	msg, err := s.Print(ctx, DocLabel, "Label", "label-1", pdfRender(&f))
	if err != nil {
		t.Fatal(err)
	}
	if f != FormatZPL || msg != "Sent to the label printer at "+addr+" (ZPL)." {
		t.Fatalf("format %v, message %q", f, msg)
	}
	if b := <-got; string(b) != "^XA^FDlabel^FS^XZ\n" {
		t.Fatalf("the printer received %q", b)
	}
}

func TestPrint_ZPLErrors(t *testing.T) {
	s, _ := newService(t)
	ctx := context.Background()
	// A port nobody listens on: take one and close it.
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	closed := ln.Addr().String()
	ln.Close()
	var f Format
	for _, tc := range []struct {
		name, target, want string
	}{
		{"Refused", closed, "The label printer at " + closed + " refused the connection"},
		{"UnknownHost", "printer.invalid:9100", "unknown"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := s.SetPrinter(ctx, actor, PrinterInput{DocLabel, "zpl", tc.target}); err != nil {
				t.Fatal(err)
			}
			_, err := s.Print(ctx, DocLabel, "Label", "label", pdfRender(&f))
			if errs.Code(err) != errs.ECONFLICT || !strings.Contains(errs.Message(err), tc.want) {
				t.Fatalf("err = %v, want ECONFLICT saying %q", err, tc.want)
			}
		})
	}
	t.Run("Timeout", func(t *testing.T) {
		err := netError("10.0.0.5:9100", &net.OpError{Op: "dial", Err: timeoutErr{}}, 3*time.Second)
		if errs.Code(err) != errs.ECONFLICT || errs.Message(err) != "The label printer at 10.0.0.5:9100 did not answer within 3s: is it switched on and on the network?" {
			t.Fatalf("err = %v", err)
		}
	})
}

type timeoutErr struct{}

func (timeoutErr) Error() string   { return "i/o timeout" }
func (timeoutErr) Timeout() bool   { return true }
func (timeoutErr) Temporary() bool { return true }

// fakeCUPS puts lp and lpstat scripts first in PATH: lp records its
// arguments and standard input in dir and exits as lpExit says, after
// writing lpErr to standard error; lpstat prints lpstatOut.
func fakeCUPS(t *testing.T, lpBody, lpstatBody string) string {
	t.Helper()
	dir := t.TempDir()
	cat, err := exec.LookPath("cat")
	if err != nil {
		t.Fatal(err)
	}
	sleep, err := exec.LookPath("sleep")
	if err != nil {
		t.Fatal(err)
	}
	lpBody = strings.ReplaceAll(lpBody, "sleep ", sleep+" ")
	if lpBody != "" {
		script := "#!/bin/sh\nprintf '%s\\n' \"$@\" > " + dir + "/args\n" + cat + " > " + dir + "/stdin\n" + lpBody + "\n"
		if err := os.WriteFile(filepath.Join(dir, "lp"), []byte(script), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	if lpstatBody != "" {
		if err := os.WriteFile(filepath.Join(dir, "lpstat"), []byte("#!/bin/sh\n"+lpstatBody+"\n"), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	t.Setenv("PATH", dir)
	return dir
}

func TestPrint_CUPS(t *testing.T) {
	s, _ := newService(t)
	ctx := context.Background()
	if _, err := s.SetPrinter(ctx, actor, PrinterInput{DocPackingSlip, "cups", "HP_LaserJet"}); err != nil {
		t.Fatal(err)
	}
	var f Format
	t.Run("Sent", func(t *testing.T) {
		dir := fakeCUPS(t, `echo "request id is HP_LaserJet-12 (1 file(s))"`, "")
		msg, err := s.Print(ctx, DocPackingSlip, "Packing slip LOCAL-000001\n-o evil", "packing-slip", pdfRender(&f))
		if err != nil {
			t.Fatal(err)
		}
		if msg != `Sent to printer "HP_LaserJet" (CUPS).` || f != FormatPDF {
			t.Fatalf("message %q, format %v", msg, f)
		}
		args, _ := os.ReadFile(filepath.Join(dir, "args"))
		if string(args) != "-d\nHP_LaserJet\n-t\nPacking slip LOCAL-000001 -o evil\n-\n" {
			t.Fatalf("lp got the arguments %q", args)
		}
		if stdin, _ := os.ReadFile(filepath.Join(dir, "stdin")); string(stdin) != "%PDF-1.3 fake document\n%%EOF\n" {
			t.Fatalf("lp got %q on stdin", stdin)
		}
	})
	t.Run("Refused", func(t *testing.T) {
		fakeCUPS(t, `echo "lp: The printer or class does not exist." >&2; exit 1`, "")
		_, err := s.Print(ctx, DocPackingSlip, "t", "f", pdfRender(&f))
		if errs.Code(err) != errs.ECONFLICT ||
			errs.Message(err) != `Printer "HP_LaserJet" (CUPS) did not take the document: lp: The printer or class does not exist.` {
			t.Fatalf("err = %v", err)
		}
	})
	t.Run("Timeout", func(t *testing.T) {
		fakeCUPS(t, "exec sleep 10", "")
		s.Timeout = 300 * time.Millisecond
		defer func() { s.Timeout = 3 * time.Second }()
		start := time.Now()
		_, err := s.Print(ctx, DocPackingSlip, "t", "f", pdfRender(&f))
		if errs.Code(err) != errs.ECONFLICT || !strings.Contains(errs.Message(err), "within 300ms") {
			t.Fatalf("err = %v", err)
		}
		if time.Since(start) > 5*time.Second {
			t.Fatalf("lp ran on for %s", time.Since(start))
		}
	})
	t.Run("NotInstalled", func(t *testing.T) {
		t.Setenv("PATH", t.TempDir())
		_, err := s.Print(ctx, DocPackingSlip, "t", "f", pdfRender(&f))
		if errs.Code(err) != errs.ECONFLICT || !strings.Contains(errs.Message(err), "CUPS is not installed") ||
			!strings.Contains(errs.Message(err), "cups-client") {
			t.Fatalf("err = %v", err)
		}
	})
}

func TestCupsPrinters(t *testing.T) {
	s, _ := newService(t)
	ctx := context.Background()
	for _, tc := range []struct {
		name, lpstat string
		want         string
	}{
		{"Queues", "printf 'Office_Laser\\nPDF\\nLabel-Zebra\\n'", "Label-Zebra,Office_Laser,PDF"},
		{"NoDestinations", "echo 'lpstat: No destinations added.' >&2; exit 1", ""},
		{"SchedulerDown", "echo 'lpstat: Unable to connect to server' >&2; exit 1", ""},
		{"Missing", "", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fakeCUPS(t, "", tc.lpstat)
			got, err := s.CupsPrinters(ctx)
			if err != nil || got == nil || strings.Join(got, ",") != tc.want {
				t.Fatalf("CupsPrinters = %#v, %v; want %q", got, err, tc.want)
			}
		})
	}
}

func TestPrint_Folder(t *testing.T) {
	s, _ := newService(t)
	ctx := context.Background()
	dir := t.TempDir()
	if _, err := s.SetPrinter(ctx, actor, PrinterInput{DocInvoice, "folder", dir}); err != nil {
		t.Fatal(err)
	}
	var f Format
	// The same name three times: never overwritten. A base with a path in
	// it stays in the folder.
	for i, want := range []string{"invoice-LOCAL-000001.pdf", "invoice-LOCAL-000001-2.pdf", "invoice-LOCAL-000001-3.pdf"} {
		msg, err := s.Print(ctx, DocInvoice, "Invoice", "invoice-LOCAL-000001", pdfRender(&f))
		if err != nil {
			t.Fatal(err)
		}
		if msg != fmt.Sprintf("Saved as %s in the folder %s.", want, dir) {
			t.Fatalf("print %d: %q", i+1, msg)
		}
	}
	if _, err := s.Print(ctx, DocInvoice, "Invoice", "../../etc/passwd\x00", pdfRender(&f)); err != nil {
		t.Fatal(err)
	}
	entries, _ := os.ReadDir(dir)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
		b, _ := os.ReadFile(filepath.Join(dir, e.Name()))
		if !bytes.HasPrefix(b, []byte("%PDF-")) {
			t.Errorf("%s holds %q", e.Name(), b)
		}
	}
	if strings.Join(names, ",") != "invoice-LOCAL-000001-2.pdf,invoice-LOCAL-000001-3.pdf,invoice-LOCAL-000001.pdf,passwd-.pdf" {
		t.Fatalf("the folder holds %v (no temporary files may remain)", names)
	}
	t.Run("FolderGone", func(t *testing.T) {
		gone := filepath.Join(t.TempDir(), "hot")
		os.Mkdir(gone, 0o755)
		if _, err := s.SetPrinter(ctx, actor, PrinterInput{DocPickList, "folder", gone}); err != nil {
			t.Fatal(err)
		}
		os.Remove(gone)
		_, err := s.Print(ctx, DocPickList, "Pick list", "pick-list", pdfRender(&f))
		if errs.Code(err) != errs.ECONFLICT || !strings.Contains(errs.Message(err), gone) {
			t.Fatalf("err = %v", err)
		}
	})
	t.Run("ReadOnly", func(t *testing.T) {
		// A folder nobody may write into: a read-only one, or for root, who
		// writes anywhere else, the kernel's /proc.
		ro := filepath.Join(t.TempDir(), "ro")
		os.Mkdir(ro, 0o555)
		if os.Geteuid() == 0 {
			ro = "/proc"
		}
		if _, err := s.SetPrinter(ctx, actor, PrinterInput{DocPickList, "folder", ro}); err != nil {
			t.Fatal(err)
		}
		_, err := s.Print(ctx, DocPickList, "Pick list", "pick-list", pdfRender(&f))
		if errs.Code(err) != errs.ECONFLICT || !strings.Contains(errs.Message(err), "cannot be written") {
			t.Fatalf("err = %v", err)
		}
	})
}
