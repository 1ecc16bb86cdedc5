package auth

import (
	"context"
	"testing"

	"oms/internal/errs"
	"oms/internal/store"
)

func TestService_Approve(t *testing.T) {
	s, db := newTestService(t)
	ctx := context.Background()
	mgr := mustCreate(t, s, UserInput{Name: "bea", FullName: "Bea Boss", Role: "manager", Password: "correct-horse", PIN: "4321"})
	clerk := mustCreate(t, s, UserInput{Name: "carl", FullName: "Carl Clerk", Role: "counter", PIN: "1234"})
	gone := mustCreate(t, s, UserInput{Name: "gone", FullName: "Gone", Role: "manager", Password: "correct-horse"})
	if _, err := s.SetActive(ctx, admin, gone.ID, false); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name         string
		user, secret string
		code, field  string
	}{
		{"ManagerPIN", mgr.ID, "4321", "", ""},
		{"ManagerPassword", mgr.ID, "correct-horse", "", ""},
		{"WrongPIN", mgr.ID, "9999", errs.EUNAUTHORIZED, "secret"},
		{"EmptySecret", mgr.ID, "", errs.EUNAUTHORIZED, "secret"},
		{"ClerkCannotApprove", clerk.ID, "1234", errs.EUNAUTHORIZED, "userId"},
		{"ClerkWrongPIN", clerk.ID, "0000", errs.EUNAUTHORIZED, "secret"},
		{"Unknown", "nobody", "4321", errs.EUNAUTHORIZED, "secret"},
		{"Deactivated", gone.ID, "correct-horse", errs.EUNAUTHORIZED, "secret"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			u, err := s.Approve(ctx, tt.user, tt.secret, PermOrdersManage)
			if errs.Code(err) != tt.code || errs.Field(err) != tt.field || (err != nil && errs.Message(err) == "") {
				t.Fatalf("err = %v, want %s on %q", err, tt.code, tt.field)
			}
			if err == nil && u.ID != tt.user {
				t.Fatalf("approver = %+v", u)
			}
		})
	}
	count := func(action, id string) int {
		var n int
		if err := db.Reader().QueryRow(`SELECT count(*) FROM audit_log WHERE action = ? AND entity_id = ?`, action, id).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	if count("approve", mgr.ID) != 2 || count("approve_failed", mgr.ID) != 2 || count("approve_refused", clerk.ID) != 1 {
		t.Fatalf("audit: %d approved, %d failed, %d refused", count("approve", mgr.ID), count("approve_failed", mgr.ID),
			count("approve_refused", clerk.ID))
	}

	t.Run("LockShared", func(t *testing.T) {
		// A right secret clears earlier failures; then two wrong sign-ins
		// and three wrong approvals make five.
		if _, err := s.Approve(ctx, mgr.ID, "4321", PermOrdersManage); err != nil {
			t.Fatal(err)
		}
		for i := 0; i < 2; i++ {
			_, err := s.LoginPIN(ctx, mgr.ID, "0000")
			wantCode(t, err, errs.EUNAUTHORIZED)
		}
		for i := 0; i < 3; i++ {
			_, err := s.Approve(ctx, mgr.ID, "0000", PermOrdersManage)
			want := errs.EUNAUTHORIZED
			if i == 2 {
				want = errs.ELOCKED
			}
			wantCode(t, err, want)
		}
		_, err := s.Approve(ctx, mgr.ID, "4321", PermOrdersManage)
		wantCode(t, err, errs.ELOCKED)
		_, err = s.LoginPIN(ctx, mgr.ID, "4321")
		wantCode(t, err, errs.ELOCKED)
		if _, err := s.ClearLock(ctx, store.Actor{UserName: "admin"}, mgr.ID); err != nil {
			t.Fatal(err)
		}
		if _, err := s.Approve(ctx, mgr.ID, "4321", PermOrdersManage); err != nil {
			t.Fatal(err)
		}
	})
}

func wantCode(t *testing.T, err error, code string) {
	t.Helper()
	if errs.Code(err) != code {
		t.Fatalf("err = %v, want %s", err, code)
	}
}
