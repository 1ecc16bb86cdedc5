package auth

import (
	"context"
	"fmt"
	"time"

	"oms/internal/errs"
	"oms/internal/store"
)

// Approve checks an approval given at someone else's workstation: userID
// is the approver, secret their PIN or password, perm what the step needs
// (a payment over a customer's credit limit needs PermOrdersManage).
// Wrong secrets count toward the same lockout as signing in, in the same
// login_failures row; a right one clears it. Approvals and refusals are
// audited ("approve", "approve_failed", "approve_refused") under the
// approver's name.
//
// EUNAUTHORIZED on "secret" for an unknown or deactivated user or a wrong
// secret, on "userId" for a user whose role cannot approve; ELOCKED on
// "secret" while the approver is locked out.
func (s *Service) Approve(ctx context.Context, userID, secret string, perm Permission) (*User, error) {
	u, err := s.FindUserByID(ctx, userID)
	if errs.Code(err) == errs.ENOTFOUND {
		_, _ = Verify(secret, dummyHash)
		return nil, &errs.Error{Code: errs.EUNAUTHORIZED, Field: "secret", Message: "Unknown approver."}
	} else if err != nil {
		return nil, err
	}
	if !u.Active {
		return nil, &errs.Error{Code: errs.EUNAUTHORIZED, Field: "secret", Message: "This user is deactivated and cannot approve."}
	}
	if u.LockedUntil.After(s.db.Now()) {
		return nil, lockedError(u.LockedUntil, "secret")
	}
	ok := secret != "" && ((u.pinHash != "" && verifyOrFalse(secret, u.pinHash)) ||
		(u.passwordHash != "" && verifyOrFalse(secret, u.passwordHash)))
	allowed := u.Role.Can(perm)
	actor := store.Actor{UserID: u.ID, UserName: u.Name}
	var lockedUntil time.Time
	var left int
	err = s.db.Update(ctx, actor, func(tx *store.Tx) error {
		if ok {
			if _, err := tx.Exec(`DELETE FROM login_failures WHERE id = ?`, u.ID); err != nil {
				return err
			}
			action := "approve"
			if !allowed {
				action = "approve_refused"
			}
			return tx.Audit(action, "users", u.ID, map[string]string{"permission": string(perm)})
		}
		// Counted exactly as a wrong sign-in is (login.go).
		failures, until, err := s.recordFailure(tx, u.ID)
		if err != nil {
			return err
		}
		lockedUntil, left = until, s.LockAfter-failures
		return tx.Audit("approve_failed", "users", u.ID, map[string]any{"permission": string(perm), "failures": failures})
	})
	if err != nil {
		return nil, fmt.Errorf("record approval: %w", err)
	}
	switch {
	case ok && !allowed:
		return nil, &errs.Error{Code: errs.EUNAUTHORIZED, Field: "userId",
			Message: fmt.Sprintf("%s cannot approve this; ask a manager.", u.FullName)}
	case ok:
		u.LockedUntil = time.Time{}
		return u, nil
	case left <= 0:
		return nil, lockedError(lockedUntil, "secret")
	}
	return nil, &errs.Error{Code: errs.EUNAUTHORIZED, Field: "secret",
		Message: fmt.Sprintf("Wrong PIN or password. %d more wrong attempt(s) lock this user for %d minutes.", left, int(s.LockFor.Minutes()))}
}
