import type { AddressInput, AddressView } from '../api/customers';
import { phoneError } from './customerForm';

export type AddressKind = 'billing' | 'shipping';

export const ADDRESS_KINDS: readonly { value: AddressKind; label: string }[] = [
  { value: 'billing', label: 'Billing' },
  { value: 'shipping', label: 'Shipping' },
];

/** Inputs of the address form, named as Go names the fields of its errors. */
export const ADDRESS_FIELDS = [
  'kind',
  'default',
  'name',
  'company',
  'line1',
  'line2',
  'postalCode',
  'city',
  'region',
  'country',
  'phone',
] as const;

export function emptyAddress(kind: AddressKind, country: string): AddressInput {
  return {
    kind,
    default: false,
    name: '',
    company: '',
    line1: '',
    line2: '',
    postalCode: '',
    city: '',
    region: '',
    country,
    phone: '',
  };
}

/** The editable part of a stored address. */
export function toAddressInput(a: AddressView): AddressInput {
  return {
    kind: a.kind,
    default: a.default,
    name: a.name,
    company: a.company,
    line1: a.line1,
    line2: a.line2,
    postalCode: a.postalCode,
    city: a.city,
    region: a.region,
    country: a.country,
    phone: a.phone,
  };
}

/** Field errors of an address, mirroring internal/customer's AddressInput.Validate. */
export function validateAddress(a: AddressInput): Record<string, string> {
  const errors: Record<string, string> = {};
  const long = (field: string, value: string, max: number) => {
    if ([...value.trim()].length > max) errors[field] = `Use at most ${max} characters.`;
  };
  if (a.kind !== 'billing' && a.kind !== 'shipping') errors.kind = 'An address is either a billing or a shipping address.';
  long('name', a.name, 200);
  long('company', a.company, 200);
  long('line2', a.line2, 200);
  long('region', a.region, 100);
  if (a.line1.trim() === '') errors.line1 = 'Enter the street and number.';
  else long('line1', a.line1, 200);
  const postal = a.postalCode.trim().toUpperCase();
  if (!/^[0-9A-Z -]*$/.test(postal)) errors.postalCode = 'A postal code may contain letters A-Z, digits, spaces and dashes only.';
  else long('postalCode', postal, 20);
  if (a.city.trim() === '') errors.city = 'Enter the city.';
  else long('city', a.city, 100);
  if (!/^[A-Za-z]{2}$/.test(a.country.trim())) errors.country = 'Choose a country.';
  const phone = phoneError(a.phone);
  if (phone) errors.phone = phone;
  return errors;
}

/** The address as lines to show, empty parts left out: street, postal code and city, region, country. */
export function addressLines(a: AddressInput, countryName: (code: string) => string = (c) => c): string[] {
  const cityLine = [a.postalCode, a.city].filter(Boolean).join(' ');
  return [a.name, a.company, a.line1, a.line2, cityLine, a.region, a.country ? countryName(a.country) : '', a.phone].filter(
    (s) => s.trim() !== '',
  );
}
