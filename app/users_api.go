package app

import (
	"oms/internal/auth"
)

// UsersAPI is the admin's user management.
type UsersAPI struct{ a *App }

// ListUsers returns every user, active or not.
func (x *UsersAPI) ListUsers() ([]UserView, error) {
	if _, err := x.a.guard(); err != nil {
		return nil, err
	}
	users, err := x.a.svc.Users.FindUsers(x.a.context(), auth.UserFilter{})
	if err != nil {
		return nil, err
	}
	out := make([]UserView, 0, len(users))
	for _, u := range users {
		out = append(out, userView(u))
	}
	return out, nil
}

// CreateUser adds a user. EINVALID, ECONFLICT on "name".
func (x *UsersAPI) CreateUser(in UserInput) (UserView, error) {
	me, err := x.a.guard()
	if err != nil {
		return UserView{}, err
	}
	u, err := x.a.svc.Users.CreateUser(x.a.context(), actorOf(me), auth.UserInput{
		Name: in.Name, FullName: in.FullName, Role: in.Role, Password: in.Password, PIN: in.Pin})
	return userView(u), err
}

// ChangeRole gives a user another role. ECONFLICT for the last admin or a
// missing credential the role needs.
func (x *UsersAPI) ChangeRole(id, role string) (UserView, error) {
	me, err := x.a.guard()
	if err != nil {
		return UserView{}, err
	}
	u, err := x.a.svc.Users.ChangeRole(x.a.context(), actorOf(me), id, role)
	return userView(u), err
}

// ResetPassword sets a user's password. EINVALID on "password".
func (x *UsersAPI) ResetPassword(id, password string) error {
	me, err := x.a.guard()
	if err != nil {
		return err
	}
	return x.a.svc.Users.SetPassword(x.a.context(), actorOf(me), id, password)
}

// SetPIN sets or removes a user's PIN. EINVALID, ECONFLICT on "pin".
func (x *UsersAPI) SetPIN(id, pin string) error {
	me, err := x.a.guard()
	if err != nil {
		return err
	}
	return x.a.svc.Users.SetPIN(x.a.context(), actorOf(me), id, pin)
}

// Deactivate stops a user from signing in. ECONFLICT for yourself or the last admin.
func (x *UsersAPI) Deactivate(id string) (UserView, error) {
	me, err := x.a.guard()
	if err != nil {
		return UserView{}, err
	}
	u, err := x.a.svc.Users.SetActive(x.a.context(), actorOf(me), id, false)
	return userView(u), err
}

// Reactivate lets a deactivated user sign in again.
func (x *UsersAPI) Reactivate(id string) (UserView, error) {
	me, err := x.a.guard()
	if err != nil {
		return UserView{}, err
	}
	u, err := x.a.svc.Users.SetActive(x.a.context(), actorOf(me), id, true)
	return userView(u), err
}

// Unlock lifts a user's lockout after wrong PINs or passwords.
func (x *UsersAPI) Unlock(id string) (UserView, error) {
	me, err := x.a.guard()
	if err != nil {
		return UserView{}, err
	}
	u, err := x.a.svc.Users.ClearLock(x.a.context(), actorOf(me), id)
	return userView(u), err
}
