package jobs

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/robfig/cron/v3"

	"oms/internal/errs"
	"oms/internal/store"
)

// ParseSpec parses a cron spec: five fields (minute hour day-of-month month
// day-of-week) or a descriptor (@yearly, @monthly, @weekly, @daily,
// @hourly, @every 90m). It returns EINVALID on "spec".
func ParseSpec(spec string) (cron.Schedule, error) {
	spec = strings.TrimSpace(spec)
	if spec == "" {
		return nil, errs.Invalid("spec", "Enter a schedule, for example \"0 7 * * *\" for every day at 07:00.")
	}
	if strings.HasPrefix(spec, "TZ=") || strings.HasPrefix(spec, "CRON_TZ=") {
		return nil, errs.Invalid("spec", "Schedules run in this workstation's time zone; leave out the TZ= prefix.")
	}
	sched, err := cron.ParseStandard(spec)
	if err != nil {
		return nil, errs.Invalid("spec", "This is not a schedule: use five fields (minute hour day month weekday), such as \"0 7 * * 1-5\", or @daily, @weekly, @hourly.")
	}
	if e, ok := sched.(cron.ConstantDelaySchedule); ok && e.Delay < time.Minute {
		return nil, errs.Invalid("spec", "Run a job at most once a minute.")
	}
	return sched, nil
}

func (s *Service) validateInput(in *ScheduleInput, create bool) error {
	in.Name = strings.TrimSpace(in.Name)
	in.Spec = strings.TrimSpace(in.Spec)
	if create || in.Name != "" {
		if in.Name == "" {
			return errs.Invalid("name", "Enter a name for the schedule.")
		}
		if len([]rune(in.Name)) > 100 {
			return errs.Invalid("name", "Keep the name to 100 characters.")
		}
	}
	if _, err := ParseSpec(in.Spec); err != nil {
		return err
	}
	if len(bytes.TrimSpace(in.Params)) == 0 {
		in.Params = json.RawMessage("{}")
	}
	var obj map[string]any
	if err := json.Unmarshal(in.Params, &obj); err != nil || obj == nil {
		return errs.Invalid("params", "The job's settings must be a JSON object.")
	}
	job, ok := s.job(in.Kind)
	if !ok {
		return errs.Invalid("kind", "This kind of job is not available yet.")
	}
	if v, ok := job.(ParamsValidator); ok {
		if err := v.ValidateParams(in.Params, in.Enabled); err != nil {
			return err
		}
	}
	return nil
}

// FindSchedules returns every schedule by name, with its next time, whether
// it is running and its last run.
func (s *Service) FindSchedules(ctx context.Context) ([]*Schedule, error) {
	rows, err := s.db.Reader().QueryContext(ctx, `SELECT id, kind, name, spec, enabled, params, created_at, updated_at
		FROM job_schedules ORDER BY name, id`)
	if err != nil {
		return nil, fmt.Errorf("find schedules: %w", err)
	}
	out := []*Schedule{}
	for rows.Next() {
		sc, err := scanSchedule(rows)
		if err != nil {
			rows.Close()
			return nil, fmt.Errorf("find schedules: %w", err)
		}
		out = append(out, sc)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("find schedules: %w", err)
	}
	for _, sc := range out {
		if err := s.decorate(ctx, sc); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// FindScheduleByID returns one schedule; ENOTFOUND if there is none.
func (s *Service) FindScheduleByID(ctx context.Context, id string) (*Schedule, error) {
	sc, err := findSchedule(ctx, s.db.Reader(), id)
	if err != nil {
		return nil, err
	}
	if err := s.decorate(ctx, sc); err != nil {
		return nil, err
	}
	return sc, nil
}

type rowQueryer interface {
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

func findSchedule(ctx context.Context, q rowQueryer, id string) (*Schedule, error) {
	sc, err := scanSchedule(q.QueryRowContext(ctx, `SELECT id, kind, name, spec, enabled, params, created_at, updated_at
		FROM job_schedules WHERE id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, errs.Errorf(errs.ENOTFOUND, "There is no such schedule.")
	} else if err != nil {
		return nil, fmt.Errorf("find schedule: %w", err)
	}
	return sc, nil
}

type scanner interface{ Scan(dest ...any) error }

func scanSchedule(r scanner) (*Schedule, error) {
	var sc Schedule
	var params, created, updated string
	if err := r.Scan(&sc.ID, &sc.Kind, &sc.Name, &sc.Spec, &sc.Enabled, &params, &created, &updated); err != nil {
		return nil, err
	}
	sc.Params = json.RawMessage(params)
	sc.CreatedAt, _ = store.ParseTime(created)
	sc.UpdatedAt, _ = store.ParseTime(updated)
	return &sc, nil
}

func (s *Service) decorate(ctx context.Context, sc *Schedule) error {
	s.mu.Lock()
	sc.Running = s.running[sc.ID]
	s.mu.Unlock()
	if sc.Enabled {
		if cs, err := ParseSpec(sc.Spec); err == nil {
			sc.Next = cs.Next(s.clock.Now())
		}
	}
	runs, _, err := s.FindRuns(ctx, RunFilter{ScheduleID: sc.ID, Limit: 1})
	if err != nil {
		return err
	}
	if len(runs) > 0 {
		sc.LastRun = runs[0]
	}
	return nil
}

// CreateSchedule adds a schedule. Only report schedules can be added (the
// other kinds have their one default schedule); EINVALID on the field at
// fault.
func (s *Service) CreateSchedule(ctx context.Context, actor store.Actor, in ScheduleInput) (*Schedule, error) {
	if in.Kind != KindReport {
		return nil, errs.Invalid("kind", "Only report schedules can be added.")
	}
	if err := s.validateInput(&in, true); err != nil {
		return nil, err
	}
	id, err := s.insertSchedule(ctx, actor, in)
	if err != nil {
		return nil, err
	}
	s.wakeUp()
	return s.FindScheduleByID(ctx, id)
}

func (s *Service) insertSchedule(ctx context.Context, actor store.Actor, in ScheduleInput) (string, error) {
	id, now := store.NewID(), store.FormatTime(s.clock.Now())
	err := s.db.Update(ctx, actor, func(tx *store.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO job_schedules (id, kind, name, spec, enabled, params, created_at, updated_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, id, in.Kind, in.Name, in.Spec, in.Enabled, string(in.Params), now, now)
		return err
	})
	if err != nil {
		return "", fmt.Errorf("create schedule: %w", err)
	}
	return id, nil
}

// ScheduleUpdate is what can change on a schedule. Name "" keeps the name.
type ScheduleUpdate struct {
	Name    string
	Spec    string
	Enabled bool
	Params  json.RawMessage
}

// UpdateSchedule changes a schedule's name, spec, enabled flag and params.
// ENOTFOUND if there is no such schedule, EINVALID on the field at fault.
func (s *Service) UpdateSchedule(ctx context.Context, actor store.Actor, id string, upd ScheduleUpdate) (*Schedule, error) {
	cur, err := findSchedule(ctx, s.db.Reader(), id)
	if err != nil {
		return nil, err
	}
	in := ScheduleInput{Kind: cur.Kind, Name: upd.Name, Spec: upd.Spec, Enabled: upd.Enabled, Params: upd.Params}
	if err := s.validateInput(&in, false); err != nil {
		return nil, err
	}
	if in.Name == "" {
		in.Name = cur.Name
	}
	now := store.FormatTime(s.clock.Now())
	err = s.db.Update(ctx, actor, func(tx *store.Tx) error {
		_, err := tx.ExecContext(ctx, `UPDATE job_schedules SET name = ?, spec = ?, enabled = ?, params = ?, updated_at = ? WHERE id = ?`,
			in.Name, in.Spec, in.Enabled, string(in.Params), now, id)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("update schedule: %w", err)
	}
	s.wakeUp()
	return s.FindScheduleByID(ctx, id)
}

// DeleteSchedule removes a report schedule and its run history. ENOTFOUND
// if there is none, ECONFLICT for the built-in kinds (disable them
// instead) or while it runs.
func (s *Service) DeleteSchedule(ctx context.Context, actor store.Actor, id string) error {
	cur, err := findSchedule(ctx, s.db.Reader(), id)
	if err != nil {
		return err
	}
	if cur.Kind != KindReport {
		return errs.Errorf(errs.ECONFLICT, "Only report schedules can be deleted; disable this one instead.")
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.running[id] {
		return errs.Errorf(errs.ECONFLICT, "The schedule is running; delete it when the run has finished.")
	}
	err = s.db.Update(ctx, actor, func(tx *store.Tx) error {
		if _, err := tx.ExecContext(ctx, `DELETE FROM job_runs WHERE schedule_id = ?`, id); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, `DELETE FROM job_schedules WHERE id = ?`, id)
		return err
	})
	if err != nil {
		return fmt.Errorf("delete schedule: %w", err)
	}
	s.wakeUpLocked()
	return nil
}

// RunFilter selects runs: of one schedule (or all when ScheduleID is ""),
// a page of Limit (default 20, at most 200) after Offset.
type RunFilter struct {
	ScheduleID string
	Limit      int
	Offset     int
}

// FindRuns returns runs newest first, and how many the filter selects.
func (s *Service) FindRuns(ctx context.Context, f RunFilter) ([]*Run, int, error) {
	if f.Limit <= 0 {
		f.Limit = 20
	}
	f.Limit, f.Offset = min(f.Limit, 200), max(f.Offset, 0)
	where, args := "", []any{}
	if f.ScheduleID != "" {
		where, args = "WHERE schedule_id = ?", append(args, f.ScheduleID)
	}
	var total int
	if err := s.db.Reader().QueryRowContext(ctx, `SELECT COUNT(*) FROM job_runs `+where, args...).Scan(&total); err != nil {
		return nil, 0, fmt.Errorf("find runs: %w", err)
	}
	rows, err := s.db.Reader().QueryContext(ctx, `SELECT id, schedule_id, scheduled_for, started_at, finished_at, status, result, error, missed, manual
		FROM job_runs `+where+` ORDER BY started_at DESC, id DESC LIMIT ? OFFSET ?`, append(args, f.Limit, f.Offset)...)
	if err != nil {
		return nil, 0, fmt.Errorf("find runs: %w", err)
	}
	defer rows.Close()
	out := []*Run{}
	for rows.Next() {
		var r Run
		var sched, started, finished string
		if err := rows.Scan(&r.ID, &r.ScheduleID, &sched, &started, &finished, &r.Status, &r.Result, &r.Error, &r.Missed, &r.Manual); err != nil {
			return nil, 0, fmt.Errorf("find runs: %w", err)
		}
		r.ScheduledFor, _ = store.ParseTime(sched)
		r.StartedAt, _ = store.ParseTime(started)
		r.FinishedAt, _ = store.ParseTime(finished)
		out = append(out, &r)
	}
	if err := rows.Err(); err != nil {
		return nil, 0, fmt.Errorf("find runs: %w", err)
	}
	return out, total, nil
}
