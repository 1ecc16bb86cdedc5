package app

import (
	"oms/internal/auth"
)

// AuthAPI is first-run setup, sign-in, lock and the user's own credentials.
type AuthAPI struct{ a *App }

// SetupStatus tells whether the first-run setup is still to do.
func (x *AuthAPI) SetupStatus() (SetupStatus, error) {
	if _, err := x.a.guard(); err != nil {
		return SetupStatus{}, err
	}
	need, err := x.a.svc.Company.NeedsSetup(x.a.context())
	return SetupStatus{NeedsSetup: need, DeviceName: x.a.svc.DB.Device().Name}, err
}

// CompleteSetup records the company and the first admin, and signs the admin
// in. ECONFLICT once setup is done; EINVALID on "company.*" or "admin.*".
func (x *AuthAPI) CompleteSetup(req SetupRequest) (SessionInfo, error) {
	if _, err := x.a.guard(); err != nil {
		return SessionInfo{}, err
	}
	u, err := x.a.svc.Company.Setup(x.a.context(), req.Company.domain(), auth.UserInput{
		Name: req.Admin.Name, FullName: req.Admin.FullName, Password: req.Admin.Password, PIN: req.Admin.Pin})
	if err != nil {
		return SessionInfo{}, err
	}
	return x.a.signIn(u), nil
}

// LoginUsers lists the active users for the sign-in picker.
func (x *AuthAPI) LoginUsers() ([]LoginUser, error) {
	if _, err := x.a.guard(); err != nil {
		return nil, err
	}
	users, err := x.a.svc.Users.FindUsers(x.a.context(), auth.UserFilter{ActiveOnly: true})
	if err != nil {
		return nil, err
	}
	out := make([]LoginUser, 0, len(users))
	for _, u := range users {
		out = append(out, LoginUser{ID: u.ID, Name: u.Name, FullName: u.FullName, Role: string(u.Role), HasPin: u.HasPIN})
	}
	return out, nil
}

// LoginPassword signs in by name and password. EUNAUTHORIZED, ELOCKED.
func (x *AuthAPI) LoginPassword(name, password string) (SessionInfo, error) {
	if _, err := x.a.guard(); err != nil {
		return SessionInfo{}, err
	}
	u, err := x.a.svc.Users.LoginPassword(x.a.context(), name, password)
	if err != nil {
		return SessionInfo{}, err
	}
	return x.a.signIn(u), nil
}

// LoginPIN signs in a user picked from the list with their PIN. EUNAUTHORIZED, ELOCKED.
func (x *AuthAPI) LoginPIN(userID, pin string) (SessionInfo, error) {
	if _, err := x.a.guard(); err != nil {
		return SessionInfo{}, err
	}
	u, err := x.a.svc.Users.LoginPIN(x.a.context(), userID, pin)
	if err != nil {
		return SessionInfo{}, err
	}
	return x.a.signIn(u), nil
}

func (a *App) signIn(u *auth.User) SessionInfo {
	s := session{user: u}
	a.setSession(s)
	return sessionInfo(s)
}

// Session returns who is signed in.
func (x *AuthAPI) Session() (SessionInfo, error) {
	u, err := x.a.guard()
	if err != nil {
		return SessionInfo{}, err
	}
	x.a.mu.Lock()
	s := x.a.session
	x.a.mu.Unlock()
	if u != nil {
		s.user = u // the fresh copy: role changes show at once
	}
	return sessionInfo(s), nil
}

// Lock hides the screen behind the signed-in user's PIN or password.
func (x *AuthAPI) Lock() error {
	u, err := x.a.guard()
	if err != nil {
		return err
	}
	x.a.setSession(session{user: u, locked: true})
	return nil
}

// Unlock reopens a locked screen with the user's PIN or password. EUNAUTHORIZED, ELOCKED.
func (x *AuthAPI) Unlock(secret string) (SessionInfo, error) {
	u, err := x.a.guard()
	if err != nil {
		return SessionInfo{}, err
	}
	if u, err = x.a.svc.Users.Reauthenticate(x.a.context(), u.ID, secret); err != nil {
		return SessionInfo{}, err
	}
	return x.a.signIn(u), nil
}

// Logout ends the session, for the next user to sign in.
func (x *AuthAPI) Logout() error {
	if _, err := x.a.guard(); err != nil {
		return err
	}
	x.a.setSession(session{})
	return nil
}

// ChangeOwnPassword replaces the signed-in user's password. EUNAUTHORIZED on
// "current", EINVALID on "next".
func (x *AuthAPI) ChangeOwnPassword(current, next string) error {
	u, err := x.a.guard()
	if err != nil {
		return err
	}
	return x.a.svc.Users.ChangeOwnPassword(x.a.context(), u.ID, current, next)
}

// ChangeOwnPIN sets (or with "" removes) the signed-in user's PIN, checked
// by their password or current PIN.
func (x *AuthAPI) ChangeOwnPIN(password, pin string) error {
	u, err := x.a.guard()
	if err != nil {
		return err
	}
	return x.a.svc.Users.ChangeOwnPIN(x.a.context(), u.ID, password, pin)
}
