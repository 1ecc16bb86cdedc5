// Early checks so people see mistakes before a round trip. The Go services
// decide; these mirror only what the API contract states.

export const PIN_MIN = 4;
export const PIN_MAX = 8;
export const PASSWORD_MIN = 8;
export const NAME_MAX = 100;

/** Keeps only digits and cuts at the longest PIN, for PIN inputs that filter as you type. */
export function digitsOnly(input: string, max = PIN_MAX): string {
  return input.replace(/\D/g, '').slice(0, max);
}

/** Error for a PIN, or null. An empty PIN passes only when it is optional. */
export function pinError(pin: string, optional = false): string | null {
  if (pin === '') return optional ? null : 'Enter a PIN.';
  if (!/^\d+$/.test(pin)) return 'A PIN has digits only.';
  if (pin.length < PIN_MIN || pin.length > PIN_MAX) return `A PIN has ${PIN_MIN} to ${PIN_MAX} digits.`;
  return null;
}

/** Error for a new password, or null. An empty one passes only when it is optional. */
export function passwordError(password: string, optional = false): string | null {
  if (password === '') return optional ? null : 'Enter a password.';
  if (password.length < PASSWORD_MIN) return `A password has at least ${PASSWORD_MIN} characters.`;
  return null;
}

/** Error for a required text, or null. */
export function requiredError(value: string, what: string, max = NAME_MAX): string | null {
  if (value.trim() === '') return `Enter ${what}.`;
  if (value.length > max) return `Use at most ${max} characters.`;
  return null;
}

/** Error when the confirmation does not match, or null. */
export function confirmError(password: string, confirm: string): string | null {
  return password === confirm ? null : 'The passwords do not match.';
}

/** Error for an optional e-mail address, or null. */
export function emailError(email: string): string | null {
  if (email.trim() === '') return null;
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.trim()) ? null : 'Enter an e-mail address like name@example.com.';
}
