import type { DrawerCount, DrawerLine } from '../api/cash';
import type { ApiError } from '../api/errors';
import type { PaymentMethod } from '../api/orders';
import { MAX_MINOR, parseMoney } from '../stock/money';

// What the drawer screen works out before asking the backend: which methods
// are counted at closing, what a typed count differs from the expected amount,
// and where a refused close belongs. The backend checks everything again.

/**
 * Whether a method's takings are counted at closing (order.countable): the cash
 * in the drawer and the card terminal's end-of-day total. Transfers, PayPal, on
 * account, gift cards and store credit leave nothing at the counter to count.
 */
export function countable(kind: string): boolean {
  return kind === 'cash' || kind === 'card';
}

/** One method of the closing count. */
export interface CountRow {
  methodId: string;
  methodName: string;
  methodKind: string;
  /** What the session expects: payments minus refunds, the float included for cash. */
  expected: number;
  /** How many payments, refunds and pay-outs the session had with it. */
  count: number;
  /** Counted methods must be counted (they took money, or hold the float); others may be. */
  required: boolean;
  /** False for methods with nothing at the counter to count: shown, never sent. */
  countable: boolean;
}

/**
 * The rows of the closing count: every method of the open session's report
 * (countable ones required, the rest shown for the record), then the other
 * active cash and card methods, which may be counted (a second terminal with
 * no sales yet, say).
 */
export function countRows(lines: readonly DrawerLine[], methods: readonly PaymentMethod[]): CountRow[] {
  const rows: CountRow[] = lines.map((l) => ({
    methodId: l.methodId,
    methodName: l.methodName,
    methodKind: l.methodKind,
    expected: l.expected,
    count: l.count,
    required: countable(l.methodKind),
    countable: countable(l.methodKind),
  }));
  for (const m of methods) {
    if (!m.active || !countable(m.kind) || rows.some((r) => r.methodId === m.id)) continue;
    rows.push({ methodId: m.id, methodName: m.name, methodKind: m.kind, expected: 0, count: 0, required: false, countable: true });
  }
  return rows;
}

export type ParsedAmount = { ok: true; value: number } | { ok: false; error: string };

/**
 * Parses a money input of the drawer (float or count), refusing negative and
 * malformed amounts with a sentence that says which. Empty is an error too;
 * callers that allow it check first.
 */
export function parseDrawerAmount(text: string, minorUnits: number, what: string): ParsedAmount {
  const t = text.trim();
  const example = minorUnits > 0 ? `100.${'0'.repeat(minorUnits)}` : '100';
  if (t === '') return { ok: false, error: `Enter ${what}, such as ${example}.` };
  if (/^[-−]/.test(t)) return { ok: false, error: `${capitalize(what)} cannot be negative.` };
  const v = parseMoney(t, minorUnits);
  if (v === null) {
    return {
      ok: false,
      error:
        minorUnits > 0
          ? `Enter ${what} as an amount such as ${example}, with at most ${minorUnits} decimals.`
          : `Enter ${what} as a whole amount such as ${example}.`,
    };
  }
  if (v > MAX_MINOR) return { ok: false, error: `${capitalize(what)} is too large.` };
  return { ok: true, value: v };
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** A typed count against the expected amount: counted and difference (counted - expected), null until it parses. */
export interface CountState {
  counted: number | null;
  difference: number | null;
  error: string | null;
}

export function countState(text: string, expected: number, minorUnits: number): CountState {
  if (text.trim() === '') return { counted: null, difference: null, error: null };
  const p = parseDrawerAmount(text, minorUnits, 'the counted amount');
  if (!p.ok) return { counted: null, difference: null, error: p.error };
  return { counted: p.value, difference: p.value - expected, error: null };
}

/** "short" below the expected amount, "over" above it, "even" when it matches. */
export function differenceKind(difference: number): 'short' | 'over' | 'even' {
  return difference < 0 ? 'short' : difference > 0 ? 'over' : 'even';
}

export type BuiltCounts = { ok: true; counts: DrawerCount[] } | { ok: false; errors: Record<string, string> };

/**
 * The counts CloseDrawer takes from what was typed, by method id: a required
 * method left empty or any malformed count is refused next to its input; an
 * optional one left empty is not sent.
 */
export function buildCounts(rows: readonly CountRow[], texts: Readonly<Record<string, string>>, minorUnits: number): BuiltCounts {
  const counts: DrawerCount[] = [];
  const errors: Record<string, string> = {};
  for (const r of rows) {
    if (!r.countable) continue;
    const text = texts[r.methodId] ?? '';
    if (text.trim() === '') {
      if (r.required) errors[r.methodId] = `Enter the amount counted for ${r.methodName}.`;
      continue;
    }
    const p = parseDrawerAmount(text, minorUnits, 'the counted amount');
    if (p.ok) counts.push({ methodId: r.methodId, counted: p.value });
    else errors[r.methodId] = p.error;
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, counts };
}

/** Where a refused close belongs: next to a method's count, the note, or above the form. */
export type CloseErrorTarget = { methodId: string } | { field: 'note' } | { general: true };

/**
 * Maps CloseDrawer's coded error to its input: "counts[i].counted" and
 * "counts[i].methodId" name the i-th count sent; "note" the note. "counts"
 * (a method not counted) and "drawer" (not open) go above the form.
 */
export function closeErrorTarget(err: ApiError, sent: readonly DrawerCount[]): CloseErrorTarget {
  const m = /^counts\[(\d+)\]\./.exec(err.field);
  if (m) {
    const c = sent[Number(m[1])];
    if (c) return { methodId: c.methodId };
  }
  if (err.field === 'note') return { field: 'note' };
  return { general: true };
}

/** A difference with its sign, so "over" reads as such: +1.00 EUR, -1.00 EUR, 0.00 EUR. */
export function signedMoney(minor: number, money: (minor: number) => string): string {
  return minor > 0 ? `+${money(minor)}` : money(minor);
}
