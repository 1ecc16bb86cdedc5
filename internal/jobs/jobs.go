// Package jobs runs this workstation's scheduled jobs: the low-stock check,
// the expiry of old drafts and scheduled reports. Schedules live in the
// job_schedules table and are edited by an admin; every run is recorded in
// job_runs. Scheduling is computed from robfig/cron's parsed schedules with
// an injectable Clock, so tests advance time instead of sleeping.
package jobs

import (
	"context"
	"encoding/json"
	"time"
)

// Kind names what a schedule runs.
type Kind string

// Job kinds. KindSync and KindBackup are reserved for later issues: the
// table accepts them, but no job is registered for them, so they can be
// neither created nor run.
const (
	KindLowStock    Kind = "low-stock"
	KindDraftExpiry Kind = "draft-expiry"
	KindReport      Kind = "report"
	KindSync        Kind = "sync"
	KindBackup      Kind = "backup"
)

// Status is what became of a run.
type Status string

// Run statuses.
const (
	StatusRunning Status = "running"
	StatusOK      Status = "ok"
	StatusFailed  Status = "failed"
	StatusSkipped Status = "skipped"
)

// Job is one kind of work. Run does it with the schedule's params and
// returns a one-line summary for the run history, or an error. It must
// return soon after ctx is cancelled (the app is closing).
type Job interface {
	Run(ctx context.Context, params json.RawMessage) (result string, err error)
}

// ParamsValidator is implemented by jobs whose params can be checked
// before they are saved. enabled is whether the schedule will run on its
// own: a disabled schedule may keep incomplete params (a report with no
// folder yet). Errors are EINVALID on the params field concerned.
type ParamsValidator interface {
	ValidateParams(params json.RawMessage, enabled bool) error
}

// Schedule is a job on a timer.
type Schedule struct {
	ID        string          `json:"id"`
	Kind      Kind            `json:"kind"`
	Name      string          `json:"name"`
	Spec      string          `json:"spec"`
	Enabled   bool            `json:"enabled"`
	Params    json.RawMessage `json:"params"`
	CreatedAt time.Time       `json:"createdAt"`
	UpdatedAt time.Time       `json:"updatedAt"`

	// Next is when it runs next on its own (zero when disabled); Running
	// whether a run is going now; LastRun its latest run, nil if none.
	Next    time.Time `json:"next"`
	Running bool      `json:"running"`
	LastRun *Run      `json:"lastRun"`
}

// Run is one run of a schedule.
type Run struct {
	ID           string    `json:"id"`
	ScheduleID   string    `json:"scheduleId"`
	ScheduledFor time.Time `json:"scheduledFor"`
	StartedAt    time.Time `json:"startedAt"`
	FinishedAt   time.Time `json:"finishedAt"` // zero while running
	Status       Status    `json:"status"`
	Result       string    `json:"result"`
	Error        string    `json:"error"`
	Missed       bool      `json:"missed"`
	Manual       bool      `json:"manual"`
}

// ScheduleInput is what an admin sets on a schedule. Kind and Name are used
// only on create.
type ScheduleInput struct {
	Kind    Kind
	Name    string
	Spec    string
	Enabled bool
	Params  json.RawMessage
}

// Clock tells the time and wakes the scheduler. Until returns a channel
// that receives once the clock reaches t (at once if it already has).
type Clock interface {
	Now() time.Time
	Until(t time.Time) <-chan time.Time
}

// RealClock is the wall clock.
type RealClock struct{}

// Now returns time.Now.
func (RealClock) Now() time.Time { return time.Now() }

// maxWait bounds one real wait, so a suspended laptop or a changed system
// clock is noticed within a minute.
const maxWait = time.Minute

// Until fires at t, or after maxWait, whichever is first; the scheduler
// recomputes what is due whenever it wakes.
func (RealClock) Until(t time.Time) <-chan time.Time {
	return time.After(min(time.Until(t), maxWait))
}
