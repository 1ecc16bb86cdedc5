package catalog

import (
	"context"
	"fmt"
	"strings"
)

// ProductFilter selects products. Limit defaults to 50 and is capped at
// 500.
type ProductFilter struct {
	// Query is what the user typed: every word must start a word of the
	// SKU, name or a barcode ("ste bol" finds "Stainless Steel Bolt"),
	// regardless of case and diacritics. A barcode or SKU typed in full puts
	// that product first. Empty lists all products by name.
	Query      string
	ActiveOnly bool
	Limit      int
	Offset     int
}

// SearchTotalCap is the most matches a search counts: FindProducts
// reports a total above it as SearchTotalCap+1, meaning "more than
// SearchTotalCap; type more". Listing without a query counts exactly.
const SearchTotalCap = 10_000

// rankedMatches is the most matches a search orders by relevance; broader
// searches (a letter or two) come in catalog order, which costs nothing.
// Ranking costs about 3 µs a match, so this keeps it near 1.5 ms.
const rankedMatches = 500

// maxQueryTerms bounds the work one search may ask of the index.
const maxQueryTerms = 8

// FindProducts returns a page of products matching f, and how many match
// in all (for a query, at most SearchTotalCap+1). With a query, the product
// whose barcode or SKU equals the query comes first, then the others by
// relevance (see rank), or in catalog order beyond 500 matches;
// without one, products are listed by name.
func (s *Service) FindProducts(ctx context.Context, f ProductFilter) ([]*Product, int, error) {
	if f.Limit <= 0 {
		f.Limit = 50
	}
	f.Limit, f.Offset = min(f.Limit, 500), max(f.Offset, 0)
	q := s.db.Reader()
	query := strings.TrimSpace(f.Query)
	var (
		products []*Product
		total    int
		err      error
	)
	if query == "" {
		products, total, err = listProducts(ctx, q, f)
	} else {
		products, total, err = searchProducts(ctx, q, query, f)
	}
	if err != nil {
		return nil, 0, err
	}
	if err := loadBarcodes(ctx, q, products); err != nil {
		return nil, 0, err
	}
	return products, total, nil
}

func listProducts(ctx context.Context, q Queryer, f ProductFilter) ([]*Product, int, error) {
	// count(*) of a whole table reads its smallest index; archived products
	// are few and have a partial index of their own.
	var all, archived int
	if err := q.QueryRowContext(ctx, `SELECT count(*) FROM products`).Scan(&all); err != nil {
		return nil, 0, fmt.Errorf("count products: %w", err)
	}
	where := ``
	if f.ActiveOnly {
		if err := q.QueryRowContext(ctx, `SELECT count(*) FROM products WHERE active = 0`).Scan(&archived); err != nil {
			return nil, 0, fmt.Errorf("count products: %w", err)
		}
		where = `WHERE p.active = 1`
	}
	// products_name covers name, sku and active, so the rows an offset
	// skips are never read from the table.
	products, err := queryProducts(ctx, q, `SELECT `+productColumns+` FROM products p `+where+`
		ORDER BY p.name COLLATE NOCASE, p.sku LIMIT ? OFFSET ?`, f.Limit, f.Offset)
	return products, all - archived, err
}

// searchProducts puts the exact barcode or SKU match first, then pages
// through the full-text matches without it. It reads up to rankedMatches+1
// matches: if that is all of them, it ranks them and loads the page;
// otherwise the search is broad, and it counts (capped) and pages in
// catalog order, both of which stop early on dense matches.
func searchProducts(ctx context.Context, q Queryer, query string, f ProductFilter) ([]*Product, int, error) {
	pinned, err := exactMatch(ctx, q, query, f.ActiveOnly)
	if err != nil {
		return nil, 0, err
	}
	terms := queryTerms(query)
	if len(terms) == 0 {
		if f.Offset > 0 || pinned == nil {
			return []*Product{}, boolInt(pinned != nil), nil
		}
		return []*Product{pinned.product}, 1, nil
	}
	match := ftsQuery(terms, f.ActiveOnly)
	exclude := int64(-1) // no product has rowid -1
	if pinned != nil {
		exclude = pinned.rowid
	}
	cands, narrow, err := searchCandidates(ctx, q, match, exclude)
	if err != nil {
		return nil, 0, err
	}
	limit, offset := f.Limit, f.Offset
	var out []*Product
	if pinned != nil {
		if offset == 0 {
			out = append(out, pinned.product)
			limit--
		} else {
			offset--
		}
	}
	var total int
	var page []*Product
	if narrow {
		total = len(cands)
		rank(cands, query, terms)
		if page, err = loadCandidates(ctx, q, cands, offset, limit); err != nil {
			return nil, 0, err
		}
	} else {
		if err := q.QueryRowContext(ctx, `SELECT count(*) FROM (SELECT 1 FROM product_fts WHERE product_fts MATCH ? AND rowid <> ? LIMIT ?)`,
			match, exclude, SearchTotalCap+1).Scan(&total); err != nil {
			return nil, 0, fmt.Errorf("count search: %w", err)
		}
		if limit > 0 {
			page, err = queryProducts(ctx, q, `SELECT `+productColumns+` FROM product_fts f JOIN products p ON p.rowid = f.rowid
				WHERE product_fts MATCH ? AND f.rowid <> ? ORDER BY f.rowid LIMIT ? OFFSET ?`, match, exclude, limit, offset)
			if err != nil {
				return nil, 0, fmt.Errorf("search products: %w", err)
			}
		}
	}
	if pinned != nil {
		total = min(total+1, SearchTotalCap+1)
	}
	return append(out, page...), total, nil
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

type pinnedProduct struct {
	rowid   int64
	product *Product
}

// exactMatch returns the product whose barcode, or else SKU, is exactly
// query: a scan typed into the search box.
func exactMatch(ctx context.Context, q Queryer, query string, activeOnly bool) (*pinnedProduct, error) {
	id, err := productIDByBarcode(ctx, q, query)
	if err != nil {
		return nil, err
	}
	where, arg := `p.id = ?`, any(id)
	if id == "" {
		if len(query) > MaxSKULen {
			return nil, nil
		}
		where, arg = `p.sku = ?`, query
	}
	rows, err := q.QueryContext(ctx, `SELECT p.rowid, `+productColumns+` FROM products p WHERE `+where, arg)
	if err != nil {
		return nil, fmt.Errorf("exact match: %w", err)
	}
	defer rows.Close()
	if !rows.Next() {
		return nil, rows.Err()
	}
	var rowid int64
	p, err := scanProduct(func(dst ...any) error { return rows.Scan(append([]any{&rowid}, dst...)...) })
	if err != nil {
		return nil, fmt.Errorf("exact match: %w", err)
	}
	if activeOnly && !p.Active {
		return nil, nil
	}
	return &pinnedProduct{rowid: rowid, product: p}, nil
}

// queryTerms splits what the user typed into the words the index is
// searched for, keeping only words with a letter or digit.
func queryTerms(query string) []string {
	var terms []string
	for _, w := range strings.Fields(query) {
		if !hasWordChar(w) {
			continue
		}
		terms = append(terms, w)
		if len(terms) == maxQueryTerms {
			break
		}
	}
	return terms
}

// ftsQuery turns the terms into an FTS5 query: each a quoted prefix phrase
// (so nothing typed is FTS syntax; "ABC-12" is the phrase "abc" "12"*), all
// required, over the SKU, name and barcodes. Greek accents are removed as
// the index removes them from names (see product_fts_source).
func ftsQuery(terms []string, activeOnly bool) string {
	quoted := make([]string, len(terms))
	for i, t := range terms {
		quoted[i] = `"` + strings.ReplaceAll(greekAccents.Replace(t), `"`, `""`) + `"*`
	}
	m := "{sku name barcodes} : (" + strings.Join(quoted, " AND ") + ")"
	if activeOnly {
		m += " NOT status : archived"
	}
	return m
}

// greekAccents maps the accented Greek vowels to plain ones, exactly as
// the replace() chain of the view product_fts_source in 0002_catalog.sql.
var greekAccents = strings.NewReplacer(
	"ά", "α", "έ", "ε", "ή", "η", "ί", "ι", "ό", "ο", "ύ", "υ", "ώ", "ω", "ϊ", "ι", "ϋ", "υ", "ΐ", "ι", "ΰ", "υ",
	"Ά", "Α", "Έ", "Ε", "Ή", "Η", "Ί", "Ι", "Ό", "Ο", "Ύ", "Υ", "Ώ", "Ω", "Ϊ", "Ι", "Ϋ", "Υ")

// candidate is a search match before ranking.
type candidate struct {
	id, sku, name string
	score         int
	key           string // name folded for sorting
}

// searchCandidates returns the matches if there are at most rankedMatches,
// or nil and false for a broader search. It reads rowids alone first, so a
// broad search costs no table reads.
func searchCandidates(ctx context.Context, q Queryer, match string, exclude int64) ([]candidate, bool, error) {
	rows, err := q.QueryContext(ctx, `SELECT rowid FROM product_fts WHERE product_fts MATCH ? AND rowid <> ? LIMIT ?`,
		match, exclude, rankedMatches+1)
	if err != nil {
		return nil, false, fmt.Errorf("search products: %w", err)
	}
	var rowids []any
	for rows.Next() {
		var r int64
		if err := rows.Scan(&r); err != nil {
			rows.Close()
			return nil, false, fmt.Errorf("search products: %w", err)
		}
		rowids = append(rowids, r)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, false, fmt.Errorf("search products: %w", err)
	}
	if len(rowids) > rankedMatches {
		return nil, false, nil
	}
	out := make([]candidate, 0, len(rowids))
	if len(rowids) == 0 {
		return out, true, nil
	}
	rows, err = q.QueryContext(ctx, `SELECT id, sku, name FROM products WHERE rowid IN (`+placeholders(len(rowids))+`)`, rowids...)
	if err != nil {
		return nil, false, fmt.Errorf("search products: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var c candidate
		if err := rows.Scan(&c.id, &c.sku, &c.name); err != nil {
			return nil, false, fmt.Errorf("search products: %w", err)
		}
		out = append(out, c)
	}
	return out, true, rows.Err()
}

// loadCandidates loads the products of cands[offset:offset+limit], in order.
func loadCandidates(ctx context.Context, q Queryer, cands []candidate, offset, limit int) ([]*Product, error) {
	if offset >= len(cands) || limit <= 0 {
		return []*Product{}, nil
	}
	cands = cands[offset:min(len(cands), offset+limit)]
	args := make([]any, len(cands))
	for i, c := range cands {
		args[i] = c.id
	}
	products, err := queryProducts(ctx, q, `SELECT `+productColumns+` FROM products p WHERE p.id IN (`+placeholders(len(args))+`)`, args...)
	if err != nil {
		return nil, err
	}
	byID := make(map[string]*Product, len(products))
	for _, p := range products {
		byID[p.ID] = p
	}
	out := make([]*Product, 0, len(cands))
	for _, c := range cands {
		if p := byID[c.id]; p != nil {
			out = append(out, p)
		}
	}
	return out, nil
}

func queryProducts(ctx context.Context, q Queryer, query string, args ...any) ([]*Product, error) {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("find products: %w", err)
	}
	defer rows.Close()
	out := []*Product{}
	for rows.Next() {
		p, err := scanProduct(rows.Scan)
		if err != nil {
			return nil, fmt.Errorf("find products: %w", err)
		}
		out = append(out, p)
	}
	return out, rows.Err()
}
