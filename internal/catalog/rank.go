package catalog

import (
	"slices"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Relevance. FTS5's bm25 needs, for every query word, the number of
// products containing it, which for a one-letter prefix means reading the
// whole index: 10 to 180 ms on 300,000 products. Search results are
// instead ranked here, over at most rankedMatches candidates, by rules a
// person at the counter can predict:
//
//  0. the SKU starts with what was typed ("GEN-0012" finds GEN-00123);
//  1. the name starts with what was typed ("heavy br" finds "Heavy Brass...");
//  2. every typed word is a whole word of the name or SKU ("oak table");
//  3. the rest (the words only start words: "oa ta");
//
// and within each, by name, then SKU.

func rank(cands []candidate, query string, terms []string) {
	q := fold(query)
	var want []string
	for _, t := range terms {
		want = append(want, words(fold(t))...)
	}
	for i := range cands {
		c := &cands[i]
		name, sku := fold(c.name), fold(c.sku)
		c.key = name
		switch {
		case strings.HasPrefix(sku, q):
			c.score = 0
		case strings.HasPrefix(name, q):
			c.score = 1
		case allWholeWords(want, words(name), words(sku)):
			c.score = 2
		default:
			c.score = 3
		}
	}
	slices.SortFunc(cands, func(a, b candidate) int {
		if a.score != b.score {
			return a.score - b.score
		}
		if c := strings.Compare(a.key, b.key); c != 0 {
			return c
		}
		return strings.Compare(a.sku, b.sku)
	})
}

// allWholeWords reports whether every word of want is one of have.
func allWholeWords(want []string, have ...[]string) bool {
	for _, w := range want {
		found := false
		for _, h := range have {
			if slices.Contains(h, w) {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// fold lowercases s and removes diacritics, as the index's tokenizer does
// ("Phở" -> "pho"), with a fast path for ASCII.
func fold(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			ascii = false
			break
		}
	}
	if ascii {
		return strings.ToLower(s)
	}
	if norm.NFD.QuickSpanString(s) < len(s) {
		s = norm.NFD.String(s) // "ở" becomes "o" and two combining marks
	}
	return strings.Map(func(r rune) rune {
		if unicode.Is(unicode.Mn, r) {
			return -1
		}
		return unicode.ToLower(r)
	}, s)
}

// words splits s into runs of letters and digits, as the tokenizer does.
func words(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsNumber(r) && !unicode.Is(unicode.Mn, r)
	})
}

// hasWordChar reports whether s has a letter or digit the index can match.
func hasWordChar(s string) bool {
	return strings.ContainsFunc(s, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsNumber(r) })
}
