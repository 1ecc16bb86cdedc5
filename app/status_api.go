package app

import (
	"context"

	"oms/internal/store"
)

// StatusAPI feeds the status bar and the audit screen.
type StatusAPI struct{ a *App }

// Status returns the device, sync state and version.
func (x *StatusAPI) Status() (StatusInfo, error) {
	if _, err := x.a.guard(); err != nil {
		return StatusInfo{}, err
	}
	return x.a.status(x.a.context())
}

func (a *App) status(ctx context.Context) (StatusInfo, error) {
	d := a.svc.DB.Device()
	var sync SyncStatus
	if d.ServerURL == "" {
		pending, err := a.svc.DB.PendingChanges(ctx)
		if err != nil {
			return StatusInfo{}, err
		}
		sync = SyncStatus{Mode: "standalone", Pending: pending}
	} else {
		st, err := a.syncState(ctx) // counts the outbox too
		if err != nil {
			return StatusInfo{}, err
		}
		sync = SyncStatus{Mode: "enrolled", Online: st.Online, Pending: st.Pending, LastSync: st.LastSync, LastError: st.LastError,
			Running: st.Running, Upgrade: st.Upgrade, Inbox: st.Inbox, OpenExceptions: st.OpenExceptions}
	}
	return StatusInfo{
		Device:  DeviceInfo{ID: d.ID, Name: d.Name, StationCode: d.StationCode},
		Sync:    sync,
		Version: a.version,
	}, nil
}

// AuditLog returns the newest audit lines, optionally for one entity.
func (x *StatusAPI) AuditLog(f AuditFilter) ([]AuditEntry, error) {
	if _, err := x.a.guard(); err != nil {
		return nil, err
	}
	entries, err := x.a.svc.DB.FindAudit(x.a.context(), store.AuditFilter{Entity: f.Entity, Limit: f.Limit})
	if err != nil {
		return nil, err
	}
	out := make([]AuditEntry, 0, len(entries))
	for _, e := range entries {
		out = append(out, auditView(e))
	}
	return out, nil
}
