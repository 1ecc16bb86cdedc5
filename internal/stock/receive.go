package stock

import (
	"context"
	"fmt"

	"oms/internal/errs"
	"oms/internal/store"
)

// ReceiveLine is goods arriving for a purchase order: a line (by LineID,
// or by ProductID, as scanned: the first line of the product with
// something still to come), a quantity and the bin it goes into ("" for
// none).
type ReceiveLine struct {
	LineID    string
	ProductID string
	BinID     string
	Quantity  int64
}

// ReceiveInput is one receiving of a purchase order. AllowOver confirms
// receiving more than ordered, which is then recorded on the movement and
// in the audit log.
type ReceiveInput struct {
	Lines     []ReceiveLine
	AllowOver bool
}

// ReceivePurchaseOrder puts goods from a purchase order into stock in one
// transaction: a receipt movement per line at the order's cost, the lines'
// received quantities, and the status (partly received, or received when
// every line is complete). A draft may be received without being sent.
// ECONFLICT if the order is cancelled, or received in full without
// AllowOver; ECONFLICT on "lines.N.quantity" when a line would exceed what
// was ordered without AllowOver; EINVALID on "lines.N.productId" for a
// product not on the order; ENOTFOUND and EINVALID on the field at fault.
func (s *Service) ReceivePurchaseOrder(ctx context.Context, actor store.Actor, id string, in ReceiveInput) (*PurchaseOrder, []*Movement, error) {
	var po *PurchaseOrder
	var moves []*Movement
	err := s.db.Update(ctx, actor, func(tx *store.Tx) error {
		var err error
		po, moves, err = receive(tx, id, in)
		return err
	})
	if err != nil {
		return nil, nil, err
	}
	return po, moves, nil
}

func receive(tx *store.Tx, id string, in ReceiveInput) (*PurchaseOrder, []*Movement, error) {
	ctx := tx.Context()
	po, err := findPurchaseOrder(ctx, tx, id)
	if err != nil {
		return nil, nil, err
	}
	switch {
	case po.Status == POCancelled:
		return nil, nil, errs.Errorf(errs.ECONFLICT, "Purchase order %s is cancelled.", po.Number)
	case po.Status == POReceived && !in.AllowOver:
		return nil, nil, errs.Errorf(errs.ECONFLICT, "Purchase order %s is received in full; confirm to receive more than ordered.", po.Number)
	case len(in.Lines) == 0:
		return nil, nil, errs.Invalid("lines", "Scan or enter what arrived.")
	case len(in.Lines) > MaxPOLines:
		return nil, nil, errs.Invalid("lines", "Receive at most %d lines at once.", MaxPOLines)
	}
	var moves []*Movement
	for i, r := range in.Lines {
		field := fmt.Sprintf("lines.%d.", i)
		if err := checkQuantity(field+"quantity", r.Quantity); err != nil {
			return nil, nil, err
		}
		line := pickLine(po, r)
		if line == nil {
			return nil, nil, errs.Invalid(field+"productId", "This product is not on purchase order %s.", po.Number)
		}
		after := line.Received + r.Quantity
		over := after > line.Quantity
		if over && !in.AllowOver {
			return nil, nil, &errs.Error{Code: errs.ECONFLICT, Field: field + "quantity", Message: fmt.Sprintf(
				"Receiving %d of %s makes %d received of %d ordered; confirm to receive more than ordered.",
				r.Quantity, line.SKU, after, line.Quantity)}
		}
		reason := "Received on " + po.Number
		if over {
			reason = fmt.Sprintf("Received on %s over the ordered quantity: %d received of %d ordered", po.Number, after, line.Quantity)
		}
		mv := MovementInput{Kind: KindReceipt, ProductID: line.ProductID, WarehouseID: po.WarehouseID, BinID: r.BinID,
			Quantity: r.Quantity, UnitCost: line.UnitCost, Reason: reason, RefType: RefPO, RefID: po.ID}
		if err := check(tx, &mv); err != nil {
			if f := errs.Field(err); f == "binId" || f == "warehouseId" {
				err = withField(err, field+f)
			}
			return nil, nil, err
		}
		m, err := insertMovement(tx, mv)
		if err != nil {
			return nil, nil, err
		}
		moves = append(moves, m)
		if _, err := tx.ExecContext(ctx, `UPDATE purchase_order_lines SET received = ?, updated_at = ? WHERE id = ?`,
			after, store.FormatTime(tx.Now), line.ID); err != nil {
			return nil, nil, fmt.Errorf("receive purchase order: %w", err)
		}
		if over {
			if err := tx.Audit("receive_over_ordered", "purchase_orders", po.ID, map[string]any{
				"line": line.LineNo, "productId": line.ProductID, "ordered": line.Quantity, "received": after, "movementId": m.ID,
			}); err != nil {
				return nil, nil, err
			}
		}
		line.Received = after
	}
	status := POReceived
	for _, l := range po.Lines {
		if l.Received < l.Quantity {
			status = POPartlyReceived
		}
	}
	if err := setPOStatus(tx, po, status); err != nil {
		return nil, nil, err
	}
	po, err = findPurchaseOrder(ctx, tx, id)
	return po, moves, err
}

// pickLine finds the line a receipt is for: by id; else the first line of
// the product with something still to come, else its first line.
func pickLine(po *PurchaseOrder, r ReceiveLine) *PurchaseOrderLine {
	var first *PurchaseOrderLine
	for _, l := range po.Lines {
		switch {
		case r.LineID != "":
			if l.ID == r.LineID {
				return l
			}
		case l.ProductID == r.ProductID:
			if l.Received < l.Quantity {
				return l
			}
			if first == nil {
				first = l
			}
		}
	}
	return first
}
