package app

import (
	"time"

	"oms/internal/errs"
	"oms/internal/order"
)

// OrderAddress is an address snapshot on an order.
type OrderAddress struct {
	Name       string `json:"name"`
	Company    string `json:"company"`
	Line1      string `json:"line1"`
	Line2      string `json:"line2"`
	PostalCode string `json:"postalCode"`
	City       string `json:"city"`
	Region     string `json:"region"`
	Country    string `json:"country"`
	Phone      string `json:"phone"`
}

func orderAddress(a order.Address) OrderAddress {
	return OrderAddress{Name: a.Name, Company: a.Company, Line1: a.Line1, Line2: a.Line2, PostalCode: a.PostalCode,
		City: a.City, Region: a.Region, Country: a.Country, Phone: a.Phone}
}

func (a OrderAddress) address() *order.Address {
	return &order.Address{Name: a.Name, Company: a.Company, Line1: a.Line1, Line2: a.Line2, PostalCode: a.PostalCode,
		City: a.City, Region: a.Region, Country: a.Country, Phone: a.Phone}
}

// OrderLineView is an order line with its amounts (minor units).
type OrderLineView struct {
	ID             string `json:"id"`
	LineNo         int64  `json:"lineNo"`
	ProductID      string `json:"productId"`
	SKU            string `json:"sku"`
	Name           string `json:"name"`
	Quantity       int64  `json:"quantity"`
	UnitPrice      int64  `json:"unitPrice"`
	DiscountBps    int64  `json:"discountBps"`
	DiscountAmount int64  `json:"discountAmount"`
	TaxRateBps     int64  `json:"taxRateBps"`
	Discount       int64  `json:"discount"`
	Net            int64  `json:"net"`
	Tax            int64  `json:"tax"`
	Gross          int64  `json:"gross"`
	Reserved       int64  `json:"reserved"`
	Backordered    int64  `json:"backordered"`
	Picked         int64  `json:"picked"`
	Shipped        int64  `json:"shipped"`
}

// OrderEventView is one step of an order's history.
type OrderEventView struct {
	ID       string `json:"id"`
	From     string `json:"from"`
	To       string `json:"to"`
	UserName string `json:"userName"`
	Note     string `json:"note"`
	At       string `json:"at"`
}

// RateView is the tax of one rate over an order.
type RateView struct {
	RateBps int64 `json:"rateBps"`
	Net     int64 `json:"net"`
	Tax     int64 `json:"tax"`
	Gross   int64 `json:"gross"`
}

// OrderView is an order header with, on the order page, its lines and
// history. Amounts are minor units of Currency.
type OrderView struct {
	ID               string           `json:"id"`
	Number           string           `json:"number"`
	CustomerID       string           `json:"customerId"`
	CustomerName     string           `json:"customerName"`
	Channel          string           `json:"channel"`
	Status           string           `json:"status"`
	WarehouseID      string           `json:"warehouseId"`
	BillingAddress   OrderAddress     `json:"billingAddress"`
	ShippingAddress  OrderAddress     `json:"shippingAddress"`
	Notes            string           `json:"notes"`
	DiscountBps      int64            `json:"discountBps"`
	Shipping         int64            `json:"shipping"`
	Currency         string           `json:"currency"`
	PricesIncludeTax bool             `json:"pricesIncludeTax"`
	Subtotal         int64            `json:"subtotal"`
	DiscountTotal    int64            `json:"discountTotal"`
	NetTotal         int64            `json:"netTotal"`
	TaxTotal         int64            `json:"taxTotal"`
	Total            int64            `json:"total"`
	TaxMode          string           `json:"taxMode"`
	ShippingTax      int64            `json:"shippingTax"`
	Rates            []RateView       `json:"rates"`
	Version          int64            `json:"version"`
	CreatedBy        string           `json:"createdBy"`
	CreatedAt        string           `json:"createdAt"`
	UpdatedAt        string           `json:"updatedAt"`
	Lines            []OrderLineView  `json:"lines"`
	Events           []OrderEventView `json:"events"`
	// PaymentStatus is how far the order is paid: unpaid, partly_paid,
	// paid, overpaid or refunded.
	PaymentStatus string `json:"paymentStatus"`
}

func orderView(o *order.Order) OrderView {
	if o == nil {
		return OrderView{Lines: []OrderLineView{}, Events: []OrderEventView{}, Rates: []RateView{}}
	}
	v := OrderView{ID: o.ID, Number: o.Number, CustomerID: o.CustomerID, CustomerName: o.CustomerName, Channel: string(o.Channel),
		Status: string(o.Status), WarehouseID: o.WarehouseID, BillingAddress: orderAddress(o.BillingAddress),
		ShippingAddress: orderAddress(o.ShippingAddress), Notes: o.Notes, DiscountBps: o.DiscountBps, Shipping: o.Shipping,
		Currency: o.Currency, PricesIncludeTax: o.PricesIncludeTax, Subtotal: o.Subtotal, DiscountTotal: o.DiscountTotal,
		NetTotal: o.NetTotal, TaxTotal: o.TaxTotal, Total: o.Total, TaxMode: string(o.TaxMode), ShippingTax: o.ShippingTax,
		Rates: make([]RateView, 0, len(o.Rates)), Version: o.Version, CreatedBy: o.CreatedBy,
		CreatedAt: o.CreatedAt.Format(time.RFC3339), UpdatedAt: o.UpdatedAt.Format(time.RFC3339),
		Lines: make([]OrderLineView, 0, len(o.Lines)), Events: make([]OrderEventView, 0, len(o.Events)),
		PaymentStatus: string(o.PaymentStatus)}
	for _, l := range o.Lines {
		v.Lines = append(v.Lines, OrderLineView{ID: l.ID, LineNo: l.LineNo, ProductID: l.ProductID, SKU: l.SKU, Name: l.Name,
			Quantity: l.Quantity, UnitPrice: l.UnitPrice, DiscountBps: l.DiscountBps, DiscountAmount: l.DiscountAmount, TaxRateBps: l.TaxRateBps,
			Discount: l.Discount, Net: l.Net, Tax: l.Tax, Gross: l.Gross, Reserved: l.Reserved, Backordered: l.Backordered,
			Picked: l.Picked, Shipped: l.Shipped})
	}
	for _, r := range o.Rates {
		v.Rates = append(v.Rates, RateView{RateBps: r.RateBps, Net: r.Net, Tax: r.Tax, Gross: r.Gross})
	}
	for _, e := range o.Events {
		v.Events = append(v.Events, OrderEventView{ID: e.ID, From: string(e.From), To: string(e.To), UserName: e.UserName,
			Note: e.Note, At: e.At.Format(time.RFC3339)})
	}
	return v
}

// OrderPage is one page of the orders list and how many match in all.
type OrderPage struct {
	Items []OrderView `json:"items"`
	Total int         `json:"total"`
	// Capped says a search matched more orders than it counts: Total is
	// then order.QueryTotalCap+1 and means "more than QueryTotalCap".
	Capped bool `json:"capped"`
}

// OrderQuery filters the orders list. From and To are calendar days
// (YYYY-MM-DD, both included) in the workstation's time zone; "" leaves
// that end open. PaymentStatus is unpaid, partly_paid, paid, overpaid,
// refunded or "" for any.
type OrderQuery struct {
	Status        string `json:"status"`
	PaymentStatus string `json:"paymentStatus"`
	CustomerID    string `json:"customerId"`
	Channel       string `json:"channel"`
	From          string `json:"from"`
	To            string `json:"to"`
	Query         string `json:"query"` // part of the number
	Limit         int    `json:"limit"`
	Offset        int    `json:"offset"`
}

func (q OrderQuery) filter() (order.OrderFilter, error) {
	f := order.OrderFilter{Status: order.Status(q.Status), CustomerID: q.CustomerID, Channel: order.Channel(q.Channel),
		Query: q.Query, Limit: q.Limit, Offset: q.Offset}
	var err error
	if f.PaymentStatus, err = order.ParsePaymentStatus(q.PaymentStatus); err != nil {
		return f, err
	}
	if f.From, err = parseDay("from", q.From); err != nil {
		return f, err
	}
	if f.To, err = parseDay("to", q.To); err != nil {
		return f, err
	}
	if !f.To.IsZero() {
		f.To = f.To.AddDate(0, 0, 1)
	}
	if !f.From.IsZero() && !f.To.IsZero() && !f.From.Before(f.To) {
		return f, errs.Invalid("to", "The end date is before the start date.")
	}
	return f, nil
}

// parseDay reads a calendar day in the workstation's time zone.
func parseDay(field, s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	t, err := time.ParseInLocation("2006-01-02", s, time.Local)
	if err != nil {
		return time.Time{}, errs.Invalid(field, "Give the date as YYYY-MM-DD.")
	}
	return t, nil
}

// NewOrderRequest starts a draft. An empty CustomerID is a walk-in sale;
// the customer's default addresses are taken.
type NewOrderRequest struct {
	CustomerID  string `json:"customerId"`
	Channel     string `json:"channel"`
	WarehouseID string `json:"warehouseId"`
	Notes       string `json:"notes"`
}

// OrderFields are the editable fields of an order header, all sent
// together as the form shows them.
type OrderFields struct {
	CustomerID      string       `json:"customerId"`
	Channel         string       `json:"channel"`
	WarehouseID     string       `json:"warehouseId"`
	BillingAddress  OrderAddress `json:"billingAddress"`
	ShippingAddress OrderAddress `json:"shippingAddress"`
	Notes           string       `json:"notes"`
	DiscountBps     int64        `json:"discountBps"`
	Shipping        int64        `json:"shipping"`
}

func (f OrderFields) update(current *order.Order) order.OrderUpdate {
	ch := order.Channel(f.Channel)
	u := order.OrderUpdate{CustomerID: &f.CustomerID, Channel: &ch, WarehouseID: &f.WarehouseID, Notes: &f.Notes,
		DiscountBps: &f.DiscountBps, Shipping: &f.Shipping}
	// A new customer brings their own addresses unless the form changed them too.
	if current == nil || f.CustomerID == current.CustomerID {
		u.BillingAddress, u.ShippingAddress = f.BillingAddress.address(), f.ShippingAddress.address()
	}
	return u
}

// LineFields are the editable fields of an order line.
type LineFields struct {
	Quantity       int64 `json:"quantity"`
	DiscountBps    int64 `json:"discountBps"`
	DiscountAmount int64 `json:"discountAmount"` // minor units, after the percentage
}

// BackorderView is an order line waiting for stock.
type BackorderView struct {
	LineID       string `json:"lineId"`
	OrderID      string `json:"orderId"`
	OrderNumber  string `json:"orderNumber"`
	OrderStatus  string `json:"orderStatus"`
	CustomerName string `json:"customerName"`
	WarehouseID  string `json:"warehouseId"`
	ProductID    string `json:"productId"`
	SKU          string `json:"sku"`
	Name         string `json:"name"`
	Quantity     int64  `json:"quantity"`
	Backordered  int64  `json:"backordered"`
	Available    int64  `json:"available"`
	OrderedAt    string `json:"orderedAt"`
}

// BackorderPage is one page of the backorder list.
type BackorderPage struct {
	Items []BackorderView `json:"items"`
	Total int             `json:"total"`
}
