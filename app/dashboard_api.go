package app

import (
	"oms/internal/auth"
)

// The dashboard is for managers and admins: it shows the business's sales
// and money owed back, which counter and warehouse staff do not see. It
// needs reports.view, the permission for figures about the business as a
// whole (managers and admins have it; counter and warehouse staff do not).
func init() {
	addRules(map[string]rule{
		"DashboardAPI.Summary": need(auth.PermReportsView),
	})
}

// DashboardAPI is the managers' dashboard.
type DashboardAPI struct{ a *App }

// Summary returns the dashboard now, days and months counted in the
// workstation's local time zone, for one warehouse's orders and stock, or
// for all when warehouseID is "". EUNAUTHORIZED, EFORBIDDEN.
func (x *DashboardAPI) Summary(warehouseID string) (DashboardView, error) {
	if _, err := x.a.guard(); err != nil {
		return DashboardView{}, err
	}
	now := x.a.svc.DB.Now().Local()
	s, err := x.a.svc.Dashboard.Summary(x.a.context(), now, warehouseID)
	if err != nil {
		return DashboardView{}, err
	}
	return dashboardView(s, now), nil
}
