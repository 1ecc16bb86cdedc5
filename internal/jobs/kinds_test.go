package jobs

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"oms/internal/errs"
	"oms/internal/order"
	"oms/internal/stock"
	"oms/internal/store"
)

type fakeLowStock []*stock.LowStockLine

func (f fakeLowStock) LowStockLines(context.Context) ([]*stock.LowStockLine, error) { return f, nil }

func TestLowStockJob(t *testing.T) {
	line := func(p, w string) *stock.LowStockLine { return &stock.LowStockLine{ProductID: p, WarehouseID: w} }
	tests := []struct {
		name  string
		lines fakeLowStock
		want  string
	}{
		{"None", nil, "No product is below its reorder point."},
		{"One", fakeLowStock{line("p1", "w1")}, "1 product is below its reorder point."},
		{"Three", fakeLowStock{line("p1", "w1"), line("p2", "w1"), line("p3", "w1")}, "3 products are below their reorder point."},
		{"TwoWarehouses", fakeLowStock{line("p1", "w1"), line("p1", "w2"), line("p2", "w1")}, "2 products are below the reorder point in 3 product and warehouse lines."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := LowStockJob{Stock: tt.lines}.Run(context.Background(), nil)
			if err != nil || got != tt.want {
				t.Fatalf("got %q, %v", got, err)
			}
		})
	}
}

// TestLowStockJob_RealStock runs the check over a real, empty database.
func TestLowStockJob_RealStock(t *testing.T) {
	db, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "oms.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	got, err := LowStockJob{Stock: stock.NewService(db)}.Run(context.Background(), nil)
	if err != nil || got != "No product is below its reorder point." {
		t.Fatalf("got %q, %v", got, err)
	}
}

type fakeDrafts struct {
	drafts   []*order.Order
	conflict map[string]bool
	deleted  []string
}

func (f *fakeDrafts) FindOrders(_ context.Context, flt order.OrderFilter) ([]*order.Order, int, error) {
	if flt.Status != order.StatusDraft {
		return nil, 0, errors.New("not asked for drafts")
	}
	start := 0
	if flt.After != nil {
		for i, o := range f.drafts {
			if o.ID == flt.After.ID {
				start = i + 1
			}
		}
	}
	end := min(start+flt.Limit, len(f.drafts))
	return f.drafts[start:end], len(f.drafts), nil
}

func (f *fakeDrafts) DeleteDraft(_ context.Context, _ store.Actor, id string, _ int64) error {
	if f.conflict[id] {
		return order.ErrChanged
	}
	f.deleted = append(f.deleted, id)
	return nil
}

func TestDraftExpiryJob(t *testing.T) {
	now := at(31, 3, 0)
	draft := func(id string, daysAgo int) *order.Order {
		return &order.Order{ID: id, Number: "A1-" + id, Status: order.StatusDraft, UpdatedAt: now.AddDate(0, 0, -daysAgo)}
	}
	tests := []struct {
		name        string
		params      string
		drafts      []*order.Order
		conflict    map[string]bool
		wantDeleted []string
		want        string
		wantField   string
	}{
		{"DeletesOldOnes", `{"days":30}`, []*order.Order{draft("1", 31), draft("2", 29), draft("3", 45)}, nil,
			[]string{"1", "3"}, "Deleted 2 drafts untouched for more than 30 days.", ""},
		{"ChangedMeanwhile", `{"days":30}`, []*order.Order{draft("1", 31), draft("2", 40)}, map[string]bool{"2": true},
			[]string{"1"}, "Deleted 1 draft untouched for more than 30 days. 1 draft was changed meanwhile and kept.", ""},
		{"NoneOld", `{"days":7}`, []*order.Order{draft("1", 3)}, nil, nil, "No draft was untouched for more than 7 days.", ""},
		{"ZeroDays", `{"days":0}`, nil, nil, nil, "", "days"},
		{"NotANumber", `{"days":"thirty"}`, nil, nil, nil, "", "days"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := &fakeDrafts{drafts: tt.drafts, conflict: tt.conflict}
			j := DraftExpiryJob{Orders: f, Now: func() time.Time { return now }}
			got, err := j.Run(context.Background(), json.RawMessage(tt.params))
			if tt.wantField != "" {
				var ee *errs.Error
				if !errors.As(err, &ee) || ee.Field != tt.wantField {
					t.Fatalf("err = %v", err)
				}
				if j.ValidateParams(json.RawMessage(tt.params), true) == nil {
					t.Fatal("ValidateParams accepted")
				}
				return
			}
			if err != nil || got != tt.want || strings.Join(f.deleted, ",") != strings.Join(tt.wantDeleted, ",") {
				t.Fatalf("got %q, %v, deleted %v", got, err, f.deleted)
			}
		})
	}
}

func TestDraftExpiryJob_PagesThroughDrafts(t *testing.T) {
	now := at(31, 3, 0)
	f := &fakeDrafts{}
	for i := range 1203 {
		f.drafts = append(f.drafts, &order.Order{ID: string(rune('a'+i%26)) + strings.Repeat("x", i/26), UpdatedAt: now.AddDate(0, -2, 0)})
	}
	got, err := DraftExpiryJob{Orders: f, Now: func() time.Time { return now }}.Run(context.Background(), json.RawMessage(`{"days":30}`))
	if err != nil || len(f.deleted) != 1203 || !strings.HasPrefix(got, "Deleted 1203 drafts") {
		t.Fatalf("got %q, %v, deleted %d", got, err, len(f.deleted))
	}
}

type fakeWriter struct {
	calls []string
	fail  error
}

func (w *fakeWriter) Write(_ context.Context, name string, out io.Writer, from, to time.Time) error {
	w.calls = append(w.calls, name+" "+from.Format(time.RFC3339)+" "+to.Format(time.RFC3339))
	if w.fail != nil {
		io.WriteString(out, "half")
		return w.fail
	}
	_, err := io.WriteString(out, "PK workbook "+name)
	return err
}

func TestReportJob_WritesNewFiles(t *testing.T) {
	dir := t.TempDir()
	w := &fakeWriter{}
	j := ReportJob{Writer: w, Now: func() time.Time { return at(2, 18, 0) }}
	params := json.RawMessage(`{"report":"sales","folder":"` + dir + `","range":"yesterday"}`)
	for _, want := range []string{"sales-2026-03-01_2026-03-01.xlsx", "sales-2026-03-01_2026-03-01-2.xlsx", "sales-2026-03-01_2026-03-01-3.xlsx"} {
		got, err := j.Run(context.Background(), params)
		if err != nil || got != "Wrote "+filepath.Join(dir, want) {
			t.Fatalf("got %q, %v, want %s", got, err, want)
		}
		b, err := os.ReadFile(filepath.Join(dir, want))
		if err != nil || string(b) != "PK workbook sales" {
			t.Fatalf("%s = %q, %v", want, b, err)
		}
	}
	if w.calls[0] != "sales 2026-03-01T00:00:00Z 2026-03-02T00:00:00Z" {
		t.Fatalf("writer called with %s", w.calls[0])
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 3 {
		t.Fatalf("folder has %d entries (temporary files left?)", len(entries))
	}
}

func TestReportJob_FailedWriteLeavesNothing(t *testing.T) {
	dir := t.TempDir()
	j := ReportJob{Writer: &fakeWriter{fail: errors.New("no data")}, Now: func() time.Time { return at(2, 18, 0) }}
	_, err := j.Run(context.Background(), json.RawMessage(`{"report":"sales","folder":"`+dir+`","range":"last-month"}`))
	if err == nil || err.Error() != "no data" {
		t.Fatalf("err = %v", err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Fatalf("folder has %d entries", len(entries))
	}
}

func TestReportJob_NoWriter(t *testing.T) {
	dir := t.TempDir()
	_, err := ReportJob{Now: time.Now}.Run(context.Background(), json.RawMessage(`{"report":"sales","folder":"`+dir+`","range":"yesterday"}`))
	if errs.Code(err) != errs.ECONFLICT {
		t.Fatalf("err = %v", err)
	}
}

func TestReportJob_ValidateParams(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "file.txt")
	os.WriteFile(file, []byte("x"), 0o600)
	p := func(report, folder, rng string) json.RawMessage {
		b, _ := json.Marshal(ReportParams{Report: report, Folder: folder, Range: rng})
		return b
	}
	tests := []struct {
		name      string
		params    json.RawMessage
		enabled   bool
		wantField string
	}{
		{"Good", p("inventory", dir, "last-7-days"), true, ""},
		{"DisabledNoFolder", p("sales", "", "yesterday"), false, ""},
		{"EnabledNoFolder", p("sales", "", "yesterday"), true, "folder"},
		{"RelativeFolder", p("sales", "reports", "yesterday"), false, "folder"},
		{"MissingFolder", p("sales", filepath.Join(dir, "nope"), "yesterday"), true, "folder"},
		{"FileNotFolder", p("sales", file, "yesterday"), true, "folder"},
		{"NoReport", p("", dir, "yesterday"), true, "report"},
		{"UnknownReport", p("profits", dir, "yesterday"), true, "report"},
		{"UnknownRange", p("sales", dir, "forever"), true, "range"},
		{"NotJSON", json.RawMessage(`"x"`), true, "report"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := ReportJob{}.ValidateParams(tt.params, tt.enabled)
			if tt.wantField == "" {
				if err != nil {
					t.Fatal(err)
				}
				return
			}
			var ee *errs.Error
			if !errors.As(err, &ee) || ee.Code != errs.EINVALID || ee.Field != tt.wantField || ee.Message == "" {
				t.Fatalf("err = %v, want EINVALID on %s", err, tt.wantField)
			}
		})
	}
}

func TestReportRange(t *testing.T) {
	now := time.Date(2026, time.March, 3, 18, 30, 0, 0, time.UTC)
	tests := []struct {
		rng      string
		from, to time.Time
	}{
		{"yesterday", at(2, 0, 0), at(3, 0, 0)},
		{"last-7-days", time.Date(2026, time.February, 24, 0, 0, 0, 0, time.UTC), at(3, 0, 0)},
		{"last-month", time.Date(2026, time.February, 1, 0, 0, 0, 0, time.UTC), at(1, 0, 0)},
		{"month-to-date", at(1, 0, 0), now},
	}
	for _, tt := range tests {
		t.Run(tt.rng, func(t *testing.T) {
			from, to, err := ReportRange(tt.rng, now)
			if err != nil || !from.Equal(tt.from) || !to.Equal(tt.to) {
				t.Fatalf("got %v..%v, %v", from, to, err)
			}
		})
	}
	if _, _, err := ReportRange("forever", now); errs.Code(err) != errs.EINVALID {
		t.Fatalf("forever: %v", err)
	}
}
