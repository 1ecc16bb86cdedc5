package app

import (
	"bytes"
	"context"
	"encoding/base64"
	"testing"

	"oms/internal/errs"
	"oms/internal/order"
	"oms/internal/store"
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
	// A wave: one pick list for two orders; none or an unknown one refused.
	ctx, actor := context.Background(), store.Actor{UserName: "admin"}
	o2, err := a.svc.Orders.CreateOrder(ctx, actor, order.OrderInput{})
	if err != nil {
		t.Fatal(err)
	}
	if o2, err = a.svc.Orders.AddLine(ctx, actor, o2.ID, o2.Version, order.LineInput{ProductID: o.Lines[0].ProductID, Quantity: 1}); err != nil {
		t.Fatal(err)
	}
	f, err := a.Documents.WavePickListData([]string{o.ID, o2.ID})
	if err != nil || f.FileName != "pick-list-"+o.Number+"-and-1-more.pdf" {
		t.Fatalf("wave = %q, %v", f.FileName, err)
	}
	if _, err := a.Documents.WavePickListData(nil); errs.Code(err) != errs.EINVALID || errs.Field(err) != "orderIds" {
		t.Fatalf("empty wave: %v", err)
	}
	if _, err := a.Documents.WavePickListData([]string{o.ID, "nope"}); errs.Code(err) != errs.ENOTFOUND {
		t.Fatalf("unknown order in a wave: %v", err)
	}
	// Outside the desktop window there is no save dialog: told, not crashed.
	if _, err := a.Documents.SaveDocument("invoice", o.ID); errs.Code(err) != errs.ECONFLICT {
		t.Fatalf("save without a window: %v", err)
	}
}
