package jobs

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"log/slog"
	"runtime/debug"
	"sync"
	"time"

	"oms/internal/errs"
	"oms/internal/store"
)

// actor is who the scheduler's writes are recorded for.
var actor = store.Actor{UserName: "scheduler"}

// DefaultStopTimeout is how long Stop waits for running jobs.
const DefaultStopTimeout = 10 * time.Second

// Service keeps the schedules, runs them on time and records every run.
// Create it with NewService, Register the jobs, then Start it once; the
// schedule methods work without Start, running jobs does not.
type Service struct {
	db    *store.DB
	clock Clock
	log   *slog.Logger
	jobs  map[Kind]Job

	// StopTimeout bounds how long Stop waits for running jobs.
	StopTimeout time.Duration

	mu       sync.Mutex
	running  map[string]bool
	onChange func(*Run)
	ctx      context.Context // cancelled by Stop; nil before Start
	cancel   context.CancelFunc
	started  time.Time
	stopped  bool
	runs     sync.WaitGroup
	loopDone chan struct{}
	wake     chan struct{}
}

// NewService returns a scheduler over db telling time by clock (RealClock
// outside tests).
func NewService(db *store.DB, clock Clock, log *slog.Logger) *Service {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	return &Service{db: db, clock: clock, log: log, jobs: map[Kind]Job{}, running: map[string]bool{},
		wake: make(chan struct{}, 1), StopTimeout: DefaultStopTimeout}
}

// SetLogger sets where internal errors of the scheduler are logged. Call
// it before Start.
func (s *Service) SetLogger(log *slog.Logger) {
	if log != nil {
		s.log = log
	}
}

// Register makes kind runnable by job. Call it before Start.
func (s *Service) Register(kind Kind, job Job) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.jobs[kind] = job
}

func (s *Service) job(kind Kind) (Job, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	j, ok := s.jobs[kind]
	return j, ok
}

// OnChange sets fn to be called (on the scheduler's goroutine) whenever a
// run starts, finishes or is skipped.
func (s *Service) OnChange(fn func(*Run)) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.onChange = fn
}

func (s *Service) changed(r *Run) {
	s.mu.Lock()
	fn := s.onChange
	s.mu.Unlock()
	if fn != nil {
		fn(r)
	}
}

// Start closes runs cut off by the last exit as failed, creates the default
// schedules on first start, runs once each enabled schedule that missed a
// tick while the app was closed (marked missed), then runs the schedules
// on time until Stop or until ctx ends.
func (s *Service) Start(ctx context.Context) error {
	s.mu.Lock()
	if s.ctx != nil {
		s.mu.Unlock()
		return errors.New("jobs: already started")
	}
	s.mu.Unlock()
	now := s.clock.Now()
	if err := s.closeInterrupted(ctx, now); err != nil {
		return err
	}
	if err := s.ensureDefaults(ctx); err != nil {
		return err
	}
	runCtx, cancel := context.WithCancel(context.WithoutCancel(ctx))
	s.mu.Lock()
	s.ctx, s.cancel, s.started, s.loopDone = runCtx, cancel, now, make(chan struct{})
	s.mu.Unlock()
	if err := s.catchUp(ctx, now); err != nil {
		s.log.Error("jobs: catch up missed runs", "err", err)
	}
	go s.loop(runCtx)
	go func() {
		select {
		case <-ctx.Done():
			s.Stop()
		case <-runCtx.Done():
		}
	}()
	return nil
}

// Stop stops scheduling, cancels running jobs and waits for them up to
// StopTimeout. It returns false if some were still running then.
func (s *Service) Stop() bool {
	s.mu.Lock()
	if s.ctx == nil || s.stopped {
		s.mu.Unlock()
		return true
	}
	s.stopped = true
	s.cancel()
	done := s.loopDone
	s.mu.Unlock()
	<-done
	finished := make(chan struct{})
	go func() { s.runs.Wait(); close(finished) }()
	select {
	case <-finished:
		return true
	case <-time.After(s.StopTimeout):
		s.log.Warn("jobs: stopped with jobs still running")
		return false
	}
}

func (s *Service) closeInterrupted(ctx context.Context, now time.Time) error {
	err := s.db.Update(ctx, actor, func(tx *store.Tx) error {
		_, err := tx.ExecContext(ctx, `UPDATE job_runs SET status = 'failed', finished_at = ?, error = 'The app closed during the run.'
			WHERE status = 'running'`, store.FormatTime(now))
		return err
	})
	if err != nil {
		return fmt.Errorf("close interrupted runs: %w", err)
	}
	return nil
}

// ensureDefaults creates the default schedules when there are none: the
// low-stock check daily at 07:00, draft expiry daily at 03:00 (30 days),
// and, disabled until a folder is chosen, the daily sales report at 18:00
// and the weekly inventory report on Mondays at 07:00.
func (s *Service) ensureDefaults(ctx context.Context) error {
	var n int
	if err := s.db.Reader().QueryRowContext(ctx, `SELECT COUNT(*) FROM job_schedules`).Scan(&n); err != nil {
		return fmt.Errorf("default schedules: %w", err)
	}
	if n > 0 {
		return nil
	}
	for _, in := range []ScheduleInput{
		{Kind: KindLowStock, Name: "Low-stock check", Spec: "0 7 * * *", Enabled: true, Params: []byte(`{}`)},
		{Kind: KindDraftExpiry, Name: "Delete old drafts", Spec: "0 3 * * *", Enabled: true, Params: []byte(`{"days":30}`)},
		{Kind: KindReport, Name: "Daily sales report", Spec: "0 18 * * *", Params: []byte(`{"report":"sales","folder":"","range":"yesterday"}`)},
		{Kind: KindReport, Name: "Weekly inventory report", Spec: "0 7 * * 1", Params: []byte(`{"report":"inventory","folder":"","range":"last-7-days"}`)},
	} {
		if _, err := s.insertSchedule(ctx, actor, in); err != nil {
			return fmt.Errorf("default schedules: %w", err)
		}
	}
	return nil
}

// catchUp runs once each enabled schedule whose latest tick between its
// last run (or its last edit) and now has no run: the app was closed then.
// However many ticks were missed, it runs once, for the latest of them.
func (s *Service) catchUp(ctx context.Context, now time.Time) error {
	scheds, err := s.enabledSchedules(ctx)
	if err != nil {
		return err
	}
	for _, sc := range scheds {
		cs, err := ParseSpec(sc.Spec)
		if err != nil {
			continue
		}
		base := sc.UpdatedAt
		var last string
		err = s.db.Reader().QueryRowContext(ctx, `SELECT scheduled_for FROM job_runs WHERE schedule_id = ?
			ORDER BY scheduled_for DESC LIMIT 1`, sc.ID).Scan(&last)
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("last run: %w", err)
		}
		if t, _ := store.ParseTime(last); t.After(base) {
			base = t
		}
		var missed time.Time
		t := cs.Next(base.In(now.Location()))
		for i := 0; !t.IsZero() && !t.After(now) && i < 100000; i++ {
			missed, t = t, cs.Next(t)
		}
		if !missed.IsZero() {
			if _, err := s.launch(sc, missed, true, false); err != nil {
				s.log.Error("jobs: missed run", "schedule", sc.ID, "err", err)
			}
		}
	}
	return nil
}

func (s *Service) enabledSchedules(ctx context.Context) ([]*Schedule, error) {
	rows, err := s.db.Reader().QueryContext(ctx, `SELECT id, kind, name, spec, enabled, params, created_at, updated_at
		FROM job_schedules WHERE enabled = 1 ORDER BY name, id`)
	if err != nil {
		return nil, fmt.Errorf("enabled schedules: %w", err)
	}
	defer rows.Close()
	var out []*Schedule
	for rows.Next() {
		sc, err := scanSchedule(rows)
		if err != nil {
			return nil, fmt.Errorf("enabled schedules: %w", err)
		}
		out = append(out, sc)
	}
	return out, rows.Err()
}

func (s *Service) wakeUp() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.wakeUpLocked()
}

func (s *Service) wakeUpLocked() {
	select {
	case s.wake <- struct{}{}:
	default:
	}
}

// loop fires due ticks. Each enabled schedule's next tick is kept in
// memory under its id, spec and last edit, so an edit starts it afresh
// from the edit time; the first tick after start is the first after the
// start time, the catch-up having dealt with the ones before.
func (s *Service) loop(ctx context.Context) {
	defer close(s.loopDone)
	type key struct {
		id, spec string
		updated  time.Time
	}
	next := map[key]time.Time{}
	for {
		now := s.clock.Now()
		scheds, err := s.enabledSchedules(ctx)
		if err != nil {
			if ctx.Err() != nil {
				return
			}
			// Keep the ticks known so far (forgetting them would run
			// again a tick that has run) and try again in a minute.
			s.log.Error("jobs: read schedules", "err", err)
			select {
			case <-ctx.Done():
				return
			case <-s.wake:
			case <-s.clock.Until(now.Add(time.Minute)):
			}
			continue
		}
		seen := map[key]bool{}
		var earliest time.Time
		for _, sc := range scheds {
			cs, err := ParseSpec(sc.Spec)
			if err != nil {
				continue
			}
			k := key{sc.ID, sc.Spec, sc.UpdatedAt}
			seen[k] = true
			n, ok := next[k]
			if !ok {
				base := sc.UpdatedAt
				if s.started.After(base) {
					base = s.started
				}
				n = cs.Next(base.In(now.Location()))
			}
			if !n.IsZero() && !n.After(now) {
				s.fire(sc, n)
				n = cs.Next(now)
			}
			next[k] = n
			if !n.IsZero() && (earliest.IsZero() || n.Before(earliest)) {
				earliest = n
			}
		}
		for k := range next {
			if !seen[k] {
				delete(next, k)
			}
		}
		var wait <-chan time.Time
		if !earliest.IsZero() {
			wait = s.clock.Until(earliest)
		}
		select {
		case <-ctx.Done():
			return
		case <-s.wake:
		case <-wait:
		}
	}
}

// fire runs a schedule for a tick, or records the tick as skipped when the
// previous run is still going: a job never overlaps itself.
func (s *Service) fire(sc *Schedule, tick time.Time) {
	s.mu.Lock()
	busy := s.running[sc.ID]
	s.mu.Unlock()
	if !busy {
		if _, err := s.launch(sc, tick, false, false); err != nil && !errors.Is(err, errBusy) {
			s.log.Error("jobs: run", "schedule", sc.ID, "err", err)
		}
		return
	}
	now := s.clock.Now()
	r := &Run{ID: store.NewID(), ScheduleID: sc.ID, ScheduledFor: tick, StartedAt: now, FinishedAt: now,
		Status: StatusSkipped, Result: "Skipped: the previous run was still going."}
	if err := s.insertRun(context.Background(), r); err != nil {
		s.log.Error("jobs: record skipped run", "schedule", sc.ID, "err", err)
		return
	}
	s.changed(r)
}

var errBusy = errs.Errorf(errs.ECONFLICT, "This job is running already; wait for it to finish.")

// RunNow starts a run of a schedule at once, off the caller's goroutine,
// recorded like any other (manual). It returns the run as started.
// ENOTFOUND if there is no such schedule, ECONFLICT if it is running
// already or the scheduler is not started.
func (s *Service) RunNow(ctx context.Context, id string) (*Run, error) {
	sc, err := findSchedule(ctx, s.db.Reader(), id)
	if err != nil {
		return nil, err
	}
	return s.launch(sc, s.clock.Now(), false, true)
}

func (s *Service) launch(sc *Schedule, tick time.Time, missed, manual bool) (*Run, error) {
	s.mu.Lock()
	if s.ctx == nil || s.stopped {
		s.mu.Unlock()
		return nil, errs.Errorf(errs.ECONFLICT, "The scheduler is not running.")
	}
	if s.running[sc.ID] {
		s.mu.Unlock()
		return nil, errBusy
	}
	s.running[sc.ID] = true
	s.runs.Add(1)
	ctx, job := s.ctx, s.jobs[sc.Kind]
	s.mu.Unlock()
	release := func() {
		s.mu.Lock()
		delete(s.running, sc.ID)
		s.mu.Unlock()
	}
	r := &Run{ID: store.NewID(), ScheduleID: sc.ID, ScheduledFor: tick, StartedAt: s.clock.Now(), Status: StatusRunning,
		Missed: missed, Manual: manual}
	if err := s.insertRun(ctx, r); err != nil {
		release()
		s.runs.Done()
		return nil, err
	}
	started := *r
	s.changed(&started)
	go func() {
		defer s.runs.Done()
		result, err := execute(ctx, job, sc)
		r.FinishedAt, r.Result, r.Status = s.clock.Now(), result, StatusOK
		if err != nil {
			r.Status, r.Error = StatusFailed, errorText(err)
			s.log.Warn("jobs: run failed", "schedule", sc.ID, "kind", sc.Kind, "err", err)
		}
		if err := s.finishRun(context.WithoutCancel(ctx), r); err != nil {
			s.log.Error("jobs: record run", "schedule", sc.ID, "err", err)
		}
		// The schedule is free again before anyone hears that the run
		// ended, so a tick right after it is not taken for an overlap.
		release()
		finished := *r
		s.changed(&finished)
	}()
	return &started, nil
}

// execute runs job, turning a panic into an error.
func execute(ctx context.Context, job Job, sc *Schedule) (result string, err error) {
	if job == nil {
		return "", errs.Errorf(errs.ECONFLICT, "This kind of job (%s) is not available yet.", sc.Kind)
	}
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("the job crashed: %v\n%s", p, debug.Stack())
		}
	}()
	return job.Run(ctx, sc.Params)
}

// errorText is what the run history shows of err: the sentence of a coded
// error, the first line of anything else.
func errorText(err error) string {
	if errs.Code(err) != errs.EINTERNAL {
		return errs.Message(err)
	}
	msg := err.Error()
	for i, c := range msg {
		if c == '\n' {
			msg = msg[:i]
			break
		}
	}
	return msg
}

func (s *Service) insertRun(ctx context.Context, r *Run) error {
	err := s.db.Update(ctx, actor, func(tx *store.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO job_runs (id, schedule_id, scheduled_for, started_at, finished_at, status, result, error, missed, manual)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, r.ID, r.ScheduleID, store.FormatTime(r.ScheduledFor), store.FormatTime(r.StartedAt),
			formatOptional(r.FinishedAt), r.Status, r.Result, r.Error, r.Missed, r.Manual)
		return err
	})
	if err != nil {
		return fmt.Errorf("record run: %w", err)
	}
	return nil
}

func (s *Service) finishRun(ctx context.Context, r *Run) error {
	return s.db.Update(ctx, actor, func(tx *store.Tx) error {
		_, err := tx.ExecContext(ctx, `UPDATE job_runs SET finished_at = ?, status = ?, result = ?, error = ? WHERE id = ?`,
			store.FormatTime(r.FinishedAt), r.Status, r.Result, r.Error, r.ID)
		return err
	})
}

func formatOptional(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return store.FormatTime(t)
}
