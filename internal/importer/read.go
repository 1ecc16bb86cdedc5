package importer

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"

	"github.com/xuri/excelize/v2"

	"oms/internal/errs"
)

// Limits on what an import reads.
const (
	MaxFileBytes = 50 << 20  // a larger file is refused before it is read
	MaxRows      = 1_048_576 // rows a spreadsheet can hold, header included
	MaxCellChars = 10_000    // a longer cell is a row error
)

// RowFunc receives one row of a file: its number as a spreadsheet shows it
// (the header is row 1) and its cells. cells is only valid during the call.
// An error stops the reading and is returned by the reader.
type RowFunc func(row int, cells []string) error

var errTooManyRows = errs.Errorf(errs.EINVALID, "The file has more than %d rows; split it into several files.", MaxRows)

var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// ReadCSV reads comma-separated UTF-8 text (an optional byte order mark is
// skipped) and calls fn for every record, numbered from 1. A record whose
// quoted cell spans lines is one row, as a spreadsheet opens it. EINVALID
// for malformed CSV or more than MaxRows rows; fn's error as it is.
func ReadCSV(r io.Reader, fn RowFunc) error {
	br := bufio.NewReaderSize(r, 64<<10)
	if b, err := br.Peek(len(utf8BOM)); err == nil && bytes.Equal(b, utf8BOM) {
		br.Discard(len(utf8BOM))
	}
	cr := csv.NewReader(br)
	cr.FieldsPerRecord = -1 // short and long rows are checked by column, not refused whole
	cr.ReuseRecord = true
	for row := 1; ; row++ {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				return errs.Errorf(errs.EINVALID, "The CSV file is malformed at line %d: %v. Save it again as CSV (comma-separated, UTF-8).", pe.Line, pe.Err)
			}
			return fmt.Errorf("read csv: %w", err)
		}
		if row > MaxRows {
			return errTooManyRows
		}
		if err := fn(row, rec); err != nil {
			return err
		}
	}
}

// ReadXLSX reads the first worksheet of an Excel workbook (.xlsx) and calls
// fn for every row, empty ones included, numbered as Excel shows them.
// Cells are read as stored, not as displayed: 12.5 formatted as "$12.50"
// reads "12.5", a formula reads its last computed value, and text that
// looks like a formula ("=1+1") reads as that text. EINVALID if the file is
// not a readable workbook or has more than MaxRows rows.
func ReadXLSX(r io.Reader, fn RowFunc) (err error) {
	var f *excelize.File
	var rows *excelize.Rows
	err = guard(func() error {
		var err error
		f, err = excelize.OpenReader(r, excelize.Options{RawCellValue: true, UnzipSizeLimit: 1 << 30, UnzipXMLSizeLimit: 16 << 20})
		if err != nil {
			return notWorkbook(err)
		}
		sheets := f.GetSheetList()
		if len(sheets) == 0 {
			return errs.Errorf(errs.EINVALID, "The workbook has no worksheet.")
		}
		rows, err = f.Rows(sheets[0])
		if err != nil {
			return notWorkbook(err)
		}
		return nil
	})
	if f != nil {
		defer f.Close()
	}
	if err != nil {
		return err
	}
	defer rows.Close()
	opts := excelize.Options{RawCellValue: true}
	for row := 1; ; row++ {
		var cells []string
		var more bool
		if err := guard(func() error {
			if more = rows.Next(); !more {
				return rows.Error()
			}
			var err error
			cells, err = rows.Columns(opts)
			return err
		}); err != nil {
			if errors.Is(err, excelize.ErrMaxRows) {
				return errTooManyRows
			}
			return notWorkbook(err)
		}
		if !more {
			return nil
		}
		if row > MaxRows {
			return errTooManyRows
		}
		if err := fn(row, cells); err != nil {
			return err
		}
	}
}

func notWorkbook(err error) error {
	if errs.Code(err) != errs.EINTERNAL {
		return err
	}
	return &errs.Error{Code: errs.EINVALID, Message: fmt.Sprintf("The file cannot be read as an Excel workbook (.xlsx): %v.", err)}
}

// guard runs fn and turns a panic inside the spreadsheet library, which a
// damaged file must never cause in OMS, into an error.
func guard(fn func() error) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("damaged workbook: %v", p)
		}
	}()
	return fn()
}
