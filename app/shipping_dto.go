package app

import (
	"time"

	"oms/internal/shipping"
)

// CarrierView is a carrier with its services and zones.
type CarrierView struct {
	ID              string               `json:"id"`
	Name            string               `json:"name"`
	TrackingURL     string               `json:"trackingUrl"`     // {tracking} stands for the number; "" for none
	TrackingPattern string               `json:"trackingPattern"` // generates tracking numbers; "" when typed or scanned
	Active          bool                 `json:"active"`
	Services        []CarrierServiceView `json:"services"`
	Zones           []ShippingZoneView   `json:"zones"`
	CreatedAt       string               `json:"createdAt"`
	UpdatedAt       string               `json:"updatedAt"`
}

// CarrierServiceView is one service of a carrier; code is the carrier's own.
type CarrierServiceView struct {
	ID        string `json:"id"`
	CarrierID string `json:"carrierId"`
	Code      string `json:"code"`
	Name      string `json:"name"`
	Active    bool   `json:"active"`
}

// ShippingZoneView is a carrier's zone: ISO alpha-2 countries, or ["*"] for the
// rest of the world.
type ShippingZoneView struct {
	ID        string   `json:"id"`
	CarrierID string   `json:"carrierId"`
	Name      string   `json:"name"`
	Countries []string `json:"countries"`
}

// ShippingRateView is one weight band of a service's rate table to a zone: the
// price, in minor units of the company currency, of a package up to
// maxWeightG grams.
type ShippingRateView struct {
	ID         string `json:"id"`
	ServiceID  string `json:"serviceId"`
	ZoneID     string `json:"zoneId"`
	MaxWeightG int64  `json:"maxWeightG"`
	Price      int64  `json:"price"`
}

// ShippingRateBand is one row of a rate table to set.
type ShippingRateBand struct {
	MaxWeightG int64 `json:"maxWeightG"`
	Price      int64 `json:"price"`
}

// NewCarrier describes a carrier to add.
type NewCarrier struct {
	Name            string `json:"name"`
	TrackingURL     string `json:"trackingUrl"`
	TrackingPattern string `json:"trackingPattern"`
}

// CarrierChange is a carrier's editable fields, all saved.
type CarrierChange struct {
	Name            string `json:"name"`
	TrackingURL     string `json:"trackingUrl"`
	TrackingPattern string `json:"trackingPattern"`
	Active          bool   `json:"active"`
}

// NewCarrierService describes a service to add to a carrier.
type NewCarrierService struct {
	Code string `json:"code"`
	Name string `json:"name"`
}

// CarrierServiceChange is a service's editable fields, all saved.
type CarrierServiceChange struct {
	Code   string `json:"code"`
	Name   string `json:"name"`
	Active bool   `json:"active"`
}

// ShippingZoneInput is a zone's name and countries, to add or to save.
type ShippingZoneInput struct {
	Name      string   `json:"name"`
	Countries []string `json:"countries"`
}

// ShippingQuoteView is the price of packages by the rate table, in minor units of
// currency, per package and in total.
type ShippingQuoteView struct {
	Cost       int64   `json:"cost"`
	Currency   string  `json:"currency"`
	ZoneID     string  `json:"zoneId"`
	ZoneName   string  `json:"zoneName"`
	PerPackage []int64 `json:"perPackage"`
}

func carrierView(c *shipping.CarrierConfig) CarrierView {
	if c == nil {
		return CarrierView{Services: []CarrierServiceView{}, Zones: []ShippingZoneView{}}
	}
	v := CarrierView{ID: c.ID, Name: c.Name, TrackingURL: c.TrackingURL, TrackingPattern: c.TrackingPattern, Active: c.Active,
		Services: make([]CarrierServiceView, 0, len(c.Services)), Zones: make([]ShippingZoneView, 0, len(c.Zones)),
		CreatedAt: c.CreatedAt.Format(time.RFC3339), UpdatedAt: c.UpdatedAt.Format(time.RFC3339)}
	for _, s := range c.Services {
		v.Services = append(v.Services, serviceView(s))
	}
	for _, z := range c.Zones {
		v.Zones = append(v.Zones, zoneView(z))
	}
	return v
}

func serviceView(s *shipping.CarrierService) CarrierServiceView {
	if s == nil {
		return CarrierServiceView{}
	}
	return CarrierServiceView{ID: s.ID, CarrierID: s.CarrierID, Code: s.Code, Name: s.Name, Active: s.Active}
}

func zoneView(z *shipping.Zone) ShippingZoneView {
	if z == nil {
		return ShippingZoneView{Countries: []string{}}
	}
	return ShippingZoneView{ID: z.ID, CarrierID: z.CarrierID, Name: z.Name, Countries: append([]string{}, z.Countries...)}
}

func rateViews(rs []*shipping.Rate) []ShippingRateView {
	out := make([]ShippingRateView, 0, len(rs))
	for _, r := range rs {
		out = append(out, ShippingRateView{ID: r.ID, ServiceID: r.ServiceID, ZoneID: r.ZoneID, MaxWeightG: r.MaxWeightG, Price: r.Price})
	}
	return out
}

func quoteView(q *shipping.Quote) ShippingQuoteView {
	if q == nil {
		return ShippingQuoteView{PerPackage: []int64{}}
	}
	return ShippingQuoteView{Cost: q.Cost, Currency: q.Currency, ZoneID: q.ZoneID, ZoneName: q.ZoneName, PerPackage: append([]int64{}, q.PerPackage...)}
}
