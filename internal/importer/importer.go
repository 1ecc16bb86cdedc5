// Package importer reads products, customers and stock from a spreadsheet
// (.xlsx or .csv) whose header row names the columns, checks every row and
// writes the good ones through the domain services in one transaction:
// all-or-nothing by default, or only the valid rows when asked to skip the
// invalid ones. Every problem is reported by row (as a spreadsheet numbers
// it: the header is row 1) and column.
package importer

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"oms/internal/company"
	"oms/internal/errs"
	"oms/internal/store"
)

// Kind is what a file holds.
type Kind string

// Kinds of import.
const (
	Products  Kind = "products"
	Customers Kind = "customers"
	Stock     Kind = "stock"
)

// Options change how an import writes.
type Options struct {
	SkipInvalid bool // write the valid rows and report the others
	DryRun      bool // check every row, write nothing
}

// Problem is something wrong with one row (or, with Row 1, the header).
// Column is the column's name as this package knows it ("price"), or ""
// for a problem with the whole row.
type Problem struct {
	Row     int
	Column  string
	Message string
}

// String formats the problem as "row N, column C: message".
func (p Problem) String() string {
	if p.Column == "" {
		return fmt.Sprintf("row %d: %s", p.Row, p.Message)
	}
	return fmt.Sprintf("row %d, column %s: %s", p.Row, p.Column, p.Message)
}

// Result is what an import did.
type Result struct {
	Kind     Kind
	Rows     int       // data rows read, blank rows left out
	Valid    int       // rows without problems
	Written  int       // rows written (0 for a dry run or when nothing was written)
	Problems []Problem // in row order
	Invalid  int       // rows with at least one problem
}

// Importer imports files into a database.
type Importer struct {
	db *store.DB
}

// New returns an importer over db.
func New(db *store.DB) *Importer { return &Importer{db: db} }

// ParseKind returns the kind named s. EINVALID for anything else.
func ParseKind(s string) (Kind, error) {
	switch k := Kind(strings.ToLower(strings.TrimSpace(s))); k {
	case Products, Customers, Stock:
		return k, nil
	}
	return "", errs.Errorf(errs.EINVALID, "Import products, customers or stock, not %q.", s)
}

// column is a column a kind of file can have.
type column struct {
	name     string
	required bool // the header must name it (its cells may still be empty where the row allows)
}

// ImportFile imports the file at path as kind for actor. Problems with rows
// or the header are in the result; everything is written in one
// transaction, or nothing: by default nothing when any row has a problem;
// with SkipInvalid the valid rows; with DryRun never. The error is EINVALID
// for a file that cannot be imported at all (wrong type, too large,
// unreadable, company not set up for amounts), anything else is internal.
func (im *Importer) ImportFile(ctx context.Context, actor store.Actor, kind Kind, path string, opts Options) (*Result, error) {
	ext := strings.ToLower(filepath.Ext(path))
	if ext != ".csv" && ext != ".xlsx" {
		return nil, errs.Errorf(errs.EINVALID, "Import an Excel workbook (.xlsx) or a CSV file (.csv), not %q.", filepath.Base(path))
	}
	f, err := os.Open(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil, errs.Errorf(errs.EINVALID, "There is no file %s.", path)
	} else if err != nil {
		return nil, errs.Errorf(errs.EINVALID, "The file %s cannot be opened: %v.", path, errors.Unwrap(err))
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, fmt.Errorf("import: %w", err)
	}
	if st.IsDir() {
		return nil, errs.Errorf(errs.EINVALID, "%s is a directory, not a file.", path)
	}
	if st.Size() > MaxFileBytes {
		return nil, errs.Errorf(errs.EINVALID, "The file is %d MB; files over %d MB are refused. Split it into several files.",
			(st.Size()+(1<<20)-1)>>20, MaxFileBytes>>20)
	}
	read := ReadCSV
	if ext == ".xlsx" {
		read = ReadXLSX
	}
	return im.Import(ctx, actor, kind, func(fn RowFunc) error { return read(f, fn) }, ext == ".xlsx", opts)
}

// Import imports the rows read calls fn with, as ImportFile does; xlsx
// says the cells come from a workbook (numbers read leniently).
func (im *Importer) Import(ctx context.Context, actor store.Actor, kind Kind, read func(RowFunc) error, xlsx bool, opts Options) (*Result, error) {
	k, ok := kinds[kind]
	if !ok {
		return nil, errs.Errorf(errs.EINVALID, "Import products, customers or stock, not %q.", kind)
	}
	j := &job{ctx: ctx, db: im.db, kind: k, xlsx: xlsx, res: &Result{Kind: kind}, minorUnits: -1}
	if k.needsCurrency {
		c, err := company.NewService(im.db, nil).Find(ctx)
		if errs.Code(err) == errs.ENOTFOUND {
			return nil, errs.Errorf(errs.EINVALID, "Set up the company first: amounts in the file are read in the company's currency, which is not chosen yet.")
		} else if err != nil {
			return nil, err
		}
		cur, ok := company.FindCurrency(c.Currency)
		if !ok {
			return nil, fmt.Errorf("import: the company currency %q is unknown", c.Currency)
		}
		j.minorUnits = cur.MinorUnits
	}
	tx, err := im.db.BeginTx(ctx, actor)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	j.tx = tx
	if err := k.begin(j); err != nil {
		return nil, err
	}
	if err := read(j.row); err != nil && !errors.Is(err, errStop) {
		return nil, err
	}
	if j.header == nil {
		return nil, errs.Errorf(errs.EINVALID, "The file is empty: its first row must name the columns.")
	}
	res := j.res
	res.Valid = res.Rows - res.Invalid
	if len(j.headerProblems) > 0 {
		res.Problems = j.headerProblems
		return res, nil
	}
	if opts.DryRun || (res.Invalid > 0 && !opts.SkipInvalid) || res.Valid == 0 {
		return res, nil // the deferred Rollback undoes the rows written to find conflicts
	}
	if err := tx.Commit(); err != nil {
		return nil, err
	}
	res.Written = res.Valid
	return res, nil
}

// kindSpec is what one kind of import reads and how it writes a row.
type kindSpec struct {
	noun          string // "product"
	columns       []column
	needsCurrency bool
	fields        map[string]string // service error field -> column
	begin         func(j *job) error
	// write checks one row and writes it within the row's savepoint. It
	// records problems on r; an error is an internal failure that stops
	// the import.
	write func(j *job, r *row) error
}

var kinds = map[Kind]*kindSpec{}

// job is one import under way.
type job struct {
	ctx            context.Context
	db             *store.DB
	tx             *store.Tx
	kind           *kindSpec
	xlsx           bool
	minorUnits     int
	header         map[string]int // column name -> cell index
	headerProblems []Problem
	res            *Result
	state          any // the kind's own state (duplicate keys, caches)
}

// row is one data row being checked.
type row struct {
	j        *job
	n        int
	cells    []string
	problems int
}

// row reads one row: the header first, then the data rows.
func (j *job) row(n int, cells []string) error {
	if err := j.ctx.Err(); err != nil {
		return err
	}
	if j.header == nil {
		j.readHeader(cells)
		return nil
	}
	if len(j.headerProblems) > 0 {
		return errStop
	}
	blank := true
	for _, c := range cells {
		if strings.TrimSpace(c) != "" {
			blank = false
			break
		}
	}
	if blank {
		return nil
	}
	j.res.Rows++
	r := &row{j: j, n: n, cells: cells}
	for name, i := range j.header {
		if i < len(cells) && utf8.RuneCountInString(cells[i]) > MaxCellChars {
			r.fail(name, fmt.Sprintf("The cell has %d characters; at most %d are allowed.", utf8.RuneCountInString(cells[i]), MaxCellChars))
		}
	}
	if r.problems == 0 {
		if err := j.kind.write(j, r); err != nil {
			return err
		}
	}
	if r.problems > 0 {
		j.res.Invalid++
	}
	return nil
}

// errStop ends reading once the header is known to be wrong.
var errStop = errors.New("stop")

// normalizeHeader turns "Tax Class" or " TAX-CLASS " into "tax_class".
func normalizeHeader(s string) string {
	s = strings.ToLower(strings.TrimSpace(strings.TrimPrefix(s, "\ufeff")))
	return strings.NewReplacer(" ", "_", "-", "_").Replace(s)
}

func (j *job) readHeader(cells []string) {
	j.header = map[string]int{}
	known := map[string]*column{}
	for i := range j.kind.columns {
		known[j.kind.columns[i].name] = &j.kind.columns[i]
	}
	for i, c := range cells {
		name := normalizeHeader(c)
		if name == "" {
			continue
		}
		switch _, seen := j.header[name]; {
		case known[name] == nil:
			msg := fmt.Sprintf("Unknown column %q; a %s file has the columns %s.", strings.TrimSpace(c), j.kind.noun, j.kind.columnList())
			if strings.ContainsRune(c, ';') {
				msg = fmt.Sprintf("The header %q looks separated by semicolons; save the file as CSV with commas.", c)
			}
			j.headerProblems = append(j.headerProblems, Problem{Row: 1, Column: columnLetter(i), Message: msg})
		case seen:
			j.headerProblems = append(j.headerProblems, Problem{Row: 1, Column: name, Message: fmt.Sprintf("The column %s is named twice.", name)})
		default:
			j.header[name] = i
		}
	}
	for _, c := range j.kind.columns {
		if _, ok := j.header[c.name]; c.required && !ok {
			j.headerProblems = append(j.headerProblems, Problem{Row: 1, Column: c.name, Message: fmt.Sprintf("The required column %s is missing.", c.name)})
		}
	}
}

func (k *kindSpec) columnList() string {
	var req, opt []string
	for _, c := range k.columns {
		if c.required {
			req = append(req, c.name)
		} else {
			opt = append(opt, c.name)
		}
	}
	s := strings.Join(req, ", ")
	if len(opt) > 0 {
		s += " and optionally " + strings.Join(opt, ", ")
	}
	return s
}

// columnLetter returns the spreadsheet letter of the column at index i
// (0 is A, 26 is AA), to point at a header cell that has no known name.
func columnLetter(i int) string {
	s := ""
	for i++; i > 0; i = (i - 1) / 26 {
		s = string(rune('A'+(i-1)%26)) + s
	}
	return s
}

// text returns the trimmed cell of a column, "" when the row is short or
// the file lacks the (optional) column.
func (r *row) text(col string) string {
	i, ok := r.j.header[col]
	if !ok || i >= len(r.cells) {
		return ""
	}
	return strings.TrimSpace(r.cells[i])
}

// has reports whether the file has the column.
func (r *row) has(col string) bool {
	_, ok := r.j.header[col]
	return ok
}

// fail records a problem with a column of the row ("" for the whole row).
func (r *row) fail(col, msg string) {
	r.problems++
	r.j.res.Problems = append(r.j.res.Problems, Problem{Row: r.n, Column: col, Message: msg})
}

// failErr records a coded service error, mapping its field to a column;
// other errors are returned, as they stop the import.
func (r *row) failErr(err error, fallback string) error {
	if errs.Code(err) == errs.EINTERNAL {
		return err
	}
	col, ok := r.j.kind.fields[errs.Field(err)]
	if !ok {
		col = fallback
	}
	r.fail(col, errs.Message(err))
	return nil
}

// savepoint runs fn within a savepoint of the import's transaction and
// undoes what fn wrote when it fails, so a bad row leaves nothing behind
// while the rows around it stay written.
func (j *job) savepoint(fn func() error) error {
	if _, err := j.tx.ExecContext(j.ctx, `SAVEPOINT import_row`); err != nil {
		return fmt.Errorf("import: savepoint: %w", err)
	}
	ferr := fn()
	if ferr != nil {
		if _, err := j.tx.ExecContext(j.ctx, `ROLLBACK TO import_row`); err != nil {
			return fmt.Errorf("import: roll back row: %w", err)
		}
	}
	if _, err := j.tx.ExecContext(j.ctx, `RELEASE import_row`); err != nil {
		return fmt.Errorf("import: release savepoint: %w", err)
	}
	return ferr
}
