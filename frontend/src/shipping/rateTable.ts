import type { RateBand, ShippingRate, ShippingZone } from '../api/shipping';
import { formatMinor, parseMoney } from '../stock/money';

// The rate table editor's model: weight bands (rows) by zones (columns) of
// one service, prices typed in the company currency. Saving replaces each
// zone's table with the rows that have a price in its column.

/** The heaviest band the backend accepts (shipping.MaxWeightG): 100 t. */
export const MAX_WEIGHT_G = 100_000_000;

/**
 * Parses a weight in kilograms as people type it ("31.5", "31,5", "0.25",
 * "2") into whole grams. Null when it is not a positive weight of at most
 * three decimals.
 */
export function parseKg(text: string): number | null {
  const t = text.trim().replace(/\s/g, '').replace(/kg$/i, '');
  const m = /^(\d+)(?:[.,](\d{0,3}))?$/.exec(t);
  if (!m) return null;
  const g = Number(m[1]) * 1000 + Number((m[2] ?? '').padEnd(3, '0'));
  return Number.isSafeInteger(g) && g >= 1 && g <= MAX_WEIGHT_G ? g : null;
}

/** Grams as kilograms with no trailing zeros: 31500 -> "31.5", 250 -> "0.25". */
export function formatKg(g: number): string {
  const whole = Math.trunc(g / 1000);
  const frac = String(g % 1000).padStart(3, '0').replace(/0+$/, '');
  return frac ? `${whole}.${frac}` : String(whole);
}

/** One row of the grid: a band's upper weight and its price text per zone id. */
export interface RateRow {
  key: string;
  weight: string;
  prices: Record<string, string>;
}

let nextKey = 0;
export function newRow(zones: readonly ShippingZone[]): RateRow {
  nextKey += 1;
  return { key: `row-${nextKey}`, weight: '', prices: Object.fromEntries(zones.map((z) => [z.id, ''])) };
}

/** The grid of a service's rates: one row per distinct weight, lightest first. */
export function rowsFromRates(rates: readonly ShippingRate[], zones: readonly ShippingZone[], minorUnits: number): RateRow[] {
  const weights = [...new Set(rates.map((r) => r.maxWeightG))].sort((a, b) => a - b);
  return weights.map((w) => {
    const row = newRow(zones);
    row.weight = formatKg(w);
    for (const r of rates) if (r.maxWeightG === w && r.zoneId in row.prices) row.prices[r.zoneId] = formatMinor(r.price, minorUnits);
    return row;
  });
}

/** Errors by cell: "weight:<rowKey>" or "price:<rowKey>:<zoneId>". */
export type GridErrors = Record<string, string>;

export const weightCell = (rowKey: string) => `weight:${rowKey}`;
export const priceCell = (rowKey: string, zoneId: string) => `price:${rowKey}:${zoneId}`;

/** The tables to save, one per zone, with which row each band came from (to put backend errors back on the grid). */
export interface ZoneTable {
  zoneId: string;
  bands: RateBand[];
  rowKeys: string[];
}

/**
 * Checks the grid and turns it into one table per zone. A row without any
 * price is ignored when its weight is empty too; an empty price cell means
 * the zone has no band at that weight.
 */
export function tablesFromRows(
  rows: readonly RateRow[],
  zones: readonly ShippingZone[],
  minorUnits: number,
): { tables: ZoneTable[]; errors: GridErrors } {
  const errors: GridErrors = {};
  const seen = new Map<number, string>();
  const parsed: { row: RateRow; grams: number }[] = [];
  for (const row of rows) {
    const hasPrice = zones.some((z) => (row.prices[z.id] ?? '').trim() !== '');
    if (row.weight.trim() === '' && !hasPrice) continue;
    const grams = parseKg(row.weight);
    if (grams === null) {
      errors[weightCell(row.key)] = 'Enter the weight in kg, such as 5 or 31.5.';
      continue;
    }
    if (seen.has(grams)) {
      errors[weightCell(row.key)] = `Another band goes up to ${formatKg(grams)} kg.`;
      continue;
    }
    seen.set(grams, row.key);
    if (!hasPrice) {
      errors[weightCell(row.key)] = 'Enter a price for at least one zone, or remove the band.';
      continue;
    }
    parsed.push({ row, grams });
  }
  parsed.sort((a, b) => a.grams - b.grams);
  const tables: ZoneTable[] = zones.map((z) => ({ zoneId: z.id, bands: [], rowKeys: [] }));
  for (const { row, grams } of parsed) {
    zones.forEach((z, i) => {
      const text = (row.prices[z.id] ?? '').trim();
      if (text === '') return;
      const price = parseMoney(text, minorUnits);
      if (price === null) {
        errors[priceCell(row.key, z.id)] =
          minorUnits > 0 ? `Enter a price such as 4.${'9'.padEnd(minorUnits, '9')}.` : 'Enter a whole price.';
        return;
      }
      tables[i].bands.push({ maxWeightG: grams, price });
      tables[i].rowKeys.push(row.key);
    });
  }
  return { tables, errors };
}

/** The grid cell a backend error on "bands[i].maxWeightG" / "bands[i].price" of a zone's table belongs to. */
export function cellForBandError(field: string, table: ZoneTable): string | null {
  const m = /^bands\[(\d+)\]\.(maxWeightG|price)$/.exec(field);
  if (!m) return null;
  const key = table.rowKeys[Number(m[1])];
  if (!key) return null;
  return m[2] === 'price' ? priceCell(key, table.zoneId) : weightCell(key);
}
