package importer

import (
	"fmt"
	"strconv"
	"strings"

	"oms/internal/customer"
	"oms/internal/errs"
)

// addressColumns are the columns of one address; a customer row may fill
// a billing_ and a shipping_ set.
var addressColumns = []string{"line1", "line2", "postal_code", "city", "region", "country", "phone"}

// addressFields maps an address field of the customer service to its column suffix.
var addressFields = map[string]string{
	"line1": "line1", "line2": "line2", "postalCode": "postal_code", "city": "city", "region": "region",
	"country": "country", "phone": "phone", "name": "line1", "company": "line1", "kind": "line1",
}

func init() {
	cols := []column{
		{name: "code", required: true}, {name: "name", required: true}, {name: "company", required: true},
		{name: "email", required: true}, {name: "phone", required: true},
	}
	for _, kind := range []string{customer.AddressBilling, customer.AddressShipping} {
		for _, c := range addressColumns {
			cols = append(cols, column{name: kind + "_" + c})
		}
	}
	kinds[Customers] = &kindSpec{
		noun:    "customer",
		columns: cols,
		fields:  map[string]string{"code": "code", "name": "name", "company": "company", "email": "email", "phone": "phone"},
		begin: func(j *job) error {
			j.state = &customerState{tx: customer.NewImportTx(j.tx, j.db.Device().StationCode), codes: map[string]int{}}
			return nil
		},
		write: writeCustomer,
	}
}

type customerState struct {
	tx    *customer.ImportTx
	codes map[string]int // code in upper case -> row that has it
}

func writeCustomer(j *job, r *row) error {
	st := j.state.(*customerState)
	in := customer.CustomerInput{
		Code: r.text("code"), Name: r.text("name"), Company: r.text("company"), Email: r.text("email"), Phone: r.text("phone"),
	}
	var prefixes []string // address index -> column prefix
	for _, kind := range []string{customer.AddressBilling, customer.AddressShipping} {
		a := customer.AddressInput{Kind: kind, Default: true, Name: in.Name, Company: in.Company}
		fields := []*string{&a.Line1, &a.Line2, &a.PostalCode, &a.City, &a.Region, &a.Country, &a.Phone}
		any := false
		for i, c := range addressColumns {
			*fields[i] = r.text(kind + "_" + c)
			any = any || *fields[i] != ""
		}
		if any {
			in.Addresses = append(in.Addresses, a)
			prefixes = append(prefixes, kind+"_")
		}
	}
	check := in
	check.Addresses = append([]customer.AddressInput(nil), in.Addresses...)
	if err := check.Validate(); err != nil {
		return failCustomer(r, err, prefixes)
	}
	if check.Code != "" {
		if prev, ok := st.codes[check.Code]; ok {
			r.fail("code", fmt.Sprintf("The customer code %s is also on row %d of this file.", check.Code, prev))
			return nil
		}
	}
	var code string
	err := j.savepoint(func() error {
		var err error
		_, code, err = st.tx.CreateCustomer(in)
		return err
	})
	if err != nil {
		if errs.Code(err) == errs.ECONFLICT && errs.Field(err) == "code" {
			r.fail("code", fmt.Sprintf("The customer code %s is already used by a customer in OMS.", check.Code))
			return nil
		}
		return failCustomer(r, err, prefixes)
	}
	st.codes[code] = r.n
	return nil
}

// failCustomer records a customer service error, naming an address field
// like addresses[1].city by its column (shipping_city).
func failCustomer(r *row, err error, prefixes []string) error {
	if errs.Code(err) == errs.EINTERNAL {
		return err
	}
	field := errs.Field(err)
	if rest, ok := strings.CutPrefix(field, "addresses["); ok {
		if idx, sub, ok := strings.Cut(rest, "]."); ok {
			if i, err2 := strconv.Atoi(idx); err2 == nil && i < len(prefixes) {
				if suffix, ok := addressFields[sub]; ok {
					r.fail(prefixes[i]+suffix, errs.Message(err))
					return nil
				}
			}
		}
	}
	return r.failErr(err, "")
}
