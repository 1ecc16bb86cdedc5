package shipping

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"oms/internal/auth"
	"oms/internal/catalog"
	"oms/internal/company"
	"oms/internal/customer"
	"oms/internal/errs"
	"oms/internal/order"
	"oms/internal/stock"
	"oms/internal/store"
)

// The names of this file's helpers say "carrier" so they stay clear of the
// shipment tests' in the same package.
var carrierActor = store.Actor{UserID: "u-admin", UserName: "admin"}

// carrierEnv is a company in Germany paying in euros with the shipping service.
type carrierEnv struct {
	db  *store.DB
	s   *Service
	now time.Time
}

func newCarrierEnv(t testing.TB) *carrierEnv {
	t.Helper()
	ctx := context.Background()
	db, err := store.Open(ctx, filepath.Join(t.TempDir(), "oms.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	e := &carrierEnv{db: db, now: time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)}
	db.Now = func() time.Time { return e.now }
	comp := company.NewService(db, auth.NewService(db))
	if _, err := comp.Setup(ctx, company.Input{Name: "Köhler GmbH", AddressLine1: "Hauptstraße 12", PostalCode: "80331",
		City: "München", Country: "DE", Currency: "EUR"}, auth.UserInput{Name: "admin", Password: "long-enough-pw"}); err != nil {
		t.Fatal(err)
	}
	cat, st := catalog.NewService(db), stock.NewService(db)
	e.s = NewService(db, order.NewService(db, cat, customer.NewService(db), st), comp)
	return e
}

// must(f())(t) is f's result, failing t on f's error.
func must[T any](v T, err error) func(t testing.TB) T {
	return func(t testing.TB) T {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
}

func wantErr(t *testing.T, err error, code, field string) {
	t.Helper()
	if errs.Code(err) != code || errs.Field(err) != field {
		t.Fatalf("error = %v, want %s on %q", err, code, field)
	}
	if code == errs.EINVALID && !strings.HasSuffix(errs.Message(err), ".") {
		t.Errorf("message %q is not a sentence", errs.Message(err))
	}
}

func ptr[T any](v T) *T { return &v }

func TestService_CreateCarrier(t *testing.T) {
	long := strings.Repeat("x", MaxCarrierName+1)
	tests := []struct {
		name      string
		in        CarrierInput
		code      string
		field     string
		wantName  string
		wantURL   string
		wantPattn string
	}{
		{name: "Parcel", in: CarrierInput{Name: "  DHL Parcel ", TrackingURL: " https://www.dhl.com/track?tracking-id={tracking} "},
			wantName: "DHL Parcel", wantURL: "https://www.dhl.com/track?tracking-id={tracking}"},
		{name: "OwnDelivery", in: CarrierInput{Name: "Own delivery", TrackingPattern: "OWN-{station}-{seq:6}{check}"},
			wantName: "Own delivery", wantPattn: "OWN-{station}-{seq:6}{check}"},
		{name: "EmptyName", in: CarrierInput{Name: "   "}, code: errs.EINVALID, field: "name"},
		{name: "LongName", in: CarrierInput{Name: long}, code: errs.EINVALID, field: "name"},
		{name: "ControlInName", in: CarrierInput{Name: "DHL\x00"}, code: errs.EINVALID, field: "name"},
		{name: "URLWithoutToken", in: CarrierInput{Name: "A", TrackingURL: "https://t.example/"}, code: errs.EINVALID, field: "trackingUrl"},
		{name: "URLNotHTTP", in: CarrierInput{Name: "A", TrackingURL: "javascript:alert({tracking})"}, code: errs.EINVALID, field: "trackingUrl"},
		{name: "URLFTP", in: CarrierInput{Name: "A", TrackingURL: "ftp://t.example/{tracking}"}, code: errs.EINVALID, field: "trackingUrl"},
		{name: "URLNoHost", in: CarrierInput{Name: "A", TrackingURL: "https:///{tracking}"}, code: errs.EINVALID, field: "trackingUrl"},
		{name: "URLWithSpace", in: CarrierInput{Name: "A", TrackingURL: "https://t.example/a b/{tracking}"}, code: errs.EINVALID, field: "trackingUrl"},
		{name: "PatternWithoutSeq", in: CarrierInput{Name: "A", TrackingPattern: "OWN-{station}"}, code: errs.EINVALID, field: "trackingPattern"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := newCarrierEnv(t)
			c, err := e.s.CreateCarrier(context.Background(), carrierActor, tt.in)
			if tt.code != "" {
				wantErr(t, err, tt.code, tt.field)
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			got := must(e.s.FindCarrierByID(context.Background(), c.ID))(t)
			if got.Name != tt.wantName || got.TrackingURL != tt.wantURL || got.TrackingPattern != tt.wantPattn || !got.Active {
				t.Errorf("carrier = %+v", got)
			}
			if !got.CreatedAt.Equal(e.now) || len(got.Services) != 0 || len(got.Zones) != 0 {
				t.Errorf("carrier = %+v", got)
			}
		})
	}
}

func TestService_CreateCarrier_DuplicateName(t *testing.T) {
	e := newCarrierEnv(t)
	ctx := context.Background()
	must(e.s.CreateCarrier(ctx, carrierActor, CarrierInput{Name: "DHL Parcel"}))(t)
	_, err := e.s.CreateCarrier(ctx, carrierActor, CarrierInput{Name: "dhl parcel"})
	wantErr(t, err, errs.ECONFLICT, "name")
}

func TestService_UpdateCarrier(t *testing.T) {
	ctx := context.Background()
	tests := []struct {
		name  string
		u     CarrierUpdate
		code  string
		field string
		check func(t *testing.T, c *CarrierConfig)
	}{
		{name: "Rename", u: CarrierUpdate{Name: ptr(" DHL Paket ")}, check: func(t *testing.T, c *CarrierConfig) {
			if c.Name != "DHL Paket" {
				t.Errorf("name = %q", c.Name)
			}
		}},
		{name: "Deactivate", u: CarrierUpdate{Active: ptr(false)}, check: func(t *testing.T, c *CarrierConfig) {
			if c.Active {
				t.Error("still active")
			}
		}},
		{name: "ClearURLSetPattern", u: CarrierUpdate{TrackingURL: ptr(""), TrackingPattern: ptr("D{seq:8}")}, check: func(t *testing.T, c *CarrierConfig) {
			if c.TrackingURL != "" || c.TrackingPattern != "D{seq:8}" {
				t.Errorf("carrier = %+v", c)
			}
		}},
		{name: "NameTaken", u: CarrierUpdate{Name: ptr("OWN DELIVERY")}, code: errs.ECONFLICT, field: "name"},
		{name: "BadURL", u: CarrierUpdate{TrackingURL: ptr("www.dhl.com")}, code: errs.EINVALID, field: "trackingUrl"},
		{name: "BadPattern", u: CarrierUpdate{TrackingPattern: ptr("{seq:3}")}, code: errs.EINVALID, field: "trackingPattern"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := newCarrierEnv(t)
			c := must(e.s.CreateCarrier(ctx, carrierActor, CarrierInput{Name: "DHL Parcel", TrackingURL: "https://dhl.example/{tracking}"}))(t)
			must(e.s.CreateCarrier(ctx, carrierActor, CarrierInput{Name: "Own delivery"}))(t)
			e.now = e.now.Add(time.Hour)
			got, err := e.s.UpdateCarrier(ctx, carrierActor, c.ID, tt.u)
			if tt.code != "" {
				wantErr(t, err, tt.code, tt.field)
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			tt.check(t, got)
			tt.check(t, must(e.s.FindCarrierByID(ctx, c.ID))(t))
			if !got.UpdatedAt.Equal(e.now) {
				t.Errorf("updatedAt = %v", got.UpdatedAt)
			}
		})
	}
	t.Run("NotFound", func(t *testing.T) {
		e := newCarrierEnv(t)
		_, err := e.s.UpdateCarrier(ctx, carrierActor, "nope", CarrierUpdate{Active: ptr(false)})
		wantErr(t, err, errs.ENOTFOUND, "carrierId")
		_, err = e.s.FindCarrierByID(ctx, "nope")
		wantErr(t, err, errs.ENOTFOUND, "carrierId")
	})
}

func TestService_FindCarriers(t *testing.T) {
	e := newCarrierEnv(t)
	ctx := context.Background()
	dhl := must(e.s.CreateCarrier(ctx, carrierActor, CarrierInput{Name: "DHL Parcel"}))(t)
	own := must(e.s.CreateCarrier(ctx, carrierActor, CarrierInput{Name: "Own delivery"}))(t)
	old := must(e.s.CreateCarrier(ctx, carrierActor, CarrierInput{Name: "Acme Post"}))(t)
	must(e.s.UpdateCarrier(ctx, carrierActor, old.ID, CarrierUpdate{Active: ptr(false)}))(t)
	must(e.s.CreateService(ctx, carrierActor, dhl.ID, ServiceInput{Code: "STD", Name: "Standard"}))(t)
	exp := must(e.s.CreateService(ctx, carrierActor, dhl.ID, ServiceInput{Code: "EXP", Name: "Express"}))(t)
	must(e.s.UpdateService(ctx, carrierActor, exp.ID, ServiceUpdate{Active: ptr(false)}))(t)
	must(e.s.CreateService(ctx, carrierActor, own.ID, ServiceInput{Code: "LOCAL", Name: "Same-day van"}))(t)
	must(e.s.CreateZone(ctx, carrierActor, dhl.ID, ZoneInput{Name: "Rest of world", Countries: []string{"*"}}))(t)
	must(e.s.CreateZone(ctx, carrierActor, dhl.ID, ZoneInput{Name: "EU", Countries: []string{"fr", "AT"}}))(t)

	all := must(e.s.FindCarriers(ctx, false))(t)
	if names := carrierNames(all); names != "Acme Post,DHL Parcel,Own delivery" {
		t.Fatalf("carriers = %s", names)
	}
	if d := all[1]; len(d.Services) != 2 || d.Services[0].Code != "EXP" || len(d.Zones) != 2 || d.Zones[0].Name != "EU" ||
		strings.Join(d.Zones[0].Countries, ",") != "AT,FR" || d.Zones[1].Countries[0] != "*" {
		t.Errorf("DHL = %+v, services %+v, zones %+v", d, d.Services, d.Zones)
	}
	if len(all[2].Services) != 1 || len(all[0].Services) != 0 {
		t.Errorf("services not grouped by carrier")
	}
	active := must(e.s.FindCarriers(ctx, true))(t)
	if names := carrierNames(active); names != "DHL Parcel,Own delivery" {
		t.Fatalf("active carriers = %s", names)
	}
	if len(active[0].Services) != 1 || active[0].Services[0].Code != "STD" {
		t.Errorf("active services = %+v", active[0].Services)
	}
}

func carrierNames(cs []*CarrierConfig) string {
	var names []string
	for _, c := range cs {
		names = append(names, c.Name)
	}
	return strings.Join(names, ",")
}

func TestService_Services(t *testing.T) {
	ctx := context.Background()
	tests := []struct {
		name  string
		in    ServiceInput
		code  string
		field string
	}{
		{name: "OK", in: ServiceInput{Code: " EXP ", Name: " Express "}},
		{name: "DuplicateCode", in: ServiceInput{Code: "std", Name: "Standard again"}, code: errs.ECONFLICT, field: "code"},
		{name: "EmptyCode", in: ServiceInput{Code: " ", Name: "X"}, code: errs.EINVALID, field: "code"},
		{name: "LongCode", in: ServiceInput{Code: strings.Repeat("C", MaxServiceCode+1), Name: "X"}, code: errs.EINVALID, field: "code"},
		{name: "EmptyName", in: ServiceInput{Code: "X"}, code: errs.EINVALID, field: "name"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := newCarrierEnv(t)
			c := must(e.s.CreateCarrier(ctx, carrierActor, CarrierInput{Name: "DHL Parcel"}))(t)
			must(e.s.CreateService(ctx, carrierActor, c.ID, ServiceInput{Code: "STD", Name: "Standard"}))(t)
			v, err := e.s.CreateService(ctx, carrierActor, c.ID, tt.in)
			if tt.code != "" {
				wantErr(t, err, tt.code, tt.field)
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if v.Code != "EXP" || v.Name != "Express" || !v.Active || v.CarrierID != c.ID {
				t.Errorf("service = %+v", v)
			}
		})
	}
	t.Run("SameCodeOtherCarrier", func(t *testing.T) {
		e := newCarrierEnv(t)
		a := must(e.s.CreateCarrier(ctx, carrierActor, CarrierInput{Name: "A"}))(t)
		b := must(e.s.CreateCarrier(ctx, carrierActor, CarrierInput{Name: "B"}))(t)
		must(e.s.CreateService(ctx, carrierActor, a.ID, ServiceInput{Code: "STD", Name: "Standard"}))(t)
		must(e.s.CreateService(ctx, carrierActor, b.ID, ServiceInput{Code: "STD", Name: "Standard"}))(t)
	})
	t.Run("UnknownCarrier", func(t *testing.T) {
		e := newCarrierEnv(t)
		_, err := e.s.CreateService(ctx, carrierActor, "nope", ServiceInput{Code: "STD", Name: "Standard"})
		wantErr(t, err, errs.ENOTFOUND, "carrierId")
	})
	t.Run("Update", func(t *testing.T) {
		e := newCarrierEnv(t)
		c := must(e.s.CreateCarrier(ctx, carrierActor, CarrierInput{Name: "DHL Parcel"}))(t)
		std := must(e.s.CreateService(ctx, carrierActor, c.ID, ServiceInput{Code: "STD", Name: "Standard"}))(t)
		exp := must(e.s.CreateService(ctx, carrierActor, c.ID, ServiceInput{Code: "EXP", Name: "Express"}))(t)
		_, err := e.s.UpdateService(ctx, carrierActor, exp.ID, ServiceUpdate{Code: ptr("STD")})
		wantErr(t, err, errs.ECONFLICT, "code")
		got := must(e.s.UpdateService(ctx, carrierActor, std.ID, ServiceUpdate{Code: ptr("STD"), Name: ptr("Standard parcel"), Active: ptr(false)}))(t)
		if got.Name != "Standard parcel" || got.Active {
			t.Errorf("service = %+v", got)
		}
		_, err = e.s.UpdateService(ctx, carrierActor, "nope", ServiceUpdate{Active: ptr(true)})
		wantErr(t, err, errs.ENOTFOUND, "serviceId")
	})
}

func TestService_Zones(t *testing.T) {
	ctx := context.Background()
	tests := []struct {
		name  string
		in    ZoneInput
		code  string
		field string
		want  string
	}{
		{name: "Normalized", in: ZoneInput{Name: " Benelux ", Countries: []string{"nl", " BE ", "LU", "be", ""}}, want: "BE,LU,NL"},
		{name: "SecondRestOfWorld", in: ZoneInput{Name: "World 2", Countries: []string{"*"}}, code: errs.EINVALID, field: "countries"},
		{name: "CountryInOtherZone", in: ZoneInput{Name: "DACH", Countries: []string{"DE", "AT", "CH"}}, code: errs.EINVALID, field: "countries"},
		{name: "UnknownCountry", in: ZoneInput{Name: "X", Countries: []string{"XX"}}, code: errs.EINVALID, field: "countries"},
		{name: "NoCountries", in: ZoneInput{Name: "X", Countries: []string{" "}}, code: errs.EINVALID, field: "countries"},
		{name: "StarWithCountries", in: ZoneInput{Name: "X", Countries: []string{"*", "FR"}}, code: errs.EINVALID, field: "countries"},
		{name: "DuplicateName", in: ZoneInput{Name: "domestic", Countries: []string{"FR"}}, code: errs.ECONFLICT, field: "name"},
		{name: "EmptyName", in: ZoneInput{Name: "", Countries: []string{"FR"}}, code: errs.EINVALID, field: "name"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := newCarrierEnv(t)
			c := must(e.s.CreateCarrier(ctx, carrierActor, CarrierInput{Name: "DHL Parcel"}))(t)
			must(e.s.CreateZone(ctx, carrierActor, c.ID, ZoneInput{Name: "Domestic", Countries: []string{"DE"}}))(t)
			must(e.s.CreateZone(ctx, carrierActor, c.ID, ZoneInput{Name: "World", Countries: []string{"*"}}))(t)
			z, err := e.s.CreateZone(ctx, carrierActor, c.ID, tt.in)
			if tt.code != "" {
				wantErr(t, err, tt.code, tt.field)
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			got := must(e.s.FindCarrierByID(ctx, c.ID))(t)
			if len(got.Zones) != 3 || got.Zones[0].Name != "Benelux" || strings.Join(got.Zones[0].Countries, ",") != tt.want || z.Name != "Benelux" {
				t.Errorf("zones = %+v", got.Zones)
			}
		})
	}
	t.Run("UnknownCarrier", func(t *testing.T) {
		e := newCarrierEnv(t)
		_, err := e.s.CreateZone(ctx, carrierActor, "nope", ZoneInput{Name: "X", Countries: []string{"FR"}})
		wantErr(t, err, errs.ENOTFOUND, "carrierId")
	})
	t.Run("Update", func(t *testing.T) {
		e := newCarrierEnv(t)
		c := must(e.s.CreateCarrier(ctx, carrierActor, CarrierInput{Name: "DHL Parcel"}))(t)
		dom := must(e.s.CreateZone(ctx, carrierActor, c.ID, ZoneInput{Name: "Domestic", Countries: []string{"DE"}}))(t)
		eu := must(e.s.CreateZone(ctx, carrierActor, c.ID, ZoneInput{Name: "EU", Countries: []string{"FR"}}))(t)
		_, err := e.s.UpdateZone(ctx, carrierActor, eu.ID, ZoneUpdate{Countries: []string{"FR", "DE"}})
		wantErr(t, err, errs.EINVALID, "countries")
		if !strings.Contains(errs.Message(err), "Germany is already in zone Domestic") {
			t.Errorf("message = %q", errs.Message(err))
		}
		got := must(e.s.UpdateZone(ctx, carrierActor, eu.ID, ZoneUpdate{Name: ptr("Europe"), Countries: []string{"fr", "it"}}))(t)
		if got.Name != "Europe" || strings.Join(got.Countries, ",") != "FR,IT" {
			t.Errorf("zone = %+v", got)
		}
		// Keeping its own countries is no conflict with itself.
		must(e.s.UpdateZone(ctx, carrierActor, dom.ID, ZoneUpdate{Name: ptr("Germany"), Countries: []string{"DE"}}))(t)
		_, err = e.s.UpdateZone(ctx, carrierActor, "nope", ZoneUpdate{Name: ptr("X")})
		wantErr(t, err, errs.ENOTFOUND, "zoneId")
	})
	t.Run("DeleteRemovesRates", func(t *testing.T) {
		e := newCarrierEnv(t)
		c := must(e.s.CreateCarrier(ctx, carrierActor, CarrierInput{Name: "DHL Parcel"}))(t)
		v := must(e.s.CreateService(ctx, carrierActor, c.ID, ServiceInput{Code: "STD", Name: "Standard"}))(t)
		dom := must(e.s.CreateZone(ctx, carrierActor, c.ID, ZoneInput{Name: "Domestic", Countries: []string{"DE"}}))(t)
		eu := must(e.s.CreateZone(ctx, carrierActor, c.ID, ZoneInput{Name: "EU", Countries: []string{"FR"}}))(t)
		must(e.s.SetRates(ctx, carrierActor, v.ID, dom.ID, []RateBand{{1000, 499}}))(t)
		must(e.s.SetRates(ctx, carrierActor, v.ID, eu.ID, []RateBand{{1000, 999}, {5000, 1499}}))(t)
		if err := e.s.DeleteZone(ctx, carrierActor, eu.ID); err != nil {
			t.Fatal(err)
		}
		rates := must(e.s.FindRates(ctx, v.ID))(t)
		if len(rates) != 1 || rates[0].ZoneID != dom.ID {
			t.Errorf("rates = %+v", rates)
		}
		if got := must(e.s.FindCarrierByID(ctx, c.ID))(t); len(got.Zones) != 1 {
			t.Errorf("zones = %+v", got.Zones)
		}
		wantErr(t, e.s.DeleteZone(ctx, carrierActor, eu.ID), errs.ENOTFOUND, "zoneId")
		// The country is free for another zone now.
		must(e.s.CreateZone(ctx, carrierActor, c.ID, ZoneInput{Name: "France", Countries: []string{"FR"}}))(t)
	})
}
