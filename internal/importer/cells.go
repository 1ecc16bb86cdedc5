package importer

import (
	"math"
	"strconv"
	"strings"

	"oms/internal/catalog"
	"oms/internal/errs"
	"oms/internal/money"
)

// xlsxNumber undoes how a workbook stores numbers: as binary floating point
// written with up to 17 digits ("12.300000000000001") or with an exponent
// ("1E-3"). Excel shows 15 significant digits, so the number is rounded to
// those and written plainly ("12.3", "0.001"). Anything that is not such a
// number is returned as it is, and text columns are never passed here.
func xlsxNumber(s string) string {
	if !strings.ContainsAny(s, "eE") && significantDigits(s) <= 15 {
		return s
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsInf(f, 0) || math.IsNaN(f) {
		return s
	}
	f, err = strconv.ParseFloat(strconv.FormatFloat(f, 'g', 15, 64), 64)
	if err != nil {
		return s
	}
	return strconv.FormatFloat(f, 'f', -1, 64)
}

func significantDigits(s string) int {
	n := 0
	lead := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			continue
		}
		if lead && c == '0' {
			continue
		}
		lead = false
		n++
	}
	return n
}

// number returns the cell of a numeric column, read leniently from a workbook.
func (r *row) number(col string) string {
	s := r.text(col)
	if r.j.xlsx {
		s = xlsxNumber(s)
	}
	return s
}

// amount reads an amount in major units ("12.50") as minor units of the
// company currency, from 0 to catalog.MaxPrice. An empty cell is def when ok is true (optional), a
// problem otherwise. It returns false after recording a problem.
func (r *row) amount(col, label string, def int64, optional bool) (int64, bool) {
	s := r.number(col)
	if s == "" {
		if optional {
			return def, true
		}
		r.fail(col, "Enter the "+label+", like 12.50.")
		return 0, false
	}
	v, err := money.Parse(s, r.j.minorUnits)
	if err != nil {
		r.fail(col, errs.Message(err))
		return 0, false
	}
	if v < 0 {
		r.fail(col, "The "+label+" cannot be negative.")
		return 0, false
	}
	if v > catalog.MaxPrice {
		r.fail(col, "The "+label+" must be at most "+money.Format(catalog.MaxPrice, r.j.minorUnits)+".")
		return 0, false
	}
	return v, true
}

// integer reads a whole number; an empty cell is 0 unless required.
func (r *row) integer(col, label string, required bool) (int64, bool) {
	s := r.number(col)
	if s == "" {
		if required {
			r.fail(col, "Enter the "+label+".")
			return 0, false
		}
		return 0, true
	}
	v, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		if ne, ok := err.(*strconv.NumError); ok && ne.Err == strconv.ErrRange {
			r.fail(col, "The "+label+" is too large.")
		} else {
			r.fail(col, "The "+label+" must be a whole number, like 12.")
		}
		return 0, false
	}
	return v, true
}
