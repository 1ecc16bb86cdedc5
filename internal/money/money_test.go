package money

import (
	"errors"
	"math"
	"math/big"
	"strconv"
	"testing"

	"oms/internal/errs"
)

func TestParse(t *testing.T) {
	for _, tc := range []struct {
		name  string
		in    string
		minor int
		want  int64
		ok    bool
	}{
		{"TwoDecimals", "12.50", 2, 1250, true},
		{"OneDecimal", "12.5", 2, 1250, true},
		{"NoDecimals", "12", 2, 1200, true},
		{"Negative", "-3", 2, -300, true},
		{"NegativeFraction", "-0.05", 2, -5, true},
		{"LeadingZeroes", "007.10", 2, 710, true},
		{"Zero", "0", 2, 0, true},
		{"NegativeZero", "-0.00", 2, 0, true},
		{"Spaces", "  4.20 ", 2, 420, true},
		{"ZeroMinorUnits", "1234", 0, 1234, true},
		{"ThreeMinorUnits", "1.234", 3, 1234, true},
		{"MaxInt64", "92233720368547758.07", 2, math.MaxInt64, true},
		{"MinInt64", "-92233720368547758.08", 2, math.MinInt64, true},
		{"Empty", "", 2, 0, false},
		{"Blank", "   ", 2, 0, false},
		{"Comma", "1,5", 2, 0, false},
		{"ThousandsSeparator", "1,000.00", 2, 0, false},
		{"TooManyDecimals", "12.345", 2, 0, false},
		{"DecimalsForZeroUnitCurrency", "12.5", 0, 0, false},
		{"Overflow", "92233720368547758.08", 2, 0, false},
		{"NegativeOverflow", "-92233720368547758.09", 2, 0, false},
		{"HugeOverflow", "99999999999999999999999999", 2, 0, false},
		{"LeadingPlus", "+5", 2, 0, false},
		{"OnlyDot", ".", 2, 0, false},
		{"NoIntegerPart", ".5", 2, 0, false},
		{"TrailingDot", "5.", 2, 0, false},
		{"OnlyMinus", "-", 2, 0, false},
		{"DoubleMinus", "--5", 2, 0, false},
		{"Exponent", "1e3", 2, 0, false},
		{"Letters", "abc", 2, 0, false},
		{"InnerSpace", "1 000", 2, 0, false},
		{"TwoDots", "1.2.3", 2, 0, false},
		{"UnicodeDigits", "١٢", 2, 0, false},
		{"BadMinorUnits", "1", 7, 0, false},
		{"NegativeMinorUnits", "1", -1, 0, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := Parse(tc.in, tc.minor)
			if !tc.ok {
				if errs.Code(err) != errs.EINVALID || errs.Message(err) == "" {
					t.Fatalf("Parse(%q, %d) = %d, %v; want EINVALID", tc.in, tc.minor, got, err)
				}
				return
			}
			if err != nil || got != tc.want {
				t.Fatalf("Parse(%q, %d) = %d, %v; want %d", tc.in, tc.minor, got, err, tc.want)
			}
		})
	}
}

func TestParse_OverflowIsErrOverflow(t *testing.T) {
	if _, err := Parse("92233720368547758.08", 2); !errors.Is(err, ErrOverflow) {
		t.Fatalf("err = %v, want ErrOverflow", err)
	}
}

func TestFormat(t *testing.T) {
	for _, tc := range []struct {
		amount int64
		minor  int
		want   string
	}{
		{1250, 2, "12.50"},
		{-1250, 2, "-12.50"},
		{5, 2, "0.05"},
		{-5, 2, "-0.05"},
		{0, 2, "0.00"},
		{0, 0, "0"},
		{7, 0, "7"},
		{-7, 0, "-7"},
		{1234, 3, "1.234"},
		{1, 6, "0.000001"},
		{math.MaxInt64, 2, "92233720368547758.07"},
		{math.MinInt64, 2, "-92233720368547758.08"},
		{math.MinInt64, 0, "-9223372036854775808"},
		{1250, 9, "0.001250"}, // clamped to MaxMinorUnits
	} {
		t.Run(tc.want, func(t *testing.T) {
			if got := Format(tc.amount, tc.minor); got != tc.want {
				t.Fatalf("Format(%d, %d) = %q, want %q", tc.amount, tc.minor, got, tc.want)
			}
		})
	}
}

// ref computes a * b / d rounded half away from zero with exact rationals.
func ref(a, b, d int64) (int64, bool) {
	r := new(big.Rat).SetFrac(new(big.Int).Mul(big.NewInt(a), big.NewInt(b)), big.NewInt(d))
	num, den := new(big.Int).Abs(r.Num()), r.Denom()
	q, m := new(big.Int).QuoRem(num, den, new(big.Int))
	if new(big.Int).Mul(m, big.NewInt(2)).Cmp(den) >= 0 {
		q.Add(q, big.NewInt(1))
	}
	if r.Sign() < 0 {
		q.Neg(q)
	}
	return q.Int64(), q.IsInt64()
}

func TestApplyRate(t *testing.T) {
	for _, tc := range []struct {
		name        string
		amount, bps int64
		want        int64
	}{
		{"NineteenPercent", 1999, 1900, 380}, // 379.81
		{"HalfRoundsUp", 50, 1000, 5},        // 5.0
		{"ExactHalf", 25, 2000, 5},           // 5.0
		{"HalfAwayFromZero", 5, 5000, 3},     // 2.5 -> 3
		{"NegativeHalf", -5, 5000, -3},       // -2.5 -> -3
		{"NegativeRate", 5, -5000, -3},       // -2.5 -> -3
		{"BelowHalf", 1, 4999, 0},            // 0.4999
		{"Zero", 0, 1900, 0},                 // 0
		{"FullRate", 12345, 10000, 12345},    // 100 %
		{"MaxAmount", math.MaxInt64, 10000, math.MaxInt64},
		{"MinAmount", math.MinInt64, 10000, math.MinInt64},
		{"MaxAmountHalfRate", math.MaxInt64, 5000, 4611686018427387904}, // .5 rounds up
		{"SevenPercentOfCent", 7, 700, 0},                               // 0.049
		{"TwentyPercent", 833, 2000, 167},                               // 166.6
		{"NegativeAmount", -1999, 1900, -380},                           // -379.81
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := ApplyRate(tc.amount, tc.bps); got != tc.want {
				t.Fatalf("ApplyRate(%d, %d) = %d, want %d", tc.amount, tc.bps, got, tc.want)
			}
			if want, _ := ref(tc.amount, tc.bps, BpsPerUnit); want != tc.want {
				t.Fatalf("reference disagrees: %d", want)
			}
		})
	}
}

func TestApplyRate_PanicsOutOfRange(t *testing.T) {
	for _, tc := range []struct {
		name        string
		amount, bps int64
	}{
		{"RateTooHigh", 1, 10001},
		{"RateTooLow", 1, -10001},
		{"MinInt64Negated", math.MinInt64, -10000},
	} {
		t.Run(tc.name, func(t *testing.T) {
			defer func() {
				if recover() == nil {
					t.Fatal("no panic")
				}
			}()
			ApplyRate(tc.amount, tc.bps)
		})
	}
}

func TestApplyRateChecked_Overflow(t *testing.T) {
	if _, err := ApplyRateChecked(math.MaxInt64, 20000); !errors.Is(err, ErrOverflow) {
		t.Fatalf("err = %v, want ErrOverflow", err)
	}
	if v, err := ApplyRateChecked(1000, 25000); err != nil || v != 2500 {
		t.Fatalf("250 %% of 1000 = %d, %v", v, err)
	}
}

func TestDiscounted(t *testing.T) {
	for _, tc := range []struct {
		name        string
		amount, bps int64
		want        int64
		err         error
	}{
		{"TenPercent", 999, 1000, 899, nil}, // discount 99.9 -> 100
		{"NoDiscount", 999, 0, 999, nil},
		{"Free", 999, 10000, 0, nil},
		{"Negative", -999, 1000, -899, nil},
		{"RateTooHigh", 999, 10001, 0, ErrRate},
		{"NegativeRate", 999, -1, 0, ErrRate},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := Discounted(tc.amount, tc.bps)
			if got != tc.want || !errors.Is(err, tc.err) {
				t.Fatalf("Discounted(%d, %d) = %d, %v; want %d, %v", tc.amount, tc.bps, got, err, tc.want, tc.err)
			}
		})
	}
}

func TestTaxIncludedAndExcluded(t *testing.T) {
	for _, tc := range []struct {
		name                 string
		gross, bps, net, tax int64
		err                  error
	}{
		{"NineteenPercent", 11900, 1900, 10000, 1900, nil},
		{"Rounded", 1999, 1900, 1680, 319, nil}, // 319.17
		{"SevenPercent", 107, 700, 100, 7, nil},
		{"ZeroRate", 500, 0, 500, 0, nil},
		{"HalfAwayFromZero", 3, 5000, 2, 1, nil}, // tax 1.0: 3 * 5000 / 15000
		{"Negative", -11900, 1900, -10000, -1900, nil},
		{"MaxAmount", math.MaxInt64, 10000, 4611686018427387903, 4611686018427387904, nil},
		{"RateTooHigh", 100, 10001, 0, 0, ErrRate},
		{"NegativeRate", 100, -5, 0, 0, ErrRate},
	} {
		t.Run(tc.name, func(t *testing.T) {
			net, tax, err := TaxIncluded(tc.gross, tc.bps)
			if net != tc.net || tax != tc.tax || !errors.Is(err, tc.err) {
				t.Fatalf("TaxIncluded(%d, %d) = %d, %d, %v; want %d, %d, %v", tc.gross, tc.bps, net, tax, err, tc.net, tc.tax, tc.err)
			}
			if err == nil && net+tax != tc.gross {
				t.Fatalf("net + tax = %d, want %d", net+tax, tc.gross)
			}
		})
	}
	for _, tc := range []struct {
		name                 string
		net, bps, gross, tax int64
		err                  error
	}{
		{"NineteenPercent", 10000, 1900, 11900, 1900, nil},
		{"Rounded", 1680, 1900, 1999, 319, nil}, // 319.2
		{"Half", 50, 500, 53, 3, nil},           // 2.5 -> 3
		{"Negative", -50, 500, -53, -3, nil},
		{"Overflow", math.MaxInt64, 100, 0, 0, ErrOverflow},
		{"NegativeOverflow", math.MinInt64, 100, 0, 0, ErrOverflow},
		{"RateTooHigh", 100, 20000, 0, 0, ErrRate},
	} {
		t.Run("Excluded"+tc.name, func(t *testing.T) {
			gross, tax, err := TaxExcluded(tc.net, tc.bps)
			if gross != tc.gross || tax != tc.tax || !errors.Is(err, tc.err) {
				t.Fatalf("TaxExcluded(%d, %d) = %d, %d, %v; want %d, %d, %v", tc.net, tc.bps, gross, tax, err, tc.gross, tc.tax, tc.err)
			}
		})
	}
}

func TestMulAndAdd(t *testing.T) {
	for _, tc := range []struct {
		name string
		a, b int64
		want int64
		err  error
	}{
		{"Line", 1999, 3, 5997, nil},
		{"NegativeQty", 1999, -3, -5997, nil},
		{"Zero", math.MaxInt64, 0, 0, nil},
		{"Max", math.MaxInt64, 1, math.MaxInt64, nil},
		{"Min", math.MinInt64, 1, math.MinInt64, nil},
		{"MinNegated", math.MinInt64, -1, 0, ErrOverflow},
		{"Overflow", 1 << 40, 1 << 30, 0, ErrOverflow},
		{"NegativeOverflow", -(1 << 40), 1 << 30, 0, ErrOverflow},
	} {
		t.Run("Mul"+tc.name, func(t *testing.T) {
			got, err := Mul(tc.a, tc.b)
			if got != tc.want || !errors.Is(err, tc.err) {
				t.Fatalf("Mul(%d, %d) = %d, %v; want %d, %v", tc.a, tc.b, got, err, tc.want, tc.err)
			}
		})
	}
	for _, tc := range []struct {
		name string
		in   []int64
		want int64
		err  error
	}{
		{"None", nil, 0, nil},
		{"Some", []int64{100, -30, 5}, 75, nil},
		{"Max", []int64{math.MaxInt64 - 1, 1}, math.MaxInt64, nil},
		{"Overflow", []int64{math.MaxInt64, 1}, 0, ErrOverflow},
		{"NegativeOverflow", []int64{math.MinInt64, -1}, 0, ErrOverflow},
	} {
		t.Run("Add"+tc.name, func(t *testing.T) {
			got, err := Add(tc.in...)
			if got != tc.want || !errors.Is(err, tc.err) {
				t.Fatalf("Add(%v) = %d, %v; want %d, %v", tc.in, got, err, tc.want, tc.err)
			}
		})
	}
}

// FuzzParse checks that whatever Parse accepts, Format writes back in a form
// Parse reads to the same amount, and that Parse agrees with an independent
// reading by strconv when the text is plain.
func FuzzParse(f *testing.F) {
	for _, s := range []string{"12.50", "-3", "0", "0.05", "-0.05", "1,5", "12.345", "", "92233720368547758.07",
		"-92233720368547758.08", "92233720368547758.08", "007", ".5", "5.", "+1", "1e3", " 1.2 ", "١"} {
		for _, m := range []int{0, 2, 3} {
			f.Add(s, m)
		}
	}
	f.Fuzz(func(t *testing.T, s string, minor int) {
		minor = ((minor % (MaxMinorUnits + 1)) + MaxMinorUnits + 1) % (MaxMinorUnits + 1)
		v, err := Parse(s, minor)
		if err != nil {
			if errs.Code(err) != errs.EINVALID {
				t.Fatalf("Parse(%q, %d): error %v is not EINVALID", s, minor, err)
			}
			return
		}
		out := Format(v, minor)
		back, err := Parse(out, minor)
		if err != nil || back != v {
			t.Fatalf("Parse(%q, %d) = %d, Format = %q, Parse again = %d, %v", s, minor, v, out, back, err)
		}
		// Independent check: the digits without the dot, read by strconv.
		digits := ""
		for _, c := range out {
			if c != '.' {
				digits += string(c)
			}
		}
		if w, err := strconv.ParseInt(digits, 10, 64); err != nil || w != v {
			t.Fatalf("Format(%d, %d) = %q, strconv reads %d, %v", v, minor, out, w, err)
		}
	})
}

// FuzzFormat checks that every amount formats to text Parse reads back.
func FuzzFormat(f *testing.F) {
	for _, v := range []int64{0, 1, -1, 1250, -1250, math.MaxInt64, math.MinInt64} {
		f.Add(v, 2)
	}
	f.Fuzz(func(t *testing.T, v int64, minor int) {
		minor = ((minor % (MaxMinorUnits + 1)) + MaxMinorUnits + 1) % (MaxMinorUnits + 1)
		s := Format(v, minor)
		back, err := Parse(s, minor)
		if err != nil || back != v {
			t.Fatalf("Format(%d, %d) = %q, Parse = %d, %v", v, minor, s, back, err)
		}
	})
}

// FuzzMulDivRound checks the 128-bit rounding against exact rationals.
func FuzzMulDivRound(f *testing.F) {
	f.Add(int64(1999), int64(1900), int64(10000))
	f.Add(int64(math.MaxInt64), int64(math.MaxInt64), int64(3))
	f.Add(int64(math.MinInt64), int64(1), int64(1))
	f.Add(int64(-5), int64(5000), int64(10000))
	f.Fuzz(func(t *testing.T, a, b, d int64) {
		if d <= 0 {
			return
		}
		got, err := mulDivRound(a, b, d)
		want, fits := ref(a, b, d)
		if !fits {
			if !errors.Is(err, ErrOverflow) {
				t.Fatalf("mulDivRound(%d, %d, %d) = %d, %v; want ErrOverflow", a, b, d, got, err)
			}
			return
		}
		if err != nil || got != want {
			t.Fatalf("mulDivRound(%d, %d, %d) = %d, %v; want %d", a, b, d, got, err, want)
		}
	})
}
