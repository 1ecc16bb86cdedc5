package auth

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"oms/internal/errs"
	"oms/internal/store"
)

// fastParams keep tests quick; real hashes use DefaultHashParams.
var fastParams = HashParams{Memory: 64, Time: 1, Threads: 1}

func newTestService(t *testing.T) (*Service, *store.DB) {
	t.Helper()
	db, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "oms.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	s := NewService(db)
	s.Params = fastParams
	return s, db
}

var admin = store.Actor{UserName: "test"}

func mustCreate(t *testing.T, s *Service, in UserInput) *User {
	t.Helper()
	u, err := s.CreateUser(context.Background(), admin, in)
	if err != nil {
		t.Fatalf("CreateUser(%+v): %v", in, err)
	}
	return u
}

func TestHash_VerifyRoundTripAndRejectsTampering(t *testing.T) {
	h, err := Hash("correct-horse", fastParams)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(h, "correct-horse") || !strings.HasPrefix(h, "$argon2id$") {
		t.Fatalf("hash looks wrong: %s", h)
	}
	for _, tc := range []struct {
		secret, hash string
		ok           bool
		wantErr      bool
	}{
		{"correct-horse", h, true, false},
		{"correct-horsf", h, false, false},
		{"", h, false, false},
		{"correct-horse", "plain", false, true},
		{"correct-horse", "$argon2id$v=19$m=x$a$b", false, true},
		{"correct-horse", strings.Replace(h, "argon2id", "argon2i", 1), false, true},
	} {
		ok, err := Verify(tc.secret, tc.hash)
		if ok != tc.ok || (err != nil) != tc.wantErr {
			t.Errorf("Verify(%q, %q) = %v, %v", tc.secret, tc.hash, ok, err)
		}
	}
	h2, _ := Hash("correct-horse", fastParams)
	if h2 == h {
		t.Error("two hashes of one secret are equal: salt not random")
	}
}

func TestService_CreateUser(t *testing.T) {
	s, _ := newTestService(t)
	mustCreate(t, s, UserInput{Name: "boss", Role: "admin", Password: "long-enough"})
	for _, tc := range []struct {
		name  string
		in    UserInput
		code  string
		field string
	}{
		{"Valid counter", UserInput{Name: "cara", FullName: "Cara Counter", Role: "counter", PIN: "4321"}, "", ""},
		{"Valid manager with PIN", UserInput{Name: "max", Role: "manager", Password: "long-enough", PIN: "1234"}, "", ""},
		{"EmptyName", UserInput{Name: "", Role: "admin", Password: "long-enough"}, errs.EINVALID, "name"},
		{"HostileName", UserInput{Name: "<script>", Role: "admin", Password: "long-enough"}, errs.EINVALID, "name"},
		{"NameTakenOtherCase", UserInput{Name: "BOSS", Role: "admin", Password: "long-enough"}, errs.ECONFLICT, "name"},
		{"UnknownRole", UserInput{Name: "x1", Role: "root", Password: "long-enough"}, errs.EINVALID, "role"},
		{"ShortPassword", UserInput{Name: "x2", Role: "manager", Password: "short"}, errs.EINVALID, "password"},
		{"AdminWithoutPassword", UserInput{Name: "x3", Role: "admin", PIN: "1234"}, errs.EINVALID, "password"},
		{"CounterWithoutPIN", UserInput{Name: "x4", Role: "counter"}, errs.EINVALID, "pin"},
		{"PINWithLetters", UserInput{Name: "x5", Role: "counter", PIN: "12a4"}, errs.EINVALID, "pin"},
		{"PINTooShort", UserInput{Name: "x6", Role: "warehouse", PIN: "123"}, errs.EINVALID, "pin"},
		{"PINTooLong", UserInput{Name: "x7", Role: "warehouse", PIN: "123456789"}, errs.EINVALID, "pin"},
		{"ControlCharInFullName", UserInput{Name: "x8", FullName: "a\x00b", Role: "counter", PIN: "1234"}, errs.EINVALID, "fullName"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			u, err := s.CreateUser(context.Background(), admin, tc.in)
			if errs.Code(err) != tc.code && !(tc.code == "" && err == nil) {
				t.Fatalf("err = %v, want code %s", err, tc.code)
			}
			if tc.code == "" {
				if u.ID == "" || u.Name != tc.in.Name || string(u.Role) != tc.in.Role || !u.Active {
					t.Fatalf("user = %+v", u)
				}
				if u.HasPIN != (tc.in.PIN != "") || u.HasPassword != (tc.in.Password != "") {
					t.Fatalf("credentials flags wrong: %+v", u)
				}
				return
			}
			if errs.Field(err) != tc.field {
				t.Fatalf("field = %q, want %q (%v)", errs.Field(err), tc.field, err)
			}
		})
	}
}

func TestService_LoginPINLockout(t *testing.T) {
	s, db := newTestService(t)
	ctx := context.Background()
	now := time.Date(2026, 5, 1, 9, 0, 0, 0, time.UTC)
	db.Now = func() time.Time { return now }
	cara := mustCreate(t, s, UserInput{Name: "cara", Role: "counter", PIN: "4321"})

	if u, err := s.LoginPIN(ctx, cara.ID, "4321"); err != nil || u.ID != cara.ID {
		t.Fatalf("right PIN: %v", err)
	}
	for i := 1; i <= 4; i++ {
		_, err := s.LoginPIN(ctx, cara.ID, "0000")
		if errs.Code(err) != errs.EUNAUTHORIZED || errs.Field(err) != "pin" {
			t.Fatalf("wrong PIN %d: %v", i, err)
		}
	}
	if _, err := s.LoginPIN(ctx, cara.ID, "0000"); errs.Code(err) != errs.ELOCKED {
		t.Fatalf("fifth wrong PIN: %v, want ELOCKED", err)
	}
	if _, err := s.LoginPIN(ctx, cara.ID, "4321"); errs.Code(err) != errs.ELOCKED {
		t.Fatalf("right PIN while locked: %v, want ELOCKED", err)
	}
	u, _ := s.FindUserByID(ctx, cara.ID)
	if !u.LockedUntil.Equal(now.Add(5 * time.Minute)) {
		t.Fatalf("LockedUntil = %v", u.LockedUntil)
	}
	now = now.Add(5*time.Minute + time.Second)
	if _, err := s.LoginPIN(ctx, cara.ID, "4321"); err != nil {
		t.Fatalf("right PIN after the lock ran out: %v", err)
	}
	// Failures start afresh after a success.
	if _, err := s.LoginPIN(ctx, cara.ID, "0000"); errs.Code(err) != errs.EUNAUTHORIZED {
		t.Fatalf("wrong PIN after success: %v", err)
	}
	// An admin can lift a lock.
	for i := 0; i < 5; i++ {
		s.LoginPIN(ctx, cara.ID, "0000")
	}
	if _, err := s.ClearLock(ctx, admin, cara.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := s.LoginPIN(ctx, cara.ID, "4321"); err != nil {
		t.Fatalf("right PIN after unlock: %v", err)
	}
	audit, _ := db.FindAudit(ctx, store.AuditFilter{Entity: "users", EntityID: cara.ID, Limit: 100})
	var failed, ok int
	for _, a := range audit {
		switch a.Action {
		case "login_failed":
			failed++
		case "login":
			ok++
		}
	}
	if failed != 10 || ok != 3 {
		t.Fatalf("audit has %d failed and %d good sign-ins, want 10 and 3", failed, ok)
	}
}

func TestService_LoginPassword(t *testing.T) {
	s, _ := newTestService(t)
	ctx := context.Background()
	boss := mustCreate(t, s, UserInput{Name: "boss", Role: "admin", Password: "long-enough"})
	for _, tc := range []struct {
		name, login, pw, code string
	}{
		{"Right", "boss", "long-enough", ""},
		{"NameIgnoresCase", "BOSS", "long-enough", ""},
		{"WrongPassword", "boss", "long-enougH", errs.EUNAUTHORIZED},
		{"UnknownName", "nobody", "long-enough", errs.EUNAUTHORIZED},
		{"EmptyPassword", "boss", "", errs.EUNAUTHORIZED},
	} {
		t.Run(tc.name, func(t *testing.T) {
			u, err := s.LoginPassword(ctx, tc.login, tc.pw)
			if errs.Code(err) != tc.code && !(tc.code == "" && err == nil) {
				t.Fatalf("err = %v, want %s", err, tc.code)
			}
			if tc.code == "" && u.ID != boss.ID {
				t.Fatalf("signed in as %+v", u)
			}
		})
	}
	// A PIN is not a password.
	cara := mustCreate(t, s, UserInput{Name: "cara", Role: "counter", PIN: "4321"})
	if _, err := s.LoginPassword(ctx, "cara", "4321"); errs.Code(err) != errs.EUNAUTHORIZED {
		t.Fatalf("PIN accepted as password: %v", err)
	}
	if _, err := s.Reauthenticate(ctx, cara.ID, "4321"); err != nil {
		t.Fatalf("unlock with PIN: %v", err)
	}
	if _, err := s.Reauthenticate(ctx, boss.ID, "long-enough"); err != nil {
		t.Fatalf("unlock with password: %v", err)
	}
}

func TestService_LastAdminIsProtected(t *testing.T) {
	s, _ := newTestService(t)
	ctx := context.Background()
	boss := mustCreate(t, s, UserInput{Name: "boss", Role: "admin", Password: "long-enough"})
	self := store.Actor{UserID: boss.ID, UserName: "boss"}
	if _, err := s.ChangeRole(ctx, self, boss.ID, "manager"); errs.Code(err) != errs.ECONFLICT {
		t.Fatalf("demote last admin: %v", err)
	}
	if _, err := s.SetActive(ctx, self, boss.ID, false); errs.Code(err) != errs.ECONFLICT {
		t.Fatalf("deactivate yourself: %v", err)
	}
	other := mustCreate(t, s, UserInput{Name: "other", Role: "admin", Password: "long-enough"})
	if _, err := s.SetActive(ctx, self, other.ID, false); err != nil {
		t.Fatalf("deactivate a second admin: %v", err)
	}
	if _, err := s.LoginPassword(ctx, "other", "long-enough"); errs.Code(err) != errs.EUNAUTHORIZED {
		t.Fatalf("deactivated user signed in: %v", err)
	}
	if _, err := s.ChangeRole(ctx, self, other.ID, "counter"); errs.Code(err) != errs.ECONFLICT {
		t.Fatalf("counter role without a PIN: %v", err)
	}
	if err := s.SetPIN(ctx, self, other.ID, "9876"); err != nil {
		t.Fatal(err)
	}
	if u, err := s.ChangeRole(ctx, self, other.ID, "counter"); err != nil || u.Role != RoleCounter {
		t.Fatalf("change role: %v %+v", err, u)
	}
	if err := s.SetPIN(ctx, self, other.ID, ""); errs.Code(err) != errs.ECONFLICT {
		t.Fatalf("remove a counter's PIN: %v", err)
	}
}

func TestService_ChangeOwnCredentials(t *testing.T) {
	s, _ := newTestService(t)
	ctx := context.Background()
	boss := mustCreate(t, s, UserInput{Name: "boss", Role: "admin", Password: "long-enough"})
	if err := s.ChangeOwnPassword(ctx, boss.ID, "wrong-one", "new-password"); errs.Code(err) != errs.EUNAUTHORIZED || errs.Field(err) != "current" {
		t.Fatalf("wrong current: %v", err)
	}
	if err := s.ChangeOwnPassword(ctx, boss.ID, "long-enough", "short"); errs.Field(err) != "next" {
		t.Fatalf("weak next: %v", err)
	}
	if err := s.ChangeOwnPassword(ctx, boss.ID, "long-enough", "new-password"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.LoginPassword(ctx, "boss", "new-password"); err != nil {
		t.Fatalf("new password: %v", err)
	}
	if err := s.ChangeOwnPIN(ctx, boss.ID, "new-password", "2468"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.LoginPIN(ctx, boss.ID, "2468"); err != nil {
		t.Fatalf("new PIN: %v", err)
	}
}

func TestRole_Permissions(t *testing.T) {
	for _, tc := range []struct {
		role Role
		perm Permission
		want bool
	}{
		{RoleAdmin, PermUsersManage, true},
		{RoleManager, PermUsersManage, false},
		{RoleManager, PermAuditView, true},
		{RoleCounter, PermCounterUse, true},
		{RoleCounter, PermAuditView, false},
		{RoleWarehouse, PermWarehouseUse, true},
		{RoleWarehouse, PermCounterUse, false},
		{Role("root"), PermCounterUse, false},
	} {
		if got := tc.role.Can(tc.perm); got != tc.want {
			t.Errorf("%s.Can(%s) = %v, want %v", tc.role, tc.perm, got, tc.want)
		}
	}
	for _, p := range allPermissions {
		if !RoleAdmin.Can(p) {
			t.Errorf("admin lacks %s", p)
		}
	}
}
