package catalog

import (
	"context"
	"strings"
	"testing"

	"oms/internal/errs"
)

func TestParseBarcode(t *testing.T) {
	for _, tc := range []struct {
		name  string
		in    string
		value string
		sym   string // "" = refused
	}{
		{"EAN13", "4006381333931", "4006381333931", SymbologyEAN13},
		{"EAN13Spaces", " 5901234123457 ", "5901234123457", SymbologyEAN13},
		{"EAN13CheckZero", "5012345678900", "5012345678900", SymbologyEAN13},
		{"UPCA", "036000291452", "036000291452", SymbologyUPCA},
		{"EAN8", "96385074", "96385074", SymbologyEAN8},
		{"EAN13WrongCheckDigit", "4006381333932", "", ""},
		{"UPCAWrongCheckDigit", "036000291451", "", ""},
		{"EAN8WrongCheckDigit", "96385075", "", ""},
		{"Code128", "ABC-123", "ABC-123", SymbologyCode128},
		{"Code128Digits", "123456", "123456", SymbologyCode128},
		{"Code128FourteenDigits", "12345678901234", "12345678901234", SymbologyCode128},
		{"Code128Punctuation", "A/B.C+D%E$ F", "A/B.C+D%E$ F", SymbologyCode128},
		{"Code128Max", strings.Repeat("Z", MaxCode128Len), strings.Repeat("Z", MaxCode128Len), SymbologyCode128},
		{"Code128TooLong", strings.Repeat("Z", MaxCode128Len+1), "", ""},
		{"Empty", "", "", ""},
		{"Blank", "   ", "", ""},
		{"NotASCII", "ÄBC", "", ""},
		{"Control", "AB\tC", "", ""},
		{"TenThousandChars", strings.Repeat("1", 10_000), "", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b, err := ParseBarcode(tc.in)
			if tc.sym == "" {
				if errs.Code(err) != errs.EINVALID || errs.Field(err) != "barcodes" {
					t.Fatalf("ParseBarcode(%q) = %+v, %v; want EINVALID on barcodes", tc.in, b, err)
				}
				return
			}
			if err != nil || b.Value != tc.value || b.Symbology != tc.sym {
				t.Fatalf("ParseBarcode(%q) = %+v, %v; want %s %s", tc.in, b, err, tc.value, tc.sym)
			}
		})
	}
}

func TestParseBarcode_WrongCheckDigitSaysTheRightOne(t *testing.T) {
	_, err := ParseBarcode("4006381333932")
	if !strings.Contains(errs.Message(err), "should be 1") {
		t.Fatalf("message = %q", errs.Message(err))
	}
}

func TestGeneratedBarcode_IsValidEAN13(t *testing.T) {
	for _, i := range []int{0, 1, 42, 299_999, 9_999_999_999} {
		b, err := ParseBarcode(GeneratedBarcode(i))
		if err != nil || b.Symbology != SymbologyEAN13 {
			t.Fatalf("GeneratedBarcode(%d) = %s: %+v %v", i, GeneratedBarcode(i), b, err)
		}
	}
}

func TestService_FindProductByBarcode(t *testing.T) {
	s, db := newTestService(t)
	ctx := context.Background()
	upc := mustCreate(t, s, ProductInput{SKU: "UPC", Name: "UPC product", Price: 1, Barcodes: []string{"036000291452"}})
	ean := mustCreate(t, s, ProductInput{SKU: "EAN", Name: "EAN product", Price: 1, Barcodes: []string{"0000123456005", "ABC-123"}})
	for _, tc := range []struct {
		name, scan string
		want       string // product id, "" = ENOTFOUND
	}{
		{"UPCAsStored", "036000291452", upc.ID},
		{"UPCScannedAsEAN13", "0036000291452", upc.ID},
		{"EAN13AsStored", "0000123456005", ean.ID},
		{"EAN13ScannedAsUPC", "000123456005", ean.ID},
		{"Code128", "ABC-123", ean.ID},
		{"Code128WithSpaces", "  ABC-123\n", ean.ID},
		{"Code128OtherCase", "abc-123", ""},
		{"Unknown", "4006381333931", ""},
		{"Empty", "", ""},
		{"SQL", "' OR 1=1 --", ""},
		{"Huge", strings.Repeat("9", 10_000), ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := s.FindProductByBarcode(ctx, tc.scan)
			if tc.want == "" {
				if errs.Code(err) != errs.ENOTFOUND {
					t.Fatalf("FindProductByBarcode(%q) = %+v, %v; want ENOTFOUND", tc.scan, got, err)
				}
				return
			}
			if err != nil || got.ID != tc.want {
				t.Fatalf("FindProductByBarcode(%q) = %+v, %v", tc.scan, got, err)
			}
		})
	}
	// Within a transaction too, as receiving and counting use it.
	tx, err := db.BeginTx(ctx, testActor)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	if got, err := FindProductByBarcode(ctx, tx, "0036000291452"); err != nil || got.ID != upc.ID {
		t.Fatalf("in tx: %+v %v", got, err)
	}
}
