package stock

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"oms/internal/errs"
	"oms/internal/store"
)

// Request is what the order service asks of stock for one order line: a
// positive quantity of a product at a warehouse (and a bin, when known),
// for a reference such as RefOrder and the order's id.
type Request struct {
	ProductID   string
	WarehouseID string
	BinID       string
	Quantity    int64
	RefType     string
	RefID       string
	Reason      string
}

func (r Request) movement(kind Kind, sign int64) MovementInput {
	return MovementInput{Kind: kind, ProductID: r.ProductID, WarehouseID: r.WarehouseID, BinID: r.BinID,
		Quantity: sign * r.Quantity, Reason: r.Reason, RefType: r.RefType, RefID: r.RefID}
}

func (r Request) validate(needRef bool) error {
	if err := checkQuantity("quantity", r.Quantity); err != nil {
		return err
	}
	if needRef && (r.RefType == "" || r.RefID == "") {
		return errs.Invalid("refId", "A reservation needs the reference (such as the order) it is for.")
	}
	return nil
}

// Reserve sets stock aside for a reference within the caller's
// transaction. It refuses with ECONFLICT on field "quantity" when fewer
// are available in the warehouse (on hand less reserved, over all bins);
// the caller decides about backorders. ErrArchived for an archived
// product; EINVALID or ENOTFOUND on the field at fault.
func Reserve(tx *store.Tx, r Request) (*Movement, error) {
	if err := r.validate(true); err != nil {
		return nil, err
	}
	in := r.movement(KindReservation, 1)
	if err := check(tx, &in); err != nil {
		return nil, err
	}
	avail, err := Available(tx.Context(), tx, r.ProductID, r.WarehouseID)
	if err != nil {
		return nil, err
	}
	if avail < r.Quantity {
		return nil, &errs.Error{Code: errs.ECONFLICT, Field: "quantity",
			Message: fmt.Sprintf("Only %d available in this warehouse; %d requested.", max(avail, 0), r.Quantity)}
	}
	return insertMovement(tx, in)
}

// ReservedFor returns what a reference (such as an order) still holds of a
// product at a warehouse, over all bins, within the caller's transaction.
func ReservedFor(tx *store.Tx, refType, refID, productID, warehouseID string) (int64, error) {
	var n int64
	err := tx.QueryRowContext(tx.Context(), `SELECT COALESCE(SUM(quantity), 0) FROM stock_movements
		WHERE ref_type = ? AND ref_id = ? AND product_id = ? AND warehouse_id = ? AND kind IN ('reservation', 'release')`,
		refType, refID, productID, warehouseID).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("read reservation: %w", err)
	}
	return n, nil
}

// reservedFor returns what a reference still holds of a product at a
// warehouse and bin.
func reservedFor(tx *store.Tx, refType, refID, productID, warehouseID, binID string) (int64, error) {
	var n int64
	err := tx.QueryRowContext(tx.Context(), `SELECT COALESCE(SUM(quantity), 0) FROM stock_movements
		WHERE ref_type = ? AND ref_id = ? AND product_id = ? AND warehouse_id = ? AND COALESCE(bin_id, '') = ?
		AND kind IN ('reservation', 'release')`, refType, refID, productID, warehouseID, binID).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("read reservation: %w", err)
	}
	return n, nil
}

// Release ends (part of) a reservation within the caller's transaction.
// ECONFLICT on field "quantity" when the reference holds less than that
// at the warehouse and bin.
func Release(tx *store.Tx, r Request) (*Movement, error) {
	if err := r.validate(true); err != nil {
		return nil, err
	}
	held, err := reservedFor(tx, r.RefType, r.RefID, r.ProductID, r.WarehouseID, r.BinID)
	if err != nil {
		return nil, err
	}
	if held < r.Quantity {
		return nil, &errs.Error{Code: errs.ECONFLICT, Field: "quantity",
			Message: fmt.Sprintf("Only %d are reserved for this %s; cannot release %d.", held, r.RefType, r.Quantity)}
	}
	in := r.movement(KindRelease, -1)
	if err := in.validate(); err != nil {
		return nil, err
	}
	return insertMovement(tx, in)
}

// ReleaseAll ends every reservation a reference still holds (an order is
// cancelled or shipped), within the caller's transaction, and returns the
// release movements.
func ReleaseAll(tx *store.Tx, refType, refID, reason string) ([]*Movement, error) {
	if refType == "" || refID == "" {
		return nil, errs.Invalid("refId", "Name the reference whose reservations to release.")
	}
	rows, err := tx.QueryContext(tx.Context(), `SELECT product_id, warehouse_id, COALESCE(bin_id, ''), SUM(quantity) FROM stock_movements
		WHERE ref_type = ? AND ref_id = ? AND kind IN ('reservation', 'release')
		GROUP BY product_id, warehouse_id, COALESCE(bin_id, '') HAVING SUM(quantity) > 0
		ORDER BY product_id, warehouse_id`, refType, refID)
	if err != nil {
		return nil, fmt.Errorf("release all: %w", err)
	}
	var open []Request
	for rows.Next() {
		r := Request{RefType: refType, RefID: refID, Reason: strings.TrimSpace(reason)}
		if err := rows.Scan(&r.ProductID, &r.WarehouseID, &r.BinID, &r.Quantity); err != nil {
			rows.Close()
			return nil, fmt.Errorf("release all: %w", err)
		}
		open = append(open, r)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("release all: %w", err)
	}
	out := []*Movement{}
	for _, r := range open {
		in := r.movement(KindRelease, -1)
		if err := in.validate(); err != nil {
			return nil, err
		}
		m, err := insertMovement(tx, in)
		if err != nil {
			return nil, err
		}
		out = append(out, m)
	}
	return out, nil
}

// RecordSale takes sold goods off the shelf within the caller's
// transaction. It does not refuse when the books show too little: the
// goods are gone, and a negative balance is a stock exception for a
// manager, not a lost sale. A sale that had a reservation releases it
// first (Release or ReleaseAll). ErrArchived for an archived product.
func RecordSale(tx *store.Tx, r Request) (*Movement, error) {
	if err := r.validate(false); err != nil {
		return nil, err
	}
	return Post(tx, r.movement(KindSale, -1))
}

// RecordReturn puts goods a customer brought back into stock within the
// caller's transaction (an RMA restocking its lines).
func RecordReturn(tx *store.Tx, r Request) (*Movement, error) {
	if err := r.validate(false); err != nil {
		return nil, err
	}
	return Post(tx, r.movement(KindReturn, 1))
}

// RecordSaleFromBins takes sold goods off the shelves of a warehouse within
// the caller's transaction, bin by bin as a picker empties them: from r.BinID
// when given, else from the bins holding the product on hand, the fullest
// first (the first in path order on a tie, as the pick list sends the
// picker), and whatever the bins lack from the warehouse without a bin. Like
// RecordSale it never refuses for too little on the books. It returns one
// movement per bin taken from.
func RecordSaleFromBins(tx *store.Tx, r Request) ([]*Movement, error) {
	if err := r.validate(false); err != nil {
		return nil, err
	}
	if r.BinID != "" {
		m, err := RecordSale(tx, r)
		if err != nil {
			return nil, err
		}
		return []*Movement{m}, nil
	}
	rows, err := tx.QueryContext(tx.Context(), `SELECT l.bin_id, l.on_hand FROM stock_levels l JOIN bins b ON b.id = l.bin_id
		WHERE l.product_id = ? AND l.warehouse_id = ? AND l.bin_id <> '' AND l.on_hand > 0
		ORDER BY l.on_hand DESC, b.sort_key, b.id`, r.ProductID, r.WarehouseID)
	if err != nil {
		return nil, fmt.Errorf("find bins to sell from: %w", err)
	}
	type take struct {
		bin string
		qty int64
	}
	var takes []take
	left := r.Quantity
	for rows.Next() && left > 0 {
		var t take
		var onHand int64
		if err := rows.Scan(&t.bin, &onHand); err != nil {
			rows.Close()
			return nil, fmt.Errorf("find bins to sell from: %w", err)
		}
		t.qty = min(onHand, left)
		left -= t.qty
		takes = append(takes, t)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("find bins to sell from: %w", err)
	}
	if left > 0 {
		takes = append(takes, take{qty: left})
	}
	out := make([]*Movement, 0, len(takes))
	for _, t := range takes {
		part := r
		part.BinID, part.Quantity = t.bin, t.qty
		m, err := RecordSale(tx, part)
		if err != nil {
			return nil, err
		}
		out = append(out, m)
	}
	return out, nil
}

// PickBin returns the bin a picker takes a product from in a warehouse:
// the one holding the most of it on hand, the first in path order on a tie
// (as RecordSaleFromBins takes them), with its sort key for ordering a
// walk through the warehouse; "" and "" when no bin holds any.
func PickBin(ctx context.Context, q Queryer, productID, warehouseID string) (code, sortKey string, err error) {
	err = q.QueryRowContext(ctx, `SELECT b.code, b.sort_key FROM stock_levels l JOIN bins b ON b.id = l.bin_id
		WHERE l.product_id = ? AND l.warehouse_id = ? AND l.bin_id <> '' AND l.on_hand > 0
		ORDER BY l.on_hand DESC, b.sort_key, b.id LIMIT 1`, productID, warehouseID).Scan(&code, &sortKey)
	if errors.Is(err, sql.ErrNoRows) {
		return "", "", nil
	}
	if err != nil {
		return "", "", fmt.Errorf("find pick bin: %w", err)
	}
	return code, sortKey, nil
}
