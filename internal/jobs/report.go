package jobs

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"oms/internal/errs"
)

// ReportWriter writes one report as an Excel workbook to w, over the
// half-open time range [from, to). The lead wires it to internal/report:
//
//	type generatorWriter struct{ g *report.Generator }
//	func (w generatorWriter) Write(ctx context.Context, name string, out io.Writer, from, to time.Time) error {
//		return w.g.Write(ctx, name, out, report.Params{From: from, To: to})
//	}
//
// and passes it as ReportJob.Writer (app.Services.ReportWriter).
type ReportWriter interface {
	Write(ctx context.Context, name string, w io.Writer, from, to time.Time) error
}

// Reports are the report names a schedule may choose.
var Reports = []string{"sales", "orders", "inventory", "low-stock", "movements", "customers", "payments", "returns"}

// Ranges are the periods a scheduled report may cover, relative to the day
// it runs: the day before; the 7 days before today; the calendar month
// before this one; this month up to now.
var Ranges = []string{"yesterday", "last-7-days", "last-month", "month-to-date"}

// ReportParams are a report schedule's params.
type ReportParams struct {
	Report string `json:"report"`
	Folder string `json:"folder"`
	Range  string `json:"range"`
}

// ReportJob writes a report into a folder as
// "{report}-{first day}_{last day}.xlsx", atomically (a temporary file in
// the folder, then a link to the final name) and never over an existing
// file: a second run for the same days adds "-2", "-3".
type ReportJob struct {
	Writer ReportWriter // nil until the report package is wired in
	Now    func() time.Time
}

func parseReportParams(raw json.RawMessage) (ReportParams, error) {
	var p ReportParams
	if err := json.Unmarshal(raw, &p); err != nil {
		return p, errs.Invalid("report", "Choose a report.")
	}
	p.Report, p.Folder, p.Range = strings.TrimSpace(p.Report), strings.TrimSpace(p.Folder), strings.TrimSpace(p.Range)
	return p, nil
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// ValidateParams checks the report name and the range, and, when the
// schedule is enabled (or the folder given), that the folder is an
// absolute path to an existing directory. EINVALID on "report", "range"
// or "folder".
func (j ReportJob) ValidateParams(raw json.RawMessage, enabled bool) error {
	p, err := parseReportParams(raw)
	if err != nil {
		return err
	}
	if p.Report == "" {
		return errs.Invalid("report", "Choose a report.")
	}
	if !contains(Reports, p.Report) {
		return errs.Invalid("report", "There is no report called %q.", p.Report)
	}
	if !contains(Ranges, p.Range) {
		return errs.Invalid("range", "Choose the period the report covers.")
	}
	if p.Folder == "" && !enabled {
		return nil
	}
	return checkFolder(p.Folder)
}

func checkFolder(folder string) error {
	if folder == "" {
		return errs.Invalid("folder", "Choose the folder the report is written to.")
	}
	if !filepath.IsAbs(folder) {
		return errs.Invalid("folder", "Give the folder's full path, starting from the root (such as /home/anna/Reports).")
	}
	fi, err := os.Stat(folder)
	if errors.Is(err, os.ErrNotExist) {
		return errs.Invalid("folder", "There is no folder %s.", folder)
	} else if err != nil {
		return errs.Invalid("folder", "The folder %s cannot be read.", folder)
	}
	if !fi.IsDir() {
		return errs.Invalid("folder", "%s is a file, not a folder.", folder)
	}
	return nil
}

// ReportRange returns the half-open range [from, to) that rng covers for a
// report run at now, in now's time zone; EINVALID on "range".
func ReportRange(rng string, now time.Time) (from, to time.Time, err error) {
	today := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, now.Location())
	month := time.Date(now.Year(), now.Month(), 1, 0, 0, 0, 0, now.Location())
	switch rng {
	case "yesterday":
		return today.AddDate(0, 0, -1), today, nil
	case "last-7-days":
		return today.AddDate(0, 0, -7), today, nil
	case "last-month":
		return month.AddDate(0, -1, 0), month, nil
	case "month-to-date":
		return month, now, nil
	}
	return time.Time{}, time.Time{}, errs.Invalid("range", "Choose the period the report covers.")
}

// Run writes the report and returns the path it was written to.
func (j ReportJob) Run(ctx context.Context, raw json.RawMessage) (string, error) {
	if err := j.ValidateParams(raw, true); err != nil {
		return "", err
	}
	p, _ := parseReportParams(raw)
	if j.Writer == nil {
		return "", errs.Errorf(errs.ECONFLICT, "Reports cannot be written yet: this build has no report generator connected.")
	}
	from, to, err := ReportRange(p.Range, j.Now())
	if err != nil {
		return "", err
	}
	// The name carries the days covered: to is exclusive, so the last day
	// is the one before it (month-to-date: today).
	last := to.Add(-time.Nanosecond)
	base := fmt.Sprintf("%s-%s_%s", p.Report, from.Format("2006-01-02"), last.Format("2006-01-02"))
	path, err := writeNew(p.Folder, base, ".xlsx", func(w io.Writer) error {
		return j.Writer.Write(ctx, p.Report, w, from, to)
	})
	if err != nil {
		return "", err
	}
	return "Wrote " + path, nil
}

// writeNew writes a new file base+ext (or base-2+ext, base-3+ext, ... when
// taken) in folder: fill writes a temporary file there, which is then
// hard-linked to the first free name, so a reader never sees half a file
// and no existing file is overwritten.
func writeNew(folder, base, ext string, fill func(io.Writer) error) (string, error) {
	tmp, err := os.CreateTemp(folder, "."+base+"-*.tmp")
	if err != nil {
		return "", fmt.Errorf("write report: %w", err)
	}
	defer os.Remove(tmp.Name())
	if err := fill(tmp); err != nil {
		tmp.Close()
		return "", err
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return "", fmt.Errorf("write report: %w", err)
	}
	if err := tmp.Close(); err != nil {
		return "", fmt.Errorf("write report: %w", err)
	}
	for n := 1; n <= 1000; n++ {
		name := base + ext
		if n > 1 {
			name = fmt.Sprintf("%s-%d%s", base, n, ext)
		}
		path := filepath.Join(folder, name)
		err := os.Link(tmp.Name(), path)
		if err == nil {
			return path, nil
		}
		if !errors.Is(err, os.ErrExist) {
			return "", fmt.Errorf("write report: %w", err)
		}
	}
	return "", errs.Errorf(errs.ECONFLICT, "The folder already has 1000 copies of %s%s.", base, ext)
}
