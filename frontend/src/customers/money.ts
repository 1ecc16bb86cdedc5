// Amounts are int64 minor units in Go and numbers of minor units here; people
// type and read them in major units with a dot ("1500.00"), as Go's money
// package parses them. No floats touch an amount: the text is split, never
// multiplied.

/** The largest credit limit Go accepts, in minor units (customer.MaxCreditLimit). */
export const MAX_CREDIT_LIMIT = 100_000_000_000;

export type Parsed = { ok: true; value: number } | { ok: false; error: string };

/**
 * Reads an amount typed in major units ("12.50", "12", " 0.5 ") into minor units
 * of a currency with minorUnits decimals. An empty text is 0 when allowEmpty.
 * Refuses signs, commas, thousands separators and more decimals than the
 * currency has.
 */
export function parseMajor(text: string, minorUnits: number, allowEmpty = true): Parsed {
  const s = text.trim();
  if (s === '') return allowEmpty ? { ok: true, value: 0 } : { ok: false, error: 'Enter an amount.' };
  if (s.startsWith('-')) return { ok: false, error: 'The amount cannot be negative.' };
  const m = /^(\d+)(?:\.(\d+))?$/.exec(s);
  if (!m) {
    return {
      ok: false,
      error: s.includes(',')
        ? 'Use a dot as the decimal separator, like 12.50, without thousands separators.'
        : 'Enter an amount like 12.50.',
    };
  }
  const frac = m[2] ?? '';
  if (frac.length > minorUnits) {
    return { ok: false, error: minorUnits === 0 ? 'This currency has no decimals.' : `Enter at most ${minorUnits} decimals.` };
  }
  const digits = (m[1] + frac.padEnd(minorUnits, '0')).replace(/^0+(?=\d)/, '');
  if (digits.length > 15) return { ok: false, error: 'The amount is too large.' };
  return { ok: true, value: Number(digits) };
}

/** Writes minor units in major units with exactly minorUnits decimals: (150000, 2) -> "1500.00". */
export function formatMinor(amount: number, minorUnits: number): string {
  const neg = amount < 0;
  let digits = String(Math.abs(Math.trunc(amount)));
  if (minorUnits <= 0) return (neg ? '-' : '') + digits;
  digits = digits.padStart(minorUnits + 1, '0');
  const out = `${digits.slice(0, -minorUnits)}.${digits.slice(-minorUnits)}`;
  return neg ? `-${out}` : out;
}

/** A credit limit typed in major units, checked as Go checks it. */
export function parseCreditLimit(text: string, minorUnits: number): Parsed {
  const p = parseMajor(text, minorUnits);
  if (p.ok && p.value > MAX_CREDIT_LIMIT) {
    return { ok: false, error: `The credit limit is at most ${formatMinor(MAX_CREDIT_LIMIT, minorUnits)}.` };
  }
  return p;
}
