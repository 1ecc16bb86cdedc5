import { COMPANY_FIELDS } from '../settings/companyForm';
import { confirmError, passwordError, pinError, requiredError } from './validation';

export interface AdminFormValues {
  name: string;
  fullName: string;
  password: string;
  confirm: string;
  pin: string;
}

export const emptyAdmin: AdminFormValues = { name: '', fullName: '', password: '', confirm: '', pin: '' };

export const ADMIN_FIELDS = ['name', 'fullName', 'password', 'confirm', 'pin'] as const;

/** Field errors for the admin account step; empty when valid. */
export function validateAdmin(a: AdminFormValues): Record<string, string> {
  const errors: Record<string, string> = {};
  const checks: [keyof AdminFormValues, string | null][] = [
    ['name', requiredError(a.name, 'a user name', 64)],
    ['fullName', requiredError(a.fullName, 'the full name')],
    ['password', passwordError(a.password)],
    ['confirm', a.password !== '' ? confirmError(a.password, a.confirm) : null],
    ['pin', pinError(a.pin, true)],
  ];
  for (const [field, error] of checks) if (error) errors[field] = error;
  return errors;
}

export type SetupStep = 0 | 1;

/**
 * Where a backend error about a SetupRequest field belongs: "company.currency"
 * goes to the company step's currency input, "admin.pin" to the admin step's PIN.
 */
export function setupErrorTarget(field: string): { step: SetupStep; path: string } | undefined {
  const [group, ...rest] = field.split('.');
  const path = rest.join('.');
  if (group === 'company' && (COMPANY_FIELDS as readonly string[]).includes(path)) return { step: 0, path };
  if (group === 'admin' && (ADMIN_FIELDS as readonly string[]).includes(path)) return { step: 1, path };
  return undefined;
}
