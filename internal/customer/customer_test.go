package customer

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"oms/internal/errs"
	"oms/internal/store"
)

var (
	testActor = store.Actor{UserID: "u-1", UserName: "anna"}
	testNow   = time.Date(2026, 3, 14, 9, 30, 0, 0, time.UTC)
)

func newTestService(t testing.TB) (*Service, *store.DB) {
	t.Helper()
	db, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "oms.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	db.Now = func() time.Time { return testNow }
	return NewService(db), db
}

func validCustomer() CustomerInput {
	return CustomerInput{Name: "Jürgen Müller", Company: "Müller & Söhne GmbH", Email: "juergen@mueller.example", Phone: "+49 30 1234567",
		TaxID: "DE123456789", CustomerGroup: "wholesale", CreditLimit: 500_000, Notes: "Pays on time.\nPrefers mornings.",
		Addresses: []AddressInput{validAddress()}}
}

func validAddress() AddressInput {
	return AddressInput{Kind: "billing", Name: "Jürgen Müller", Line1: "Hauptstraße 1", PostalCode: "10115", City: "Berlin", Country: "de"}
}

func mustCreate(t testing.TB, s *Service, in CustomerInput) *Customer {
	t.Helper()
	c, err := s.CreateCustomer(context.Background(), testActor, in)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func wantErr(t testing.TB, err error, code, field string) {
	t.Helper()
	if errs.Code(err) != code || errs.Field(err) != field {
		t.Fatalf("err = %v, want %s on %q", err, code, field)
	}
}

func count(t testing.TB, db *store.DB, query string, args ...any) int {
	t.Helper()
	var n int
	if err := db.Reader().QueryRow(query, args...).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func TestCustomerInput_Validate(t *testing.T) {
	long := strings.Repeat("x", 10000)
	for _, tc := range []struct {
		name   string
		change func(*CustomerInput)
		code   string
		field  string
	}{
		{"Valid", func(*CustomerInput) {}, "", ""},
		{"ValidMinimal", func(in *CustomerInput) { *in = CustomerInput{Name: "Zoë"} }, "", ""},
		{"ValidCode", func(in *CustomerInput) { in.Code = "vip-7" }, "", ""},
		{"SQLAndHTMLAreJustText", func(in *CustomerInput) {
			in.Name = `Robert'); DROP TABLE customers;--`
			in.Notes = `<script>alert("x")</script>`
		}, "", ""},
		{"MissingName", func(in *CustomerInput) { in.Name = "  \t " }, errs.EINVALID, "name"},
		{"NameTooLong", func(in *CustomerInput) { in.Name = strings.Repeat("é", MaxNameLen+1) }, errs.EINVALID, "name"},
		{"Name10000", func(in *CustomerInput) { in.Name = long }, errs.EINVALID, "name"},
		{"NameControlCharacter", func(in *CustomerInput) { in.Name = "Anna\x00Schmidt" }, errs.EINVALID, "name"},
		{"NameNewline", func(in *CustomerInput) { in.Name = "Anna\nSchmidt" }, errs.EINVALID, "name"},
		{"NameInvalidUTF8", func(in *CustomerInput) { in.Name = "Anna \xff" }, errs.EINVALID, "name"},
		{"Company10000", func(in *CustomerInput) { in.Company = long }, errs.EINVALID, "company"},
		{"NotesTooLong", func(in *CustomerInput) { in.Notes = strings.Repeat("n", MaxNotesLen+1) }, errs.EINVALID, "notes"},
		{"NotesBell", func(in *CustomerInput) { in.Notes = "ding\x07" }, errs.EINVALID, "notes"},
		{"TaxIDControl", func(in *CustomerInput) { in.TaxID = "DE\x1b123" }, errs.EINVALID, "taxId"},
		{"Group10000", func(in *CustomerInput) { in.CustomerGroup = long }, errs.EINVALID, "customerGroup"},
		{"EmailNotAnEmail", func(in *CustomerInput) { in.Email = "not an email" }, errs.EINVALID, "email"},
		{"EmailNoDomainDot", func(in *CustomerInput) { in.Email = "anna@localhost" }, errs.EINVALID, "email"},
		{"EmailWithDisplayName", func(in *CustomerInput) { in.Email = "Anna <anna@example.com>" }, errs.EINVALID, "email"},
		{"EmailTwoAts", func(in *CustomerInput) { in.Email = "anna@@example.com" }, errs.EINVALID, "email"},
		{"Email10000", func(in *CustomerInput) { in.Email = long + "@example.com" }, errs.EINVALID, "email"},
		{"PhoneLetters", func(in *CustomerInput) { in.Phone = "call me maybe" }, errs.EINVALID, "phone"},
		{"PhoneTooFewDigits", func(in *CustomerInput) { in.Phone = "+()" }, errs.EINVALID, "phone"},
		{"CreditLimitNegative", func(in *CustomerInput) { in.CreditLimit = -1 }, errs.EINVALID, "creditLimit"},
		{"CreditLimitAbsurd", func(in *CustomerInput) { in.CreditLimit = MaxCreditLimit + 1 }, errs.EINVALID, "creditLimit"},
		{"CodeWithSpace", func(in *CustomerInput) { in.Code = "C 1" }, errs.EINVALID, "code"},
		{"CodeNonASCII", func(in *CustomerInput) { in.Code = "KÄSE-1" }, errs.EINVALID, "code"},
		{"CodeTooLong", func(in *CustomerInput) { in.Code = strings.Repeat("C", MaxCodeLen+1) }, errs.EINVALID, "code"},
		{"CodeSQL", func(in *CustomerInput) { in.Code = "1' OR '1'='1" }, errs.EINVALID, "code"},
		{"AddressUnknownCountry", func(in *CustomerInput) { in.Addresses[0].Country = "XX" }, errs.EINVALID, "addresses[0].country"},
		{"AddressCountryName", func(in *CustomerInput) { in.Addresses[0].Country = "Germany" }, errs.EINVALID, "addresses[0].country"},
		{"AddressBadKind", func(in *CustomerInput) { in.Addresses[0].Kind = "home" }, errs.EINVALID, "addresses[0].kind"},
		{"AddressNoLine1", func(in *CustomerInput) { in.Addresses[0].Line1 = "" }, errs.EINVALID, "addresses[0].line1"},
		{"AddressNoCity", func(in *CustomerInput) { in.Addresses[0].City = " " }, errs.EINVALID, "addresses[0].city"},
		{"AddressPostalCodeSymbols", func(in *CustomerInput) { in.Addresses[0].PostalCode = "<b>1</b>" }, errs.EINVALID, "addresses[0].postalCode"},
		{"AddressPostalCodeLong", func(in *CustomerInput) { in.Addresses[0].PostalCode = long }, errs.EINVALID, "addresses[0].postalCode"},
		{"AddressLine10000", func(in *CustomerInput) { in.Addresses[0].Line2 = long }, errs.EINVALID, "addresses[0].line2"},
		{"SecondAddressBadPhone", func(in *CustomerInput) {
			a := validAddress()
			a.Kind, a.Phone = "shipping", "ring twice"
			in.Addresses = append(in.Addresses, a)
		}, errs.EINVALID, "addresses[1].phone"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			in := validCustomer()
			tc.change(&in)
			err := in.Validate()
			if tc.code == "" {
				if err != nil {
					t.Fatal(err)
				}
				return
			}
			wantErr(t, err, tc.code, tc.field)
		})
	}
}

func TestCustomerInput_ValidateNormalizes(t *testing.T) {
	in := CustomerInput{Code: " vip-7 ", Name: "  Nguye\u0302\u0303n Văn An ", Addresses: []AddressInput{{Kind: "Shipping", Line1: "Phố Huế 1",
		PostalCode: "sw1a 1aa", City: "Hà Nội", Country: " vn"}}}
	if err := in.Validate(); err != nil {
		t.Fatal(err)
	}
	a := in.Addresses[0]
	if in.Code != "VIP-7" || in.Name != "Nguyễn Văn An" || a.Kind != "shipping" || a.Country != "VN" || a.PostalCode != "SW1A 1AA" {
		t.Fatalf("not normalized: %+v", in)
	}
}

func TestService_CreateCustomer(t *testing.T) {
	s, db := newTestService(t)
	ctx := context.Background()

	first := mustCreate(t, s, validCustomer())
	if first.Code != "C-000001" || first.ID == "" || !first.Active || first.Erased() || !first.CreatedAt.Equal(testNow) {
		t.Fatalf("first customer = %+v", first)
	}
	if len(first.Addresses) != 1 || !first.Addresses[0].Default || first.Addresses[0].Country != "DE" {
		t.Fatalf("addresses = %+v", first.Addresses)
	}
	// A hand-typed code in the series moves the series on.
	typed := validCustomer()
	typed.Code = "c-000041"
	if c := mustCreate(t, s, typed); c.Code != "C-000041" {
		t.Fatalf("typed code = %s", c.Code)
	}
	if c := mustCreate(t, s, CustomerInput{Name: "Zoë"}); c.Code != "C-000042" {
		t.Fatalf("next generated code = %s, want C-000042", c.Code)
	}

	for _, tc := range []struct {
		name  string
		in    CustomerInput
		code  string
		field string
	}{
		{"DuplicateCode", CustomerInput{Code: "C-000001", Name: "Dup"}, errs.ECONFLICT, "code"},
		{"DuplicateCodeOtherCase", CustomerInput{Code: "c-000042", Name: "Dup"}, errs.ECONFLICT, "code"},
		{"DuplicateCodeWithAddresses", CustomerInput{Code: "C-000041", Name: "Dup", Addresses: []AddressInput{validAddress()}}, errs.ECONFLICT, "code"},
		{"InvalidEmail", CustomerInput{Name: "X", Email: "x@"}, errs.EINVALID, "email"},
		{"InvalidAddress", CustomerInput{Name: "X", Addresses: []AddressInput{validAddress(), {Kind: "billing", Line1: "a", City: "b", Country: "ZZ"}}},
			errs.EINVALID, "addresses[1].country"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			before := count(t, db, `SELECT count(*) FROM customers`) + count(t, db, `SELECT count(*) FROM customer_addresses`)
			_, err := s.CreateCustomer(ctx, testActor, tc.in)
			wantErr(t, err, tc.code, tc.field)
			if after := count(t, db, `SELECT count(*) FROM customers`) + count(t, db, `SELECT count(*) FROM customer_addresses`); after != before {
				t.Fatalf("a refused customer left rows behind: %d -> %d", before, after)
			}
		})
	}

	t.Run("StoredVerbatim", func(t *testing.T) {
		for _, name := range []string{`Robert'); DROP TABLE customers;--`, `<img src=x onerror=alert(1)>`, `Παπαδόπουλος Γιώργος`,
			`Иванов Иван`, `Nguyễn Đức Minh`, `"quoted" \backslash% _under`} {
			in := CustomerInput{Name: name, Notes: name + "\n" + name}
			c := mustCreate(t, s, in)
			got, err := s.FindCustomerByID(ctx, c.ID)
			if err != nil || got.Name != name || got.Notes != name+"\n"+name {
				t.Fatalf("stored %q, read %+v (%v)", name, got, err)
			}
		}
	})

	t.Run("Captured", func(t *testing.T) {
		audit, err := db.FindAudit(ctx, store.AuditFilter{Entity: "customers", EntityID: first.ID})
		if err != nil || len(audit) != 1 || audit[0].Action != "insert" || audit[0].UserName != "anna" {
			t.Fatalf("audit = %+v, %v", audit, err)
		}
		// Business fields are audited; personal ones are hidden.
		if !strings.Contains(audit[0].Changes, `"credit_limit":500000`) || !strings.Contains(audit[0].Changes, `"code":"C-000001"`) ||
			strings.Contains(audit[0].Changes, "Müller") || strings.Contains(audit[0].Changes, "juergen@") {
			t.Fatalf("audit changes = %s", audit[0].Changes)
		}
		if n := count(t, db, `SELECT count(*) FROM outbox WHERE entity = 'customers' AND entity_id = ?`, first.ID); n != 1 {
			t.Fatalf("%d outbox rows for the customer, want 1", n)
		}
	})

	t.Run("NotFound", func(t *testing.T) {
		_, err := s.FindCustomerByID(ctx, "nope")
		wantErr(t, err, errs.ENOTFOUND, "")
	})
}

func TestNextCode_StationSeries(t *testing.T) {
	s, _ := newTestService(t)
	mustCreate(t, s, CustomerInput{Name: "A"}) // C-000001 in the unenrolled series
	var got []string
	err := s.update(context.Background(), testActor, func(tx *txn) error {
		for _, station := range []string{"a1", "A1"} {
			code, err := nextCode(tx, station)
			if err != nil {
				return err
			}
			in := CustomerInput{Code: code, Name: "B"}
			if _, err := createCustomer(tx, station, &in); err != nil {
				return err
			}
			got = append(got, code)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(got, ",") != "C-A1-000001,C-A1-000002" {
		t.Fatalf("station codes = %v", got)
	}
}

func TestService_UpdateCustomer(t *testing.T) {
	s, db := newTestService(t)
	ctx := context.Background()
	c := mustCreate(t, s, validCustomer())
	other := mustCreate(t, s, CustomerInput{Name: "Other", Code: "OTHER"})
	str := func(s string) *string { return &s }
	i64 := func(v int64) *int64 { return &v }

	for _, tc := range []struct {
		name  string
		upd   CustomerUpdate
		code  string
		field string
		check func(*Customer) bool
	}{
		{"NothingChanges", CustomerUpdate{}, "", "", func(got *Customer) bool { return got.Name == c.Name && got.Email == c.Email }},
		{"SomeFields", CustomerUpdate{Name: str(" Jürgen  Müller-Lüdenscheidt "), CreditLimit: i64(0), Notes: str("")}, "", "",
			func(got *Customer) bool {
				return got.Name == "Jürgen  Müller-Lüdenscheidt" && got.CreditLimit == 0 && got.Notes == "" && got.Email == c.Email
			}},
		{"NewCode", CustomerUpdate{Code: str("k-1")}, "", "", func(got *Customer) bool { return got.Code == "K-1" }},
		{"SameCodeOtherCase", CustomerUpdate{Code: str("k-1")}, "", "", func(got *Customer) bool { return got.Code == "K-1" }},
		{"CodeTaken", CustomerUpdate{Code: str("other"), Name: str("Changed")}, errs.ECONFLICT, "code", nil},
		{"CodeBlank", CustomerUpdate{Code: str(" ")}, errs.EINVALID, "code", nil},
		{"NameBlank", CustomerUpdate{Name: str("")}, errs.EINVALID, "name", nil},
		{"BadEmail", CustomerUpdate{Email: str("juergen@"), Name: str("Changed")}, errs.EINVALID, "email", nil},
		{"NegativeCredit", CustomerUpdate{CreditLimit: i64(-100)}, errs.EINVALID, "creditLimit", nil},
		{"AbsurdCredit", CustomerUpdate{CreditLimit: i64(1 << 62)}, errs.EINVALID, "creditLimit", nil},
		{"Notes10000", CustomerUpdate{Notes: str(strings.Repeat("n", 10000))}, errs.EINVALID, "notes", nil},
		{"NotFound", CustomerUpdate{}, errs.ENOTFOUND, "", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			id := c.ID
			if tc.name == "NotFound" {
				id = "missing"
			}
			before, _ := s.FindCustomerByID(ctx, c.ID)
			got, err := s.UpdateCustomer(ctx, testActor, id, tc.upd)
			if tc.code != "" {
				wantErr(t, err, tc.code, tc.field)
				after, _ := s.FindCustomerByID(ctx, c.ID)
				if after.Name != before.Name || after.Code != before.Code || after.CreditLimit != before.CreditLimit {
					t.Fatalf("a refused update changed the customer: %+v", after)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !tc.check(got) {
				t.Fatalf("updated customer = %+v", got)
			}
		})
	}
	_ = other
	t.Run("NoOpWritesNothing", func(t *testing.T) {
		before := count(t, db, `SELECT count(*) FROM audit_log`)
		same := "K-1"
		if _, err := s.UpdateCustomer(ctx, testActor, c.ID, CustomerUpdate{Code: &same}); err != nil {
			t.Fatal(err)
		}
		if after := count(t, db, `SELECT count(*) FROM audit_log`); after != before {
			t.Fatalf("a no-op update wrote %d audit entries", after-before)
		}
	})
	// The credit limit change is audited with its values.
	audit, _ := db.FindAudit(ctx, store.AuditFilter{Entity: "customers", EntityID: c.ID})
	found := false
	for _, a := range audit {
		found = found || strings.Contains(a.Changes, `"credit_limit":[500000,0]`)
	}
	if !found {
		t.Fatalf("credit limit change not audited: %+v", audit)
	}
}

func TestService_ArchiveRestore(t *testing.T) {
	s, _ := newTestService(t)
	ctx := context.Background()
	c := mustCreate(t, s, validCustomer())
	got, err := s.ArchiveCustomer(ctx, testActor, c.ID)
	if err != nil || got.Active {
		t.Fatalf("archive: %+v %v", got, err)
	}
	if got, err = s.ArchiveCustomer(ctx, testActor, c.ID); err != nil || got.Active {
		t.Fatalf("archive twice: %+v %v", got, err)
	}
	if got, err = s.RestoreCustomer(ctx, testActor, c.ID); err != nil || !got.Active {
		t.Fatalf("restore: %+v %v", got, err)
	}
	_, err = s.ArchiveCustomer(ctx, testActor, "missing")
	wantErr(t, err, errs.ENOTFOUND, "")
}
