package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

func TestMain_Report(t *testing.T) {
	dir := t.TempDir()
	if code, _, errOut := runCLI(t, "", nil, "--data", dir, "seed", "--demo"); code != 0 {
		t.Fatalf("seed: %s", errOut)
	}
	outDir := t.TempDir()
	out := func(name string) string { return filepath.Join(outDir, name) }
	rng := []string{"--from", "2020-01-01", "--to", "2030-12-31"}
	args := func(extra ...string) []string {
		return append(append([]string{"--data", dir, "report"}, extra...), rng...)
	}
	for _, tc := range []struct {
		name       string
		args       []string
		code       int
		out, errIn string
		file       string // written, an .xlsx with this first sheet
		sheet      string
	}{
		{"NoName", args("--out", out("x.xlsx")), 2, "", "report needs which report: sales, orders", "", ""},
		{"UnknownName", args("profits", "--out", out("x.xlsx")), 2, "", `there is no report "profits"`, "", ""},
		{"NoOut", args("sales"), 2, "", "report needs --from YYYY-MM-DD, --to YYYY-MM-DD and --out FILE.xlsx", "", ""},
		{"BadDay", []string{"--data", dir, "report", "sales", "--from", "2026-13-01", "--to", "2026-12-31", "--out", out("x.xlsx")}, 2, "", "--from must be a day like", "", ""},
		{"Reversed", []string{"--data", dir, "report", "sales", "--from", "2026-03-02", "--to", "2026-03-01", "--out", out("x.xlsx")}, 2, "", "--to must not be before --from", "", ""},
		{"NotXLSX", args("sales", "--out", out("x.csv")), 2, "", "--out must name an .xlsx file", "", ""},
		{"FilterItDoesNotTake", args("customers", "--product", "X", "--out", out("x.xlsx")), 2, "", "the customers report takes no --product", "", ""},
		{"UnknownWarehouse", args("inventory", "--warehouse", "NOWHERE", "--out", out("none.xlsx")), 1, "", "oms: There is no warehouse NOWHERE.\n", "", ""},
		{"OutInMissingDir", args("sales", "--out", "/nonexistent/dir/x.xlsx"), 1, "", "oms: cannot write /nonexistent/dir/x.xlsx", "", ""},
		{"Sales", args("sales", "--out", out("sales.xlsx")), 0, "wrote the sales report (2020-01-01 to 2030-12-31", "", "sales.xlsx", "By day"},
		{"Orders", args("orders", "--out", out("orders.xlsx")), 0, "wrote the orders report", "", "orders.xlsx", "Orders"},
		{"Inventory", args("inventory", "--out", out("inventory.xlsx")), 0, "wrote the inventory report", "", "inventory.xlsx", "Inventory"},
		{"LowStock", args("low-stock", "--out", out("low.xlsx")), 0, "wrote the low-stock report", "", "low.xlsx", "Low stock"},
		{"Movements", args("movements", "--out", out("moves.xlsx")), 0, "wrote the movements report", "", "moves.xlsx", "Movements"},
		{"Customers", args("customers", "--out", out("customers.xlsx")), 0, "wrote the customers report", "", "customers.xlsx", "Customers"},
		{"Payments", args("payments", "--out", out("payments.xlsx")), 0, "wrote the payments report", "", "payments.xlsx", "By method and day"},
		{"Returns", args("returns", "--out", out("returns.xlsx")), 0, "wrote the returns report", "", "returns.xlsx", "By reason"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, stdout, errOut := runCLI(t, "", nil, tc.args...)
			if code != tc.code || !strings.Contains(stdout, tc.out) || !strings.Contains(errOut, tc.errIn) {
				t.Fatalf("exit %d, stdout %q, stderr %q; want exit %d, ~%q, ~%q", code, stdout, errOut, tc.code, tc.out, tc.errIn)
			}
			if code == 0 && errOut != "" {
				t.Errorf("progress on a stderr that is no terminal: %q", errOut)
			}
			if tc.file == "" {
				return
			}
			f, err := excelize.OpenFile(out(tc.file))
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			if f.GetSheetList()[0] != tc.sheet {
				t.Errorf("sheets %v, want %s first", f.GetSheetList(), tc.sheet)
			}
			rows, _ := f.GetRows(tc.sheet)
			if tc.name != "LowStock" && len(rows) < 3 {
				t.Errorf("%s: %d rows, want data from the demo", tc.sheet, len(rows))
			}
		})
	}
	if _, err := os.Stat(out("none.xlsx")); !os.IsNotExist(err) {
		t.Fatalf("a failed report left a file behind: %v", err)
	}
	if left, _ := filepath.Glob(filepath.Join(outDir, ".*")); len(left) > 0 {
		t.Fatalf("temporary files left behind: %v", left)
	}
}
