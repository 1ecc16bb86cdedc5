// Package money holds amounts as int64 minor units (cents, pence, yen) and
// does every rounding of tax and discounts in one place. There are no floats
// here: an amount is parsed from and formatted to major units with a dot
// ("12.50"), and rates are basis points (1 bps = 0.01 %).
//
// Rounding rule: every helper that has to round rounds half away from zero
// (0.5 -> 1, -0.5 -> -1, 2.5 -> 3), the commercial rounding invoices use.
package money

import (
	"math"
	"strconv"
	"strings"

	"oms/internal/errs"
)

// MaxMinorUnits is the most decimals a currency may have (ISO 4217 has 0 to 4).
const MaxMinorUnits = 6

// ErrOverflow is returned when a result does not fit in an int64 amount. It
// is an EINVALID error without a field: callers name the field.
var ErrOverflow = &errs.Error{Code: errs.EINVALID, Message: "The amount is too large."}

var pow10 = [...]int64{1, 10, 100, 1000, 10000, 100000, 1000000}

// Parse reads an amount in major units with a dot as decimal separator
// ("12.50", "-3", "0.5", surrounding spaces ignored) and returns it in minor
// units of a currency with minorUnits decimals. It refuses an empty string, a
// comma, thousands separators, more decimals than the currency has
// ("12.345" for 2), a leading "+", exponents and amounts beyond int64, with an
// EINVALID error without a field (callers name the field). minorUnits outside
// 0..MaxMinorUnits is a programming error and also returns EINVALID.
func Parse(s string, minorUnits int) (int64, error) {
	if minorUnits < 0 || minorUnits > MaxMinorUnits {
		return 0, errs.Errorf(errs.EINVALID, "A currency cannot have %d decimals.", minorUnits)
	}
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, errs.Errorf(errs.EINVALID, "Enter an amount.")
	}
	neg := false
	if s[0] == '-' {
		neg, s = true, s[1:]
	}
	intPart, frac, hasDot := strings.Cut(s, ".")
	if intPart == "" || !allDigits(intPart) || (hasDot && (frac == "" || !allDigits(frac))) {
		if strings.Contains(s, ",") {
			return 0, errs.Errorf(errs.EINVALID, "Use a dot as the decimal separator, like 12.50, without thousands separators.")
		}
		return 0, errs.Errorf(errs.EINVALID, "Enter an amount like 12.50.")
	}
	if len(frac) > minorUnits {
		if minorUnits == 0 {
			return 0, errs.Errorf(errs.EINVALID, "This currency has no decimals.")
		}
		return 0, errs.Errorf(errs.EINVALID, "Enter at most %d decimals.", minorUnits)
	}
	frac += strings.Repeat("0", minorUnits-len(frac))
	// Accumulate as a negative number: int64 holds one more negative value
	// than positive, so math.MinInt64 parses too.
	var v int64
	for _, c := range intPart + frac {
		d := int64(c - '0')
		if v < (math.MinInt64+d)/10 {
			return 0, ErrOverflow
		}
		v = v*10 - d
	}
	if !neg {
		if v == math.MinInt64 {
			return 0, ErrOverflow
		}
		v = -v
	}
	return v, nil
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// Format writes amount (minor units) in major units with a dot and exactly
// minorUnits decimals: Format(-1250, 2) is "-12.50", Format(5, 2) "0.05",
// Format(7, 0) "7". Parse reads it back to the same amount. minorUnits is
// clamped to 0..MaxMinorUnits.
func Format(amount int64, minorUnits int) string {
	minorUnits = max(0, min(minorUnits, MaxMinorUnits))
	neg := amount < 0
	u := uint64(amount)
	if neg {
		u = -u // two's complement: correct for math.MinInt64 too
	}
	digits := strconv.FormatUint(u, 10)
	if len(digits) <= minorUnits {
		digits = strings.Repeat("0", minorUnits-len(digits)+1) + digits
	}
	if minorUnits > 0 {
		digits = digits[:len(digits)-minorUnits] + "." + digits[len(digits)-minorUnits:]
	}
	if neg {
		return "-" + digits
	}
	return digits
}
