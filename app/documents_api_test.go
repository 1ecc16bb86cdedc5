package app

import (
	"bytes"
	"encoding/base64"
	"testing"

	"oms/internal/errs"
)

func TestDocumentsAPI(t *testing.T) {
	a, _ := newAdminApp(t)
	o := paymentOrder(t, a, "")
	for _, tc := range []struct {
		kind, orderID string
		code          string
		field         string
		file          string
	}{
		{"invoice", o.ID, "", "", "invoice-" + o.Number + ".pdf"},
		{"packing-slip", o.ID, "", "", "packing-slip-" + o.Number + ".pdf"},
		{"pick-list", o.ID, "", "", "pick-list-" + o.Number + ".pdf"},
		{"label", o.ID, errs.EINVALID, "kind", ""},
		{"invoice", "no-such-order", errs.ENOTFOUND, "", ""},
	} {
		t.Run(tc.kind+"/"+tc.orderID, func(t *testing.T) {
			f, err := a.Documents.DocumentData(tc.kind, tc.orderID)
			if tc.code != "" {
				if errs.Code(err) != tc.code || errs.Field(err) != tc.field {
					t.Fatalf("err = %v, want %s on %q", err, tc.code, tc.field)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			data, err := base64.StdEncoding.DecodeString(f.Base64)
			if err != nil || !bytes.HasPrefix(data, []byte("%PDF-")) || f.FileName != tc.file || f.MimeType != "application/pdf" {
				t.Fatalf("file %q %q, %d bytes starting %q: %v", f.FileName, f.MimeType, len(data), data[:min(8, len(data))], err)
			}
		})
	}
	// Outside the desktop window there is no save dialog: told, not crashed.
	if _, err := a.Documents.SaveDocument("invoice", o.ID); errs.Code(err) != errs.ECONFLICT {
		t.Fatalf("save without a window: %v", err)
	}
}
