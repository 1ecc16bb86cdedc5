package stock

import (
	"context"
	"fmt"
	"strings"
	"time"

	"oms/internal/catalog"
	"oms/internal/errs"
	"oms/internal/store"
)

// Kind is what a movement records.
type Kind string

// Movement kinds. Reservation and release change the reserved quantity;
// the others change the quantity on hand.
const (
	KindReceipt     Kind = "receipt"     // goods came in (quantity > 0)
	KindSale        Kind = "sale"        // goods left with a customer (< 0)
	KindReservation Kind = "reservation" // set aside for an order (> 0)
	KindRelease     Kind = "release"     // a reservation ends (< 0)
	KindReturn      Kind = "return"      // a customer brought goods back (> 0)
	KindAdjustment  Kind = "adjustment"  // a correction with a reason (either sign)
	KindTransfer    Kind = "transfer"    // one half of a move between places (either sign)
	KindCount       Kind = "count"       // a posted count variance (either sign)
)

// Reference types: what a movement belongs to.
const (
	RefOrder    = "order"
	RefPO       = "po"
	RefCount    = "count"
	RefTransfer = "transfer"
	RefReturn   = "return" // an RMA
	RefImport   = "import"
)

var refTypes = map[string]bool{"": true, RefOrder: true, RefPO: true, RefCount: true, RefTransfer: true, RefReturn: true, RefImport: true}

// Movement is one entry of the stock ledger. It is never changed.
type Movement struct {
	ID          string
	Kind        Kind
	ProductID   string
	WarehouseID string
	BinID       string // "" for stock not in a bin
	Quantity    int64  // signed, see Kind
	UnitCost    int64  // minor units; receipts carry the purchase cost
	Reason      string
	RefType     string
	RefID       string
	UserID      string
	UserName    string
	CreatedAt   time.Time
}

// MovementInput describes a movement. Quantity is signed as stored: for
// instance a sale of 3 is -3.
type MovementInput struct {
	Kind        Kind
	ProductID   string
	WarehouseID string
	BinID       string
	Quantity    int64
	UnitCost    int64
	Reason      string
	RefType     string
	RefID       string
}

// validate checks what can be checked without the database. EINVALID on
// kind, quantity, unitCost, reason, refType or refId.
func (in *MovementInput) validate() error {
	in.Reason = strings.TrimSpace(in.Reason)
	sign := 0
	switch in.Kind {
	case KindReceipt, KindReturn, KindReservation:
		sign = 1
	case KindSale, KindRelease:
		sign = -1
	case KindAdjustment, KindTransfer, KindCount:
	default:
		return errs.Invalid("kind", "Unknown kind of stock movement %q.", in.Kind)
	}
	switch {
	case in.Quantity == 0:
		return errs.Invalid("quantity", "The quantity cannot be zero.")
	case in.Quantity > MaxQuantity || in.Quantity < -MaxQuantity:
		return errs.Invalid("quantity", "The quantity must be at most %d.", MaxQuantity)
	case sign > 0 && in.Quantity < 0, sign < 0 && in.Quantity > 0:
		return errs.Invalid("quantity", "A %s must have a %s quantity.", in.Kind, map[int]string{1: "positive", -1: "negative"}[sign])
	}
	if in.UnitCost < 0 || in.UnitCost > catalog.MaxPrice {
		return errs.Invalid("unitCost", "The unit cost must be between 0 and %d.", catalog.MaxPrice)
	}
	if err := checkText("reason", "The reason", in.Reason, MaxReasonLen, false); err != nil {
		return err
	}
	if in.Kind == KindAdjustment && in.Reason == "" {
		return errs.Invalid("reason", "Give a reason for the adjustment.")
	}
	if !refTypes[in.RefType] {
		return errs.Invalid("refType", "Unknown reference type %q.", in.RefType)
	}
	if len(in.RefID) > 100 || (in.RefType == "") != (in.RefID == "") {
		return errs.Invalid("refId", "A reference needs both a type and an id of at most 100 characters.")
	}
	return nil
}

// Post appends a movement to the ledger within tx, after checking it: the
// product exists (and is not archived, for sales and reservations), the
// warehouse exists, the bin if any is in it, and both are active for
// movements that take stock in. It does not check stock is available: see
// Reserve and Transfer. EINVALID or ENOTFOUND name the field.
func Post(tx *store.Tx, in MovementInput) (*Movement, error) {
	if err := check(tx, &in); err != nil {
		return nil, err
	}
	return insertMovement(tx, in)
}

// check validates a movement within tx, as Post describes.
func check(tx *store.Tx, in *MovementInput) error {
	if err := in.validate(); err != nil {
		return err
	}
	ctx := tx.Context()
	var err error
	if in.Kind == KindSale || in.Kind == KindReservation {
		_, err = catalog.Sellable(ctx, tx, in.ProductID)
	} else {
		_, err = catalog.FindProduct(ctx, tx, in.ProductID)
	}
	if err != nil {
		return withField(err, "productId")
	}
	takeIn := in.Quantity > 0 && in.Kind != KindCount && in.Kind != KindAdjustment
	return checkPlace(ctx, tx, in.WarehouseID, in.BinID, takeIn, "")
}

// insertMovement writes a checked movement.
func insertMovement(tx *store.Tx, in MovementInput) (*Movement, error) {
	m := &Movement{ID: store.NewID(), Kind: in.Kind, ProductID: in.ProductID, WarehouseID: in.WarehouseID, BinID: in.BinID,
		Quantity: in.Quantity, UnitCost: in.UnitCost, Reason: in.Reason, RefType: in.RefType, RefID: in.RefID,
		UserID: tx.Actor.UserID, UserName: tx.Actor.UserName, CreatedAt: tx.Now}
	_, err := tx.ExecContext(tx.Context(), `INSERT INTO stock_movements (id, kind, product_id, warehouse_id, bin_id, quantity, unit_cost,
		reason, ref_type, ref_id, user_id, user_name, created_at) VALUES (?, ?, ?, ?, NULLIF(?, ''), ?, ?, ?, ?, ?, ?, ?, ?)`,
		m.ID, string(m.Kind), m.ProductID, m.WarehouseID, m.BinID, m.Quantity, m.UnitCost, m.Reason, m.RefType, m.RefID,
		m.UserID, m.UserName, store.FormatTime(m.CreatedAt))
	if err != nil {
		return nil, fmt.Errorf("post stock movement: %w", err)
	}
	return m, nil
}

// manualKinds are the movements a person may post directly; the others
// come from orders, transfers, counts and receiving.
var manualKinds = map[Kind]bool{KindReceipt: true, KindAdjustment: true, KindReturn: true}

// PostMovement posts a receipt (goods in without a purchase order), an
// adjustment (with a reason) or a return in its own transaction. EINVALID
// on field "kind" for other kinds; otherwise the errors of Post.
func (s *Service) PostMovement(ctx context.Context, actor store.Actor, in MovementInput) (*Movement, error) {
	if !manualKinds[in.Kind] {
		return nil, errs.Invalid("kind", "Post a receipt, an adjustment or a return here; %s movements come from their own screens.", in.Kind)
	}
	var m *Movement
	err := s.db.Update(ctx, actor, func(tx *store.Tx) error {
		var err error
		m, err = Post(tx, in)
		return err
	})
	return m, err
}

// MovementFilter selects movements; empty fields select all. Limit
// defaults to 100 and is capped at 1000.
type MovementFilter struct {
	ProductID   string
	WarehouseID string
	BinID       string
	Kind        Kind
	RefType     string
	RefID       string
	Limit       int
	Offset      int
}

// FindMovements returns a page of movements matching f, newest first, and
// how many match: the history of a product (who, when, why, reference).
func (s *Service) FindMovements(ctx context.Context, f MovementFilter) ([]*Movement, int, error) {
	return FindMovements(ctx, s.db.Reader(), f)
}

// FindMovements returns a page of movements matching f through q (the
// read pool or a transaction), newest first, and how many match.
func FindMovements(ctx context.Context, q Queryer, f MovementFilter) ([]*Movement, int, error) {
	if f.Limit <= 0 {
		f.Limit = 100
	}
	f.Limit, f.Offset = min(f.Limit, 1000), max(f.Offset, 0)
	var where []string
	var args []any
	for _, c := range []struct {
		column, value string
	}{
		{"product_id", f.ProductID}, {"warehouse_id", f.WarehouseID}, {"bin_id", f.BinID},
		{"kind", string(f.Kind)}, {"ref_type", f.RefType}, {"ref_id", f.RefID},
	} {
		if c.value != "" {
			where = append(where, c.column+" = ?")
			args = append(args, c.value)
		}
	}
	cond := ""
	if len(where) > 0 {
		cond = " WHERE " + strings.Join(where, " AND ")
	}
	var total int
	if err := q.QueryRowContext(ctx, `SELECT count(*) FROM stock_movements`+cond, args...).Scan(&total); err != nil {
		return nil, 0, fmt.Errorf("count movements: %w", err)
	}
	rows, err := q.QueryContext(ctx, `SELECT id, kind, product_id, warehouse_id, COALESCE(bin_id, ''), quantity, unit_cost, reason,
		ref_type, ref_id, user_id, user_name, created_at FROM stock_movements`+cond+`
		ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?`, append(args, f.Limit, f.Offset)...)
	if err != nil {
		return nil, 0, fmt.Errorf("find movements: %w", err)
	}
	defer rows.Close()
	out := []*Movement{}
	for rows.Next() {
		var m Movement
		var kind, created string
		if err := rows.Scan(&m.ID, &kind, &m.ProductID, &m.WarehouseID, &m.BinID, &m.Quantity, &m.UnitCost, &m.Reason,
			&m.RefType, &m.RefID, &m.UserID, &m.UserName, &created); err != nil {
			return nil, 0, fmt.Errorf("find movements: %w", err)
		}
		m.Kind = Kind(kind)
		m.CreatedAt, _ = store.ParseTime(created)
		out = append(out, &m)
	}
	return out, total, rows.Err()
}
