package shipping

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"oms/internal/catalog"
	"oms/internal/company"
	"oms/internal/errs"
	"oms/internal/store"
)

// Carrier prices parcels and links to tracking for one carrier. The
// built-in implementation reads the rate tables (offline); a plug-in for a
// live carrier API implements the same.
type Carrier interface {
	// Quote prices the packages of req. EINVALID or ENOTFOUND, with the
	// field, for what the user can fix.
	Quote(ctx context.Context, q QuoteRequest) (*Quote, error)
	// TrackingURL returns the customer-facing tracking page of a number,
	// "" when the carrier has none.
	TrackingURL(trackingNumber string) string
}

// QuoteRequest asks what sending packages with a service costs.
type QuoteRequest struct {
	ServiceID string
	Country   string  // ISO alpha-2 destination
	WeightsG  []int64 // one per package
}

// Quote is the price of a shipment by the rate table.
type Quote struct {
	Cost       int64  // minor units, sum of PerPackage
	Currency   string // company currency
	ZoneID     string
	ZoneName   string
	PerPackage []int64
}

// Rate is one weight band of a service's rate table to a zone: the price of
// one package heavier than the next lighter band's MaxWeightG, up to its
// own.
type Rate struct {
	ID         string
	ServiceID  string
	ZoneID     string
	MaxWeightG int64
	Price      int64 // minor units of the company currency
	CreatedAt  time.Time
	UpdatedAt  time.Time
}

// RateBand is one row of a rate table being set.
type RateBand struct {
	MaxWeightG int64
	Price      int64
}

// Limits of the rate tables.
const (
	MaxWeightG  = 100_000_000 // 100 t: the schema's limit of a package
	MaxBands    = 100         // per service and zone
	MaxPriceAmt = 100_000_000_00
)

var countryNames = func() map[string]string {
	m := map[string]string{}
	for _, c := range company.Countries() {
		m[c.Code] = c.Name
	}
	return m
}()

func countryName(code string) string {
	if n, ok := countryNames[code]; ok {
		return n
	}
	return code
}

// formatKg writes grams as kilograms with at most three decimals: 31.5 kg, 0.25 kg.
func formatKg(g int64) string {
	s := strconv.FormatFloat(float64(g)/1000, 'f', 3, 64)
	s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	return s + " kg"
}

// normalizeCountries upper-cases, de-duplicates and sorts a zone's
// countries, refusing unknown codes and a "*" mixed with countries.
func normalizeCountries(in []string) ([]string, error) {
	set := map[string]bool{}
	for _, c := range in {
		c = strings.ToUpper(strings.TrimSpace(c))
		if c == "" {
			continue
		}
		if c != RestOfWorld && !company.IsCountry(c) {
			return nil, errs.Invalid("countries", "%q is not a country code: use two-letter ISO codes such as DE or FR.", c)
		}
		set[c] = true
	}
	if len(set) == 0 {
		return nil, errs.Invalid("countries", "Choose at least one country, or * for the rest of the world.")
	}
	if set[RestOfWorld] && len(set) > 1 {
		return nil, errs.Invalid("countries", "A rest-of-world zone (*) cannot also name countries: put them in a zone of their own.")
	}
	if len(set) > MaxZoneCountries {
		return nil, errs.Invalid("countries", "A zone can name at most %d countries.", MaxZoneCountries)
	}
	out := make([]string, 0, len(set))
	for c := range set {
		out = append(out, c)
	}
	sort.Strings(out)
	return out, nil
}

// checkZoneFree refuses a zone name, a country or a second rest-of-world
// zone that another zone (not id) of the carrier already has: every
// destination must have one price.
func checkZoneFree(ctx context.Context, tx *store.Tx, carrierID, id, name string, countries []string) error {
	c, err := findCarrier(ctx, tx, carrierID)
	if err != nil {
		return err
	}
	taken := map[string]string{}
	for _, z := range c.Zones {
		if z.ID == id {
			continue
		}
		if strings.EqualFold(z.Name, name) {
			return &errs.Error{Code: errs.ECONFLICT, Field: "name", Message: fmt.Sprintf("%s has a zone named %q; choose another name.", c.Name, name)}
		}
		for _, code := range z.Countries {
			taken[code] = z.Name
		}
	}
	for _, code := range countries {
		if other, ok := taken[code]; ok {
			if code == RestOfWorld {
				return errs.Invalid("countries", "%s already has a rest-of-world zone (%s).", c.Name, other)
			}
			return errs.Invalid("countries", "%s is already in zone %s of %s: a country belongs to one zone.", countryName(code), other, c.Name)
		}
	}
	return nil
}

// findZone returns zone id: ENOTFOUND on "zoneId".
func findZone(ctx context.Context, q catalog.Queryer, id string) (*Zone, error) {
	z, err := scanZone(q.QueryRowContext(ctx, `SELECT `+zoneColumns+` FROM shipping_zones WHERE id = ?`, id).Scan)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, &errs.Error{Code: errs.ENOTFOUND, Field: "zoneId", Message: "Shipping zone not found."}
	} else if err != nil {
		return nil, fmt.Errorf("find shipping zone: %w", err)
	}
	return z, nil
}

// CreateZone adds a zone to a carrier. A country belongs to at most one
// zone of a carrier, and a carrier has at most one rest-of-world ("*")
// zone. ENOTFOUND on "carrierId"; EINVALID on "name" or "countries";
// ECONFLICT on "name" when the carrier has a zone of that name.
func (s *Service) CreateZone(ctx context.Context, actor store.Actor, carrierID string, in ZoneInput) (*Zone, error) {
	name, err := checkName("name", "a zone name", in.Name, MaxZoneName)
	if err != nil {
		return nil, err
	}
	countries, err := normalizeCountries(in.Countries)
	if err != nil {
		return nil, err
	}
	z := &Zone{ID: store.NewID(), CarrierID: carrierID, Name: name, Countries: countries}
	err = s.db.Update(ctx, actor, func(tx *store.Tx) error {
		if err := checkZoneFree(ctx, tx, carrierID, "", name, countries); err != nil {
			return err
		}
		z.CreatedAt, z.UpdatedAt = tx.Now, tx.Now
		if _, err := tx.ExecContext(ctx, `INSERT INTO shipping_zones (id, carrier_id, name, countries, created_at, updated_at)
			VALUES (?, ?, ?, ?, ?, ?)`, z.ID, carrierID, name, strings.Join(countries, ","), store.FormatTime(tx.Now), store.FormatTime(tx.Now)); err != nil {
			return fmt.Errorf("insert shipping zone: %w", err)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return z, nil
}

// UpdateZone renames a zone or changes its countries; its rates stay.
// ENOTFOUND on "zoneId"; EINVALID on "name" or "countries"; ECONFLICT on
// "name".
func (s *Service) UpdateZone(ctx context.Context, actor store.Actor, id string, u ZoneUpdate) (*Zone, error) {
	if u.Name != nil {
		name, err := checkName("name", "a zone name", *u.Name, MaxZoneName)
		if err != nil {
			return nil, err
		}
		u.Name = &name
	}
	if u.Countries != nil {
		countries, err := normalizeCountries(u.Countries)
		if err != nil {
			return nil, err
		}
		u.Countries = countries
	}
	var z *Zone
	err := s.db.Update(ctx, actor, func(tx *store.Tx) error {
		var err error
		if z, err = findZone(ctx, tx, id); err != nil {
			return err
		}
		name, countries := z.Name, z.Countries
		if u.Name != nil {
			name = *u.Name
		}
		if u.Countries != nil {
			countries = u.Countries
		}
		if name == z.Name && strings.Join(countries, ",") == strings.Join(z.Countries, ",") {
			return nil
		}
		if err := checkZoneFree(ctx, tx, z.CarrierID, id, name, countries); err != nil {
			return err
		}
		z.Name, z.Countries, z.UpdatedAt = name, countries, tx.Now
		if _, err := tx.ExecContext(ctx, `UPDATE shipping_zones SET name = ?, countries = ?, updated_at = ? WHERE id = ?`,
			name, strings.Join(countries, ","), store.FormatTime(tx.Now), id); err != nil {
			return fmt.Errorf("update shipping zone: %w", err)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return z, nil
}

// DeleteZone removes a zone and, in the same transaction, every rate of
// every service to it: a rate table column without its zone means nothing.
// Shipments keep their cost. ENOTFOUND on "zoneId".
func (s *Service) DeleteZone(ctx context.Context, actor store.Actor, id string) error {
	return s.db.Update(ctx, actor, func(tx *store.Tx) error {
		z, err := findZone(ctx, tx, id)
		if err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, `DELETE FROM shipping_rates WHERE zone_id = ?`, id)
		if err != nil {
			return fmt.Errorf("delete zone rates: %w", err)
		}
		n, _ := res.RowsAffected()
		if _, err := tx.ExecContext(ctx, `DELETE FROM shipping_zones WHERE id = ?`, id); err != nil {
			return fmt.Errorf("delete shipping zone: %w", err)
		}
		return tx.Audit("delete_zone", "shipping_zones", id, map[string]any{"carrierId": z.CarrierID, "name": z.Name, "rates": n})
	})
}

func findRates(ctx context.Context, q catalog.Queryer, serviceID, zoneID string) ([]*Rate, error) {
	rows, err := q.QueryContext(ctx, `SELECT id, service_id, zone_id, max_weight_g, price, created_at, updated_at FROM shipping_rates
		WHERE service_id = ? AND (? = '' OR zone_id = ?) ORDER BY zone_id, max_weight_g`, serviceID, zoneID, zoneID)
	if err != nil {
		return nil, fmt.Errorf("find rates: %w", err)
	}
	defer rows.Close()
	out := []*Rate{}
	for rows.Next() {
		var r Rate
		var created, updated string
		if err := rows.Scan(&r.ID, &r.ServiceID, &r.ZoneID, &r.MaxWeightG, &r.Price, &created, &updated); err != nil {
			return nil, fmt.Errorf("find rates: %w", err)
		}
		if err := scanTimes(created, updated, &r.CreatedAt, &r.UpdatedAt); err != nil {
			return nil, fmt.Errorf("find rates: %w", err)
		}
		out = append(out, &r)
	}
	return out, rows.Err()
}

// FindRates returns a service's rate table: every band to every zone,
// by zone then weight. ENOTFOUND on "serviceId".
func (s *Service) FindRates(ctx context.Context, serviceID string) ([]*Rate, error) {
	q := s.db.Reader()
	if _, err := findService(ctx, q, serviceID); err != nil {
		return nil, err
	}
	return findRates(ctx, q, serviceID, "")
}

// checkBands sorts bands by weight and refuses weights out of range, a
// weight twice, and negative or absurd prices, naming the band
// ("bands[i].maxWeightG", "bands[i].price", i as given).
func checkBands(bands []RateBand) ([]RateBand, error) {
	if len(bands) > MaxBands {
		return nil, errs.Invalid("bands", "A rate table has at most %d weight bands per zone.", MaxBands)
	}
	seen := map[int64]bool{}
	for i, b := range bands {
		if b.MaxWeightG < 1 || b.MaxWeightG > MaxWeightG {
			return nil, errs.Invalid(fmt.Sprintf("bands[%d].maxWeightG", i), "Enter a weight between 0.001 kg and %s.", formatKg(MaxWeightG))
		}
		if seen[b.MaxWeightG] {
			return nil, errs.Invalid(fmt.Sprintf("bands[%d].maxWeightG", i), "Two bands go up to %s: each weight once.", formatKg(b.MaxWeightG))
		}
		seen[b.MaxWeightG] = true
		if b.Price < 0 || b.Price > MaxPriceAmt {
			return nil, errs.Invalid(fmt.Sprintf("bands[%d].price", i), "Enter a price of zero or more.")
		}
	}
	out := append([]RateBand(nil), bands...)
	sort.Slice(out, func(i, j int) bool { return out[i].MaxWeightG < out[j].MaxWeightG })
	return out, nil
}

// SetRates replaces the rate table of a service to one zone with bands, in
// one transaction; no bands clears it. ENOTFOUND on "serviceId" or
// "zoneId"; EINVALID on "zoneId" for a zone of another carrier and on
// "bands[i]..." for a bad band.
func (s *Service) SetRates(ctx context.Context, actor store.Actor, serviceID, zoneID string, bands []RateBand) ([]*Rate, error) {
	bands, err := checkBands(bands)
	if err != nil {
		return nil, err
	}
	out := []*Rate{}
	err = s.db.Update(ctx, actor, func(tx *store.Tx) error {
		v, err := findService(ctx, tx, serviceID)
		if err != nil {
			return err
		}
		z, err := findZone(ctx, tx, zoneID)
		if err != nil {
			return err
		}
		if z.CarrierID != v.CarrierID {
			return errs.Invalid("zoneId", "Zone %s belongs to another carrier.", z.Name)
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM shipping_rates WHERE service_id = ? AND zone_id = ?`, serviceID, zoneID); err != nil {
			return fmt.Errorf("clear rates: %w", err)
		}
		now := store.FormatTime(tx.Now)
		for _, b := range bands {
			r := &Rate{ID: store.NewID(), ServiceID: serviceID, ZoneID: zoneID, MaxWeightG: b.MaxWeightG, Price: b.Price,
				CreatedAt: tx.Now, UpdatedAt: tx.Now}
			if _, err := tx.ExecContext(ctx, `INSERT INTO shipping_rates (id, service_id, zone_id, max_weight_g, price, created_at, updated_at)
				VALUES (?, ?, ?, ?, ?, ?, ?)`, r.ID, serviceID, zoneID, b.MaxWeightG, b.Price, now, now); err != nil {
				return fmt.Errorf("insert rate: %w", err)
			}
			out = append(out, r)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// zoneFor returns the zone of c that names country, else its rest-of-world
// zone, else nil.
func zoneFor(c *CarrierConfig, country string) *Zone {
	var rest *Zone
	for _, z := range c.Zones {
		for _, code := range z.Countries {
			if code == country {
				return z
			} else if code == RestOfWorld {
				rest = z
			}
		}
	}
	return rest
}

// companyCurrency reads the company's currency within q, "" before setup.
// The company package owns the table; this one column is read here so a
// quote can be made inside another service's transaction.
func companyCurrency(ctx context.Context, q catalog.Queryer) (string, error) {
	var cur string
	err := q.QueryRowContext(ctx, `SELECT currency FROM company WHERE id = 'company'`).Scan(&cur)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	} else if err != nil {
		return "", fmt.Errorf("read company currency: %w", err)
	}
	return cur, nil
}

// quote prices req by the rate tables of carrier carrierID within q.
// ENOTFOUND on "carrierId" or "serviceId"; EINVALID on "carrierId" or
// "serviceId" (inactive, or no rates to the zone), "country" (unknown or
// not served), "packages" (none) or "packages[i].weightG" (not positive,
// or heavier than the heaviest band).
func quote(ctx context.Context, q catalog.Queryer, carrierID string, req QuoteRequest) (*Quote, error) {
	c, err := findCarrier(ctx, q, carrierID)
	if err != nil {
		return nil, err
	}
	if !c.Active {
		return nil, errs.Invalid("carrierId", "%s is inactive: choose another carrier, or reactivate it under Admin, Shipping.", c.Name)
	}
	var v *CarrierService
	for _, sv := range c.Services {
		if sv.ID == req.ServiceID {
			v = sv
		}
	}
	if v == nil {
		return nil, &errs.Error{Code: errs.ENOTFOUND, Field: "serviceId", Message: fmt.Sprintf("%s has no such service.", c.Name)}
	}
	if !v.Active {
		return nil, errs.Invalid("serviceId", "%s %s is inactive: choose another service.", c.Name, v.Name)
	}
	country := strings.ToUpper(strings.TrimSpace(req.Country))
	if !company.IsCountry(country) {
		return nil, errs.Invalid("country", "Enter the destination country as a two-letter ISO code, such as DE.")
	}
	z := zoneFor(c, country)
	if z == nil {
		return nil, errs.Invalid("country", "%s does not deliver to %s: add it to a zone.", c.Name, countryName(country))
	}
	if len(req.WeightsG) == 0 {
		return nil, errs.Invalid("packages", "Add at least one package.")
	}
	rates, err := findRates(ctx, q, v.ID, z.ID)
	if err != nil {
		return nil, err
	}
	if len(rates) == 0 {
		return nil, errs.Invalid("serviceId", "%s %s has no rates to zone %s: enter them in its rate table.", c.Name, v.Name, z.Name)
	}
	heaviest := rates[len(rates)-1]
	out := &Quote{ZoneID: z.ID, ZoneName: z.Name, PerPackage: make([]int64, len(req.WeightsG))}
	for i, w := range req.WeightsG {
		field := fmt.Sprintf("packages[%d].weightG", i)
		if w < 1 || w > MaxWeightG {
			return nil, errs.Invalid(field, "Enter the weight of package %d.", i+1)
		}
		if w > heaviest.MaxWeightG {
			return nil, errs.Invalid(field, "Package %d weighs %s; %s %s to %s takes at most %s a package: split it or choose another service.",
				i+1, formatKg(w), c.Name, v.Name, z.Name, formatKg(heaviest.MaxWeightG))
		}
		j := sort.Search(len(rates), func(j int) bool { return rates[j].MaxWeightG >= w })
		out.PerPackage[i] = rates[j].Price
		out.Cost += rates[j].Price
	}
	if out.Currency, err = companyCurrency(ctx, q); err != nil {
		return nil, err
	}
	return out, nil
}

// Quote prices packages with one of a carrier's services by its rate
// tables. Errors as for Carrier.Quote, and ENOTFOUND on "carrierId".
func (s *Service) Quote(ctx context.Context, carrierID string, req QuoteRequest) (*Quote, error) {
	return quote(ctx, s.db.Reader(), carrierID, req)
}

// tableCarrier is the built-in Carrier: rate tables and a tracking page
// template.
type tableCarrier struct {
	db        *store.DB
	carrierID string
	template  string
}

func (t *tableCarrier) Quote(ctx context.Context, q QuoteRequest) (*Quote, error) {
	return quote(ctx, t.db.Reader(), t.carrierID, q)
}

func (t *tableCarrier) TrackingURL(trackingNumber string) string {
	return trackingURL(t.template, trackingNumber)
}

// CarrierFor returns the Carrier of a configured carrier, which quotes by
// its rate tables as they are at the time of the quote. ENOTFOUND on
// "carrierId".
func (s *Service) CarrierFor(ctx context.Context, carrierID string) (Carrier, error) {
	c, err := findCarrier(ctx, s.db.Reader(), carrierID)
	if err != nil {
		return nil, err
	}
	return &tableCarrier{db: s.db, carrierID: c.ID, template: c.TrackingURL}, nil
}
