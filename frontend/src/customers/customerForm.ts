import type { CustomerFields, CustomerView } from '../api/customers';
import { formatMinor, parseCreditLimit } from './money';

// Early checks mirroring internal/customer's validation, so mistakes show as
// they are made; Go checks again and its errors land on the same fields.

/** The details form: the credit limit as typed, in major units of the company currency. */
export interface CustomerFormValues {
  code: string;
  name: string;
  company: string;
  email: string;
  phone: string;
  taxId: string;
  customerGroup: string;
  creditLimit: string;
  notes: string;
}

/** Inputs of the details form, named as Go names the fields of its errors. */
export const CUSTOMER_FIELDS = [
  'code',
  'name',
  'company',
  'email',
  'phone',
  'taxId',
  'customerGroup',
  'creditLimit',
  'notes',
] as const;

export const emptyCustomer: CustomerFormValues = {
  code: '',
  name: '',
  company: '',
  email: '',
  phone: '',
  taxId: '',
  customerGroup: '',
  creditLimit: '',
  notes: '',
};

/** Length in characters as Go counts them (code points, not UTF-16 units). */
export const charCount = (s: string) => [...s].length;

function tooLong(value: string, max: number): string | null {
  const n = charCount(value.trim());
  return n > max ? `Use at most ${max} characters (this has ${n}).` : null;
}

export function codeError(code: string, required: boolean): string | null {
  const c = code.trim();
  if (c === '') return required ? 'Enter a customer code.' : null;
  if (charCount(c) > 32) return 'The customer code must be at most 32 characters.';
  if (!/^[A-Za-z0-9][A-Za-z0-9._/-]*$/.test(c)) {
    return 'The customer code may contain letters A-Z, digits and . _ / - only, starting with a letter or digit.';
  }
  return null;
}

export function emailError(email: string): string | null {
  const e = email.trim();
  if (e === '') return null;
  if (charCount(e) > 254) return 'Use at most 254 characters.';
  return /^[^\s@<>(),;:"[\]]+@[^\s@<>(),;:"[\]]+\.[^\s@<>(),;:"[\].]+$/.test(e) && !e.includes('@.')
    ? null
    : 'Enter an email address like name@example.com.';
}

export function phoneError(phone: string): string | null {
  const p = phone.trim();
  if (p === '') return null;
  if (charCount(p) > 40) return 'Use at most 40 characters.';
  if (!/^[0-9 +\-()./]+$/.test(p)) return 'A phone number may contain digits, spaces and + - ( ) . / only.';
  if (p.replace(/\D/g, '').length < 3) return 'Enter a phone number with at least 3 digits.';
  return null;
}

/**
 * Field errors of the details form. The code may be left empty for a new
 * customer (it gets the next number) but not cleared on an existing one.
 */
export function validateCustomer(v: CustomerFormValues, minorUnits: number, isNew: boolean): Record<string, string> {
  const credit = parseCreditLimit(v.creditLimit, minorUnits);
  const checks: [keyof CustomerFormValues, string | null][] = [
    ['code', codeError(v.code, !isNew)],
    ['name', v.name.trim() === '' ? "Enter the customer's name." : tooLong(v.name, 200)],
    ['company', tooLong(v.company, 200)],
    ['email', emailError(v.email)],
    ['phone', phoneError(v.phone)],
    ['taxId', tooLong(v.taxId, 50)],
    ['customerGroup', tooLong(v.customerGroup, 50)],
    ['creditLimit', credit.ok ? null : credit.error],
    ['notes', tooLong(v.notes, 5000)],
  ];
  const errors: Record<string, string> = {};
  for (const [field, error] of checks) if (error) errors[field] = error;
  return errors;
}

/** What the form sends to Go. Call after validateCustomer passed. */
export function toCustomerFields(v: CustomerFormValues, minorUnits: number): CustomerFields {
  const credit = parseCreditLimit(v.creditLimit, minorUnits);
  return {
    code: v.code.trim(),
    name: v.name.trim(),
    company: v.company.trim(),
    email: v.email.trim(),
    phone: v.phone.trim(),
    taxId: v.taxId.trim(),
    customerGroup: v.customerGroup.trim(),
    creditLimit: credit.ok ? credit.value : 0,
    notes: v.notes.trim(),
  };
}

/** The form's values for a stored customer. */
export function toFormValues(c: CustomerView, minorUnits: number): CustomerFormValues {
  return {
    code: c.code,
    name: c.name,
    company: c.company,
    email: c.email,
    phone: c.phone,
    taxId: c.taxId,
    customerGroup: c.customerGroup,
    creditLimit: c.creditLimit === 0 ? '' : formatMinor(c.creditLimit, minorUnits),
    notes: c.notes,
  };
}
