import type { CompanyInput } from '../api/types';
import { emailError, requiredError } from '../auth/validation';

/** Largest logo the backend accepts (see the API contract). */
export const LOGO_MAX_BYTES = 512 * 1024;
export const LOGO_TYPES = ['image/png', 'image/jpeg'] as const;

export const emptyCompany: CompanyInput = {
  name: '',
  addressLine1: '',
  addressLine2: '',
  postalCode: '',
  city: '',
  country: '',
  currency: '',
  taxId: '',
  email: '',
  phone: '',
  logoDataUrl: '',
};

export const COMPANY_FIELDS = Object.keys(emptyCompany) as readonly (keyof CompanyInput)[];

/** Copies only the input fields (a Company also has updatedAt). */
export function toCompanyInput(company: Partial<CompanyInput>): CompanyInput {
  const out = { ...emptyCompany };
  for (const key of COMPANY_FIELDS) {
    const v = company[key];
    if (typeof v === 'string') out[key] = v;
  }
  return out;
}

/** Field errors for the company form, keyed by field name; empty when valid. */
export function validateCompany(c: CompanyInput): Record<string, string> {
  const errors: Record<string, string> = {};
  const add = (field: keyof CompanyInput, error: string | null) => {
    if (error) errors[field] = error;
  };
  add('name', requiredError(c.name, 'the company name', 200));
  add('country', c.country === '' ? 'Choose a country.' : null);
  add('currency', c.currency === '' ? 'Choose a currency.' : null);
  add('email', emailError(c.email));
  return errors;
}

/** Error for a chosen logo file, or null. */
export function logoFileError(file: { type: string; size: number }): string | null {
  if (!(LOGO_TYPES as readonly string[]).includes(file.type)) return 'Choose a PNG or JPEG image.';
  if (file.size > LOGO_MAX_BYTES) return 'The logo may be at most 512 KiB.';
  return null;
}
