package customer

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"oms/internal/store"
)

// CustomerFilter selects customers. Query is matched as you type: every word
// of it must begin a word of the code, name, company, email or phone (or
// the phone's digits run together); case and diacritics are ignored. An
// empty Query lists all customers. Limit defaults to 50 and is capped at
// 500.
type CustomerFilter struct {
	Query      string `json:"query"`
	ActiveOnly bool   `json:"activeOnly"`
	Limit      int    `json:"limit"`
	Offset     int    `json:"offset"`
}

const (
	defaultLimit  = 50
	maxLimit      = 500
	maxQueryTerms = 8
	maxTermLen    = 64
)

// maxSorted is the most matches put in order: an exact code first, then by
// name. Sorting costs about a microsecond a match, so a first typed letter
// matching half of 100,000 customers is shown newest first instead, at once.
// A variable, so tests can lower it.
var maxSorted = 1000

// archivedMarker is the word the index's state column holds for an archived
// customer (see migration 0004). Its first character is private-use, which
// matchQuery never lets through, so only the filter below can match it.
const archivedMarker = "\ue000archived"

// matchQuery turns what a user typed into an FTS5 query: each word becomes
// a quoted prefix term, so nothing typed (quotes, *, -, NEAR, OR, column
// filters) can change the query's meaning or make it fail. It returns ""
// when there is nothing to search for.
func matchQuery(q string) string {
	words := strings.FieldsFunc(norm.NFC.String(q), func(r rune) bool {
		return !(unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.IsMark(r))
	})
	var terms []string
	for _, w := range words {
		if len(terms) == maxQueryTerms {
			break
		}
		if r := []rune(w); len(r) > maxTermLen {
			w = string(r[:maxTermLen])
		}
		terms = append(terms, `"`+searchFolder.Replace(w)+`"*`)
	}
	return strings.Join(terms, " ")
}

// searchFold lists the letters the FTS5 tokenizer keeps apart from their
// plain form, with the plain form the index's "compact" column uses for them
// (the customers_search view of migration 0004 folds the same list).
var searchFold = []string{
	"ά", "α", "έ", "ε", "ή", "η", "ί", "ι", "ό", "ο", "ύ", "υ", "ώ", "ω", "ϊ", "ι",
	"ϋ", "υ", "ΐ", "ι", "ΰ", "υ", "Ά", "α", "Έ", "ε", "Ή", "η", "Ί", "ι", "Ό", "ο",
	"Ύ", "υ", "Ώ", "ω", "Ϊ", "ι", "Ϋ", "υ", "ё", "е", "Ё", "е", "đ", "d", "Đ", "d",
	"ß", "ss", "ẞ", "ss", "ł", "l", "Ł", "l", "ø", "o", "Ø", "o", "æ", "ae", "Æ", "ae",
}

var searchFolder = strings.NewReplacer(searchFold...)

// FindCustomers returns a page of the customers matching f and how many
// match in all. Without a query they are ordered by name. With one, the
// customer whose code is exactly the query comes first, then the rest by
// name, when at most 1,000 match; newest first when more do, so the first
// letter typed is answered at once and the order settles as the words typed
// narrow the choice. (FTS5's bm25 ranking is not used: it counts the rows
// of every term, which for a one-letter prefix means most of the table.)
func (s *Service) FindCustomers(ctx context.Context, f CustomerFilter) ([]*Customer, int, error) {
	if f.Limit <= 0 {
		f.Limit = defaultLimit
	} else if f.Limit > maxLimit {
		f.Limit = maxLimit
	}
	if f.Offset < 0 {
		f.Offset = 0
	}
	// One read transaction, so the total and the page agree.
	rtx, err := s.db.Reader().BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, 0, fmt.Errorf("find customers: %w", err)
	}
	defer rtx.Rollback()
	terms := matchQuery(f.Query)
	if terms == "" {
		return listCustomers(ctx, rtx, f)
	}
	match := terms
	if f.ActiveOnly {
		match = "(" + terms + `) NOT "` + archivedMarker + `"`
	}
	var total int
	if err := rtx.QueryRowContext(ctx, `SELECT count(*) FROM customers_fts WHERE customers_fts MATCH ?`, match).Scan(&total); err != nil {
		return nil, 0, fmt.Errorf("count customers: %w", err)
	}
	if total == 0 || f.Offset >= total {
		return []*Customer{}, total, nil
	}
	var page []*Customer
	if total <= maxSorted {
		page, err = queryCustomers(ctx, rtx, `SELECT `+customerColumns+` FROM customers_fts f JOIN customers c ON c.rowid = f.rowid
			WHERE customers_fts MATCH ? ORDER BY c.code = ? DESC, c.name COLLATE NOCASE, c.code LIMIT ? OFFSET ?`,
			match, strings.TrimSpace(f.Query), f.Limit, f.Offset)
	} else {
		page, err = queryCustomers(ctx, rtx, `SELECT `+customerColumns+` FROM customers_fts f JOIN customers c ON c.rowid = f.rowid
			WHERE customers_fts MATCH ? ORDER BY f.rowid DESC LIMIT ? OFFSET ?`, match, f.Limit, f.Offset)
	}
	if err != nil {
		return nil, 0, err
	}
	return page, total, nil
}

// listCustomers returns a page of all customers by name, and how many there are.
func listCustomers(ctx context.Context, rtx *sql.Tx, f CustomerFilter) ([]*Customer, int, error) {
	var total int
	var err error
	var page []*Customer
	if f.ActiveOnly {
		err = rtx.QueryRowContext(ctx, `SELECT count(*) FROM customers WHERE active = 1`).Scan(&total)
		if err == nil {
			page, err = queryCustomers(ctx, rtx, `SELECT `+customerColumns+` FROM customers c WHERE c.active = 1
				ORDER BY c.name COLLATE NOCASE, c.code LIMIT ? OFFSET ?`, f.Limit, f.Offset)
		}
	} else {
		err = rtx.QueryRowContext(ctx, `SELECT count(*) FROM customers`).Scan(&total)
		if err == nil {
			page, err = queryCustomers(ctx, rtx, `SELECT `+customerColumns+` FROM customers c
				ORDER BY c.name COLLATE NOCASE, c.code LIMIT ? OFFSET ?`, f.Limit, f.Offset)
		}
	}
	if err != nil {
		return nil, 0, fmt.Errorf("list customers: %w", err)
	}
	return page, total, nil
}

// RebuildSearchIndex rebuilds the search index from the customers table.
// The triggers of migration 0004 keep it in step with every write; this is
// the repair for an index found damaged, and what a migration changing the
// index runs.
func (s *Service) RebuildSearchIndex(ctx context.Context) error {
	return s.db.Update(ctx, store.Actor{UserName: "system"}, func(tx *store.Tx) error {
		if _, err := tx.Exec(`DELETE FROM customers_fts`); err != nil {
			return fmt.Errorf("rebuild customer search: %w", err)
		}
		if _, err := tx.Exec(`INSERT INTO customers_fts (rowid, code, name, company, email, phone, compact, state)
			SELECT rid, code, name, company, email, phone, compact, state FROM customers_search`); err != nil {
			return fmt.Errorf("rebuild customer search: %w", err)
		}
		return nil
	})
}

// queryCustomers runs a query selecting customerColumns and scans its rows.
func queryCustomers(ctx context.Context, q queryer, query string, args ...any) ([]*Customer, error) {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("find customers: %w", err)
	}
	defer rows.Close()
	out := []*Customer{}
	for rows.Next() {
		c, err := scanCustomer(rows.Scan)
		if err != nil {
			return nil, fmt.Errorf("find customers: %w", err)
		}
		out = append(out, c)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("find customers: %w", err)
	}
	return out, nil
}

// The name indexes serve the customer list only: a snapshot builds them
// after its rows are in.
func init() { store.RegisterDeferrableIndexes("customers_name", "customers_active_name") }
