package order

import (
	"errors"
	"fmt"

	"oms/internal/errs"
	"oms/internal/money"
)

// MaxQuantity is the largest quantity of one line, in the product's unit.
const MaxQuantity = 1_000_000_000

// PriceLine is what the totals of one line depend on.
type PriceLine struct {
	UnitPrice   int64 // minor units, gross or net as TotalsInput.PricesIncludeTax says
	Quantity    int64
	DiscountBps int64 // the line's own discount, 0..10000
	TaxRateBps  int64 // 0..10000
}

// TotalsInput is what an order's totals depend on.
type TotalsInput struct {
	Lines            []PriceLine
	DiscountBps      int64 // order discount, applied to every line after its own
	Shipping         int64 // added to the total as is (not taxed here)
	PricesIncludeTax bool
}

// LineTotals are the amounts of one line, in minor units.
type LineTotals struct {
	Amount   int64 `json:"amount"`   // unit price x quantity, before discounts, as priced
	Discount int64 `json:"discount"` // line and order discount together
	Net      int64 `json:"net"`
	Tax      int64 `json:"tax"`
	Gross    int64 `json:"gross"` // Net + Tax
}

// Totals are the amounts of an order, in minor units.
type Totals struct {
	Lines    []LineTotals `json:"lines"`
	Subtotal int64        `json:"subtotal"` // sum of line amounts before discounts
	Discount int64        `json:"discount"`
	Net      int64        `json:"net"`
	Tax      int64        `json:"tax"`
	Shipping int64        `json:"shipping"`
	Total    int64        `json:"total"` // sum of line gross plus shipping
}

// ComputeTotals is the one place order amounts are computed. For each line:
//
//	amount = unit price x quantity                          (exact)
//	after  = Discounted(Discounted(amount, line %), order %) (each rounded half away from zero)
//	prices include tax: net, tax = TaxIncluded(after, rate)  (net + tax = after exactly)
//	prices exclude tax: gross, tax = TaxExcluded(after, rate)
//
// and the order's net, tax and gross are the sums of its lines' (per-line
// tax then summed: three lines of 0.03 at 19 % carry 0.01 tax each, 0.03 in
// all, where tax on the total would be 0.02). Tax per rate on the total, the
// other mode the issue names, is left out for now. Every rounding is money's
// one rule, half away from zero; no step rounds twice.
//
// EINVALID on the field at fault ("lines[2].quantity", "discountBps",
// "shipping"): a quantity below 1 or above MaxQuantity, a negative price, a
// discount or tax rate outside 0..100 %, or an amount too large for int64.
func ComputeTotals(in TotalsInput) (*Totals, error) {
	if err := checkBps("discountBps", "discount", in.DiscountBps); err != nil {
		return nil, err
	}
	if in.Shipping < 0 {
		return nil, errs.Invalid("shipping", "The shipping charge cannot be negative.")
	}
	t := &Totals{Lines: make([]LineTotals, len(in.Lines)), Shipping: in.Shipping}
	var err error
	for i, l := range in.Lines {
		field := fmt.Sprintf("lines[%d]", i)
		lt, lerr := lineTotals(field, l, in.DiscountBps, in.PricesIncludeTax)
		if lerr != nil {
			return nil, lerr
		}
		t.Lines[i] = lt
		if t.Subtotal, err = money.Add(t.Subtotal, lt.Amount); err != nil {
			return nil, tooLarge(field, err)
		}
		if t.Discount, err = money.Add(t.Discount, lt.Discount); err != nil {
			return nil, tooLarge(field, err)
		}
		if t.Net, err = money.Add(t.Net, lt.Net); err != nil {
			return nil, tooLarge(field, err)
		}
		if t.Tax, err = money.Add(t.Tax, lt.Tax); err != nil {
			return nil, tooLarge(field, err)
		}
		if t.Total, err = money.Add(t.Total, lt.Gross); err != nil {
			return nil, tooLarge(field, err)
		}
	}
	if t.Total, err = money.Add(t.Total, in.Shipping); err != nil {
		return nil, tooLarge("shipping", err)
	}
	return t, nil
}

func lineTotals(field string, l PriceLine, orderBps int64, include bool) (LineTotals, error) {
	var lt LineTotals
	if err := checkQuantity(field+".quantity", l.Quantity); err != nil {
		return lt, err
	}
	if l.UnitPrice < 0 {
		return lt, errs.Invalid(field+".unitPrice", "The price cannot be negative.")
	}
	if err := checkBps(field+".discountBps", "discount", l.DiscountBps); err != nil {
		return lt, err
	}
	if err := checkBps(field+".taxRateBps", "tax rate", l.TaxRateBps); err != nil {
		return lt, err
	}
	amount, err := money.Mul(l.UnitPrice, l.Quantity)
	if err != nil {
		return lt, tooLarge(field, err)
	}
	after, err := money.Discounted(amount, l.DiscountBps)
	if err != nil {
		return lt, tooLarge(field, err)
	}
	if after, err = money.Discounted(after, orderBps); err != nil {
		return lt, tooLarge(field, err)
	}
	lt.Amount, lt.Discount = amount, amount-after
	if include {
		lt.Gross = after
		lt.Net, lt.Tax, err = money.TaxIncluded(after, l.TaxRateBps)
	} else {
		lt.Net = after
		lt.Gross, lt.Tax, err = money.TaxExcluded(after, l.TaxRateBps)
	}
	if err != nil {
		return lt, tooLarge(field, err)
	}
	return lt, nil
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
