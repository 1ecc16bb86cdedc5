package app

import (
	"bytes"
	"context"
	"encoding/base64"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/wailsapp/wails/v2/pkg/runtime"

	"oms/internal/auth"
	"oms/internal/customer"
	"oms/internal/errs"
)

// Who may do what with customers. Counter staff find and create customers at
// the counter while the customer waits, and correct their details, addresses
// and interaction log, so those need only customers.view. Archiving and the
// GDPR export and erasure of personal data are for managers and admins
// (customers.manage).
func init() {
	addRules(map[string]rule{
		"CustomersAPI.FindCustomers":      need(auth.PermCustomersView),
		"CustomersAPI.Customer":           need(auth.PermCustomersView),
		"CustomersAPI.Timeline":           need(auth.PermCustomersView),
		"CustomersAPI.CreateCustomer":     need(auth.PermCustomersView),
		"CustomersAPI.UpdateCustomer":     need(auth.PermCustomersView),
		"CustomersAPI.AddAddress":         need(auth.PermCustomersView),
		"CustomersAPI.UpdateAddress":      need(auth.PermCustomersView),
		"CustomersAPI.DeleteAddress":      need(auth.PermCustomersView),
		"CustomersAPI.SetDefaultAddress":  need(auth.PermCustomersView),
		"CustomersAPI.AddInteraction":     need(auth.PermCustomersView),
		"CustomersAPI.ArchiveCustomer":    need(auth.PermCustomersManage),
		"CustomersAPI.RestoreCustomer":    need(auth.PermCustomersManage),
		"CustomersAPI.ExportCustomer":     need(auth.PermCustomersManage),
		"CustomersAPI.ExportCustomerData": need(auth.PermCustomersManage),
		"CustomersAPI.EraseCustomer":      need(auth.PermCustomersManage),
	})
}

// CustomersAPI is the customer list, the customer page (details, addresses,
// interaction timeline) and the GDPR export and erasure.
type CustomersAPI struct{ a *App }

// FindCustomers returns a page of the customers matching query as typed
// (every word begins a word of the code, name, company, email or phone; an
// empty query lists all by name), and how many match in all.
func (x *CustomersAPI) FindCustomers(query string, activeOnly bool, limit, offset int) (CustomerPage, error) {
	if _, err := x.a.guard(); err != nil {
		return CustomerPage{Items: []CustomerView{}}, err
	}
	found, total, err := x.a.svc.Customers.FindCustomers(x.a.context(),
		customer.CustomerFilter{Query: query, ActiveOnly: activeOnly, Limit: limit, Offset: offset})
	if err != nil {
		return CustomerPage{Items: []CustomerView{}}, err
	}
	page := CustomerPage{Items: make([]CustomerView, 0, len(found)), Total: total}
	for _, c := range found {
		page.Items = append(page.Items, customerView(c))
	}
	return page, nil
}

// Customer returns a customer with its addresses. ENOTFOUND.
func (x *CustomersAPI) Customer(id string) (CustomerView, error) {
	if _, err := x.a.guard(); err != nil {
		return CustomerView{}, err
	}
	c, err := x.a.svc.Customers.FindCustomerByID(x.a.context(), id)
	return customerView(c), err
}

// Timeline returns up to limit interactions with a customer, newest first
// (0 means 50). ENOTFOUND.
func (x *CustomersAPI) Timeline(customerID string, limit int) ([]InteractionView, error) {
	if _, err := x.a.guard(); err != nil {
		return nil, err
	}
	items, err := x.a.svc.Customers.Timeline(x.a.context(), customerID, limit)
	if err != nil {
		return nil, err
	}
	out := make([]InteractionView, 0, len(items))
	for _, it := range items {
		out = append(out, interactionView(it))
	}
	return out, nil
}

// CreateCustomer adds a customer with its addresses. EINVALID by field
// (addresses[i].field for an address), ECONFLICT on "code".
func (x *CustomersAPI) CreateCustomer(in NewCustomer) (CustomerView, error) {
	me, err := x.a.guard()
	if err != nil {
		return CustomerView{}, err
	}
	c, err := x.a.svc.Customers.CreateCustomer(x.a.context(), actorOf(me), in.domain())
	return customerView(c), err
}

// UpdateCustomer replaces a customer's details with in (addresses are kept).
// EINVALID by field, ECONFLICT on "code" or for an erased customer, ENOTFOUND.
func (x *CustomersAPI) UpdateCustomer(id string, in CustomerFields) (CustomerView, error) {
	me, err := x.a.guard()
	if err != nil {
		return CustomerView{}, err
	}
	if _, err := x.a.svc.Customers.UpdateCustomer(x.a.context(), actorOf(me), id, in.update()); err != nil {
		return CustomerView{}, err
	}
	c, err := x.a.svc.Customers.FindCustomerByID(x.a.context(), id)
	return customerView(c), err
}

// ArchiveCustomer leaves a customer out of the active list, with its
// history kept. ENOTFOUND.
func (x *CustomersAPI) ArchiveCustomer(id string) (CustomerView, error) {
	me, err := x.a.guard()
	if err != nil {
		return CustomerView{}, err
	}
	if _, err := x.a.svc.Customers.ArchiveCustomer(x.a.context(), actorOf(me), id); err != nil {
		return CustomerView{}, err
	}
	c, err := x.a.svc.Customers.FindCustomerByID(x.a.context(), id)
	return customerView(c), err
}

// RestoreCustomer makes an archived customer active again. ECONFLICT for an
// erased customer, ENOTFOUND.
func (x *CustomersAPI) RestoreCustomer(id string) (CustomerView, error) {
	me, err := x.a.guard()
	if err != nil {
		return CustomerView{}, err
	}
	if _, err := x.a.svc.Customers.RestoreCustomer(x.a.context(), actorOf(me), id); err != nil {
		return CustomerView{}, err
	}
	c, err := x.a.svc.Customers.FindCustomerByID(x.a.context(), id)
	return customerView(c), err
}

// AddAddress adds an address to a customer. EINVALID by field, ECONFLICT for
// an erased customer, ENOTFOUND.
func (x *CustomersAPI) AddAddress(customerID string, in AddressInput) (AddressView, error) {
	me, err := x.a.guard()
	if err != nil {
		return AddressView{}, err
	}
	addr, err := x.a.svc.Customers.AddAddress(x.a.context(), actorOf(me), customerID, in.domain())
	return addressView(addr), err
}

// UpdateAddress replaces an address's fields. EINVALID by field, ECONFLICT
// for an erased customer, ENOTFOUND.
func (x *CustomersAPI) UpdateAddress(id string, in AddressInput) (AddressView, error) {
	me, err := x.a.guard()
	if err != nil {
		return AddressView{}, err
	}
	addr, err := x.a.svc.Customers.UpdateAddress(x.a.context(), actorOf(me), id, in.domain())
	return addressView(addr), err
}

// DeleteAddress removes an address; the oldest other one of its kind becomes
// the default if it was. ECONFLICT for an erased customer, ENOTFOUND.
func (x *CustomersAPI) DeleteAddress(id string) error {
	me, err := x.a.guard()
	if err != nil {
		return err
	}
	return x.a.svc.Customers.DeleteAddress(x.a.context(), actorOf(me), id)
}

// SetDefaultAddress makes an address the default of its kind. ECONFLICT for
// an erased customer, ENOTFOUND.
func (x *CustomersAPI) SetDefaultAddress(id string) (AddressView, error) {
	me, err := x.a.guard()
	if err != nil {
		return AddressView{}, err
	}
	addr, err := x.a.svc.Customers.SetDefaultAddress(x.a.context(), actorOf(me), id)
	return addressView(addr), err
}

// AddInteraction records a call, email, visit, note or complaint with a
// customer, by the signed-in user, now. EINVALID on "kind" or "text",
// ECONFLICT for an erased customer, ENOTFOUND.
func (x *CustomersAPI) AddInteraction(customerID string, in InteractionInput) (InteractionView, error) {
	me, err := x.a.guard()
	if err != nil {
		return InteractionView{}, err
	}
	it, err := x.a.svc.Customers.AddInteraction(x.a.context(), actorOf(me), customerID,
		customer.InteractionInput{Kind: in.Kind, Text: in.Text})
	return interactionView(it), err
}

// ExportCustomer asks where to save everything stored about a customer
// (GDPR access request) with the native save dialog, in format "json" or
// "xlsx", records the export in the audit log and writes the file. It
// returns the path written, or "" when the dialog was cancelled. EINVALID
// on "format", ENOTFOUND, ECONFLICT where there is no native dialog (a
// browser: use ExportCustomerData there).
func (x *CustomersAPI) ExportCustomer(id, format string) (string, error) {
	me, err := x.a.guard()
	if err != nil {
		return "", err
	}
	ctx := x.a.context()
	file, data, err := exportCustomer(ctx, x.a.svc.Customers, id, format)
	if err != nil {
		return "", err
	}
	// Wails's runtime exits the process when called without its frontend.
	if ctx.Value("frontend") == nil {
		return "", errs.Errorf(errs.ECONFLICT, "There is no save dialog here; download the export instead.")
	}
	path, err := runtime.SaveFileDialog(ctx, runtime.SaveDialogOptions{
		Title: "Export customer data", DefaultFilename: file.FileName, CanCreateDirectories: true,
		Filters: []runtime.FileFilter{{DisplayName: strings.ToUpper(format) + " files", Pattern: "*." + format}},
	})
	if err != nil {
		return "", fmt.Errorf("save dialog: %w", err)
	}
	if path == "" {
		return "", nil
	}
	// Recorded before the file is written: no personal data leaves unaudited.
	if err := x.a.svc.Customers.RecordExport(ctx, actorOf(me), id, format); err != nil {
		return "", err
	}
	if err := os.WriteFile(path, data, 0o600); err != nil {
		return "", errs.Errorf(errs.ECONFLICT, "The file could not be saved there (%v); choose another place.", err)
	}
	return path, nil
}

// ExportCustomerData returns everything stored about a customer (GDPR access
// request) as a file in format "json" or "xlsx" for the frontend to save,
// and records the export in the audit log. EINVALID on "format", ENOTFOUND.
func (x *CustomersAPI) ExportCustomerData(id, format string) (ExportFile, error) {
	me, err := x.a.guard()
	if err != nil {
		return ExportFile{}, err
	}
	ctx := x.a.context()
	file, data, err := exportCustomer(ctx, x.a.svc.Customers, id, format)
	if err != nil {
		return ExportFile{}, err
	}
	if err := x.a.svc.Customers.RecordExport(ctx, actorOf(me), id, format); err != nil {
		return ExportFile{}, err
	}
	file.Base64 = base64.StdEncoding.EncodeToString(data)
	return file, nil
}

// EraseCustomer anonymizes a customer's personal data for a GDPR erasure
// request, keeping the code so orders and invoices keep their numbers; the
// erasure is audited with reason. EINVALID on "reason", ECONFLICT if already
// erased, ENOTFOUND.
func (x *CustomersAPI) EraseCustomer(id, reason string) (CustomerView, error) {
	me, err := x.a.guard()
	if err != nil {
		return CustomerView{}, err
	}
	if _, err := x.a.svc.Customers.Erase(x.a.context(), actorOf(me), id, reason); err != nil {
		return CustomerView{}, err
	}
	c, err := x.a.svc.Customers.FindCustomerByID(x.a.context(), id)
	return customerView(c), err
}

// exportCustomer renders a customer's export in format and names its file.
func exportCustomer(ctx context.Context, svc *customer.Service, id, format string) (ExportFile, []byte, error) {
	var mime string
	switch format {
	case "json":
		mime = "application/json"
	case "xlsx":
		mime = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
	default:
		return ExportFile{}, nil, errs.Invalid("format", "Export as json or xlsx.")
	}
	e, err := svc.Export(ctx, id)
	if err != nil {
		return ExportFile{}, nil, err
	}
	var buf bytes.Buffer
	if format == "json" {
		err = e.WriteJSON(&buf)
	} else {
		err = e.WriteXLSX(&buf)
	}
	if err != nil {
		return ExportFile{}, nil, err
	}
	code := strings.NewReplacer("/", "-", `\`, "-").Replace(e.Customer.Code)
	name := fmt.Sprintf("customer-%s-%s.%s", code, e.ExportedAt.Format(time.DateOnly), format)
	return ExportFile{FileName: name, MimeType: mime}, buf.Bytes(), nil
}
