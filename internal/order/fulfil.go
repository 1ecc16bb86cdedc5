package order

import (
	"context"
	"fmt"
	"strings"

	"oms/internal/catalog"
	"oms/internal/errs"
	"oms/internal/stock"
	"oms/internal/store"
)

// Fulfilment on the order's side: picking by scanning (what was taken off
// the shelves, and short picks that become backorders) and what a shipment
// does to an order (ShipLines, AdvanceFulfilment), which the shipping
// service calls within its own transaction.

// PickLine is what is left to pick of one order line in a wave.
type PickLine struct {
	LineID      string `json:"lineId"`
	OrderID     string `json:"orderId"`
	OrderNumber string `json:"orderNumber"`
	ProductID   string `json:"productId"`
	SKU         string `json:"sku"`
	Name        string `json:"name"`
	Quantity    int64  `json:"quantity"` // ordered
	ToPick      int64  `json:"toPick"`   // what the shelves should give: Quantity - Backordered
	Picked      int64  `json:"picked"`
	Backordered int64  `json:"backordered"`
	// Bin is where to take it from (stock.PickBin), "" when no bin holds
	// any; BinSortKey orders a walk through the warehouse.
	Bin        string `json:"bin"`
	BinSortKey string `json:"binSortKey"`
}

// Open is how many more of the line are to be picked.
func (l *PickLine) Open() int64 { return max(l.ToPick-l.Picked, 0) }

// PickScan is the answer to one scan on the pick screen: the line it
// ticked and how many it took.
type PickScan struct {
	Line     *PickLine `json:"line"`
	Quantity int64     `json:"quantity"`
}

// MaxWave is the most orders one picking wave holds.
const MaxWave = 200

func checkWave(orderIDs []string) ([]string, error) {
	if len(orderIDs) == 0 {
		return nil, errs.Invalid("orderIds", "Choose the orders to pick.")
	}
	if len(orderIDs) > MaxWave {
		return nil, errs.Invalid("orderIds", "A wave holds at most %d orders; pick these in smaller waves.", MaxWave)
	}
	seen := make(map[string]bool, len(orderIDs))
	out := make([]string, 0, len(orderIDs))
	for _, id := range orderIDs {
		if id = strings.TrimSpace(id); id != "" && !seen[id] {
			seen[id] = true
			out = append(out, id)
		}
	}
	return out, nil
}

// findPickLines returns the lines of the wave's orders, in the order the
// orders were given (oldest first is how the queue gives them) and line
// order within each. Every order must be picking.
func findPickLines(ctx context.Context, q catalog.Queryer, orderIDs []string) ([]*PickLine, error) {
	var out []*PickLine
	for i, id := range orderIDs {
		o, err := findOrder(ctx, q, id)
		if err != nil {
			return nil, errs.Prefix(fmt.Sprintf("orderIds[%d]", i), err)
		}
		if o.Status != StatusPicking {
			return nil, errs.Invalid(fmt.Sprintf("orderIds[%d]", i), "Order %s is %s, not picking: start picking it from the queue first.", o.Number, o.Status)
		}
		lines, err := findLines(ctx, q, id)
		if err != nil {
			return nil, err
		}
		for _, l := range lines {
			pl := &PickLine{LineID: l.ID, OrderID: o.ID, OrderNumber: o.Number, ProductID: l.ProductID, SKU: l.SKU,
				Name: l.Name, Quantity: l.Quantity, ToPick: l.Quantity - l.Backordered, Picked: l.Picked, Backordered: l.Backordered}
			if pl.Bin, pl.BinSortKey, err = stock.PickBin(ctx, q, l.ProductID, o.WarehouseID); err != nil {
				return nil, err
			}
			out = append(out, pl)
		}
	}
	return out, nil
}

// FindPickLines returns what there is to pick of a wave of orders, all in
// picking: one entry per order line, orders in the given order. EINVALID on
// "orderIds" (none, too many, or an order not picking); ENOTFOUND.
func (s *Service) FindPickLines(ctx context.Context, orderIDs []string) ([]*PickLine, error) {
	ids, err := checkWave(orderIDs)
	if err != nil {
		return nil, err
	}
	return findPickLines(ctx, s.db.Reader(), ids)
}

// FindScannedProduct resolves a scanned or typed code within q, a barcode
// first and then a SKU. EINVALID on "code" for an empty code; ENOTFOUND on
// "code" for an unknown one.
func FindScannedProduct(ctx context.Context, q catalog.Queryer, code string) (*catalog.Product, error) {
	code = strings.TrimSpace(code)
	if code == "" {
		return nil, errs.Invalid("code", "Scan a barcode or type a SKU.")
	}
	notFound := &errs.Error{Code: errs.ENOTFOUND, Field: "code", Message: fmt.Sprintf("No product has the barcode or SKU %q.", code)}
	if len(code) > catalog.MaxSKULen {
		notFound.Message = "No product has this barcode or SKU."
		return nil, notFound
	}
	p, err := catalog.FindProductByBarcode(ctx, q, code)
	if errs.Code(err) == errs.ENOTFOUND {
		p, err = catalog.FindProductBySKU(ctx, q, code)
	}
	if errs.Code(err) == errs.ENOTFOUND {
		return nil, notFound
	} else if err != nil {
		return nil, err
	}
	return p, nil
}

// Pick records a scan on the pick screen of a wave: quantity units (0 is 1)
// of the scanned product taken off the shelf. They tick the wave's lines of
// that product in order, the first order first. Nothing is recorded when
// the scan is wrong: ENOTFOUND on "code" for an unknown code, EINVALID on
// "code" for a product not on the wave's list or already fully picked,
// and on "quantity" for more than the list still needs; EINVALID on
// "orderIds" as FindPickLines.
func (s *Service) Pick(ctx context.Context, actor store.Actor, orderIDs []string, code string, quantity int64) (*PickScan, error) {
	ids, err := checkWave(orderIDs)
	if err != nil {
		return nil, err
	}
	if quantity == 0 {
		quantity = 1
	}
	if err := checkQuantity("quantity", quantity); err != nil {
		return nil, err
	}
	var out *PickScan
	err = s.db.Update(ctx, actor, func(tx *store.Tx) error {
		p, err := FindScannedProduct(ctx, tx, code)
		if err != nil {
			return err
		}
		lines, err := findPickLines(ctx, tx, ids)
		if err != nil {
			return err
		}
		mine, open := linesOf(lines, p.ID)
		switch {
		case len(mine) == 0:
			return errs.Invalid("code", "Wrong item: %s %s is not on this pick list.", p.SKU, p.Name)
		case open == 0:
			return errs.Invalid("code", "Too many: %s %s is already picked in full.", p.SKU, p.Name)
		case quantity > open:
			return errs.Invalid("quantity", "Too many: only %d more of %s %s %s needed.", open, p.SKU, p.Name, plural(open, "is", "are"))
		}
		left := quantity
		for _, l := range mine {
			take := min(l.Open(), left)
			if take == 0 {
				continue
			}
			if _, err := tx.ExecContext(ctx, `UPDATE order_lines SET picked = picked + ?, updated_at = ? WHERE id = ?`,
				take, store.FormatTime(tx.Now), l.LineID); err != nil {
				return fmt.Errorf("record pick: %w", err)
			}
			l.Picked += take
			left -= take
			if out == nil {
				out = &PickScan{Line: l}
			}
			out.Quantity += take
			if left == 0 {
				break
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// linesOf returns the wave's lines of a product and how many of it are
// still to pick.
func linesOf(lines []*PickLine, productID string) (mine []*PickLine, open int64) {
	for _, l := range lines {
		if l.ProductID == productID {
			mine = append(mine, l)
			open += l.Open()
		}
	}
	return mine, open
}

// ShortPick records that the shelves gave missing units fewer of a
// product than the wave still needs: those units are backordered on the
// wave's lines of the product, the last order first (the oldest keeps its
// goods), their reservations released, and each order's history says so
// with note. The stock on the books is left as it is: a count of the bin
// settles what is really there. EINVALID on "missing" for less than 1 or
// more than is still to pick, on "productId" for a product not on the
// list, on "note"; EINVALID on "orderIds" as FindPickLines.
func (s *Service) ShortPick(ctx context.Context, actor store.Actor, orderIDs []string, productID string, missing int64, note string) ([]*PickLine, error) {
	ids, err := checkWave(orderIDs)
	if err != nil {
		return nil, err
	}
	if err := checkQuantity("missing", missing); err != nil {
		return nil, err
	}
	if note, err = checkNote(note); err != nil {
		return nil, err
	}
	var out []*PickLine
	err = s.db.Update(ctx, actor, func(tx *store.Tx) error {
		lines, err := findPickLines(ctx, tx, ids)
		if err != nil {
			return err
		}
		mine, open := linesOf(lines, productID)
		if len(mine) == 0 {
			return errs.Invalid("productId", "This product is not on the pick list.")
		}
		if missing > open {
			return errs.Invalid("missing", "Only %d of %s are still to pick; at most that many can be short.", open, mine[0].SKU)
		}
		left := missing
		for i := len(mine) - 1; i >= 0 && left > 0; i-- {
			l := mine[i]
			n := min(l.Open(), left)
			if n == 0 {
				continue
			}
			if err := s.backorderPicked(tx, l, n, note); err != nil {
				return err
			}
			left -= n
		}
		out = lines
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// backorderPicked moves n units of a line from reserved to backordered.
func (s *Service) backorderPicked(tx *store.Tx, l *PickLine, n int64, note string) error {
	ctx := tx.Context()
	o, err := findOrder(ctx, tx, l.OrderID)
	if err != nil {
		return err
	}
	res, err := tx.ExecContext(ctx, `UPDATE order_lines SET reserved = reserved - ?, backordered = backordered + ?, updated_at = ?
		WHERE id = ? AND reserved >= ?`, n, n, store.FormatTime(tx.Now), l.LineID, n)
	if err != nil {
		return fmt.Errorf("backorder short pick: %w", err)
	}
	if k, _ := res.RowsAffected(); k != 1 {
		return errs.Errorf(errs.ECONFLICT, "Order %s changed while picking; reload the pick list.", o.Number)
	}
	if _, err := stock.Release(tx, stock.Request{ProductID: l.ProductID, WarehouseID: o.WarehouseID, Quantity: n,
		RefType: stock.RefOrder, RefID: o.ID, Reason: "Order " + o.Number + " short pick"}); err != nil {
		return fmt.Errorf("release short pick: %w", err)
	}
	l.ToPick -= n
	l.Backordered += n
	text := fmt.Sprintf("Short pick: %d × %s backordered", n, l.SKU)
	if note != "" {
		text += ": " + note
	}
	if err := addEvent(tx, o.ID, o.Status, o.Status, text); err != nil {
		return err
	}
	return tx.Audit("short_pick", "order_lines", l.LineID, map[string]any{"order": o.Number, "sku": l.SKU, "missing": n, "note": note})
}

// FindOrder returns the order with its lines within q, a transaction of
// the caller's (the shipping service). ENOTFOUND.
func FindOrder(ctx context.Context, q catalog.Queryer, id string) (*Order, error) {
	o, err := findOrder(ctx, q, id)
	if err != nil {
		return nil, err
	}
	if o.Lines, err = findLines(ctx, q, id); err != nil {
		return nil, err
	}
	return o, nil
}

// ShipQuantity is how many units of an order line leave in a shipment.
type ShipQuantity struct {
	LineID   string
	Quantity int64
}

// fulfillable are the statuses in which an order's goods may leave in
// shipments.
var fulfillable = map[Status]bool{StatusConfirmed: true, StatusPicking: true, StatusPacked: true}

// ShipLines records, within the caller's transaction, that units of the
// order's lines left in the shipment named by ref: their reservations end,
// the goods come off the warehouse's shelves (RecordSaleFromBins), and the
// lines count them shipped. A confirmed order moves on to picking; an order
// whose every line has shipped in full moves on to packed (AdvanceFulfilment
// takes it further as its shipments travel). EINVALID on "status" for an
// order not confirmed, picking or packed; on "lines" for none, on
// "lines[i].lineId" for a line not of the order or given twice, on
// "lines[i].quantity" for more than the line holds reserved (what is
// neither shipped nor backordered); ENOTFOUND.
func ShipLines(tx *store.Tx, orderID string, lines []ShipQuantity, ref string) (*Order, error) {
	ctx := tx.Context()
	o, err := FindOrder(ctx, tx, orderID)
	if err != nil {
		return nil, err
	}
	if !fulfillable[o.Status] {
		return nil, errs.Invalid("status", "Order %s is %s; only a confirmed order, or one being picked or packed, can ship.", o.Number, o.Status)
	}
	if len(lines) == 0 {
		return nil, errs.Invalid("lines", "Put at least one item in the shipment.")
	}
	byID := make(map[string]*Line, len(o.Lines))
	for _, l := range o.Lines {
		byID[l.ID] = l
	}
	seen := map[string]bool{}
	now := store.FormatTime(tx.Now)
	for i, q := range lines {
		field := fmt.Sprintf("lines[%d]", i)
		l := byID[q.LineID]
		if l == nil {
			return nil, errs.Invalid(field+".lineId", "This line is not on order %s.", o.Number)
		}
		if seen[l.ID] {
			return nil, errs.Invalid(field+".lineId", "%s is in the shipment twice; give each line once.", l.SKU)
		}
		seen[l.ID] = true
		if err := checkQuantity(field+".quantity", q.Quantity); err != nil {
			return nil, err
		}
		if q.Quantity > l.Reserved {
			switch {
			case l.Reserved == 0 && l.Backordered > 0:
				return nil, errs.Invalid(field+".quantity", "%s is backordered: nothing of it can ship until stock is allocated.", l.SKU)
			case l.Reserved == 0:
				return nil, errs.Invalid(field+".quantity", "%s has shipped in full already.", l.SKU)
			default:
				return nil, errs.Invalid(field+".quantity", "Only %d of %s can still ship (%d ordered, %d shipped, %d backordered).",
					l.Reserved, l.SKU, l.Quantity, l.Shipped, l.Backordered)
			}
		}
		reason := "Order " + o.Number + " shipment " + ref
		if _, err := stock.Release(tx, stock.Request{ProductID: l.ProductID, WarehouseID: o.WarehouseID, Quantity: q.Quantity,
			RefType: stock.RefOrder, RefID: o.ID, Reason: reason}); err != nil {
			return nil, fmt.Errorf("release line %d: %w", l.LineNo, err)
		}
		if _, err := stock.RecordSaleFromBins(tx, stock.Request{ProductID: l.ProductID, WarehouseID: o.WarehouseID, Quantity: q.Quantity,
			RefType: stock.RefOrder, RefID: o.ID, Reason: reason}); err != nil {
			return nil, fmt.Errorf("record sale of line %d: %w", l.LineNo, err)
		}
		if _, err := tx.ExecContext(ctx, `UPDATE order_lines SET reserved = reserved - ?, shipped = shipped + ?,
			picked = max(picked, shipped + ?), updated_at = ? WHERE id = ?`, q.Quantity, q.Quantity, q.Quantity, now, l.ID); err != nil {
			return nil, fmt.Errorf("record shipped line: %w", err)
		}
		l.Reserved -= q.Quantity
		l.Shipped += q.Quantity
		l.Picked = max(l.Picked, l.Shipped)
	}
	note := "shipment " + ref
	if o.Status == StatusConfirmed {
		if err := move(tx, o, StatusPicking, note); err != nil {
			return nil, err
		}
	}
	if allShipped(o.Lines) && o.Status == StatusPicking {
		if err := move(tx, o, StatusPacked, note); err != nil {
			return nil, err
		}
	}
	return o, nil
}

func allShipped(lines []*Line) bool {
	for _, l := range lines {
		if l.Shipped < l.Quantity {
			return false
		}
	}
	return len(lines) > 0
}

// AdvanceFulfilment moves an order forward to packed, shipped or delivered
// within the caller's transaction, through the steps between, each an
// event of its history with note; an order already there or further is
// left as it is. The shipping service calls it as the order's shipments
// travel; the order's every line must have shipped in full. EINVALID on
// "status" otherwise; ENOTFOUND.
func AdvanceFulfilment(tx *store.Tx, orderID string, to Status, note string) (*Order, error) {
	if to != StatusPacked && to != StatusShipped && to != StatusDelivered {
		return nil, errs.Invalid("status", "Shipments move an order to packed, shipped or delivered, not %s.", to)
	}
	o, err := FindOrder(tx.Context(), tx, orderID)
	if err != nil {
		return nil, err
	}
	if o.Status == StatusCancelled {
		return nil, errs.Invalid("status", "Order %s is cancelled.", o.Number)
	}
	if stage(o.Status) >= stage(to) {
		return o, nil
	}
	if !allShipped(o.Lines) {
		return nil, errs.Invalid("status", "Order %s has lines still to ship; it cannot be %s yet.", o.Number, to)
	}
	for stage(o.Status) < stage(to) {
		next := lifecycle[stage(o.Status)+1]
		if next == StatusConfirmed || next == StatusDraft {
			return nil, errs.Invalid("status", "Order %s is not confirmed.", o.Number)
		}
		if err := move(tx, o, next, note); err != nil {
			return nil, err
		}
	}
	return o, nil
}

// shippedUnits is how many units of an order have left in shipments.
func shippedUnits(tx *store.Tx, orderID string) (int64, error) {
	var n int64
	if err := tx.QueryRowContext(tx.Context(), `SELECT COALESCE(SUM(shipped), 0) FROM order_lines WHERE order_id = ?`, orderID).Scan(&n); err != nil {
		return 0, fmt.Errorf("count shipped units: %w", err)
	}
	return n, nil
}

func plural(n int64, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// BackorderReserved moves up to n reserved units of a product on an order
// back to backorder within tx, releasing their reservation, the latest
// line first (a manager settling an oversell that sync revealed). It
// returns how many units it moved: fewer than n when the order has fewer
// reserved.
func BackorderReserved(tx *store.Tx, orderID, productID string, n int64, note string) (int64, error) {
	ctx := tx.Context()
	o, err := findOrder(ctx, tx, orderID)
	if err != nil {
		return 0, err
	}
	if o.Lines, err = findLines(ctx, tx, orderID); err != nil {
		return 0, err
	}
	var moved int64
	for i := len(o.Lines) - 1; i >= 0 && moved < n; i-- {
		l := o.Lines[i]
		if l.ProductID != productID || l.Reserved == 0 {
			continue
		}
		k := min(l.Reserved, n-moved)
		if _, err := tx.ExecContext(ctx, `UPDATE order_lines SET reserved = reserved - ?, backordered = backordered + ?, updated_at = ? WHERE id = ? AND reserved >= ?`,
			k, k, store.FormatTime(tx.Now), l.ID, k); err != nil {
			return moved, fmt.Errorf("backorder: %w", err)
		}
		if _, err := stock.Release(tx, stock.Request{ProductID: productID, WarehouseID: o.WarehouseID, Quantity: k,
			RefType: stock.RefOrder, RefID: o.ID, Reason: "Order " + o.Number + " backordered: oversold"}); err != nil {
			return moved, fmt.Errorf("backorder: %w", err)
		}
		text := fmt.Sprintf("Backordered %d × %s: sold by another workstation too", k, l.SKU)
		if note != "" {
			text += ": " + note
		}
		if err := addEvent(tx, o.ID, o.Status, o.Status, text); err != nil {
			return moved, err
		}
		moved += k
	}
	if moved > 0 {
		if _, err := tx.ExecContext(ctx, `UPDATE orders SET version = version + 1, updated_at = ? WHERE id = ?`, store.FormatTime(tx.Now), o.ID); err != nil {
			return moved, fmt.Errorf("backorder: %w", err)
		}
	}
	return moved, nil
}
