package server

import (
	"cmp"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"slices"

	"oms/internal/store"
)

// recentOrders is how many orders a stock cell remembers as involved.
const recentOrders = 20

// moveStock adds a merged stock movement to its product and warehouse:
// reservations and releases move the reserved quantity, every other kind
// the quantity on hand (as stock_levels does on the workstations).
func (a *applier) moveStock(fields map[string]json.RawMessage) error {
	var kind, product, warehouse, refType, refID string
	var qty int64
	for name, dst := range map[string]any{"kind": &kind, "product_id": &product, "warehouse_id": &warehouse, "ref_type": &refType, "ref_id": &refID, "quantity": &qty} {
		if v, ok := fields[name]; ok {
			if err := json.Unmarshal(v, dst); err != nil {
				return fmt.Errorf("stock movement %s: %w", name, err)
			}
		}
	}
	onHand, reserved := qty, int64(0)
	if kind == "reservation" || kind == "release" {
		onHand, reserved = 0, qty
	}
	var orders string
	err := a.tx.queryRow(`SELECT recent_orders FROM srv_stock WHERE product_id = ? AND warehouse_id = ?`, product, warehouse).Scan(&orders)
	if errors.Is(err, sql.ErrNoRows) {
		orders = "[]"
	} else if err != nil {
		return err
	}
	if refType == "order" && refID != "" && (kind == "reservation" || kind == "sale") {
		var list []string
		_ = json.Unmarshal([]byte(orders), &list)
		if !slices.Contains(list, refID) {
			list = append(list, refID)
			if len(list) > recentOrders {
				list = list[len(list)-recentOrders:]
			}
		}
		orders = string(mustJSON(list))
	}
	if _, err := a.tx.exec(`INSERT INTO srv_stock (product_id, warehouse_id, on_hand, reserved, recent_orders) VALUES (?, ?, ?, ?, ?)
		ON CONFLICT (product_id, warehouse_id) DO UPDATE SET on_hand = srv_stock.on_hand + excluded.on_hand,
		reserved = srv_stock.reserved + excluded.reserved, recent_orders = excluded.recent_orders`,
		product, warehouse, onHand, reserved, orders); err != nil {
		return err
	}
	if onHand-reserved < 0 {
		a.cells[cell{product, warehouse}] = true
	}
	return nil
}

// raiseStockExceptions opens (or updates) the one exception of each stock
// cell this push took below zero available.
func (a *applier) raiseStockExceptions() error {
	keys := make([]cell, 0, len(a.cells))
	for c := range a.cells {
		keys = append(keys, c)
	}
	slices.SortFunc(keys, func(x, y cell) int {
		return cmp.Or(cmp.Compare(x.product, y.product), cmp.Compare(x.warehouse, y.warehouse))
	})
	for _, c := range keys {
		var onHand, reserved int64
		var orders string
		if err := a.tx.queryRow(`SELECT on_hand, reserved, recent_orders FROM srv_stock WHERE product_id = ? AND warehouse_id = ?`,
			c.product, c.warehouse).Scan(&onHand, &reserved, &orders); err != nil {
			return err
		}
		available := onHand - reserved
		if available >= 0 {
			continue
		}
		id := exceptionID("oversold", c.product+"/"+c.warehouse)
		cur, exists, err := a.load("sync_exceptions", id)
		if err != nil {
			return err
		}
		fields := map[string]any{"orders": orders, "shortage": -available, "updated_at": store.FormatTime(a.now)}
		if !exists || string(cur.Fields["status"]) != `"open"` {
			fields["status"] = "open"
			fields["resolution"] = ""
			fields["note"] = ""
			fields["settled_by"] = ""
			fields["settled_at"] = ""
			fields["detail"] = fmt.Sprintf("%d more sold or reserved than the warehouse has, as the movements of every workstation add up.", -available)
		}
		if !exists {
			fields["id"] = id
			fields["kind"] = "oversold"
			fields["product_id"] = c.product
			fields["warehouse_id"] = c.warehouse
			fields["order_id"] = ""
			fields["created_at"] = store.FormatTime(a.now)
		}
		if err := a.writeServerDoc("sync_exceptions", id, fields); err != nil {
			return err
		}
	}
	return nil
}

// raiseCancelShip opens the exception of an order cancelled on one
// workstation and shipped on another.
func (a *applier) raiseCancelShip(orderID string) error {
	id := exceptionID("cancel_ship", orderID)
	_, exists, err := a.load("sync_exceptions", id)
	if err != nil || exists {
		return err
	}
	return a.writeServerDoc("sync_exceptions", id, map[string]any{
		"id": id, "kind": "cancel_ship", "product_id": "", "warehouse_id": "", "order_id": orderID,
		"orders": string(mustJSON([]string{orderID})), "shortage": 0, "status": "open", "resolution": "", "note": "",
		"settled_by": "", "settled_at": "",
		"detail":     "Cancelled on one workstation while it was shipped on another: the order stays shipped.",
		"created_at": store.FormatTime(a.now), "updated_at": store.FormatTime(a.now),
	})
}
