package app

import (
	"oms/internal/auth"
	"oms/internal/shipping"
)

// Who may do what with carriers. The admin configures them, like the other
// company settings (settings.company); everyone who sees orders reads
// them and asks for quotes (orders.view), the packers at the pack station
// included.
func init() {
	addRules(map[string]rule{
		"ShippingAPI.Carriers":      need(auth.PermOrdersView),
		"ShippingAPI.Carrier":       need(auth.PermOrdersView),
		"ShippingAPI.Quote":         need(auth.PermOrdersView),
		"ShippingAPI.Rates":         need(auth.PermSettingsCompany),
		"ShippingAPI.CreateCarrier": need(auth.PermSettingsCompany),
		"ShippingAPI.UpdateCarrier": need(auth.PermSettingsCompany),
		"ShippingAPI.CreateService": need(auth.PermSettingsCompany),
		"ShippingAPI.UpdateService": need(auth.PermSettingsCompany),
		"ShippingAPI.CreateZone":    need(auth.PermSettingsCompany),
		"ShippingAPI.UpdateZone":    need(auth.PermSettingsCompany),
		"ShippingAPI.DeleteZone":    need(auth.PermSettingsCompany),
		"ShippingAPI.SetRates":      need(auth.PermSettingsCompany),
	})
}

// EventCarriersChanged follows any change to a carrier, its services,
// zones or rates; it carries the carrier's id.
const EventCarriersChanged = "carriers:changed"

// ShippingAPI is the carriers the admin configures: their services, zones
// and rate tables.
type ShippingAPI struct{ a *App }

// Carriers returns the carriers by name with their services and zones;
// only the active carriers and services when activeOnly.
func (x *ShippingAPI) Carriers(activeOnly bool) ([]CarrierView, error) {
	if _, err := x.a.guard(); err != nil {
		return []CarrierView{}, err
	}
	cs, err := x.a.svc.Shipping.FindCarriers(x.a.context(), activeOnly)
	if err != nil {
		return []CarrierView{}, err
	}
	out := make([]CarrierView, 0, len(cs))
	for _, c := range cs {
		out = append(out, carrierView(c))
	}
	return out, nil
}

// Carrier returns one carrier with all its services and zones. ENOTFOUND.
func (x *ShippingAPI) Carrier(id string) (CarrierView, error) {
	if _, err := x.a.guard(); err != nil {
		return carrierView(nil), err
	}
	c, err := x.a.svc.Shipping.FindCarrierByID(x.a.context(), id)
	return carrierView(c), err
}

func (x *ShippingAPI) changed(carrierID string, err error) {
	if err == nil {
		x.a.emit(EventCarriersChanged, carrierID)
	}
}

// CreateCarrier adds an active carrier. EINVALID on "name", "trackingUrl"
// or "trackingPattern"; ECONFLICT on "name".
func (x *ShippingAPI) CreateCarrier(in NewCarrier) (CarrierView, error) {
	me, err := x.a.guard()
	if err != nil {
		return carrierView(nil), err
	}
	c, err := x.a.svc.Shipping.CreateCarrier(x.a.context(), actorOf(me),
		shipping.CarrierInput{Name: in.Name, TrackingURL: in.TrackingURL, TrackingPattern: in.TrackingPattern})
	if c != nil {
		x.changed(c.ID, err)
	}
	return carrierView(c), err
}

// UpdateCarrier saves a carrier's name, tracking page, tracking pattern and
// activity. ENOTFOUND; EINVALID on "name", "trackingUrl" or
// "trackingPattern"; ECONFLICT on "name".
func (x *ShippingAPI) UpdateCarrier(id string, in CarrierChange) (CarrierView, error) {
	me, err := x.a.guard()
	if err != nil {
		return carrierView(nil), err
	}
	c, err := x.a.svc.Shipping.UpdateCarrier(x.a.context(), actorOf(me), id, shipping.CarrierUpdate{
		Name: &in.Name, TrackingURL: &in.TrackingURL, TrackingPattern: &in.TrackingPattern, Active: &in.Active})
	x.changed(id, err)
	return carrierView(c), err
}

// CreateService adds an active service to a carrier. ENOTFOUND on
// "carrierId"; EINVALID on "code" or "name"; ECONFLICT on "code".
func (x *ShippingAPI) CreateService(carrierID string, in NewCarrierService) (CarrierServiceView, error) {
	me, err := x.a.guard()
	if err != nil {
		return CarrierServiceView{}, err
	}
	s, err := x.a.svc.Shipping.CreateService(x.a.context(), actorOf(me), carrierID, shipping.ServiceInput{Code: in.Code, Name: in.Name})
	x.changed(carrierID, err)
	return serviceView(s), err
}

// UpdateService saves a service's code, name and activity. ENOTFOUND on
// "serviceId"; EINVALID on "code" or "name"; ECONFLICT on "code".
func (x *ShippingAPI) UpdateService(id string, in CarrierServiceChange) (CarrierServiceView, error) {
	me, err := x.a.guard()
	if err != nil {
		return CarrierServiceView{}, err
	}
	s, err := x.a.svc.Shipping.UpdateService(x.a.context(), actorOf(me), id,
		shipping.ServiceUpdate{Code: &in.Code, Name: &in.Name, Active: &in.Active})
	if s != nil {
		x.changed(s.CarrierID, err)
	}
	return serviceView(s), err
}

// CreateZone adds a zone to a carrier. ENOTFOUND on "carrierId"; EINVALID
// on "name" or "countries"; ECONFLICT on "name".
func (x *ShippingAPI) CreateZone(carrierID string, in ShippingZoneInput) (ShippingZoneView, error) {
	me, err := x.a.guard()
	if err != nil {
		return zoneView(nil), err
	}
	z, err := x.a.svc.Shipping.CreateZone(x.a.context(), actorOf(me), carrierID,
		shipping.ZoneInput{Name: in.Name, Countries: append([]string{}, in.Countries...)})
	x.changed(carrierID, err)
	return zoneView(z), err
}

// UpdateZone saves a zone's name and countries. ENOTFOUND on "zoneId";
// EINVALID on "name" or "countries"; ECONFLICT on "name".
func (x *ShippingAPI) UpdateZone(id string, in ShippingZoneInput) (ShippingZoneView, error) {
	me, err := x.a.guard()
	if err != nil {
		return zoneView(nil), err
	}
	z, err := x.a.svc.Shipping.UpdateZone(x.a.context(), actorOf(me), id,
		shipping.ZoneUpdate{Name: &in.Name, Countries: append([]string{}, in.Countries...)})
	if z != nil {
		x.changed(z.CarrierID, err)
	}
	return zoneView(z), err
}

// DeleteZone removes a zone with every rate to it. ENOTFOUND on "zoneId".
func (x *ShippingAPI) DeleteZone(id string) error {
	me, err := x.a.guard()
	if err != nil {
		return err
	}
	err = x.a.svc.Shipping.DeleteZone(x.a.context(), actorOf(me), id)
	x.changed("", err)
	return err
}

// Rates returns a service's rate table, every band to every zone, by zone
// then weight. ENOTFOUND on "serviceId".
func (x *ShippingAPI) Rates(serviceID string) ([]ShippingRateView, error) {
	if _, err := x.a.guard(); err != nil {
		return []ShippingRateView{}, err
	}
	rs, err := x.a.svc.Shipping.FindRates(x.a.context(), serviceID)
	if err != nil {
		return []ShippingRateView{}, err
	}
	return rateViews(rs), nil
}

// SetRates replaces the rate table of a service to one zone; no bands
// clears it. ENOTFOUND on "serviceId" or "zoneId"; EINVALID on "zoneId" or
// "bands[i].maxWeightG" / "bands[i].price".
func (x *ShippingAPI) SetRates(serviceID, zoneID string, bands []ShippingRateBand) ([]ShippingRateView, error) {
	me, err := x.a.guard()
	if err != nil {
		return []ShippingRateView{}, err
	}
	in := make([]shipping.RateBand, 0, len(bands))
	for _, b := range bands {
		in = append(in, shipping.RateBand{MaxWeightG: b.MaxWeightG, Price: b.Price})
	}
	rs, err := x.a.svc.Shipping.SetRates(x.a.context(), actorOf(me), serviceID, zoneID, in)
	x.changed("", err)
	if err != nil {
		return []ShippingRateView{}, err
	}
	return rateViews(rs), nil
}

// Quote prices packages of weightsG grams with a carrier's service to a
// country by its rate tables. ENOTFOUND on "carrierId" or "serviceId";
// EINVALID on "carrierId", "serviceId", "country", "packages" or
// "packages[i].weightG".
func (x *ShippingAPI) Quote(carrierID, serviceID, country string, weightsG []int64) (ShippingQuoteView, error) {
	if _, err := x.a.guard(); err != nil {
		return quoteView(nil), err
	}
	q, err := x.a.svc.Shipping.Quote(x.a.context(), carrierID,
		shipping.QuoteRequest{ServiceID: serviceID, Country: country, WeightsG: append([]int64{}, weightsG...)})
	return quoteView(q), err
}
