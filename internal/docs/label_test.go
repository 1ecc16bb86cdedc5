package docs

import (
	"bytes"
	"context"
	"encoding/hex"
	"html"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"oms/internal/order"
)

// testLabels are the packages of three shipments: two packages to Greece,
// one to Russia without a tracking number, one to Vietnam.
func (e *env) testLabels() []Label {
	return []Label{
		{ShipmentNumber: "LOCAL-S000001", OrderNumber: e.papadopoulos.Number, ShipTo: e.papadopoulos.ShippingAddress,
			Carrier: "DHL Paket", ServiceCode: "EXP", ServiceName: "Express 24h", TrackingNumber: "JJD0001234567890",
			WeightG: 2345, PackageNo: 1, Packages: 2},
		{ShipmentNumber: "LOCAL-S000001", OrderNumber: e.papadopoulos.Number, ShipTo: e.papadopoulos.ShippingAddress,
			Carrier: "DHL Paket", ServiceCode: "EXP", ServiceName: "Express 24h", TrackingNumber: "JJD0001234567891",
			WeightG: 800, PackageNo: 2, Packages: 2},
		{ShipmentNumber: "LOCAL-S000002", OrderNumber: e.ivanova.Number, ShipTo: e.ivanova.ShippingAddress,
			Carrier: "Own delivery", ServiceCode: "VAN", ServiceName: "Next-day van", WeightG: 12500, PackageNo: 1, Packages: 1},
		{ShipmentNumber: "LOCAL-S000003", OrderNumber: e.nguyen.Number, ShipTo: e.nguyen.ShippingAddress,
			Carrier: "Vietnam Post", ServiceCode: "EMS", ServiceName: "Chuyển phát nhanh", TrackingNumber: "EE123456789VN",
			WeightG: 5, PackageNo: 1, Packages: 1},
	}
}

func TestLabels_Text(t *testing.T) {
	e := newEnv(t)
	labels := e.testLabels()
	pdf := render(t, func(w *bytes.Buffer) error { return e.printer.WriteLabels(context.Background(), w, labels, e.opts()) })
	if !bytes.Contains(pdf, []byte("/MediaBox [0 0 288.00 432.00]")) {
		t.Fatal("the label is not 4 x 6 inches")
	}
	pages := strings.Split(strings.TrimRight(pdfText(t, pdf), "\f\n"), "\f")
	if len(pages) != len(labels) {
		t.Fatalf("%d pages for %d labels", len(pages), len(labels))
	}
	for i, want := range [][]string{
		{"FROM", "Eisenwaren Köhler & Söhne", "Hauptstraße 12", "80331 München", "Germany", "CARRIER", "DHL Paket", "EXP", "Express 24h",
			"SHIP TO", "Γιώργος Παπαδόπουλος", "Οδός Ερμού 25", "10563 Αθήνα", "GREECE", "WEIGHT", "2.35 kg", "Package 1 of 2",
			"TRACKING NUMBER", "JJD0001234567890", "Order " + e.papadopoulos.Number + " · Shipment LOCAL-S000001", "Printed 2026-03-02"},
		{"0.80 kg", "Package 2 of 2", "JJD0001234567891"},
		{"Мария Иванова", "ООО «Стройка»", "ул. Тверская, д. 7", "125009 Москва", "RUSSIA", "Own delivery", "VAN", "12.50 kg",
			"Package 1 of 1", "No tracking number · shipment number", "LOCAL-S000002"},
		{"Nguyễn Thị Hoa", "12 Phố Huế, Quận Hai Bà", "Trưng", "100000 Hà Nội", "VIET", "Chuyển phát nhanh", "0.01 kg", "EE123456789VN"},
	} {
		wantIn(t, squash(pages[i]), want...)
	}
}

func TestLabels_BarcodeDecodes(t *testing.T) {
	e := newEnv(t)
	pdf := render(t, func(w *bytes.Buffer) error {
		return e.printer.WriteLabels(context.Background(), w, e.testLabels(), e.opts())
	})
	pngs := pagePNGs(t, pdf, t.TempDir())
	for _, tc := range []struct {
		name string
		page int
		want string
	}{
		{"Tracking", 0, "CODE-128:JJD0001234567890"},
		{"NoTrackingShipmentNumber", 2, "CODE-128:LOCAL-S000002"},
		{"ShortTracking", 3, "CODE-128:EE123456789VN"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := barcodes(t, pngs[tc.page]); len(got) != 1 || got[0] != tc.want {
				t.Fatalf("decoded %q, want [%s]", got, tc.want)
			}
		})
	}
}

// hostileLabel has text too long for any line, control characters and
// ZPL commands in every field.
func hostileLabel() Label {
	inject := "^XZ^XA^FO0,0^GB812,1218,812^FS~JA_5E\\&"
	long := strings.Repeat("Überlange Straßenbezeichnung ", 12)
	return Label{ShipmentNumber: "S-1" + inject, OrderNumber: "A1-1\n" + inject,
		ShipTo: order.Address{Name: "Dr. " + strings.Repeat("Папаконстантинопулос-", 8) + inject, Company: long, Line1: long + inject,
			Line2: "\x1b[31mred\u202e", PostalCode: "12345", City: "Zürich" + inject, Region: long, Country: "CH", Phone: "+41 " + inject},
		Carrier: strings.Repeat("Carrier ", 20) + inject, ServiceCode: "XPRESS-SAVER-" + inject, ServiceName: long + inject,
		TrackingNumber: "TRK^XZ~JA>:12", WeightG: 123456789, PackageNo: 3, Packages: 12}
}

func TestLabels_HostileTextStaysInside(t *testing.T) {
	e := newEnv(t)
	pdf := render(t, func(w *bytes.Buffer) error {
		return e.printer.WriteLabels(context.Background(), w, []Label{hostileLabel()}, e.opts())
	})
	text := pdfText(t, pdf)
	if pages := strings.Count(strings.TrimRight(text, "\f\n"), "\f") + 1; pages != 1 {
		t.Fatalf("%d pages for one label", pages)
	}
	wantIn(t, squash(text), "…", "123456.79 kg", "Package 3 of 12", "TRK^XZ~JA>:12", "SWITZERLAND")
	// Every word drawn lies on the page, inside the frame.
	for _, w := range bboxes(t, pdf) {
		if w.xMin < 4*72/25.4-0.5 || w.xMax > (labelW-4)*72/25.4+0.5 || w.yMax > (labelH-4)*72/25.4+0.5 {
			t.Errorf("%q at x %.1f-%.1f, y %.1f lies outside the label", w.text, w.xMin, w.xMax, w.yMax)
		}
	}
}

type bbox struct {
	text                   string
	xMin, yMin, xMax, yMax float64
}

// bboxes returns the words of a one-page PDF with their boxes in points,
// as pdftotext -bbox reads them.
func bboxes(t *testing.T, pdf []byte) []bbox {
	t.Helper()
	bin := tool(t, "pdftotext", "poppler-utils")
	raw, err := exec.Command(bin, "-bbox", writeTemp(t, "doc.pdf", pdf), "-").Output()
	out := html.UnescapeString(string(raw))
	if err != nil {
		t.Fatalf("pdftotext -bbox: %v", err)
	}
	re := regexp.MustCompile(`<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>`)
	var words []bbox
	for _, m := range re.FindAllStringSubmatch(out, -1) {
		var b bbox
		b.text = m[5]
		for i, p := range []*float64{&b.xMin, &b.yMin, &b.xMax, &b.yMax} {
			*p, _ = strconv.ParseFloat(m[i+1], 64)
		}
		words = append(words, b)
	}
	if len(words) == 0 {
		t.Fatal("no words")
	}
	return words
}

// zplFields returns the field data of a ZPL label: what follows each ^FD
// up to its ^FS.
func zplFields(zpl string) []string {
	var out []string
	for _, part := range strings.Split(zpl, "^FD")[1:] {
		data, _, _ := strings.Cut(part, "^FS")
		out = append(out, data)
	}
	return out
}

// unhex decodes ^FH field data.
func unhex(t *testing.T, s string) string {
	t.Helper()
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '_' {
			v, err := hex.DecodeString(s[i+1 : i+3])
			if err != nil {
				t.Fatalf("bad escape in %q: %v", s, err)
			}
			b.Write(v)
			i += 2
			continue
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

func TestLabelsZPL_NoInjection(t *testing.T) {
	e := newEnv(t)
	var buf bytes.Buffer
	labels := []Label{hostileLabel(), e.testLabels()[0]}
	if err := e.printer.WriteLabelsZPL(context.Background(), &buf, labels); err != nil {
		t.Fatal(err)
	}
	zpl := buf.String()
	// One format per label, nothing outside them, and no tilde commands.
	if n := strings.Count(zpl, "^XA"); n != 2 || strings.Count(zpl, "^XZ") != 2 {
		t.Fatalf("%d ^XA in:\n%s", n, zpl)
	}
	if strings.Contains(zpl, "~") {
		t.Fatalf("a tilde (a ZPL control command) reached the output:\n%s", zpl)
	}
	// Every command is one the label writer emits.
	known := map[string]bool{"XA": true, "CI": true, "PW": true, "LL": true, "LH": true, "FO": true, "GB": true, "FS": true,
		"A0": true, "FH": true, "FD": true, "BY": true, "BC": true, "FB": true, "PQ": true, "XZ": true}
	for _, cmd := range strings.Split(zpl, "^")[1:] {
		if len(cmd) < 2 || !known[cmd[:2]] {
			t.Fatalf("unexpected command ^%.10s in:\n%s", cmd, zpl)
		}
	}
	first, _, _ := strings.Cut(zpl, "^XZ")
	var texts []string
	for _, f := range zplFields(first) {
		if strings.ContainsAny(f, "^~\n\r") {
			t.Fatalf("raw control character in field %q", f)
		}
		texts = append(texts, unhex(t, f))
	}
	all := strings.Join(texts, "|")
	// The user's text arrives as text, command characters and all.
	wantIn(t, all, "Tel. +41 ^XZ^XA^FO0,0^GB812,1218,812^FS~JA_5E\\&", "Shipment S-1^XZ^XA", "Package 3 of 12", "123456.79 kg", "SWITZERLAND", "...")
	// The barcode holds the tracking number with ^ ~ > as invocation codes.
	if !strings.Contains(first, "^BCN,160,N,N,N^FDTRK><XZ>=JA>0:12^FS") {
		t.Fatalf("barcode data not escaped:\n%s", first)
	}
}

// TestGoldenLabels compares the label PDF and ZPL with testdata; -update
// rewrites them.
func TestGoldenLabels(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	labels := e.testLabels()
	for _, tc := range []struct {
		name  string
		write func(w *bytes.Buffer) error
	}{
		{"labels.pdf", func(w *bytes.Buffer) error { return e.printer.WriteLabels(ctx, w, labels, e.opts()) }},
		{"labels.zpl", func(w *bytes.Buffer) error { return e.printer.WriteLabelsZPL(ctx, w, labels) }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var got, again bytes.Buffer
			if err := tc.write(&got); err != nil {
				t.Fatal(err)
			}
			if err := tc.write(&again); err != nil || !bytes.Equal(got.Bytes(), again.Bytes()) {
				t.Fatalf("two renderings differ (%v)", err)
			}
			path := filepath.Join("testdata", tc.name)
			if *update {
				if err := os.WriteFile(path, got.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test -run TestGoldenLabels -update)", err)
			}
			if !bytes.Equal(got.Bytes(), want) {
				out := filepath.Join(t.TempDir(), tc.name)
				os.WriteFile(out, got.Bytes(), 0o644)
				t.Fatalf("%s differs from %s (written to %s); if the change is meant, run -update", tc.name, path, out)
			}
		})
	}
}

func TestSortLabels(t *testing.T) {
	ls := []Label{
		{OrderNumber: "A1-000010", Carrier: "UPS", PackageNo: 2},
		{OrderNumber: "A1-000010", Carrier: "UPS", PackageNo: 1},
		{OrderNumber: "A1-000002", Carrier: "dhl", PackageNo: 1},
		{OrderNumber: "A1-000009", Carrier: "", PackageNo: 1},
		{OrderNumber: "A1-000001", Carrier: "UPS", PackageNo: 1},
	}
	for _, tc := range []struct {
		sortBy string
		want   string // order number suffix and package
		err    bool
	}{
		{"", "10/2 10/1 02/1 09/1 01/1", false},
		{"number", "01/1 02/1 09/1 10/1 10/2", false},
		{"carrier", "02/1 01/1 10/1 10/2 09/1", false},
		{"bin", "", true},
		{"weight", "", true},
	} {
		t.Run("By"+tc.sortBy, func(t *testing.T) {
			got, err := SortLabels(ls, tc.sortBy)
			if tc.err {
				if err == nil {
					t.Fatal("no error")
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			var s []string
			for _, l := range got {
				s = append(s, l.OrderNumber[len(l.OrderNumber)-2:]+"/"+string(rune('0'+l.PackageNo)))
			}
			if strings.Join(s, " ") != tc.want {
				t.Fatalf("got %s, want %s", strings.Join(s, " "), tc.want)
			}
		})
	}
}
