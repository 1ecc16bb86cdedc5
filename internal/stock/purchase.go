package stock

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"oms/internal/catalog"
	"oms/internal/errs"
	"oms/internal/money"
	"oms/internal/store"
)

// POStatus is where a purchase order is in its life.
type POStatus string

// Purchase order statuses: draft -> sent -> partly_received -> received,
// or cancelled before it is received in full.
const (
	PODraft          POStatus = "draft"
	POSent           POStatus = "sent"
	POPartlyReceived POStatus = "partly_received"
	POReceived       POStatus = "received"
	POCancelled      POStatus = "cancelled"
)

// MaxPOLines is the most lines a purchase order may have.
const MaxPOLines = 1000

// PurchaseOrder is an order of stock from a supplier, received into one
// warehouse.
type PurchaseOrder struct {
	ID          string
	Number      string // "PO-260304-3F9A1C": date and the id's last six hex digits
	SupplierID  string
	WarehouseID string
	Status      POStatus
	Notes       string
	Lines       []*PurchaseOrderLine
	Total       int64 // sum of quantity x unit cost, minor units
	SentAt      time.Time
	ClosedAt    time.Time // received in full or cancelled
	CreatedAt   time.Time
	UpdatedAt   time.Time
}

// PurchaseOrderLine is one product on a purchase order.
type PurchaseOrderLine struct {
	ID        string
	LineNo    int
	ProductID string
	SKU       string
	Name      string
	Quantity  int64 // ordered
	Received  int64 // may exceed Quantity after a confirmed over-receipt
	UnitCost  int64 // minor units
}

// PurchaseOrderInput describes a new purchase order.
type PurchaseOrderInput struct {
	SupplierID  string
	WarehouseID string
	Notes       string
	Lines       []PurchaseOrderLineInput
}

// PurchaseOrderLineInput describes a line.
type PurchaseOrderLineInput struct {
	ProductID string
	Quantity  int64
	UnitCost  int64
}

// PurchaseOrderUpdate changes a draft: the fields that are not nil; Lines
// replaces every line.
type PurchaseOrderUpdate struct {
	Notes *string
	Lines *[]PurchaseOrderLineInput
}

// checkPOLines validates lines within tx. EINVALID or ENOTFOUND on
// "lines.N.field" (N from 0); ECONFLICT for an archived product.
func checkPOLines(tx *store.Tx, lines []PurchaseOrderLineInput) error {
	if len(lines) > MaxPOLines {
		return errs.Invalid("lines", "A purchase order can have at most %d lines.", MaxPOLines)
	}
	for i, l := range lines {
		field := fmt.Sprintf("lines.%d.", i)
		if err := checkQuantity(field+"quantity", l.Quantity); err != nil {
			return err
		}
		if l.UnitCost < 0 || l.UnitCost > catalog.MaxPrice {
			return errs.Invalid(field+"unitCost", "The unit cost must be between 0 and %d.", catalog.MaxPrice)
		}
		p, err := catalog.FindProduct(tx.Context(), tx, l.ProductID)
		if err != nil {
			return withField(err, field+"productId")
		}
		if !p.Active {
			return &errs.Error{Code: errs.ECONFLICT, Field: field + "productId", Message: fmt.Sprintf("The product %s is archived.", p.SKU)}
		}
	}
	return nil
}

func writePOLines(tx *store.Tx, poID string, lines []PurchaseOrderLineInput) error {
	ctx, now := tx.Context(), store.FormatTime(tx.Now)
	if _, err := tx.ExecContext(ctx, `DELETE FROM purchase_order_lines WHERE purchase_order_id = ?`, poID); err != nil {
		return fmt.Errorf("write purchase order lines: %w", err)
	}
	for i, l := range lines {
		if _, err := tx.ExecContext(ctx, `INSERT INTO purchase_order_lines (id, purchase_order_id, line_no, product_id, quantity, received,
			unit_cost, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 0, ?, ?, ?)`,
			store.NewID(), poID, i+1, l.ProductID, l.Quantity, l.UnitCost, now, now); err != nil {
			return fmt.Errorf("write purchase order lines: %w", err)
		}
	}
	return nil
}

// CreatePurchaseOrder adds a draft purchase order. ENOTFOUND on
// "supplierId" or "warehouseId"; ECONFLICT when either is inactive; line
// errors as checkPOLines.
func (s *Service) CreatePurchaseOrder(ctx context.Context, actor store.Actor, in PurchaseOrderInput) (*PurchaseOrder, error) {
	var po *PurchaseOrder
	err := s.db.Update(ctx, actor, func(tx *store.Tx) error {
		var err error
		po, err = createPurchaseOrder(tx, in)
		return err
	})
	return po, err
}

func createPurchaseOrder(tx *store.Tx, in PurchaseOrderInput) (*PurchaseOrder, error) {
	ctx := tx.Context()
	in.Notes = strings.TrimSpace(in.Notes)
	if err := checkText("notes", "The notes", in.Notes, MaxNotesLen, true); err != nil {
		return nil, err
	}
	sup, err := findSupplier(ctx, tx, in.SupplierID)
	if err != nil {
		return nil, err
	}
	if !sup.Active {
		return nil, &errs.Error{Code: errs.ECONFLICT, Field: "supplierId", Message: fmt.Sprintf("The supplier %s is inactive.", sup.Code)}
	}
	if err := checkPlace(ctx, tx, in.WarehouseID, "", true, ""); err != nil {
		return nil, err
	}
	if err := checkPOLines(tx, in.Lines); err != nil {
		return nil, err
	}
	id, now := store.NewID(), store.FormatTime(tx.Now)
	number := "PO-" + tx.Now.Format("060102") + "-" + strings.ToUpper(id[len(id)-6:])
	if _, err := tx.ExecContext(ctx, `INSERT INTO purchase_orders (id, number, supplier_id, warehouse_id, status, notes, created_at, updated_at)
		VALUES (?, ?, ?, ?, 'draft', ?, ?, ?)`, id, number, in.SupplierID, in.WarehouseID, in.Notes, now, now); err != nil {
		return nil, fmt.Errorf("create purchase order: %w", err)
	}
	if err := writePOLines(tx, id, in.Lines); err != nil {
		return nil, err
	}
	return findPurchaseOrder(ctx, tx, id)
}

// UpdatePurchaseOrder changes a draft. ECONFLICT once it is sent;
// otherwise the errors of CreatePurchaseOrder.
func (s *Service) UpdatePurchaseOrder(ctx context.Context, actor store.Actor, id string, u PurchaseOrderUpdate) (*PurchaseOrder, error) {
	var po *PurchaseOrder
	err := s.db.Update(ctx, actor, func(tx *store.Tx) error {
		cur, err := findPurchaseOrder(tx.Context(), tx, id)
		if err != nil {
			return err
		}
		if cur.Status != PODraft {
			return errs.Errorf(errs.ECONFLICT, "Purchase order %s is %s; only a draft can be changed.", cur.Number, statusText(cur.Status))
		}
		if u.Notes != nil {
			notes := strings.TrimSpace(*u.Notes)
			if err := checkText("notes", "The notes", notes, MaxNotesLen, true); err != nil {
				return err
			}
			if _, err := tx.ExecContext(tx.Context(), `UPDATE purchase_orders SET notes = ?, updated_at = ? WHERE id = ? AND notes IS NOT ?`,
				notes, store.FormatTime(tx.Now), id, notes); err != nil {
				return fmt.Errorf("update purchase order: %w", err)
			}
		}
		if u.Lines != nil {
			if err := checkPOLines(tx, *u.Lines); err != nil {
				return err
			}
			if err := writePOLines(tx, id, *u.Lines); err != nil {
				return err
			}
		}
		po, err = findPurchaseOrder(tx.Context(), tx, id)
		return err
	})
	return po, err
}

func statusText(s POStatus) string { return strings.ReplaceAll(string(s), "_", " ") }

// SendPurchaseOrder marks a draft as sent to the supplier. ECONFLICT if it
// is not a draft or has no lines.
func (s *Service) SendPurchaseOrder(ctx context.Context, actor store.Actor, id string) (*PurchaseOrder, error) {
	return s.changeStatus(ctx, actor, id, func(po *PurchaseOrder) (POStatus, error) {
		if po.Status != PODraft {
			return "", errs.Errorf(errs.ECONFLICT, "Purchase order %s is %s already.", po.Number, statusText(po.Status))
		}
		if len(po.Lines) == 0 {
			return "", errs.Errorf(errs.ECONFLICT, "Add at least one line before sending the purchase order.")
		}
		return POSent, nil
	})
}

// CancelPurchaseOrder cancels what is still to come of a purchase order;
// stock already received stays. ECONFLICT if it is received in full or
// cancelled.
func (s *Service) CancelPurchaseOrder(ctx context.Context, actor store.Actor, id string) (*PurchaseOrder, error) {
	return s.changeStatus(ctx, actor, id, func(po *PurchaseOrder) (POStatus, error) {
		if po.Status == POReceived || po.Status == POCancelled {
			return "", errs.Errorf(errs.ECONFLICT, "Purchase order %s is %s and cannot be cancelled.", po.Number, statusText(po.Status))
		}
		return POCancelled, nil
	})
}

func (s *Service) changeStatus(ctx context.Context, actor store.Actor, id string, next func(*PurchaseOrder) (POStatus, error)) (*PurchaseOrder, error) {
	var po *PurchaseOrder
	err := s.db.Update(ctx, actor, func(tx *store.Tx) error {
		cur, err := findPurchaseOrder(tx.Context(), tx, id)
		if err != nil {
			return err
		}
		status, err := next(cur)
		if err != nil {
			return err
		}
		if err := setPOStatus(tx, cur, status); err != nil {
			return err
		}
		po, err = findPurchaseOrder(tx.Context(), tx, id)
		return err
	})
	return po, err
}

// setPOStatus records a status, with sent_at and closed_at.
func setPOStatus(tx *store.Tx, po *PurchaseOrder, status POStatus) error {
	now := store.FormatTime(tx.Now)
	sentAt, closedAt := store.FormatTime(po.SentAt), ""
	if po.SentAt.IsZero() {
		sentAt = ""
		if status != PODraft && status != POCancelled {
			sentAt = now
		}
	}
	if status == POReceived || status == POCancelled {
		closedAt = now
	}
	_, err := tx.ExecContext(tx.Context(), `UPDATE purchase_orders SET status = ?, sent_at = ?, closed_at = ?, updated_at = ?
		WHERE id = ? AND status IS NOT ?`, string(status), sentAt, closedAt, now, po.ID, string(status))
	if err != nil {
		return fmt.Errorf("set purchase order status: %w", err)
	}
	return nil
}

const poColumns = `id, number, supplier_id, warehouse_id, status, notes, sent_at, closed_at, created_at, updated_at`

func scanPO(scan func(...any) error) (*PurchaseOrder, error) {
	var po PurchaseOrder
	var status, sent, closed, created, updated string
	if err := scan(&po.ID, &po.Number, &po.SupplierID, &po.WarehouseID, &status, &po.Notes, &sent, &closed, &created, &updated); err != nil {
		return nil, err
	}
	po.Status = POStatus(status)
	po.SentAt, _ = store.ParseTime(sent)
	po.ClosedAt, _ = store.ParseTime(closed)
	po.CreatedAt, _ = store.ParseTime(created)
	po.UpdatedAt, _ = store.ParseTime(updated)
	po.Lines = []*PurchaseOrderLine{}
	return &po, nil
}

func findPurchaseOrder(ctx context.Context, q Queryer, id string) (*PurchaseOrder, error) {
	po, err := scanPO(q.QueryRowContext(ctx, `SELECT `+poColumns+` FROM purchase_orders WHERE id = ?`, id).Scan)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, notFound("purchaseOrderId", "Purchase order not found.")
	} else if err != nil {
		return nil, fmt.Errorf("find purchase order: %w", err)
	}
	rows, err := q.QueryContext(ctx, `SELECT id, line_no, product_id, quantity, received, unit_cost FROM purchase_order_lines
		WHERE purchase_order_id = ? ORDER BY line_no`, id)
	if err != nil {
		return nil, fmt.Errorf("find purchase order lines: %w", err)
	}
	var ids []string
	for rows.Next() {
		var l PurchaseOrderLine
		if err := rows.Scan(&l.ID, &l.LineNo, &l.ProductID, &l.Quantity, &l.Received, &l.UnitCost); err != nil {
			rows.Close()
			return nil, fmt.Errorf("find purchase order lines: %w", err)
		}
		po.Lines = append(po.Lines, &l)
		ids = append(ids, l.ProductID)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("find purchase order lines: %w", err)
	}
	products, err := catalog.FindProductsByID(ctx, q, ids)
	if err != nil {
		return nil, err
	}
	for _, l := range po.Lines {
		if p := products[l.ProductID]; p != nil {
			l.SKU, l.Name = p.SKU, p.Name
		}
		lineTotal, err := money.Mul(l.UnitCost, l.Quantity)
		if err == nil {
			po.Total, err = money.Add(po.Total, lineTotal)
		}
		if err != nil {
			return nil, fmt.Errorf("purchase order %s total: %w", po.Number, err)
		}
	}
	return po, nil
}

// FindPurchaseOrderByID returns a purchase order with its lines. ENOTFOUND
// if there is none.
func (s *Service) FindPurchaseOrderByID(ctx context.Context, id string) (*PurchaseOrder, error) {
	return findPurchaseOrder(ctx, s.db.Reader(), id)
}

// PurchaseOrderFilter selects purchase orders; empty fields select all.
// Limit defaults to 50 and is capped at 500.
type PurchaseOrderFilter struct {
	Status     POStatus
	SupplierID string
	Limit      int
	Offset     int
}

// FindPurchaseOrders returns a page of purchase orders (without lines, but
// with their totals), newest first, and how many match. The totals come
// from one aggregate over the page's lines, not a query per order.
func (s *Service) FindPurchaseOrders(ctx context.Context, f PurchaseOrderFilter) ([]*PurchaseOrder, int, error) {
	if f.Limit <= 0 {
		f.Limit = 50
	}
	f.Limit, f.Offset = min(f.Limit, 500), max(f.Offset, 0)
	q := s.db.Reader()
	const where = ` WHERE (? = '' OR status = ?) AND (? = '' OR supplier_id = ?)`
	args := []any{string(f.Status), string(f.Status), f.SupplierID, f.SupplierID}
	var total int
	if err := q.QueryRowContext(ctx, `SELECT count(*) FROM purchase_orders`+where, args...).Scan(&total); err != nil {
		return nil, 0, fmt.Errorf("count purchase orders: %w", err)
	}
	// SQLite turns an int64 product that overflows into a REAL, so the sum
	// is scanned as any and anything but an integer is an overflow, as
	// money.Mul and money.Add report it for a single order.
	rows, err := q.QueryContext(ctx, `SELECT `+poColumns+`, (SELECT COALESCE(SUM(l.quantity * l.unit_cost), 0)
		FROM purchase_order_lines l WHERE l.purchase_order_id = purchase_orders.id)
		FROM purchase_orders`+where+` ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?`,
		append(args, f.Limit, f.Offset)...)
	if err != nil {
		return nil, 0, fmt.Errorf("find purchase orders: %w", err)
	}
	defer rows.Close()
	out := []*PurchaseOrder{}
	for rows.Next() {
		var sum any
		po, err := scanPO(func(dest ...any) error { return rows.Scan(append(dest, &sum)...) })
		if err != nil {
			return nil, 0, fmt.Errorf("find purchase orders: %w", err)
		}
		n, ok := sum.(int64)
		if !ok {
			return nil, 0, fmt.Errorf("purchase order %s total: %w", po.Number, money.ErrOverflow)
		}
		po.Total = n
		out = append(out, po)
	}
	return out, total, rows.Err()
}

// openOrderQuantities returns, per product, what open purchase orders
// (draft, sent, partly received) still bring into a warehouse ("" for all).
func openOrderQuantities(ctx context.Context, q Queryer, warehouseID string) (map[string]int64, error) {
	rows, err := q.QueryContext(ctx, `SELECT l.product_id, SUM(l.quantity - l.received) FROM purchase_order_lines l
		JOIN purchase_orders o ON o.id = l.purchase_order_id
		WHERE o.status IN ('draft', 'sent', 'partly_received') AND l.quantity > l.received AND (? = '' OR o.warehouse_id = ?)
		GROUP BY l.product_id`, warehouseID, warehouseID)
	if err != nil {
		return nil, fmt.Errorf("read open purchase orders: %w", err)
	}
	defer rows.Close()
	out := map[string]int64{}
	for rows.Next() {
		var id string
		var n int64
		if err := rows.Scan(&id, &n); err != nil {
			return nil, fmt.Errorf("read open purchase orders: %w", err)
		}
		out[id] = n
	}
	return out, rows.Err()
}
