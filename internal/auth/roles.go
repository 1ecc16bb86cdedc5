// Package auth owns users, roles and permissions, password and PIN hashing,
// and the login rules (lockout after repeated wrong attempts).
package auth

import (
	"sort"

	"oms/internal/errs"
)

// Role is what a user is employed to do; it decides their permissions.
type Role string

// Roles.
const (
	RoleAdmin     Role = "admin"
	RoleManager   Role = "manager"
	RoleCounter   Role = "counter"
	RoleWarehouse Role = "warehouse"
)

// Roles lists every role, most powerful first.
var Roles = []Role{RoleAdmin, RoleManager, RoleCounter, RoleWarehouse}

// ParseRole returns the role named s, or EINVALID on field "role".
func ParseRole(s string) (Role, error) {
	for _, r := range Roles {
		if string(r) == s {
			return r, nil
		}
	}
	return "", errs.Invalid("role", "Role must be one of admin, manager, counter or warehouse.")
}

// Permission names one thing a user may do.
type Permission string

// Permissions. Areas of the app and the services check these.
const (
	PermUsersManage     Permission = "users.manage"
	PermSettingsCompany Permission = "settings.company"
	PermAuditView       Permission = "audit.view"
	PermCounterUse      Permission = "counter.use"
	PermWarehouseUse    Permission = "warehouse.use"
	PermOrdersView      Permission = "orders.view"
	PermOrdersCreate    Permission = "orders.create"
	PermOrdersManage    Permission = "orders.manage"
	PermStockView       Permission = "stock.view"
	PermStockManage     Permission = "stock.manage"
	PermCustomersView   Permission = "customers.view"
	PermCustomersManage Permission = "customers.manage"
	PermReportsView     Permission = "reports.view"
)

var allPermissions = []Permission{
	PermUsersManage, PermSettingsCompany, PermAuditView, PermCounterUse, PermWarehouseUse,
	PermOrdersView, PermOrdersCreate, PermOrdersManage, PermStockView, PermStockManage,
	PermCustomersView, PermCustomersManage, PermReportsView,
}

var rolePermissions = map[Role][]Permission{
	RoleAdmin: allPermissions,
	RoleManager: {PermAuditView, PermCounterUse, PermWarehouseUse, PermOrdersView, PermOrdersCreate, PermOrdersManage,
		PermStockView, PermStockManage, PermCustomersView, PermCustomersManage, PermReportsView},
	RoleCounter:   {PermCounterUse, PermOrdersView, PermOrdersCreate, PermCustomersView, PermStockView},
	RoleWarehouse: {PermWarehouseUse, PermStockView, PermOrdersView},
}

// Can reports whether the role has permission p.
func (r Role) Can(p Permission) bool {
	for _, q := range rolePermissions[r] {
		if q == p {
			return true
		}
	}
	return false
}

// Permissions returns the role's permissions, sorted.
func (r Role) Permissions() []string {
	out := make([]string, 0, len(rolePermissions[r]))
	for _, p := range rolePermissions[r] {
		out = append(out, string(p))
	}
	sort.Strings(out)
	return out
}

// NeedsPIN reports whether users of the role sign in with a PIN at a shared
// workstation (counter and warehouse staff), rather than with a password.
func (r Role) NeedsPIN() bool { return r == RoleCounter || r == RoleWarehouse }
