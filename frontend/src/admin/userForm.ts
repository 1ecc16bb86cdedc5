import type { Role, UserInput } from '../api/types';
import { ROLES } from '../api/types';
import { roleLabel } from '../shell/roles';
import { passwordError, pinError, requiredError } from '../auth/validation';

export const ROLE_OPTIONS = ROLES.map((r) => ({ value: r, label: roleLabel(r) }));

/** Counter and warehouse staff sign in with a PIN; admins and managers with a password. */
export function needsPin(role: string): boolean {
  return role === 'counter' || role === 'warehouse';
}

export const emptyUser: UserInput = { name: '', fullName: '', role: 'counter' satisfies Role, password: '', pin: '' };

/** Field errors for a new user, following the contract's PIN/password rule per role. */
export function validateUser(u: UserInput): Record<string, string> {
  const errors: Record<string, string> = {};
  const pinRole = needsPin(u.role);
  const checks: [keyof UserInput, string | null][] = [
    ['name', requiredError(u.name, 'a user name', 64)],
    ['fullName', requiredError(u.fullName, 'the full name')],
    ['role', (ROLES as readonly string[]).includes(u.role) ? null : 'Choose a role.'],
    ['password', passwordError(u.password, pinRole)],
    ['pin', pinError(u.pin, !pinRole)],
  ];
  for (const [field, error] of checks) if (error) errors[field] = error;
  return errors;
}
