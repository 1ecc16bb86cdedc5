package demo

import (
	"fmt"

	"oms/internal/order"
	"oms/internal/shipping"
	"oms/internal/store"
)

// The demo's carriers: a parcel carrier with two services and zones for
// home, the rest of the EU and the world, and the business's own van with
// tracking numbers of its own.
var (
	// euCountries are the EU members; the company's own country is left
	// out, since it is the domestic zone.
	euCountries = []string{"AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU", "IE", "IT",
		"LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK"}
	parcelBandsG = []int64{1000, 5000, 10000, 20000, 31500}
	// parcelPrices are cents by service code, zone and band.
	parcelPrices = map[string]map[string][]int64{
		"STD": {"Domestic": {499, 599, 849, 1399, 1799}, "EU": {1399, 1799, 2499, 3499, 4499}, "Rest of world": {3499, 4999, 6999, 9999, 12999}},
		"EXP": {"Domestic": {1199, 1399, 1799, 2499, 3299}, "EU": {2999, 3699, 4799, 6499, 7999}, "Rest of world": {5999, 7999, 10999, 14999, 18999}},
	}
)

// OwnDeliveryPattern numbers the own van's deliveries.
const OwnDeliveryPattern = "HW-{station}-{seq:6}{check}"

func (s *seeder) carriers() error {
	home := Company.Country
	var eu []string
	for _, c := range euCountries {
		if c != home {
			eu = append(eu, c)
		}
	}
	dhl, err := s.Shipping.CreateCarrier(s.ctx, s.admin, shipping.CarrierInput{Name: "DHL Parcel",
		TrackingURL: "https://www.dhl.com/track?tracking-id={tracking}"})
	if err != nil {
		return err
	}
	zones := map[string]*shipping.Zone{}
	for _, z := range []shipping.ZoneInput{{Name: "Domestic", Countries: []string{home}}, {Name: "EU", Countries: eu},
		{Name: "Rest of world", Countries: []string{shipping.RestOfWorld}}} {
		if zones[z.Name], err = s.Shipping.CreateZone(s.ctx, s.admin, dhl.ID, z); err != nil {
			return fmt.Errorf("zone %s: %w", z.Name, err)
		}
	}
	for _, sv := range []shipping.ServiceInput{{Code: "STD", Name: "Standard"}, {Code: "EXP", Name: "Express"}} {
		v, err := s.Shipping.CreateService(s.ctx, s.admin, dhl.ID, sv)
		if err != nil {
			return fmt.Errorf("service %s: %w", sv.Code, err)
		}
		if sv.Code == "STD" {
			s.parcel = v
		}
		for _, zone := range []string{"Domestic", "EU", "Rest of world"} {
			bands := make([]shipping.RateBand, len(parcelBandsG))
			for i, g := range parcelBandsG {
				bands[i] = shipping.RateBand{MaxWeightG: g, Price: parcelPrices[sv.Code][zone][i]}
			}
			if _, err := s.Shipping.SetRates(s.ctx, s.admin, v.ID, zones[zone].ID, bands); err != nil {
				return fmt.Errorf("rates %s to %s: %w", sv.Code, zone, err)
			}
		}
	}
	s.sum.Carriers++

	own, err := s.Shipping.CreateCarrier(s.ctx, s.admin, shipping.CarrierInput{Name: "Own delivery", TrackingPattern: OwnDeliveryPattern})
	if err != nil {
		return err
	}
	local, err := s.Shipping.CreateZone(s.ctx, s.admin, own.ID, shipping.ZoneInput{Name: "Domestic", Countries: []string{home}})
	if err != nil {
		return err
	}
	van, err := s.Shipping.CreateService(s.ctx, s.admin, own.ID, shipping.ServiceInput{Code: "LOCAL", Name: "Same-day van"})
	if err != nil {
		return err
	}
	s.van = van
	if _, err := s.Shipping.SetRates(s.ctx, s.admin, van.ID, local.ID, []shipping.RateBand{
		{MaxWeightG: 30000, Price: 990}, {MaxWeightG: 100000, Price: 1990}, {MaxWeightG: 500000, Price: 4900}}); err != nil {
		return err
	}
	s.sum.Carriers++
	return nil
}

// pack packs what is ready of an order into a shipment, as the pack
// station does: every reserved unit, in parcels of at most 20 kg, by the
// own van at home now and then, else by parcel. An order with nothing
// ready is left as it is; one without a shipping address is collected
// whole, without shipments.
func (s *seeder) pack(p *plan) error {
	o, err := s.Orders.FindOrderByID(s.ctx, p.id)
	if err != nil {
		return err
	}
	if o.ShippingAddress.Country == "" {
		if o.Status == order.StatusPicking {
			_, err = s.Orders.Advance(s.ctx, s.pick, p.id, order.StatusPacked, "")
		}
		return err
	}
	var lines []order.ShipQuantity
	var weight int64
	for _, l := range o.Lines {
		if l.Reserved == 0 {
			continue
		}
		lines = append(lines, order.ShipQuantity{LineID: l.ID, Quantity: l.Reserved})
		w := int64(250) // a parcel's packing, and products without a weight
		for _, prod := range s.products {
			if prod.ID == l.ProductID && prod.WeightG > 0 {
				w = prod.WeightG
			}
		}
		weight += w * l.Reserved
	}
	if len(lines) == 0 {
		return nil
	}
	const maxParcel = 20000
	var packages []shipping.PackageInput
	for left := max(weight, 100); left > 0; left -= maxParcel {
		packages = append(packages, shipping.PackageInput{WeightG: min(left, maxParcel), LengthMM: 400, WidthMM: 300, HeightMM: 200})
	}
	svc := s.parcel
	if o.ShippingAddress.Country == Company.Country && p.n%4 == 0 && weight <= 30000 {
		svc = s.van
	}
	in := shipping.ShipmentInput{OrderID: o.ID, CarrierID: svc.CarrierID, ServiceID: svc.ID, Lines: lines, Packages: packages}
	if svc == s.parcel {
		in.TrackingNumber = fmt.Sprintf("JJD%014d", 40000000000+int64(p.n)*1000+int64(len(o.Lines)))
	}
	_, err = s.Shipping.CreateShipment(s.ctx, s.pick, in)
	return err
}

// travel moves an order's shipments on to status: in transit (the driver
// took them) or delivered.
func (s *seeder) travel(p *plan, to shipping.Status, who store.Actor) error {
	list, _, err := s.Shipping.FindShipments(s.ctx, shipping.ShipmentFilter{OrderID: p.id})
	if err != nil {
		return err
	}
	for _, sh := range list {
		if sh.Status == to || sh.Status == shipping.StatusDelivered {
			continue
		}
		note := "collected by the driver"
		if to == shipping.StatusDelivered {
			note = "delivered"
		}
		if _, err := s.Shipping.UpdateStatus(s.ctx, who, sh.ID, to, note); err != nil {
			return err
		}
	}
	return nil
}
