// Package report writes the managers' Excel reports with excelize: sales,
// order lines, inventory valuation, low stock, the stock ledger,
// customers, payments and returns, each for a date range and the filters
// that fit it. It owns no table: it is the one place that reads across the
// domains' tables, read-only, with SQL in one read transaction on a
// connection of the store's reader pool, so all sheets of a workbook show
// the same moment (the low-stock rules come from the stock service).
//
// Every workbook is ready to work with: numbers, amounts and dates are real
// numeric cells (amounts in major units with the company currency's
// format, dates with a date format), each sheet has a frozen header row, an
// autofilter, column widths and a totals row of SUM formulas, and the sales
// report charts its sales per day. Text is always written as text, never as
// a formula, whatever it starts with ("=", "+", "-", "@"). Sheets are
// streamed row by row (rows are never all in memory); past Excel's
// 1,048,576 rows a sheet continues on "Name (2)" with the header repeated.
// Days and times are UTC, as the rest of OMS counts days.
package report

import (
	"archive/zip"
	"compress/flate"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"oms/internal/company"
	"oms/internal/errs"
	"oms/internal/store"
)

// Params are what a report covers. From and To are days (To inclusive);
// the filters are ids, "" for all. Progress, when set, is called now and
// then with the data rows written and the rows expected (an estimate that
// grows when more come).
type Params struct {
	From, To    time.Time
	WarehouseID string
	CustomerID  string
	ProductID   string
	Progress    func(done, total int64)
}

// Report describes one report: its name (for the CLI and the app), title,
// what it holds and which filters it takes ("warehouse", "customer",
// "product").
type Report struct {
	Name        string
	Title       string
	Description string
	Filters     []string

	write func(g *Generator, b *book, q query) error
}

// Summary is what a written report holds.
type Summary struct {
	Name   string
	Rows   int64    // data rows over all sheets
	Sheets []string // in order
}

// Generator writes reports from a database.
type Generator struct {
	db *store.DB
}

// NewGenerator returns a generator reading db.
func NewGenerator(db *store.DB) *Generator { return &Generator{db: db} }

var reports = []Report{
	{Name: "sales", Title: "Sales", Filters: []string{"warehouse", "customer", "product"},
		Description: "Goods sold (order lines of confirmed, shipped and delivered orders; shipping charges not included) by day, product, customer and channel, with a chart of sales per day.",
		write:       (*Generator).sales},
	{Name: "orders", Title: "Order lines", Filters: []string{"warehouse", "customer", "product"},
		Description: "Every line of the orders created in the period (drafts left out): order, customer, product, quantity, prices, tax, payment and shipments.",
		write:       (*Generator).orders},
	{Name: "inventory", Title: "Inventory valuation", Filters: []string{"warehouse", "product"},
		Description: "Stock on hand, reserved and available by product and warehouse at the end of the period, valued at the products' unit cost.",
		write:       (*Generator).inventory},
	{Name: "low-stock", Title: "Low stock", Filters: []string{"warehouse", "product"},
		Description: "Products now below their reorder point, with what is on order, the suggested order quantity and the last supplier.",
		write:       (*Generator).lowStock},
	{Name: "movements", Title: "Stock movements", Filters: []string{"warehouse", "product"},
		Description: "The stock ledger of the period: every receipt, sale, reservation, release, return, adjustment, transfer and count.",
		write:       (*Generator).movements},
	{Name: "customers", Title: "Customers", Filters: []string{"customer"},
		Description: "Customers with their orders and total bought in the period, last order date, balance on account and store credit.",
		write:       (*Generator).customers},
	{Name: "payments", Title: "Payments", Filters: []string{"warehouse", "customer"},
		Description: "Payments and refunds by method and day, as the end-of-day cash report counts them, and every payment of the period.",
		write:       (*Generator).payments},
	{Name: "returns", Title: "Returns", Filters: []string{"warehouse", "customer", "product"},
		Description: "Returned goods by reason and by product, with every returned line of the period.",
		write:       (*Generator).returns},
}

// Reports returns the reports there are, in menu order.
func Reports() []Report { return append([]Report(nil), reports...) }

// Find returns the report named name. EINVALID on "name" otherwise.
func Find(name string) (Report, error) {
	name = strings.ToLower(strings.TrimSpace(name))
	for _, r := range reports {
		if r.Name == name {
			return r, nil
		}
	}
	names := make([]string, len(reports))
	for i, r := range reports {
		names[i] = r.Name
	}
	return Report{}, errs.Invalid("name", "There is no report %q; choose %s.", name, strings.Join(names, ", "))
}

// query is a report's range as the database stores times, and its filters.
type query struct {
	from, to    string // [from, to): store.FormatTime of the first day and of the day after the last
	fromDay     time.Time
	toDay       time.Time // the last day, inclusive
	warehouseID string
	customerID  string
	productID   string
}

// maxDays is the longest range a report covers.
const maxDays = 100 * 366

func (p Params) query() (query, error) {
	if p.From.IsZero() {
		return query{}, errs.Invalid("from", "Choose the first day of the report.")
	}
	if p.To.IsZero() {
		return query{}, errs.Invalid("to", "Choose the last day of the report.")
	}
	from := time.Date(p.From.Year(), p.From.Month(), p.From.Day(), 0, 0, 0, 0, time.UTC)
	to := time.Date(p.To.Year(), p.To.Month(), p.To.Day(), 0, 0, 0, 0, time.UTC)
	if to.Before(from) {
		return query{}, errs.Invalid("to", "The last day must not be before the first.")
	}
	if to.Sub(from) > maxDays*24*time.Hour {
		return query{}, errs.Invalid("to", "A report covers at most 100 years.")
	}
	return query{from: store.FormatTime(from), to: store.FormatTime(to.AddDate(0, 0, 1)), fromDay: from, toDay: to,
		warehouseID: p.WarehouseID, customerID: p.CustomerID, productID: p.ProductID}, nil
}

// Write writes the report named name for p to w as an .xlsx workbook.
// EINVALID on "name" for an unknown report, on "from" and "to" for a
// missing or reversed range; ENOTFOUND before the company is set up. A
// cancelled ctx stops it inside its row loops with ctx's error, and then
// nothing has been written to w (the workbook is written at the end, so a
// caller writing a file atomically leaves no partial file).
func (g *Generator) Write(ctx context.Context, name string, w io.Writer, p Params) (*Summary, error) {
	rep, err := Find(name)
	if err != nil {
		return nil, err
	}
	q, err := p.query()
	if err != nil {
		return nil, err
	}
	cur, mu, err := g.currency(ctx)
	if err != nil {
		return nil, err
	}
	b, err := newBook(ctx, cur, mu, p.Progress)
	if err != nil {
		return nil, err
	}
	defer b.f.Close()
	// One read transaction on one connection of the read pool: every sheet
	// sees the same snapshot, so their totals agree while the counter keeps
	// selling. Its sorts (ORDER BY over a million rows) spill to temporary
	// files instead of the pool's in-memory temp store, which the
	// connection gets back after.
	conn, err := g.db.Reader().Conn(ctx)
	if err != nil {
		return nil, fmt.Errorf("report connection: %w", err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, `PRAGMA temp_store = FILE`); err != nil {
		return nil, fmt.Errorf("report connection: %w", err)
	}
	defer conn.ExecContext(context.Background(), `PRAGMA temp_store = MEMORY`)
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return nil, fmt.Errorf("report snapshot: %w", err)
	}
	defer tx.Rollback()
	b.db = tx
	if err := rep.write(g, b, q); err != nil {
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		return nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	// Zip straight into w: excelize would build the whole file in a buffer
	// first (the size of the file in memory), and compress it at its
	// default level, the slowest part of a big report. Every part stays
	// below zip64's 4 GB (a sheet holds at most 1,048,576 rows), so the
	// local headers excelize patches for zip64 parts in its buffer are
	// not needed.
	b.f.SetZipWriter(func(io.Writer) excelize.ZipWriter {
		zw := zip.NewWriter(w)
		zw.RegisterCompressor(zip.Deflate, func(out io.Writer) (io.WriteCloser, error) {
			return flate.NewWriter(out, flate.BestSpeed)
		})
		return zw
	})
	b.f.SetActiveSheet(0)
	_ = b.f.SetDocProps(&excelize.DocProperties{Title: rep.Title, Creator: "OMS",
		Description: fmt.Sprintf("%s, %s to %s", rep.Title, q.fromDay.Format("2006-01-02"), q.toDay.Format("2006-01-02"))})
	if err := b.f.Write(w); err != nil {
		return nil, fmt.Errorf("write report: %w", err)
	}
	if p.Progress != nil {
		p.Progress(b.done, b.done)
	}
	return &Summary{Name: rep.Name, Rows: b.done, Sheets: b.sheets}, nil
}

// currency returns the company currency and its minor units.
func (g *Generator) currency(ctx context.Context) (string, int, error) {
	var code string
	err := g.db.Reader().QueryRowContext(ctx, `SELECT currency FROM company WHERE id = 'company'`).Scan(&code)
	if errors.Is(err, sql.ErrNoRows) {
		return "", 0, errs.Errorf(errs.ENOTFOUND, "The company is not set up yet.")
	} else if err != nil {
		return "", 0, fmt.Errorf("read company currency: %w", err)
	}
	c, ok := company.FindCurrency(code)
	if !ok {
		return code, 2, nil
	}
	return c.Code, c.MinorUnits, nil
}

// Codes are the filters as people type them: a warehouse code, a customer
// code, a product SKU ("" for all).
type Codes struct {
	Warehouse, Customer, Product string
}

// Resolve sets the filters of p from their codes. ENOTFOUND on
// "warehouse", "customer" or "product" for a code that matches nothing.
func (g *Generator) Resolve(ctx context.Context, p *Params, c Codes) error {
	look := func(field, table, col, code string, dst *string, what string) error {
		code = strings.TrimSpace(code)
		if code == "" {
			return nil
		}
		err := g.db.Reader().QueryRowContext(ctx, `SELECT id FROM `+table+` WHERE `+col+` = ?`, code).Scan(dst)
		if errors.Is(err, sql.ErrNoRows) {
			return &errs.Error{Code: errs.ENOTFOUND, Field: field, Message: fmt.Sprintf("There is no %s %s.", what, code)}
		} else if err != nil {
			return fmt.Errorf("find %s: %w", field, err)
		}
		return nil
	}
	if err := look("warehouse", "warehouses", "code", c.Warehouse, &p.WarehouseID, "warehouse"); err != nil {
		return err
	}
	if err := look("customer", "customers", "code", c.Customer, &p.CustomerID, "customer"); err != nil {
		return err
	}
	return look("product", "products", "sku", c.Product, &p.ProductID, "product with SKU")
}

// count returns the first column of a one-row query, for progress.
func (b *book) count(sqlText string, args ...any) int64 {
	var n int64
	if err := b.db.QueryRowContext(b.ctx, sqlText, args...).Scan(&n); err != nil {
		return 0
	}
	return n
}

// day parses a stored time's day or time; zero for "".
func parseTime(s string) time.Time {
	if s == "" {
		return time.Time{}
	}
	t, err := store.ParseTime(s)
	if err != nil {
		return time.Time{}
	}
	return t
}
