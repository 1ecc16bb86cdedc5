package app

import (
	"encoding/json"

	"oms/internal/auth"
	"oms/internal/jobs"
)

// Scheduled jobs are the admin's: they delete drafts, write files into
// folders of this machine and run with no one watching, so every method,
// listing included, needs PermSettingsCompany (admin only).
func init() {
	addRules(map[string]rule{
		"JobsAPI.Schedules":      need(auth.PermSettingsCompany),
		"JobsAPI.Options":        need(auth.PermSettingsCompany),
		"JobsAPI.CreateSchedule": need(auth.PermSettingsCompany),
		"JobsAPI.UpdateSchedule": need(auth.PermSettingsCompany),
		"JobsAPI.DeleteSchedule": need(auth.PermSettingsCompany),
		"JobsAPI.RunNow":         need(auth.PermSettingsCompany),
		"JobsAPI.Runs":           need(auth.PermSettingsCompany),
	})
}

// EventJobsChanged tells the frontend that a run started, finished or was
// skipped, so the Jobs tab refreshes. Data: JobRun.
const EventJobsChanged = "jobs:changed"

// JobsAPI is this workstation's scheduled jobs and their run history.
type JobsAPI struct{ a *App }

// JobParams are a schedule's settings; which fields count depends on the
// kind: days for draft-expiry; report, folder and range for report.
type JobParams struct {
	Days   int    `json:"days"`
	Report string `json:"report"`
	Folder string `json:"folder"`
	Range  string `json:"range"`
}

// JobRun is one run of a schedule. Times are RFC 3339, finishedAt "" while
// it runs; durationMs is 0 until it has finished.
type JobRun struct {
	ID           string `json:"id"`
	ScheduleID   string `json:"scheduleId"`
	ScheduledFor string `json:"scheduledFor"`
	StartedAt    string `json:"startedAt"`
	FinishedAt   string `json:"finishedAt"`
	DurationMs   int64  `json:"durationMs"`
	Status       string `json:"status"` // running, ok, failed or skipped
	Result       string `json:"result"`
	Error        string `json:"error"`
	Missed       bool   `json:"missed"` // the catch-up run at start for ticks missed while the app was closed
	Manual       bool   `json:"manual"` // started with Run now
}

// JobSchedule is a job on a timer. next is "" when disabled; deletable is
// true for report schedules, the only ones that can be added and removed.
type JobSchedule struct {
	ID        string    `json:"id"`
	Kind      string    `json:"kind"` // low-stock, draft-expiry or report
	Name      string    `json:"name"`
	Spec      string    `json:"spec"`
	Enabled   bool      `json:"enabled"`
	Params    JobParams `json:"params"`
	Next      string    `json:"next"`
	Running   bool      `json:"running"`
	LastRun   *JobRun   `json:"lastRun"`
	Deletable bool      `json:"deletable"`
	UpdatedAt string    `json:"updatedAt"`
}

// JobScheduleInput is what the admin edits on a schedule. name "" keeps
// the name on update.
type JobScheduleInput struct {
	Name    string    `json:"name"`
	Spec    string    `json:"spec"`
	Enabled bool      `json:"enabled"`
	Params  JobParams `json:"params"`
}

// JobRunPage is a page of runs, newest first, and how many there are.
type JobRunPage struct {
	Runs  []JobRun `json:"runs"`
	Total int      `json:"total"`
}

// JobOptions are the choices a report schedule offers.
type JobOptions struct {
	Reports []string `json:"reports"`
	Ranges  []string `json:"ranges"`
}

func jobRunView(r *jobs.Run) JobRun {
	v := JobRun{ID: r.ID, ScheduleID: r.ScheduleID, ScheduledFor: stockTime(r.ScheduledFor), StartedAt: stockTime(r.StartedAt),
		FinishedAt: stockTime(r.FinishedAt), Status: string(r.Status), Result: r.Result, Error: r.Error, Missed: r.Missed, Manual: r.Manual}
	if !r.FinishedAt.IsZero() {
		v.DurationMs = r.FinishedAt.Sub(r.StartedAt).Milliseconds()
	}
	return v
}

func jobScheduleView(sc *jobs.Schedule) JobSchedule {
	v := JobSchedule{ID: sc.ID, Kind: string(sc.Kind), Name: sc.Name, Spec: sc.Spec, Enabled: sc.Enabled, Next: stockTime(sc.Next),
		Running: sc.Running, Deletable: sc.Kind == jobs.KindReport, UpdatedAt: stockTime(sc.UpdatedAt)}
	_ = json.Unmarshal(sc.Params, &v.Params)
	if sc.LastRun != nil {
		r := jobRunView(sc.LastRun)
		v.LastRun = &r
	}
	return v
}

// jobParamsJSON is the params object a kind keeps: only its own fields.
func jobParamsJSON(kind jobs.Kind, p JobParams) json.RawMessage {
	var v any = struct{}{}
	switch kind {
	case jobs.KindDraftExpiry:
		v = struct {
			Days int `json:"days"`
		}{p.Days}
	case jobs.KindReport:
		v = jobs.ReportParams{Report: p.Report, Folder: p.Folder, Range: p.Range}
	}
	b, _ := json.Marshal(v)
	return b
}

// Schedules returns every schedule by name with its next time and last run.
func (x *JobsAPI) Schedules() ([]JobSchedule, error) {
	if _, err := x.a.guard(); err != nil {
		return nil, err
	}
	list, err := x.a.svc.Jobs.FindSchedules(x.a.context())
	if err != nil {
		return nil, err
	}
	out := make([]JobSchedule, 0, len(list))
	for _, sc := range list {
		out = append(out, jobScheduleView(sc))
	}
	return out, nil
}

// Options returns the reports and ranges a report schedule can choose.
func (x *JobsAPI) Options() (JobOptions, error) {
	if _, err := x.a.guard(); err != nil {
		return JobOptions{}, err
	}
	return JobOptions{Reports: jobs.Reports, Ranges: jobs.Ranges}, nil
}

// CreateSchedule adds a report schedule. EINVALID on "name", "spec",
// "report", "folder" or "range".
func (x *JobsAPI) CreateSchedule(in JobScheduleInput) (JobSchedule, error) {
	me, err := x.a.guard()
	if err != nil {
		return JobSchedule{}, err
	}
	sc, err := x.a.svc.Jobs.CreateSchedule(x.a.context(), actorOf(me), jobs.ScheduleInput{Kind: jobs.KindReport, Name: in.Name,
		Spec: in.Spec, Enabled: in.Enabled, Params: jobParamsJSON(jobs.KindReport, in.Params)})
	if err != nil {
		return JobSchedule{}, err
	}
	return jobScheduleView(sc), nil
}

// UpdateSchedule changes a schedule's name, spec, enabled flag and params.
// ENOTFOUND, or EINVALID on "name", "spec", "days", "report", "folder" or
// "range".
func (x *JobsAPI) UpdateSchedule(id string, in JobScheduleInput) (JobSchedule, error) {
	me, err := x.a.guard()
	if err != nil {
		return JobSchedule{}, err
	}
	ctx := x.a.context()
	cur, err := x.a.svc.Jobs.FindScheduleByID(ctx, id)
	if err != nil {
		return JobSchedule{}, err
	}
	sc, err := x.a.svc.Jobs.UpdateSchedule(ctx, actorOf(me), id, jobs.ScheduleUpdate{Name: in.Name, Spec: in.Spec,
		Enabled: in.Enabled, Params: jobParamsJSON(cur.Kind, in.Params)})
	if err != nil {
		return JobSchedule{}, err
	}
	return jobScheduleView(sc), nil
}

// DeleteSchedule removes a report schedule and its history. ENOTFOUND,
// ECONFLICT for the built-in schedules or while it runs.
func (x *JobsAPI) DeleteSchedule(id string) error {
	me, err := x.a.guard()
	if err != nil {
		return err
	}
	return x.a.svc.Jobs.DeleteSchedule(x.a.context(), actorOf(me), id)
}

// RunNow starts a run of the schedule in the background and returns it as
// started; EventJobsChanged follows when it ends. ENOTFOUND, ECONFLICT if
// it is running already.
func (x *JobsAPI) RunNow(id string) (JobRun, error) {
	if _, err := x.a.guard(); err != nil {
		return JobRun{}, err
	}
	r, err := x.a.svc.Jobs.RunNow(x.a.context(), id)
	if err != nil {
		return JobRun{}, err
	}
	return jobRunView(r), nil
}

// Runs returns a page of a schedule's runs (all schedules' when
// scheduleID is ""), newest first; limit defaults to 20, at most 200.
func (x *JobsAPI) Runs(scheduleID string, limit, offset int) (JobRunPage, error) {
	if _, err := x.a.guard(); err != nil {
		return JobRunPage{}, err
	}
	runs, total, err := x.a.svc.Jobs.FindRuns(x.a.context(), jobs.RunFilter{ScheduleID: scheduleID, Limit: limit, Offset: offset})
	if err != nil {
		return JobRunPage{}, err
	}
	out := JobRunPage{Runs: make([]JobRun, 0, len(runs)), Total: total}
	for _, r := range runs {
		out.Runs = append(out.Runs, jobRunView(r))
	}
	return out, nil
}

// startJobs starts the scheduler, its runs announced as EventJobsChanged.
func (a *App) startJobs() {
	a.svc.Jobs.SetLogger(a.log)
	a.svc.Jobs.OnChange(func(r *jobs.Run) { a.emit(EventJobsChanged, jobRunView(r)) })
	if err := a.svc.Jobs.Start(a.context()); err != nil {
		a.log.Error("start scheduled jobs", "err", err)
	}
}

// Stop is the Wails OnShutdown hook: it stops the scheduler, waiting for
// running jobs up to jobs.DefaultStopTimeout.
func (a *App) Stop() {
	a.mu.Lock()
	stop := a.stopSync
	a.mu.Unlock()
	if stop != nil {
		stop()
	}
	if !a.svc.Jobs.Stop() {
		a.log.Warn("scheduled jobs still running at exit", "waited", jobs.DefaultStopTimeout.String())
	}
}
