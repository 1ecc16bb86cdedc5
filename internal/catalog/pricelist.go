package catalog

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"oms/internal/errs"
	"oms/internal/money"
	"oms/internal/store"
)

// The default price list is every product's own Price; it needs no row.
// A PriceList sets other prices for the customers of one customer group:
// per product (items), or else the default price less DiscountBps.

// PriceList is the prices of one customer group.
type PriceList struct {
	ID            string
	Name          string
	CustomerGroup string // unique regardless of ASCII case
	DiscountBps   int64  // off the default price for products without an item
	Active        bool   // an inactive list is ignored: its group pays default prices
	CreatedAt     time.Time
	UpdatedAt     time.Time
}

// PriceListInput describes a new price list.
type PriceListInput struct {
	Name          string
	CustomerGroup string
	DiscountBps   int64
}

// PriceListUpdate changes the fields that are not nil.
type PriceListUpdate struct {
	Name          *string
	CustomerGroup *string
	DiscountBps   *int64
	Active        *bool
}

// PriceListItem is the price of one product on a list.
type PriceListItem struct {
	PriceListID string
	ProductID   string
	SKU         string
	Name        string
	Price       int64
	UpdatedAt   time.Time
}

// Validate trims and checks the input. EINVALID on field "name",
// "customerGroup" or "discountBps".
func (in *PriceListInput) Validate() error {
	in.Name = strings.TrimSpace(in.Name)
	in.CustomerGroup = strings.TrimSpace(in.CustomerGroup)
	if in.Name == "" {
		return errs.Invalid("name", "Enter a name for the price list.")
	}
	if err := checkText("name", "The name", in.Name, 100, false); err != nil {
		return err
	}
	if in.CustomerGroup == "" {
		return errs.Invalid("customerGroup", "Enter the customer group this price list is for.")
	}
	if err := checkText("customerGroup", "The customer group", in.CustomerGroup, 50, false); err != nil {
		return err
	}
	return checkRange("discountBps", "The discount", in.DiscountBps, 0, money.MaxRateBps)
}

func priceListConflict(err error, in PriceListInput) error {
	if strings.Contains(err.Error(), "customer_group") {
		return &errs.Error{Code: errs.ECONFLICT, Field: "customerGroup", Message: fmt.Sprintf("The customer group %s has a price list already.", in.CustomerGroup)}
	}
	return &errs.Error{Code: errs.ECONFLICT, Field: "name", Message: fmt.Sprintf("A price list named %s exists already.", in.Name)}
}

// CreatePriceList adds an active price list for a customer group.
// EINVALID for bad input; ECONFLICT on "name" or "customerGroup" when
// another list has it.
func (s *Service) CreatePriceList(ctx context.Context, actor store.Actor, in PriceListInput) (*PriceList, error) {
	if err := in.Validate(); err != nil {
		return nil, err
	}
	var pl *PriceList
	err := s.db.Update(ctx, actor, func(tx *store.Tx) error {
		id, now := store.NewID(), store.FormatTime(tx.Now)
		_, err := tx.ExecContext(tx.Context(), `INSERT INTO price_lists (id, name, customer_group, discount_bps, active, created_at, updated_at)
			VALUES (?, ?, ?, ?, 1, ?, ?)`, id, in.Name, in.CustomerGroup, in.DiscountBps, now, now)
		if isUniqueViolation(err) {
			return priceListConflict(err, in)
		} else if err != nil {
			return fmt.Errorf("create price list: %w", err)
		}
		pl, err = findPriceList(tx.Context(), tx, id)
		return err
	})
	return pl, err
}

// UpdatePriceList changes a price list. ENOTFOUND, EINVALID or ECONFLICT as
// for CreatePriceList.
func (s *Service) UpdatePriceList(ctx context.Context, actor store.Actor, id string, u PriceListUpdate) (*PriceList, error) {
	var pl *PriceList
	err := s.db.Update(ctx, actor, func(tx *store.Tx) error {
		cur, err := findPriceList(tx.Context(), tx, id)
		if err != nil {
			return err
		}
		in := PriceListInput{Name: cur.Name, CustomerGroup: cur.CustomerGroup, DiscountBps: cur.DiscountBps}
		active := cur.Active
		if u.Name != nil {
			in.Name = *u.Name
		}
		if u.CustomerGroup != nil {
			in.CustomerGroup = *u.CustomerGroup
		}
		if u.DiscountBps != nil {
			in.DiscountBps = *u.DiscountBps
		}
		if u.Active != nil {
			active = *u.Active
		}
		if err := in.Validate(); err != nil {
			return err
		}
		_, err = tx.ExecContext(tx.Context(), `UPDATE price_lists SET name = ?, customer_group = ?, discount_bps = ?, active = ?, updated_at = ?
			WHERE id = ? AND (name IS NOT ? OR customer_group IS NOT ? OR discount_bps IS NOT ? OR active IS NOT ?)`,
			in.Name, in.CustomerGroup, in.DiscountBps, active, store.FormatTime(tx.Now), id, in.Name, in.CustomerGroup, in.DiscountBps, active)
		if isUniqueViolation(err) {
			return priceListConflict(err, in)
		} else if err != nil {
			return fmt.Errorf("update price list: %w", err)
		}
		pl, err = findPriceList(tx.Context(), tx, id)
		return err
	})
	return pl, err
}

// DeletePriceList removes a price list and its items; its customer group
// pays default prices from then on. ENOTFOUND if there is none.
func (s *Service) DeletePriceList(ctx context.Context, actor store.Actor, id string) error {
	return s.db.Update(ctx, actor, func(tx *store.Tx) error {
		if _, err := findPriceList(tx.Context(), tx, id); err != nil {
			return err
		}
		if _, err := tx.ExecContext(tx.Context(), `DELETE FROM price_list_items WHERE price_list_id = ?`, id); err != nil {
			return fmt.Errorf("delete price list items: %w", err)
		}
		if _, err := tx.ExecContext(tx.Context(), `DELETE FROM price_lists WHERE id = ?`, id); err != nil {
			return fmt.Errorf("delete price list: %w", err)
		}
		return nil
	})
}

const priceListColumns = `id, name, customer_group, discount_bps, active, created_at, updated_at`

func scanPriceList(scan func(...any) error) (*PriceList, error) {
	var pl PriceList
	var created, updated string
	if err := scan(&pl.ID, &pl.Name, &pl.CustomerGroup, &pl.DiscountBps, &pl.Active, &created, &updated); err != nil {
		return nil, err
	}
	pl.CreatedAt, _ = store.ParseTime(created)
	pl.UpdatedAt, _ = store.ParseTime(updated)
	return &pl, nil
}

func findPriceList(ctx context.Context, q Queryer, id string) (*PriceList, error) {
	pl, err := scanPriceList(q.QueryRowContext(ctx, `SELECT `+priceListColumns+` FROM price_lists WHERE id = ?`, id).Scan)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, errs.Errorf(errs.ENOTFOUND, "Price list not found.")
	} else if err != nil {
		return nil, fmt.Errorf("find price list: %w", err)
	}
	return pl, nil
}

// FindPriceListByID returns a price list. ENOTFOUND if there is none.
func (s *Service) FindPriceListByID(ctx context.Context, id string) (*PriceList, error) {
	return findPriceList(ctx, s.db.Reader(), id)
}

// FindPriceLists returns every price list by name.
func (s *Service) FindPriceLists(ctx context.Context) ([]*PriceList, error) {
	rows, err := s.db.Reader().QueryContext(ctx, `SELECT `+priceListColumns+` FROM price_lists ORDER BY name`)
	if err != nil {
		return nil, fmt.Errorf("find price lists: %w", err)
	}
	defer rows.Close()
	out := []*PriceList{}
	for rows.Next() {
		pl, err := scanPriceList(rows.Scan)
		if err != nil {
			return nil, fmt.Errorf("find price lists: %w", err)
		}
		out = append(out, pl)
	}
	return out, rows.Err()
}

// SetPriceListItem sets the price of a product on a list, adding or
// replacing its item. EINVALID on field "price" (0 to MaxPrice); ENOTFOUND
// for an unknown list or product (field "productId").
func (s *Service) SetPriceListItem(ctx context.Context, actor store.Actor, listID, productID string, price int64) error {
	if err := checkRange("price", "The price", price, 0, MaxPrice); err != nil {
		return err
	}
	return s.db.Update(ctx, actor, func(tx *store.Tx) error {
		if _, err := findPriceList(tx.Context(), tx, listID); err != nil {
			return err
		}
		if _, err := FindProduct(tx.Context(), tx, productID); err != nil {
			if errs.Code(err) == errs.ENOTFOUND {
				return &errs.Error{Code: errs.ENOTFOUND, Field: "productId", Message: "Product not found."}
			}
			return err
		}
		now := store.FormatTime(tx.Now)
		_, err := tx.ExecContext(tx.Context(), `INSERT INTO price_list_items (id, price_list_id, product_id, price, created_at, updated_at)
			VALUES (?, ?, ?, ?, ?, ?)
			ON CONFLICT (price_list_id, product_id) DO UPDATE SET price = excluded.price, updated_at = excluded.updated_at
			WHERE price IS NOT excluded.price`, store.NewID(), listID, productID, price, now, now)
		if err != nil {
			return fmt.Errorf("set price list item: %w", err)
		}
		return nil
	})
}

// RemovePriceListItem removes a product's price from a list: the product
// gets the list's discount off its default price again. Removing an item
// that is not there changes nothing.
func (s *Service) RemovePriceListItem(ctx context.Context, actor store.Actor, listID, productID string) error {
	return s.db.Update(ctx, actor, func(tx *store.Tx) error {
		if _, err := tx.ExecContext(tx.Context(), `DELETE FROM price_list_items WHERE price_list_id = ? AND product_id = ?`, listID, productID); err != nil {
			return fmt.Errorf("remove price list item: %w", err)
		}
		return nil
	})
}

// FindPriceListItems returns a page of a list's items by SKU, and how many
// there are. limit defaults to 100 and is capped at 1000.
func (s *Service) FindPriceListItems(ctx context.Context, listID string, limit, offset int) ([]*PriceListItem, int, error) {
	if limit <= 0 {
		limit = 100
	}
	limit, offset = min(limit, 1000), max(offset, 0)
	var total int
	if err := s.db.Reader().QueryRowContext(ctx, `SELECT count(*) FROM price_list_items WHERE price_list_id = ?`, listID).Scan(&total); err != nil {
		return nil, 0, fmt.Errorf("count price list items: %w", err)
	}
	rows, err := s.db.Reader().QueryContext(ctx, `SELECT i.price_list_id, i.product_id, p.sku, p.name, i.price, i.updated_at
		FROM price_list_items i JOIN products p ON p.id = i.product_id
		WHERE i.price_list_id = ? ORDER BY p.sku LIMIT ? OFFSET ?`, listID, limit, offset)
	if err != nil {
		return nil, 0, fmt.Errorf("find price list items: %w", err)
	}
	defer rows.Close()
	out := []*PriceListItem{}
	for rows.Next() {
		var it PriceListItem
		var updated string
		if err := rows.Scan(&it.PriceListID, &it.ProductID, &it.SKU, &it.Name, &it.Price, &updated); err != nil {
			return nil, 0, fmt.Errorf("find price list items: %w", err)
		}
		it.UpdatedAt, _ = store.ParseTime(updated)
		out = append(out, &it)
	}
	return out, total, rows.Err()
}

// PriceFor returns the unit price, in minor units, an order line for the
// product gets for a customer of customerGroup ("" for none). It is the one
// place prices are decided: the item on the group's active price list if
// there is one; else the product's default price less the list's discount
// (rounded half away from zero by money.Discounted); else the default
// price. Whether the price includes tax is FindSettings' PricesIncludeTax.
// It does not check that the product may be sold: see Sellable. ENOTFOUND
// if there is no such product.
func PriceFor(ctx context.Context, q Queryer, productID, customerGroup string) (int64, error) {
	var base, discount int64
	var item sql.NullInt64
	err := q.QueryRowContext(ctx, `SELECT p.price, i.price, COALESCE(l.discount_bps, 0)
		FROM products p
		LEFT JOIN price_lists l ON l.customer_group = ? AND l.active = 1
		LEFT JOIN price_list_items i ON i.price_list_id = l.id AND i.product_id = p.id
		WHERE p.id = ?`, strings.TrimSpace(customerGroup), productID).Scan(&base, &item, &discount)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, errs.Errorf(errs.ENOTFOUND, "Product not found.")
	} else if err != nil {
		return 0, fmt.Errorf("price for product: %w", err)
	}
	if item.Valid {
		return item.Int64, nil
	}
	price, err := money.Discounted(base, discount)
	if err != nil {
		return 0, fmt.Errorf("price for product: %w", err)
	}
	return price, nil
}

// PriceFor is the package function PriceFor over the read pool, for
// showing prices outside a transaction.
func (s *Service) PriceFor(ctx context.Context, productID, customerGroup string) (int64, error) {
	return PriceFor(ctx, s.db.Reader(), productID, customerGroup)
}
