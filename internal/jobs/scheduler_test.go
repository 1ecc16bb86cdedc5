package jobs

import (
	"context"
	"encoding/json"
	"errors"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"oms/internal/errs"
	"oms/internal/store"
)

// fakeClock is a clock the test sets; Until fires once it is set to or past
// the deadline.
type fakeClock struct {
	mu      sync.Mutex
	now     time.Time
	waiters []waiter
}

type waiter struct {
	at time.Time
	ch chan time.Time
}

func (c *fakeClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *fakeClock) Until(t time.Time) <-chan time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	ch := make(chan time.Time, 1)
	if !t.After(c.now) {
		ch <- c.now
	} else {
		c.waiters = append(c.waiters, waiter{t, ch})
	}
	return ch
}

func (c *fakeClock) Set(t time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = t
	keep := c.waiters[:0]
	for _, w := range c.waiters {
		if !w.at.After(t) {
			w.ch <- t
		} else {
			keep = append(keep, w)
		}
	}
	c.waiters = keep
}

// jobFunc adapts a function to Job.
type jobFunc func(ctx context.Context, params json.RawMessage) (string, error)

func (f jobFunc) Run(ctx context.Context, p json.RawMessage) (string, error) { return f(ctx, p) }

var okJob = jobFunc(func(context.Context, json.RawMessage) (string, error) { return "done", nil })

type env struct {
	db    *store.DB
	clock *fakeClock
	s     *Service
	// ended receives every run that finished or was skipped.
	ended chan *Run
}

func at(day, hour, minute int) time.Time {
	return time.Date(2026, time.March, day, hour, minute, 0, 0, time.UTC)
}

func newEnv(t *testing.T, now time.Time) *env {
	t.Helper()
	db, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "oms.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	e := &env{db: db, clock: &fakeClock{now: now}, ended: make(chan *Run, 100)}
	e.s = NewService(db, e.clock, nil)
	e.s.Register(KindLowStock, okJob)
	e.s.Register(KindDraftExpiry, okJob)
	e.s.Register(KindReport, ReportJob{Now: e.clock.Now})
	e.s.OnChange(func(r *Run) {
		if r.Status != StatusRunning {
			e.ended <- r
		}
	})
	t.Cleanup(func() { e.s.Stop() })
	return e
}

// schedule adds a schedule directly, whatever its kind, at the clock's time.
func (e *env) schedule(t *testing.T, kind Kind, spec string, enabled bool) string {
	t.Helper()
	id, err := e.s.insertSchedule(context.Background(), actor, ScheduleInput{Kind: kind, Name: string(kind) + " " + spec, Spec: spec, Enabled: enabled, Params: []byte(`{}`)})
	if err != nil {
		t.Fatal(err)
	}
	return id
}

func (e *env) start(t *testing.T) {
	t.Helper()
	if err := e.s.Start(context.Background()); err != nil {
		t.Fatal(err)
	}
}

// next waits for the next run to end; the timeout only stops a hung test.
func (e *env) next(t *testing.T) *Run {
	t.Helper()
	select {
	case r := <-e.ended:
		return r
	case <-time.After(20 * time.Second):
		t.Fatal("no run ended")
		return nil
	}
}

func (e *env) runs(t *testing.T, scheduleID string) []*Run {
	t.Helper()
	runs, _, err := e.s.FindRuns(context.Background(), RunFilter{ScheduleID: scheduleID, Limit: 200})
	if err != nil {
		t.Fatal(err)
	}
	return runs
}

func TestScheduler_RunsAtItsTimes(t *testing.T) {
	e := newEnv(t, at(2, 6, 0))
	id := e.schedule(t, KindLowStock, "0 7 * * *", true)
	e.start(t)
	for _, tick := range []time.Time{at(2, 7, 0), at(3, 7, 0), at(4, 7, 0)} {
		e.clock.Set(tick)
		r := e.next(t)
		if r.ScheduleID != id || r.Status != StatusOK || r.Result != "done" || !r.ScheduledFor.Equal(tick) || r.Missed || r.Manual {
			t.Fatalf("run at %v = %+v", tick, r)
		}
	}
	runs := e.runs(t, id)
	if len(runs) != 3 || !runs[0].ScheduledFor.Equal(at(4, 7, 0)) || !runs[2].ScheduledFor.Equal(at(2, 7, 0)) {
		t.Fatalf("runs = %d, newest %v", len(runs), runs[0].ScheduledFor)
	}
	if !runs[0].StartedAt.Equal(at(4, 7, 0)) || !runs[0].FinishedAt.Equal(at(4, 7, 0)) {
		t.Fatalf("times = %v %v", runs[0].StartedAt, runs[0].FinishedAt)
	}
}

func TestScheduler_MissedRunsOnceAtStart(t *testing.T) {
	tests := []struct {
		name     string
		lastRun  time.Time // zero: never ran
		start    time.Time
		wantTick time.Time // zero: nothing missed
	}{
		{"NeverRanTwoTicksPassed", time.Time{}, at(4, 8, 0), at(4, 7, 0)},
		{"LastRunThenClosedTwoDays", at(2, 7, 0), at(4, 8, 0), at(4, 7, 0)},
		{"LastRunTodayNothingMissed", at(4, 7, 0), at(4, 8, 0), time.Time{}},
		{"StartedBeforeTheTick", at(3, 7, 0), at(4, 6, 0), time.Time{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := newEnv(t, at(2, 6, 0))
			id := e.schedule(t, KindLowStock, "0 7 * * *", true)
			if !tt.lastRun.IsZero() {
				if err := e.s.insertRun(context.Background(), &Run{ID: store.NewID(), ScheduleID: id, ScheduledFor: tt.lastRun,
					StartedAt: tt.lastRun, FinishedAt: tt.lastRun, Status: StatusOK}); err != nil {
					t.Fatal(err)
				}
			}
			e.clock.Set(tt.start)
			e.start(t)
			before := len(e.runs(t, id)) // catch-up runs are recorded before Start returns
			if tt.wantTick.IsZero() {
				if want := boolInt(!tt.lastRun.IsZero()); before != want { // only the run the test recorded
					t.Fatalf("runs after start = %d, want %d", before, want)
				}
				return
			}
			r := e.next(t)
			if !r.Missed || r.Status != StatusOK || !r.ScheduledFor.Equal(tt.wantTick) || !r.StartedAt.Equal(tt.start) {
				t.Fatalf("missed run = %+v", r)
			}
			// The next tick runs as usual, and the missed ticks ran once.
			e.clock.Set(at(5, 7, 0))
			if r := e.next(t); r.Missed || !r.ScheduledFor.Equal(at(5, 7, 0)) {
				t.Fatalf("next run = %+v", r)
			}
			missed := 0
			for _, r := range e.runs(t, id) {
				if r.Missed {
					missed++
				}
			}
			if missed != 1 {
				t.Fatalf("missed runs = %d, want 1", missed)
			}
		})
	}
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

func TestScheduler_NoOverlap(t *testing.T) {
	e := newEnv(t, at(2, 6, 0))
	started, release := make(chan struct{}, 1), make(chan struct{})
	e.s.Register(KindLowStock, jobFunc(func(ctx context.Context, _ json.RawMessage) (string, error) {
		started <- struct{}{}
		<-release
		return "slow", nil
	}))
	id := e.schedule(t, KindLowStock, "* * * * *", true)
	e.start(t)
	e.clock.Set(at(2, 6, 1))
	<-started
	if _, err := e.s.RunNow(context.Background(), id); errs.Code(err) != errs.ECONFLICT {
		t.Fatalf("RunNow while running: %v", err)
	}
	sc, err := e.s.FindScheduleByID(context.Background(), id)
	if err != nil || !sc.Running || sc.LastRun == nil || sc.LastRun.Status != StatusRunning {
		t.Fatalf("schedule while running = %+v, %v", sc, err)
	}
	e.clock.Set(at(2, 6, 2))
	if r := e.next(t); r.Status != StatusSkipped || !r.ScheduledFor.Equal(at(2, 6, 2)) {
		t.Fatalf("second tick = %+v", r)
	}
	close(release)
	if r := e.next(t); r.Status != StatusOK || r.Result != "slow" || !r.ScheduledFor.Equal(at(2, 6, 1)) {
		t.Fatalf("first run = %+v", r)
	}
	runs := e.runs(t, id)
	if len(runs) != 2 {
		t.Fatalf("runs = %d, want a run and a skipped tick", len(runs))
	}
}

func TestScheduler_FailedRuns(t *testing.T) {
	tests := []struct {
		name    string
		job     Job
		wantErr string
	}{
		{"Error", jobFunc(func(context.Context, json.RawMessage) (string, error) { return "", errors.New("disk full") }), "disk full"},
		{"CodedError", jobFunc(func(context.Context, json.RawMessage) (string, error) {
			return "", errs.Invalid("folder", "There is no folder /x.")
		}), "There is no folder /x."},
		{"Panic", jobFunc(func(context.Context, json.RawMessage) (string, error) { panic("boom") }), "the job crashed: boom"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := newEnv(t, at(2, 6, 0))
			e.s.Register(KindLowStock, tt.job)
			id := e.schedule(t, KindLowStock, "0 7 * * *", true)
			e.start(t)
			e.clock.Set(at(2, 7, 0))
			r := e.next(t)
			if r.Status != StatusFailed || r.Error != tt.wantErr {
				t.Fatalf("run = %+v", r)
			}
			runs := e.runs(t, id)
			if len(runs) != 1 || runs[0].Status != StatusFailed || runs[0].Error != tt.wantErr || runs[0].FinishedAt.IsZero() {
				t.Fatalf("recorded = %+v", runs[0])
			}
			// The scheduler goes on after a failure.
			e.clock.Set(at(3, 7, 0))
			if r := e.next(t); !r.ScheduledFor.Equal(at(3, 7, 0)) {
				t.Fatalf("next = %+v", r)
			}
		})
	}
}

func TestScheduler_DisabledDoesNotRun(t *testing.T) {
	e := newEnv(t, at(2, 6, 0))
	off := e.schedule(t, KindLowStock, "0 7 * * *", false)
	on := e.schedule(t, KindDraftExpiry, "5 7 * * *", true)
	e.clock.Set(at(4, 8, 0)) // both missed ticks while closed: only the enabled one catches up
	e.start(t)
	if r := e.next(t); r.ScheduleID != on || !r.Missed {
		t.Fatalf("catch-up = %+v", r)
	}
	e.clock.Set(at(5, 7, 10)) // both due in the same pass
	if r := e.next(t); r.ScheduleID != on {
		t.Fatalf("run = %+v", r)
	}
	if runs := e.runs(t, off); len(runs) != 0 {
		t.Fatalf("disabled schedule ran %d times", len(runs))
	}
	sc, err := e.s.FindScheduleByID(context.Background(), off)
	if err != nil || !sc.Next.IsZero() {
		t.Fatalf("disabled next = %v, %v", sc.Next, err)
	}
}

func TestScheduler_UpdateTakesEffect(t *testing.T) {
	e := newEnv(t, at(2, 6, 0))
	id := e.schedule(t, KindLowStock, "0 7 * * *", true)
	e.start(t)
	sc, err := e.s.UpdateSchedule(context.Background(), actor, id, ScheduleUpdate{Spec: "30 6 * * *", Enabled: true})
	if err != nil || !sc.Next.Equal(at(2, 6, 30)) || sc.Name != "low-stock 0 7 * * *" {
		t.Fatalf("update = %+v, %v", sc, err)
	}
	e.clock.Set(at(2, 6, 30))
	if r := e.next(t); !r.ScheduledFor.Equal(at(2, 6, 30)) {
		t.Fatalf("run = %+v", r)
	}
}

func TestScheduleService_BadSpecs(t *testing.T) {
	e := newEnv(t, at(2, 6, 0))
	id := e.schedule(t, KindLowStock, "0 7 * * *", true)
	for _, spec := range []string{"", "nonsense", "61 * * * *", "* * * *", "0 7 * * * *", "@sometimes", "@every 10s", "TZ=Europe/Berlin 0 7 * * *"} {
		_, err := e.s.UpdateSchedule(context.Background(), actor, id, ScheduleUpdate{Spec: spec, Enabled: true})
		var ee *errs.Error
		if !errors.As(err, &ee) || ee.Code != errs.EINVALID || ee.Field != "spec" || ee.Message == "" {
			t.Errorf("spec %q: %v", spec, err)
		}
	}
	for _, spec := range []string{"0 7 * * *", "@daily", "@weekly", "*/15 9-17 * * 1-5", "@every 1h", " 0 18 * * * "} {
		if _, err := e.s.UpdateSchedule(context.Background(), actor, id, ScheduleUpdate{Spec: spec, Enabled: true}); err != nil {
			t.Errorf("spec %q: %v", spec, err)
		}
	}
}

func TestScheduleService_CreateAndDelete(t *testing.T) {
	e := newEnv(t, at(2, 6, 0))
	ctx := context.Background()
	dir := t.TempDir()
	tests := []struct {
		name      string
		in        ScheduleInput
		wantField string
	}{
		{"Report", ScheduleInput{Kind: KindReport, Name: "Orders", Spec: "@daily", Enabled: true,
			Params: json.RawMessage(`{"report":"orders","folder":"` + dir + `","range":"yesterday"}`)}, ""},
		{"DisabledWithoutFolder", ScheduleInput{Kind: KindReport, Name: "Later", Spec: "@daily",
			Params: json.RawMessage(`{"report":"orders","folder":"","range":"yesterday"}`)}, ""},
		{"EnabledWithoutFolder", ScheduleInput{Kind: KindReport, Name: "Now", Spec: "@daily", Enabled: true,
			Params: json.RawMessage(`{"report":"orders","folder":"","range":"yesterday"}`)}, "folder"},
		{"NotAReport", ScheduleInput{Kind: KindLowStock, Name: "Again", Spec: "@daily", Enabled: true}, "kind"},
		{"Sync", ScheduleInput{Kind: KindSync, Name: "Sync", Spec: "@hourly", Enabled: true}, "kind"},
		{"NoName", ScheduleInput{Kind: KindReport, Name: " ", Spec: "@daily",
			Params: json.RawMessage(`{"report":"orders","range":"yesterday"}`)}, "name"},
		{"BadSpec", ScheduleInput{Kind: KindReport, Name: "X", Spec: "daily",
			Params: json.RawMessage(`{"report":"orders","range":"yesterday"}`)}, "spec"},
		{"NotJSONObject", ScheduleInput{Kind: KindReport, Name: "X", Spec: "@daily", Params: json.RawMessage(`[1]`)}, "params"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sc, err := e.s.CreateSchedule(ctx, actor, tt.in)
			var ee *errs.Error
			if tt.wantField != "" {
				if !errors.As(err, &ee) || ee.Field != tt.wantField {
					t.Fatalf("err = %v, want EINVALID on %s", err, tt.wantField)
				}
				return
			}
			if err != nil || sc.Kind != KindReport || sc.Enabled != tt.in.Enabled {
				t.Fatalf("create = %+v, %v", sc, err)
			}
			if err := e.s.DeleteSchedule(ctx, actor, sc.ID); err != nil {
				t.Fatal(err)
			}
			if _, err := e.s.FindScheduleByID(ctx, sc.ID); errs.Code(err) != errs.ENOTFOUND {
				t.Fatalf("after delete: %v", err)
			}
		})
	}
	id := e.schedule(t, KindLowStock, "@daily", true)
	if err := e.s.DeleteSchedule(ctx, actor, id); errs.Code(err) != errs.ECONFLICT {
		t.Fatalf("delete low-stock: %v", err)
	}
}

func TestScheduler_Defaults(t *testing.T) {
	e := newEnv(t, at(2, 6, 0))
	e.start(t)
	scheds, err := e.s.FindSchedules(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, sc := range scheds {
		got[sc.Name] = string(sc.Kind) + " " + sc.Spec + " " + map[bool]string{true: "on", false: "off"}[sc.Enabled]
	}
	want := map[string]string{
		"Low-stock check":         "low-stock 0 7 * * * on",
		"Delete old drafts":       "draft-expiry 0 3 * * * on",
		"Daily sales report":      "report 0 18 * * * off",
		"Weekly inventory report": "report 0 7 * * 1 off",
	}
	if len(got) != len(want) {
		t.Fatalf("defaults = %v", got)
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s = %q, want %q", k, got[k], v)
		}
	}
	e.s.Stop()
	again := NewService(e.db, e.clock, nil)
	if err := again.Start(context.Background()); err != nil {
		t.Fatal(err)
	}
	defer again.Stop()
	if scheds, _ := again.FindSchedules(context.Background()); len(scheds) != 4 {
		t.Fatalf("second start: %d schedules", len(scheds))
	}
}

func TestScheduler_StopCancelsAndWaits(t *testing.T) {
	e := newEnv(t, at(2, 6, 0))
	started := make(chan struct{})
	e.s.Register(KindLowStock, jobFunc(func(ctx context.Context, _ json.RawMessage) (string, error) {
		close(started)
		<-ctx.Done()
		return "", ctx.Err()
	}))
	id := e.schedule(t, KindLowStock, "0 7 * * *", true)
	e.start(t)
	if _, err := e.s.RunNow(context.Background(), id); err != nil {
		t.Fatal(err)
	}
	<-started
	if !e.s.Stop() {
		t.Fatal("Stop timed out")
	}
	runs := e.runs(t, id)
	if len(runs) != 1 || runs[0].Status != StatusFailed || !runs[0].Manual || !strings.Contains(runs[0].Error, "canceled") {
		t.Fatalf("runs = %+v", runs[0])
	}
	if _, err := e.s.RunNow(context.Background(), id); errs.Code(err) != errs.ECONFLICT {
		t.Fatalf("RunNow after Stop: %v", err)
	}
}

func TestScheduler_InterruptedRunsClosedAtStart(t *testing.T) {
	e := newEnv(t, at(2, 6, 0))
	id := e.schedule(t, KindLowStock, "0 7 * * *", true)
	if err := e.s.insertRun(context.Background(), &Run{ID: store.NewID(), ScheduleID: id, ScheduledFor: at(2, 5, 0),
		StartedAt: at(2, 5, 0), Status: StatusRunning}); err != nil {
		t.Fatal(err)
	}
	e.start(t)
	runs := e.runs(t, id)
	if len(runs) != 1 || runs[0].Status != StatusFailed || runs[0].Error != "The app closed during the run." {
		t.Fatalf("runs = %+v", runs[0])
	}
}

func TestScheduleService_RunsNewestFirstPaged(t *testing.T) {
	e := newEnv(t, at(2, 6, 0))
	id := e.schedule(t, KindLowStock, "0 7 * * *", true)
	other := e.schedule(t, KindDraftExpiry, "0 3 * * *", true)
	for i := 1; i <= 5; i++ {
		if err := e.s.insertRun(context.Background(), &Run{ID: store.NewID(), ScheduleID: id, ScheduledFor: at(i, 7, 0),
			StartedAt: at(i, 7, 0), FinishedAt: at(i, 7, 1), Status: StatusOK}); err != nil {
			t.Fatal(err)
		}
	}
	if err := e.s.insertRun(context.Background(), &Run{ID: store.NewID(), ScheduleID: other, ScheduledFor: at(9, 3, 0),
		StartedAt: at(9, 3, 0), Status: StatusOK}); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name      string
		f         RunFilter
		wantDays  []int
		wantTotal int
	}{
		{"FirstPage", RunFilter{ScheduleID: id, Limit: 2}, []int{5, 4}, 5},
		{"SecondPage", RunFilter{ScheduleID: id, Limit: 2, Offset: 2}, []int{3, 2}, 5},
		{"LastPage", RunFilter{ScheduleID: id, Limit: 2, Offset: 4}, []int{1}, 5},
		{"AllSchedules", RunFilter{Limit: 3}, []int{9, 5, 4}, 6},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			runs, total, err := e.s.FindRuns(context.Background(), tt.f)
			if err != nil || total != tt.wantTotal || len(runs) != len(tt.wantDays) {
				t.Fatalf("runs = %d, total %d, %v", len(runs), total, err)
			}
			for i, d := range tt.wantDays {
				if runs[i].StartedAt.Day() != d {
					t.Errorf("run %d day %d, want %d", i, runs[i].StartedAt.Day(), d)
				}
			}
		})
	}
}

// TestScheduler_LocalTime reads specs in the clock's time zone: 07:00 on a
// workstation an hour ahead of UTC is 06:00 UTC, also after a restart.
func TestScheduler_LocalTime(t *testing.T) {
	cet := time.FixedZone("CET", 3600)
	e := newEnv(t, time.Date(2026, time.March, 2, 5, 0, 0, 0, cet))
	id := e.schedule(t, KindLowStock, "0 7 * * *", true)
	e.start(t)
	e.clock.Set(time.Date(2026, time.March, 2, 7, 0, 0, 0, cet))
	if r := e.next(t); r.ScheduleID != id || !r.ScheduledFor.Equal(at(2, 6, 0)) {
		t.Fatalf("run = %+v", r)
	}
	e.s.Stop()
	again := NewService(e.db, e.clock, nil)
	again.Register(KindLowStock, okJob)
	e.clock.Set(time.Date(2026, time.March, 3, 8, 0, 0, 0, cet))
	if err := again.Start(context.Background()); err != nil {
		t.Fatal(err)
	}
	defer again.Stop()
	runs := e.runs(t, id)
	if len(runs) != 2 || !runs[0].Missed || !runs[0].ScheduledFor.Equal(at(3, 6, 0)) {
		t.Fatalf("catch-up = %+v", runs[0])
	}
}
