package demo

import (
	"fmt"
	"time"

	"oms/internal/stock"
)

var suppliers = []stock.SupplierInput{
	{Code: "FIX", Name: "Fixtech Befestigungstechnik GmbH", Email: "orders@fixtech.example", Phone: "+49 711 555 0190"},
	{Code: "TOOL", Name: "Nordic Tools AB", Email: "sales@nordictools.example", Phone: "+46 8 555 0144"},
	{Code: "SAFE", Name: "SafeWork Supplies Ltd", Email: "trade@safework.example", Phone: "+44 161 555 0123"},
}

func (s *seeder) stockUp() error {
	var err error
	if s.main, err = s.Stock.CreateWarehouse(s.ctx, s.admin, stock.WarehouseInput{Code: "MAIN", Name: "Main warehouse Berlin"}); err != nil {
		return err
	}
	if s.store, err = s.Stock.CreateWarehouse(s.ctx, s.admin, stock.WarehouseInput{Code: "SHOP", Name: "Trade counter"}); err != nil {
		return err
	}
	// Aisles A-D, racks 01-06, shelves 1-3 in the main warehouse.
	for _, aisle := range []string{"A", "B", "C", "D"} {
		for rack := 1; rack <= 6; rack++ {
			for shelf := 1; shelf <= 3; shelf++ {
				b, err := s.Stock.CreateBin(s.ctx, s.admin, s.main.ID, fmt.Sprintf("%s-%02d-%d", aisle, rack, shelf))
				if err != nil {
					return err
				}
				s.bins = append(s.bins, b)
			}
		}
	}
	for _, in := range suppliers {
		if _, err := s.Stock.CreateSupplier(s.ctx, s.admin, in); err != nil {
			return fmt.Errorf("supplier %s: %w", in.Code, err)
		}
	}
	// Opening stock: each product on one or two shelves next to its family;
	// one in twelve is out of stock and a few are low, so the low-stock list
	// and backorders have something to show.
	for i, p := range s.products {
		if i%12 == 5 {
			continue
		}
		qty := int64(15 + s.rng.IntN(120))
		if i%9 == 2 {
			qty = int64(1 + s.rng.IntN(4))
		}
		bin := s.bins[(i/3)%len(s.bins)]
		if _, err := s.Stock.PostMovement(s.ctx, s.admin, stock.MovementInput{Kind: stock.KindReceipt, ProductID: p.ID,
			WarehouseID: s.main.ID, BinID: bin.ID, Quantity: qty, UnitCost: p.Cost, Reason: "Opening stock"}); err != nil {
			return fmt.Errorf("opening stock of %s: %w", p.SKU, err)
		}
		s.productStock[p.ID] = qty
		s.productBin[p.ID] = bin.ID
		if i%4 == 0 {
			shop := int64(2 + s.rng.IntN(10))
			if _, err := s.Stock.PostMovement(s.ctx, s.admin, stock.MovementInput{Kind: stock.KindReceipt, ProductID: p.ID,
				WarehouseID: s.store.ID, Quantity: shop, UnitCost: p.Cost, Reason: "Opening stock"}); err != nil {
				return fmt.Errorf("shop stock of %s: %w", p.SKU, err)
			}
		}
		s.tick(2 * time.Second)
	}
	return nil
}
