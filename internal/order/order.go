// Package order owns orders: drafts and their lines, totals, numbers from
// the workstation's series, the status lifecycle with its history, and the
// stock reservations an order holds. Payments and returns come later.
package order

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"oms/internal/catalog"
	"oms/internal/company"
	"oms/internal/customer"
	"oms/internal/errs"
	"oms/internal/stock"
	"oms/internal/store"
)

// Channel is how an order came in.
type Channel string

// Channels.
const (
	ChannelCounter Channel = "counter"
	ChannelPhone   Channel = "phone"
	ChannelEmail   Channel = "email"
	ChannelWeb     Channel = "web"
)

var channels = map[Channel]bool{ChannelCounter: true, ChannelPhone: true, ChannelEmail: true, ChannelWeb: true}

// MaxNotes is the longest order note, in characters.
const MaxNotes = 2000

// ErrChanged is the answer to a save based on an older version of the order.
var ErrChanged = &errs.Error{Code: errs.ECONFLICT, Field: "version", Message: "The order changed; reload it."}

// Address is a snapshot of an address on an order: later edits of the
// customer's addresses do not change it.
type Address struct {
	Name       string `json:"name,omitempty"`
	Company    string `json:"company,omitempty"`
	Line1      string `json:"line1,omitempty"`
	Line2      string `json:"line2,omitempty"`
	PostalCode string `json:"postalCode,omitempty"`
	City       string `json:"city,omitempty"`
	Region     string `json:"region,omitempty"`
	Country    string `json:"country,omitempty"`
	Phone      string `json:"phone,omitempty"`
}

func snapshot(a *customer.Address) Address {
	return Address{Name: a.Name, Company: a.Company, Line1: a.Line1, Line2: a.Line2, PostalCode: a.PostalCode,
		City: a.City, Region: a.Region, Country: a.Country, Phone: a.Phone}
}

// Order is an order header with, from FindOrderByID, its lines and history.
type Order struct {
	ID               string      `json:"id"`
	Number           string      `json:"number"`
	CustomerID       string      `json:"customerId"`   // "" for a walk-in sale
	CustomerName     string      `json:"customerName"` // the customer's name now, filled by FindOrders
	CustomerGroup    string      `json:"customerGroup"`
	Channel          Channel     `json:"channel"`
	Status           Status      `json:"status"`
	WarehouseID      string      `json:"warehouseId"`
	BillingAddress   Address     `json:"billingAddress"`
	ShippingAddress  Address     `json:"shippingAddress"`
	Notes            string      `json:"notes"`
	DiscountBps      int64       `json:"discountBps"`
	Shipping         int64       `json:"shipping"`
	Currency         string      `json:"currency"`
	PricesIncludeTax bool        `json:"pricesIncludeTax"`
	Subtotal         int64       `json:"subtotal"`
	DiscountTotal    int64       `json:"discountTotal"`
	NetTotal         int64       `json:"netTotal"`
	TaxTotal         int64       `json:"taxTotal"`
	Total            int64       `json:"total"`
	TaxMode          TaxMode     `json:"taxMode"`
	ShippingTax      int64       `json:"shippingTax"` // the tax in (or on) Shipping, part of TaxTotal
	Version          int64       `json:"version"`
	CreatedBy        string      `json:"createdBy"`
	CreatedAt        time.Time   `json:"createdAt"`
	UpdatedAt        time.Time   `json:"updatedAt"`
	Lines            []*Line     `json:"lines,omitempty"`
	Events           []*Event    `json:"events,omitempty"`
	Rates            []RateTotal `json:"rates,omitempty"` // tax by rate, from FindOrderByID
	// PaymentStatus is how far the order is paid (see PaymentSummary), from
	// the list's cache; filled by FindOrders and FindOrderByID.
	PaymentStatus PaymentStatus `json:"paymentStatus"`
}

// Line is an order line. SKU, Name, UnitPrice and the tax are snapshots.
type Line struct {
	ID             string `json:"id"`
	OrderID        string `json:"orderId"`
	LineNo         int64  `json:"lineNo"`
	ProductID      string `json:"productId"`
	SKU            string `json:"sku"`
	Name           string `json:"name"`
	Quantity       int64  `json:"quantity"`
	UnitPrice      int64  `json:"unitPrice"`
	DiscountBps    int64  `json:"discountBps"`
	DiscountAmount int64  `json:"discountAmount"` // after DiscountBps, as priced
	TaxClassID     string `json:"taxClassId"`
	TaxRateBps     int64  `json:"taxRateBps"`
	Discount       int64  `json:"discount"`
	Net            int64  `json:"net"`
	Tax            int64  `json:"tax"`
	Gross          int64  `json:"gross"`
	Reserved       int64  `json:"reserved"`    // set aside in the warehouse on confirmation
	Backordered    int64  `json:"backordered"` // short on confirmation or when picked
	// Picked counts the units taken off the shelves, shipped ones
	// included; Shipped the units that left in shipments. A confirmed
	// line keeps Quantity = Shipped + Reserved + Backordered.
	Picked  int64 `json:"picked"`
	Shipped int64 `json:"shipped"`
}

// Event is one step of an order's history.
type Event struct {
	ID       string    `json:"id"`
	OrderID  string    `json:"orderId"`
	From     Status    `json:"from"` // "" for the creation of the draft
	To       Status    `json:"to"`
	UserID   string    `json:"userId"`
	UserName string    `json:"userName"`
	Note     string    `json:"note"`
	At       time.Time `json:"at"`
}

// OrderInput describes a new draft. Addresses, when nil, are the
// customer's default billing and shipping addresses. Currency defaults to
// the company's.
type OrderInput struct {
	CustomerID      string
	Channel         Channel
	WarehouseID     string
	BillingAddress  *Address
	ShippingAddress *Address
	Notes           string
	DiscountBps     int64
	Shipping        int64
	Currency        string
}

// OrderUpdate changes the fields of a draft that are not nil. A new
// CustomerID ("" for walk-in) takes that customer's default addresses
// (unless given too) and re-prices the lines from the customer's price list.
type OrderUpdate struct {
	CustomerID      *string
	Channel         *Channel
	WarehouseID     *string
	BillingAddress  *Address
	ShippingAddress *Address
	Notes           *string
	DiscountBps     *int64
	Shipping        *int64
}

// LineInput describes a new line: the price and tax come from the catalog.
type LineInput struct {
	ProductID      string
	Quantity       int64
	DiscountBps    int64
	DiscountAmount int64 // minor units, as priced, after DiscountBps
}

// LineUpdate changes the fields of a line that are not nil.
type LineUpdate struct {
	Quantity       *int64
	DiscountBps    *int64
	DiscountAmount *int64
}

// Service creates and changes orders.
type Service struct {
	db        *store.DB
	catalog   *catalog.Service
	customers *customer.Service
	stock     *stock.Service
}

// NewService returns the order service over db and the services it relies on.
func NewService(db *store.DB, cat *catalog.Service, customers *customer.Service, st *stock.Service) *Service {
	return &Service{db: db, catalog: cat, customers: customers, stock: st}
}

// seriesPrefix is the prefix of this workstation's order numbers: its
// station code, or LOCAL before it enrols. LOCAL numbers are unique only on
// this device: DESIGN.md requires enrolment before sync, and enrolment
// starts the station's own series at 1, so LOCAL orders keep their numbers.
func seriesPrefix(station string) string {
	if station = strings.ToUpper(strings.TrimSpace(station)); station != "" {
		return station
	}
	return "LOCAL"
}

// nextNumber takes the next number of the series in tx: "{prefix}-{n:06}".
func nextNumber(tx *store.Tx, kind, prefix string) (string, error) {
	n, err := NextNumber(tx, kind, prefix)
	if err != nil {
		return "", err
	}
	return fmt.Sprintf("%s-%06d", prefix, n), nil
}

// NextNumber takes the next number, from 1, of this workstation's series
// kind:prefix in tx, for other packages numbering their own documents
// (shipping's tracking numbers). The series are local to the workstation.
func NextNumber(tx *store.Tx, kind, prefix string) (int64, error) {
	var n int64
	err := tx.QueryRowContext(tx.Context(), `INSERT INTO order_number_series (id, last, updated_at) VALUES (?, 1, ?)
		ON CONFLICT (id) DO UPDATE SET last = last + 1, updated_at = excluded.updated_at
		RETURNING last`, kind+":"+prefix, store.FormatTime(tx.Now)).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("next %s number: %w", kind, err)
	}
	return n, nil
}

func checkNotes(notes string) error {
	if !utf8.ValidString(notes) || utf8.RuneCountInString(notes) > MaxNotes {
		return errs.Invalid("notes", "Notes must be text of at most %d characters.", MaxNotes)
	}
	return nil
}

func checkChannel(c Channel) error {
	if !channels[c] {
		return errs.Invalid("channel", "Choose the channel: counter, phone, email or web.")
	}
	return nil
}

// findCustomer returns the customer of an order, refusing archived or erased ones.
func (s *Service) findCustomer(ctx context.Context, id string) (*customer.Customer, error) {
	c, err := s.customers.FindCustomerByID(ctx, id)
	if errs.Code(err) == errs.ENOTFOUND {
		return nil, &errs.Error{Code: errs.ENOTFOUND, Field: "customerId", Message: "Customer not found."}
	} else if err != nil {
		return nil, err
	}
	if !c.Active || c.Erased() {
		return nil, &errs.Error{Code: errs.ECONFLICT, Field: "customerId", Message: "This customer is archived and cannot order."}
	}
	return c, nil
}

func defaultAddress(c *customer.Customer, kind string) Address {
	var first *customer.Address
	for _, a := range c.Addresses {
		if a.Kind != kind {
			continue
		}
		if a.Default {
			return snapshot(a)
		}
		if first == nil {
			first = a
		}
	}
	if first != nil {
		return snapshot(first)
	}
	return Address{}
}

func (s *Service) checkWarehouse(ctx context.Context, id string) error {
	if id == "" {
		return nil
	}
	if _, err := s.stock.FindWarehouseByID(ctx, id); errs.Code(err) == errs.ENOTFOUND {
		return &errs.Error{Code: errs.ENOTFOUND, Field: "warehouseId", Message: "Warehouse not found."}
	} else if err != nil {
		return err
	}
	return nil
}

// companyCurrency returns the company's currency, "" before setup. The
// company package owns its table, so the read goes through it.
func companyCurrency(ctx context.Context, db *store.DB) (string, error) {
	c, err := company.NewService(db, nil).Find(ctx)
	if errs.Code(err) == errs.ENOTFOUND {
		return "", nil
	} else if err != nil {
		return "", fmt.Errorf("read company currency: %w", err)
	}
	return c.Currency, nil
}

// CreateOrder starts a draft with the next number of this workstation's
// series. EINVALID for bad input; ENOTFOUND on "customerId" or
// "warehouseId" for an unknown one; ECONFLICT for an archived customer.
func (s *Service) CreateOrder(ctx context.Context, actor store.Actor, in OrderInput) (*Order, error) {
	in.Notes = strings.TrimSpace(in.Notes)
	in.CustomerID = strings.TrimSpace(in.CustomerID)
	if in.Channel == "" {
		in.Channel = ChannelCounter
	}
	if err := checkChannel(in.Channel); err != nil {
		return nil, err
	}
	if err := checkNotes(in.Notes); err != nil {
		return nil, err
	}
	if _, err := ComputeTotals(TotalsInput{DiscountBps: in.DiscountBps, Shipping: in.Shipping}); err != nil {
		return nil, err
	}
	o := &Order{CustomerID: in.CustomerID, Channel: in.Channel, Status: StatusDraft, WarehouseID: in.WarehouseID,
		Notes: in.Notes, DiscountBps: in.DiscountBps, Shipping: in.Shipping, Total: in.Shipping, Version: 1,
		Currency: strings.ToUpper(strings.TrimSpace(in.Currency)), CreatedBy: actor.UserName}
	if o.CustomerID != "" {
		c, err := s.findCustomer(ctx, o.CustomerID)
		if err != nil {
			return nil, err
		}
		o.CustomerGroup = c.CustomerGroup
		o.BillingAddress, o.ShippingAddress = defaultAddress(c, "billing"), defaultAddress(c, "shipping")
	}
	if in.BillingAddress != nil {
		o.BillingAddress = *in.BillingAddress
	}
	if in.ShippingAddress != nil {
		o.ShippingAddress = *in.ShippingAddress
	}
	if err := s.checkWarehouse(ctx, o.WarehouseID); err != nil {
		return nil, err
	}
	if o.Currency == "" {
		cur, err := companyCurrency(ctx, s.db)
		if err != nil {
			return nil, err
		}
		o.Currency = cur
	}
	if _, ok := company.FindCurrency(o.Currency); !ok {
		return nil, errs.Invalid("currency", "Choose the order's currency.")
	}
	settings, err := catalog.FindSettings(ctx, s.db.Reader())
	if err != nil {
		return nil, err
	}
	o.PricesIncludeTax, o.TaxMode = settings.PricesIncludeTax, TaxMode(settings.TaxMode)
	err = s.db.Update(ctx, actor, func(tx *store.Tx) error {
		o.ID, o.CreatedAt, o.UpdatedAt = store.NewID(), tx.Now, tx.Now
		var err error
		if o.Number, err = nextNumber(tx, "order", seriesPrefix(s.db.Device().StationCode)); err != nil {
			return err
		}
		if err := insertOrder(tx, o); err != nil {
			return err
		}
		return addEvent(tx, o.ID, "", StatusDraft, "")
	})
	if err != nil {
		return nil, err
	}
	return s.FindOrderByID(ctx, o.ID)
}

func jsonText(a Address) string {
	b, _ := json.Marshal(a) // a struct of strings cannot fail
	return string(b)
}

func nullable(s string) any {
	if s == "" {
		return nil
	}
	return s
}

func insertOrder(tx *store.Tx, o *Order) error {
	t, err := ComputeTotals(o.totalsInput(nil))
	if err != nil {
		return err
	}
	_, err = tx.ExecContext(tx.Context(), `INSERT INTO orders (id, number, customer_id, customer_group, channel, status,
		warehouse_id, billing_address, shipping_address, notes, discount_bps, shipping, currency, prices_include_tax, tax_mode,
		subtotal, discount_total, net_total, tax_total, total, shipping_tax, version, created_by, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, ?, ?, ?, ?, 1, ?, ?, ?)`,
		o.ID, o.Number, nullable(o.CustomerID), o.CustomerGroup, o.Channel, o.Status, o.WarehouseID,
		jsonText(o.BillingAddress), jsonText(o.ShippingAddress), o.Notes, o.DiscountBps, o.Shipping, o.Currency,
		o.PricesIncludeTax, o.TaxMode, t.Net, t.Tax, t.Total, t.ShippingTax, o.CreatedBy,
		store.FormatTime(o.CreatedAt), store.FormatTime(o.UpdatedAt))
	if err != nil {
		return fmt.Errorf("insert order: %w", err)
	}
	return nil
}

// totalsInput is what ComputeTotals needs of the order with these lines.
func (o *Order) totalsInput(lines []*Line) TotalsInput {
	in := TotalsInput{DiscountBps: o.DiscountBps, Shipping: o.Shipping, PricesIncludeTax: o.PricesIncludeTax, TaxMode: o.TaxMode}
	for _, l := range lines {
		in.Lines = append(in.Lines, PriceLine{UnitPrice: l.UnitPrice, Quantity: l.Quantity, DiscountBps: l.DiscountBps,
			DiscountAmount: l.DiscountAmount, TaxRateBps: l.TaxRateBps})
	}
	return in
}
