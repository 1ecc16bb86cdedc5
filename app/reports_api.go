package app

import (
	"bufio"
	"context"
	"encoding/base64"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/wailsapp/wails/v2/pkg/runtime"

	"oms/internal/auth"
	"oms/internal/errs"
	"oms/internal/report"
	"oms/internal/store"
)

// Reports are for managers: the permission to view reports (admins and
// managers have it).
func init() {
	addRules(map[string]rule{
		"ReportsAPI.Reports": need(auth.PermReportsView),
		"ReportsAPI.Start":   need(auth.PermReportsView),
		"ReportsAPI.Cancel":  need(auth.PermReportsView),
		"ReportsAPI.Save":    need(auth.PermReportsView),
		"ReportsAPI.Data":    need(auth.PermReportsView),
		"ReportsAPI.Open":    need(auth.PermReportsView),
	})
}

// Report events: progress while a report runs, and its end.
const (
	EventReportProgress = "reports:progress"
	EventReportDone     = "reports:done"
)

// ReportsAPI runs the Excel reports off the UI thread into temporary
// files, which the user then saves, downloads or opens.
type ReportsAPI struct {
	a *App

	mu   sync.Mutex
	runs map[string]*reportRun
}

// reportRun is one report being written or written.
type reportRun struct {
	id, userID, name string
	fileName         string // what to call the file when saved
	path             string // the temporary file, once written
	cancel           context.CancelFunc
	done             bool
	err              error
}

// ReportInfo describes a report for the menu. Filters are the filters it
// takes: "warehouse", "customer", "product".
type ReportInfo struct {
	Name        string   `json:"name"`
	Title       string   `json:"title"`
	Description string   `json:"description"`
	Filters     []string `json:"filters"`
}

// ReportQuery is what a report covers: days as YYYY-MM-DD (to inclusive)
// and the filters as people know them (a warehouse code, a customer code,
// a product SKU; "" for all).
type ReportQuery struct {
	From      string `json:"from"`
	To        string `json:"to"`
	Warehouse string `json:"warehouse"`
	Customer  string `json:"customer"`
	Product   string `json:"product"`
}

// ReportProgress is the payload of reports:progress.
type ReportProgress struct {
	ID    string `json:"id"`
	Done  int64  `json:"done"`
	Total int64  `json:"total"`
}

// ReportDone is the payload of reports:done: Error is "" when the report
// was written, "cancelled" when it was cancelled, the message otherwise.
type ReportDone struct {
	ID       string `json:"id"`
	Error    string `json:"error"`
	FileName string `json:"fileName"`
	Rows     int64  `json:"rows"`
}

// Reports returns the reports there are, in menu order.
func (x *ReportsAPI) Reports() ([]ReportInfo, error) {
	if _, err := x.a.guard(); err != nil {
		return nil, err
	}
	out := []ReportInfo{}
	for _, r := range report.Reports() {
		out = append(out, ReportInfo{Name: r.Name, Title: r.Title, Description: r.Description, Filters: append([]string{}, r.Filters...)})
	}
	return out, nil
}

// reportDir is where reports are written before they are saved.
func reportDir() string { return filepath.Join(os.TempDir(), "oms-reports") }

// Start checks the query and starts writing the report named name in the
// background, returning the run's id. Progress comes as reports:progress
// events and the end as one reports:done event. EINVALID on "name",
// "from" and "to"; ENOTFOUND on "warehouse", "customer" or "product" for a
// code that matches nothing; EINVALID on the filter a report does not take.
func (x *ReportsAPI) Start(name string, q ReportQuery) (string, error) {
	me, err := x.a.guard()
	if err != nil {
		return "", err
	}
	rep, err := report.Find(name)
	if err != nil {
		return "", err
	}
	from, err := reportDay("from", q.From, "Choose the first day of the report.")
	if err != nil {
		return "", err
	}
	to, err := reportDay("to", q.To, "Choose the last day of the report.")
	if err != nil {
		return "", err
	}
	if to.Before(from) {
		return "", errs.Invalid("to", "The last day must not be before the first.")
	}
	takes := map[string]bool{}
	for _, f := range rep.Filters {
		takes[f] = true
	}
	for field, v := range map[string]string{"warehouse": q.Warehouse, "customer": q.Customer, "product": q.Product} {
		if strings.TrimSpace(v) != "" && !takes[field] {
			return "", errs.Invalid(field, "The %s report has no %s filter.", strings.ToLower(rep.Title), field)
		}
	}
	gen := report.NewGenerator(x.a.svc.DB)
	p := report.Params{From: from, To: to}
	if err := gen.Resolve(x.a.context(), &p, report.Codes{Warehouse: q.Warehouse, Customer: q.Customer, Product: q.Product}); err != nil {
		return "", err
	}
	dir := reportDir()
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", fmt.Errorf("start report: %w", err)
	}
	removeOld(dir, 24*time.Hour)
	ctx, cancel := context.WithCancel(context.Background())
	run := &reportRun{id: store.NewID(), userID: me.ID, name: rep.Name, cancel: cancel,
		fileName: fmt.Sprintf("%s-%s-to-%s.xlsx", rep.Name, q.From, q.To)}
	x.mu.Lock()
	if x.runs == nil {
		x.runs = map[string]*reportRun{}
	}
	x.runs[run.id] = run
	x.mu.Unlock()
	var last time.Time
	p.Progress = func(done, total int64) {
		if time.Since(last) < 250*time.Millisecond {
			return
		}
		last = time.Now()
		x.a.emit(EventReportProgress, ReportProgress{ID: run.id, Done: done, Total: total})
	}
	go x.write(ctx, gen, run, p)
	return run.id, nil
}

// reportDay reads a required YYYY-MM-DD day; EINVALID on field.
func reportDay(field, s, missing string) (time.Time, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}, errs.Invalid(field, "%s", missing)
	}
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return time.Time{}, errs.Invalid(field, "Enter a day like 2026-03-01.")
	}
	return t, nil
}

// write runs the report into a temporary file and tells the frontend how
// it ended.
func (x *ReportsAPI) write(ctx context.Context, gen *report.Generator, run *reportRun, p report.Params) {
	defer run.cancel()
	var rows int64
	path, err := func() (string, error) {
		f, err := os.CreateTemp(reportDir(), run.name+"-*.xlsx")
		if err != nil {
			return "", fmt.Errorf("report file: %w", err)
		}
		w := bufio.NewWriter(f)
		sum, err := gen.Write(ctx, run.name, w, p)
		if err == nil {
			err = w.Flush()
		}
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			os.Remove(f.Name())
			return "", err
		}
		rows = sum.Rows
		return f.Name(), nil
	}()
	done := ReportDone{ID: run.id, FileName: run.fileName, Rows: rows}
	switch {
	case err == nil:
	case ctx.Err() != nil:
		done.Error = "cancelled"
	default:
		if errs.Code(err) == errs.EINTERNAL {
			x.a.log.Error("report", "name", run.name, "err", err)
		}
		done.Error = errs.Message(err)
	}
	x.mu.Lock()
	run.done, run.path = true, path
	if err != nil {
		run.err = err
		if ctx.Err() != nil {
			run.err = errs.Errorf(errs.ECONFLICT, "The report was cancelled.")
		}
	}
	x.mu.Unlock()
	x.a.emit(EventReportDone, done)
}

// find returns the signed-in user's run id. ENOTFOUND on "id" for another's
// or an unknown one.
func (x *ReportsAPI) find(me *auth.User, id string) (*reportRun, error) {
	x.mu.Lock()
	defer x.mu.Unlock()
	run := x.runs[id]
	if run == nil || me == nil || run.userID != me.ID {
		return nil, &errs.Error{Code: errs.ENOTFOUND, Field: "id", Message: "There is no such report run."}
	}
	return run, nil
}

// finished returns the written file of run id. ECONFLICT while it is still
// running or when it failed or was cancelled.
func (x *ReportsAPI) finished(me *auth.User, id string) (*reportRun, string, error) {
	run, err := x.find(me, id)
	if err != nil {
		return nil, "", err
	}
	x.mu.Lock()
	defer x.mu.Unlock()
	switch {
	case !run.done:
		return nil, "", errs.Errorf(errs.ECONFLICT, "The report is still being written.")
	case run.err != nil:
		return nil, "", errs.Errorf(errs.ECONFLICT, "The report was not written: %s", errs.Message(run.err))
	}
	if _, err := os.Stat(run.path); err != nil {
		return nil, "", errs.Errorf(errs.ECONFLICT, "The report's file is gone; run it again.")
	}
	return run, run.path, nil
}

// Cancel stops the run id; nothing is kept of it. A finished run is left
// as it is. ENOTFOUND on "id".
func (x *ReportsAPI) Cancel(id string) error {
	me, err := x.a.guard()
	if err != nil {
		return err
	}
	run, err := x.find(me, id)
	if err != nil {
		return err
	}
	run.cancel()
	return nil
}

// Save asks where to save the written report with the native save dialog
// and copies it there: the path, or "" when the dialog was cancelled.
// ENOTFOUND on "id"; ECONFLICT while it runs, after it failed, where there
// is no native dialog (a browser: use Data there) or when the file cannot
// be written there.
func (x *ReportsAPI) Save(id string) (string, error) {
	me, err := x.a.guard()
	if err != nil {
		return "", err
	}
	run, path, err := x.finished(me, id)
	if err != nil {
		return "", err
	}
	ctx := x.a.context()
	// Wails's runtime exits the process when called without its frontend.
	if ctx.Value("frontend") == nil {
		return "", errs.Errorf(errs.ECONFLICT, "There is no save dialog here; download the report instead.")
	}
	dst, err := runtime.SaveFileDialog(ctx, runtime.SaveDialogOptions{
		Title: "Save report", DefaultFilename: run.fileName, CanCreateDirectories: true,
		Filters: []runtime.FileFilter{{DisplayName: "Excel workbooks", Pattern: "*.xlsx"}},
	})
	if err != nil {
		return "", fmt.Errorf("save dialog: %w", err)
	}
	if dst == "" {
		return "", nil
	}
	if err := copyFile(path, dst); err != nil {
		return "", errs.Errorf(errs.ECONFLICT, "The file could not be saved there (%v); choose another place.", err)
	}
	return dst, nil
}

// copyFile copies src to dst.
func copyFile(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

// maxReportData is the largest report Data hands to a browser.
const maxReportData = 64 << 20

// Data returns the written report for the frontend to download.
// ENOTFOUND on "id"; ECONFLICT while it runs, after it failed, or when it
// is larger than a browser download takes (64 MB: save it from the
// desktop window or write it with `oms report`).
func (x *ReportsAPI) Data(id string) (ExportFile, error) {
	me, err := x.a.guard()
	if err != nil {
		return ExportFile{}, err
	}
	run, path, err := x.finished(me, id)
	if err != nil {
		return ExportFile{}, err
	}
	st, err := os.Stat(path)
	if err != nil {
		return ExportFile{}, fmt.Errorf("report data: %w", err)
	}
	if st.Size() > maxReportData {
		return ExportFile{}, errs.Errorf(errs.ECONFLICT, "The report is %d MB, too large to download here; save it from the desktop app or write it with oms report.",
			st.Size()>>20)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return ExportFile{}, fmt.Errorf("report data: %w", err)
	}
	return ExportFile{FileName: run.fileName, MimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
		Base64: base64.StdEncoding.EncodeToString(data)}, nil
}

// Open opens the written report in the system's spreadsheet program.
// ENOTFOUND on "id"; ECONFLICT while it runs, after it failed, outside the
// desktop window (a browser: download it instead) or without a program to
// open it.
func (x *ReportsAPI) Open(id string) error {
	me, err := x.a.guard()
	if err != nil {
		return err
	}
	_, path, err := x.finished(me, id)
	if err != nil {
		return err
	}
	if x.a.context().Value("frontend") == nil {
		return errs.Errorf(errs.ECONFLICT, "Reports open in the system's spreadsheet program from the desktop window only; download it instead.")
	}
	return openFile(path)
}
