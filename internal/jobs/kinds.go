package jobs

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"oms/internal/errs"
	"oms/internal/order"
	"oms/internal/stock"
	"oms/internal/store"
)

// LowStockSource lists low-stock lines; *stock.Service is one.
type LowStockSource interface {
	LowStockLines(ctx context.Context) ([]*stock.LowStockLine, error)
}

// LowStockJob runs the low-stock check (stock.Service.LowStockLines) and
// reports how many products are below their reorder point, and in how
// many product and warehouse lines.
type LowStockJob struct {
	Stock LowStockSource
}

// Run counts the low-stock products.
func (j LowStockJob) Run(ctx context.Context, _ json.RawMessage) (string, error) {
	lines, err := j.Stock.LowStockLines(ctx)
	if err != nil {
		return "", err
	}
	products := map[string]bool{}
	for _, l := range lines {
		products[l.ProductID] = true
	}
	switch {
	case len(lines) == 0:
		return "No product is below its reorder point.", nil
	case len(products) == 1 && len(lines) == 1:
		return "1 product is below its reorder point.", nil
	case len(products) == len(lines):
		return fmt.Sprintf("%d products are below their reorder point.", len(products)), nil
	default:
		return fmt.Sprintf("%s below the reorder point in %d product and warehouse lines.", plural(len(products), "product is", "products are"), len(lines)), nil
	}
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// DraftStore finds and deletes draft orders; *order.Service is one.
type DraftStore interface {
	FindOrders(ctx context.Context, f order.OrderFilter) ([]*order.Order, int, error)
	DeleteDraft(ctx context.Context, actor store.Actor, id string, version int64) error
}

// DraftExpiryJob deletes draft orders nobody has touched for Days days
// (params {"days": 30}). It is what "reservation expiry" means for drafts
// in this system: a draft holds no stock reservation (stock is reserved
// when an order is confirmed), so expiring a draft frees nothing but the
// list; the order service's DeleteDraft refuses anything that is not a
// draft, and one edited since it was listed is kept.
type DraftExpiryJob struct {
	Orders DraftStore
	Now    func() time.Time
}

type draftParams struct {
	Days int `json:"days"`
}

func parseDraftParams(raw json.RawMessage) (draftParams, error) {
	var p draftParams
	if err := json.Unmarshal(raw, &p); err != nil {
		return p, errs.Invalid("days", "Enter the number of days as a whole number.")
	}
	if p.Days < 1 || p.Days > 3650 {
		return p, errs.Invalid("days", "Keep drafts for 1 to 3650 days.")
	}
	return p, nil
}

// ValidateParams checks days (1 to 3650); EINVALID on "days".
func (j DraftExpiryJob) ValidateParams(raw json.RawMessage, _ bool) error {
	_, err := parseDraftParams(raw)
	return err
}

// Run deletes the drafts last changed more than Days days ago, except web
// orders (from the shop, through the public API), which wait for a person.
func (j DraftExpiryJob) Run(ctx context.Context, raw json.RawMessage) (string, error) {
	p, err := parseDraftParams(raw)
	if err != nil {
		return "", err
	}
	cutoff := j.Now().AddDate(0, 0, -p.Days)
	var old []*order.Order
	f := order.OrderFilter{Status: order.StatusDraft, Limit: 500}
	for {
		page, _, err := j.Orders.FindOrders(ctx, f)
		if err != nil {
			return "", err
		}
		for _, o := range page {
			// Web orders wait for a person to confirm them: never expired.
			if o.UpdatedAt.Before(cutoff) && o.Channel != order.ChannelWeb {
				old = append(old, o)
			}
		}
		if len(page) < f.Limit {
			break
		}
		f.After = page[len(page)-1].Cursor()
	}
	deleted, kept := 0, 0
	for _, o := range old {
		if err := ctx.Err(); err != nil {
			return "", err
		}
		err := j.Orders.DeleteDraft(ctx, store.Actor{UserName: "scheduler"}, o.ID, o.Version)
		switch {
		case err == nil:
			deleted++
		case errs.Code(err) == errs.ECONFLICT || errs.Code(err) == errs.ENOTFOUND:
			kept++ // edited, confirmed or deleted since it was listed
		default:
			return "", fmt.Errorf("delete draft %s: %w", o.Number, err)
		}
	}
	msg := fmt.Sprintf("Deleted %s untouched for more than %d days.", plural(deleted, "draft", "drafts"), p.Days)
	if deleted == 0 {
		msg = fmt.Sprintf("No draft was untouched for more than %d days.", p.Days)
	}
	if kept > 0 {
		msg += fmt.Sprintf(" %s changed meanwhile and kept.", plural(kept, "draft was", "drafts were"))
	}
	return msg, nil
}
