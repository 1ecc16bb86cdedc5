package shipping

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"oms/internal/errs"
	"oms/internal/order"
)

// ship packs one nut of a fresh order into a one-package shipment with the
// given carrier, a minute after the last.
func (e *shipEnv) ship(t *testing.T, c *CarrierConfig, svc *CarrierService) *Shipment {
	t.Helper()
	e.tick()
	o := e.confirmed(t, order.LineInput{ProductID: e.nut.ID, Quantity: 1})
	return must(e.s.CreateShipment(context.Background(), shipActor, ShipmentInput{OrderID: o.ID, CarrierID: c.ID, ServiceID: svc.ID,
		Lines: []order.ShipQuantity{{LineID: o.Lines[0].ID, Quantity: 1}}, Packages: []PackageInput{{WeightG: 20}}}))(t)
}

func TestShipmentService_FindShipments_Filter(t *testing.T) {
	e := newShipEnv(t)
	ctx := context.Background()
	day1 := e.now                                         // 2 March, 09:0x
	a := e.ship(t, e.parcel, e.standard)                  // day 1, DHL
	b := e.ship(t, e.own, e.van)                          // day 1, own
	e.now = time.Date(2026, 3, 3, 23, 58, 0, 0, time.UTC) // day 2, just before midnight
	c := e.ship(t, e.parcel, e.standard)                  // day 2, DHL
	must(e.s.UpdateStatus(ctx, shipActor, b.ID, StatusInTransit, ""))(t)
	day2 := time.Date(2026, 3, 3, 0, 0, 0, 0, time.UTC)
	day3 := day2.AddDate(0, 0, 1)

	tests := []struct {
		name string
		f    ShipmentFilter
		want []*Shipment // newest first
	}{
		{"All", ShipmentFilter{}, []*Shipment{c, b, a}},
		{"Carrier", ShipmentFilter{CarrierID: e.parcel.ID}, []*Shipment{c, a}},
		{"OtherCarrier", ShipmentFilter{CarrierID: e.own.ID}, []*Shipment{b}},
		{"UnknownCarrier", ShipmentFilter{CarrierID: "nope"}, nil},
		{"FromDay2", ShipmentFilter{From: day2}, []*Shipment{c}},
		{"ToBeforeDay2", ShipmentFilter{To: day2}, []*Shipment{b, a}},
		{"Day2Only", ShipmentFilter{From: day2, To: day3}, []*Shipment{c}},
		{"Day1FromItsStart", ShipmentFilter{From: day1.Truncate(24 * time.Hour), To: day2}, []*Shipment{b, a}},
		{"CarrierAndStatus", ShipmentFilter{CarrierID: e.parcel.ID, Status: StatusLabelCreated, To: day2}, []*Shipment{a}},
		{"StatusInTransit", ShipmentFilter{Status: StatusInTransit}, []*Shipment{b}},
		{"TrackingOfCarrier", ShipmentFilter{CarrierID: e.own.ID, Query: b.TrackingNumber}, []*Shipment{b}},
		{"TrackingOfOtherCarrier", ShipmentFilter{CarrierID: e.parcel.ID, Query: b.TrackingNumber}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			list, total := must2(e.s.FindShipments(ctx, tc.f))(t)
			if total != len(tc.want) || len(list) != len(tc.want) {
				t.Fatalf("found %d (total %d), want %d", len(list), total, len(tc.want))
			}
			for i, sh := range tc.want {
				if list[i].ID != sh.ID || list[i].OrderNumber == "" || list[i].OrderNumber != sh.OrderNumber {
					t.Errorf("[%d] = %s, want %s", i, list[i].Number, sh.Number)
				}
			}
		})
	}
	t.Run("EndBeforeStart", func(t *testing.T) {
		_, _, err := e.s.FindShipments(ctx, ShipmentFilter{From: day3, To: day2})
		wantErr(t, err, errs.EINVALID, "to")
	})
}

func TestShipmentService_UpdateStatuses(t *testing.T) {
	e := newShipEnv(t)
	ctx := context.Background()
	a := e.ship(t, e.parcel, e.standard)
	b := e.ship(t, e.parcel, e.standard)
	c := e.ship(t, e.own, e.van)
	must(e.s.UpdateStatus(ctx, shipActor, c.ID, StatusDelivered, ""))(t)
	statuses := func() []Status {
		var out []Status
		for _, sh := range []*Shipment{a, b, c} {
			out = append(out, must(e.s.FindShipmentByID(ctx, sh.ID))(t).Status)
		}
		return out
	}
	many := make([]string, MaxBatch+1)
	for i := range many {
		many[i] = fmt.Sprintf("id-%d", i)
	}

	refusals := []struct {
		name  string
		ids   []string
		to    Status
		note  string
		code  string
		field string
	}{
		{"None", nil, StatusInTransit, "", errs.EINVALID, "ids"},
		{"TooMany", many, StatusInTransit, "", errs.EINVALID, "ids"},
		{"NotAStatus", []string{a.ID}, "lost", "", errs.EINVALID, "status"},
		{"NoteTooLong", []string{a.ID}, StatusInTransit, strings.Repeat("x", MaxNoteLen+1), errs.EINVALID, "note"},
		{"Twice", []string{a.ID, b.ID, a.ID}, StatusInTransit, "", errs.EINVALID, "ids[2]"},
		// The delivered one is third: the two before it must not move.
		{"OneDelivered", []string{a.ID, b.ID, c.ID}, StatusInTransit, "", errs.EINVALID, "ids[2]"},
		{"Unknown", []string{a.ID, "nope"}, StatusInTransit, "", errs.ENOTFOUND, "ids[1]"},
	}
	for _, tc := range refusals {
		t.Run(tc.name, func(t *testing.T) {
			_, err := e.s.UpdateStatuses(ctx, shipActor, tc.ids, tc.to, tc.note)
			wantErr(t, err, tc.code, tc.field)
			// All or nothing: no shipment moved, no event recorded.
			if got := statuses(); got[0] != StatusLabelCreated || got[1] != StatusLabelCreated {
				t.Fatalf("statuses after a refusal = %v", got)
			}
			var n int
			if err := e.db.Reader().QueryRow(`SELECT COUNT(*) FROM shipment_events WHERE shipment_id IN (?, ?)`, a.ID, b.ID).Scan(&n); err != nil || n != 2 {
				t.Fatalf("events = %d (%v)", n, err)
			}
		})
	}

	t.Run("HandedToCarrier", func(t *testing.T) {
		e.tick()
		got, err := e.s.UpdateStatuses(ctx, shipActor, []string{b.ID, a.ID}, StatusInTransit, " collected by the driver ")
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != 2 || got[0].ID != b.ID || got[1].ID != a.ID {
			t.Fatalf("returned %d shipments in the wrong order", len(got))
		}
		for _, sh := range got {
			last := sh.Events[len(sh.Events)-1]
			if sh.Status != StatusInTransit || last.Status != StatusInTransit || last.Note != "collected by the driver" ||
				last.UserName != "packer" || !last.At.Equal(e.now) {
				t.Fatalf("%s: %s, last event %+v", sh.Number, sh.Status, last)
			}
			// Each order shipped all it had: it follows.
			if o := must(e.orders.FindOrderByID(ctx, sh.OrderID))(t); o.Status != order.StatusShipped {
				t.Fatalf("order of %s = %s", sh.Number, o.Status)
			}
		}
	})
	t.Run("Delivered", func(t *testing.T) {
		if _, err := e.s.UpdateStatuses(ctx, shipActor, []string{a.ID, b.ID}, StatusDelivered, ""); err != nil {
			t.Fatal(err)
		}
		if got := statuses(); got[0] != StatusDelivered || got[1] != StatusDelivered {
			t.Fatalf("statuses = %v", got)
		}
		if o := must(e.orders.FindOrderByID(ctx, a.OrderID))(t); o.Status != order.StatusDelivered {
			t.Fatalf("order = %s", o.Status)
		}
	})
}
