package order

import (
	"math"
	"math/rand/v2"
	"testing"

	"oms/internal/errs"
)

func TestComputeTotals(t *testing.T) {
	type want struct{ subtotal, discount, net, tax, total int64 }
	for _, tc := range []struct {
		name  string
		in    TotalsInput
		want  want
		lines []LineTotals
	}{
		{"ExcludedTax", TotalsInput{Lines: []PriceLine{{UnitPrice: 1999, Quantity: 3, TaxRateBps: 1900}}},
			// 59.97 x 19 % = 11.3943 -> 11.39
			want{5997, 0, 5997, 1139, 7136}, []LineTotals{{5997, 0, 5997, 1139, 7136}}},
		{"IncludedTax", TotalsInput{PricesIncludeTax: true, Lines: []PriceLine{{UnitPrice: 1190, Quantity: 2, TaxRateBps: 1900}}},
			// 23.80 x 19/119 = 3.80 exactly
			want{2380, 0, 2000, 380, 2380}, []LineTotals{{2380, 0, 2000, 380, 2380}}},
		{"IncludedTaxRoundsHalfUp", TotalsInput{PricesIncludeTax: true, Lines: []PriceLine{{UnitPrice: 999, Quantity: 1, TaxRateBps: 1900}}},
			// 9.99 x 19/119 = 1.59504 -> 1.60; net is the rest
			want{999, 0, 839, 160, 999}, []LineTotals{{999, 0, 839, 160, 999}}},
		{"LineThenOrderDiscount", TotalsInput{DiscountBps: 500, Lines: []PriceLine{{UnitPrice: 999, Quantity: 1, DiscountBps: 1000, TaxRateBps: 1900}}},
			// 9.99 - 10 % (0.999 -> 1.00) = 8.99; - 5 % (0.4495 -> 0.45) = 8.54; tax 1.6226 -> 1.62
			want{999, 145, 854, 162, 1016}, []LineTotals{{999, 145, 854, 162, 1016}}},
		{"TwoRatesAndShipping", TotalsInput{Shipping: 495, Lines: []PriceLine{
			{UnitPrice: 1000, Quantity: 1, TaxRateBps: 1900}, // tax 1.90
			{UnitPrice: 333, Quantity: 3, TaxRateBps: 700},   // 9.99 x 7 % = 0.6993 -> 0.70
		}}, // shipping is taxed at the highest line rate: 4.95 x 19 % = 0.9405 -> 0.94
			want{1999, 0, 2494, 354, 2848}, []LineTotals{{1000, 0, 1000, 190, 1190}, {999, 0, 999, 70, 1069}}},
		{"ShippingIncludedTax", TotalsInput{PricesIncludeTax: true, Shipping: 595, Lines: []PriceLine{{UnitPrice: 1190, Quantity: 1, TaxRateBps: 1900}}},
			// 5.95 x 19/119 = 0.95
			want{1190, 0, 1500, 285, 1785}, nil},
		{"TaxPerRateOnTheTotal", TotalsInput{TaxMode: TaxPerRate, Lines: []PriceLine{
			{UnitPrice: 3, Quantity: 1, TaxRateBps: 1900}, {UnitPrice: 3, Quantity: 1, TaxRateBps: 1900}, {UnitPrice: 3, Quantity: 1, TaxRateBps: 1900},
		}}, want{9, 0, 9, 2, 11}, []LineTotals{{3, 0, 3, 1, 4}, {3, 0, 3, 1, 4}, {3, 0, 3, 0, 3}}}, // 0.0171 -> 0.02, spread 1, 1, 0
		{"TaxPerRateTwoRatesWithShipping", TotalsInput{TaxMode: TaxPerRate, Shipping: 500, Lines: []PriceLine{
			{UnitPrice: 1000, Quantity: 1, TaxRateBps: 1900}, {UnitPrice: 333, Quantity: 3, TaxRateBps: 700},
		}}, // 19 %: (10.00 + 5.00) -> 2.85; 7 %: 9.99 -> 0.70
			want{1999, 0, 2499, 355, 2854}, []LineTotals{{1000, 0, 1000, 190, 1190}, {999, 0, 999, 70, 1069}}},
		{"DiscountAmount", TotalsInput{Lines: []PriceLine{{UnitPrice: 1000, Quantity: 2, DiscountBps: 1000, DiscountAmount: 300, TaxRateBps: 1900}}},
			// 20.00 - 10 % = 18.00 - 3.00 = 15.00; tax 2.85
			want{2000, 500, 1500, 285, 1785}, nil},
		{"DiscountAmountWholeLine", TotalsInput{Lines: []PriceLine{{UnitPrice: 1000, Quantity: 1, DiscountAmount: 1000, TaxRateBps: 1900}}},
			want{1000, 1000, 0, 0, 0}, nil},
		{"TaxPerLineThenSummed", TotalsInput{Lines: []PriceLine{
			{UnitPrice: 3, Quantity: 1, TaxRateBps: 1900}, {UnitPrice: 3, Quantity: 1, TaxRateBps: 1900}, {UnitPrice: 3, Quantity: 1, TaxRateBps: 1900},
		}}, want{9, 0, 9, 3, 12}, nil}, // 0.0057 -> 0.01 each; on the total it would be 0.0171 -> 0.02
		{"FullDiscount", TotalsInput{Lines: []PriceLine{{UnitPrice: 500, Quantity: 2, DiscountBps: 10000, TaxRateBps: 1900}}},
			want{1000, 1000, 0, 0, 0}, nil},
		{"ZeroRate", TotalsInput{Lines: []PriceLine{{UnitPrice: 250, Quantity: 4}}}, want{1000, 0, 1000, 0, 1000}, nil},
		{"NoLinesOnlyShipping", TotalsInput{Shipping: 495}, want{0, 0, 495, 0, 495}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := ComputeTotals(tc.in)
			if err != nil {
				t.Fatal(err)
			}
			g := want{got.Subtotal, got.Discount, got.Net, got.Tax, got.Total}
			if g != tc.want {
				t.Fatalf("totals = %+v, want %+v", g, tc.want)
			}
			for i, l := range tc.lines {
				if got.Lines[i] != l {
					t.Fatalf("line %d = %+v, want %+v", i, got.Lines[i], l)
				}
			}
			for _, l := range got.Lines {
				if l.Net+l.Tax != l.Gross || l.Amount-l.Discount != map[bool]int64{true: l.Gross, false: l.Net}[tc.in.PricesIncludeTax] {
					t.Fatalf("line does not add up: %+v", l)
				}
			}
		})
	}
}

func TestComputeTotals_BadInput(t *testing.T) {
	line := func(price, qty, disc, rate int64) []PriceLine {
		return []PriceLine{{UnitPrice: price, Quantity: qty, DiscountBps: disc, TaxRateBps: rate}}
	}
	for _, tc := range []struct {
		name  string
		in    TotalsInput
		field string
	}{
		{"LineDiscountOver100", TotalsInput{Lines: line(100, 1, 10001, 0)}, "lines[0].discountBps"},
		{"NegativeLineDiscount", TotalsInput{Lines: line(100, 1, -1, 0)}, "lines[0].discountBps"},
		{"OrderDiscountOver100", TotalsInput{DiscountBps: 10001, Lines: line(100, 1, 0, 0)}, "discountBps"},
		{"NegativeOrderDiscount", TotalsInput{DiscountBps: -1}, "discountBps"},
		{"ZeroQuantity", TotalsInput{Lines: line(100, 0, 0, 0)}, "lines[0].quantity"},
		{"NegativeQuantity", TotalsInput{Lines: line(100, -2, 0, 0)}, "lines[0].quantity"},
		{"HugeQuantity", TotalsInput{Lines: line(100, MaxQuantity+1, 0, 0)}, "lines[0].quantity"},
		{"NegativePrice", TotalsInput{Lines: line(-1, 1, 0, 0)}, "lines[0].unitPrice"},
		{"TaxRateOver100", TotalsInput{Lines: line(100, 1, 0, 10001)}, "lines[0].taxRateBps"},
		{"NegativeShipping", TotalsInput{Shipping: -1}, "shipping"},
		{"DiscountOverLine", TotalsInput{Lines: []PriceLine{{UnitPrice: 100, Quantity: 1, DiscountAmount: 101}}}, "lines[0].discountAmount"},
		{"DiscountOverLineAfterPercent", TotalsInput{Lines: []PriceLine{{UnitPrice: 100, Quantity: 1, DiscountBps: 5000, DiscountAmount: 51}}}, "lines[0].discountAmount"},
		{"NegativeDiscountAmount", TotalsInput{Lines: []PriceLine{{UnitPrice: 100, Quantity: 1, DiscountAmount: -1}}}, "lines[0].discountAmount"},
		{"UnknownTaxMode", TotalsInput{TaxMode: "sometimes"}, "taxMode"},
		{"LineOverflow", TotalsInput{Lines: line(math.MaxInt64, 2, 0, 0)}, "lines[0]"},
		{"TaxOverflow", TotalsInput{Lines: line(math.MaxInt64, 1, 0, 1900)}, "lines[0]"},
		{"SumOverflow", TotalsInput{Lines: append(line(math.MaxInt64/2+1, 1, 0, 0), line(math.MaxInt64/2+1, 1, 0, 0)...)}, "lines[1]"},
		{"ShippingOverflow", TotalsInput{Shipping: 1, Lines: line(math.MaxInt64, 1, 0, 0)}, "shipping"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := ComputeTotals(tc.in)
			if errs.Code(err) != errs.EINVALID || errs.Field(err) != tc.field || errs.Message(err) == "" {
				t.Fatalf("ComputeTotals = %+v, %v; want EINVALID on %q", got, err, tc.field)
			}
		})
	}
}

// TestComputeTotals_Invariants checks, over many random orders in both tax
// modes, that lines and shipping add up to the order exactly, that the rate
// breakdown adds up to the same totals, and that per-rate tax is the tax of
// each rate's sum.
func TestComputeTotals_Invariants(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 11))
	rates := []int64{0, 700, 1900, 2100}
	for i := range 2000 {
		in := TotalsInput{PricesIncludeTax: rng.IntN(2) == 0, DiscountBps: int64(rng.IntN(3)) * 500,
			Shipping: int64(rng.IntN(3)) * 495, TaxMode: []TaxMode{TaxPerLine, TaxPerRate}[rng.IntN(2)]}
		for range 1 + rng.IntN(8) {
			in.Lines = append(in.Lines, PriceLine{UnitPrice: int64(rng.IntN(5000)), Quantity: int64(1 + rng.IntN(20)),
				DiscountBps: int64(rng.IntN(2)) * 1000, TaxRateBps: rates[rng.IntN(len(rates))]})
		}
		got, err := ComputeTotals(in)
		if err != nil {
			t.Fatalf("case %d: %v", i, err)
		}
		var net, tax, gross int64
		for _, l := range got.Lines {
			if l.Net+l.Tax != l.Gross || l.Tax < 0 {
				t.Fatalf("case %d: line does not add up: %+v", i, l)
			}
			net, tax, gross = net+l.Net, tax+l.Tax, gross+l.Gross
		}
		if net+got.Shipping-got.ShippingTax != got.Net || tax+got.ShippingTax != got.Tax || gross+got.Shipping != got.Total {
			t.Fatalf("case %d: lines and shipping do not add up to %+v", i, got)
		}
		var rnet, rtax, rgross int64
		for _, r := range got.Rates {
			rnet, rtax, rgross = rnet+r.Net, rtax+r.Tax, rgross+r.Gross
			if in.TaxMode == TaxPerRate {
				base := map[bool]int64{true: r.Gross, false: r.Net}[in.PricesIncludeTax]
				if want, _ := taxOf(base, r.RateBps, in.PricesIncludeTax); want != r.Tax {
					t.Fatalf("case %d: rate %d tax %d, want %d", i, r.RateBps, r.Tax, want)
				}
			}
		}
		if rnet != got.Net || rtax != got.Tax || rgross != got.Total {
			t.Fatalf("case %d: rates %+v do not add up to %+v", i, got.Rates, got)
		}
	}
}
