package app

import (
	"strings"
	"testing"

	"oms/internal/errs"
)

func TestShippingAPI_ConfigureAndQuote(t *testing.T) {
	a, rec := newAdminApp(t)
	c, err := a.Shipping.CreateCarrier(NewCarrier{Name: "DHL Parcel", TrackingURL: "https://www.dhl.com/track?tracking-id={tracking}"})
	if err != nil || c.ID == "" || !c.Active || len(c.Services) != 0 || len(c.Zones) != 0 || c.CreatedAt == "" {
		t.Fatalf("carrier = %+v, %v", c, err)
	}
	if rec.count(EventCarriersChanged) != 1 {
		t.Fatalf("%d carrier events", rec.count(EventCarriersChanged))
	}
	std, err := a.Shipping.CreateService(c.ID, NewCarrierService{Code: "STD", Name: "Standard"})
	if err != nil || std.CarrierID != c.ID {
		t.Fatalf("service = %+v, %v", std, err)
	}
	dom, err := a.Shipping.CreateZone(c.ID, ShippingZoneInput{Name: "Domestic", Countries: []string{"de"}})
	if err != nil || strings.Join(dom.Countries, ",") != "DE" {
		t.Fatalf("zone = %+v, %v", dom, err)
	}
	world, err := a.Shipping.CreateZone(c.ID, ShippingZoneInput{Name: "Rest of world", Countries: []string{"*"}})
	if err != nil {
		t.Fatal(err)
	}
	rates, err := a.Shipping.SetRates(std.ID, dom.ID, []ShippingRateBand{{MaxWeightG: 5000, Price: 699}, {MaxWeightG: 1000, Price: 499}})
	if err != nil || len(rates) != 2 || rates[0].MaxWeightG != 1000 {
		t.Fatalf("rates = %+v, %v", rates, err)
	}
	if _, err := a.Shipping.SetRates(std.ID, world.ID, []ShippingRateBand{{MaxWeightG: 2000, Price: 2999}}); err != nil {
		t.Fatal(err)
	}
	q, err := a.Shipping.Quote(c.ID, std.ID, "DE", []int64{800, 4200})
	if err != nil || q.Cost != 499+699 || q.Currency != "EUR" || q.ZoneName != "Domestic" || len(q.PerPackage) != 2 {
		t.Fatalf("quote = %+v, %v", q, err)
	}
	if q, err = a.Shipping.Quote(c.ID, std.ID, "JP", []int64{2000}); err != nil || q.Cost != 2999 || q.ZoneID != world.ID {
		t.Fatalf("quote JP = %+v, %v", q, err)
	}
	_, err = a.Shipping.Quote(c.ID, std.ID, "JP", []int64{2001})
	if errs.Code(err) != errs.EINVALID || errs.Field(err) != "packages[0].weightG" {
		t.Fatalf("too heavy: %v", err)
	}
	if dto, _ := a.FormatError(err).(string); !strings.Contains(dto, `"field":"packages[0].weightG"`) {
		t.Fatalf("error DTO = %s", dto)
	}

	got, err := a.Shipping.Carrier(c.ID)
	if err != nil || len(got.Services) != 1 || len(got.Zones) != 2 || got.Zones[1].Countries[0] != "*" {
		t.Fatalf("carrier = %+v, %v", got, err)
	}
	if all, err := a.Shipping.Rates(std.ID); err != nil || len(all) != 3 {
		t.Fatalf("rates = %+v, %v", all, err)
	}
	if err := a.Shipping.DeleteZone(world.ID); err != nil {
		t.Fatal(err)
	}
	if all, err := a.Shipping.Rates(std.ID); err != nil || len(all) != 2 {
		t.Fatalf("rates after delete = %+v, %v", all, err)
	}
	_, err = a.Shipping.Quote(c.ID, std.ID, "JP", []int64{1})
	if errs.Code(err) != errs.EINVALID || errs.Field(err) != "country" || errs.Message(err) != "DHL Parcel does not deliver to Japan: add it to a zone." {
		t.Fatalf("not served: %v", err)
	}

	// Edits save every field.
	up, err := a.Shipping.UpdateCarrier(c.ID, CarrierChange{Name: "DHL Paket", TrackingURL: got.TrackingURL, Active: false})
	if err != nil || up.Name != "DHL Paket" || up.Active || up.TrackingURL != got.TrackingURL {
		t.Fatalf("update = %+v, %v", up, err)
	}
	if list, err := a.Shipping.Carriers(true); err != nil || len(list) != 0 {
		t.Fatalf("active carriers = %+v, %v", list, err)
	}
	if list, err := a.Shipping.Carriers(false); err != nil || len(list) != 1 {
		t.Fatalf("carriers = %+v, %v", list, err)
	}
	sv, err := a.Shipping.UpdateService(std.ID, CarrierServiceChange{Code: "STD", Name: "Standard parcel", Active: true})
	if err != nil || sv.Name != "Standard parcel" {
		t.Fatalf("service = %+v, %v", sv, err)
	}
	z, err := a.Shipping.UpdateZone(dom.ID, ShippingZoneInput{Name: "Germany", Countries: []string{"DE"}})
	if err != nil || z.Name != "Germany" {
		t.Fatalf("zone = %+v, %v", z, err)
	}
}

func TestShippingAPI_Errors(t *testing.T) {
	a, _ := newAdminApp(t)
	tests := []struct {
		name  string
		call  func() error
		code  string
		field string
	}{
		{"CarrierName", func() error { _, err := a.Shipping.CreateCarrier(NewCarrier{Name: " "}); return err }, errs.EINVALID, "name"},
		{"TrackingURL", func() error {
			_, err := a.Shipping.CreateCarrier(NewCarrier{Name: "X", TrackingURL: "https://x.example/"})
			return err
		}, errs.EINVALID, "trackingUrl"},
		{"TrackingPattern", func() error {
			_, err := a.Shipping.CreateCarrier(NewCarrier{Name: "X", TrackingPattern: "OWN"})
			return err
		}, errs.EINVALID, "trackingPattern"},
		{"UnknownCarrier", func() error { _, err := a.Shipping.Carrier("nope"); return err }, errs.ENOTFOUND, "carrierId"},
		{"ServiceOfUnknownCarrier", func() error {
			_, err := a.Shipping.CreateService("nope", NewCarrierService{Code: "A", Name: "A"})
			return err
		}, errs.ENOTFOUND, "carrierId"},
		{"UnknownCountry", func() error {
			c, _ := a.Shipping.CreateCarrier(NewCarrier{Name: "Y"})
			_, err := a.Shipping.CreateZone(c.ID, ShippingZoneInput{Name: "Z", Countries: []string{"QQ"}})
			return err
		}, errs.EINVALID, "countries"},
		{"RatesOfUnknownService", func() error { _, err := a.Shipping.Rates("nope"); return err }, errs.ENOTFOUND, "serviceId"},
		{"SetRatesUnknownService", func() error { _, err := a.Shipping.SetRates("nope", "nope", nil); return err }, errs.ENOTFOUND, "serviceId"},
		{"DeleteUnknownZone", func() error { return a.Shipping.DeleteZone("nope") }, errs.ENOTFOUND, "zoneId"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.call()
			if errs.Code(err) != tt.code || errs.Field(err) != tt.field {
				t.Fatalf("err = %v, want %s on %q", err, tt.code, tt.field)
			}
		})
	}
}

// A packer (warehouse role) reads carriers and quotes, and configures nothing.
func TestShippingAPI_WarehouseReadsOnly(t *testing.T) {
	a, _ := newAdminApp(t)
	c, err := a.Shipping.CreateCarrier(NewCarrier{Name: "DHL Parcel"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := a.Users.CreateUser(UserInput{Name: "wes", FullName: "Wes Warehouse", Role: "warehouse", Pin: "2468"}); err != nil {
		t.Fatal(err)
	}
	users, _ := a.Auth.LoginUsers()
	for _, u := range users {
		if u.Name == "wes" {
			if _, err := a.Auth.LoginPIN(u.ID, "2468"); err != nil {
				t.Fatal(err)
			}
		}
	}
	if list, err := a.Shipping.Carriers(true); err != nil || len(list) != 1 {
		t.Fatalf("carriers = %+v, %v", list, err)
	}
	if _, err := a.Shipping.Carrier(c.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := a.Shipping.Quote(c.ID, "nope", "DE", []int64{1}); errs.Code(err) != errs.ENOTFOUND {
		t.Fatalf("quote: %v", err)
	}
	if _, err := a.Shipping.CreateCarrier(NewCarrier{Name: "Own"}); errs.Code(err) != errs.EFORBIDDEN {
		t.Fatalf("create as warehouse: %v", err)
	}
	if _, err := a.Shipping.SetRates("x", "y", nil); errs.Code(err) != errs.EFORBIDDEN {
		t.Fatalf("set rates as warehouse: %v", err)
	}
}
