package stock

import (
	"context"
	"fmt"
	"strings"

	"oms/internal/catalog"
	"oms/internal/errs"
	"oms/internal/store"
)

// TransferInput moves a quantity of a product from one place to another:
// between bins of a warehouse, or between warehouses.
type TransferInput struct {
	ProductID       string
	FromWarehouseID string
	FromBinID       string // "" for stock not in a bin
	ToWarehouseID   string
	ToBinID         string
	Quantity        int64
	Reason          string
}

// Transfer is the two movements of a transfer, sharing a reference.
type Transfer struct {
	ID  string
	Out *Movement
	In  *Movement
}

// Transfer moves stock in one transaction: a negative transfer movement at
// the source and a positive one at the destination. See TransferTx for the
// errors.
func (s *Service) Transfer(ctx context.Context, actor store.Actor, in TransferInput) (*Transfer, error) {
	var t *Transfer
	err := s.db.Update(ctx, actor, func(tx *store.Tx) error {
		var err error
		t, err = TransferTx(tx, in)
		return err
	})
	return t, err
}

// TransferTx is Transfer within the caller's transaction. EINVALID when
// source and destination are the same place or the quantity is not
// positive; ENOTFOUND for an unknown product, warehouse or bin (fields
// productId, from.warehouseId, to.binId...); ECONFLICT on "quantity" when
// the source bin has less on hand, or, between warehouses, when less is
// available at the source (reserved stock stays where its order expects
// it); ECONFLICT when the destination is inactive.
func TransferTx(tx *store.Tx, in TransferInput) (*Transfer, error) {
	in.Reason = strings.TrimSpace(in.Reason)
	if err := checkQuantity("quantity", in.Quantity); err != nil {
		return nil, err
	}
	if err := checkText("reason", "The reason", in.Reason, MaxReasonLen, false); err != nil {
		return nil, err
	}
	if in.FromWarehouseID == in.ToWarehouseID && in.FromBinID == in.ToBinID {
		return nil, errs.Invalid("to.binId", "Choose a destination other than the source.")
	}
	ctx := tx.Context()
	if _, err := catalog.FindProduct(ctx, tx, in.ProductID); err != nil {
		return nil, withField(err, "productId")
	}
	if err := checkPlace(ctx, tx, in.FromWarehouseID, in.FromBinID, false, "from."); err != nil {
		return nil, err
	}
	if err := checkPlace(ctx, tx, in.ToWarehouseID, in.ToBinID, true, "to."); err != nil {
		return nil, err
	}
	onHand, err := onHandAt(ctx, tx, in.ProductID, in.FromWarehouseID, in.FromBinID)
	if err != nil {
		return nil, err
	}
	if onHand < in.Quantity {
		return nil, &errs.Error{Code: errs.ECONFLICT, Field: "quantity",
			Message: fmt.Sprintf("Only %d on hand at the source; cannot move %d.", max(onHand, 0), in.Quantity)}
	}
	if in.FromWarehouseID != in.ToWarehouseID {
		avail, err := Available(ctx, tx, in.ProductID, in.FromWarehouseID)
		if err != nil {
			return nil, err
		}
		if avail < in.Quantity {
			return nil, &errs.Error{Code: errs.ECONFLICT, Field: "quantity",
				Message: fmt.Sprintf("Only %d available in the source warehouse (the rest is reserved); cannot move %d.", max(avail, 0), in.Quantity)}
		}
	}
	t := &Transfer{ID: store.NewID()}
	out := MovementInput{Kind: KindTransfer, ProductID: in.ProductID, WarehouseID: in.FromWarehouseID, BinID: in.FromBinID,
		Quantity: -in.Quantity, Reason: in.Reason, RefType: RefTransfer, RefID: t.ID}
	into := out
	into.WarehouseID, into.BinID, into.Quantity = in.ToWarehouseID, in.ToBinID, in.Quantity
	if t.Out, err = insertMovement(tx, out); err != nil {
		return nil, err
	}
	if t.In, err = insertMovement(tx, into); err != nil {
		return nil, err
	}
	return t, nil
}
