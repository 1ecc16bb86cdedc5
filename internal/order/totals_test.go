package order

import (
	"math"
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
		}}, want{1999, 0, 1999, 260, 2754}, []LineTotals{{1000, 0, 1000, 190, 1190}, {999, 0, 999, 70, 1069}}},
		{"TaxPerLineThenSummed", TotalsInput{Lines: []PriceLine{
			{UnitPrice: 3, Quantity: 1, TaxRateBps: 1900}, {UnitPrice: 3, Quantity: 1, TaxRateBps: 1900}, {UnitPrice: 3, Quantity: 1, TaxRateBps: 1900},
		}}, want{9, 0, 9, 3, 12}, nil}, // 0.0057 -> 0.01 each; on the total it would be 0.0171 -> 0.02
		{"FullDiscount", TotalsInput{Lines: []PriceLine{{UnitPrice: 500, Quantity: 2, DiscountBps: 10000, TaxRateBps: 1900}}},
			want{1000, 1000, 0, 0, 0}, nil},
		{"ZeroRate", TotalsInput{Lines: []PriceLine{{UnitPrice: 250, Quantity: 4}}}, want{1000, 0, 1000, 0, 1000}, nil},
		{"NoLinesOnlyShipping", TotalsInput{Shipping: 495}, want{0, 0, 0, 0, 495}, nil},
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
