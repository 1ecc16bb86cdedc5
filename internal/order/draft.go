package order

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"oms/internal/catalog"
	"oms/internal/errs"
	"oms/internal/store"
)

// ErrNotDraft refuses a change that only a draft allows.
var ErrNotDraft = &errs.Error{Code: errs.ECONFLICT, Field: "status", Message: "Only a draft order can be changed this way."}

// ErrNotEditable refuses a change to an order past confirmation: its goods
// are being picked, packed or have left.
var ErrNotEditable = &errs.Error{Code: errs.ECONFLICT, Field: "status",
	Message: "Only a draft or a confirmed order can be changed; this one is already being fulfilled."}

// edit runs fn on the order id at the expected version in one transaction,
// then re-prices its totals and bumps its version. Without confirmedToo
// only a draft may change (ErrNotDraft); with it a confirmed order too,
// whose reservations then follow its new lines (syncReservations) in the
// same transaction. The capture triggers audit every changed field of the
// header and lines with its old and new value. ENOTFOUND, ErrChanged
// (ECONFLICT) for another version, ErrNotEditable past confirmation.
func (s *Service) edit(ctx context.Context, actor store.Actor, id string, version int64, confirmedToo bool,
	fn func(tx *store.Tx, o *Order) error) (*Order, error) {
	err := s.db.Update(ctx, actor, func(tx *store.Tx) error {
		o, err := findOrder(ctx, tx, id)
		if err != nil {
			return err
		}
		if o.Version != version {
			return ErrChanged
		}
		if o.Status != StatusDraft {
			if !confirmedToo {
				return ErrNotDraft
			}
			if o.Status != StatusConfirmed {
				return ErrNotEditable
			}
		}
		if err := fn(tx, o); err != nil {
			return err
		}
		if o.Status == StatusConfirmed {
			if err := syncReservations(tx, o); err != nil {
				return err
			}
		}
		return saveTotals(tx, o)
	})
	if err != nil {
		return nil, err
	}
	return s.FindOrderByID(ctx, id)
}

// saveTotals recomputes the order's and its lines' amounts with
// ComputeTotals, stores them and bumps the version, all in tx.
func saveTotals(tx *store.Tx, o *Order) error {
	lines, err := findLines(tx.Context(), tx, o.ID)
	if err != nil {
		return err
	}
	t, err := ComputeTotals(o.totalsInput(lines))
	if err != nil {
		return err
	}
	for i, l := range lines {
		lt := t.Lines[i]
		if lt.Discount == l.Discount && lt.Net == l.Net && lt.Tax == l.Tax && lt.Gross == l.Gross {
			continue
		}
		if _, err := tx.ExecContext(tx.Context(), `UPDATE order_lines SET discount = ?, net = ?, tax = ?, gross = ?, updated_at = ? WHERE id = ?`,
			lt.Discount, lt.Net, lt.Tax, lt.Gross, store.FormatTime(tx.Now), l.ID); err != nil {
			return fmt.Errorf("update line totals: %w", err)
		}
	}
	_, err = tx.ExecContext(tx.Context(), `UPDATE orders SET customer_id = ?, customer_group = ?, channel = ?, warehouse_id = ?,
		billing_address = ?, shipping_address = ?, notes = ?, discount_bps = ?, shipping = ?,
		subtotal = ?, discount_total = ?, net_total = ?, tax_total = ?, total = ?, shipping_tax = ?, version = version + 1,
		updated_at = ? WHERE id = ?`,
		nullable(o.CustomerID), o.CustomerGroup, o.Channel, o.WarehouseID, jsonText(o.BillingAddress), jsonText(o.ShippingAddress),
		o.Notes, o.DiscountBps, o.Shipping, t.Subtotal, t.Discount, t.Net, t.Tax, t.Total, t.ShippingTax, store.FormatTime(tx.Now), o.ID)
	if err != nil {
		return fmt.Errorf("update order: %w", err)
	}
	return nil
}

// UpdateOrder changes a draft saved at version. ErrChanged (ECONFLICT
// "The order changed; reload it.") when someone saved it since;
// ErrNotDraft; EINVALID for bad input; ENOTFOUND for the order, or on
// "customerId" or "warehouseId"; ECONFLICT for an archived customer.
func (s *Service) UpdateOrder(ctx context.Context, actor store.Actor, id string, version int64, u OrderUpdate) (*Order, error) {
	if u.Channel != nil {
		if err := checkChannel(*u.Channel); err != nil {
			return nil, err
		}
	}
	if u.Notes != nil {
		n := strings.TrimSpace(*u.Notes)
		if err := checkNotes(n); err != nil {
			return nil, err
		}
		u.Notes = &n
	}
	if u.WarehouseID != nil {
		if err := s.checkWarehouse(ctx, *u.WarehouseID); err != nil {
			return nil, err
		}
	}
	var group string
	var billing, shipping Address
	if u.CustomerID != nil {
		c := strings.TrimSpace(*u.CustomerID)
		u.CustomerID = &c
		if c != "" {
			cust, err := s.findCustomer(ctx, c)
			if err != nil {
				return nil, err
			}
			group, billing, shipping = cust.CustomerGroup, defaultAddress(cust, "billing"), defaultAddress(cust, "shipping")
		}
	}
	return s.edit(ctx, actor, id, version, true, func(tx *store.Tx, o *Order) error {
		if o.Status != StatusDraft {
			if u.CustomerID != nil && *u.CustomerID != o.CustomerID {
				return &errs.Error{Code: errs.ECONFLICT, Field: "customerId",
					Message: "The customer of a confirmed order cannot change; cancel it and take a new order."}
			}
			if u.WarehouseID != nil && *u.WarehouseID != o.WarehouseID {
				return &errs.Error{Code: errs.ECONFLICT, Field: "warehouseId",
					Message: "The warehouse of a confirmed order cannot change; cancel it and take a new order."}
			}
		}
		if u.CustomerID != nil && *u.CustomerID != o.CustomerID {
			o.CustomerID, o.CustomerGroup, o.BillingAddress, o.ShippingAddress = *u.CustomerID, group, billing, shipping
			if err := reprice(tx, o); err != nil {
				return err
			}
		}
		if u.Channel != nil {
			o.Channel = *u.Channel
		}
		if u.WarehouseID != nil {
			o.WarehouseID = *u.WarehouseID
		}
		if u.BillingAddress != nil {
			o.BillingAddress = *u.BillingAddress
		}
		if u.ShippingAddress != nil {
			o.ShippingAddress = *u.ShippingAddress
		}
		if u.Notes != nil {
			o.Notes = *u.Notes
		}
		if u.DiscountBps != nil {
			o.DiscountBps = *u.DiscountBps
		}
		if u.Shipping != nil {
			o.Shipping = *u.Shipping
		}
		_, err := ComputeTotals(TotalsInput{DiscountBps: o.DiscountBps, Shipping: o.Shipping})
		return err
	})
}

// reprice sets every line's unit price to the catalog's for the order's
// customer group.
func reprice(tx *store.Tx, o *Order) error {
	lines, err := findLines(tx.Context(), tx, o.ID)
	if err != nil {
		return err
	}
	for _, l := range lines {
		price, err := catalog.PriceFor(tx.Context(), tx, l.ProductID, o.CustomerGroup)
		if err != nil {
			return err
		}
		if price == l.UnitPrice {
			continue
		}
		if _, err := tx.ExecContext(tx.Context(), `UPDATE order_lines SET unit_price = ?, updated_at = ? WHERE id = ?`,
			price, store.FormatTime(tx.Now), l.ID); err != nil {
			return fmt.Errorf("reprice line: %w", err)
		}
	}
	return nil
}

// AddLine adds a product to a draft saved at version, priced by
// catalog.PriceFor for the order's customer group, with the SKU, name and
// tax rate of the moment. ErrChanged, ErrNotDraft; EINVALID for a bad
// quantity or discount; ENOTFOUND on "productId"; catalog.ErrArchived
// (ECONFLICT) for an archived product.
func (s *Service) AddLine(ctx context.Context, actor store.Actor, orderID string, version int64, in LineInput) (*Order, error) {
	if err := checkQuantity("quantity", in.Quantity); err != nil {
		return nil, err
	}
	if err := checkBps("discountBps", "discount", in.DiscountBps); err != nil {
		return nil, err
	}
	if in.DiscountAmount < 0 {
		return nil, errs.Invalid("discountAmount", "The discount cannot be negative.")
	}
	p, err := catalog.Sellable(ctx, s.db.Reader(), strings.TrimSpace(in.ProductID))
	if errs.Code(err) == errs.ENOTFOUND {
		return nil, &errs.Error{Code: errs.ENOTFOUND, Field: "productId", Message: "Product not found."}
	} else if err != nil {
		return nil, err
	}
	return s.edit(ctx, actor, orderID, version, true, func(tx *store.Tx, o *Order) error {
		// Sellable again inside the transaction: it may have been archived meanwhile.
		if _, err := catalog.Sellable(ctx, tx, p.ID); err != nil {
			return err
		}
		return s.insertLine(tx, o, p, in)
	})
}

// lineOrder returns the order id of a line. ENOTFOUND if there is none.
func (s *Service) lineOrder(ctx context.Context, lineID string) (string, error) {
	var id string
	err := s.db.Reader().QueryRowContext(ctx, `SELECT order_id FROM order_lines WHERE id = ?`, lineID).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return "", &errs.Error{Code: errs.ENOTFOUND, Field: "lineId", Message: "Order line not found."}
	} else if err != nil {
		return "", fmt.Errorf("find order line: %w", err)
	}
	return id, nil
}

// UpdateLine changes the quantity or discount of a line of a draft saved
// at version. ErrChanged, ErrNotDraft; EINVALID for a bad quantity or
// discount; ENOTFOUND on "lineId".
func (s *Service) UpdateLine(ctx context.Context, actor store.Actor, lineID string, version int64, u LineUpdate) (*Order, error) {
	if u.Quantity != nil {
		if err := checkQuantity("quantity", *u.Quantity); err != nil {
			return nil, err
		}
	}
	if u.DiscountBps != nil {
		if err := checkBps("discountBps", "discount", *u.DiscountBps); err != nil {
			return nil, err
		}
	}
	if u.DiscountAmount != nil && *u.DiscountAmount < 0 {
		return nil, errs.Invalid("discountAmount", "The discount cannot be negative.")
	}
	orderID, err := s.lineOrder(ctx, lineID)
	if err != nil {
		return nil, err
	}
	return s.edit(ctx, actor, orderID, version, true, func(tx *store.Tx, o *Order) error {
		sets, args := []string{"updated_at = ?"}, []any{store.FormatTime(tx.Now)}
		if u.Quantity != nil {
			sets, args = append(sets, "quantity = ?"), append(args, *u.Quantity)
		}
		if u.DiscountBps != nil {
			sets, args = append(sets, "discount_bps = ?"), append(args, *u.DiscountBps)
		}
		if u.DiscountAmount != nil {
			sets, args = append(sets, "discount_amount = ?"), append(args, *u.DiscountAmount)
		}
		_, err := tx.ExecContext(ctx, `UPDATE order_lines SET `+strings.Join(sets, ", ")+` WHERE id = ? AND order_id = ?`,
			append(args, lineID, o.ID)...)
		if err != nil {
			return fmt.Errorf("update order line: %w", err)
		}
		return nil
	})
}

// RemoveLine removes a line from a draft saved at version. ErrChanged,
// ErrNotDraft; ENOTFOUND on "lineId".
func (s *Service) RemoveLine(ctx context.Context, actor store.Actor, lineID string, version int64) (*Order, error) {
	orderID, err := s.lineOrder(ctx, lineID)
	if err != nil {
		return nil, err
	}
	return s.edit(ctx, actor, orderID, version, true, func(tx *store.Tx, o *Order) error {
		if _, err := tx.ExecContext(ctx, `DELETE FROM order_lines WHERE id = ? AND order_id = ?`, lineID, o.ID); err != nil {
			return fmt.Errorf("remove order line: %w", err)
		}
		return nil
	})
}

// DeleteDraft deletes a draft saved at version with its lines; its history
// keeps the creation and a "deleted" step. Orders past draft are cancelled,
// never deleted: ErrNotDraft for them. ErrChanged; ENOTFOUND.
func (s *Service) DeleteDraft(ctx context.Context, actor store.Actor, id string, version int64) error {
	return s.db.Update(ctx, actor, func(tx *store.Tx) error {
		o, err := findOrder(ctx, tx, id)
		if err != nil {
			return err
		}
		if o.Status != StatusDraft {
			return &errs.Error{Code: errs.ECONFLICT, Field: "status", Message: "Only a draft can be deleted; cancel the order instead."}
		}
		if o.Version != version {
			return ErrChanged
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM order_lines WHERE order_id = ?`, id); err != nil {
			return fmt.Errorf("delete draft lines: %w", err)
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM orders WHERE id = ?`, id); err != nil {
			return fmt.Errorf("delete draft: %w", err)
		}
		return addEvent(tx, id, StatusDraft, statusDeleted, "")
	})
}
