package docs

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"oms/internal/errs"
	"oms/internal/stock"
)

// The orders a batch can be printed in (Options.SortBy).
const (
	SortGiven   = ""        // as the caller gave them
	SortNumber  = "number"  // by order number
	SortBin     = "bin"     // by the first bin the order is picked from
	SortCarrier = "carrier" // by carrier, then order number
)

// checkSort returns EINVALID on "sortBy" for a sort docs does not know, or
// "carrier" without CarrierOf.
func checkSort(opts Options) error {
	switch opts.SortBy {
	case SortGiven, SortNumber, SortBin:
		return nil
	case SortCarrier:
		if opts.CarrierOf == nil {
			return errs.Invalid("sortBy", "Sorting by carrier needs the carriers of the orders.")
		}
		return nil
	}
	return errs.Invalid("sortBy", "Sort by order number, bin or carrier.")
}

// sortKey is where one document goes in a sorted batch.
type sortKey struct {
	last    bool   // nothing to sort by (no bin, no carrier): after the others
	primary string // bin sort key or carrier
	number  string // the order number's sort key, for ties
}

func (a sortKey) less(b sortKey) bool {
	if a.last != b.last {
		return !a.last
	}
	if a.primary != b.primary {
		return a.primary < b.primary
	}
	return a.number < b.number
}

// sortOrder returns the positions of orderIDs in the order opts.SortBy
// asks for: nil to keep them as given. It reads each order once, keeping
// only its key. EINVALID on "sortBy"; ENOTFOUND for an unknown order.
func (p *Printer) sortOrder(ctx context.Context, orderIDs []string, opts Options) ([]int, error) {
	if err := checkSort(opts); err != nil {
		return nil, err
	}
	if opts.SortBy == SortGiven || len(orderIDs) < 2 {
		return nil, nil
	}
	bins := newBinFinder(p.stock)
	keys := make([]sortKey, len(orderIDs))
	for i, id := range orderIDs {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		o, err := p.orders.FindOrderByID(ctx, id)
		if err != nil {
			return nil, err
		}
		k := sortKey{number: stock.BinSortKey(o.Number)}
		switch opts.SortBy {
		case SortBin:
			for _, l := range o.Lines {
				code, err := bins.bin(ctx, l.ProductID, o.WarehouseID)
				if err != nil {
					return nil, err
				}
				if code == "" {
					continue
				}
				if bk := stock.BinSortKey(code); k.primary == "" || bk < k.primary {
					k.primary = bk
				}
			}
		case SortCarrier:
			k.primary = strings.ToLower(clean(opts.CarrierOf(id)))
		}
		k.last = opts.SortBy != SortNumber && k.primary == ""
		keys[i] = k
	}
	idx := make([]int, len(orderIDs))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool { return keys[idx[a]].less(keys[idx[b]]) })
	return idx, nil
}

// SortOrderIDs returns orderIDs in the order sortBy asks for ("",
// "number", "bin" or "carrier" with carrierOf), as the batches print them.
// EINVALID on "sortBy"; ENOTFOUND for an unknown order.
func (p *Printer) SortOrderIDs(ctx context.Context, orderIDs []string, sortBy string, carrierOf func(orderID string) string) ([]string, error) {
	idx, err := p.sortOrder(ctx, orderIDs, Options{SortBy: sortBy, CarrierOf: carrierOf})
	if err != nil || idx == nil {
		return orderIDs, err
	}
	out := make([]string, len(idx))
	for i, k := range idx {
		out[i] = orderIDs[k]
	}
	return out, nil
}

// SortLabels returns the labels in the order sortBy asks for: "" as
// given, "number" by order number, "carrier" by carrier then order number;
// a shipment's packages stay in package order. Sorting by bin needs the
// orders' lines: see Printer.SortLabelsBy. EINVALID on "sortBy" for "bin"
// or anything else.
func SortLabels(labels []Label, sortBy string) ([]Label, error) {
	switch sortBy {
	case SortGiven:
		return labels, nil
	case SortNumber, SortCarrier:
	case SortBin:
		return nil, errs.Invalid("sortBy", "Labels are sorted by bin through their orders (Printer.SortLabelsBy).")
	default:
		return nil, errs.Invalid("sortBy", "Sort by order number, bin or carrier.")
	}
	return sortLabels(labels, func(l Label) sortKey {
		k := sortKey{}
		if sortBy == SortCarrier {
			k.primary = strings.ToLower(clean(l.Carrier))
			k.last = k.primary == ""
		}
		return k
	}), nil
}

// SortLabelsBy is SortLabels, and for "bin" sorts the labels as their
// orders (Label.OrderID) sort by bin: labels without an order id last.
// EINVALID on "sortBy"; ENOTFOUND for an unknown order.
func (p *Printer) SortLabelsBy(ctx context.Context, labels []Label, sortBy string) ([]Label, error) {
	if sortBy != SortBin {
		return SortLabels(labels, sortBy)
	}
	var ids []string
	seen := map[string]bool{}
	for _, l := range labels {
		if l.OrderID != "" && !seen[l.OrderID] {
			seen[l.OrderID] = true
			ids = append(ids, l.OrderID)
		}
	}
	sorted, err := p.SortOrderIDs(ctx, ids, SortBin, nil)
	if err != nil {
		return nil, err
	}
	rank := make(map[string]int, len(sorted))
	for i, id := range sorted {
		rank[id] = i
	}
	return sortLabels(labels, func(l Label) sortKey {
		r, ok := rank[l.OrderID]
		return sortKey{last: !ok, primary: fmt.Sprintf("%09d", r)}
	}), nil
}

// sortLabels sorts a copy of labels by key, then order number, shipment
// number and package number.
func sortLabels(labels []Label, key func(Label) sortKey) []Label {
	full := func(l Label) sortKey {
		k := key(l)
		k.number = stock.BinSortKey(clean(l.OrderNumber)) + "\x00" + stock.BinSortKey(clean(l.ShipmentNumber))
		return k
	}
	out := append([]Label(nil), labels...)
	sort.SliceStable(out, func(i, j int) bool {
		a, b := full(out[i]), full(out[j])
		if a != b {
			return a.less(b)
		}
		return out[i].PackageNo < out[j].PackageNo
	})
	return out
}
