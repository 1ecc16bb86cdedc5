package customer

import (
	"bytes"
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"oms/internal/errs"
	"oms/internal/store"
)

// customerWithHistory creates a customer with two addresses (one deleted
// again), three interactions and an update, the day before testNow.
func customerWithHistory(t *testing.T, s *Service, db *store.DB) *Customer {
	t.Helper()
	ctx := context.Background()
	db.Now = func() time.Time { return testNow.Add(-24 * time.Hour) }
	defer func() { db.Now = func() time.Time { return testNow } }()
	in := validCustomer()
	in.Notes = "=HYPERLINK(\"http://evil.example\",\"click\")"
	ship := validAddress()
	ship.Kind, ship.Line1, ship.Company = "shipping", "Lagerweg 9", "@SUM(A1:A9)"
	in.Addresses = append(in.Addresses, ship)
	c := mustCreate(t, s, in)
	extra := validAddress()
	extra.Line1 = "Alte Adresse 1"
	a, err := s.AddAddress(ctx, testActor, c.ID, extra)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteAddress(ctx, testActor, a.ID); err != nil {
		t.Fatal(err)
	}
	for _, it := range []InteractionInput{
		{Kind: "call", Text: "+49 line: called about the invoice.", OccurredAt: testNow.Add(-30 * time.Hour)},
		{Kind: "complaint", Text: "-1 star: lid broken"},
		{Kind: "email", Text: "Jürgen wrote from juergen@mueller.example"},
	} {
		if _, err := s.AddInteraction(ctx, testActor, c.ID, it); err != nil {
			t.Fatal(err)
		}
	}
	limit := int64(750_000)
	if _, err := s.UpdateCustomer(ctx, testActor, c.ID, CustomerUpdate{CreditLimit: &limit}); err != nil {
		t.Fatal(err)
	}
	return c
}

func TestService_Export(t *testing.T) {
	s, db := newTestService(t)
	ctx := context.Background()
	c := customerWithHistory(t, s, db)
	other := mustCreate(t, s, CustomerInput{Name: "Someone Else"})
	if _, err := s.AddInteraction(ctx, testActor, other.ID, InteractionInput{Kind: "note", Text: "not about Jürgen"}); err != nil {
		t.Fatal(err)
	}

	e, err := s.Export(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if e.Customer.ID != c.ID || e.Customer.CreditLimit != 750_000 || len(e.Addresses) != 2 || len(e.Interactions) != 3 || !e.ExportedAt.Equal(testNow) {
		t.Fatalf("export = %+v", e)
	}
	entities := map[string]int{}
	for i, a := range e.Audit {
		entities[a.Entity+"/"+a.Action]++
		if i > 0 && a.At.Before(e.Audit[i-1].At) {
			t.Fatalf("audit not oldest first at %d", i)
		}
		if a.EntityID == other.ID || strings.Contains(string(a.Changes), "not about") {
			t.Fatalf("audit of another customer in the export: %+v", a)
		}
	}
	for _, want := range []string{"customers/insert", "customers/update", "customers/delete_address", "customer_addresses/insert",
		"customer_addresses/delete", "customer_interactions/insert", "customer_interaction_texts/insert"} {
		if entities[want] == 0 {
			t.Errorf("export has no %s audit entry (has %v)", want, entities)
		}
	}
	if entities["customer_addresses/delete"] != 1 || entities["customer_interactions/insert"] != 3 {
		t.Errorf("audit entries = %v", entities)
	}

	t.Run("NotFound", func(t *testing.T) {
		_, err := s.Export(ctx, "missing")
		wantErr(t, err, errs.ENOTFOUND, "")
	})

	t.Run("JSON", func(t *testing.T) {
		var buf bytes.Buffer
		if err := e.WriteJSON(&buf); err != nil {
			t.Fatal(err)
		}
		var back struct {
			Customer struct {
				Name, Notes string
				CreditLimit int64
			}
			Addresses    []map[string]any
			Interactions []struct{ Text string }
			Audit        []struct {
				Entity  string
				Changes map[string]any
			}
		}
		if err := json.Unmarshal(buf.Bytes(), &back); err != nil {
			t.Fatal(err)
		}
		if back.Customer.Name != "Jürgen Müller" || back.Customer.Notes != c.Notes || back.Customer.CreditLimit != 750_000 ||
			len(back.Addresses) != 2 || len(back.Interactions) != 3 || len(back.Audit) != len(e.Audit) || back.Audit[0].Changes == nil {
			t.Fatalf("JSON export = %s", buf.String())
		}
		if !strings.Contains(buf.String(), `"taxId": "DE123456789"`) || !strings.Contains(buf.String(), `"postalCode": "10115"`) {
			t.Fatalf("JSON field names are not camelCase: %s", buf.String())
		}
	})

	t.Run("XLSX", func(t *testing.T) {
		var buf bytes.Buffer
		if err := e.WriteXLSX(&buf); err != nil {
			t.Fatal(err)
		}
		f, err := excelize.OpenReader(&buf)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		if got := strings.Join(f.GetSheetList(), ","); got != "Customer,Addresses,Interactions,Audit" {
			t.Fatalf("sheets = %s", got)
		}
		for _, sheet := range f.GetSheetList() {
			rows, err := f.GetRows(sheet)
			if err != nil || len(rows) < 2 {
				t.Fatalf("sheet %s has %d rows (%v)", sheet, len(rows), err)
			}
			styleID, _ := f.GetCellStyle(sheet, "A1")
			style, err := f.GetStyle(styleID)
			if err != nil || style.Font == nil || !style.Font.Bold {
				t.Errorf("sheet %s: header not bold", sheet)
			}
			panes, err := f.GetPanes(sheet)
			if err != nil || !panes.Freeze || panes.YSplit != 1 || panes.TopLeftCell != "A2" {
				t.Errorf("sheet %s: header not frozen: %+v", sheet, panes)
			}
		}
		if n := len(mustRows(t, f, "Interactions")); n != 4 {
			t.Fatalf("interaction rows = %d, want 1 + 3", n)
		}
		if n := len(mustRows(t, f, "Audit")); n != len(e.Audit)+1 {
			t.Fatalf("audit rows = %d, want %d", n, len(e.Audit)+1)
		}
		// Dates are real date cells: numbers with a date format.
		for _, cell := range []struct{ sheet, cell string }{{"Customer", "M2"}, {"Interactions", "B2"}, {"Audit", "A2"}} {
			raw, _ := f.GetCellValue(cell.sheet, cell.cell, excelize.Options{RawCellValue: true})
			shown, _ := f.GetCellValue(cell.sheet, cell.cell)
			typ, _ := f.GetCellType(cell.sheet, cell.cell)
			if !strings.Contains(raw, ".") && !isDigits(raw) || typ == excelize.CellTypeSharedString || !strings.HasPrefix(shown, "20") {
				t.Errorf("%s!%s is not a date cell: raw %q, shown %q, type %v", cell.sheet, cell.cell, raw, shown, typ)
			}
		}
		if shown, _ := f.GetCellValue("Customer", "M2"); shown != "2026-03-13 09:30:00" {
			t.Errorf("created at shown as %q", shown)
		}
		// Text that looks like a formula stays text.
		for _, want := range []struct{ sheet, text string }{
			{"Customer", c.Notes}, {"Addresses", "@SUM(A1:A9)"}, {"Interactions", "-1 star: lid broken"}, {"Interactions", "+49 line: called about the invoice."},
		} {
			cell := findCell(t, f, want.sheet, want.text)
			if formula, _ := f.GetCellFormula(want.sheet, cell); formula != "" {
				t.Errorf("%s!%s is a formula: %s", want.sheet, cell, formula)
			}
			if typ, _ := f.GetCellType(want.sheet, cell); typ != excelize.CellTypeSharedString {
				t.Errorf("%s!%s has type %v, want a text cell", want.sheet, cell, typ)
			}
			styleID, _ := f.GetCellStyle(want.sheet, cell)
			if style, _ := f.GetStyle(styleID); style == nil || style.NumFmt != 49 {
				t.Errorf("%s!%s lacks the Text number format", want.sheet, cell)
			}
		}
	})
}

func isDigits(s string) bool { return s != "" && strings.Trim(s, "0123456789") == "" }

func mustRows(t *testing.T, f *excelize.File, sheet string) [][]string {
	t.Helper()
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

func findCell(t *testing.T, f *excelize.File, sheet, text string) string {
	t.Helper()
	for r, row := range mustRows(t, f, sheet) {
		for c, v := range row {
			if v == text {
				cell, _ := excelize.CoordinatesToCellName(c+1, r+1)
				return cell
			}
		}
	}
	t.Fatalf("%q not found on sheet %s", text, sheet)
	return ""
}

func TestService_RecordExport(t *testing.T) {
	s, db := newTestService(t)
	ctx := context.Background()
	c := mustCreate(t, s, validCustomer())
	wantErr(t, s.RecordExport(ctx, testActor, c.ID, "pdf"), errs.EINVALID, "format")
	wantErr(t, s.RecordExport(ctx, testActor, "missing", "json"), errs.ENOTFOUND, "")
	if err := s.RecordExport(ctx, testActor, c.ID, "xlsx"); err != nil {
		t.Fatal(err)
	}
	audit, _ := db.FindAudit(ctx, store.AuditFilter{Entity: "customers", EntityID: c.ID, Limit: 1})
	if len(audit) != 1 || audit[0].Action != "export" || audit[0].Changes != `{"format":"xlsx"}` || audit[0].UserName != "anna" {
		t.Fatalf("export audit = %+v", audit)
	}
}

func TestService_Erase(t *testing.T) {
	s, db := newTestService(t)
	ctx := context.Background()
	c := customerWithHistory(t, s, db)
	other := mustCreate(t, s, CustomerInput{Name: "Jürgen Other", Email: "other@example.com"})
	if _, err := s.AddInteraction(ctx, testActor, other.ID, InteractionInput{Kind: "note", Text: "keep me"}); err != nil {
		t.Fatal(err)
	}

	wantErr(t, func() error { _, err := s.Erase(ctx, testActor, c.ID, "  "); return err }(), errs.EINVALID, "reason")
	wantErr(t, func() error { _, err := s.Erase(ctx, testActor, c.ID, strings.Repeat("r", 10000)); return err }(), errs.EINVALID, "reason")
	wantErr(t, func() error { _, err := s.Erase(ctx, testActor, "missing", "request"); return err }(), errs.ENOTFOUND, "")

	got, err := s.Erase(ctx, testActor, c.ID, "Art. 17 request by email of 2026-03-10")
	if err != nil {
		t.Fatal(err)
	}
	if got.Name != "Erased customer C-000001" || got.Code != "C-000001" || got.Company != "" || got.Email != "" || got.Phone != "" ||
		got.TaxID != "" || got.Notes != "" || got.Active || !got.Erased() || !got.ErasedAt.Equal(testNow) {
		t.Fatalf("erased customer = %+v", got)
	}
	// Business data stays: the row, its code, group and credit limit.
	if got.ID != c.ID || got.CustomerGroup != "wholesale" || got.CreditLimit != 750_000 {
		t.Fatalf("erasure lost business data: %+v", got)
	}
	full, _ := s.FindCustomerByID(ctx, c.ID)
	for _, a := range full.Addresses {
		if a.Name != "" || a.Company != "" || a.Line1 != "" || a.Line2 != "" || a.PostalCode != "" || a.City != "" || a.Region != "" || a.Phone != "" {
			t.Fatalf("address not blanked: %+v", a)
		}
	}
	timeline, _ := s.Timeline(ctx, c.ID, 0)
	if len(timeline) != 3 {
		t.Fatalf("timeline has %d entries after erasure, want 3 (the ledger keeps them)", len(timeline))
	}
	for _, it := range timeline {
		if it.Text != ErasedText {
			t.Fatalf("interaction text not erased: %q", it.Text)
		}
	}
	if tl, _ := s.Timeline(ctx, other.ID, 0); len(tl) != 1 || tl[0].Text != "keep me" {
		t.Fatalf("another customer's interactions changed: %+v", tl)
	}

	t.Run("Audited", func(t *testing.T) {
		audit, _ := db.FindAudit(ctx, store.AuditFilter{Entity: "customers", EntityID: c.ID})
		found := false
		for _, a := range audit {
			if a.Action == "erase" {
				found = strings.Contains(a.Changes, `"reason":"Art. 17 request by email of 2026-03-10"`) &&
					strings.Contains(a.Changes, `"interactions":3`) && strings.Contains(a.Changes, `"addresses":2`) && a.UserName == "anna"
			}
		}
		if !found {
			t.Fatalf("erasure not audited with its reason: %+v", audit)
		}
	})

	t.Run("NoPersonalDataLeft", func(t *testing.T) {
		// The outbox is left out: it holds changes until the server has them,
		// and the erasure's own changes follow the old ones there.
		for _, secret := range []string{"Müller", "juergen", "1234567", "DE123456789", "HYPERLINK", "Hauptstraße", "Lagerweg", "lid broken", "called about the invoice"} {
			for _, q := range []string{
				`SELECT count(*) FROM customers WHERE id = ? AND (name || company || email || phone || tax_id || notes) LIKE '%' || ? || '%'`,
				`SELECT count(*) FROM customer_addresses WHERE customer_id = ? AND (name || company || line1 || line2 || postal_code || city || phone) LIKE '%' || ? || '%'`,
				`SELECT count(*) FROM customer_interaction_texts WHERE customer_id = ? AND text LIKE '%' || ? || '%'`,
				`SELECT count(*) FROM audit_log WHERE ? <> '' AND changes LIKE '%' || ? || '%'`,
			} {
				if n := count(t, db, q, c.ID, secret); n != 0 {
					t.Errorf("%q left behind: %s", secret, q)
				}
			}
		}
		for _, q := range []string{"müller", "juergen", "1234567", "hauptstr"} {
			found, _, err := s.FindCustomers(ctx, CustomerFilter{Query: q})
			if err != nil {
				t.Fatal(err)
			}
			for _, f := range found {
				if f.ID == c.ID {
					t.Errorf("erased customer still found by %q", q)
				}
			}
		}
		// The index drops a changed row's words at once (FTS5 secure-delete).
		if n := count(t, db, `SELECT count(*) FROM customers_fts_config WHERE k = 'secure-delete' AND v = 1`); n != 1 {
			t.Errorf("search index without secure-delete")
		}
		if found, _, _ := s.FindCustomers(ctx, CustomerFilter{Query: "C-000001"}); len(found) != 1 || found[0].ID != c.ID {
			t.Errorf("erased customer not found by its code")
		}
	})

	t.Run("Final", func(t *testing.T) {
		name := "Jürgen Müller"
		for _, tc := range []struct {
			name string
			err  error
		}{
			{"EraseTwice", func() error { _, err := s.Erase(ctx, testActor, c.ID, "again"); return err }()},
			{"Update", func() error {
				_, err := s.UpdateCustomer(ctx, testActor, c.ID, CustomerUpdate{Name: &name})
				return err
			}()},
			{"Restore", func() error { _, err := s.RestoreCustomer(ctx, testActor, c.ID); return err }()},
			{"AddAddress", func() error { _, err := s.AddAddress(ctx, testActor, c.ID, validAddress()); return err }()},
			{"UpdateAddress", func() error {
				_, err := s.UpdateAddress(ctx, testActor, full.Addresses[0].ID, validAddress())
				return err
			}()},
			{"SetDefaultAddress", func() error { _, err := s.SetDefaultAddress(ctx, testActor, full.Addresses[0].ID); return err }()},
			{"DeleteAddress", s.DeleteAddress(ctx, testActor, full.Addresses[0].ID)},
			{"AddInteraction", func() error {
				_, err := s.AddInteraction(ctx, testActor, c.ID, InteractionInput{Kind: "note", Text: "hi"})
				return err
			}()},
		} {
			t.Run(tc.name, func(t *testing.T) { wantErr(t, tc.err, errs.ECONFLICT, "") })
		}
		after, _ := s.FindCustomerByID(ctx, c.ID)
		if after.Name != "Erased customer C-000001" || len(after.Addresses) != 2 {
			t.Fatalf("erased customer changed: %+v", after)
		}
		// Archiving again is harmless; the export still works, anonymized.
		if _, err := s.ArchiveCustomer(ctx, testActor, c.ID); err != nil {
			t.Fatal(err)
		}
		e, err := s.Export(ctx, c.ID)
		if err != nil || e.Customer.Name != "Erased customer C-000001" || e.Interactions[0].Text != ErasedText {
			t.Fatalf("export after erasure: %+v %v", e, err)
		}
	})
}
