// Rates are basis points in Go (1900 = 19 %); people type percents ("19",
// "7.5", "7,25"). The conversion works on the digits, never through floating
// point, so 7.1 % is exactly 710 bps.

/** The largest rate Go accepts (money.MaxRateBps): 100 %. */
export const MAX_RATE_BPS = 10_000;

/**
 * Parses a percent with at most 2 decimals into basis points: "19" -> 1900,
 * "7.5" -> 750, "0.01" -> 1. Returns null when it is not such a number or is
 * negative. An optional trailing "%" is accepted.
 */
export function percentToBps(text: string): number | null {
  const t = text.trim().replace(/\s*%$/, '').trim();
  const m = /^(\d+)(?:[.,](\d{0,2}))?$/.exec(t);
  if (!m || m[1].length > 6) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}

/** Basis points as a percent without needless zeros: 1900 -> "19", 750 -> "7.5", 725 -> "7.25". */
export function bpsToPercent(bps: number): string {
  const neg = bps < 0;
  const abs = Math.abs(Math.trunc(bps));
  const whole = Math.floor(abs / 100);
  const frac = String(abs % 100).padStart(2, '0').replace(/0+$/, '');
  return (neg ? '-' : '') + String(whole) + (frac ? '.' + frac : '');
}

/** A rate for display: "7.5 %". */
export const formatRate = (bps: number): string => `${bpsToPercent(bps)} %`;

/**
 * Early validation of a percent input; the error a form shows, or null.
 * Blank is an error unless `optional` (a blank discount means none).
 */
export function percentError(text: string, label: string, optional = false): string | null {
  if (text.trim() === '') return optional ? null : `Enter ${label.toLowerCase()} as a percent, such as 19 or 7.5.`;
  const bps = percentToBps(text);
  if (bps === null) return `${label} must be a percent such as 19 or 7.5, with at most 2 decimals.`;
  if (bps > MAX_RATE_BPS) return `${label} can be at most 100 %.`;
  return null;
}
