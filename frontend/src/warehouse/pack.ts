import type { PackLine } from '../api/shipments';

// Pure helpers of the pack station: what the packer types (kilograms and
// centimetres, with a comma or a point) as the integer grams and
// millimetres the backend takes, and the count of items in this shipment.

export type Parsed = { ok: true; value: number } | { ok: false; error: string };

/** The heaviest parcel the backend takes (shipping.MaxPackageWeightG), in grams. */
export const MAX_PACKAGE_G = 1_000_000;
/** The longest side the backend takes (shipping.MaxDimensionMM), in millimetres. */
export const MAX_DIMENSION_MM = 10_000;

/**
 * A decimal number as typed ("1,5", "1.5", " 2 ") scaled to an integer of
 * 10^-decimals units without floating point: "1,25" with 3 decimals is 1250.
 * Null when it is not a plain non-negative number with at most that many decimals.
 */
function scaled(text: string, decimals: number): number | null | 'negative' | 'precision' {
  const t = text.trim().replace(',', '.');
  if (/^-/.test(t)) return 'negative';
  const m = /^(\d+)?(?:\.(\d*))?$/.exec(t);
  if (!m || (m[1] === undefined && !m[2])) return null;
  const frac = m[2] ?? '';
  if (frac.replace(/0+$/, '').length > decimals) return 'precision';
  return Number(m[1] ?? '0') * 10 ** decimals + Number(frac.slice(0, decimals).padEnd(decimals, '0'));
}

/** A package's weight typed in kg, as grams: required, more than 0, at most 1000 kg, to the gram. */
export function parseKg(text: string): Parsed {
  if (text.trim() === '') return { ok: false, error: 'Enter the weight in kg.' };
  const g = scaled(text, 3);
  if (g === 'negative') return { ok: false, error: 'A weight cannot be negative.' };
  if (g === 'precision') return { ok: false, error: 'Weigh to the gram at most (3 decimals).' };
  if (g === null) return { ok: false, error: 'Enter the weight in kg, e.g. 1.5.' };
  if (g < 1) return { ok: false, error: 'The weight must be more than 0.' };
  if (g > MAX_PACKAGE_G) return { ok: false, error: `At most ${MAX_PACKAGE_G / 1000} kg a package; heavier goes as freight.` };
  return { ok: true, value: g };
}

/** A package's side typed in cm, as millimetres: optional (empty is 0), at most 1000 cm, to the mm. */
export function parseCm(text: string): Parsed {
  if (text.trim() === '') return { ok: true, value: 0 };
  const mm = scaled(text, 1);
  if (mm === 'negative') return { ok: false, error: 'A size cannot be negative.' };
  if (mm === 'precision') return { ok: false, error: 'Measure to the millimetre at most (1 decimal).' };
  if (mm === null) return { ok: false, error: 'Enter centimetres, e.g. 30.' };
  if (mm > MAX_DIMENSION_MM) return { ok: false, error: `At most ${MAX_DIMENSION_MM / 10} cm.` };
  return { ok: true, value: mm };
}

/** Grams as kg for an input: 1500 -> "1.5", 250 -> "0.25", 2000 -> "2". */
export function kgText(grams: number): string {
  const whole = Math.floor(grams / 1000);
  const frac = String(grams % 1000).padStart(3, '0').replace(/0+$/, '');
  return frac ? `${whole}.${frac}` : String(whole);
}

/** Units of each order line counted into this shipment, by line id. */
export type PackCounts = Readonly<Record<string, number>>;

export type CountResult = { ok: true; counts: PackCounts } | { ok: false; error: string };

/** One more scanned unit of a line, refused when it would be more than can be packed. */
export function countScan(counts: PackCounts, line: PackLine): CountResult {
  return setCount(counts, line, (counts[line.lineId] ?? 0) + 1);
}

/** Sets how many of a line go in this shipment: a whole number from 0 to what is packable. */
export function setCount(counts: PackCounts, line: PackLine, n: number): CountResult {
  if (!Number.isInteger(n) || n < 0) return { ok: false, error: `Enter a whole number of ${line.sku}, 0 or more.` };
  if (n > line.packable) {
    return {
      ok: false,
      error:
        line.packable === 0
          ? `Too many: nothing of ${line.sku} ${line.name} is left to pack.`
          : `Too many: only ${line.packable} of ${line.sku} ${line.name} can go in this shipment.`,
    };
  }
  return { ok: true, counts: { ...counts, [line.lineId]: n } };
}

/** The shipment's lines for CreateShipment: every counted line with its quantity, in the order's order. */
export function shipmentLines(lines: readonly PackLine[], counts: PackCounts): { lineId: string; quantity: number }[] {
  return lines.filter((l) => (counts[l.lineId] ?? 0) > 0).map((l) => ({ lineId: l.lineId, quantity: counts[l.lineId] }));
}

/** The counted goods' weight in grams, or null when nothing is counted or a counted product has no weight. */
export function countedWeightG(lines: readonly PackLine[], counts: PackCounts): number | null {
  let g = 0;
  let any = false;
  for (const l of lines) {
    const n = counts[l.lineId] ?? 0;
    if (n === 0) continue;
    if (l.unitWeightG <= 0) return null;
    g += l.unitWeightG * n;
    any = true;
  }
  return any ? g : null;
}

/** Whether every packable unit is counted (nothing is left over for another shipment). */
export function allCounted(lines: readonly PackLine[], counts: PackCounts): boolean {
  return lines.every((l) => (counts[l.lineId] ?? 0) >= l.packable);
}
