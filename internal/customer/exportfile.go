package customer

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"
)

// WriteJSON writes the export as indented JSON, text exactly as stored.
func (e *Export) WriteJSON(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(e); err != nil {
		return fmt.Errorf("write customer export: %w", err)
	}
	return nil
}

// xlsxSheet is one sheet of the workbook: a header row and rows of cells,
// each a string, int64, bool or time.Time (a zero time is an empty cell).
type xlsxSheet struct {
	name   string
	header []string
	widths []float64
	rows   [][]any
}

func (e *Export) sheets() []xlsxSheet {
	c := e.Customer
	var erased time.Time
	if c.ErasedAt != nil {
		erased = *c.ErasedAt
	}
	out := []xlsxSheet{{
		name: "Customer",
		header: []string{"ID", "Code", "Name", "Company", "Email", "Phone", "Tax ID", "Customer group", "Credit limit (minor units)",
			"Notes", "Active", "Erased at (UTC)", "Created at (UTC)", "Updated at (UTC)"},
		widths: []float64{38, 14, 30, 30, 30, 18, 16, 16, 14, 50, 8, 20, 20, 20},
		rows: [][]any{{c.ID, c.Code, c.Name, c.Company, c.Email, c.Phone, c.TaxID, c.CustomerGroup, c.CreditLimit,
			c.Notes, c.Active, erased, c.CreatedAt, c.UpdatedAt}},
	}, {
		name: "Addresses",
		header: []string{"ID", "Kind", "Default", "Name", "Company", "Line 1", "Line 2", "Postal code", "City", "Region", "Country",
			"Phone", "Created at (UTC)", "Updated at (UTC)"},
		widths: []float64{38, 10, 8, 30, 30, 30, 30, 12, 20, 16, 8, 18, 20, 20},
	}, {
		name:   "Interactions",
		header: []string{"ID", "Occurred at (UTC)", "Kind", "Recorded by", "Text", "Recorded at (UTC)"},
		widths: []float64{38, 20, 10, 20, 80, 20},
	}, {
		name:   "Audit",
		header: []string{"At (UTC)", "Action", "Entity", "Entity ID", "User", "Device", "Changes"},
		widths: []float64{20, 14, 26, 38, 20, 38, 80},
	}}
	for _, a := range e.Addresses {
		out[1].rows = append(out[1].rows, []any{a.ID, a.Kind, a.Default, a.Name, a.Company, a.Line1, a.Line2, a.PostalCode, a.City,
			a.Region, a.Country, a.Phone, a.CreatedAt, a.UpdatedAt})
	}
	for _, it := range e.Interactions {
		out[2].rows = append(out[2].rows, []any{it.ID, it.OccurredAt, it.Kind, it.UserName, it.Text, it.CreatedAt})
	}
	for _, a := range e.Audit {
		out[3].rows = append(out[3].rows, []any{a.At, a.Action, a.Entity, a.EntityID, a.UserName, a.DeviceID, string(a.Changes)})
	}
	return out
}

// WriteXLSX writes the export as an Excel workbook, one sheet per part
// (Customer, Addresses, Interactions, Audit), each with a bold, frozen
// header row. Times are real date cells in UTC. Every text is written as a
// text cell, never as a formula, and text starting with = + - @ gets the
// Text number format, so a value like =HYPERLINK(...) stays inert even when
// the cell is edited.
func (e *Export) WriteXLSX(w io.Writer) error {
	f := excelize.NewFile()
	defer f.Close()
	bold, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"E8E8E8"}}})
	if err != nil {
		return fmt.Errorf("write customer export: %w", err)
	}
	dateFmt := "yyyy-mm-dd hh:mm:ss"
	date, err := f.NewStyle(&excelize.Style{CustomNumFmt: &dateFmt})
	if err != nil {
		return fmt.Errorf("write customer export: %w", err)
	}
	text, err := f.NewStyle(&excelize.Style{NumFmt: 49, Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}})
	if err != nil {
		return fmt.Errorf("write customer export: %w", err)
	}
	for i, sh := range e.sheets() {
		if i == 0 {
			err = f.SetSheetName("Sheet1", sh.name)
		} else {
			_, err = f.NewSheet(sh.name)
		}
		if err == nil {
			err = writeSheet(f, sh, bold, date, text)
		}
		if err != nil {
			return fmt.Errorf("write customer export sheet %s: %w", sh.name, err)
		}
	}
	f.SetActiveSheet(0)
	if err := f.Write(w); err != nil {
		return fmt.Errorf("write customer export: %w", err)
	}
	return nil
}

func writeSheet(f *excelize.File, sh xlsxSheet, bold, date, text int) error {
	for col, h := range sh.header {
		cell, _ := excelize.CoordinatesToCellName(col+1, 1)
		if err := f.SetCellStr(sh.name, cell, h); err != nil {
			return err
		}
		name, _ := excelize.ColumnNumberToName(col + 1)
		if err := f.SetColWidth(sh.name, name, name, sh.widths[col]); err != nil {
			return err
		}
	}
	last, _ := excelize.CoordinatesToCellName(len(sh.header), 1)
	if err := f.SetCellStyle(sh.name, "A1", last, bold); err != nil {
		return err
	}
	if err := f.SetPanes(sh.name, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft",
		Selection: []excelize.Selection{{SQRef: "A2", ActiveCell: "A2", Pane: "bottomLeft"}}}); err != nil {
		return err
	}
	for r, row := range sh.rows {
		for col, v := range row {
			cell, _ := excelize.CoordinatesToCellName(col+1, r+2)
			var err error
			switch v := v.(type) {
			case string:
				// SetCellStr writes a shared string: a text cell, never a formula.
				if err = f.SetCellStr(sh.name, cell, v); err == nil && looksLikeFormula(v) {
					err = f.SetCellStyle(sh.name, cell, cell, text)
				}
			case time.Time:
				if !v.IsZero() {
					if err = f.SetCellValue(sh.name, cell, v.UTC()); err == nil {
						err = f.SetCellStyle(sh.name, cell, cell, date)
					}
				}
			case int64:
				err = f.SetCellInt(sh.name, cell, v)
			case bool:
				err = f.SetCellBool(sh.name, cell, v)
			default:
				err = fmt.Errorf("cell %s: unexpected %T", cell, v)
			}
			if err != nil {
				return err
			}
		}
	}
	return nil
}

// looksLikeFormula reports whether a spreadsheet would take s for a formula
// if it were typed into a cell.
func looksLikeFormula(s string) bool {
	return s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0]))
}
