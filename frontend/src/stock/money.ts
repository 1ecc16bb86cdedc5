// Amounts are int64 minor units in Go; people type and read major units of the
// company currency ("12.50" EUR = 1250). The conversion is done on the digits,
// never through floating point, so no cent is ever lost.

/** The largest amount the catalog accepts (catalog.MaxPrice), in minor units. */
export const MAX_MINOR = 1_000_000_000_000;

/**
 * Parses what a user typed ("12.50", "12,5", "1 234.00", "7") into minor units
 * with `minorUnits` digits after the point. Returns null when it is not an
 * amount, has more decimals than the currency, or is negative.
 */
export function parseMoney(text: string, minorUnits: number): number | null {
  const t = text.trim().replace(/[\s\u00a0']/g, '');
  if (t === '') return null;
  const m = /^(\d+)(?:[.,](\d*))?$/.exec(t);
  if (!m) return null;
  const frac = m[2] ?? '';
  if (frac.length > minorUnits) return null;
  const digits = m[1] + frac.padEnd(minorUnits, '0');
  const value = Number(digits.replace(/^0+(?=\d)/, ''));
  return Number.isSafeInteger(value) ? value : null;
}

/** Minor units as major units with exactly `minorUnits` decimals: 1250 -> "12.50". */
export function formatMinor(minor: number, minorUnits: number): string {
  const neg = minor < 0;
  const digits = String(Math.abs(Math.trunc(minor))).padStart(minorUnits + 1, '0');
  const whole = minorUnits > 0 ? digits.slice(0, -minorUnits) : digits;
  const frac = minorUnits > 0 ? '.' + digits.slice(-minorUnits) : '';
  return (neg ? '-' : '') + whole + frac;
}

/** An amount for display with its currency code: "12.50 EUR". */
export function formatMoney(minor: number, minorUnits: number, code: string): string {
  return code ? `${formatMinor(minor, minorUnits)} ${code}` : formatMinor(minor, minorUnits);
}

/** Early validation of a money input; the error a form shows, or null when fine. */
export function moneyError(text: string, minorUnits: number, label: string): string | null {
  if (text.trim() === '') return null;
  const v = parseMoney(text, minorUnits);
  if (v === null) {
    return minorUnits > 0
      ? `${label} must be an amount such as 12.${'5'.padEnd(minorUnits, '0')}, with at most ${minorUnits} decimals.`
      : `${label} must be a whole amount.`;
  }
  if (v > MAX_MINOR) return `${label} is too large.`;
  return null;
}
