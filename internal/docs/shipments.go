package docs

import (
	"strings"

	"oms/internal/order"
	"oms/internal/shipping"
)

// ShipmentLabels returns the labels of a recorded shipment of order o: one
// per package, "n of m", each with its own weight.
func ShipmentLabels(o *order.Order, sh *shipping.Shipment) []Label {
	out := make([]Label, 0, len(sh.Packages))
	for _, p := range sh.Packages {
		out = append(out, Label{ShipmentNumber: sh.Number, OrderID: o.ID, OrderNumber: o.Number, ShipTo: o.ShippingAddress,
			Carrier: sh.CarrierName, ServiceCode: sh.ServiceCode, ServiceName: sh.ServiceName,
			TrackingNumber: sh.TrackingNumber, WeightG: p.WeightG, PackageNo: p.PackageNo, Packages: len(sh.Packages)})
	}
	return out
}

// ShipmentSlip returns the packing slip of a recorded shipment: its lines'
// quantities, its number, carrier and tracking number.
func ShipmentSlip(sh *shipping.Shipment) Shipment {
	q := make(map[string]int64, len(sh.Lines))
	for _, l := range sh.Lines {
		q[l.OrderLineID] += l.Quantity
	}
	carrier := strings.TrimSpace(sh.CarrierName + " · " + sh.ServiceName)
	return Shipment{OrderID: sh.OrderID, Quantities: q, Number: sh.Number, Carrier: carrier, Tracking: sh.TrackingNumber}
}
