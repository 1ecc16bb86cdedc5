package app

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"oms/internal/errs"
)

// signInCounter adds counter staff "cara" and signs her in.
func signInCounter(t *testing.T, a *App) {
	t.Helper()
	cara, err := a.Users.CreateUser(UserInput{Name: "cara", FullName: "Cara Counter", Role: "counter", Pin: "4321"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := a.Auth.LoginPIN(cara.ID, "4321"); err != nil {
		t.Fatal(err)
	}
}

func decodeExport(t *testing.T, f ExportFile) []byte {
	t.Helper()
	data, err := base64.StdEncoding.DecodeString(f.Base64)
	if err != nil {
		t.Fatalf("export %s is not base64: %v", f.FileName, err)
	}
	return data
}

// exportJSON is the part of the JSON export the tests read.
type exportJSON struct {
	Customer struct {
		Code, Name, Email, Phone, Notes string
		Active                          bool
		ErasedAt                        string
	}
	Addresses []struct {
		Kind, Line1, City, Country string
		Default                    bool
	}
	Interactions []struct{ Kind, Text, UserName string }
	Audit        []struct{ Action, Entity string }
}

func TestCustomersAPI_Flow(t *testing.T) {
	a, _ := newAdminApp(t)
	api := a.Customers

	// Bad input comes back by field, nothing is written.
	_, err := api.CreateCustomer(NewCustomer{CustomerFields: CustomerFields{Name: "Nguyễn Văn An"},
		Addresses: []AddressInput{{Kind: "shipping", City: "Hà Nội", Country: "VN"}}})
	if errs.Code(err) != errs.EINVALID || errs.Field(err) != "addresses[0].line1" {
		t.Fatalf("address without street: %v (field %q)", err, errs.Field(err))
	}
	if page, _ := api.FindCustomers("", false, 0, 0); page.Total != 0 {
		t.Fatalf("a failed create left %d customers", page.Total)
	}

	c, err := api.CreateCustomer(NewCustomer{
		CustomerFields: CustomerFields{Name: "Nguyễn Văn An", Company: "Công ty An Phát", Email: "an@example.vn", Phone: "+84 24 3825 1234",
			CreditLimit: 150000, Notes: "<b>VIP</b>"},
		Addresses: []AddressInput{
			{Kind: "billing", Line1: "12 Tràng Tiền", City: "Hà Nội", Country: "vn"},
			{Kind: "shipping", Line1: "5 Lê Lợi", City: "Huế", Country: "VN"},
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	if c.Code == "" || c.ID == "" || !c.Active || len(c.Addresses) != 2 || c.CreditLimit != 150000 || c.Notes != "<b>VIP</b>" {
		t.Fatalf("created = %+v", c)
	}
	for _, addr := range c.Addresses {
		if !addr.Default || addr.Country != "VN" {
			t.Fatalf("first address of its kind is not the default: %+v", addr)
		}
	}

	// A second shipping address, made the default in place of the first.
	second, err := api.AddAddress(c.ID, AddressInput{Kind: "shipping", Line1: "1 Đồng Khởi", City: "Thành phố Hồ Chí Minh", Country: "VN"})
	if err != nil || second.Default {
		t.Fatalf("add address: %+v %v", second, err)
	}
	if got, err := api.SetDefaultAddress(second.ID); err != nil || !got.Default {
		t.Fatalf("set default: %+v %v", got, err)
	}
	if _, err := api.UpdateAddress(second.ID, AddressInput{Kind: "shipping", Line1: "", City: "Huế", Country: "VN"}); errs.Field(err) != "line1" {
		t.Fatalf("update address without street: %v", err)
	}
	full, err := api.Customer(c.ID)
	if err != nil || len(full.Addresses) != 3 {
		t.Fatalf("customer = %+v, %v", full, err)
	}
	defaults := 0
	for _, addr := range full.Addresses {
		if addr.Kind == "shipping" && addr.Default {
			defaults++
			if addr.ID != second.ID {
				t.Fatalf("default shipping address = %s, want %s", addr.ID, second.ID)
			}
		}
	}
	if defaults != 1 {
		t.Fatalf("%d default shipping addresses", defaults)
	}

	// Details are replaced as a whole; a bad email is refused by field.
	fields := full.CustomerFields
	fields.Email = "not an email"
	if _, err := api.UpdateCustomer(c.ID, fields); errs.Field(err) != "email" {
		t.Fatalf("bad email: %v", err)
	}
	fields.Email = "an.nguyen@example.vn"
	if got, err := api.UpdateCustomer(c.ID, fields); err != nil || got.Email != "an.nguyen@example.vn" || len(got.Addresses) != 3 {
		t.Fatalf("update = %+v, %v", got, err)
	}

	// Interactions: newest first on the timeline.
	if _, err := api.AddInteraction(c.ID, InteractionInput{Kind: "fax", Text: "x"}); errs.Field(err) != "kind" {
		t.Fatalf("unknown kind: %v", err)
	}
	for _, in := range []InteractionInput{{"call", "Asked about delivery times."}, {"email", "Sent the price list."}, {"complaint", "Late parcel."}} {
		if _, err := api.AddInteraction(c.ID, in); err != nil {
			t.Fatal(err)
		}
	}
	tl, err := api.Timeline(c.ID, 0)
	if err != nil || len(tl) != 3 {
		t.Fatalf("timeline = %+v, %v", tl, err)
	}
	if tl[0].Kind != "complaint" || tl[1].Kind != "email" || tl[2].Kind != "call" || tl[0].UserName != "admin" {
		t.Fatalf("timeline order = %+v", tl)
	}

	// Search by a prefix of the name, ignoring diacritics.
	page, err := api.FindCustomers("nguy", true, 10, 0)
	if err != nil || page.Total != 1 || page.Items[0].ID != c.ID {
		t.Fatalf("search = %+v, %v", page, err)
	}

	// Export in both formats parses back.
	jf, err := api.ExportCustomerData(c.ID, "json")
	if err != nil || jf.MimeType != "application/json" || !strings.HasSuffix(jf.FileName, ".json") || !strings.Contains(jf.FileName, c.Code) {
		t.Fatalf("json export = %+v, %v", jf.FileName, err)
	}
	var ex exportJSON
	if err := json.Unmarshal(decodeExport(t, jf), &ex); err != nil {
		t.Fatal(err)
	}
	if ex.Customer.Name != "Nguyễn Văn An" || ex.Customer.Notes != "<b>VIP</b>" || len(ex.Addresses) != 3 || len(ex.Interactions) != 3 ||
		ex.Interactions[2].Text != "Asked about delivery times." || len(ex.Audit) == 0 {
		t.Fatalf("json export = %+v", ex)
	}
	xf, err := api.ExportCustomerData(c.ID, "xlsx")
	if err != nil || !strings.HasSuffix(xf.FileName, ".xlsx") {
		t.Fatalf("xlsx export = %+v, %v", xf.FileName, err)
	}
	book, err := excelize.OpenReader(bytes.NewReader(decodeExport(t, xf)))
	if err != nil {
		t.Fatal(err)
	}
	if got := book.GetSheetList(); strings.Join(got, ",") != "Customer,Addresses,Interactions,Audit" {
		t.Fatalf("sheets = %v", got)
	}
	if name, _ := book.GetCellValue("Customer", "C2"); name != "Nguyễn Văn An" {
		t.Fatalf("xlsx customer name = %q", name)
	}
	if rows, _ := book.GetRows("Interactions"); len(rows) != 4 {
		t.Fatalf("xlsx interactions rows = %d", len(rows))
	}
	book.Close()
	if _, err := api.ExportCustomerData(c.ID, "pdf"); errs.Field(err) != "format" {
		t.Fatalf("pdf export: %v", err)
	}
	// Without a Wails window there is no save dialog: a clear error, no crash.
	if _, err := api.ExportCustomer(c.ID, "json"); errs.Code(err) != errs.ECONFLICT {
		t.Fatalf("export through the dialog without one: %v", err)
	}

	// Erase: personal data gone from the customer and a later export, the code kept.
	if _, err := api.EraseCustomer(c.ID, " "); errs.Field(err) != "reason" {
		t.Fatalf("erase without reason: %v", err)
	}
	erased, err := api.EraseCustomer(c.ID, "Request by email of 2024-05-01")
	if err != nil || !erased.Erased || erased.Active || erased.Email != "" || erased.Code != c.Code || erased.ErasedAt == "" {
		t.Fatalf("erased = %+v, %v", erased, err)
	}
	if _, err := api.AddInteraction(c.ID, InteractionInput{Kind: "note", Text: "after"}); errs.Code(err) != errs.ECONFLICT {
		t.Fatalf("interaction after erasure: %v", err)
	}
	jf, err = api.ExportCustomerData(c.ID, "json")
	if err != nil {
		t.Fatal(err)
	}
	data := decodeExport(t, jf)
	for _, personal := range []string{"Nguyễn", "an.nguyen@example.vn", "Tràng Tiền", "Asked about delivery", "VIP", "3825"} {
		if bytes.Contains(data, []byte(personal)) {
			t.Errorf("export after erasure still contains %q", personal)
		}
	}
	ex = exportJSON{}
	if err := json.Unmarshal(data, &ex); err != nil {
		t.Fatal(err)
	}
	if ex.Customer.Name != "Erased customer "+c.Code || ex.Customer.ErasedAt == "" || ex.Interactions[0].Text != "(erased)" {
		t.Fatalf("export after erasure = %+v", ex.Customer)
	}
	actions := map[string]int{}
	for _, e := range ex.Audit {
		actions[e.Action]++
	}
	if actions["erase"] != 1 || actions["export"] != 2 { // the export being read is recorded after it was made
		t.Fatalf("audit actions = %v", actions)
	}

	// Archive and restore.
	other, err := api.CreateCustomer(NewCustomer{CustomerFields: CustomerFields{Name: "Γιώργος Παπαδόπουλος"}})
	if err != nil {
		t.Fatal(err)
	}
	if got, err := api.ArchiveCustomer(other.ID); err != nil || got.Active {
		t.Fatalf("archive = %+v, %v", got, err)
	}
	if page, _ := api.FindCustomers("γιωργ", true, 10, 0); page.Total != 0 {
		t.Fatalf("archived customer in the active list: %+v", page)
	}
	if page, _ := api.FindCustomers("γιωργ", false, 10, 0); page.Total != 1 {
		t.Fatalf("archived customer not found among all: %+v", page)
	}
	if got, err := api.RestoreCustomer(other.ID); err != nil || !got.Active {
		t.Fatalf("restore = %+v, %v", got, err)
	}
	if _, err := api.RestoreCustomer(c.ID); errs.Code(err) != errs.ECONFLICT {
		t.Fatalf("restore an erased customer: %v", err)
	}
}

func TestCustomersAPI_CounterCreatesButCannotErase(t *testing.T) {
	a, _ := newAdminApp(t)
	signInCounter(t, a)
	api := a.Customers
	c, err := api.CreateCustomer(NewCustomer{CustomerFields: CustomerFields{Name: "Ελένη Οικονόμου", Phone: "+30 210 123 4567"},
		Addresses: []AddressInput{{Kind: "shipping", Line1: "Ερμού 10", PostalCode: "105 63", City: "Αθήνα", Country: "GR"}}})
	if err != nil {
		t.Fatalf("counter creates a customer: %v", err)
	}
	if _, err := api.AddInteraction(c.ID, InteractionInput{Kind: "visit", Text: "Came by the shop."}); err != nil {
		t.Fatalf("counter adds an interaction: %v", err)
	}
	if _, err := api.EraseCustomer(c.ID, "asked"); errs.Code(err) != errs.EFORBIDDEN {
		t.Fatalf("counter erases: %v", err)
	}
	if _, err := api.ExportCustomerData(c.ID, "json"); errs.Code(err) != errs.EFORBIDDEN {
		t.Fatalf("counter exports: %v", err)
	}
	if _, err := api.ArchiveCustomer(c.ID); errs.Code(err) != errs.EFORBIDDEN {
		t.Fatalf("counter archives: %v", err)
	}
	if got, err := api.Customer(c.ID); err != nil || got.Erased || got.Name != "Ελένη Οικονόμου" {
		t.Fatalf("after refused erasure: %+v, %v", got, err)
	}
}
