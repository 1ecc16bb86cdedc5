package importer

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

var fmtSscan = fmt.Sscan

func FuzzReadCSV(f *testing.F) {
	for _, s := range []string{
		"sku,name,price,cost,barcode\nA,B,1,1,\n",
		"\ufeffsku;name\n",
		"\"a\nb\",c\n\"unterminated",
		"a,\"b\"\"c\",d\r\n,,,\n",
		"\x00\xff\xfe,\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		last := 0
		_ = ReadCSV(bytes.NewReader(data), func(row int, cells []string) error {
			if row != last+1 {
				t.Fatalf("row %d after %d", row, last)
			}
			last = row
			return nil
		})
	})
}

func FuzzReadXLSX(f *testing.F) {
	x := excelize.NewFile()
	x.SetSheetRow("Sheet1", "A1", &[]any{"sku", "name", "price"})
	x.SetSheetRow("Sheet1", "A2", &[]any{"A-1", "=1+1", 12.5})
	x.SetSheetRow("Sheet1", "A5", &[]any{"B", strings.Repeat("x", 100), 1e-3})
	buf, err := x.WriteToBuffer()
	if err != nil {
		f.Fatal(err)
	}
	f.Add(buf.Bytes())
	f.Add([]byte("PK\x03\x04"))
	f.Add([]byte{})
	if seeds, _ := filepath.Glob(filepath.Join("testdata", "*.xlsx")); len(seeds) > 0 {
		for _, p := range seeds {
			if b, err := os.ReadFile(p); err == nil {
				f.Add(b)
			}
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		done := make(chan struct{})
		go func() {
			defer close(done)
			_ = ReadXLSX(bytes.NewReader(data), func(row int, cells []string) error { return nil })
		}()
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			t.Fatal("ReadXLSX hangs on this input")
		}
	})
}

func TestReadXLSX_RowNumbersSkipEmptyRows(t *testing.T) {
	x := excelize.NewFile()
	x.SetSheetRow("Sheet1", "A1", &[]any{"sku"})
	x.SetSheetRow("Sheet1", "A4", &[]any{"A-4"})
	buf, err := x.WriteToBuffer()
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	err = ReadXLSX(bytes.NewReader(buf.Bytes()), func(row int, cells []string) error {
		got = append(got, fmt.Sprint(row, cells))
		return nil
	})
	want := []string{"1 [sku]", "2 []", "3 []", "4 [A-4]"}
	if err != nil || !equal(got, want) {
		t.Fatalf("got %q, %v; want %q", got, err, want)
	}
}
