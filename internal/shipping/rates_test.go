package shipping

import (
	"context"
	"reflect"
	"strings"
	"testing"

	"oms/internal/errs"
)

// rateFixture is DHL Parcel with Standard (rates to Domestic, EU and the
// rest of the world), Express (rates to Domestic only) and an inactive
// Economy service, and an inactive carrier with a rate table.
type rateFixture struct {
	*carrierEnv
	dhl, closed              *CarrierConfig
	std, exp, eco, closedStd *CarrierService
	dom, eu, world           *Zone
}

func newRateFixture(t *testing.T) *rateFixture {
	t.Helper()
	ctx := context.Background()
	f := &rateFixture{carrierEnv: newCarrierEnv(t)}
	s := f.s
	f.dhl = must(s.CreateCarrier(ctx, carrierActor, CarrierInput{Name: "DHL Parcel", TrackingURL: "https://www.dhl.com/track?tracking-id={tracking}"}))(t)
	f.std = must(s.CreateService(ctx, carrierActor, f.dhl.ID, ServiceInput{Code: "STD", Name: "Standard"}))(t)
	f.exp = must(s.CreateService(ctx, carrierActor, f.dhl.ID, ServiceInput{Code: "EXP", Name: "Express"}))(t)
	f.eco = must(s.CreateService(ctx, carrierActor, f.dhl.ID, ServiceInput{Code: "ECO", Name: "Economy"}))(t)
	f.dom = must(s.CreateZone(ctx, carrierActor, f.dhl.ID, ZoneInput{Name: "Domestic", Countries: []string{"DE"}}))(t)
	f.eu = must(s.CreateZone(ctx, carrierActor, f.dhl.ID, ZoneInput{Name: "EU", Countries: []string{"AT", "FR", "NL"}}))(t)
	f.world = must(s.CreateZone(ctx, carrierActor, f.dhl.ID, ZoneInput{Name: "Rest of world", Countries: []string{"*"}}))(t)
	bands := []RateBand{{5000, 699}, {1000, 499}, {10000, 999}, {31500, 1899}} // unsorted on purpose
	must(s.SetRates(ctx, carrierActor, f.std.ID, f.dom.ID, bands))(t)
	must(s.SetRates(ctx, carrierActor, f.std.ID, f.eu.ID, []RateBand{{1000, 1299}, {5000, 1799}}))(t)
	must(s.SetRates(ctx, carrierActor, f.std.ID, f.world.ID, []RateBand{{2000, 3499}}))(t)
	must(s.SetRates(ctx, carrierActor, f.exp.ID, f.dom.ID, []RateBand{{5000, 1499}}))(t)
	must(s.SetRates(ctx, carrierActor, f.eco.ID, f.dom.ID, []RateBand{{5000, 399}}))(t)
	must(s.UpdateService(ctx, carrierActor, f.eco.ID, ServiceUpdate{Active: ptr(false)}))(t)

	f.closed = must(s.CreateCarrier(ctx, carrierActor, CarrierInput{Name: "Acme Post"}))(t)
	f.closedStd = must(s.CreateService(ctx, carrierActor, f.closed.ID, ServiceInput{Code: "STD", Name: "Standard"}))(t)
	closedZone := must(s.CreateZone(ctx, carrierActor, f.closed.ID, ZoneInput{Name: "All", Countries: []string{"*"}}))(t)
	must(s.SetRates(ctx, carrierActor, f.closedStd.ID, closedZone.ID, []RateBand{{1000, 100}}))(t)
	must(s.UpdateCarrier(ctx, carrierActor, f.closed.ID, CarrierUpdate{Active: ptr(false)}))(t)
	return f
}

func TestService_SetRates(t *testing.T) {
	ctx := context.Background()
	t.Run("ReplacesOneZone", func(t *testing.T) {
		f := newRateFixture(t)
		got := must(f.s.SetRates(ctx, carrierActor, f.std.ID, f.eu.ID, []RateBand{{2000, 1399}}))(t)
		if len(got) != 1 || got[0].MaxWeightG != 2000 || got[0].Price != 1399 {
			t.Errorf("rates = %+v", got)
		}
		rates := must(f.s.FindRates(ctx, f.std.ID))(t)
		byZone := map[string][]int64{}
		for _, r := range rates {
			byZone[r.ZoneID] = append(byZone[r.ZoneID], r.MaxWeightG)
		}
		if !reflect.DeepEqual(byZone[f.dom.ID], []int64{1000, 5000, 10000, 31500}) || !reflect.DeepEqual(byZone[f.eu.ID], []int64{2000}) ||
			len(byZone[f.world.ID]) != 1 {
			t.Errorf("rates by zone = %v", byZone)
		}
	})
	t.Run("EmptyClears", func(t *testing.T) {
		f := newRateFixture(t)
		must(f.s.SetRates(ctx, carrierActor, f.std.ID, f.world.ID, nil))(t)
		for _, r := range must(f.s.FindRates(ctx, f.std.ID))(t) {
			if r.ZoneID == f.world.ID {
				t.Errorf("rate left: %+v", r)
			}
		}
	})
	tests := []struct {
		name    string
		service func(f *rateFixture) string
		zone    func(f *rateFixture) string
		bands   []RateBand
		code    string
		field   string
	}{
		{"ZeroWeight", nil, nil, []RateBand{{1000, 1}, {0, 1}}, errs.EINVALID, "bands[1].maxWeightG"},
		{"TooHeavy", nil, nil, []RateBand{{MaxWeightG + 1, 1}}, errs.EINVALID, "bands[0].maxWeightG"},
		{"SameWeightTwice", nil, nil, []RateBand{{1000, 1}, {2000, 2}, {1000, 3}}, errs.EINVALID, "bands[2].maxWeightG"},
		{"NegativePrice", nil, nil, []RateBand{{1000, -1}}, errs.EINVALID, "bands[0].price"},
		{"TooManyBands", nil, nil, make([]RateBand, MaxBands+1), errs.EINVALID, "bands"},
		{"UnknownService", func(*rateFixture) string { return "nope" }, nil, []RateBand{{1000, 1}}, errs.ENOTFOUND, "serviceId"},
		{"UnknownZone", nil, func(*rateFixture) string { return "nope" }, []RateBand{{1000, 1}}, errs.ENOTFOUND, "zoneId"},
		{"ZoneOfOtherCarrier", func(f *rateFixture) string { return f.closedStd.ID }, nil, []RateBand{{1000, 1}}, errs.EINVALID, "zoneId"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newRateFixture(t)
			service, zone := f.std.ID, f.dom.ID
			if tt.service != nil {
				service = tt.service(f)
			}
			if tt.zone != nil {
				zone = tt.zone(f)
			}
			_, err := f.s.SetRates(ctx, carrierActor, service, zone, tt.bands)
			wantErr(t, err, tt.code, tt.field)
			// The table is unchanged.
			if n := len(must(f.s.FindRates(ctx, f.std.ID))(t)); n != 7 {
				t.Errorf("%d rates after a refused change, want 7", n)
			}
		})
	}
	t.Run("FindRatesUnknownService", func(t *testing.T) {
		f := newRateFixture(t)
		_, err := f.s.FindRates(ctx, "nope")
		wantErr(t, err, errs.ENOTFOUND, "serviceId")
	})
}

func TestService_Quote(t *testing.T) {
	tests := []struct {
		name      string
		carrier   func(f *rateFixture) string // DHL when nil
		service   func(f *rateFixture) string // Standard when nil
		country   string
		weights   []int64
		wantZone  string
		wantEach  []int64
		code      string
		field     string
		wantInMsg string
	}{
		{name: "DomesticLightest", country: "DE", weights: []int64{1}, wantZone: "Domestic", wantEach: []int64{499}},
		{name: "ExactlyAtMax", country: "DE", weights: []int64{1000}, wantZone: "Domestic", wantEach: []int64{499}},
		{name: "OneGramOver", country: "DE", weights: []int64{1001}, wantZone: "Domestic", wantEach: []int64{699}},
		{name: "HeaviestBand", country: "de", weights: []int64{31500}, wantZone: "Domestic", wantEach: []int64{1899}},
		{name: "SeveralPackages", country: "DE", weights: []int64{500, 7000, 30000}, wantZone: "Domestic", wantEach: []int64{499, 999, 1899}},
		{name: "NamedZone", country: "FR", weights: []int64{4000}, wantZone: "EU", wantEach: []int64{1799}},
		{name: "RestOfWorld", country: "US", weights: []int64{2000}, wantZone: "Rest of world", wantEach: []int64{3499}},
		{name: "TooHeavy", country: "DE", weights: []int64{1000, 31501}, code: errs.EINVALID, field: "packages[1].weightG",
			wantInMsg: "Package 2 weighs 31.501 kg; DHL Parcel Standard to Domestic takes at most 31.5 kg"},
		{name: "TooHeavyForZone", country: "AT", weights: []int64{5001}, code: errs.EINVALID, field: "packages[0].weightG", wantInMsg: "at most 5 kg"},
		{name: "ZeroWeight", country: "DE", weights: []int64{0}, code: errs.EINVALID, field: "packages[0].weightG"},
		{name: "NoPackages", country: "DE", code: errs.EINVALID, field: "packages"},
		{name: "UnknownCountry", country: "XX", weights: []int64{1}, code: errs.EINVALID, field: "country"},
		{name: "EmptyCountry", country: "", weights: []int64{1}, code: errs.EINVALID, field: "country"},
		{name: "NoRatesToZone", service: func(f *rateFixture) string { return f.exp.ID }, country: "FR", weights: []int64{1},
			code: errs.EINVALID, field: "serviceId", wantInMsg: "no rates to zone EU"},
		{name: "InactiveService", service: func(f *rateFixture) string { return f.eco.ID }, country: "DE", weights: []int64{1},
			code: errs.EINVALID, field: "serviceId"},
		{name: "ServiceOfOtherCarrier", service: func(f *rateFixture) string { return f.closedStd.ID }, country: "DE", weights: []int64{1},
			code: errs.ENOTFOUND, field: "serviceId"},
		{name: "InactiveCarrier", carrier: func(f *rateFixture) string { return f.closed.ID }, service: func(f *rateFixture) string { return f.closedStd.ID },
			country: "DE", weights: []int64{1}, code: errs.EINVALID, field: "carrierId"},
		{name: "UnknownCarrier", carrier: func(*rateFixture) string { return "nope" }, country: "DE", weights: []int64{1},
			code: errs.ENOTFOUND, field: "carrierId"},
	}
	f := newRateFixture(t) // read-only from here
	ctx := context.Background()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			carrierID, serviceID := f.dhl.ID, f.std.ID
			if tt.carrier != nil {
				carrierID = tt.carrier(f)
			}
			if tt.service != nil {
				serviceID = tt.service(f)
			}
			q, err := f.s.Quote(ctx, carrierID, QuoteRequest{ServiceID: serviceID, Country: tt.country, WeightsG: tt.weights})
			if tt.code != "" {
				wantErr(t, err, tt.code, tt.field)
				if !strings.Contains(errs.Message(err), tt.wantInMsg) {
					t.Errorf("message %q does not say %q", errs.Message(err), tt.wantInMsg)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			var sum int64
			for _, p := range tt.wantEach {
				sum += p
			}
			if q.ZoneName != tt.wantZone || !reflect.DeepEqual(q.PerPackage, tt.wantEach) || q.Cost != sum || q.Currency != "EUR" {
				t.Errorf("quote = %+v", q)
			}
		})
	}
}

func TestService_Quote_CountryNotServed(t *testing.T) {
	f := newRateFixture(t)
	ctx := context.Background()
	if err := f.s.DeleteZone(ctx, carrierActor, f.world.ID); err != nil {
		t.Fatal(err)
	}
	_, err := f.s.Quote(ctx, f.dhl.ID, QuoteRequest{ServiceID: f.std.ID, Country: "GR", WeightsG: []int64{1000}})
	wantErr(t, err, errs.EINVALID, "country")
	if want := "DHL Parcel does not deliver to Greece: add it to a zone."; errs.Message(err) != want {
		t.Errorf("message = %q, want %q", errs.Message(err), want)
	}
}

func TestService_CarrierFor(t *testing.T) {
	f := newRateFixture(t)
	ctx := context.Background()
	c := must(f.s.CarrierFor(ctx, f.dhl.ID))(t)
	q := must(c.Quote(ctx, QuoteRequest{ServiceID: f.std.ID, Country: "NL", WeightsG: []int64{1000, 1001}}))(t)
	if q.Cost != 1299+1799 || q.ZoneID != f.eu.ID {
		t.Errorf("quote = %+v", q)
	}
	if got, want := c.TrackingURL("00340434 161094/2"), "https://www.dhl.com/track?tracking-id=00340434%20161094%2F2"; got != want {
		t.Errorf("tracking URL = %q, want %q", got, want)
	}
	_, err := f.s.CarrierFor(ctx, "nope")
	wantErr(t, err, errs.ENOTFOUND, "carrierId")
}

func TestFormatKg(t *testing.T) {
	for g, want := range map[int64]string{1: "0.001 kg", 250: "0.25 kg", 1000: "1 kg", 31500: "31.5 kg", 100000000: "100000 kg"} {
		if got := formatKg(g); got != want {
			t.Errorf("formatKg(%d) = %q, want %q", g, got, want)
		}
	}
}
