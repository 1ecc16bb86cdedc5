import type { Bin } from '../api/stock';

/** The bin a scanned or typed code names, ignoring case and surrounding spaces; null when none. */
export function binByCode(bins: readonly Bin[], code: string): Bin | null {
  const text = code.trim().toLowerCase();
  if (!text) return null;
  return bins.find((b) => b.code.toLowerCase() === text) ?? null;
}
