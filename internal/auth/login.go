package auth

import (
	"context"
	"fmt"
	"time"

	"oms/internal/errs"
	"oms/internal/store"
)

// dummyHash is verified against when a name is unknown, so a wrong name takes
// as long as a wrong password.
var dummyHash, _ = Hash("not a password", DefaultHashParams)

// LoginPassword signs a user in by name and password. EUNAUTHORIZED for a
// wrong name or password or a deactivated user, ELOCKED while locked out.
func (s *Service) LoginPassword(ctx context.Context, name, password string) (*User, error) {
	var id string
	_ = s.db.Reader().QueryRowContext(ctx, `SELECT id FROM users WHERE name = ?`, name).Scan(&id)
	if id == "" {
		_, _ = Verify(password, dummyHash)
		return nil, &errs.Error{Code: errs.EUNAUTHORIZED, Message: "Wrong user name or password.", Field: "password"}
	}
	return s.attempt(ctx, id, "password", password)
}

// LoginPIN signs a user in with their PIN. Same errors as LoginPassword.
func (s *Service) LoginPIN(ctx context.Context, userID, pin string) (*User, error) {
	return s.attempt(ctx, userID, "pin", pin)
}

// Reauthenticate checks the PIN or password of a signed-in user who unlocks
// the screen. Wrong attempts count toward the lockout.
func (s *Service) Reauthenticate(ctx context.Context, userID, secret string) (*User, error) {
	return s.attempt(ctx, userID, "unlock", secret)
}

func (s *Service) attempt(ctx context.Context, userID, method, secret string) (*User, error) {
	field := "password"
	if method == "pin" {
		field = "pin"
	} else if method == "unlock" {
		field = "secret"
	}
	u, err := s.FindUserByID(ctx, userID)
	if errs.Code(err) == errs.ENOTFOUND {
		return nil, &errs.Error{Code: errs.EUNAUTHORIZED, Message: "Unknown user.", Field: field}
	} else if err != nil {
		return nil, err
	}
	if !u.Active {
		return nil, &errs.Error{Code: errs.EUNAUTHORIZED, Message: "This user is deactivated; ask an admin.", Field: field}
	}
	now := s.db.Now()
	if u.LockedUntil.After(now) {
		return nil, lockedError(u.LockedUntil, field)
	}
	ok := false
	switch method {
	case "pin":
		ok = u.pinHash != "" && verifyOrFalse(secret, u.pinHash)
	case "password":
		ok = u.passwordHash != "" && verifyOrFalse(secret, u.passwordHash)
	default: // unlock: the PIN or the password
		ok = (u.pinHash != "" && verifyOrFalse(secret, u.pinHash)) || (u.passwordHash != "" && verifyOrFalse(secret, u.passwordHash))
	}
	actor := store.Actor{UserID: u.ID, UserName: u.Name}
	var lockedUntil time.Time
	var left int
	err = s.db.Update(ctx, actor, func(tx *store.Tx) error {
		if ok {
			if _, err := tx.Exec(`DELETE FROM login_failures WHERE id = ?`, u.ID); err != nil {
				return err
			}
			return tx.Audit("login", "users", u.ID, map[string]string{"method": method})
		}
		failures, until, err := s.recordFailure(tx, u.ID)
		if err != nil {
			return err
		}
		lockedUntil, left = until, s.LockAfter-failures
		return tx.Audit("login_failed", "users", u.ID, map[string]any{"method": method, "failures": failures})
	})
	if err != nil {
		return nil, fmt.Errorf("record sign-in: %w", err)
	}
	if ok {
		u.LockedUntil = time.Time{}
		return u, nil
	}
	if !lockedUntil.IsZero() {
		return nil, lockedError(lockedUntil, field)
	}
	what := "password"
	if method == "pin" {
		what = "PIN"
	} else if method == "unlock" {
		what = "PIN or password"
	}
	return nil, &errs.Error{Code: errs.EUNAUTHORIZED, Field: field,
		Message: fmt.Sprintf("Wrong %s. %d more wrong attempt(s) lock this user for %d minutes.", what, left, int(s.LockFor.Minutes()))}
}

func verifyOrFalse(secret, hash string) bool {
	ok, err := Verify(secret, hash)
	return err == nil && ok
}

func lockedError(until time.Time, field string) error {
	return &errs.Error{Code: errs.ELOCKED, Field: field,
		Message: fmt.Sprintf("Too many wrong attempts: this user is locked until %s. An admin can unlock it sooner.", until.Local().Format("15:04:05"))}
}

// ChangeOwnPassword replaces the signed-in user's password after checking
// the current one (or the PIN, for staff who have no password yet).
// EUNAUTHORIZED if current is wrong, EINVALID if next is weak.
func (s *Service) ChangeOwnPassword(ctx context.Context, userID, current, next string) error {
	u, err := s.FindUserByID(ctx, userID)
	if err != nil {
		return err
	}
	// Staff who have only a PIN prove themselves with it.
	if (u.HasPassword && !verifyOrFalse(current, u.passwordHash)) || (!u.HasPassword && !verifyOrFalse(current, u.pinHash)) {
		return &errs.Error{Code: errs.EUNAUTHORIZED, Message: "The current password (or PIN, if you have no password) is wrong.", Field: "current"}
	}
	if err := ValidatePassword("next", next); err != nil {
		return err
	}
	return s.SetPassword(ctx, store.Actor{UserID: u.ID, UserName: u.Name}, u.ID, next)
}

// ChangeOwnPIN sets or removes (pin "") the signed-in user's PIN after
// checking their password (or current PIN, for staff without a password).
func (s *Service) ChangeOwnPIN(ctx context.Context, userID, secret, pin string) error {
	u, err := s.FindUserByID(ctx, userID)
	if err != nil {
		return err
	}
	ok := (u.HasPassword && verifyOrFalse(secret, u.passwordHash)) || (u.HasPIN && verifyOrFalse(secret, u.pinHash))
	if !ok {
		return &errs.Error{Code: errs.EUNAUTHORIZED, Message: "Enter your current password or PIN to change the PIN.", Field: "password"}
	}
	return s.SetPIN(ctx, store.Actor{UserID: u.ID, UserName: u.Name}, u.ID, pin)
}

// recordFailure counts one more wrong secret for the user in tx, afresh
// when an earlier lock has run out, and locks the user for LockFor at
// LockAfter failures. It returns the failures so far and the lock's end
// (zero while not locked). Sign-in, unlock and approvals count alike.
func (s *Service) recordFailure(tx *store.Tx, userID string) (int, time.Time, error) {
	failures, until := 0, ""
	_ = tx.QueryRow(`SELECT failures, locked_until FROM login_failures WHERE id = ?`, userID).Scan(&failures, &until)
	if t, _ := store.ParseTime(until); !t.IsZero() && !t.After(tx.Now) {
		failures = 0 // an earlier lock has run out: count afresh
	}
	failures++
	var lockedUntil time.Time
	until = ""
	if failures >= s.LockAfter {
		lockedUntil = tx.Now.Add(s.LockFor)
		until = store.FormatTime(lockedUntil)
	}
	if _, err := tx.Exec(`INSERT INTO login_failures (id, failures, locked_until, updated_at) VALUES (?, ?, ?, ?)
		ON CONFLICT (id) DO UPDATE SET failures = excluded.failures, locked_until = excluded.locked_until, updated_at = excluded.updated_at`,
		userID, failures, until, store.FormatTime(tx.Now)); err != nil {
		return 0, time.Time{}, err
	}
	return failures, lockedUntil, nil
}
