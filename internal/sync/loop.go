package sync

import (
	"context"
	"errors"
	"net"
	gosync "sync"
	"time"
)

// Loop syncs in the background: on a tick, soon after local writes, and
// when asked; after a failure it waits longer each time (up to MaxBackoff)
// before trying again. It never blocks its callers.
type Loop struct {
	cl       *Client
	interval time.Duration
	settle   time.Duration
	onChange func(LoopState)

	kick chan struct{}

	mu    gosync.Mutex
	state LoopState
	fails int
}

// LoopState is what the status bar shows.
type LoopState struct {
	Running   bool   // a round is under way
	Online    bool   // the last round reached the server
	Upgrade   bool   // the server asked for an upgrade: changes wait, kept
	LastError string // of the last round, "" after a success
	LastStats Stats
	NextTry   time.Time // when the loop tries again after a failure
}

// Backoff bounds.
const (
	MinBackoff = 5 * time.Second
	MaxBackoff = 5 * time.Minute
)

// NewLoop returns a loop for cl: a round every interval, and one settle
// after a local write (writes in a burst share the round). onChange, if not
// nil, is called after each change of state.
func NewLoop(cl *Client, interval, settle time.Duration, onChange func(LoopState)) *Loop {
	return &Loop{cl: cl, interval: interval, settle: settle, onChange: onChange, kick: make(chan struct{}, 1)}
}

// Kick asks for a round soon; it never blocks.
func (l *Loop) Kick() {
	select {
	case l.kick <- struct{}{}:
	default:
	}
}

// State returns the current state.
func (l *Loop) State() LoopState {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.state
}

func (l *Loop) set(fn func(*LoopState)) {
	l.mu.Lock()
	fn(&l.state)
	st := l.state
	l.mu.Unlock()
	if l.onChange != nil {
		l.onChange(st)
	}
}

// Run syncs until ctx ends.
func (l *Loop) Run(ctx context.Context) {
	timer := time.NewTimer(0) // a first round at start
	defer timer.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-l.kick:
			// Let a burst of writes finish, unless backing off.
			if l.backingOff() {
				continue
			}
			select {
			case <-ctx.Done():
				return
			case <-time.After(l.settle):
			}
		case <-timer.C:
		}
		wait := l.round(ctx)
		if !timer.Stop() {
			select {
			case <-timer.C:
			default:
			}
		}
		timer.Reset(wait)
	}
}

func (l *Loop) backingOff() bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.fails > 0 && time.Now().Before(l.state.NextTry)
}

// round runs one round and returns how long to wait before the next.
func (l *Loop) round(ctx context.Context) time.Duration {
	st, err := l.cl.db.SyncState(ctx)
	if err != nil || st.Credential == "" {
		return l.interval // not enrolled (yet): look again later
	}
	l.set(func(s *LoopState) { s.Running = true })
	stats, err := l.cl.Round(ctx, nil)
	if ctx.Err() != nil {
		l.set(func(s *LoopState) { s.Running = false })
		return l.interval
	}
	l.mu.Lock()
	if err != nil {
		l.fails++
	} else {
		l.fails = 0
	}
	fails := l.fails
	l.mu.Unlock()
	wait := l.interval
	if err != nil {
		wait = MinBackoff << min(fails-1, 10)
		if wait > MaxBackoff {
			wait = MaxBackoff
		}
	}
	l.set(func(s *LoopState) {
		s.Running = false
		s.LastStats = stats
		s.Upgrade = UpgradeRequired(err)
		s.Online = err == nil || reached(err)
		s.LastError = ""
		s.NextTry = time.Time{}
		if err != nil {
			s.LastError = err.Error()
			s.NextTry = time.Now().Add(wait)
		}
	})
	return wait
}

// reached reports whether err came from the server (it was reachable).
func reached(err error) bool {
	var re *RemoteError
	if errors.As(err, &re) {
		return true
	}
	var ne net.Error
	return !errors.As(err, &ne)
}
