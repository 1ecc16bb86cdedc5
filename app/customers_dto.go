package app

import (
	"time"

	"oms/internal/customer"
)

// CustomerFields are the editable details of a customer. CreditLimit is in
// minor units of the company currency.
type CustomerFields struct {
	Code          string `json:"code"`
	Name          string `json:"name"`
	Company       string `json:"company"`
	Email         string `json:"email"`
	Phone         string `json:"phone"`
	TaxID         string `json:"taxId"`
	CustomerGroup string `json:"customerGroup"`
	CreditLimit   int64  `json:"creditLimit"`
	Notes         string `json:"notes"`
}

// update sets every field: the customer page always sends the whole form.
func (in CustomerFields) update() customer.CustomerUpdate {
	return customer.CustomerUpdate{Code: &in.Code, Name: &in.Name, Company: &in.Company, Email: &in.Email, Phone: &in.Phone,
		TaxID: &in.TaxID, CustomerGroup: &in.CustomerGroup, CreditLimit: &in.CreditLimit, Notes: &in.Notes}
}

// NewCustomer is a customer to create, with its first addresses. An empty
// code gets the next number of the workstation's series.
type NewCustomer struct {
	CustomerFields
	Addresses []AddressInput `json:"addresses"`
}

func (in NewCustomer) domain() customer.CustomerInput {
	out := customer.CustomerInput{Code: in.Code, Name: in.Name, Company: in.Company, Email: in.Email, Phone: in.Phone,
		TaxID: in.TaxID, CustomerGroup: in.CustomerGroup, CreditLimit: in.CreditLimit, Notes: in.Notes}
	for _, a := range in.Addresses {
		out.Addresses = append(out.Addresses, a.domain())
	}
	return out
}

// CustomerView is a customer as the frontend shows it. Addresses are filled
// by CustomersAPI.Customer and the calls that return one whole customer, and
// are empty in search results. Times are RFC 3339 with fractions, so
// UpdatedAt tells two changes within a second apart.
type CustomerView struct {
	CustomerFields
	ID        string        `json:"id"`
	Active    bool          `json:"active"`
	Erased    bool          `json:"erased"`
	ErasedAt  string        `json:"erasedAt"`
	CreatedAt string        `json:"createdAt"`
	UpdatedAt string        `json:"updatedAt"`
	Addresses []AddressView `json:"addresses"`
}

func customerView(c *customer.Customer) CustomerView {
	if c == nil {
		return CustomerView{Addresses: []AddressView{}}
	}
	v := CustomerView{
		CustomerFields: CustomerFields{Code: c.Code, Name: c.Name, Company: c.Company, Email: c.Email, Phone: c.Phone, TaxID: c.TaxID,
			CustomerGroup: c.CustomerGroup, CreditLimit: c.CreditLimit, Notes: c.Notes},
		ID: c.ID, Active: c.Active, Erased: c.Erased(), CreatedAt: c.CreatedAt.Format(time.RFC3339Nano),
		UpdatedAt: c.UpdatedAt.Format(time.RFC3339Nano), Addresses: make([]AddressView, 0, len(c.Addresses)),
	}
	if c.ErasedAt != nil {
		v.ErasedAt = c.ErasedAt.Format(time.RFC3339Nano)
	}
	for _, a := range c.Addresses {
		v.Addresses = append(v.Addresses, addressView(a))
	}
	return v
}

// CustomerPage is one page of a customer search and how many match in all.
type CustomerPage struct {
	Items []CustomerView `json:"items"`
	Total int            `json:"total"`
}

// AddressInput is a billing or shipping address. Default makes it the
// default of its kind.
type AddressInput struct {
	Kind       string `json:"kind"`
	Default    bool   `json:"default"`
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

func (in AddressInput) domain() customer.AddressInput {
	return customer.AddressInput{Kind: in.Kind, Default: in.Default, Name: in.Name, Company: in.Company, Line1: in.Line1,
		Line2: in.Line2, PostalCode: in.PostalCode, City: in.City, Region: in.Region, Country: in.Country, Phone: in.Phone}
}

// AddressView is a stored address of a customer.
type AddressView struct {
	AddressInput
	ID         string `json:"id"`
	CustomerID string `json:"customerId"`
	UpdatedAt  string `json:"updatedAt"`
}

func addressView(a *customer.Address) AddressView {
	if a == nil {
		return AddressView{}
	}
	return AddressView{
		AddressInput: AddressInput{Kind: a.Kind, Default: a.Default, Name: a.Name, Company: a.Company, Line1: a.Line1, Line2: a.Line2,
			PostalCode: a.PostalCode, City: a.City, Region: a.Region, Country: a.Country, Phone: a.Phone},
		ID: a.ID, CustomerID: a.CustomerID, UpdatedAt: a.UpdatedAt.Format(time.RFC3339Nano),
	}
}

// InteractionInput is a new entry of a customer's interaction log: kind is
// call, email, visit, note or complaint. It is recorded as happening now.
type InteractionInput struct {
	Kind string `json:"kind"`
	Text string `json:"text"`
}

// InteractionView is an entry of a customer's interaction timeline.
type InteractionView struct {
	ID         string `json:"id"`
	Kind       string `json:"kind"`
	UserName   string `json:"userName"`
	OccurredAt string `json:"occurredAt"`
	Text       string `json:"text"`
}

func interactionView(it *customer.Interaction) InteractionView {
	if it == nil {
		return InteractionView{}
	}
	return InteractionView{ID: it.ID, Kind: it.Kind, UserName: it.UserName, OccurredAt: it.OccurredAt.Format(time.RFC3339Nano),
		Text: it.Text}
}

// ExportFile is a GDPR export for the frontend to save: the file's suggested
// name, its media type and its bytes in standard base64.
type ExportFile struct {
	FileName string `json:"fileName"`
	MimeType string `json:"mimeType"`
	Base64   string `json:"base64"`
}
