package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"time"

	"oms/internal/errs"
	"oms/internal/report"
)

// reportCmd runs `oms report NAME --from DAY --to DAY --out FILE.xlsx
// [--warehouse CODE] [--customer CODE] [--product SKU]`; the flags may
// also follow NAME. The file is written whole or not at all. Progress goes
// to standard error only when it is a terminal.
func reportCmd(args []string, dataFlag string, env Env) error {
	fs := newFlags("report")
	fromFlag := fs.String("from", "", "first day, YYYY-MM-DD")
	toFlag := fs.String("to", "", "last day (inclusive), YYYY-MM-DD")
	out := fs.String("out", "", "workbook to write (.xlsx)")
	wh := fs.String("warehouse", "", "warehouse code")
	cust := fs.String("customer", "", "customer code")
	prod := fs.String("product", "", "product SKU")
	pos, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	names := make([]string, 0, len(report.Reports()))
	for _, r := range report.Reports() {
		names = append(names, r.Name)
	}
	if len(pos) != 1 {
		return usageErr("report needs which report: %s", strings.Join(names, ", "))
	}
	rep, err := report.Find(pos[0])
	if err != nil {
		return usageErr("there is no report %q: choose %s", pos[0], strings.Join(names, ", "))
	}
	if *fromFlag == "" || *toFlag == "" || *out == "" {
		return usageErr("report needs --from YYYY-MM-DD, --to YYYY-MM-DD and --out FILE.xlsx")
	}
	from, err := time.Parse(time.DateOnly, *fromFlag)
	if err != nil {
		return usageErr("--from must be a day like 2026-03-01, not %q", *fromFlag)
	}
	to, err := time.Parse(time.DateOnly, *toFlag)
	if err != nil {
		return usageErr("--to must be a day like 2026-03-31, not %q", *toFlag)
	}
	if to.Before(from) {
		return usageErr("--to must not be before --from")
	}
	if !strings.EqualFold(strings.TrimSpace(*out)[max(len(strings.TrimSpace(*out))-5, 0):], ".xlsx") {
		return usageErr("--out must name an .xlsx file")
	}
	takes := map[string]bool{}
	for _, f := range rep.Filters {
		takes[f] = true
	}
	for flagName, v := range map[string]string{"warehouse": *wh, "customer": *cust, "product": *prod} {
		if v != "" && !takes[flagName] {
			return usageErr("the %s report takes no --%s", rep.Name, flagName)
		}
	}
	db, err := openDB(dataFlag)
	if err != nil {
		return err
	}
	defer db.Close()
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	gen := report.NewGenerator(db)
	p := report.Params{From: from, To: to}
	if err := gen.Resolve(ctx, &p, report.Codes{Warehouse: *wh, Customer: *cust, Product: *prod}); err != nil {
		if errs.Code(err) == errs.ENOTFOUND {
			return errors.New(errs.Message(err))
		}
		return err
	}
	if isTerminal(env.Stderr) {
		last := time.Time{}
		p.Progress = func(done, total int64) {
			if time.Since(last) < 200*time.Millisecond && done < total {
				return
			}
			last = time.Now()
			if total > 0 {
				fmt.Fprintf(env.Stderr, "\r%s: %d of %d rows (%d%%)", rep.Name, done, total, done*100/total)
			}
		}
	}
	var sum *report.Summary
	err = writeAtomically(*out, func(w io.Writer) error {
		var err error
		sum, err = gen.Write(ctx, rep.Name, w, p)
		return err
	})
	if p.Progress != nil {
		fmt.Fprintln(env.Stderr)
	}
	if errors.Is(err, context.Canceled) {
		return errors.New("report interrupted; nothing was written")
	} else if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "wrote the %s report (%s to %s, %d %s on %s) to %s\n", rep.Name, *fromFlag, *toFlag, sum.Rows,
		plural(int(sum.Rows), "row", "rows"), strings.Join(sum.Sheets, ", "), *out)
	return nil
}

// isTerminal reports whether w is a terminal (a character device).
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}
