package catalog

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"testing"

	"oms/internal/store"
)

func skus(ps []*Product) []string {
	out := []string{}
	for _, p := range ps {
		out = append(out, p.SKU)
	}
	return out
}

// searchFixture is a small catalog with the shapes search must handle.
func searchFixture(t *testing.T) (*Service, *store.DB) {
	s, db := newTestService(t)
	for _, in := range []ProductInput{
		{SKU: "BOLT-M8", Name: "Stainless Steel Hex Bolt M8x40", Price: 1, Barcodes: []string{"4006381333931"}},
		{SKU: "BOLT-M10", Name: "Galvanized Steel Bolt M10", Price: 1, Barcodes: []string{"5901234123457"}},
		{SKU: "NUT-M8", Name: "Steel Nut M8", Price: 1},
		{SKU: "HINGE-1", Name: "Heavy Brass Hinge", Price: 1, Barcodes: []string{"036000291452"}},
		{SKU: "GR-1", Name: "Κόκκινο κρασί", Price: 1},
		{SKU: "RU-1", Name: "Красный стул", Price: 1},
		{SKU: "VN-1", Name: "Phở bò tái", Price: 1},
		{SKU: "SQL-1", Name: `Robert'); DROP TABLE products;-- "quoted" AND NEAR(x y) *`, Price: 1},
		{SKU: "4006381", Name: "A SKU that is a barcode prefix", Price: 1},
		{SKU: "OLD-1", Name: "Old Steel Bracket", Price: 1, Barcodes: []string{"ABC-123"}},
	} {
		mustCreate(t, s, in)
	}
	old, err := s.FindProductBySKU(context.Background(), "OLD-1")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.ArchiveProduct(context.Background(), testActor, old.ID); err != nil {
		t.Fatal(err)
	}
	return s, db
}

func TestService_FindProducts(t *testing.T) {
	s, _ := searchFixture(t)
	ctx := context.Background()
	for _, tc := range []struct {
		name   string
		f      ProductFilter
		want   []string // in order
		sorted bool     // compare as sets
		total  int
	}{
		{"ListByName", ProductFilter{}, []string{"4006381", "BOLT-M10", "HINGE-1", "OLD-1", "VN-1", "SQL-1", "BOLT-M8", "NUT-M8", "GR-1", "RU-1"}, false, 10},
		{"ListActiveOnly", ProductFilter{ActiveOnly: true, Limit: 3}, []string{"4006381", "BOLT-M10", "HINGE-1"}, false, 9},
		{"ListPage", ProductFilter{Limit: 2, Offset: 2}, []string{"HINGE-1", "OLD-1"}, false, 10},
		{"Prefix", ProductFilter{Query: "ste"}, []string{"BOLT-M10", "BOLT-M8", "NUT-M8", "OLD-1"}, true, 4},
		{"PrefixActiveOnly", ProductFilter{Query: "ste", ActiveOnly: true}, []string{"BOLT-M10", "BOLT-M8", "NUT-M8"}, true, 3},
		{"TwoWords", ProductFilter{Query: "ste bol"}, []string{"BOLT-M10", "BOLT-M8"}, true, 2},
		{"WordsAnyOrder", ProductFilter{Query: "bolt stainless"}, []string{"BOLT-M8"}, false, 1},
		{"CaseInsensitive", ProductFilter{Query: "HEAVY brass"}, []string{"HINGE-1"}, false, 1},
		{"SKUPrefix", ProductFilter{Query: "bolt-m"}, []string{"BOLT-M10", "BOLT-M8"}, false, 2},
		{"SKUExactFirst", ProductFilter{Query: "bolt-m8"}, []string{"BOLT-M8"}, false, 1},
		{"BarcodeFirst", ProductFilter{Query: "4006381333931"}, []string{"BOLT-M8"}, false, 1},
		{"BarcodeBeatsSKUPrefix", ProductFilter{Query: "4006381"}, []string{"4006381", "BOLT-M8"}, false, 2},
		{"UPCScannedAsEAN13", ProductFilter{Query: "0036000291452"}, []string{"HINGE-1"}, false, 1},
		{"BarcodePrefix", ProductFilter{Query: "59012"}, []string{"BOLT-M10"}, false, 1},
		{"Code128OfArchived", ProductFilter{Query: "ABC-123"}, []string{"OLD-1"}, false, 1},
		{"Code128OfArchivedActiveOnly", ProductFilter{Query: "ABC-123", ActiveOnly: true}, []string{}, false, 0},
		{"Greek", ProductFilter{Query: "κόκ"}, []string{"GR-1"}, false, 1},
		{"GreekNoAccent", ProductFilter{Query: "κοκκινο"}, []string{"GR-1"}, false, 1},
		{"GreekUpper", ProductFilter{Query: "ΚΡΑΣΊ"}, []string{"GR-1"}, false, 1},
		{"Cyrillic", ProductFilter{Query: "крас"}, []string{"RU-1"}, false, 1},
		{"CyrillicUpper", ProductFilter{Query: "СТУЛ"}, []string{"RU-1"}, false, 1},
		{"Vietnamese", ProductFilter{Query: "phở"}, []string{"VN-1"}, false, 1},
		{"VietnameseNoDiacritics", ProductFilter{Query: "pho bo"}, []string{"VN-1"}, false, 1},
		{"SQLLookingQuery", ProductFilter{Query: "robert'); drop"}, []string{"SQL-1"}, false, 1},
		{"FTSSyntaxIsText", ProductFilter{Query: `"quoted" AND NEAR(x`}, []string{"SQL-1"}, false, 1},
		{"OnlyPunctuation", ProductFilter{Query: `"*()-`}, []string{}, false, 0},
		{"LoneQuote", ProductFilter{Query: `"`}, []string{}, false, 0},
		{"Star", ProductFilter{Query: `*`}, []string{}, false, 0},
		{"NoMatch", ProductFilter{Query: "zebra"}, []string{}, false, 0},
		{"PageAfterPinned", ProductFilter{Query: "4006381", Offset: 1}, []string{"BOLT-M8"}, false, 2},
		{"PageBeyondEnd", ProductFilter{Query: "ste", Offset: 10}, []string{}, false, 4},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, total, err := s.FindProducts(ctx, tc.f)
			if err != nil {
				t.Fatal(err)
			}
			g := skus(got)
			if tc.sorted {
				slices.Sort(g)
			}
			if !slices.Equal(g, tc.want) || total != tc.total {
				t.Fatalf("FindProducts(%+v) = %v (total %d), want %v (total %d)", tc.f, g, total, tc.want, tc.total)
			}
		})
	}
}

func TestService_FindProducts_Ranking(t *testing.T) {
	s, _ := newTestService(t)
	ctx := context.Background()
	for _, in := range []ProductInput{
		{SKU: "Z-3", Name: "Tablecloth Oak pattern", Price: 1},
		{SKU: "Z-2", Name: "Large Oak Table", Price: 1},
		{SKU: "Z-1", Name: "Oak Table Small", Price: 1},
		{SKU: "TAB-1", Name: "Chair", Price: 1, Barcodes: []string{"96385074"}},
	} {
		mustCreate(t, s, in)
	}
	for _, tc := range []struct {
		query string
		want  []string
	}{
		// SKU prefix, then name prefix, then whole words, then word prefixes.
		{"tab", []string{"TAB-1", "Z-3", "Z-2", "Z-1"}},
		{"oak table", []string{"Z-1", "Z-2", "Z-3"}},
		{"oak tab", []string{"Z-1", "Z-2", "Z-3"}},
	} {
		got, _, err := s.FindProducts(ctx, ProductFilter{Query: tc.query})
		if err != nil || !slices.Equal(skus(got), tc.want) {
			t.Errorf("FindProducts(%q) = %v, %v; want %v", tc.query, skus(got), err, tc.want)
		}
	}
}

// TestSearchIndex_FollowsEveryWrite: the index triggers keep search right
// after renames, barcode changes, archiving and restoring.
func TestSearchIndex_FollowsEveryWrite(t *testing.T) {
	s, _ := searchFixture(t)
	ctx := context.Background()
	p, _ := s.FindProductBySKU(ctx, "NUT-M8")
	find := func(q string) []string {
		t.Helper()
		got, _, err := s.FindProducts(ctx, ProductFilter{Query: q, ActiveOnly: true})
		if err != nil {
			t.Fatal(err)
		}
		return skus(got)
	}
	steps := []struct {
		name  string
		do    func() error
		query string
		want  []string
	}{
		{"Rename", func() error {
			_, err := s.UpdateProduct(ctx, testActor, p.ID, ProductUpdate{Name: ptr("Titanium Wing Nut")})
			return err
		}, "wing", []string{"NUT-M8"}},
		{"OldNameGone", func() error { return nil }, "steel nut", []string{}},
		{"NewSKU", func() error {
			_, err := s.UpdateProduct(ctx, testActor, p.ID, ProductUpdate{SKU: ptr("WING-5")})
			return err
		}, "wing-5", []string{"WING-5"}},
		{"AddBarcode", func() error {
			_, err := s.UpdateProduct(ctx, testActor, p.ID, ProductUpdate{Barcodes: &[]string{"96385074", "XYZ-9"}})
			return err
		}, "xyz", []string{"WING-5"}},
		{"RemoveBarcode", func() error {
			_, err := s.UpdateProduct(ctx, testActor, p.ID, ProductUpdate{Barcodes: &[]string{"96385074"}})
			return err
		}, "xyz", []string{}},
		{"Archive", func() error {
			_, err := s.ArchiveProduct(ctx, testActor, p.ID)
			return err
		}, "titanium", []string{}},
		{"Restore", func() error {
			_, err := s.RestoreProduct(ctx, testActor, p.ID)
			return err
		}, "titanium", []string{"WING-5"}},
		{"BarcodeStillThere", func() error { return nil }, "9638", []string{"WING-5"}},
	}
	for _, st := range steps {
		t.Run(st.name, func(t *testing.T) {
			if err := st.do(); err != nil {
				t.Fatal(err)
			}
			if got := find(st.query); !slices.Equal(got, st.want) {
				t.Fatalf("search %q = %v, want %v", st.query, got, st.want)
			}
		})
	}
}

// TestSearchIndex_SurvivesVacuum: the index is keyed by products' rowids,
// which VACUUM keeps because products has indexes.
func TestSearchIndex_SurvivesVacuum(t *testing.T) {
	s, db := searchFixture(t)
	ctx := context.Background()
	// Delete-and-recreate churn leaves rowid gaps VACUUM would close if it
	// renumbered rows.
	for i := 0; i < 20; i++ {
		mustCreate(t, s, ProductInput{SKU: fmt.Sprintf("TMP-%d", i), Name: "Temporary", Price: 1})
	}
	if err := db.Update(ctx, testActor, func(tx *store.Tx) error {
		_, err := tx.ExecContext(ctx, `DELETE FROM products WHERE sku LIKE 'TMP-%'`)
		return err
	}); err != nil {
		t.Fatal(err)
	}
	mustCreate(t, s, ProductInput{SKU: "LATE-1", Name: "Late Walnut Shelf", Price: 1})
	raw, err := sql.Open(store.DriverName, "file:"+db.Path)
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	if _, err := raw.ExecContext(ctx, `VACUUM`); err != nil {
		t.Fatal(err)
	}
	for q, want := range map[string]string{"walnut": "LATE-1", "hinge": "HINGE-1", "крас": "RU-1", "temporary": ""} {
		got, _, err := s.FindProducts(ctx, ProductFilter{Query: q})
		if err != nil {
			t.Fatal(err)
		}
		if want == "" && len(got) != 0 || want != "" && (len(got) != 1 || got[0].SKU != want) {
			t.Errorf("after VACUUM, %q finds %v, want %q", q, skus(got), want)
		}
	}
}

func TestFTSQuery(t *testing.T) {
	for _, tc := range []struct {
		in, want string
	}{
		{"ste bol", `{sku name barcodes} : ("ste"* AND "bol"*)`},
		{`a"b`, `{sku name barcodes} : ("a""b"*)`},
		{"x - y", `{sku name barcodes} : ("x"* AND "y"*)`},
		{"a b c d e f g h i j", `{sku name barcodes} : ("a"* AND "b"* AND "c"* AND "d"* AND "e"* AND "f"* AND "g"* AND "h"*)`},
	} {
		if got := ftsQuery(queryTerms(tc.in), false); got != tc.want {
			t.Errorf("ftsQuery(%q) = %s, want %s", tc.in, got, tc.want)
		}
	}
}
