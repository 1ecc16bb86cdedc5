package docs

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"testing"

	"oms/internal/errs"
	"oms/internal/order"
)

// TestSortOrderIDs sorts the env's orders and three more: one picked from
// B-01 only, one from A-10-1 only, and one with nothing in a bin.
func TestSortOrderIDs(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	mk := func(sku string) *order.Order {
		t.Helper()
		o, err := e.orders.CreateOrder(ctx, testActor, order.OrderInput{WarehouseID: e.main.ID, Currency: "EUR",
			BillingAddress: &order.Address{Name: "Test", Country: "DE"}})
		if err != nil {
			t.Fatal(err)
		}
		if o, err = e.orders.AddLine(ctx, testActor, o.ID, o.Version, order.LineInput{ProductID: e.products[sku].ID, Quantity: 1}); err != nil {
			t.Fatal(err)
		}
		return o
	}
	bracket, glue, bolt := mk("BRACKET-XL"), mk("GLUE"), mk("BOLT-M8")
	byName := map[string]*order.Order{"müller": e.müller, "nguyen": e.nguyen, "papadopoulos": e.papadopoulos, "ivanova": e.ivanova,
		"bracket": bracket, "glue": glue, "bolt": bolt}
	name := map[string]string{}
	for n, o := range byName {
		name[o.ID] = n
	}
	ids := func(names string) []string {
		var out []string
		for _, n := range strings.Fields(names) {
			out = append(out, byName[n].ID)
		}
		return out
	}
	carriers := map[string]string{e.müller.ID: "UPS", e.papadopoulos.ID: "dhl", e.ivanova.ID: "", bracket.ID: "DHL"}
	carrierOf := func(id string) string { return carriers[id] }
	for _, tc := range []struct {
		name      string
		sortBy    string
		carrierOf func(string) string
		in, want  string
		errField  string
	}{
		{"Given", "", nil, "bolt müller bracket", "bolt müller bracket", ""},
		{"ByNumber", "number", nil, "bolt müller bracket papadopoulos", "müller papadopoulos bracket bolt", ""},
		// A-2-1 before A-10-1 before B-01 (path order), no bin last; ties by number.
		{"ByBin", "bin", nil, "glue bracket bolt ivanova müller", "müller ivanova bolt bracket glue", ""},
		// Carriers compare without case; no carrier last.
		{"ByCarrier", "carrier", carrierOf, "ivanova müller bracket papadopoulos", "papadopoulos bracket müller ivanova", ""},
		{"CarrierWithoutCarriers", "carrier", nil, "müller bolt", "", "sortBy"},
		{"Unknown", "weight", nil, "müller bolt", "", "sortBy"},
		{"OneOrder", "bin", nil, "glue", "glue", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := e.printer.SortOrderIDs(ctx, ids(tc.in), tc.sortBy, tc.carrierOf)
			if tc.errField != "" {
				if errs.Code(err) != errs.EINVALID || errs.Field(err) != tc.errField {
					t.Fatalf("err = %v, want EINVALID on %s", err, tc.errField)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			var names []string
			for _, id := range got {
				names = append(names, name[id])
			}
			if strings.Join(names, " ") != tc.want {
				t.Fatalf("got %q, want %q", strings.Join(names, " "), tc.want)
			}
		})
	}
	if _, err := e.printer.SortOrderIDs(ctx, []string{e.müller.ID, "nope"}, "number", nil); errs.Code(err) != errs.ENOTFOUND {
		t.Fatalf("unknown order: %v", err)
	}
}

// TestBatches_Sorted shows the packing slip and invoice batches print in
// the order SortBy asks for.
func TestBatches_Sorted(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	opts := e.opts()
	opts.SortBy = "number"
	given := []*order.Order{e.ivanova, e.nguyen, e.müller}
	var ships []Shipment
	var ids []string
	for _, o := range given {
		ships = append(ships, Shipment{OrderID: o.ID})
		ids = append(ids, o.ID)
	}
	for name, write := range map[string]func(w *bytes.Buffer) error{
		"PackingSlips": func(w *bytes.Buffer) error { return e.printer.WritePackingSlips(ctx, w, ships, opts) },
		"Invoices":     func(w *bytes.Buffer) error { return e.printer.WriteInvoices(ctx, w, ids, opts) },
	} {
		t.Run(name, func(t *testing.T) {
			pages := strings.Split(pdfText(t, render(t, write)), "\f")
			for i, o := range []*order.Order{e.müller, e.nguyen, e.ivanova} {
				if !strings.Contains(pages[i], o.Number) || !strings.Contains(pages[i], o.ShippingAddress.Name) {
					t.Errorf("page %d is not %s's", i+1, o.Number)
				}
			}
		})
	}
	opts.SortBy = "bogus"
	if err := e.printer.WritePackingSlips(ctx, &bytes.Buffer{}, ships, opts); errs.Code(err) != errs.EINVALID {
		t.Fatalf("bogus sort: %v", err)
	}
}

// TestSortLabelsBy_Bin sorts labels as their orders sort by bin: the
// labels of one order together in package order, those without an order
// id last.
func TestSortLabelsBy_Bin(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	o, err := e.orders.CreateOrder(ctx, testActor, order.OrderInput{WarehouseID: e.main.ID, Currency: "EUR",
		BillingAddress: &order.Address{Name: "Test", Country: "DE"}})
	if err != nil {
		t.Fatal(err)
	}
	if o, err = e.orders.AddLine(ctx, testActor, o.ID, o.Version, order.LineInput{ProductID: e.products["BRACKET-XL"].ID, Quantity: 1}); err != nil {
		t.Fatal(err)
	}
	ls := []Label{
		{OrderID: "", OrderNumber: "X-1", PackageNo: 1},
		{OrderID: o.ID, OrderNumber: o.Number, PackageNo: 1},               // B-01
		{OrderID: e.müller.ID, OrderNumber: e.müller.Number, PackageNo: 2}, // A-2-1
		{OrderID: e.müller.ID, OrderNumber: e.müller.Number, PackageNo: 1},
	}
	got, err := e.printer.SortLabelsBy(ctx, ls, "bin")
	if err != nil {
		t.Fatal(err)
	}
	var s []string
	for _, l := range got {
		s = append(s, fmt.Sprintf("%s/%d", l.OrderNumber, l.PackageNo))
	}
	want := fmt.Sprintf("%s/1 %s/2 %s/1 X-1/1", e.müller.Number, e.müller.Number, o.Number)
	if strings.Join(s, " ") != want {
		t.Fatalf("got %s, want %s", strings.Join(s, " "), want)
	}
	if _, err := SortLabels(ls, "bin"); errs.Code(err) != errs.EINVALID {
		t.Fatalf("SortLabels by bin: %v", err)
	}
	ls[1].OrderID = "nope"
	if _, err := e.printer.SortLabelsBy(ctx, ls, "bin"); errs.Code(err) != errs.ENOTFOUND {
		t.Fatalf("unknown order: %v", err)
	}
}
