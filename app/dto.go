package app

import (
	"time"

	"oms/internal/auth"
	"oms/internal/company"
	"oms/internal/store"
)

// UserView is a user as the frontend shows it; never any hash.
type UserView struct {
	ID          string `json:"id"`
	Name        string `json:"name"`
	FullName    string `json:"fullName"`
	Role        string `json:"role"`
	Active      bool   `json:"active"`
	HasPin      bool   `json:"hasPin"`
	LockedUntil string `json:"lockedUntil"`
	CreatedAt   string `json:"createdAt"`
}

func userView(u *auth.User) UserView {
	if u == nil {
		return UserView{}
	}
	v := UserView{ID: u.ID, Name: u.Name, FullName: u.FullName, Role: string(u.Role), Active: u.Active, HasPin: u.HasPIN,
		CreatedAt: u.CreatedAt.Format(time.RFC3339)}
	if u.LockedUntil.After(time.Now()) {
		v.LockedUntil = u.LockedUntil.Format(time.RFC3339)
	}
	return v
}

// SessionInfo says who is signed in and what they may do.
type SessionInfo struct {
	LoggedIn    bool     `json:"loggedIn"`
	Locked      bool     `json:"locked"`
	User        UserView `json:"user"`
	Permissions []string `json:"permissions"`
}

func sessionInfo(s session) SessionInfo {
	if s.user == nil {
		return SessionInfo{Permissions: []string{}}
	}
	return SessionInfo{LoggedIn: true, Locked: s.locked, User: userView(s.user), Permissions: s.user.Role.Permissions()}
}

// LoginUser is an entry of the sign-in picker.
type LoginUser struct {
	ID       string `json:"id"`
	Name     string `json:"name"`
	FullName string `json:"fullName"`
	Role     string `json:"role"`
	HasPin   bool   `json:"hasPin"`
}

// SetupStatus tells the frontend whether to show the first-run wizard.
type SetupStatus struct {
	NeedsSetup bool   `json:"needsSetup"`
	DeviceName string `json:"deviceName"`
}

// CompanyInput is the editable company.
type CompanyInput struct {
	Name         string `json:"name"`
	AddressLine1 string `json:"addressLine1"`
	AddressLine2 string `json:"addressLine2"`
	PostalCode   string `json:"postalCode"`
	City         string `json:"city"`
	Country      string `json:"country"`
	Currency     string `json:"currency"`
	TaxID        string `json:"taxId"`
	Email        string `json:"email"`
	Phone        string `json:"phone"`
	LogoDataURL  string `json:"logoDataUrl"`
}

func (in CompanyInput) domain() company.Input {
	return company.Input{Name: in.Name, AddressLine1: in.AddressLine1, AddressLine2: in.AddressLine2, PostalCode: in.PostalCode,
		City: in.City, Country: in.Country, Currency: in.Currency, TaxID: in.TaxID, Email: in.Email, Phone: in.Phone, Logo: in.LogoDataURL}
}

// Company is the company with its last change.
type Company struct {
	CompanyInput
	UpdatedAt string `json:"updatedAt"`
}

func companyView(c *company.Company) Company {
	return Company{CompanyInput: CompanyInput{Name: c.Name, AddressLine1: c.AddressLine1, AddressLine2: c.AddressLine2,
		PostalCode: c.PostalCode, City: c.City, Country: c.Country, Currency: c.Currency, TaxID: c.TaxID, Email: c.Email,
		Phone: c.Phone, LogoDataURL: c.Logo}, UpdatedAt: c.UpdatedAt.Format(time.RFC3339)}
}

// AdminInput is the first admin of the setup wizard.
type AdminInput struct {
	Name     string `json:"name"`
	FullName string `json:"fullName"`
	Password string `json:"password"`
	Pin      string `json:"pin"`
}

// SetupRequest is the whole first-run wizard.
type SetupRequest struct {
	Company CompanyInput `json:"company"`
	Admin   AdminInput   `json:"admin"`
}

// UserInput is a new user.
type UserInput struct {
	Name     string `json:"name"`
	FullName string `json:"fullName"`
	Role     string `json:"role"`
	Password string `json:"password"`
	Pin      string `json:"pin"`
}

// Currency is a selectable currency.
type Currency struct {
	Code       string `json:"code"`
	Name       string `json:"name"`
	MinorUnits int    `json:"minorUnits"`
}

// Country is a selectable country.
type Country struct {
	Code string `json:"code"`
	Name string `json:"name"`
}

// DeviceInfo is this workstation.
type DeviceInfo struct {
	ID          string `json:"id"`
	Name        string `json:"name"`
	StationCode string `json:"stationCode"`
}

// SyncStatus is the state of sync with the server.
type SyncStatus struct {
	Mode      string `json:"mode"` // standalone | enrolled
	Online    bool   `json:"online"`
	Pending   int    `json:"pending"`
	LastSync  string `json:"lastSync"`
	LastError string `json:"lastError"`
	// Running is true while a round is under way; Upgrade when the server
	// asked for a newer (or older) program: changes wait, kept.
	Running bool `json:"running"`
	Upgrade bool `json:"upgrade"`
	// Inbox counts refused changes; OpenExceptions the exceptions to settle.
	Inbox          int `json:"inbox"`
	OpenExceptions int `json:"openExceptions"`
}

// StatusInfo feeds the status bar.
type StatusInfo struct {
	Device  DeviceInfo `json:"device"`
	Sync    SyncStatus `json:"sync"`
	Version string     `json:"version"`
}

// AuditEntry is one audit log line.
type AuditEntry struct {
	ID       string `json:"id"`
	At       string `json:"at"`
	UserName string `json:"userName"`
	DeviceID string `json:"deviceId"`
	Action   string `json:"action"`
	Entity   string `json:"entity"`
	EntityID string `json:"entityId"`
	Changes  string `json:"changes"`
}

func auditView(e store.AuditEntry) AuditEntry {
	return AuditEntry{ID: e.ID, At: e.At, UserName: e.UserName, DeviceID: e.DeviceID, Action: e.Action, Entity: e.Entity,
		EntityID: e.EntityID, Changes: e.Changes}
}

// AuditFilter selects audit lines.
type AuditFilter struct {
	Entity string `json:"entity"`
	Limit  int    `json:"limit"`
}
