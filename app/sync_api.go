package app

import (
	"context"
	"errors"
	"strings"
	"time"

	"oms/internal/auth"
	"oms/internal/errs"
	omsync "oms/internal/sync"
)

func init() {
	addRules(map[string]rule{
		"SyncAPI.State":            signedIn,
		"SyncAPI.Enrol":            need(auth.PermSettingsCompany),
		"SyncAPI.JoinServer":       public,
		"SyncAPI.Reenrol":          need(auth.PermSettingsCompany),
		"SyncAPI.SyncNow":          signedIn,
		"SyncAPI.Inbox":            need(auth.PermSettingsCompany),
		"SyncAPI.Exceptions":       need(auth.PermOrdersManage),
		"SyncAPI.SettleException":  need(auth.PermOrdersManage),
		"SyncAPI.OpenExceptions":   signedIn,
		"SyncAPI.ExceptionDetails": need(auth.PermOrdersManage),
	})
}

// EventSyncChanged tells the frontend the sync state changed. Data: SyncState.
const EventSyncChanged = "sync:changed"

// Sync timing of the desktop app: a round every SyncInterval, and one
// SyncSettle after a local write.
const (
	SyncInterval = 30 * time.Second
	SyncSettle   = 2 * time.Second
)

// SyncAPI is this workstation's link to the sync server: enrolment, state,
// the inbox of refused changes, and the exceptions managers settle.
type SyncAPI struct{ a *App }

// SyncState is the admin's Sync page and the status bar's detail.
type SyncState struct {
	Enrolled       bool   `json:"enrolled"`
	ServerURL      string `json:"serverUrl"`
	StationCode    string `json:"stationCode"`
	DeviceID       string `json:"deviceId"`
	DeviceName     string `json:"deviceName"`
	EnrolledAt     string `json:"enrolledAt"`
	Online         bool   `json:"online"`
	Running        bool   `json:"running"`
	Upgrade        bool   `json:"upgrade"`
	Pending        int    `json:"pending"`
	LastSync       string `json:"lastSync"`
	LastAttempt    string `json:"lastAttempt"`
	LastError      string `json:"lastError"`
	ClockWarning   string `json:"clockWarning"`
	NextTry        string `json:"nextTry"`
	LastRound      string `json:"lastRound"`
	Inbox          int    `json:"inbox"`
	OpenExceptions int    `json:"openExceptions"`
}

func (a *App) syncState(ctx context.Context) (SyncState, error) {
	st, err := a.svc.DB.SyncState(ctx)
	if err != nil {
		return SyncState{}, err
	}
	pending, err := a.svc.DB.PendingChanges(ctx)
	if err != nil {
		return SyncState{}, err
	}
	_, inbox, err := omsync.Inbox(ctx, a.svc.DB, 1)
	if err != nil {
		return SyncState{}, err
	}
	open, err := omsync.CountOpenExceptions(ctx, a.svc.DB)
	if err != nil {
		return SyncState{}, err
	}
	out := SyncState{Enrolled: st.Credential != "", ServerURL: st.ServerURL, StationCode: st.StationCode, DeviceID: st.DeviceID,
		DeviceName: st.DeviceName, EnrolledAt: st.EnrolledAt, Pending: pending, LastSync: st.LastSyncAt, LastAttempt: st.LastAttemptAt,
		LastError: st.LastError, ClockWarning: st.ClockWarning, Inbox: inbox, OpenExceptions: open}
	if l := a.loop(); l != nil {
		ls := l.State()
		out.Running, out.Upgrade = ls.Running, ls.Upgrade
		out.Online = ls.Online
		if !ls.NextTry.IsZero() {
			out.NextTry = ls.NextTry.UTC().Format(time.RFC3339)
		}
		if ls.LastStats != (omsync.Stats{}) {
			out.LastRound = ls.LastStats.String()
		}
	} else {
		out.Online = out.Enrolled && st.LastError == "" && st.LastSyncAt != ""
	}
	return out, nil
}

// State returns the sync state.
func (x *SyncAPI) State() (SyncState, error) {
	if _, err := x.a.guard(); err != nil {
		return SyncState{}, err
	}
	return x.a.syncState(x.a.context())
}

// Enrol enrols this workstation with a sync server using a one-time token
// from the server's admin (oms token). The first sync starts at once.
func (x *SyncAPI) Enrol(serverURL, token string) (SyncState, error) {
	if _, err := x.a.guard(); err != nil {
		return SyncState{}, err
	}
	ctx := x.a.context()
	st, err := x.enrol(ctx, serverURL, token)
	if err != nil {
		return st, err
	}
	if l := x.a.loop(); l != nil {
		l.Kick()
	}
	x.a.emitStatus()
	return x.a.syncState(ctx)
}

func (x *SyncAPI) enrol(ctx context.Context, serverURL, token string) (SyncState, error) {
	if strings.TrimSpace(serverURL) == "" {
		return SyncState{}, errs.Invalid("serverUrl", "Enter the sync server's address, e.g. https://oms.example.com:8470.")
	}
	if strings.TrimSpace(token) == "" {
		return SyncState{}, errs.Invalid("token", "Enter the enrolment token the server's admin gave you (oms token).")
	}
	cl, err := x.a.syncClient()
	if err != nil {
		return SyncState{}, err
	}
	if _, err := cl.Enrol(ctx, serverURL, token); err != nil {
		var re *omsync.RemoteError
		switch {
		case errors.As(err, &re) && re.Code == omsync.CodeToken:
			return SyncState{}, errs.Invalid("token", "%s", re.Error())
		case errors.As(err, &re):
			return SyncState{}, errs.Invalid("serverUrl", "%s", re.Error())
		default:
			return SyncState{}, errs.Invalid("serverUrl", "%s", err.Error())
		}
	}
	return x.a.syncState(ctx)
}

// JoinServer enrols a workstation that has not been set up yet with the
// sync server of an existing business, and runs its first sync at once, so
// that the company and its users are here to sign in with. Refused once
// the workstation is set up (an admin enrols it in Admin → Sync then).
func (x *SyncAPI) JoinServer(serverURL, token string) (SyncState, error) {
	if _, err := x.a.guard(); err != nil {
		return SyncState{}, err
	}
	ctx := x.a.context()
	need, err := x.a.svc.Company.NeedsSetup(ctx)
	if err != nil {
		return SyncState{}, err
	}
	if !need {
		return SyncState{}, errs.Errorf(errs.ECONFLICT, "This workstation is already set up: an admin enrols it in Admin → Sync.")
	}
	if _, err := x.enrol(ctx, serverURL, token); err != nil {
		return SyncState{}, err
	}
	cl, err := x.a.syncClient()
	if err != nil {
		return SyncState{}, err
	}
	if _, err := cl.Round(ctx, func(phase string, done, total int64) {
		x.a.emit(EventSyncProgress, SyncProgress{Phase: phase, Done: done, Total: total})
	}); err != nil {
		return SyncState{}, errs.Invalid("serverUrl", "Enrolled, but the first sync failed: %s. It is tried again on its own.", err.Error())
	}
	x.a.emitStatus()
	return x.a.syncState(ctx)
}

// EventSyncProgress reports a long sync's progress (the first one of a
// joining workstation). Data: SyncProgress.
const EventSyncProgress = "sync:progress"

// SyncProgress is how far a sync round got: phase push or pull.
type SyncProgress struct {
	Phase string `json:"phase"`
	Done  int64  `json:"done"`
	Total int64  `json:"total"`
}

// Reenrol enrols this database again as a new station, when the server
// refused it as a copy of an enrolled workstation (restored from a backup
// or copied to another machine); its waiting changes are kept.
func (x *SyncAPI) Reenrol(serverURL, token string) (SyncState, error) {
	if _, err := x.a.guard(); err != nil {
		return SyncState{}, err
	}
	ctx := x.a.context()
	if strings.TrimSpace(token) == "" {
		return SyncState{}, errs.Invalid("token", "Enter a new enrolment token from the server's admin (oms token).")
	}
	cl, err := x.a.syncClient()
	if err != nil {
		return SyncState{}, err
	}
	if _, err := cl.Reenrol(ctx, serverURL, token); err != nil {
		var re *omsync.RemoteError
		if errors.As(err, &re) && re.Code == omsync.CodeToken {
			return SyncState{}, errs.Invalid("token", "%s", re.Error())
		}
		return SyncState{}, errs.Invalid("serverUrl", "%s", err.Error())
	}
	if l := x.a.loop(); l != nil {
		l.Kick()
	}
	x.a.emitStatus()
	return x.a.syncState(ctx)
}

// SyncNow asks for a round at once (in the background: the state events
// tell how it went).
func (x *SyncAPI) SyncNow() (SyncState, error) {
	if _, err := x.a.guard(); err != nil {
		return SyncState{}, err
	}
	st, err := x.a.syncState(x.a.context())
	if err != nil {
		return st, err
	}
	if !st.Enrolled {
		return st, errs.Invalid("serverUrl", "This workstation is not enrolled with a sync server: an admin enrols it in Admin → Sync.")
	}
	if l := x.a.loop(); l != nil {
		l.Kick()
	}
	return st, nil
}

// InboxPage is the newest inbox entries and how many there are.
type InboxPage struct {
	Entries []*omsync.InboxEntry `json:"entries"`
	Total   int                  `json:"total"`
}

// Inbox lists the changes the server refused and the pulled changes this
// workstation could not apply, newest first.
func (x *SyncAPI) Inbox(limit int) (InboxPage, error) {
	if _, err := x.a.guard(); err != nil {
		return InboxPage{}, err
	}
	list, total, err := omsync.Inbox(x.a.context(), x.a.svc.DB, limit)
	if err != nil {
		return InboxPage{}, err
	}
	if list == nil {
		list = []*omsync.InboxEntry{}
	}
	return InboxPage{Entries: list, Total: total}, nil
}

// ExceptionOrder is an order involved in an exception.
type ExceptionOrder struct {
	ID     string `json:"id"`
	Number string `json:"number"`
	Status string `json:"status"`
	// Reserved is how many of the exception's product the order holds.
	Reserved int64 `json:"reserved"`
	Found    bool  `json:"found"` // false until the order has synced here
}

// ExceptionView is an exception with the names a manager reads.
type ExceptionView struct {
	*omsync.Exception
	SKU           string           `json:"sku"`
	ProductName   string           `json:"productName"`
	WarehouseCode string           `json:"warehouseCode"`
	OrderList     []ExceptionOrder `json:"orderList"`
}

// Exceptions lists the exceptions: status "open", "settled" or "" for all.
func (x *SyncAPI) Exceptions(status string) ([]ExceptionView, error) {
	if _, err := x.a.guard(); err != nil {
		return nil, err
	}
	ctx := x.a.context()
	list, err := omsync.FindExceptions(ctx, x.a.svc.DB, status, 500)
	if err != nil {
		return nil, err
	}
	out := make([]ExceptionView, 0, len(list))
	for _, e := range list {
		out = append(out, x.a.exceptionView(ctx, e))
	}
	return out, nil
}

// ExceptionDetails returns one exception with its orders.
func (x *SyncAPI) ExceptionDetails(id string) (ExceptionView, error) {
	if _, err := x.a.guard(); err != nil {
		return ExceptionView{}, err
	}
	ctx := x.a.context()
	list, err := omsync.FindExceptions(ctx, x.a.svc.DB, "", 500)
	if err != nil {
		return ExceptionView{}, err
	}
	for _, e := range list {
		if e.ID == id {
			return x.a.exceptionView(ctx, e), nil
		}
	}
	return ExceptionView{}, errs.Errorf(errs.ENOTFOUND, "This exception does not exist (any more).")
}

func (a *App) exceptionView(ctx context.Context, e *omsync.Exception) ExceptionView {
	v := ExceptionView{Exception: e, OrderList: []ExceptionOrder{}}
	if e.ProductID != "" {
		if p, err := a.svc.Catalog.FindProductByID(ctx, e.ProductID); err == nil {
			v.SKU, v.ProductName = p.SKU, p.Name
		}
	}
	if e.WarehouseID != "" {
		if w, err := a.svc.Stock.FindWarehouseByID(ctx, e.WarehouseID); err == nil {
			v.WarehouseCode = w.Code
		}
	}
	for _, id := range e.Orders {
		eo := ExceptionOrder{ID: id}
		if o, err := a.svc.Orders.FindOrderByID(ctx, id); err == nil {
			eo.Number, eo.Status, eo.Found = o.Number, string(o.Status), true
			for _, l := range o.Lines {
				if l.ProductID == e.ProductID {
					eo.Reserved += l.Reserved
				}
			}
		}
		v.OrderList = append(v.OrderList, eo)
	}
	return v
}

// SettleException settles an exception (see omsync.SettleException).
func (x *SyncAPI) SettleException(id string, in omsync.Settlement) (ExceptionView, error) {
	u, err := x.a.guard()
	if err != nil {
		return ExceptionView{}, err
	}
	ctx := x.a.context()
	e, err := omsync.SettleException(ctx, x.a.svc.DB, actorOf(u), id, in)
	if err != nil {
		return ExceptionView{}, err
	}
	return x.a.exceptionView(ctx, e), nil
}

// OpenExceptions counts the exceptions waiting for a manager (the badge).
func (x *SyncAPI) OpenExceptions() (int, error) {
	if _, err := x.a.guard(); err != nil {
		return 0, err
	}
	return omsync.CountOpenExceptions(x.a.context(), x.a.svc.DB)
}

// syncClient returns the workstation's sync client, made on first use.
func (a *App) syncClient() (*omsync.Client, error) {
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.client != nil {
		return a.client, nil
	}
	cl, err := omsync.NewClient(context.Background(), a.svc.DB, nil)
	if err != nil {
		return nil, err
	}
	a.client = cl
	return cl, nil
}

func (a *App) loop() *omsync.Loop {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.syncLoop
}

// startSync runs the background sync loop until the app stops: a round
// every SyncInterval and soon after every local write.
func (a *App) startSync() {
	cl, err := a.syncClient()
	if err != nil {
		a.log.Error("start sync", "err", err)
		return
	}
	l := omsync.NewLoop(cl, SyncInterval, SyncSettle, func(omsync.LoopState) {
		ctx := a.context()
		if st, err := a.syncState(ctx); err == nil {
			a.emit(EventSyncChanged, st)
		}
		a.emitStatus()
	})
	ctx, cancel := context.WithCancel(a.context())
	a.mu.Lock()
	a.syncLoop = l
	a.stopSync = cancel
	a.mu.Unlock()
	a.svc.DB.OnCommit(func(remote bool) {
		if !remote {
			l.Kick()
		}
	})
	go l.Run(ctx)
}
