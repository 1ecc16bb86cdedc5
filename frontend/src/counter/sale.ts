// Pure helpers of the counter screen: what the scan field means, percentages
// typed as text, and the workstation's remembered warehouse.

/** The most a single scan may add; more is almost surely a slip (a barcode typed into the multiplier). */
export const MAX_SCAN_QUANTITY = 9999;

export type ParsedScan = { ok: true; code: string; quantity: number } | { ok: false; error: string };

/**
 * Reads the scan field: "CODE" scans one, "3*CODE" scans three. Spaces around
 * the star are allowed; the code itself is kept as typed (trimmed).
 */
export function parseScan(text: string): ParsedScan {
  const t = text.trim();
  if (t === '') return { ok: false, error: 'Scan a barcode or type a SKU.' };
  const m = /^(\d+)\s*\*\s*(.*)$/s.exec(t);
  if (!m) return { ok: true, code: t, quantity: 1 };
  const quantity = Number(m[1]);
  const code = m[2].trim();
  if (code === '') return { ok: false, error: `Type the code after “${m[1]}*”.` };
  if (quantity < 1) return { ok: false, error: 'The quantity before * must be at least 1.' };
  if (quantity > MAX_SCAN_QUANTITY) return { ok: false, error: `At most ${MAX_SCAN_QUANTITY} at once.` };
  return { ok: true, code, quantity };
}

/**
 * A percentage as typed ("10", "12.5", "7,25 %") in basis points (1250 for
 * 12.5 %). Null when it is not a number from 0 to 100 with at most 2 decimals.
 */
export function parsePercent(text: string): number | null {
  const t = text.trim().replace(/\s*%$/, '').replace(',', '.');
  if (t === '') return 0;
  const m = /^(\d{1,3})(?:\.(\d{0,2}))?$/.exec(t);
  if (!m) return null;
  const bps = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  return bps <= 10000 ? bps : null;
}

/** Basis points as a percentage for display and editing: 1250 -> "12.5", 1000 -> "10", 0 -> "0". */
export function percentText(bps: number): string {
  const whole = Math.trunc(bps / 100);
  const frac = Math.abs(bps % 100);
  if (frac === 0) return String(whole);
  return `${whole}.${String(frac).padStart(2, '0').replace(/0$/, '')}`;
}

/** A whole quantity as typed, or null when it is not a whole number of at least 1. */
export function parseQuantity(text: string): number | null {
  const t = text.trim();
  if (!/^\d{1,9}$/.test(t)) return null;
  const n = Number(t);
  return n >= 1 ? n : null;
}

const WAREHOUSE_KEY = 'oms.counter.warehouseId';

/** The warehouse this workstation sells from: the remembered one if it still exists, else the first. */
export function stationWarehouse(remembered: string | null, warehouses: readonly { id: string }[]): string | null {
  if (remembered && warehouses.some((w) => w.id === remembered)) return remembered;
  return warehouses[0]?.id ?? null;
}

export function rememberedWarehouse(): string | null {
  try {
    return localStorage.getItem(WAREHOUSE_KEY);
  } catch {
    return null;
  }
}

export function rememberWarehouse(id: string): void {
  try {
    localStorage.setItem(WAREHOUSE_KEY, id);
  } catch {
    // A workstation without storage chooses again next time.
  }
}
