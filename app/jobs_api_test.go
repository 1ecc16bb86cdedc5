package app

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"oms/internal/errs"
)

// runEmitter passes on every ended run announced as EventJobsChanged.
type runEmitter struct{ ended chan JobRun }

func (e runEmitter) Emit(name string, data any) {
	if r, ok := data.(JobRun); ok && name == EventJobsChanged && r.Status != "running" {
		e.ended <- r
	}
}

func newJobsApp(t *testing.T) (*App, chan JobRun) {
	t.Helper()
	a, _ := newAdminApp(t)
	ended := make(chan JobRun, 20)
	a.Start(context.Background(), runEmitter{ended})
	t.Cleanup(a.Stop)
	return a, ended
}

func scheduleOf(t *testing.T, a *App, kind string) JobSchedule {
	t.Helper()
	list, err := a.Jobs.Schedules()
	if err != nil {
		t.Fatal(err)
	}
	for _, sc := range list {
		if sc.Kind == kind {
			return sc
		}
	}
	t.Fatalf("no %s schedule", kind)
	return JobSchedule{}
}

func fieldOf(err error) string {
	var e *errs.Error
	if errors.As(err, &e) {
		return e.Code + " " + e.Field
	}
	return "not coded: " + errs.Message(err)
}

func TestJobsAPI_DefaultsAndRunNow(t *testing.T) {
	a, ended := newJobsApp(t)
	list, err := a.Jobs.Schedules()
	if err != nil || len(list) != 4 {
		t.Fatalf("schedules = %d, %v", len(list), err)
	}
	low := scheduleOf(t, a, "low-stock")
	if !low.Enabled || low.Spec != "0 7 * * *" || low.Next == "" || low.Deletable || low.LastRun != nil {
		t.Fatalf("low-stock = %+v", low)
	}
	if d := scheduleOf(t, a, "draft-expiry"); d.Params.Days != 30 {
		t.Fatalf("draft-expiry params = %+v", d.Params)
	}
	r, err := a.Jobs.RunNow(low.ID)
	if err != nil || r.Status != "running" || !r.Manual {
		t.Fatalf("RunNow = %+v, %v", r, err)
	}
	var done JobRun
	select {
	case done = <-ended:
	case <-time.After(20 * time.Second):
		t.Fatal("no jobs:changed event for the end of the run")
	}
	if done.ID != r.ID || done.Status != "ok" || done.Result != "No product is below its reorder point." || done.FinishedAt == "" {
		t.Fatalf("ended = %+v", done)
	}
	page, err := a.Jobs.Runs(low.ID, 10, 0)
	if err != nil || page.Total != 1 || page.Runs[0].ID != r.ID || page.Runs[0].Status != "ok" {
		t.Fatalf("runs = %+v, %v", page, err)
	}
	if low = scheduleOf(t, a, "low-stock"); low.LastRun == nil || low.LastRun.Status != "ok" {
		t.Fatalf("last run = %+v", low.LastRun)
	}
	if _, err := a.Jobs.RunNow("nope"); errs.Code(err) != errs.ENOTFOUND {
		t.Fatalf("RunNow unknown: %v", err)
	}
}

// TestJobsAPI_ScheduledReportIsWritten runs the daily sales report now: the
// generator writes yesterday's workbook into the chosen folder.
func TestJobsAPI_ScheduledReportIsWritten(t *testing.T) {
	a, ended := newJobsApp(t)
	sc := scheduleOf(t, a, "report")
	dir := t.TempDir()
	if _, err := a.Jobs.UpdateSchedule(sc.ID, JobScheduleInput{Spec: sc.Spec, Enabled: true,
		Params: JobParams{Report: "sales", Folder: dir, Range: "yesterday"}}); err != nil {
		t.Fatal(err)
	}
	if _, err := a.Jobs.RunNow(sc.ID); err != nil {
		t.Fatal(err)
	}
	r := <-ended
	files, _ := filepath.Glob(filepath.Join(dir, "sales-*.xlsx"))
	if r.Status != "ok" || len(files) != 1 || !strings.Contains(r.Result, files[0]) {
		t.Fatalf("run = %+v, files %v", r, files)
	}
	f, err := excelize.OpenFile(files[0])
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if len(f.GetSheetList()) == 0 {
		t.Fatal("the workbook has no sheet")
	}
}

func TestJobsAPI_UpdateSchedule(t *testing.T) {
	a, _ := newJobsApp(t)
	dir := t.TempDir()
	report := scheduleOf(t, a, "report")
	drafts := scheduleOf(t, a, "draft-expiry")
	tests := []struct {
		name      string
		id        string
		in        JobScheduleInput
		wantField string
	}{
		{"BadSpec", drafts.ID, JobScheduleInput{Spec: "every day", Enabled: true, Params: JobParams{Days: 30}}, "EINVALID spec"},
		{"ZeroDays", drafts.ID, JobScheduleInput{Spec: "0 3 * * *", Enabled: true, Params: JobParams{Days: 0}}, "EINVALID days"},
		{"Days", drafts.ID, JobScheduleInput{Spec: "@daily", Enabled: false, Params: JobParams{Days: 60}}, ""},
		{"EnableReportWithoutFolder", report.ID, JobScheduleInput{Spec: "0 18 * * *", Enabled: true, Params: JobParams{Report: "sales", Range: "yesterday"}}, "EINVALID folder"},
		{"RelativeFolder", report.ID, JobScheduleInput{Spec: "0 18 * * *", Params: JobParams{Report: "sales", Folder: "out", Range: "yesterday"}}, "EINVALID folder"},
		{"UnknownReport", report.ID, JobScheduleInput{Spec: "0 18 * * *", Params: JobParams{Report: "nope", Range: "yesterday"}}, "EINVALID report"},
		{"EnableReport", report.ID, JobScheduleInput{Name: "Sales every evening", Spec: "0 18 * * 1-5", Enabled: true,
			Params: JobParams{Report: "sales", Folder: dir, Range: "last-7-days", Days: 99}}, ""},
		{"Unknown", "nope", JobScheduleInput{Spec: "@daily"}, "ENOTFOUND "},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sc, err := a.Jobs.UpdateSchedule(tt.id, tt.in)
			if tt.wantField != "" {
				if fieldOf(err) != tt.wantField {
					t.Fatalf("err = %v, want %s", err, tt.wantField)
				}
				return
			}
			if err != nil || sc.Spec != tt.in.Spec || sc.Enabled != tt.in.Enabled {
				t.Fatalf("update = %+v, %v", sc, err)
			}
		})
	}
	sc := scheduleOf(t, a, "draft-expiry")
	if sc.Params.Days != 60 || sc.Enabled || sc.Next != "" || sc.Name != "Delete old drafts" {
		t.Fatalf("draft-expiry = %+v", sc)
	}
	list, _ := a.Jobs.Schedules()
	var got JobSchedule
	for _, s := range list {
		if s.ID == report.ID {
			got = s
		}
	}
	if got.Name != "Sales every evening" || got.Params != (JobParams{Report: "sales", Folder: dir, Range: "last-7-days"}) {
		t.Fatalf("report = %+v", got)
	}
}

func TestJobsAPI_CreateAndDeleteReportSchedules(t *testing.T) {
	a, _ := newJobsApp(t)
	sc, err := a.Jobs.CreateSchedule(JobScheduleInput{Name: "Monthly payments", Spec: "0 6 1 * *", Enabled: true,
		Params: JobParams{Report: "payments", Folder: t.TempDir(), Range: "last-month"}})
	if err != nil || sc.Kind != "report" || !sc.Deletable {
		t.Fatalf("create = %+v, %v", sc, err)
	}
	if _, err := a.Jobs.CreateSchedule(JobScheduleInput{Name: "", Spec: "@daily", Params: JobParams{Report: "sales", Range: "yesterday"}}); fieldOf(err) != "EINVALID name" {
		t.Fatalf("no name: %v", err)
	}
	if err := a.Jobs.DeleteSchedule(sc.ID); err != nil {
		t.Fatal(err)
	}
	if err := a.Jobs.DeleteSchedule(scheduleOf(t, a, "low-stock").ID); errs.Code(err) != errs.ECONFLICT {
		t.Fatalf("delete low-stock: %v", err)
	}
	if list, _ := a.Jobs.Schedules(); len(list) != 4 {
		t.Fatalf("schedules = %d", len(list))
	}
	opts, err := a.Jobs.Options()
	if err != nil || len(opts.Reports) != 8 || len(opts.Ranges) != 4 {
		t.Fatalf("options = %+v, %v", opts, err)
	}
}

func TestJobsAPI_NotStartedRunsNothing(t *testing.T) {
	a, _ := newAdminApp(t) // as the command line: Start is never called
	if list, err := a.Jobs.Schedules(); err != nil || len(list) != 0 {
		t.Fatalf("schedules = %d, %v", len(list), err)
	}
}
