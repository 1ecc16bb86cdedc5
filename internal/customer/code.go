package customer

import (
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// Customer codes left empty are numbered in a series: C-000123 on a
// workstation that has not enrolled, C-A1-000123 on the one enrolled with
// station code A1, so two workstations working offline never hand out the
// same code. The next number is one more than the highest code of the
// series already stored (including codes typed by hand or received by
// sync), found through the unique index on code in a few lookups; numbers
// are never reused because customers are archived or erased, never deleted.

const (
	codePrefix   = "C-"
	codeMinWidth = 6
	codeMaxWidth = 12
)

// seriesPrefix returns the code prefix of this workstation's series.
func seriesPrefix(station string) string {
	if station == "" {
		return codePrefix
	}
	return codePrefix + strings.ToUpper(station) + "-"
}

// nextCode returns the next free code of the workstation's series.
func nextCode(tx *txn, station string) (string, error) {
	prefix := seriesPrefix(station)
	next := int64(1)
	// The widest numbers are the highest: look from the widest width down.
	for w := codeMaxWidth; w >= codeMinWidth; w-- {
		var code string
		err := tx.QueryRow(`SELECT code FROM customers
			WHERE code BETWEEN ? AND ? AND length(code) = ? AND substr(code, ?) GLOB ?
			ORDER BY code DESC LIMIT 1`,
			prefix+strings.Repeat("0", w), prefix+strings.Repeat("9", w), len(prefix)+w, len(prefix)+1, strings.Repeat("[0-9]", w)).Scan(&code)
		if errors.Is(err, sql.ErrNoRows) {
			continue
		} else if err != nil {
			return "", fmt.Errorf("next customer code: %w", err)
		}
		n, err := strconv.ParseInt(code[len(prefix):], 10, 64)
		if err != nil {
			return "", fmt.Errorf("next customer code after %q: %w", code, err)
		}
		next = n + 1
		break
	}
	for {
		code := fmt.Sprintf("%s%0*d", prefix, codeMinWidth, next)
		if len(code)-len(prefix) > codeMaxWidth {
			return "", fmt.Errorf("next customer code: series %s is exhausted", prefix)
		}
		var n int
		if err := tx.QueryRow(`SELECT count(*) FROM customers WHERE code = ?`, code).Scan(&n); err != nil {
			return "", fmt.Errorf("next customer code: %w", err)
		}
		if n == 0 {
			return code, nil
		}
		next++
	}
}
