package customer

import (
	"context"
	"strings"
	"testing"

	"oms/internal/errs"
	"oms/internal/store"
)

// defaults returns the ids of the customer's default addresses by kind,
// failing if a kind has more than one.
func defaults(t *testing.T, db *store.DB, customerID string) map[string]string {
	t.Helper()
	rows, err := db.Reader().Query(`SELECT kind, id FROM customer_addresses WHERE customer_id = ? AND is_default = 1`, customerID)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	out := map[string]string{}
	for rows.Next() {
		var kind, id string
		if err := rows.Scan(&kind, &id); err != nil {
			t.Fatal(err)
		}
		if out[kind] != "" {
			t.Fatalf("two default %s addresses", kind)
		}
		out[kind] = id
	}
	return out
}

func TestService_Addresses(t *testing.T) {
	s, db := newTestService(t)
	ctx := context.Background()
	c := mustCreate(t, s, validCustomer())
	bill1 := c.Addresses[0]

	add := func(kind string, def bool, line1 string) *Address {
		t.Helper()
		in := validAddress()
		in.Kind, in.Default, in.Line1 = kind, def, line1
		a, err := s.AddAddress(ctx, testActor, c.ID, in)
		if err != nil {
			t.Fatal(err)
		}
		return a
	}
	bill2 := add("billing", false, "Nebenstraße 2")
	ship1 := add("shipping", false, "Lager 1")
	if d := defaults(t, db, c.ID); d["billing"] != bill1.ID || d["shipping"] != ship1.ID {
		t.Fatalf("first of each kind is not the default: %v", d)
	}
	bill3 := add("billing", true, "Neue Straße 3")
	if d := defaults(t, db, c.ID); d["billing"] != bill3.ID {
		t.Fatalf("a new default did not replace the old one: %v", d)
	}

	t.Run("SetDefault", func(t *testing.T) {
		a, err := s.SetDefaultAddress(ctx, testActor, bill2.ID)
		if err != nil || !a.Default {
			t.Fatalf("%+v %v", a, err)
		}
		if d := defaults(t, db, c.ID); d["billing"] != bill2.ID || d["shipping"] != ship1.ID {
			t.Fatalf("defaults = %v", d)
		}
		// Setting the default again changes nothing.
		if _, err := s.SetDefaultAddress(ctx, testActor, bill2.ID); err != nil {
			t.Fatal(err)
		}
	})

	t.Run("UpdateKeepsDefault", func(t *testing.T) {
		in := validAddress()
		in.Line1, in.City, in.Region = "Nebenstraße 2a", "Potsdam", "Brandenburg"
		a, err := s.UpdateAddress(ctx, testActor, bill2.ID, in)
		if err != nil || a.Line1 != "Nebenstraße 2a" || a.Region != "Brandenburg" || !a.Default {
			t.Fatalf("%+v %v", a, err)
		}
	})

	t.Run("UpdateNoOpWritesNothing", func(t *testing.T) {
		before := count(t, db, `SELECT count(*) FROM audit_log`)
		in := validAddress()
		in.Line1, in.City, in.Region = "Nebenstraße 2a", "Potsdam", "Brandenburg"
		if _, err := s.UpdateAddress(ctx, testActor, bill2.ID, in); err != nil {
			t.Fatal(err)
		}
		if after := count(t, db, `SELECT count(*) FROM audit_log`); after != before {
			t.Fatalf("a no-op update wrote %d audit entries", after-before)
		}
	})

	t.Run("UpdateChangesKind", func(t *testing.T) {
		// The billing default becomes a shipping address: the oldest
		// remaining billing address takes over as billing default.
		in := validAddress()
		in.Kind = "shipping"
		a, err := s.UpdateAddress(ctx, testActor, bill2.ID, in)
		if err != nil || a.Kind != "shipping" || a.Default {
			t.Fatalf("%+v %v", a, err)
		}
		if d := defaults(t, db, c.ID); d["billing"] != bill1.ID || d["shipping"] != ship1.ID {
			t.Fatalf("defaults after kind change = %v", d)
		}
		in.Default = true
		if _, err := s.UpdateAddress(ctx, testActor, bill2.ID, in); err != nil {
			t.Fatal(err)
		}
		if d := defaults(t, db, c.ID); d["shipping"] != bill2.ID {
			t.Fatalf("defaults after update with default = %v", d)
		}
	})

	t.Run("DeleteDefaultPromotesOldest", func(t *testing.T) {
		if err := s.DeleteAddress(ctx, testActor, bill1.ID); err != nil {
			t.Fatal(err)
		}
		if d := defaults(t, db, c.ID); d["billing"] != bill3.ID {
			t.Fatalf("defaults after delete = %v", d)
		}
		err := s.DeleteAddress(ctx, testActor, bill1.ID)
		wantErr(t, err, errs.ENOTFOUND, "")
	})

	t.Run("FindCustomerListsAddresses", func(t *testing.T) {
		got, err := s.FindCustomerByID(ctx, c.ID)
		if err != nil {
			t.Fatal(err)
		}
		var kinds []string
		for _, a := range got.Addresses {
			kinds = append(kinds, a.Kind)
		}
		// billing first, the default first within a kind.
		if strings.Join(kinds, ",") != "billing,shipping,shipping" || !got.Addresses[0].Default || !got.Addresses[1].Default {
			t.Fatalf("addresses = %v", kinds)
		}
	})

	t.Run("DatabaseRefusesTwoDefaults", func(t *testing.T) {
		err := db.Update(ctx, testActor, func(tx *store.Tx) error {
			_, err := tx.Exec(`UPDATE customer_addresses SET is_default = 1 WHERE customer_id = ? AND kind = 'shipping'`, c.ID)
			return err
		})
		if err == nil || !strings.Contains(err.Error(), "UNIQUE") {
			t.Fatalf("two defaults accepted: %v", err)
		}
	})

	for _, tc := range []struct {
		name   string
		change func(*AddressInput)
		field  string
	}{
		{"UnknownCountry", func(in *AddressInput) { in.Country = "XX" }, "country"},
		{"NoCountry", func(in *AddressInput) { in.Country = "" }, "country"},
		{"BadKind", func(in *AddressInput) { in.Kind = "" }, "kind"},
		{"PostalCodeControl", func(in *AddressInput) { in.PostalCode = "10\x00115" }, "postalCode"},
		{"Line1TooLong", func(in *AddressInput) { in.Line1 = strings.Repeat("a", 10000) }, "line1"},
		{"CityNewline", func(in *AddressInput) { in.City = "Ber\nlin" }, "city"},
		{"Region10000", func(in *AddressInput) { in.Region = strings.Repeat("r", 10000) }, "region"},
		{"BadPhone", func(in *AddressInput) { in.Phone = "<script>" }, "phone"},
	} {
		t.Run("Invalid"+tc.name, func(t *testing.T) {
			in := validAddress()
			tc.change(&in)
			before := count(t, db, `SELECT count(*) FROM customer_addresses`)
			_, err := s.AddAddress(ctx, testActor, c.ID, in)
			wantErr(t, err, errs.EINVALID, tc.field)
			_, err = s.UpdateAddress(ctx, testActor, bill3.ID, in)
			wantErr(t, err, errs.EINVALID, tc.field)
			if after := count(t, db, `SELECT count(*) FROM customer_addresses`); after != before {
				t.Fatalf("address count %d -> %d", before, after)
			}
		})
	}

	t.Run("UnknownCustomer", func(t *testing.T) {
		_, err := s.AddAddress(ctx, testActor, "missing", validAddress())
		wantErr(t, err, errs.ENOTFOUND, "")
		_, err = s.SetDefaultAddress(ctx, testActor, "missing")
		wantErr(t, err, errs.ENOTFOUND, "")
		_, err = s.UpdateAddress(ctx, testActor, "missing", validAddress())
		wantErr(t, err, errs.ENOTFOUND, "")
	})
}
