package docs

import (
	"context"

	"oms/internal/stock"
)

// binFinder tells where in a warehouse a product is picked from, through
// the stock service, remembering its answers for the rest of a print run.
type binFinder struct {
	stock *stock.Service
	bins  map[string]string // product and warehouse -> bin code
	codes map[string]string // bin id -> code
}

func newBinFinder(st *stock.Service) *binFinder {
	return &binFinder{stock: st, bins: map[string]string{}, codes: map[string]string{}}
}

// bin returns the code of the bin to pick a product from in a warehouse
// (any warehouse when warehouseID is ""): the bin holding the most of it
// on hand, the first in path order on a tie; "" when none holds any.
// Reservations are kept per warehouse, not per bin, so the stock on hand
// is what says where the goods are.
func (b *binFinder) bin(ctx context.Context, productID, warehouseID string) (string, error) {
	key := productID + "|" + warehouseID
	if code, ok := b.bins[key]; ok {
		return code, nil
	}
	levels, err := b.stock.FindLevels(ctx, stock.LevelFilter{ProductID: productID, WarehouseID: warehouseID, NonZero: true})
	if err != nil {
		return "", err
	}
	var best *stock.Level
	for _, l := range levels {
		if l.BinID != "" && l.OnHand > 0 && (best == nil || l.OnHand > best.OnHand) {
			best = l
		}
	}
	code := ""
	if best != nil {
		var ok bool
		if code, ok = b.codes[best.BinID]; !ok {
			bin, err := b.stock.FindBinByID(ctx, best.BinID)
			if err != nil {
				return "", err
			}
			code = bin.Code
			b.codes[best.BinID] = code
		}
	}
	b.bins[key] = code
	return code, nil
}
