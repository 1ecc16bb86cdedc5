import type { Carrier, CarrierChange, CarrierService, CarrierServiceChange } from '../api/shipping';

// Early validation of the carrier forms. The backend (internal/shipping)
// checks again and its coded errors land on the same fields.

/** Length limits of internal/shipping, in characters. */
export const MAX_CARRIER_NAME = 100;
export const MAX_SERVICE_CODE = 40;
export const MAX_SERVICE_NAME = 100;
export const MAX_ZONE_NAME = 100;
export const MAX_TRACKING_URL = 500;
export const MAX_TRACKING_PATTERN = 40;

export const CARRIER_FIELDS = ['name', 'trackingUrl', 'trackingPattern'] as const;
export const SERVICE_FIELDS = ['code', 'name'] as const;
export const ZONE_FIELDS = ['name', 'countries'] as const;

export interface CarrierFormValues {
  name: string;
  trackingUrl: string;
  trackingPattern: string;
  active: boolean;
}

const chars = (s: string) => [...s.trim()].length;

function nameError(value: string, max: number, what = 'a name'): string | null {
  const n = chars(value);
  if (n === 0) return `Enter ${what}.`;
  if (n > max) return `Enter ${what} of at most ${max} characters.`;
  return null;
}

export const carrierNameError = (v: string) => nameError(v, MAX_CARRIER_NAME);

/** A tracking page template: empty, or an http(s) address with {tracking} in it. */
export function trackingUrlError(value: string): string | null {
  const v = value.trim();
  if (v === '') return null;
  if (chars(v) > MAX_TRACKING_URL || /\s/.test(v)) {
    return 'Enter the tracking page as an http:// or https:// address without spaces.';
  }
  if (!v.includes('{tracking}')) return 'Put {tracking} in the address where the tracking number goes.';
  let url: URL;
  try {
    url = new URL(v.replaceAll('{tracking}', 'X'));
  } catch {
    return 'Enter the tracking page as an http:// or https:// address, for example https://carrier.example/track?id={tracking}.';
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.hostname === '') {
    return 'Enter the tracking page as an http:// or https:// address, for example https://carrier.example/track?id={tracking}.';
  }
  return null;
}

/**
 * A tracking number pattern: empty, or literal text (letters, digits, - _ . /)
 * with {station}, one {seq:N} (N 4 to 12) and at most one {check} after it.
 * The backend's parser (shipping.ParseTrackingPattern) is the authority.
 */
export function trackingPatternError(value: string): string | null {
  const v = value.trim();
  if (v === '') return null;
  if (chars(v) > MAX_TRACKING_PATTERN) return `A tracking pattern has at most ${MAX_TRACKING_PATTERN} characters.`;
  const tokens = v.match(/\{[^}]*\}?|[^{]+/g) ?? [];
  let seq = 0;
  let check = 0;
  for (const t of tokens) {
    if (!t.startsWith('{')) {
      const bad = /[^A-Za-z0-9\-_./]/.exec(t);
      if (bad) return `A tracking pattern can hold letters, digits, - _ . / and placeholders; remove "${bad[0]}".`;
      continue;
    }
    if (!t.endsWith('}')) return `Close the placeholder "${t}" with }.`;
    const name = t.slice(1, -1);
    if (name === 'station') continue;
    if (name === 'check') {
      if (seq === 0) return 'Put {check} after {seq:N}, so the check digit covers the number.';
      if (++check > 1) return 'Use {check} once.';
      continue;
    }
    const m = /^seq:(\d+)$/.exec(name);
    if (!m || Number(m[1]) < 4 || Number(m[1]) > 12) {
      if (name.startsWith('seq')) return 'Write the sequence as {seq:N} with N from 4 to 12, for example {seq:6}.';
      return `Unknown placeholder {${name}}: use {station}, {seq:N} or {check}.`;
    }
    if (++seq > 1) return 'Use {seq:N} once.';
  }
  if (seq === 0) return 'Put {seq:N} in the pattern, for example OWN-{station}-{seq:6}, so every number is new.';
  return null;
}

/**
 * What a pattern gives, for the form's hint: {station} as the station code,
 * {seq:N} as 1 zero-padded, {check} as the Luhn digit. Null for no pattern or a bad one.
 */
export function trackingPatternExample(pattern: string, station: string, n = 1): string | null {
  const v = pattern.trim();
  if (v === '' || trackingPatternError(v) !== null) return null;
  const st = station.trim().toUpperCase() || 'LOCAL';
  let out = '';
  for (const t of v.match(/\{[^}]*\}|[^{]+/g) ?? []) {
    if (t === '{station}') out += st;
    else if (t === '{check}') out += luhnDigit(out);
    else if (t.startsWith('{seq:')) out += String(n).padStart(Number(t.slice(5, -1)), '0');
    else out += t;
  }
  return out;
}

/** The Luhn check digit of the digits in s (other characters skipped), as the backend computes it. */
export function luhnDigit(s: string): string {
  let sum = 0;
  let double = true;
  for (let i = s.length - 1; i >= 0; i--) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) continue;
    let d = c;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return String((10 - (sum % 10)) % 10);
}

export const validateCarrier = {
  name: carrierNameError,
  trackingUrl: trackingUrlError,
  trackingPattern: trackingPatternError,
};

export function carrierValues(c?: Carrier): CarrierFormValues {
  return { name: c?.name ?? '', trackingUrl: c?.trackingUrl ?? '', trackingPattern: c?.trackingPattern ?? '', active: c?.active ?? true };
}

export function carrierChange(v: CarrierFormValues): CarrierChange {
  return { name: v.name.trim(), trackingUrl: v.trackingUrl.trim(), trackingPattern: v.trackingPattern.trim(), active: v.active };
}

export interface ServiceFormValues {
  code: string;
  name: string;
}

export const validateService = {
  code: (v: string) => nameError(v, MAX_SERVICE_CODE, "the carrier's service code"),
  name: (v: string) => nameError(v, MAX_SERVICE_NAME),
};

/** UpdateService saves every field: the service as it is with the changes laid over. */
export function serviceChange(s: CarrierService, changes: Partial<CarrierServiceChange> = {}): CarrierServiceChange {
  return { code: s.code, name: s.name, active: s.active, ...changes };
}

export interface ZoneFormValues {
  name: string;
  countries: string[];
}

export const validateZone = {
  name: (v: string) => nameError(v, MAX_ZONE_NAME, 'a zone name'),
  countries: (v: string[]) => {
    if (v.length === 0) return 'Choose at least one country, or Rest of world.';
    if (v.includes('*') && v.length > 1) return 'Rest of world stands alone: put named countries in a zone of their own.';
    return null;
  },
};
