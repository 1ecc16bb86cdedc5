package catalog

import (
	"context"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"oms/internal/store"
)

func TestGenerateProducts_IsDeterministic(t *testing.T) {
	ctx := context.Background()
	names := func(seed uint64) []string {
		db, err := store.Open(ctx, filepath.Join(t.TempDir(), "oms.db"))
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		if err := GenerateProducts(ctx, db, 120, seed); err != nil {
			t.Fatal(err)
		}
		s := NewService(db)
		ps, total, err := s.FindProducts(ctx, ProductFilter{Limit: 500})
		if err != nil || total != 120 {
			t.Fatalf("%d products, %v", total, err)
		}
		var out []string
		for _, p := range ps {
			out = append(out, p.SKU+" "+p.Name+" "+p.Barcodes[0].Value)
		}
		p, err := s.FindProductByBarcode(ctx, GeneratedBarcode(49))
		if err != nil || p.SKU != GeneratedSKU(49) || p.Active {
			t.Fatalf("product 49 = %+v, %v (every fiftieth is archived)", p, err)
		}
		if got, _, _ := s.FindProducts(ctx, ProductFilter{Query: GeneratedSKU(7)}); len(got) == 0 || got[0].SKU != GeneratedSKU(7) {
			t.Fatalf("generated product not searchable")
		}
		if tables, err := db.UncapturedTables(ctx); err != nil || len(tables) > 0 {
			t.Fatalf("uncaptured: %v %v", tables, err)
		}
		return out
	}
	a, b, c := names(1), names(1), names(2)
	if !slices.Equal(a, b) {
		t.Fatal("same seed, different products")
	}
	if slices.Equal(a, c) {
		t.Fatal("different seeds, same products")
	}
}

func TestFindReorderRulesAndProductsByID(t *testing.T) {
	s, db := newTestService(t)
	ctx := context.Background()
	a := mustCreate(t, s, ProductInput{SKU: "B-1", Name: "With rule", Price: 1, Cost: 7, ReorderPoint: 5, ReorderQty: 20})
	b := mustCreate(t, s, ProductInput{SKU: "A-1", Name: "Without rule", Price: 1})
	c := mustCreate(t, s, ProductInput{SKU: "C-1", Name: "Archived with rule", Price: 1, ReorderPoint: 5, Barcodes: []string{"96385074"}})
	if _, err := s.ArchiveProduct(ctx, testActor, c.ID); err != nil {
		t.Fatal(err)
	}
	rules, err := FindReorderRules(ctx, db.Reader())
	if err != nil || len(rules) != 1 || rules[0] != (ReorderRule{ProductID: a.ID, SKU: "B-1", Name: "With rule", ReorderPoint: 5, ReorderQty: 20, Cost: 7}) {
		t.Fatalf("rules = %+v, %v", rules, err)
	}
	ids := []string{a.ID, b.ID, c.ID, "missing"}
	for i := 0; i < 1200; i++ { // more than one chunk of ids
		ids = append(ids, "missing")
	}
	got, err := FindProductsByID(ctx, db.Reader(), ids)
	if err != nil || len(got) != 3 || got[c.ID].Barcodes[0].Value != "96385074" || got[b.ID].SKU != "A-1" {
		t.Fatalf("by id = %+v, %v", got, err)
	}
}

func TestService_FindProducts_HugeQuery(t *testing.T) {
	s, _ := searchFixture(t)
	for _, q := range []string{strings.Repeat("steel ", 2000), strings.Repeat("x", 10_000), strings.Repeat("\"*( ", 3000)} {
		if _, _, err := s.FindProducts(context.Background(), ProductFilter{Query: q}); err != nil {
			t.Fatalf("query of %d chars: %v", len(q), err)
		}
	}
}
