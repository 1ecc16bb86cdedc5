package report

import (
	"context"
	"database/sql"
	"fmt"
	"math"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"
)

// maxRows is how many rows a worksheet holds (Excel's limit). A sheet takes
// its header, maxRows-2 data rows and its totals row; the rows after go on
// a continuation sheet ("Orders (2)") with the header repeated. A variable
// so that a test can make it small.
var maxRows = excelize.TotalRows

// progressEvery is how many rows go between progress calls and checks for
// cancellation; a variable so that a test can cancel within a few rows.
var progressEvery int64 = 512

// queryer is what reports read through: the report's read transaction.
type queryer interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// kind is how a column's cells are written.
type kind int

const (
	kText     kind = iota // text, never a formula
	kInt                  // a whole number (quantities, counts)
	kMoney                // int64 minor units written as a number in the company currency's format
	kDate                 // a day (time.Time), as an Excel date
	kDateTime             // a moment (time.Time, UTC), as an Excel date and time
)

// column is one column of a sheet.
type column struct {
	title string
	kind  kind
	width float64
	total bool // the totals row sums it
}

// book is the workbook a report writes, with its styles.
type book struct {
	ctx        context.Context
	db         queryer // the report's read transaction
	f          *excelize.File
	currency   string
	minorUnits int
	progress   func(done, total int64)
	total      int64 // rows expected, for progress (0: unknown)
	done       int64 // data rows written so far
	sheets     []string

	header, text, integer, money, date, dateTime    int
	totalLabel, totalInt, totalMoney, totalDateText int
}

func newBook(ctx context.Context, currency string, minorUnits int, progress func(done, total int64)) (*book, error) {
	b := &book{ctx: ctx, f: excelize.NewFile(), currency: currency, minorUnits: minorUnits, progress: progress}
	// A currency format such as `#,##0.00 [$EUR]`: the number is the amount
	// in major units, the code is shown beside it.
	num := "#,##0"
	if minorUnits > 0 {
		num += "." + strings.Repeat("0", minorUnits)
	}
	moneyFmt := fmt.Sprintf(`%s "%s";-%s "%s"`, num, currency, num, currency)
	dateFmt, dateTimeFmt := "yyyy-mm-dd", "yyyy-mm-dd hh:mm"
	textFmt := "@"
	bold := &excelize.Font{Bold: true}
	top := []excelize.Border{{Type: "top", Color: "000000", Style: 1}}
	styles := []struct {
		dst *int
		s   *excelize.Style
	}{
		{&b.header, &excelize.Style{Font: bold, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DDEBF7"}},
			Border: []excelize.Border{{Type: "bottom", Color: "000000", Style: 1}}, Alignment: &excelize.Alignment{Vertical: "center"}}},
		{&b.text, &excelize.Style{CustomNumFmt: &textFmt}},
		{&b.integer, &excelize.Style{NumFmt: 3}}, // #,##0
		{&b.money, &excelize.Style{CustomNumFmt: &moneyFmt}},
		{&b.date, &excelize.Style{CustomNumFmt: &dateFmt}},
		{&b.dateTime, &excelize.Style{CustomNumFmt: &dateTimeFmt}},
		{&b.totalLabel, &excelize.Style{Font: bold, Border: top, CustomNumFmt: &textFmt}},
		{&b.totalInt, &excelize.Style{Font: bold, Border: top, NumFmt: 3}},
		{&b.totalMoney, &excelize.Style{Font: bold, Border: top, CustomNumFmt: &moneyFmt}},
		{&b.totalDateText, &excelize.Style{Font: bold, Border: top}},
	}
	for _, s := range styles {
		id, err := b.f.NewStyle(s.s)
		if err != nil {
			b.f.Close()
			return nil, fmt.Errorf("report style: %w", err)
		}
		*s.dst = id
	}
	return b, nil
}

// amount is minor units as a number in major units.
func (b *book) amount(minor int64) float64 {
	return float64(minor) / math.Pow10(b.minorUnits)
}

// tick counts a data row for progress and checks for cancellation.
func (b *book) tick() error {
	b.done++
	if b.done%progressEvery == 0 {
		if err := b.ctx.Err(); err != nil {
			return err
		}
		if b.progress != nil {
			b.progress(b.done, max(b.total, b.done))
		}
	}
	return nil
}

// sheet is a sheet being written row by row with the stream writer, and
// its continuation sheets past maxRows.
type sheet struct {
	b     *book
	base  string
	cols  []column
	n     int // 1 for the first sheet, 2 for "base (2)"...
	name  string
	sw    *excelize.StreamWriter
	row   int // the last row written on the current sheet
	sums  []float64
	chart func(sheet string, lastRow int) *excelize.Chart // nil for none
	row0  []any
}

// newSheet starts a sheet named name with the columns.
func (b *book) newSheet(name string, cols []column) (*sheet, error) {
	s := &sheet{b: b, base: name, cols: cols, row0: make([]any, len(cols))}
	return s, s.start()
}

func (s *sheet) start() error {
	s.n++
	s.name = s.base
	if s.n > 1 {
		s.name = fmt.Sprintf("%s (%d)", s.base, s.n)
	}
	f := s.b.f
	if len(s.b.sheets) == 0 {
		if err := f.SetSheetName("Sheet1", s.name); err != nil {
			return fmt.Errorf("report sheet: %w", err)
		}
	} else if _, err := f.NewSheet(s.name); err != nil {
		return fmt.Errorf("report sheet: %w", err)
	}
	s.b.sheets = append(s.b.sheets, s.name)
	sw, err := f.NewStreamWriter(s.name)
	if err != nil {
		return fmt.Errorf("report sheet: %w", err)
	}
	s.sw = sw
	// Widths from the last column back: excelize puts each one first, and
	// Excel wants them in ascending order.
	for i := len(s.cols) - 1; i >= 0; i-- {
		c := s.cols[i]
		w := c.width
		if w == 0 {
			w = 14
		}
		if err := sw.SetColWidth(i+1, i+1, w); err != nil {
			return fmt.Errorf("report sheet: %w", err)
		}
	}
	// The header row stays in view.
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft",
		Selection: []excelize.Selection{{SQRef: "A2", ActiveCell: "A2", Pane: "bottomLeft"}}}); err != nil {
		return fmt.Errorf("report sheet: %w", err)
	}
	head := make([]any, len(s.cols))
	for i, c := range s.cols {
		head[i] = excelize.Cell{StyleID: s.b.header, Value: c.title}
	}
	if err := sw.SetRow("A1", head, excelize.RowOpts{Height: 20}); err != nil {
		return fmt.Errorf("report sheet: %w", err)
	}
	s.row = 1
	s.sums = make([]float64, len(s.cols))
	return nil
}

// add writes one data row: string for text, int64 for numbers and money
// (minor units), time.Time for dates, nil for an empty cell.
func (s *sheet) add(values ...any) error {
	if s.row >= maxRows-1 { // the last row is the totals'
		if err := s.finish(); err != nil {
			return err
		}
		if err := s.start(); err != nil {
			return err
		}
	}
	s.row++
	row := s.row0[:0]
	for i, v := range values {
		c := s.cols[i]
		switch x := v.(type) {
		case nil:
			row = append(row, nil)
		case string:
			// Inline text, never a formula, whatever it starts with.
			row = append(row, excelize.Cell{StyleID: s.b.text, Value: cleanText(x)})
		case int64:
			if c.kind == kMoney {
				a := s.b.amount(x)
				s.sums[i] += a
				row = append(row, excelize.Cell{StyleID: s.b.money, Value: a})
			} else {
				s.sums[i] += float64(x)
				row = append(row, excelize.Cell{StyleID: s.b.integer, Value: x})
			}
		case time.Time:
			st, t := s.b.dateTime, x.UTC()
			if c.kind == kDate {
				st, t = s.b.date, t.Truncate(24*time.Hour)
			}
			if x.IsZero() {
				row = append(row, nil)
			} else {
				row = append(row, excelize.Cell{StyleID: st, Value: t})
			}
		default:
			return fmt.Errorf("report: column %q: unexpected %T", c.title, v)
		}
	}
	cell, _ := excelize.CoordinatesToCellName(1, s.row)
	if err := s.sw.SetRow(cell, row); err != nil {
		return fmt.Errorf("report row: %w", err)
	}
	return s.b.tick()
}

// finish writes the totals row, the autofilter over the header and the
// data, the chart, and flushes the sheet.
func (s *sheet) finish() error {
	last := s.row
	if last > 1 {
		totals := make([]any, len(s.cols))
		totals[0] = excelize.Cell{StyleID: s.b.totalLabel, Value: "Total"}
		for i, c := range s.cols {
			if !c.total {
				if i > 0 {
					totals[i] = excelize.Cell{StyleID: s.b.totalDateText}
				}
				continue
			}
			col, _ := excelize.ColumnNumberToName(i + 1)
			st := s.b.totalInt
			v := s.sums[i]
			if c.kind == kMoney {
				st = s.b.totalMoney
				v = math.Round(v*math.Pow10(s.b.minorUnits)) / math.Pow10(s.b.minorUnits)
			}
			// The sum is the formula's; the cached value shows at once.
			totals[i] = excelize.Cell{StyleID: st, Formula: fmt.Sprintf("SUM(%s2:%s%d)", col, col, last), Value: v}
		}
		cell, _ := excelize.CoordinatesToCellName(1, last+1)
		if err := s.sw.SetRow(cell, totals); err != nil {
			return fmt.Errorf("report totals: %w", err)
		}
	}
	lastCol, _ := excelize.ColumnNumberToName(len(s.cols))
	if err := s.b.f.AutoFilter(s.name, fmt.Sprintf("A1:%s%d", lastCol, max(last, 2)), nil); err != nil {
		return fmt.Errorf("report filter: %w", err)
	}
	if s.chart != nil && last > 1 {
		anchor, _ := excelize.ColumnNumberToName(len(s.cols) + 2)
		if err := s.b.f.AddChart(s.name, anchor+"2", s.chart(s.name, last)); err != nil {
			return fmt.Errorf("report chart: %w", err)
		}
	}
	if err := s.sw.Flush(); err != nil {
		return fmt.Errorf("report sheet: %w", err)
	}
	return nil
}

// cleanText drops the control characters XML cannot hold (tab, line feed
// and carriage return stay) and cuts text at Excel's 32,767 characters.
func cleanText(s string) string {
	clean := true
	for _, r := range s {
		if (r < 0x20 && r != '\t' && r != '\n' && r != '\r') || r == 0xFFFE || r == 0xFFFF {
			clean = false
			break
		}
	}
	if !clean {
		s = strings.Map(func(r rune) rune {
			if (r < 0x20 && r != '\t' && r != '\n' && r != '\r') || r == 0xFFFE || r == 0xFFFF {
				return -1
			}
			return r
		}, s)
	}
	if len(s) > 32767 {
		rs := []rune(s)
		if len(rs) > 32767 {
			s = string(rs[:32767])
		}
	}
	return s
}

// pipeBatch is how many rows the reading goroutine hands over at once.
const pipeBatch = 512

// pipe reads rows with scan in a goroutine and hands them to emit in this
// one, so that SQLite's work and the sheet's overlap on two cores. It
// returns the first error of either; rows are read by the goroutine only,
// and it has stopped when pipe returns (the caller closes rows after).
func pipe[T any](rows *sql.Rows, scan func(*sql.Rows, *T) error, emit func(*T) error) error {
	type batch struct {
		items []T
		err   error
	}
	full := make(chan batch, 4)
	free := make(chan []T, 6)
	for range 6 {
		free <- make([]T, 0, pipeBatch)
	}
	stop := make(chan struct{})
	go func() {
		defer close(full)
		send := func(b batch) bool {
			select {
			case full <- b:
				return true
			case <-stop:
				return false
			}
		}
		items := <-free
		for rows.Next() {
			items = append(items, *new(T))
			if err := scan(rows, &items[len(items)-1]); err != nil {
				send(batch{err: err})
				return
			}
			if len(items) == pipeBatch {
				if !send(batch{items: items}) {
					return
				}
				select {
				case items = <-free:
				case <-stop:
					return
				}
			}
		}
		send(batch{items: items, err: rows.Err()})
	}()
	defer func() {
		close(stop)
		for range full { // wait for the goroutine to leave
		}
	}()
	for b := range full {
		for i := range b.items {
			if err := emit(&b.items[i]); err != nil {
				return err
			}
		}
		if b.err != nil {
			return b.err
		}
		select {
		case free <- b.items[:0]:
		default:
		}
	}
	return nil
}
