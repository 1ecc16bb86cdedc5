package shipping

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"oms/internal/catalog"
	"oms/internal/errs"
	"oms/internal/store"
)

// Length limits, in characters.
const (
	MaxCarrierName   = 100
	MaxServiceCode   = 40
	MaxServiceName   = 100
	MaxZoneName      = 100
	MaxTrackingURL   = 500
	MaxZoneCountries = 250
)

// CarrierConfig is a carrier as the admin configures it: a parcel service or
// the business's own delivery, with its services and zones.
type CarrierConfig struct {
	ID   string
	Name string
	// TrackingURL is the customer-facing tracking page with {tracking}
	// standing for the tracking number; "" for none.
	TrackingURL string
	// TrackingPattern generates tracking numbers (see TrackingPattern); ""
	// when they come from the carrier's label.
	TrackingPattern string
	Active          bool
	Services        []*CarrierService
	Zones           []*Zone
	CreatedAt       time.Time
	UpdatedAt       time.Time
}

// CarrierService is one of a carrier's services (standard, express...).
// Code is the carrier's own code for it, printed on the label.
type CarrierService struct {
	ID        string
	CarrierID string
	Code      string
	Name      string
	Active    bool
	CreatedAt time.Time
	UpdatedAt time.Time
}

// Zone is a set of destination countries one rate table applies to.
// Countries are ISO 3166-1 alpha-2 codes, sorted, or the single entry "*"
// for every country no other zone of the carrier names.
type Zone struct {
	ID        string
	CarrierID string
	Name      string
	Countries []string
	CreatedAt time.Time
	UpdatedAt time.Time
}

// RestOfWorld is the Countries entry of a carrier's catch-all zone.
const RestOfWorld = "*"

// CarrierInput describes a new carrier. A new carrier is active.
type CarrierInput struct {
	Name            string
	TrackingURL     string
	TrackingPattern string
}

// CarrierUpdate changes the fields that are not nil.
type CarrierUpdate struct {
	Name            *string
	TrackingURL     *string
	TrackingPattern *string
	Active          *bool
}

// ServiceInput describes a new service of a carrier. A new service is active.
type ServiceInput struct {
	Code string
	Name string
}

// ServiceUpdate changes the fields that are not nil.
type ServiceUpdate struct {
	Code   *string
	Name   *string
	Active *bool
}

// ZoneInput describes a new zone of a carrier.
type ZoneInput struct {
	Name      string
	Countries []string
}

// ZoneUpdate changes the fields that are not nil.
type ZoneUpdate struct {
	Name      *string
	Countries []string // nil keeps them
}

const carrierColumns = `id, name, tracking_url, tracking_pattern, active, created_at, updated_at`

func scanTimes(created, updated string, c, u *time.Time) error {
	var err error
	if *c, err = store.ParseTime(created); err != nil {
		return err
	}
	*u, err = store.ParseTime(updated)
	return err
}

func scanCarrier(scan func(...any) error) (*CarrierConfig, error) {
	var c CarrierConfig
	var created, updated string
	if err := scan(&c.ID, &c.Name, &c.TrackingURL, &c.TrackingPattern, &c.Active, &created, &updated); err != nil {
		return nil, err
	}
	if err := scanTimes(created, updated, &c.CreatedAt, &c.UpdatedAt); err != nil {
		return nil, err
	}
	c.Services, c.Zones = []*CarrierService{}, []*Zone{}
	return &c, nil
}

const serviceColumns = `id, carrier_id, code, name, active, created_at, updated_at`

func scanService(scan func(...any) error) (*CarrierService, error) {
	var v CarrierService
	var created, updated string
	if err := scan(&v.ID, &v.CarrierID, &v.Code, &v.Name, &v.Active, &created, &updated); err != nil {
		return nil, err
	}
	if err := scanTimes(created, updated, &v.CreatedAt, &v.UpdatedAt); err != nil {
		return nil, err
	}
	return &v, nil
}

const zoneColumns = `id, carrier_id, name, countries, created_at, updated_at`

func scanZone(scan func(...any) error) (*Zone, error) {
	var z Zone
	var countries, created, updated string
	if err := scan(&z.ID, &z.CarrierID, &z.Name, &countries, &created, &updated); err != nil {
		return nil, err
	}
	if err := scanTimes(created, updated, &z.CreatedAt, &z.UpdatedAt); err != nil {
		return nil, err
	}
	z.Countries = []string{}
	for _, c := range strings.Split(countries, ",") {
		if c != "" {
			z.Countries = append(z.Countries, c)
		}
	}
	return &z, nil
}

var errCarrierNotFound = &errs.Error{Code: errs.ENOTFOUND, Field: "carrierId", Message: "Carrier not found."}

// findCarrier returns carrier id with all its services and zones, in the
// order they are shown (services by code, zones by name with the
// rest-of-world zone last). ENOTFOUND on "carrierId".
func findCarrier(ctx context.Context, q catalog.Queryer, id string) (*CarrierConfig, error) {
	c, err := scanCarrier(q.QueryRowContext(ctx, `SELECT `+carrierColumns+` FROM carriers WHERE id = ?`, id).Scan)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, errCarrierNotFound
	} else if err != nil {
		return nil, fmt.Errorf("find carrier: %w", err)
	}
	if err := loadParts(ctx, q, map[string]*CarrierConfig{c.ID: c}, false); err != nil {
		return nil, err
	}
	return c, nil
}

// loadParts fills in the services and zones of carriers, only the active
// services when activeOnly.
func loadParts(ctx context.Context, q catalog.Queryer, carriers map[string]*CarrierConfig, activeOnly bool) error {
	one := ""
	if len(carriers) == 1 {
		for id := range carriers {
			one = id
		}
	}
	rows, err := q.QueryContext(ctx, `SELECT `+serviceColumns+` FROM carrier_services
		WHERE (? = '' OR carrier_id = ?) AND (active = 1 OR ? = 0) ORDER BY code COLLATE NOCASE, id`, one, one, activeOnly)
	if err != nil {
		return fmt.Errorf("find carrier services: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		v, err := scanService(rows.Scan)
		if err != nil {
			return fmt.Errorf("find carrier services: %w", err)
		}
		if c := carriers[v.CarrierID]; c != nil {
			c.Services = append(c.Services, v)
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("find carrier services: %w", err)
	}
	rows.Close()
	zrows, err := q.QueryContext(ctx, `SELECT `+zoneColumns+` FROM shipping_zones
		WHERE (? = '' OR carrier_id = ?) ORDER BY countries = '*', name COLLATE NOCASE, id`, one, one)
	if err != nil {
		return fmt.Errorf("find shipping zones: %w", err)
	}
	defer zrows.Close()
	for zrows.Next() {
		z, err := scanZone(zrows.Scan)
		if err != nil {
			return fmt.Errorf("find shipping zones: %w", err)
		}
		if c := carriers[z.CarrierID]; c != nil {
			c.Zones = append(c.Zones, z)
		}
	}
	if err := zrows.Err(); err != nil {
		return fmt.Errorf("find shipping zones: %w", err)
	}
	return nil
}

// FindCarriers returns the carriers by name with their services and zones;
// when activeOnly, only the active carriers with their active services.
func (s *Service) FindCarriers(ctx context.Context, activeOnly bool) ([]*CarrierConfig, error) {
	q := s.db.Reader()
	rows, err := q.QueryContext(ctx, `SELECT `+carrierColumns+` FROM carriers
		WHERE active = 1 OR ? = 0 ORDER BY name COLLATE NOCASE, id`, activeOnly)
	if err != nil {
		return nil, fmt.Errorf("find carriers: %w", err)
	}
	defer rows.Close()
	out := []*CarrierConfig{}
	byID := map[string]*CarrierConfig{}
	for rows.Next() {
		c, err := scanCarrier(rows.Scan)
		if err != nil {
			return nil, fmt.Errorf("find carriers: %w", err)
		}
		out = append(out, c)
		byID[c.ID] = c
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("find carriers: %w", err)
	}
	rows.Close()
	if len(out) == 0 {
		return out, nil
	}
	return out, loadParts(ctx, q, byID, activeOnly)
}

// FindCarrierByID returns one carrier with all its services and zones.
// ENOTFOUND on "carrierId".
func (s *Service) FindCarrierByID(ctx context.Context, id string) (*CarrierConfig, error) {
	return findCarrier(ctx, s.db.Reader(), id)
}

// checkName trims a name and refuses an empty, over-long or control-character one.
func checkName(field, label, name string, maxLen int) (string, error) {
	name = strings.TrimSpace(name)
	if name == "" || !utf8.ValidString(name) || utf8.RuneCountInString(name) > maxLen || strings.IndexFunc(name, unicode.IsControl) >= 0 {
		return "", errs.Invalid(field, "Enter %s of at most %d characters.", label, maxLen)
	}
	return name, nil
}

// checkTrackingURL trims and validates a tracking page template: "" or an
// http(s) URL containing {tracking}.
func checkTrackingURL(raw string) (string, error) {
	raw = strings.TrimSpace(raw)
	if raw == "" {
		return "", nil
	}
	bad := errs.Invalid("trackingUrl", "Enter the tracking page as an http:// or https:// address with {tracking} where the tracking number goes, for example https://carrier.example/track?id={tracking}.")
	if !utf8.ValidString(raw) || utf8.RuneCountInString(raw) > MaxTrackingURL || strings.IndexFunc(raw, unicode.IsSpace) >= 0 {
		return "", bad
	}
	if !strings.Contains(raw, trackingToken) {
		return "", errs.Invalid("trackingUrl", "Put {tracking} in the tracking page address where the tracking number goes.")
	}
	u, err := url.Parse(strings.ReplaceAll(raw, trackingToken, "X"))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return "", bad
	}
	return raw, nil
}

// checkCarrierNameFree refuses a name another carrier (not id) already has.
func checkCarrierNameFree(tx *store.Tx, name, id string) error {
	var n int
	if err := tx.QueryRowContext(tx.Context(), `SELECT count(*) FROM carriers WHERE name = ? COLLATE NOCASE AND id <> ?`,
		name, id).Scan(&n); err != nil {
		return fmt.Errorf("check carrier name: %w", err)
	}
	if n > 0 {
		return &errs.Error{Code: errs.ECONFLICT, Field: "name", Message: fmt.Sprintf("A carrier named %q exists; choose another name.", name)}
	}
	return nil
}

// CreateCarrier adds an active carrier without services or zones. EINVALID
// on "name", "trackingUrl" or "trackingPattern"; ECONFLICT on "name" when
// another carrier has that name.
func (s *Service) CreateCarrier(ctx context.Context, actor store.Actor, in CarrierInput) (*CarrierConfig, error) {
	name, err := checkName("name", "a name", in.Name, MaxCarrierName)
	if err != nil {
		return nil, err
	}
	trackURL, err := checkTrackingURL(in.TrackingURL)
	if err != nil {
		return nil, err
	}
	pattern := strings.TrimSpace(in.TrackingPattern)
	if _, err := ParseTrackingPattern(pattern); err != nil {
		return nil, err
	}
	c := &CarrierConfig{ID: store.NewID(), Name: name, TrackingURL: trackURL, TrackingPattern: pattern, Active: true,
		Services: []*CarrierService{}, Zones: []*Zone{}}
	err = s.db.Update(ctx, actor, func(tx *store.Tx) error {
		if err := checkCarrierNameFree(tx, name, ""); err != nil {
			return err
		}
		c.CreatedAt, c.UpdatedAt = tx.Now, tx.Now
		if _, err := tx.ExecContext(tx.Context(), `INSERT INTO carriers (id, name, tracking_url, tracking_pattern, active, created_at, updated_at)
			VALUES (?, ?, ?, ?, 1, ?, ?)`, c.ID, c.Name, c.TrackingURL, c.TrackingPattern, store.FormatTime(tx.Now), store.FormatTime(tx.Now)); err != nil {
			return fmt.Errorf("insert carrier: %w", err)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return c, nil
}

// UpdateCarrier renames a carrier, changes its tracking page or pattern, or
// deactivates or reactivates it. An inactive carrier quotes nothing and
// takes no new shipments. ENOTFOUND on "carrierId"; EINVALID on "name",
// "trackingUrl" or "trackingPattern"; ECONFLICT on "name".
func (s *Service) UpdateCarrier(ctx context.Context, actor store.Actor, id string, u CarrierUpdate) (*CarrierConfig, error) {
	if u.Name != nil {
		name, err := checkName("name", "a name", *u.Name, MaxCarrierName)
		if err != nil {
			return nil, err
		}
		u.Name = &name
	}
	if u.TrackingURL != nil {
		v, err := checkTrackingURL(*u.TrackingURL)
		if err != nil {
			return nil, err
		}
		u.TrackingURL = &v
	}
	if u.TrackingPattern != nil {
		v := strings.TrimSpace(*u.TrackingPattern)
		if _, err := ParseTrackingPattern(v); err != nil {
			return nil, err
		}
		u.TrackingPattern = &v
	}
	var c *CarrierConfig
	err := s.db.Update(ctx, actor, func(tx *store.Tx) error {
		var err error
		if c, err = findCarrier(ctx, tx, id); err != nil {
			return err
		}
		changed := false
		if u.Name != nil && *u.Name != c.Name {
			if err := checkCarrierNameFree(tx, *u.Name, id); err != nil {
				return err
			}
			c.Name, changed = *u.Name, true
		}
		if u.TrackingURL != nil && *u.TrackingURL != c.TrackingURL {
			c.TrackingURL, changed = *u.TrackingURL, true
		}
		if u.TrackingPattern != nil && *u.TrackingPattern != c.TrackingPattern {
			c.TrackingPattern, changed = *u.TrackingPattern, true
		}
		if u.Active != nil && *u.Active != c.Active {
			c.Active, changed = *u.Active, true
		}
		if !changed {
			return nil // nothing to save, nothing to sync
		}
		c.UpdatedAt = tx.Now
		if _, err := tx.ExecContext(ctx, `UPDATE carriers SET name = ?, tracking_url = ?, tracking_pattern = ?, active = ?, updated_at = ? WHERE id = ?`,
			c.Name, c.TrackingURL, c.TrackingPattern, c.Active, store.FormatTime(tx.Now), id); err != nil {
			return fmt.Errorf("update carrier: %w", err)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return c, nil
}

// findService returns service id: ENOTFOUND on "serviceId".
func findService(ctx context.Context, q catalog.Queryer, id string) (*CarrierService, error) {
	v, err := scanService(q.QueryRowContext(ctx, `SELECT `+serviceColumns+` FROM carrier_services WHERE id = ?`, id).Scan)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, &errs.Error{Code: errs.ENOTFOUND, Field: "serviceId", Message: "Carrier service not found."}
	} else if err != nil {
		return nil, fmt.Errorf("find carrier service: %w", err)
	}
	return v, nil
}

func checkServiceCode(code string) (string, error) {
	code = strings.TrimSpace(code)
	if code == "" || !utf8.ValidString(code) || utf8.RuneCountInString(code) > MaxServiceCode || strings.IndexFunc(code, unicode.IsControl) >= 0 {
		return "", errs.Invalid("code", "Enter the carrier's service code, at most %d characters.", MaxServiceCode)
	}
	return code, nil
}

// checkServiceCodeFree refuses a code another service (not id) of the carrier has.
func checkServiceCodeFree(tx *store.Tx, carrierID, code, id string) error {
	var n int
	if err := tx.QueryRowContext(tx.Context(), `SELECT count(*) FROM carrier_services WHERE carrier_id = ? AND code = ? COLLATE NOCASE AND id <> ?`,
		carrierID, code, id).Scan(&n); err != nil {
		return fmt.Errorf("check service code: %w", err)
	}
	if n > 0 {
		return &errs.Error{Code: errs.ECONFLICT, Field: "code", Message: fmt.Sprintf("This carrier has a service with code %q; choose another code.", code)}
	}
	return nil
}

// CreateService adds an active service to a carrier. ENOTFOUND on
// "carrierId"; EINVALID on "code" or "name"; ECONFLICT on "code" when the
// carrier has a service with that code.
func (s *Service) CreateService(ctx context.Context, actor store.Actor, carrierID string, in ServiceInput) (*CarrierService, error) {
	code, err := checkServiceCode(in.Code)
	if err != nil {
		return nil, err
	}
	name, err := checkName("name", "a name", in.Name, MaxServiceName)
	if err != nil {
		return nil, err
	}
	v := &CarrierService{ID: store.NewID(), CarrierID: carrierID, Code: code, Name: name, Active: true}
	err = s.db.Update(ctx, actor, func(tx *store.Tx) error {
		if _, err := findCarrier(ctx, tx, carrierID); err != nil {
			return err
		}
		if err := checkServiceCodeFree(tx, carrierID, code, ""); err != nil {
			return err
		}
		v.CreatedAt, v.UpdatedAt = tx.Now, tx.Now
		if _, err := tx.ExecContext(ctx, `INSERT INTO carrier_services (id, carrier_id, code, name, active, created_at, updated_at)
			VALUES (?, ?, ?, ?, 1, ?, ?)`, v.ID, carrierID, code, name, store.FormatTime(tx.Now), store.FormatTime(tx.Now)); err != nil {
			return fmt.Errorf("insert carrier service: %w", err)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return v, nil
}

// UpdateService changes a service's code or name, or deactivates or
// reactivates it; its rate table stays. ENOTFOUND on "serviceId"; EINVALID
// on "code" or "name"; ECONFLICT on "code".
func (s *Service) UpdateService(ctx context.Context, actor store.Actor, id string, u ServiceUpdate) (*CarrierService, error) {
	if u.Code != nil {
		code, err := checkServiceCode(*u.Code)
		if err != nil {
			return nil, err
		}
		u.Code = &code
	}
	if u.Name != nil {
		name, err := checkName("name", "a name", *u.Name, MaxServiceName)
		if err != nil {
			return nil, err
		}
		u.Name = &name
	}
	var v *CarrierService
	err := s.db.Update(ctx, actor, func(tx *store.Tx) error {
		var err error
		if v, err = findService(ctx, tx, id); err != nil {
			return err
		}
		before := *v
		if u.Code != nil {
			if err := checkServiceCodeFree(tx, v.CarrierID, *u.Code, id); err != nil {
				return err
			}
			v.Code = *u.Code
		}
		if u.Name != nil {
			v.Name = *u.Name
		}
		if u.Active != nil {
			v.Active = *u.Active
		}
		if *v == before {
			return nil
		}
		v.UpdatedAt = tx.Now
		if _, err := tx.ExecContext(ctx, `UPDATE carrier_services SET code = ?, name = ?, active = ?, updated_at = ? WHERE id = ?`,
			v.Code, v.Name, v.Active, store.FormatTime(tx.Now), id); err != nil {
			return fmt.Errorf("update carrier service: %w", err)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return v, nil
}
