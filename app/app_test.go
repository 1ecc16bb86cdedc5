package app

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"path/filepath"
	"reflect"
	"sort"
	"sync"
	"testing"

	"oms/internal/auth"
	"oms/internal/errs"
	"oms/internal/store"
)

type recorder struct {
	mu     sync.Mutex
	events []string
}

func (r *recorder) Emit(name string, _ any) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.events = append(r.events, name)
}

func (r *recorder) count(name string) int {
	r.mu.Lock()
	defer r.mu.Unlock()
	n := 0
	for _, e := range r.events {
		if e == name {
			n++
		}
	}
	return n
}

func newTestApp(t *testing.T) (*App, *recorder) {
	t.Helper()
	db, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "oms.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	svc := NewServices(db)
	svc.Users.Params = auth.HashParams{Memory: 64, Time: 1, Threads: 1}
	a := New(svc, slog.New(slog.NewTextHandler(io.Discard, nil)), "test")
	rec := &recorder{}
	a.SetEmitter(rec)
	return a, rec
}

// newAdminApp is newTestApp after first-run setup, with the admin signed in.
func newAdminApp(t *testing.T) (*App, *recorder) {
	t.Helper()
	a, rec := newTestApp(t)
	if _, err := a.Auth.CompleteSetup(setupRequest()); err != nil {
		t.Fatal(err)
	}
	return a, rec
}

func setupRequest() SetupRequest {
	return SetupRequest{
		Company: CompanyInput{Name: "Acme Trading GmbH", Country: "DE", Currency: "EUR"},
		Admin:   AdminInput{Name: "admin", FullName: "Ada Admin", Password: "correct-horse-1"},
	}
}

// boundMethods lists "Struct.Method" for every method Wails binds.
func boundMethods(a *App) map[string]reflect.Value {
	out := map[string]reflect.Value{}
	for _, b := range a.Bindings() {
		v := reflect.ValueOf(b)
		typ := v.Type()
		for i := 0; i < typ.NumMethod(); i++ {
			out[typ.Elem().Name()+"."+typ.Method(i).Name] = v.Method(i)
		}
	}
	return out
}

// call invokes m with zero arguments and returns its error result.
func call(m reflect.Value) error {
	args := make([]reflect.Value, m.Type().NumIn())
	for i := range args {
		args[i] = reflect.Zero(m.Type().In(i))
	}
	res := m.Call(args)
	if err, _ := res[len(res)-1].Interface().(error); err != nil {
		return err
	}
	return nil
}

func TestPermissions_EveryBoundMethodHasARule(t *testing.T) {
	a, _ := newTestApp(t)
	methods := boundMethods(a)
	if len(methods) < 20 {
		t.Fatalf("only %d bound methods found", len(methods))
	}
	for name, m := range methods {
		if _, ok := rules[name]; !ok {
			t.Errorf("bound method %s has no permission rule", name)
		}
		if last := m.Type().Out(m.Type().NumOut() - 1); last != reflect.TypeOf((*error)(nil)).Elem() {
			t.Errorf("%s does not return an error last", name)
		}
	}
	for name := range rules {
		if _, ok := methods[name]; !ok {
			t.Errorf("rule for %s, which is not a bound method", name)
		}
	}
}

// TestPermissions_EnforcedOnEveryMethod calls every bound method as nobody,
// as a counter user and behind a locked screen, and checks each is refused
// exactly when its rule says so: a method that forgets to guard fails here.
func TestPermissions_EnforcedOnEveryMethod(t *testing.T) {
	a, _ := newTestApp(t)
	methods := boundMethods(a)
	names := make([]string, 0, len(methods))
	for n := range methods {
		names = append(names, n)
	}
	sort.Strings(names)

	t.Run("NoSession", func(t *testing.T) {
		for _, n := range names {
			err := call(methods[n])
			if rules[n].public {
				if errs.Message(err) == "Please sign in." || errs.Code(err) == errs.EFORBIDDEN {
					t.Errorf("%s is public but refused: %v", n, err)
				}
			} else if errs.Code(err) != errs.EUNAUTHORIZED {
				t.Errorf("%s without a session: err = %v, want EUNAUTHORIZED", n, err)
			}
		}
	})

	if _, err := a.Auth.CompleteSetup(setupRequest()); err != nil {
		t.Fatal(err)
	}
	if _, err := a.Users.CreateUser(UserInput{Name: "cara", FullName: "Cara Counter", Role: "counter", Pin: "4321"}); err != nil {
		t.Fatal(err)
	}
	users, _ := a.Auth.LoginUsers()
	var caraID string
	for _, u := range users {
		if u.Name == "cara" {
			caraID = u.ID
		}
	}
	if _, err := a.Auth.LoginPIN(caraID, "4321"); err != nil {
		t.Fatal(err)
	}
	t.Run("CounterRole", func(t *testing.T) {
		for _, n := range names {
			if n == "AuthAPI.Logout" || n == "AuthAPI.Lock" || n == "AuthAPI.CompleteSetup" {
				continue // would end the session under test / setup is done
			}
			r := rules[n]
			err := call(methods[n])
			if r.perm != "" && !auth.RoleCounter.Can(r.perm) {
				if errs.Code(err) != errs.EFORBIDDEN {
					t.Errorf("%s as counter: err = %v, want EFORBIDDEN", n, err)
				}
			} else if errs.Code(err) == errs.EFORBIDDEN {
				t.Errorf("%s as counter refused: %v", n, err)
			}
		}
	})
	if err := a.Auth.Lock(); err != nil {
		t.Fatal(err)
	}
	t.Run("Locked", func(t *testing.T) {
		for _, n := range names {
			r := rules[n]
			if r.public || r.allowLocked {
				continue
			}
			if err := call(methods[n]); errs.Code(err) != errs.EUNAUTHORIZED {
				t.Errorf("%s while locked: err = %v, want EUNAUTHORIZED", n, err)
			}
		}
	})
}

func TestApp_SetupLoginLockSwitch(t *testing.T) {
	a, rec := newTestApp(t)
	st, err := a.Auth.SetupStatus()
	if err != nil || !st.NeedsSetup || st.DeviceName == "" {
		t.Fatalf("SetupStatus = %+v, %v", st, err)
	}
	bad := setupRequest()
	bad.Admin.Pin = "12"
	if _, err := a.Auth.CompleteSetup(bad); errs.Field(err) != "admin.pin" {
		t.Fatalf("bad admin PIN: %v", err)
	}
	s, err := a.Auth.CompleteSetup(setupRequest())
	if err != nil || !s.LoggedIn || s.User.Role != "admin" || s.User.FullName != "Ada Admin" {
		t.Fatalf("setup session = %+v, %v", s, err)
	}
	if _, err := a.Auth.CompleteSetup(setupRequest()); errs.Code(err) != errs.ECONFLICT {
		t.Fatalf("second setup: %v", err)
	}
	cara, err := a.Users.CreateUser(UserInput{Name: "cara", FullName: "Cara Counter", Role: "counter", Pin: "4321"})
	if err != nil || !cara.HasPin || cara.Role != "counter" {
		t.Fatalf("create counter: %+v %v", cara, err)
	}
	if err := a.Auth.Logout(); err != nil {
		t.Fatal(err)
	}
	if s, _ := a.Auth.Session(); s.LoggedIn {
		t.Fatal("still signed in after Logout")
	}
	if _, err := a.Auth.LoginPIN(cara.ID, "0000"); errs.Code(err) != errs.EUNAUTHORIZED || errs.Field(err) != "pin" {
		t.Fatalf("wrong PIN: %v", err)
	}
	s, err = a.Auth.LoginPIN(cara.ID, "4321")
	if err != nil || s.User.Name != "cara" {
		t.Fatalf("PIN login: %+v %v", s, err)
	}
	perms := map[string]bool{}
	for _, p := range s.Permissions {
		perms[p] = true
	}
	if !perms["counter.use"] || perms["users.manage"] {
		t.Fatalf("counter permissions = %v", s.Permissions)
	}
	if err := a.Auth.Lock(); err != nil {
		t.Fatal(err)
	}
	if s, _ := a.Auth.Session(); !s.Locked || !s.LoggedIn {
		t.Fatalf("after Lock: %+v", s)
	}
	if _, err := a.Auth.Unlock("9999"); errs.Code(err) != errs.EUNAUTHORIZED {
		t.Fatalf("unlock with a wrong PIN: %v", err)
	}
	if s, err := a.Auth.Unlock("4321"); err != nil || s.Locked {
		t.Fatalf("unlock: %+v %v", s, err)
	}
	if rec.count(EventSessionChanged) < 5 {
		t.Fatalf("session events = %v", rec.events)
	}
	st2, err := a.Status.Status()
	if err != nil || st2.Sync.Mode != "standalone" || st2.Sync.Pending < 3 || st2.Device.ID == "" {
		t.Fatalf("status = %+v, %v", st2, err)
	}
}

func TestApp_DeactivatedUserLosesSession(t *testing.T) {
	a, _ := newTestApp(t)
	if _, err := a.Auth.CompleteSetup(setupRequest()); err != nil {
		t.Fatal(err)
	}
	m, err := a.Users.CreateUser(UserInput{Name: "mia", Role: "manager", Password: "manager-pass"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := a.Auth.LoginPassword("mia", "manager-pass"); err != nil {
		t.Fatal(err)
	}
	// Deactivated behind the session's back (another admin, a sync).
	if _, err := a.svc.Users.SetActive(context.Background(), store.Actor{UserName: "other"}, m.ID, false); err != nil {
		t.Fatal(err)
	}
	if _, err := a.Status.AuditLog(AuditFilter{}); errs.Code(err) != errs.EUNAUTHORIZED {
		t.Fatalf("deactivated user's call: %v", err)
	}
	if s, _ := a.Auth.Session(); s.LoggedIn {
		t.Fatal("deactivated user still signed in")
	}
}

func TestFormatError(t *testing.T) {
	a, _ := newTestApp(t)
	for _, tc := range []struct {
		err  error
		want ErrorDTO
	}{
		{errs.Invalid("name", "Enter a name."), ErrorDTO{Code: "EINVALID", Message: "Enter a name.", Field: "name"}},
		{errs.Errorf(errs.ECONFLICT, "Taken."), ErrorDTO{Code: "ECONFLICT", Message: "Taken."}},
		{errors.New("disk I/O error at /secret/path"), ErrorDTO{Code: "EINTERNAL", Message: "Internal error."}},
	} {
		text, ok := a.FormatError(tc.err).(string)
		var got ErrorDTO
		if !ok || json.Unmarshal([]byte(text), &got) != nil || got != tc.want {
			t.Errorf("FormatError(%v) = %q, want JSON of %+v", tc.err, text, tc.want)
		}
	}
}
