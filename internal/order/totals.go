package order

import (
	"errors"
	"fmt"
	"math/big"
	"slices"
	"sort"

	"oms/internal/errs"
	"oms/internal/money"
)

// MaxQuantity is the largest quantity of one line, in the product's unit.
const MaxQuantity = 1_000_000_000

// TaxMode says how an order's tax is computed.
type TaxMode string

// Tax modes, chosen in the catalog settings and kept on each order.
const (
	// TaxPerLine computes each line's tax, then sums them.
	TaxPerLine TaxMode = "line"
	// TaxPerRate sums the lines of each rate, computes the tax of each sum
	// once, and spreads it back over the lines.
	TaxPerRate TaxMode = "total"
)

// ParseTaxMode returns the mode named s ("" is TaxPerLine), or EINVALID on
// "taxMode".
func ParseTaxMode(s string) (TaxMode, error) {
	switch TaxMode(s) {
	case "", TaxPerLine:
		return TaxPerLine, nil
	case TaxPerRate:
		return TaxPerRate, nil
	}
	return "", errs.Invalid("taxMode", "The tax mode must be per line or per rate on the total.")
}

// PriceLine is what the totals of one line depend on.
type PriceLine struct {
	UnitPrice      int64 // minor units, gross or net as TotalsInput.PricesIncludeTax says
	Quantity       int64
	DiscountBps    int64 // the line's own discount, 0..10000
	DiscountAmount int64 // the line's own discount as an amount, after DiscountBps; at most what is left
	TaxRateBps     int64 // 0..10000
}

// TotalsInput is what an order's totals depend on.
type TotalsInput struct {
	Lines            []PriceLine
	DiscountBps      int64 // order discount, applied to every line after its own
	Shipping         int64 // the shipping charge, gross or net like the prices
	PricesIncludeTax bool
	TaxMode          TaxMode // "" is TaxPerLine
}

// LineTotals are the amounts of one line, in minor units.
type LineTotals struct {
	Amount   int64 `json:"amount"`   // unit price x quantity, before discounts, as priced
	Discount int64 `json:"discount"` // line and order discount together
	Net      int64 `json:"net"`
	Tax      int64 `json:"tax"`
	Gross    int64 `json:"gross"` // Net + Tax
}

// RateTotal is the tax of one rate over the order (lines and shipping),
// as an invoice shows it.
type RateTotal struct {
	RateBps int64 `json:"rateBps"`
	Net     int64 `json:"net"`
	Tax     int64 `json:"tax"`
	Gross   int64 `json:"gross"`
}

// Totals are the amounts of an order, in minor units.
type Totals struct {
	Lines       []LineTotals `json:"lines"`
	Subtotal    int64        `json:"subtotal"` // sum of line amounts before discounts
	Discount    int64        `json:"discount"`
	Net         int64        `json:"net"`         // lines and shipping
	Tax         int64        `json:"tax"`         // lines and shipping
	Shipping    int64        `json:"shipping"`    // the shipping charge with its tax
	ShippingTax int64        `json:"shippingTax"` // the tax in Shipping
	ShippingBps int64        `json:"shippingBps"` // the rate shipping is taxed at
	Total       int64        `json:"total"`       // sum of line gross plus Shipping
	Rates       []RateTotal  `json:"rates"`       // by rate, ascending
}

// ComputeTotals is the one place order amounts are computed. For each line:
//
//	amount = unit price x quantity                                (exact)
//	after  = Discounted(amount, line %) - line discount amount    (rounded half away from zero)
//	after  = Discounted(after, order %)
//	prices include tax: net, tax = TaxIncluded(after, rate)       (net + tax = after exactly)
//	prices exclude tax: gross, tax = TaxExcluded(after, rate)
//
// Shipping is taxed like the goods it carries: at the highest rate of the
// order's lines (0 without lines), gross or net like the prices.
//
// TaxPerLine (the default) computes each line's tax and sums them: three
// lines of 0.03 at 19 % carry 0.01 tax each, 0.03 in all. TaxPerRate sums
// the amounts of each rate (shipping included) and computes the tax of the
// sum once (0.02 for the same three lines), then spreads it over the lines
// in proportion to their amounts, largest remainders first, so the lines
// still add up to the order exactly. Every rounding is money's one rule,
// half away from zero; no step rounds twice.
//
// EINVALID on the field at fault ("lines[2].quantity", "discountBps",
// "shipping", "lines[0].discountAmount"): a quantity below 1 or above
// MaxQuantity, a negative price, a discount or tax rate outside 0..100 %, a
// discount amount below 0 or over the line, or an amount too large for int64.
func ComputeTotals(in TotalsInput) (*Totals, error) {
	if err := checkBps("discountBps", "discount", in.DiscountBps); err != nil {
		return nil, err
	}
	if in.Shipping < 0 {
		return nil, errs.Invalid("shipping", "The shipping charge cannot be negative.")
	}
	mode, err := ParseTaxMode(string(in.TaxMode))
	if err != nil {
		return nil, err
	}
	t := &Totals{Lines: make([]LineTotals, len(in.Lines)), Rates: []RateTotal{}}
	// after[i] is the line's amount after discounts; shipping is the last entry.
	after := make([]int64, len(in.Lines)+1)
	rates := make([]int64, len(in.Lines)+1)
	for i, l := range in.Lines {
		field := fmt.Sprintf("lines[%d]", i)
		a, amount, lerr := discounted(field, l, in.DiscountBps)
		if lerr != nil {
			return nil, lerr
		}
		after[i], rates[i] = a, l.TaxRateBps
		t.Lines[i] = LineTotals{Amount: amount, Discount: amount - a}
		t.ShippingBps = max(t.ShippingBps, l.TaxRateBps)
		if t.Subtotal, err = money.Add(t.Subtotal, amount); err != nil {
			return nil, tooLarge(field, err)
		}
		if t.Discount, err = money.Add(t.Discount, amount-a); err != nil {
			return nil, tooLarge(field, err)
		}
	}
	n := len(in.Lines)
	after[n], rates[n] = in.Shipping, t.ShippingBps
	taxes := make([]int64, n+1)
	if mode == TaxPerRate {
		err = taxPerRate(after, rates, in.PricesIncludeTax, taxes)
	} else {
		err = taxPerLine(after, rates, in.PricesIncludeTax, taxes)
	}
	if err != nil {
		return nil, err
	}
	for i := range after {
		net, gross := after[i], after[i]
		if in.PricesIncludeTax {
			net -= taxes[i]
		} else if gross, err = money.Add(net, taxes[i]); err != nil {
			return nil, tooLarge(totalsField(i, n), err)
		}
		if i < n {
			t.Lines[i].Net, t.Lines[i].Tax, t.Lines[i].Gross = net, taxes[i], gross
		} else {
			t.Shipping, t.ShippingTax = gross, taxes[i]
		}
		if t.Net, err = money.Add(t.Net, net); err != nil {
			return nil, tooLarge(totalsField(i, n), err)
		}
		if t.Tax, err = money.Add(t.Tax, taxes[i]); err != nil {
			return nil, tooLarge(totalsField(i, n), err)
		}
		if t.Total, err = money.Add(t.Total, gross); err != nil {
			return nil, tooLarge(totalsField(i, n), err)
		}
		if net == 0 && taxes[i] == 0 {
			continue
		}
		j := sort.Search(len(t.Rates), func(k int) bool { return t.Rates[k].RateBps >= rates[i] })
		if j == len(t.Rates) || t.Rates[j].RateBps != rates[i] {
			t.Rates = slices.Insert(t.Rates, j, RateTotal{RateBps: rates[i]})
		}
		r := &t.Rates[j]
		r.Net, r.Tax, r.Gross = r.Net+net, r.Tax+taxes[i], r.Gross+gross // bounded by the checked totals
	}
	return t, nil
}

func totalsField(i, lines int) string {
	if i == lines {
		return "shipping"
	}
	return fmt.Sprintf("lines[%d]", i)
}

// discounted returns a line's amount after its and the order's discounts,
// and its amount before them.
func discounted(field string, l PriceLine, orderBps int64) (after, amount int64, err error) {
	if err := checkQuantity(field+".quantity", l.Quantity); err != nil {
		return 0, 0, err
	}
	if l.UnitPrice < 0 {
		return 0, 0, errs.Invalid(field+".unitPrice", "The price cannot be negative.")
	}
	if err := checkBps(field+".discountBps", "discount", l.DiscountBps); err != nil {
		return 0, 0, err
	}
	if err := checkBps(field+".taxRateBps", "tax rate", l.TaxRateBps); err != nil {
		return 0, 0, err
	}
	if l.DiscountAmount < 0 {
		return 0, 0, errs.Invalid(field+".discountAmount", "The discount cannot be negative.")
	}
	if amount, err = money.Mul(l.UnitPrice, l.Quantity); err != nil {
		return 0, 0, tooLarge(field, err)
	}
	if after, err = money.Discounted(amount, l.DiscountBps); err != nil {
		return 0, 0, tooLarge(field, err)
	}
	if l.DiscountAmount > after {
		return 0, 0, errs.Invalid(field+".discountAmount", "The discount is larger than the line (%d after its percentage discount).", after)
	}
	if after, err = money.Discounted(after-l.DiscountAmount, orderBps); err != nil {
		return 0, 0, tooLarge(field, err)
	}
	return after, amount, nil
}

// taxOf is the tax in (or on) an amount at a rate.
func taxOf(amount, bps int64, included bool) (int64, error) {
	if included {
		_, tax, err := money.TaxIncluded(amount, bps)
		return tax, err
	}
	_, tax, err := money.TaxExcluded(amount, bps)
	return tax, err
}

func taxPerLine(after, rates []int64, included bool, taxes []int64) error {
	for i := range after {
		tax, err := taxOf(after[i], rates[i], included)
		if err != nil {
			return tooLarge(totalsField(i, len(after)-1), err)
		}
		taxes[i] = tax
	}
	return nil
}

// taxPerRate computes the tax of each rate's sum and spreads it over the
// amounts of that rate by largest remainder (ties to the earlier line).
func taxPerRate(after, rates []int64, included bool, taxes []int64) error {
	groups := map[int64][]int{}
	var order []int64
	for i, r := range rates {
		if _, ok := groups[r]; !ok {
			order = append(order, r)
		}
		groups[r] = append(groups[r], i)
	}
	for _, r := range order {
		idx := groups[r]
		var sum int64
		for _, i := range idx {
			var err error
			if sum, err = money.Add(sum, after[i]); err != nil {
				return tooLarge(totalsField(i, len(after)-1), err)
			}
		}
		tax, err := taxOf(sum, r, included)
		if err != nil {
			return tooLarge("lines", err)
		}
		if sum == 0 {
			continue
		}
		type share struct {
			i   int
			rem *big.Int
		}
		shares := make([]share, 0, len(idx))
		given := int64(0)
		bt, bs := big.NewInt(tax), big.NewInt(sum)
		for _, i := range idx {
			q, m := new(big.Int).QuoRem(new(big.Int).Mul(bt, big.NewInt(after[i])), bs, new(big.Int))
			taxes[i] = q.Int64()
			given += taxes[i]
			shares = append(shares, share{i, m})
		}
		sort.SliceStable(shares, func(a, b int) bool { return shares[a].rem.Cmp(shares[b].rem) > 0 })
		for k := 0; given < tax; k++ {
			taxes[shares[k].i]++
			given++
		}
	}
	return nil
}

func checkQuantity(field string, q int64) error {
	if q < 1 {
		return errs.Invalid(field, "Quantity must be at least 1.")
	}
	if q > MaxQuantity {
		return errs.Invalid(field, "Quantity must be at most %d.", MaxQuantity)
	}
	return nil
}

func checkBps(field, what string, bps int64) error {
	if bps < 0 || bps > money.MaxRateBps {
		return errs.Invalid(field, "The %s must be between 0 and 100 %%.", what)
	}
	return nil
}

// tooLarge names the field of an overflow; other errors pass unchanged.
func tooLarge(field string, err error) error {
	if errors.Is(err, money.ErrOverflow) {
		return errs.Invalid(field, "The amount is too large.")
	}
	return err
}
