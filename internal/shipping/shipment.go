package shipping

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"oms/internal/catalog"
	"oms/internal/errs"
	"oms/internal/order"
	"oms/internal/store"
)

// Status is where a shipment is on its way.
type Status string

// Shipment statuses. A shipment starts label_created when it is packed;
// delivered and returned (to the sender) end it; exception is a problem on
// the way that a later event clears.
const (
	StatusLabelCreated Status = "label_created"
	StatusInTransit    Status = "in_transit"
	StatusDelivered    Status = "delivered"
	StatusException    Status = "exception"
	StatusReturned     Status = "returned"
)

// next is the one table of allowed status changes: a shipment never goes
// back to a label just created, and nothing follows delivered or returned.
var next = map[Status][]Status{
	StatusLabelCreated: {StatusInTransit, StatusException, StatusDelivered, StatusReturned},
	StatusInTransit:    {StatusDelivered, StatusException, StatusReturned},
	StatusException:    {StatusInTransit, StatusDelivered, StatusReturned},
	StatusDelivered:    nil,
	StatusReturned:     nil,
}

var statusNames = map[Status]string{StatusLabelCreated: "label created", StatusInTransit: "in transit",
	StatusDelivered: "delivered", StatusException: "exception", StatusReturned: "returned"}

// Limits of what a packer types.
const (
	MaxPackages       = 50
	MaxTrackingLen    = 40
	MaxNoteLen        = 500
	MaxPackageWeightG = 1_000_000 // 1 t: anything heavier is freight, not a parcel
	MaxDimensionMM    = 10_000
)

// Shipment is one consignment of an order's goods, with its packages,
// lines and tracking history from FindShipmentByID.
type Shipment struct {
	ID             string          `json:"id"`
	Number         string          `json:"number"`
	OrderID        string          `json:"orderId"`
	OrderNumber    string          `json:"orderNumber"`
	CarrierID      string          `json:"carrierId"`
	ServiceID      string          `json:"serviceId"`
	CarrierName    string          `json:"carrierName"`
	ServiceCode    string          `json:"serviceCode"`
	ServiceName    string          `json:"serviceName"`
	TrackingNumber string          `json:"trackingNumber"`
	TrackingURL    string          `json:"trackingUrl"` // the carrier's page for it, "" when it has none
	Status         Status          `json:"status"`
	Cost           int64           `json:"cost"`
	Currency       string          `json:"currency"`
	WeightG        int64           `json:"weightG"`
	CreatedBy      string          `json:"createdBy"`
	CreatedAt      time.Time       `json:"createdAt"`
	UpdatedAt      time.Time       `json:"updatedAt"`
	Packages       []*Package      `json:"packages,omitempty"`
	Lines          []*ShipmentLine `json:"lines,omitempty"`
	Events         []*Event        `json:"events,omitempty"`
}

// Package is one parcel of a shipment.
type Package struct {
	ID         string `json:"id"`
	ShipmentID string `json:"shipmentId"`
	PackageNo  int    `json:"packageNo"`
	WeightG    int64  `json:"weightG"`
	LengthMM   int64  `json:"lengthMm"`
	WidthMM    int64  `json:"widthMm"`
	HeightMM   int64  `json:"heightMm"`
}

// ShipmentLine is units of an order line in a shipment.
type ShipmentLine struct {
	ID          string `json:"id"`
	ShipmentID  string `json:"shipmentId"`
	OrderLineID string `json:"orderLineId"`
	ProductID   string `json:"productId"`
	SKU         string `json:"sku"`
	Name        string `json:"name"`
	Quantity    int64  `json:"quantity"`
}

// Event is one step of a shipment's tracking history.
type Event struct {
	ID         string    `json:"id"`
	ShipmentID string    `json:"shipmentId"`
	Status     Status    `json:"status"`
	Note       string    `json:"note"`
	UserID     string    `json:"userId"`
	UserName   string    `json:"userName"`
	At         time.Time `json:"at"`
}

// PackageInput is a parcel as the packer weighed and measured it.
type PackageInput struct {
	WeightG  int64
	LengthMM int64
	WidthMM  int64
	HeightMM int64
}

// ShipmentInput describes a shipment being packed: what goes in it (units
// of the order's lines), the parcels, and how it travels. TrackingNumber,
// when "", is generated from the carrier's tracking pattern if it has one,
// else typed or scanned later (SetTracking).
type ShipmentInput struct {
	OrderID        string
	CarrierID      string
	ServiceID      string
	TrackingNumber string
	Lines          []order.ShipQuantity
	Packages       []PackageInput
}

func checkPackages(ps []PackageInput) error {
	if len(ps) == 0 {
		return errs.Invalid("packages", "Add at least one package with its weight.")
	}
	if len(ps) > MaxPackages {
		return errs.Invalid("packages", "A shipment has at most %d packages; split it into several shipments.", MaxPackages)
	}
	for i, p := range ps {
		field := fmt.Sprintf("packages[%d]", i)
		if p.WeightG < 1 || p.WeightG > MaxPackageWeightG {
			return errs.Invalid(field+".weightG", "Weigh package %d: its weight must be more than 0 and at most %d kg.", i+1, MaxPackageWeightG/1000)
		}
		for _, d := range []struct {
			name string
			v    int64
		}{{"lengthMm", p.LengthMM}, {"widthMm", p.WidthMM}, {"heightMm", p.HeightMM}} {
			if d.v < 0 || d.v > MaxDimensionMM {
				return errs.Invalid(field+"."+d.name, "Package %d's dimensions must be between 0 and %d cm.", i+1, MaxDimensionMM/10)
			}
		}
	}
	return nil
}

// checkTracking returns the tracking number trimmed, or EINVALID on
// "trackingNumber": letters, digits, spaces and - / . only, as carriers
// print them.
func checkTracking(s string) (string, error) {
	s = strings.TrimSpace(s)
	if utf8.RuneCountInString(s) > MaxTrackingLen {
		return "", errs.Invalid("trackingNumber", "A tracking number has at most %d characters.", MaxTrackingLen)
	}
	for _, r := range s {
		if !(r >= '0' && r <= '9' || r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' || r == '-' || r == ' ' || r == '/' || r == '.') {
			return "", errs.Invalid("trackingNumber", "A tracking number has only letters, digits, spaces and - / . in it.")
		}
	}
	return s, nil
}

func checkShipNote(note string) (string, error) {
	note = strings.TrimSpace(note)
	if !utf8.ValidString(note) || utf8.RuneCountInString(note) > MaxNoteLen {
		return "", errs.Invalid("note", "A note must be text of at most %d characters.", MaxNoteLen)
	}
	return note, nil
}

// CreateShipment packs a shipment of an order in one transaction: its
// number from this workstation's shipment series, its lines (the order's
// shipped quantities, stock and status follow through order.ShipLines),
// its packages, its cost from the carrier's rate table for the order's
// shipping country, its tracking number, and its first event,
// label_created. EINVALID on "packages…", "trackingNumber", "carrierId",
// "serviceId", "country" (no shipping country, or none the carrier serves),
// and as order.ShipLines on "status" and "lines…"; ENOTFOUND.
func (s *Service) CreateShipment(ctx context.Context, actor store.Actor, in ShipmentInput) (*Shipment, error) {
	if err := checkPackages(in.Packages); err != nil {
		return nil, err
	}
	tracking, err := checkTracking(in.TrackingNumber)
	if err != nil {
		return nil, err
	}
	comp, err := s.company.Find(ctx)
	if err != nil {
		return nil, err
	}
	var id string
	err = s.db.Update(ctx, actor, func(tx *store.Tx) error {
		o, err := order.FindOrder(ctx, tx, in.OrderID)
		if err != nil {
			return err
		}
		c, err := findCarrier(ctx, tx, in.CarrierID)
		if err != nil {
			return errs.Prefix("carrierId", err)
		}
		var svc *CarrierService
		for _, cs := range c.Services {
			if cs.ID == in.ServiceID {
				svc = cs
			}
		}
		if svc == nil {
			return errs.Invalid("serviceId", "Choose one of %s's services.", c.Name)
		}
		country := o.ShippingAddress.Country
		if country == "" {
			return errs.Invalid("country", "Order %s has no shipping address: add one in its details before packing.", o.Number)
		}
		weights := make([]int64, len(in.Packages))
		var total int64
		for i, p := range in.Packages {
			weights[i] = p.WeightG
			total += p.WeightG
		}
		q, err := quote(ctx, tx, c.ID, QuoteRequest{ServiceID: svc.ID, Country: country, WeightsG: weights})
		if err != nil {
			return err
		}
		if tracking == "" {
			if tracking, err = nextTrackingNumber(tx, c); err != nil {
				return err
			}
		}
		number, err := order.SeriesNumber(tx, s.db.Device().StationCode, "shipment", "S")
		if err != nil {
			return err
		}
		// The order's side first: it refuses what cannot ship.
		o, err = order.ShipLines(tx, o.ID, in.Lines, number)
		if err != nil {
			return err
		}
		currency := q.Currency
		if currency == "" {
			currency = comp.Currency
		}
		id = store.NewID()
		now := store.FormatTime(tx.Now)
		if _, err := tx.ExecContext(ctx, `INSERT INTO shipments (id, number, order_id, carrier_id, service_id, carrier_name, service_code,
			service_name, tracking_number, status, cost, currency, weight_g, created_by, created_at, updated_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, id, number, o.ID, c.ID, svc.ID, c.Name, svc.Code, svc.Name,
			tracking, StatusLabelCreated, q.Cost, currency, total, actor.UserName, now, now); err != nil {
			return fmt.Errorf("insert shipment: %w", err)
		}
		for i, p := range in.Packages {
			if _, err := tx.ExecContext(ctx, `INSERT INTO shipment_packages (id, shipment_id, package_no, weight_g, length_mm, width_mm,
				height_mm, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, store.NewID(), id, i+1, p.WeightG, p.LengthMM, p.WidthMM,
				p.HeightMM, now); err != nil {
				return fmt.Errorf("insert package: %w", err)
			}
		}
		byID := map[string]*order.Line{}
		for _, l := range o.Lines {
			byID[l.ID] = l
		}
		for _, sq := range in.Lines {
			l := byID[sq.LineID]
			if _, err := tx.ExecContext(ctx, `INSERT INTO shipment_lines (id, shipment_id, order_line_id, product_id, sku, name, quantity,
				created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, store.NewID(), id, l.ID, l.ProductID, l.SKU, l.Name, sq.Quantity, now); err != nil {
				return fmt.Errorf("insert shipment line: %w", err)
			}
		}
		return addEvent(tx, id, StatusLabelCreated, "")
	})
	if err != nil {
		return nil, err
	}
	return s.FindShipmentByID(ctx, id)
}

func addEvent(tx *store.Tx, shipmentID string, status Status, note string) error {
	if _, err := tx.ExecContext(tx.Context(), `INSERT INTO shipment_events (id, shipment_id, status, note, user_id, user_name, at)
		VALUES (?, ?, ?, ?, ?, ?, ?)`, store.NewID(), shipmentID, status, note, tx.Actor.UserID, tx.Actor.UserName,
		store.FormatTime(tx.Now)); err != nil {
		return fmt.Errorf("record shipment event: %w", err)
	}
	return nil
}

// SetTracking records the tracking number of a shipment, typed or scanned
// from the carrier's label. EINVALID on "trackingNumber"; on "status" for
// a delivered or returned shipment; ENOTFOUND.
func (s *Service) SetTracking(ctx context.Context, actor store.Actor, id, tracking string) (*Shipment, error) {
	tracking, err := checkTracking(tracking)
	if err != nil {
		return nil, err
	}
	if tracking == "" {
		return nil, errs.Invalid("trackingNumber", "Type or scan the tracking number.")
	}
	err = s.db.Update(ctx, actor, func(tx *store.Tx) error {
		sh, err := findShipment(ctx, tx, id)
		if err != nil {
			return err
		}
		if len(next[sh.Status]) == 0 {
			return errs.Invalid("status", "Shipment %s is %s; its tracking number can no longer change.", sh.Number, statusNames[sh.Status])
		}
		_, err = tx.ExecContext(ctx, `UPDATE shipments SET tracking_number = ?, updated_at = ? WHERE id = ?`, tracking, store.FormatTime(tx.Now), id)
		if err != nil {
			return fmt.Errorf("set tracking number: %w", err)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return s.FindShipmentByID(ctx, id)
}

// UpdateStatus records a step of a shipment's journey with a note, dated
// by the transaction. Its order follows in the same transaction when all
// of its lines have shipped: shipped once every shipment of it is in transit
// or delivered, delivered once every one is delivered. EINVALID on
// "status" for a step that is not allowed (see next), on "note"; ENOTFOUND.
func (s *Service) UpdateStatus(ctx context.Context, actor store.Actor, id string, to Status, note string) (*Shipment, error) {
	note, err := checkStep(to, note)
	if err != nil {
		return nil, err
	}
	err = s.db.Update(ctx, actor, func(tx *store.Tx) error {
		return step(tx, id, to, note)
	})
	if err != nil {
		return nil, err
	}
	return s.FindShipmentByID(ctx, id)
}

// checkStep returns the note trimmed, or EINVALID on "status" for a status
// that does not exist, on "note".
func checkStep(to Status, note string) (string, error) {
	if _, ok := next[to]; !ok {
		return "", errs.Invalid("status", "%q is not a shipment status.", to)
	}
	return checkShipNote(note)
}

// step moves one shipment to status to, records the event and lets its
// order follow. EINVALID on "status" for a step next does not allow;
// ENOTFOUND.
func step(tx *store.Tx, id string, to Status, note string) error {
	ctx := tx.Context()
	sh, err := findShipment(ctx, tx, id)
	if err != nil {
		return err
	}
	allowed := false
	for _, n := range next[sh.Status] {
		allowed = allowed || n == to
	}
	if !allowed {
		if len(next[sh.Status]) == 0 {
			return errs.Invalid("status", "Shipment %s is %s; its journey is over.", sh.Number, statusNames[sh.Status])
		}
		return errs.Invalid("status", "Shipment %s is %s; it cannot be %s now.", sh.Number, statusNames[sh.Status], statusNames[to])
	}
	if _, err := tx.ExecContext(ctx, `UPDATE shipments SET status = ?, updated_at = ? WHERE id = ?`, to, store.FormatTime(tx.Now), id); err != nil {
		return fmt.Errorf("update shipment status: %w", err)
	}
	if err := addEvent(tx, id, to, note); err != nil {
		return err
	}
	return followOrder(tx, sh.OrderID, sh.Number)
}

// followOrder moves the order on as far as all its shipments have gone.
func followOrder(tx *store.Tx, orderID, number string) error {
	ctx := tx.Context()
	o, err := order.FindOrder(ctx, tx, orderID)
	if err != nil {
		return err
	}
	for _, l := range o.Lines {
		if l.Shipped < l.Quantity {
			return nil // more to ship: the order waits for its last shipment
		}
	}
	rows, err := tx.QueryContext(ctx, `SELECT status FROM shipments WHERE order_id = ?`, orderID)
	if err != nil {
		return fmt.Errorf("find order shipments: %w", err)
	}
	travelling, delivered, n := true, true, 0
	for rows.Next() {
		var st Status
		if err := rows.Scan(&st); err != nil {
			rows.Close()
			return fmt.Errorf("find order shipments: %w", err)
		}
		n++
		travelling = travelling && (st == StatusInTransit || st == StatusDelivered)
		delivered = delivered && st == StatusDelivered
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("find order shipments: %w", err)
	}
	if n == 0 {
		return nil
	}
	switch {
	case delivered:
		_, err = order.AdvanceFulfilment(tx, orderID, order.StatusDelivered, "shipment "+number+" delivered")
	case travelling:
		_, err = order.AdvanceFulfilment(tx, orderID, order.StatusShipped, "shipment "+number+" in transit")
	}
	return err
}

const shipmentColumns = `id, number, order_id, carrier_id, service_id, carrier_name, service_code, service_name, tracking_number,
	status, cost, currency, weight_g, created_by, created_at, updated_at,
	COALESCE((SELECT o.number FROM orders o WHERE o.id = shipments.order_id), '')`

func scanShipment(scan func(...any) error) (*Shipment, error) {
	var sh Shipment
	var created, updated string
	if err := scan(&sh.ID, &sh.Number, &sh.OrderID, &sh.CarrierID, &sh.ServiceID, &sh.CarrierName, &sh.ServiceCode, &sh.ServiceName,
		&sh.TrackingNumber, &sh.Status, &sh.Cost, &sh.Currency, &sh.WeightG, &sh.CreatedBy, &created, &updated, &sh.OrderNumber); err != nil {
		return nil, err
	}
	var err error
	if sh.CreatedAt, err = store.ParseTime(created); err != nil {
		return nil, err
	}
	if sh.UpdatedAt, err = store.ParseTime(updated); err != nil {
		return nil, err
	}
	return &sh, nil
}

func findShipment(ctx context.Context, q catalog.Queryer, id string) (*Shipment, error) {
	sh, err := scanShipment(q.QueryRowContext(ctx, `SELECT `+shipmentColumns+` FROM shipments WHERE id = ?`, id).Scan)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, errs.Errorf(errs.ENOTFOUND, "Shipment not found.")
	} else if err != nil {
		return nil, fmt.Errorf("find shipment: %w", err)
	}
	return sh, nil
}

// FindShipmentByID returns a shipment with its packages, lines and events.
// ENOTFOUND.
func (s *Service) FindShipmentByID(ctx context.Context, id string) (*Shipment, error) {
	q := s.db.Reader()
	sh, err := findShipment(ctx, q, id)
	if err != nil {
		return nil, err
	}
	if err := fillShipment(ctx, q, sh); err != nil {
		return nil, err
	}
	return sh, nil
}

func fillShipment(ctx context.Context, q catalog.Queryer, sh *Shipment) error {
	var template string
	err := q.QueryRowContext(ctx, `SELECT tracking_url FROM carriers WHERE id = ?`, sh.CarrierID).Scan(&template)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("find tracking page: %w", err)
	}
	if sh.TrackingNumber != "" {
		sh.TrackingURL = trackingURL(template, sh.TrackingNumber)
	}
	rows, err := q.QueryContext(ctx, `SELECT id, shipment_id, package_no, weight_g, length_mm, width_mm, height_mm
		FROM shipment_packages WHERE shipment_id = ? ORDER BY package_no`, sh.ID)
	if err != nil {
		return fmt.Errorf("find packages: %w", err)
	}
	sh.Packages = []*Package{}
	for rows.Next() {
		var p Package
		if err := rows.Scan(&p.ID, &p.ShipmentID, &p.PackageNo, &p.WeightG, &p.LengthMM, &p.WidthMM, &p.HeightMM); err != nil {
			rows.Close()
			return fmt.Errorf("find packages: %w", err)
		}
		sh.Packages = append(sh.Packages, &p)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("find packages: %w", err)
	}
	rows, err = q.QueryContext(ctx, `SELECT sl.id, sl.shipment_id, sl.order_line_id, sl.product_id, sl.sku, sl.name, sl.quantity
		FROM shipment_lines sl LEFT JOIN order_lines ol ON ol.id = sl.order_line_id
		WHERE sl.shipment_id = ? ORDER BY COALESCE(ol.line_no, 0), sl.id`, sh.ID)
	if err != nil {
		return fmt.Errorf("find shipment lines: %w", err)
	}
	sh.Lines = []*ShipmentLine{}
	for rows.Next() {
		var l ShipmentLine
		if err := rows.Scan(&l.ID, &l.ShipmentID, &l.OrderLineID, &l.ProductID, &l.SKU, &l.Name, &l.Quantity); err != nil {
			rows.Close()
			return fmt.Errorf("find shipment lines: %w", err)
		}
		sh.Lines = append(sh.Lines, &l)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("find shipment lines: %w", err)
	}
	rows, err = q.QueryContext(ctx, `SELECT id, shipment_id, status, note, user_id, user_name, at
		FROM shipment_events WHERE shipment_id = ? ORDER BY at, id`, sh.ID)
	if err != nil {
		return fmt.Errorf("find shipment events: %w", err)
	}
	defer rows.Close()
	sh.Events = []*Event{}
	for rows.Next() {
		var e Event
		var at string
		if err := rows.Scan(&e.ID, &e.ShipmentID, &e.Status, &e.Note, &e.UserID, &e.UserName, &at); err != nil {
			return fmt.Errorf("find shipment events: %w", err)
		}
		if e.At, err = store.ParseTime(at); err != nil {
			return err
		}
		sh.Events = append(sh.Events, &e)
	}
	return rows.Err()
}

// ShipmentFilter narrows FindShipments.
type ShipmentFilter struct {
	OrderID   string
	CarrierID string
	Status    Status
	Query     string    // a shipment number or tracking number, exactly (any case)
	From, To  time.Time // created at From or later, before To; zero leaves that end open
	Limit     int       // default 100, at most 1000
	Offset    int
}

// FindShipments returns shipments, newest first, with their packages and
// lines (not their events), and how many match. EINVALID on "status", and
// on "to" for a range that ends before it starts.
func (s *Service) FindShipments(ctx context.Context, f ShipmentFilter) ([]*Shipment, int, error) {
	if !f.From.IsZero() && !f.To.IsZero() && !f.From.Before(f.To) {
		return nil, 0, errs.Invalid("to", "The end date is before the start date.")
	}
	var conds []string
	var args []any
	if f.OrderID != "" {
		conds, args = append(conds, "order_id = ?"), append(args, f.OrderID)
	}
	if f.Status != "" {
		if _, ok := next[f.Status]; !ok {
			return nil, 0, errs.Invalid("status", "%q is not a shipment status.", f.Status)
		}
		conds, args = append(conds, "status = ?"), append(args, f.Status)
	}
	if f.CarrierID != "" {
		conds, args = append(conds, "carrier_id = ?"), append(args, f.CarrierID)
	}
	if q := strings.TrimSpace(f.Query); q != "" {
		conds, args = append(conds, "(number = ? OR tracking_number = ?)"), append(args, strings.ToUpper(q), q)
	}
	if !f.From.IsZero() {
		conds, args = append(conds, "created_at >= ?"), append(args, store.FormatTime(f.From))
	}
	if !f.To.IsZero() {
		conds, args = append(conds, "created_at < ?"), append(args, store.FormatTime(f.To))
	}
	where := ""
	if len(conds) > 0 {
		where = " WHERE " + strings.Join(conds, " AND ")
	}
	limit := f.Limit
	if limit <= 0 {
		limit = 100
	}
	limit = min(limit, 1000)
	rq := s.db.Reader()
	var total int
	if err := rq.QueryRowContext(ctx, `SELECT COUNT(*) FROM shipments`+where, args...).Scan(&total); err != nil {
		return nil, 0, fmt.Errorf("count shipments: %w", err)
	}
	rows, err := rq.QueryContext(ctx, `SELECT `+shipmentColumns+` FROM shipments`+where+` ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?`,
		append(args, limit, max(f.Offset, 0))...)
	if err != nil {
		return nil, 0, fmt.Errorf("find shipments: %w", err)
	}
	var out []*Shipment
	for rows.Next() {
		sh, err := scanShipment(rows.Scan)
		if err != nil {
			rows.Close()
			return nil, 0, fmt.Errorf("find shipments: %w", err)
		}
		out = append(out, sh)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, 0, fmt.Errorf("find shipments: %w", err)
	}
	for _, sh := range out {
		if err := fillShipment(ctx, rq, sh); err != nil {
			return nil, 0, err
		}
		sh.Events = nil
	}
	if out == nil {
		out = []*Shipment{}
	}
	return out, total, nil
}
