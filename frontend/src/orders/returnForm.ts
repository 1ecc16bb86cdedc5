import type { ReturnableLine, ReturnRequest } from '../api/returns';

export type Disposition = 'restock' | 'write_off';
export type RefundChoice = 'original' | 'store_credit' | 'none';

/** One line of the return form, as typed. */
export interface ReturnLineForm {
  orderLineId: string;
  quantity: string;
  disposition: Disposition;
  binId: string;
}

export interface ReturnForm {
  reason: string;
  note: string;
  refund: RefundChoice;
  refundMethodId: string;
  lines: ReturnLineForm[];
}

/** Errors by form key: "reason", "refund", "lines", or "<orderLineId>.quantity" / ".binId". */
export type ReturnErrors = Record<string, string>;

export type BuiltReturn = { ok: true; request: ReturnRequest } | { ok: false; errors: ReturnErrors };

/** Reasons offered in the form; any other text is fine too. */
export const RETURN_REASONS = ['Damaged in transit', 'Faulty', 'Wrong item sent', 'Not as described', 'No longer needed'] as const;

/**
 * gross × k / n rounded half away from zero, as the backend's shareOf does, so
 * the refund shown before saving is the refund recorded.
 */
function shareOf(gross: number, k: number, n: number): number {
  if (n <= 0) return 0;
  const g = BigInt(gross);
  const num = g * BigInt(k);
  const d = BigInt(n);
  let q = num / d;
  const r = num % d;
  const abs = r < 0n ? -r : r;
  if (r !== 0n && abs * 2n >= d) q += r > 0n ? 1n : -1n;
  return Number(q);
}

/** What returning qty more units of a line is worth, given what came back before (the backend's lineRefund). */
export function lineRefund(l: Pick<ReturnableLine, 'gross' | 'quantity' | 'returned'>, qty: number): number {
  return shareOf(l.gross, l.returned + qty, l.quantity) - shareOf(l.gross, l.returned, l.quantity);
}

/** A typed quantity: a whole number of at least 0, or null when it is not one. Empty is 0. */
export function parseQuantity(text: string): number | null {
  const t = text.trim();
  if (t === '') return 0;
  if (!/^\d+$/.test(t)) return null;
  const n = Number(t);
  return Number.isSafeInteger(n) ? n : null;
}

/**
 * Early validation of the return form and the request it makes: lines with no
 * quantity are left out, at least one must remain, none more than can still
 * come back, a bin for each restock. The backend checks everything again.
 */
export function buildReturn(f: ReturnForm, returnable: readonly ReturnableLine[]): BuiltReturn {
  const errors: ReturnErrors = {};
  const byId = new Map(returnable.map((l) => [l.orderLineId, l]));
  const lines: ReturnRequest['lines'] = [];
  for (const l of f.lines) {
    const r = byId.get(l.orderLineId);
    const qty = parseQuantity(l.quantity);
    if (qty === null) {
      errors[`${l.orderLineId}.quantity`] = 'Enter a whole number.';
      continue;
    }
    if (qty === 0 || !r) continue;
    if (qty > r.returnable) {
      errors[`${l.orderLineId}.quantity`] =
        r.returnable === 0 ? 'Nothing more of this line can come back.' : `At most ${r.returnable} can still come back.`;
      continue;
    }
    if (l.disposition === 'restock' && !l.binId) {
      errors[`${l.orderLineId}.binId`] = 'Choose the bin it goes back to.';
      continue;
    }
    lines.push({ orderLineId: l.orderLineId, quantity: qty, disposition: l.disposition, binId: l.disposition === 'restock' ? l.binId : '' });
  }
  if (lines.length === 0 && Object.keys(errors).length === 0) errors.lines = 'Enter how many of at least one line come back.';
  if (f.reason.trim() === '') errors.reason = 'Say why the goods came back.';
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    request: {
      reason: f.reason.trim(),
      note: f.note.trim(),
      lines,
      refund: f.refund,
      refundMethodId: f.refund === 'original' ? f.refundMethodId : '',
    },
  };
}

/** The refund the form would give: the sum of its lines' shares, 0 without a refund. */
export function refundPreview(f: ReturnForm, returnable: readonly ReturnableLine[]): number {
  if (f.refund === 'none') return 0;
  const byId = new Map(returnable.map((l) => [l.orderLineId, l]));
  let sum = 0;
  for (const l of f.lines) {
    const r = byId.get(l.orderLineId);
    const qty = parseQuantity(l.quantity);
    if (r && qty && qty <= r.returnable) sum += lineRefund(r, qty);
  }
  return sum;
}

/**
 * Maps a backend error field ("lines[1].quantity") onto the form key of that
 * line ("<orderLineId>.quantity"), using the request that was sent; other
 * fields stay as they are.
 */
export function formKey(field: string, request: ReturnRequest): string {
  const m = /^lines\[(\d+)\]\.(\w+)$/.exec(field);
  if (!m) return field;
  const line = request.lines[Number(m[1])];
  return line ? `${line.orderLineId}.${m[2] === 'orderLineId' ? 'quantity' : m[2]}` : 'lines';
}
