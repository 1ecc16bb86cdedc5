package company

import (
	"bytes"
	"context"
	"encoding/base64"
	"image"
	"image/png"
	"path/filepath"
	"strings"
	"testing"

	"oms/internal/auth"
	"oms/internal/errs"
	"oms/internal/store"
)

func newTestService(t *testing.T) (*Service, *auth.Service, *store.DB) {
	t.Helper()
	db, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "oms.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	users := auth.NewService(db)
	users.Params = auth.HashParams{Memory: 64, Time: 1, Threads: 1}
	return NewService(db, users), users, db
}

func pngDataURL(t *testing.T, w, h int) string {
	var buf bytes.Buffer
	if err := png.Encode(&buf, image.NewRGBA(image.Rect(0, 0, w, h))); err != nil {
		t.Fatal(err)
	}
	return "data:image/png;base64," + base64.StdEncoding.EncodeToString(buf.Bytes())
}

func validInput() Input {
	return Input{Name: "Acme Trading GmbH", AddressLine1: "Hafenstraße 1", PostalCode: "20457", City: "Hamburg",
		Country: "de", Currency: "eur", TaxID: "DE123456789", Email: "office@acme.example", Phone: "+49 40 123456"}
}

func TestInput_Validate(t *testing.T) {
	for _, tc := range []struct {
		name   string
		change func(*Input)
		field  string
	}{
		{"Valid", func(*Input) {}, ""},
		{"ValidWithLogo", func(in *Input) { in.Logo = pngDataURL(t, 64, 32) }, ""},
		{"MissingName", func(in *Input) { in.Name = "   " }, "name"},
		{"NameTooLong", func(in *Input) { in.Name = strings.Repeat("x", 201) }, "name"},
		{"ControlCharacter", func(in *Input) { in.City = "Ham\x07burg" }, "city"},
		{"UnknownCountry", func(in *Input) { in.Country = "XX" }, "country"},
		{"UnknownCurrency", func(in *Input) { in.Currency = "ABC" }, "currency"},
		{"BadEmail", func(in *Input) { in.Email = "not an email" }, "email"},
		{"EmailWithName", func(in *Input) { in.Email = "Acme <office@acme.example>" }, "email"},
		{"BadPhone", func(in *Input) { in.Phone = "call me" }, "phone"},
		{"LogoNotImage", func(in *Input) { in.Logo = "data:text/html;base64,PGI+" }, "logoDataUrl"},
		{"LogoBrokenBase64", func(in *Input) { in.Logo = "data:image/png;base64,!!!" }, "logoDataUrl"},
		{"LogoNotPNG", func(in *Input) {
			in.Logo = "data:image/png;base64," + base64.StdEncoding.EncodeToString([]byte("GIF89a...."))
		}, "logoDataUrl"},
		{"LogoTooSmall", func(in *Input) { in.Logo = pngDataURL(t, 4, 4) }, "logoDataUrl"},
		{"LogoTooBig", func(in *Input) {
			in.Logo = "data:image/png;base64," + base64.StdEncoding.EncodeToString(make([]byte, MaxLogoBytes+10))
		}, "logoDataUrl"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			in := validInput()
			tc.change(&in)
			err := in.Validate()
			if tc.field == "" {
				if err != nil {
					t.Fatal(err)
				}
				if in.Country != "DE" || in.Currency != "EUR" {
					t.Fatalf("codes not normalized: %s %s", in.Country, in.Currency)
				}
				return
			}
			if errs.Code(err) != errs.EINVALID || errs.Field(err) != tc.field {
				t.Fatalf("err = %v, want EINVALID on %s", err, tc.field)
			}
		})
	}
}

func TestService_Setup(t *testing.T) {
	s, users, db := newTestService(t)
	ctx := context.Background()
	if need, err := s.NeedsSetup(ctx); err != nil || !need {
		t.Fatalf("NeedsSetup before setup = %v, %v", need, err)
	}
	// Bad admin input leaves nothing behind.
	if _, err := s.Setup(ctx, validInput(), auth.UserInput{Name: "admin", Password: "short"}); errs.Field(err) != "admin.password" {
		t.Fatalf("weak admin password: %v", err)
	}
	bad := validInput()
	bad.Currency = "XYZ"
	if _, err := s.Setup(ctx, bad, auth.UserInput{Name: "admin", Password: "long-enough"}); errs.Field(err) != "company.currency" {
		t.Fatalf("bad currency: %v", err)
	}
	if need, _ := s.NeedsSetup(ctx); !need {
		t.Fatal("a failed setup left a company behind")
	}
	u, err := s.Setup(ctx, validInput(), auth.UserInput{Name: "admin", FullName: "Ada Admin", Password: "long-enough", Role: "counter"})
	if err != nil {
		t.Fatal(err)
	}
	if u.Role != auth.RoleAdmin {
		t.Fatalf("setup user role = %s, want admin", u.Role)
	}
	if need, _ := s.NeedsSetup(ctx); need {
		t.Fatal("NeedsSetup after setup")
	}
	if _, err := s.Setup(ctx, validInput(), auth.UserInput{Name: "admin2", Password: "long-enough"}); errs.Code(err) != errs.ECONFLICT {
		t.Fatalf("second setup: %v", err)
	}
	if _, err := users.LoginPassword(ctx, "admin", "long-enough"); err != nil {
		t.Fatalf("admin cannot sign in: %v", err)
	}
	c, err := s.Find(ctx)
	if err != nil || c.Name != "Acme Trading GmbH" || c.Country != "DE" || c.Currency != "EUR" || c.AddressLine1 != "Hafenstraße 1" {
		t.Fatalf("company = %+v, %v", c, err)
	}
	// Update is captured: outbox and audit.
	in := validInput()
	in.Name = "Acme Handel GmbH"
	in.Logo = pngDataURL(t, 32, 32)
	if _, err := s.Update(ctx, store.Actor{UserID: u.ID, UserName: "admin"}, in); err != nil {
		t.Fatal(err)
	}
	audit, _ := db.FindAudit(ctx, store.AuditFilter{Entity: "company", Limit: 1})
	if len(audit) != 1 || !strings.Contains(audit[0].Changes, `"name":["Acme Trading GmbH","Acme Handel GmbH"]`) || strings.Contains(audit[0].Changes, "base64") {
		t.Fatalf("company audit = %+v", audit)
	}
}

func TestCodes(t *testing.T) {
	if len(Countries()) != 249 {
		t.Fatalf("%d countries, want 249", len(Countries()))
	}
	for _, c := range Countries() {
		if c.Name == c.Code {
			t.Errorf("country %s has no name", c.Code)
		}
	}
	for i := 1; i < len(currencies); i++ {
		if currencies[i-1].Code >= currencies[i].Code {
			t.Fatalf("currencies not sorted at %s", currencies[i].Code)
		}
	}
	if c, ok := FindCurrency("JPY"); !ok || c.MinorUnits != 0 {
		t.Fatalf("JPY = %+v %v", c, ok)
	}
	if IsCountry("XX") || !IsCountry("VN") {
		t.Fatal("IsCountry wrong")
	}
}
