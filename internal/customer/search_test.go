package customer

import (
	"context"
	"os"
	"regexp"
	"sort"
	"strings"
	"testing"
)

func TestMatchQuery(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"", ""},
		{"  ", ""},
		{"mül", `"mül"*`},
		{"Anna Schmidt", `"Anna"* "Schmidt"*`},
		{"anna.s@ex", `"anna"* "s"* "ex"*`},
		{`"; DROP TABLE customers; --`, `"DROP"* "TABLE"* "customers"*`},
		{`name:x OR y NEAR(a b) *^-`, `"name"* "x"* "OR"* "y"* "NEAR"* "a"* "b"*`},
		{"C-000123", `"C"* "000123"*`},
		{"Nguye\u0302\u0303n", `"Nguyễn"*`},
		{"a b c d e f g h i j", `"a"* "b"* "c"* "d"* "e"* "f"* "g"* "h"*`},
	} {
		if got := matchQuery(tc.in); got != tc.want {
			t.Errorf("matchQuery(%q) = %s, want %s", tc.in, got, tc.want)
		}
	}
}

func TestService_FindCustomers(t *testing.T) {
	s, _ := newTestService(t)
	ctx := context.Background()
	for _, in := range []CustomerInput{
		{Name: "Jürgen Müller", Company: "Müller & Söhne GmbH", Email: "juergen@mueller.example", Phone: "+49 30 1234567"}, // C-000001
		{Name: "Anna Schmidt", Email: "anna.schmidt@example.com", Phone: "(030) 555-0101"},                                 // C-000002
		{Name: "Γιώργος Παπαδόπουλος", Company: "Ελληνικά Τρόφιμα Α.Ε.", Phone: "+30 21 0123456"},                          // C-000003
		{Name: "Иван Иванов", Company: "ООО Ромашка", Email: "ivanov@example.ru"},                                          // C-000004
		{Name: "Nguyễn Đức Minh", Company: "Công ty TNHH Ánh Dương"},                                                       // C-000005
		{Name: `Robert'); DROP TABLE customers;--`, Company: `<script>alert(1)</script>`},                                  // C-000006
		{Name: "Zoë Schmidt-Lefèvre", Code: "VIP-7"},                                                                       // VIP-7
	} {
		mustCreate(t, s, in)
	}
	archived := mustCreate(t, s, CustomerInput{Name: "Anna Archiv", Email: "gone@example.com"})
	if _, err := s.ArchiveCustomer(ctx, testActor, archived.ID); err != nil {
		t.Fatal(err)
	}

	for _, tc := range []struct {
		name       string
		query      string
		activeOnly bool
		want       []string // codes, sorted
	}{
		{"PrefixAsYouType", "mül", false, []string{"C-000001"}},
		{"DiacriticsIgnored", "muller", false, []string{"C-000001"}},
		{"UpperCase", "MÜLLER", false, []string{"C-000001"}},
		{"TwoWords", "anna schm", false, []string{"C-000002"}},
		{"AcrossFields", "schmidt example", false, []string{"C-000002"}},
		{"EmailAsTyped", "anna.schmidt@ex", false, []string{"C-000002"}},
		{"EmailDomain", "mueller.example", false, []string{"C-000001"}},
		{"PhoneAsStored", "555-0101", false, []string{"C-000002"}},
		{"PhoneDigitsRunTogether", "4930123", false, []string{"C-000001"}},
		{"Code", "C-000003", false, []string{"C-000003"}},
		{"CodeWithoutDash", "c000004", false, []string{"C-000004"}},
		{"CodeGiven", "vip", false, []string{"VIP-7"}},
		{"Greek", "Παπαδ", false, []string{"C-000003"}},
		{"GreekLowerNoAccent", "παπαδοπουλ", false, []string{"C-000003"}},
		{"GreekCompany", "τρόφιμα", false, []string{"C-000003"}},
		{"Cyrillic", "иван", false, []string{"C-000004"}},
		{"CyrillicCompany", "ромаш", false, []string{"C-000004"}},
		{"Vietnamese", "Nguyễn Đức", false, []string{"C-000005"}},
		{"VietnameseDecomposed", "Nguye\u0302\u0303n", false, []string{"C-000005"}},
		{"VietnameseWithoutDiacritics", "nguyen", false, []string{"C-000005"}},
		{"VietnameseCompany", "ánh dương", false, []string{"C-000005"}},
		{"VietnameseStrokeD", "duc minh", false, []string{"C-000005"}},
		{"GreekAccentTyped", "Παπαδόπουλος", false, []string{"C-000003"}},
		{"GreekAllCapsNoAccent", "ΠΑΠΑΔΟΠΟΥΛΟΣ", false, []string{"C-000003"}},
		{"HyphenatedName", "schmidt-lef", false, []string{"VIP-7"}},
		{"SQLLooking", `Robert'); DROP TABLE customers;--`, false, []string{"C-000006"}},
		{"HTMLLooking", "<script>", false, []string{"C-000006"}},
		{"FTSSyntaxIsInert", `"anna" OR NEAR(x y) * name:`, false, nil},
		{"OnlyPunctuationListsAll", `"*-^`, true, []string{"C-000001", "C-000002", "C-000003", "C-000004", "C-000005", "C-000006", "VIP-7"}},
		{"ArchivedIncluded", "anna", false, []string{"C-000002", "C-000007"}},
		{"ArchivedExcluded", "anna", true, []string{"C-000002"}},
		{"NoMatch", "xyzzy", false, nil},
		{"ArchivedMarkerNotSearchable", "archived", false, nil},
		{"ArchivedMarkerNotSearchableEvenTyped", "\ue000archived", false, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, total, err := s.FindCustomers(ctx, CustomerFilter{Query: tc.query, ActiveOnly: tc.activeOnly})
			if err != nil {
				t.Fatal(err)
			}
			var codes []string
			for _, c := range got {
				codes = append(codes, c.Code)
			}
			sort.Strings(codes)
			if strings.Join(codes, ",") != strings.Join(tc.want, ",") || total != len(tc.want) {
				t.Fatalf("FindCustomers(%q) = %v (total %d), want %v", tc.query, codes, total, tc.want)
			}
		})
	}

	t.Run("Paging", func(t *testing.T) {
		var all []string
		for offset := 0; ; offset += 3 {
			page, total, err := s.FindCustomers(ctx, CustomerFilter{Limit: 3, Offset: offset})
			if err != nil {
				t.Fatal(err)
			}
			if total != 8 {
				t.Fatalf("total = %d at offset %d, want 8", total, offset)
			}
			if len(page) == 0 {
				break
			}
			for _, c := range page {
				all = append(all, c.Name)
			}
		}
		if len(all) != 8 || !sort.SliceIsSorted(all, func(i, j int) bool { return strings.ToLower(all[i]) < strings.ToLower(all[j]) }) {
			t.Fatalf("pages = %v", all)
		}
	})

	t.Run("IndexFollowsChanges", func(t *testing.T) {
		c, _, _ := s.FindCustomers(ctx, CustomerFilter{Query: "VIP-7"})
		name := "Zoë Neumann"
		if _, err := s.UpdateCustomer(ctx, testActor, c[0].ID, CustomerUpdate{Name: &name}); err != nil {
			t.Fatal(err)
		}
		if got, _, _ := s.FindCustomers(ctx, CustomerFilter{Query: "lefèvre"}); len(got) != 0 {
			t.Fatalf("old name still found: %v", got)
		}
		if got, _, _ := s.FindCustomers(ctx, CustomerFilter{Query: "neum"}); len(got) != 1 || got[0].Code != "VIP-7" {
			t.Fatalf("new name not found: %v", got)
		}
	})
}

// TestSearchFold_MatchesMigration keeps the Go fold list and the SQL one of
// the customers_search view equal, and checks that every folded letter is
// found both as typed and in its plain form.
func TestSearchFold_MatchesMigration(t *testing.T) {
	sqlText, err := os.ReadFile("../store/migrations/0004_customer.sql")
	if err != nil {
		t.Fatal(err)
	}
	view := string(sqlText)
	view = view[strings.Index(view, "CREATE VIEW customers_search"):]
	view = view[:strings.Index(view, "FROM customers;")]
	var pairs []string
	for _, m := range regexp.MustCompile(`, '([^']+)', '([^']+)'\)`).FindAllStringSubmatch(view, -1) {
		if !strings.ContainsAny(m[1], "-._/ +()") {
			pairs = append(pairs, m[1], m[2])
		}
	}
	if strings.Join(pairs, " ") != strings.Join(searchFold, " ") {
		t.Fatalf("fold lists differ:\nSQL: %v\nGo:  %v", pairs, searchFold)
	}

	s, _ := newTestService(t)
	ctx := context.Background()
	for i := 0; i < len(searchFold); i += 2 {
		c := mustCreate(t, s, CustomerInput{Name: "qq" + searchFold[i] + "zz" + strings.Repeat("x", i)})
		for _, q := range []string{"qq" + searchFold[i] + "zz", "qq" + searchFold[i+1] + "zz"} {
			got, _, err := s.FindCustomers(ctx, CustomerFilter{Query: q, Limit: 100})
			found := false
			for _, g := range got {
				found = found || g.ID == c.ID
			}
			if err != nil || !found {
				t.Errorf("%q not found by %q (%v)", c.Name, q, err)
			}
		}
	}
}

func TestService_RebuildSearchIndex(t *testing.T) {
	s, db := newTestService(t)
	ctx := context.Background()
	mustCreate(t, s, CustomerInput{Name: "Γιώργος Παπαδόπουλος", Phone: "+30 21 0123456"})
	mustCreate(t, s, CustomerInput{Name: "Anna Schmidt"})
	if err := s.RebuildSearchIndex(ctx); err != nil {
		t.Fatal(err)
	}
	if n := count(t, db, `SELECT count(*) FROM customers_fts`); n != 2 {
		t.Fatalf("%d rows in the index, want 2", n)
	}
	for _, q := range []string{"παπαδοπ", "30210123", "anna"} {
		if got, _, _ := s.FindCustomers(ctx, CustomerFilter{Query: q}); len(got) != 1 {
			t.Fatalf("%q after rebuild: %d results", q, len(got))
		}
	}
}

func TestService_FindCustomersOrder(t *testing.T) {
	s, _ := newTestService(t)
	ctx := context.Background()
	for _, in := range []CustomerInput{
		{Name: "Carl Zedler"}, {Name: "Bob Example", Code: "ZED"}, {Name: "anna Zed"}, {Name: "Zed Alpha"}, {Name: "Dora Other"},
	} {
		mustCreate(t, s, in)
	}
	names := func(cs []*Customer) string {
		var out []string
		for _, c := range cs {
			out = append(out, c.Name)
		}
		return strings.Join(out, ", ")
	}
	for _, tc := range []struct {
		name, query string
		limit       int
		want        string
		total       int
	}{
		{"ExactCodeFirstThenByName", "zed", 0, "Bob Example, anna Zed, Carl Zedler, Zed Alpha", 4},
		{"ExactCodeAnyCase", "Zed", 0, "Bob Example, anna Zed, Carl Zedler, Zed Alpha", 4},
		{"NoQueryByName", "", 0, "anna Zed, Bob Example, Carl Zedler, Dora Other, Zed Alpha", 5},
		{"Limited", "zed", 2, "Bob Example, anna Zed", 4},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, total, err := s.FindCustomers(ctx, CustomerFilter{Query: tc.query, Limit: tc.limit})
			if err != nil || names(got) != tc.want || total != tc.total {
				t.Fatalf("got %s (total %d, %v), want %s (total %d)", names(got), total, err, tc.want, tc.total)
			}
		})
	}
	t.Run("ManyMatchesNewestFirst", func(t *testing.T) {
		defer func(n int) { maxSorted = n }(maxSorted)
		maxSorted = 3
		got, total, err := s.FindCustomers(ctx, CustomerFilter{Query: "zed", Limit: 2, Offset: 1})
		if err != nil || names(got) != "anna Zed, Bob Example" || total != 4 {
			t.Fatalf("got %s (total %d, %v)", names(got), total, err)
		}
	})
	t.Run("OffsetPastEnd", func(t *testing.T) {
		got, total, err := s.FindCustomers(ctx, CustomerFilter{Query: "zed", Offset: 10})
		if err != nil || len(got) != 0 || total != 4 {
			t.Fatalf("got %s (total %d, %v)", names(got), total, err)
		}
	})
}
