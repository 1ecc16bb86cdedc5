package app

import (
	"runtime"
	"strings"

	"oms/internal/auth"
	"oms/internal/errs"
	"oms/internal/store"
)

// session is who is signed in at this workstation.
type session struct {
	user   *auth.User
	locked bool
}

// rule says who may call a bound method.
type rule struct {
	public      bool            // anyone, signed in or not
	allowLocked bool            // a signed-in user whose screen is locked
	perm        auth.Permission // required permission; "" = any signed-in user
}

var (
	public           = rule{public: true}
	signedIn         = rule{}
	signedInOrLocked = rule{allowLocked: true}
)

func need(p auth.Permission) rule { return rule{perm: p} }

// rules holds one entry for every bound method, as "Struct.Method". A test
// fails if a bound method has none. Each area's file adds its own with addRules.
var rules = map[string]rule{}

// addRules registers the rules of one area's bound methods; it panics on a
// duplicate, which the tests would hit at once.
func addRules(m map[string]rule) {
	for k, v := range m {
		if _, dup := rules[k]; dup {
			panic("duplicate permission rule for " + k)
		}
		rules[k] = v
	}
}

func init() { addRules(foundationRules) }

var foundationRules = map[string]rule{
	"AuthAPI.SetupStatus":       public,
	"AuthAPI.CompleteSetup":     public,
	"AuthAPI.LoginUsers":        public,
	"AuthAPI.LoginPassword":     public,
	"AuthAPI.LoginPIN":          public,
	"AuthAPI.Session":           public,
	"AuthAPI.Lock":              signedInOrLocked,
	"AuthAPI.Unlock":            signedInOrLocked,
	"AuthAPI.Logout":            signedInOrLocked,
	"AuthAPI.ChangeOwnPassword": signedIn,
	"AuthAPI.ChangeOwnPIN":      signedIn,

	"UsersAPI.ListUsers":     need(auth.PermUsersManage),
	"UsersAPI.CreateUser":    need(auth.PermUsersManage),
	"UsersAPI.ChangeRole":    need(auth.PermUsersManage),
	"UsersAPI.ResetPassword": need(auth.PermUsersManage),
	"UsersAPI.SetPIN":        need(auth.PermUsersManage),
	"UsersAPI.Deactivate":    need(auth.PermUsersManage),
	"UsersAPI.Reactivate":    need(auth.PermUsersManage),
	"UsersAPI.Unlock":        need(auth.PermUsersManage),

	"SettingsAPI.Company":       signedIn,
	"SettingsAPI.UpdateCompany": need(auth.PermSettingsCompany),
	"SettingsAPI.Currencies":    public,
	"SettingsAPI.Countries":     public,

	"StatusAPI.Status":   public,
	"StatusAPI.AuditLog": need(auth.PermAuditView),
}

// callerMethod returns "Struct.Method" of the bound method that called guard.
func callerMethod() string {
	pc, _, _, ok := runtime.Caller(2)
	if !ok {
		return ""
	}
	name := runtime.FuncForPC(pc).Name() // oms/app.(*UsersAPI).CreateUser
	name = name[strings.LastIndex(name, "/")+1:]
	name = strings.TrimPrefix(name, "app.")
	name = strings.NewReplacer("(*", "", ")", "").Replace(name)
	return name
}

// guard checks the rule of the calling bound method against the session and
// returns the signed-in user (nil for a public method without a session).
// The user is re-read, so a deactivation or role change elsewhere takes
// effect at once.
func (a *App) guard() (*auth.User, error) {
	method := callerMethod()
	r, ok := rules[method]
	if !ok {
		a.log.Error("bound method without a permission rule", "method", method)
		return nil, errs.Errorf(errs.EFORBIDDEN, "This action has no permission rule.")
	}
	a.mu.Lock()
	s := a.session
	a.mu.Unlock()
	if s.user == nil {
		if r.public {
			return nil, nil
		}
		return nil, errs.Errorf(errs.EUNAUTHORIZED, "Please sign in.")
	}
	u, err := a.svc.Users.FindUserByID(a.context(), s.user.ID)
	if err != nil || !u.Active {
		a.setSession(session{})
		if r.public {
			return nil, nil
		}
		return nil, errs.Errorf(errs.EUNAUTHORIZED, "Your user is no longer active; please sign in again.")
	}
	if r.public {
		return u, nil
	}
	if s.locked && !r.allowLocked {
		return nil, errs.Errorf(errs.EUNAUTHORIZED, "The screen is locked; unlock it first.")
	}
	if r.perm != "" && !u.Role.Can(r.perm) {
		return nil, errs.Errorf(errs.EFORBIDDEN, "Your role (%s) does not allow this.", u.Role)
	}
	return u, nil
}

func (a *App) setSession(s session) {
	a.mu.Lock()
	a.session = s
	a.mu.Unlock()
	a.emit(EventSessionChanged, sessionInfo(s))
}

func actorOf(u *auth.User) store.Actor {
	if u == nil {
		return store.Actor{}
	}
	return store.Actor{UserID: u.ID, UserName: u.Name}
}
