package order

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"oms/internal/catalog"
	"oms/internal/errs"
	"oms/internal/store"
)

// MethodKind is what a payment method is. The rules follow the kind (change
// and the drawer for cash, the credit limit for on account, the balance for
// store credit); the name is only what people see.
type MethodKind string

// Method kinds.
const (
	MethodCash        MethodKind = "cash"
	MethodCard        MethodKind = "card"
	MethodTransfer    MethodKind = "transfer"
	MethodPayPal      MethodKind = "paypal"
	MethodAccount     MethodKind = "account"
	MethodGiftCard    MethodKind = "gift_card"
	MethodStoreCredit MethodKind = "store_credit"
)

var methodKinds = map[MethodKind]string{MethodCash: "cash", MethodCard: "card", MethodTransfer: "bank transfer",
	MethodPayPal: "PayPal", MethodAccount: "on account", MethodGiftCard: "gift card", MethodStoreCredit: "store credit"}

// MaxMethodName is the longest payment method name, in characters.
const MaxMethodName = 60

// PaymentMethod is a way to pay. The built-in methods have short ids
// ("cash", "card", ...); methods an admin adds have UUIDv7 ids.
type PaymentMethod struct {
	ID        string     `json:"id"`
	Name      string     `json:"name"`
	Kind      MethodKind `json:"kind"`
	Active    bool       `json:"active"`
	Sort      int64      `json:"sort"`
	CreatedAt time.Time  `json:"createdAt"`
	UpdatedAt time.Time  `json:"updatedAt"`
}

// PaymentMethodInput describes a new payment method.
type PaymentMethodInput struct {
	Name string
	Kind MethodKind
	Sort int64
}

// PaymentMethodUpdate changes the fields that are not nil. The kind never
// changes: payments snapshot it and its rules.
type PaymentMethodUpdate struct {
	Name   *string
	Active *bool
	Sort   *int64
}

const methodColumns = `id, name, kind, active, sort, created_at, updated_at`

func scanMethod(scan func(...any) error) (*PaymentMethod, error) {
	var m PaymentMethod
	var created, updated string
	if err := scan(&m.ID, &m.Name, &m.Kind, &m.Active, &m.Sort, &created, &updated); err != nil {
		return nil, err
	}
	var err error
	if m.CreatedAt, err = store.ParseTime(created); err != nil {
		return nil, err
	}
	if m.UpdatedAt, err = store.ParseTime(updated); err != nil {
		return nil, err
	}
	return &m, nil
}

// findMethod returns the payment method id: ENOTFOUND on "methodId".
func findMethod(ctx context.Context, q catalog.Queryer, id string) (*PaymentMethod, error) {
	m, err := scanMethod(q.QueryRowContext(ctx, `SELECT `+methodColumns+` FROM payment_methods WHERE id = ?`, id).Scan)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, &errs.Error{Code: errs.ENOTFOUND, Field: "methodId", Message: "Payment method not found."}
	} else if err != nil {
		return nil, fmt.Errorf("find payment method: %w", err)
	}
	return m, nil
}

func findMethods(ctx context.Context, q catalog.Queryer, activeOnly bool) ([]*PaymentMethod, error) {
	rows, err := q.QueryContext(ctx, `SELECT `+methodColumns+` FROM payment_methods
		WHERE active = 1 OR ? = 0 ORDER BY sort, name, id`, activeOnly)
	if err != nil {
		return nil, fmt.Errorf("find payment methods: %w", err)
	}
	defer rows.Close()
	out := []*PaymentMethod{}
	for rows.Next() {
		m, err := scanMethod(rows.Scan)
		if err != nil {
			return nil, fmt.Errorf("find payment methods: %w", err)
		}
		out = append(out, m)
	}
	return out, rows.Err()
}

// FindPaymentMethods returns the payment methods in their order (sort,
// then name), only the active ones when activeOnly.
func (s *Service) FindPaymentMethods(ctx context.Context, activeOnly bool) ([]*PaymentMethod, error) {
	return findMethods(ctx, s.db.Reader(), activeOnly)
}

// FindPaymentMethodByID returns one payment method. ENOTFOUND on "methodId".
func (s *Service) FindPaymentMethodByID(ctx context.Context, id string) (*PaymentMethod, error) {
	return findMethod(ctx, s.db.Reader(), id)
}

func checkMethodName(name string) (string, error) {
	name = strings.TrimSpace(name)
	if name == "" || !utf8.ValidString(name) || utf8.RuneCountInString(name) > MaxMethodName {
		return "", errs.Invalid("name", "Enter a name of at most %d characters.", MaxMethodName)
	}
	return name, nil
}

// checkMethodNameFree refuses a name another method (not id) already has.
func checkMethodNameFree(tx *store.Tx, name, id string) error {
	var n int
	if err := tx.QueryRowContext(tx.Context(), `SELECT count(*) FROM payment_methods WHERE name = ? COLLATE NOCASE AND id <> ?`,
		name, id).Scan(&n); err != nil {
		return fmt.Errorf("check payment method name: %w", err)
	}
	if n > 0 {
		return &errs.Error{Code: errs.ECONFLICT, Field: "name", Message: fmt.Sprintf("A payment method named %q exists; choose another name.", name)}
	}
	return nil
}

// CreatePaymentMethod adds a payment method of one of the fixed kinds, such
// as a second card terminal. EINVALID on "name" or "kind"; ECONFLICT on
// "name" when another method has that name.
func (s *Service) CreatePaymentMethod(ctx context.Context, actor store.Actor, in PaymentMethodInput) (*PaymentMethod, error) {
	name, err := checkMethodName(in.Name)
	if err != nil {
		return nil, err
	}
	if _, ok := methodKinds[in.Kind]; !ok {
		return nil, errs.Invalid("kind", "Choose the kind: cash, card, transfer, paypal, account, gift_card or store_credit.")
	}
	m := &PaymentMethod{ID: store.NewID(), Name: name, Kind: in.Kind, Active: true, Sort: in.Sort}
	err = s.db.Update(ctx, actor, func(tx *store.Tx) error {
		if err := checkMethodNameFree(tx, name, ""); err != nil {
			return err
		}
		m.CreatedAt, m.UpdatedAt = tx.Now, tx.Now
		if _, err := tx.ExecContext(tx.Context(), `INSERT INTO payment_methods (id, name, kind, active, sort, created_at, updated_at)
			VALUES (?, ?, ?, 1, ?, ?, ?)`, m.ID, m.Name, m.Kind, m.Sort, store.FormatTime(tx.Now), store.FormatTime(tx.Now)); err != nil {
			return fmt.Errorf("insert payment method: %w", err)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return m, nil
}

// UpdatePaymentMethod renames, reorders, deactivates or reactivates a
// payment method. A deactivated method takes no new payments; refunds to it
// remain possible, since money goes back the way it came. ENOTFOUND on
// "methodId"; EINVALID on "name"; ECONFLICT on "name" when another method
// has that name.
func (s *Service) UpdatePaymentMethod(ctx context.Context, actor store.Actor, id string, u PaymentMethodUpdate) (*PaymentMethod, error) {
	if u.Name != nil {
		name, err := checkMethodName(*u.Name)
		if err != nil {
			return nil, err
		}
		u.Name = &name
	}
	var m *PaymentMethod
	err := s.db.Update(ctx, actor, func(tx *store.Tx) error {
		var err error
		if m, err = findMethod(ctx, tx, id); err != nil {
			return err
		}
		before := *m
		if u.Name != nil {
			if err := checkMethodNameFree(tx, *u.Name, id); err != nil {
				return err
			}
			m.Name = *u.Name
		}
		if u.Active != nil {
			m.Active = *u.Active
		}
		if u.Sort != nil {
			m.Sort = *u.Sort
		}
		if *m == before {
			return nil // nothing to save, nothing to sync
		}
		m.UpdatedAt = tx.Now
		if _, err := tx.ExecContext(ctx, `UPDATE payment_methods SET name = ?, active = ?, sort = ?, updated_at = ? WHERE id = ?`,
			m.Name, m.Active, m.Sort, store.FormatTime(tx.Now), id); err != nil {
			return fmt.Errorf("update payment method: %w", err)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return m, nil
}
