import type { app } from './wails';

// Plain data views of the generated model classes. The classes carry a
// convertValues helper; components only need the fields, and tests can then
// pass object literals.
type Data<T> = Omit<T, 'convertValues'>;

export type Role = 'admin' | 'manager' | 'counter' | 'warehouse';
export const ROLES: readonly Role[] = ['admin', 'manager', 'counter', 'warehouse'];

export type UserView = Data<app.UserView>;
export type SessionInfo = Data<app.SessionInfo>;
export type LoginUser = Data<app.LoginUser>;
export type SetupStatus = Data<app.SetupStatus>;
export type CompanyInput = Data<app.CompanyInput>;
export type Company = Data<app.Company>;
export type AdminInput = Data<app.AdminInput>;
export type SetupRequest = { company: CompanyInput; admin: AdminInput };
export type UserInput = Data<app.UserInput>;
export type Currency = Data<app.Currency>;
export type Country = Data<app.Country>;
export type StatusInfo = Data<app.StatusInfo>;
export type AuditEntry = Data<app.AuditEntry>;
export type AuditFilter = Data<app.AuditFilter>;
