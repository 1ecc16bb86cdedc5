package money

import (
	"math"
	"math/bits"

	"oms/internal/errs"
)

// BpsPerUnit is how many basis points make 100 %.
const BpsPerUnit = 10000

// MaxRateBps is the largest rate ApplyRate, Discounted and the tax helpers
// accept in magnitude: 100 %. Within it a rate never makes an amount grow
// beyond itself, so ApplyRate cannot overflow.
const MaxRateBps = BpsPerUnit

// ErrRate is returned for a rate outside what a helper accepts. It is an
// EINVALID error without a field: callers name the field.
var ErrRate = &errs.Error{Code: errs.EINVALID, Message: "The rate must be between 0 and 100 %."}

// ApplyRate returns amount * bps / 10000 rounded half away from zero: the
// tax at a rate, or the discount at a percentage (ApplyRate(1999, 1900) is
// 380, 19 % of 19.99 = 3.7981). |bps| must be at most MaxRateBps; beyond
// that, or for the one amount whose negation overflows (math.MinInt64 with a
// negative rate), it panics, as that is a programming error: callers
// validate rates first. Use ApplyRateChecked for unvalidated rates.
func ApplyRate(amount, bps int64) int64 {
	if bps < -MaxRateBps || bps > MaxRateBps {
		panic("money.ApplyRate: rate out of range")
	}
	v, err := ApplyRateChecked(amount, bps)
	if err != nil {
		panic("money.ApplyRate: " + err.Error())
	}
	return v
}

// ApplyRateChecked is ApplyRate for any rate: it returns ErrOverflow when
// the result does not fit in an int64 instead of panicking.
func ApplyRateChecked(amount, bps int64) (int64, error) {
	return mulDivRound(amount, bps, BpsPerUnit)
}

// Discounted returns amount less bps of it, the discount rounded half away
// from zero (Discounted(999, 1000) is 899: 10 % of 9.99 is 0.999, rounded to
// 1.00). ErrRate unless 0 <= bps <= MaxRateBps.
func Discounted(amount, bps int64) (int64, error) {
	if bps < 0 || bps > MaxRateBps {
		return 0, ErrRate
	}
	d, err := ApplyRateChecked(amount, bps)
	if err != nil {
		return 0, err
	}
	return amount - d, nil // same sign, |d| <= |amount|: cannot overflow
}

// TaxIncluded splits a gross amount whose price includes tax at bps into
// net and tax: tax = gross * bps / (10000 + bps) rounded half away from
// zero, net = gross - tax, so net + tax is always exactly gross. ErrRate
// unless 0 <= bps <= MaxRateBps.
func TaxIncluded(gross, bps int64) (net, tax int64, err error) {
	if bps < 0 || bps > MaxRateBps {
		return 0, 0, ErrRate
	}
	if tax, err = mulDivRound(gross, bps, BpsPerUnit+bps); err != nil {
		return 0, 0, err
	}
	return gross - tax, tax, nil // |tax| <= |gross| / 2, same sign
}

// TaxExcluded adds tax at bps to a net amount: tax = ApplyRate(net, bps),
// gross = net + tax. ErrRate unless 0 <= bps <= MaxRateBps; ErrOverflow
// when gross does not fit in an int64.
func TaxExcluded(net, bps int64) (gross, tax int64, err error) {
	if bps < 0 || bps > MaxRateBps {
		return 0, 0, ErrRate
	}
	if tax, err = ApplyRateChecked(net, bps); err != nil {
		return 0, 0, err
	}
	if gross, err = Add(net, tax); err != nil {
		return 0, 0, err
	}
	return gross, tax, nil
}

// Mul returns amount * qty (a line total), or ErrOverflow.
func Mul(amount, qty int64) (int64, error) {
	return mulDivRound(amount, qty, 1)
}

// Add returns the sum of amounts, or ErrOverflow if it (or any partial sum)
// does not fit in an int64.
func Add(amounts ...int64) (int64, error) {
	var sum int64
	for _, a := range amounts {
		s := sum + a
		if (a > 0 && s < sum) || (a < 0 && s > sum) {
			return 0, ErrOverflow
		}
		sum = s
	}
	return sum, nil
}

// mulDivRound returns a * b / d rounded half away from zero, for d > 0,
// computed exactly in 128 bits; ErrOverflow if the result does not fit.
func mulDivRound(a, b, d int64) (int64, error) {
	if d <= 0 {
		panic("money: non-positive divisor")
	}
	neg := (a < 0) != (b < 0)
	hi, lo := bits.Mul64(abs(a), abs(b))
	ud := uint64(d)
	if hi >= ud {
		return 0, ErrOverflow // the quotient needs more than 64 bits
	}
	q, r := bits.Div64(hi, lo, ud)
	if r >= ud-r { // r/d >= 1/2: round the magnitude up
		if q == math.MaxUint64 {
			return 0, ErrOverflow
		}
		q++
	}
	switch {
	case q == 0:
		return 0, nil
	case neg && q <= 1<<63:
		return int64(-q), nil // two's complement: -(1<<63) is math.MinInt64
	case !neg && q <= math.MaxInt64:
		return int64(q), nil
	}
	return 0, ErrOverflow
}

// abs returns |v| as a uint64, exact for math.MinInt64 too.
func abs(v int64) uint64 {
	if v < 0 {
		return -uint64(v)
	}
	return uint64(v)
}
