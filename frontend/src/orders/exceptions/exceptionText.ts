// Display helpers and early checks for the sync exceptions managers settle.
// The backend settles (and refuses what does not fit); this only offers the
// choices that can work and names things.
import type { ExceptionView, Resolution } from '../../api/sync';

export const KIND_LABELS: Readonly<Record<string, string>> = {
  oversold: 'Oversold',
  cancel_ship: 'Cancelled and shipped',
};

export function kindLabel(kind: string): string {
  return KIND_LABELS[kind] ?? kind;
}

export const RESOLUTION_LABELS: Readonly<Record<Resolution, string>> = {
  backorder: 'Backorder one order',
  transfer: 'Transfer stock in',
  refund: 'Refund the customer',
  accept: 'Accept as is',
};

export const RESOLUTION_HINTS: Readonly<Record<Resolution, string>> = {
  backorder: 'The chosen order’s reserved units go back to backorder, as many as are short.',
  transfer: 'Done in Warehouse → Transfers; this records that it was.',
  refund: 'Done on the order page; this records that it was.',
  accept: 'The goods were found, or a count will correct the stock.',
};

type Settleable = Pick<ExceptionView, 'kind' | 'status' | 'orderList'>;

/** The involved orders that still hold some of the product: the ones a backorder can take units from. */
export function backorderChoices(e: Pick<ExceptionView, 'orderList'>) {
  return e.orderList.filter((o) => o.found && o.reserved > 0);
}

/** The resolutions that can settle this exception: backorder only for an oversell with an order still holding units. */
export function allowedResolutions(e: Settleable): Resolution[] {
  if (e.status !== 'open') return [];
  const out: Resolution[] = [];
  if (e.kind === 'oversold' && backorderChoices(e).length > 0) out.push('backorder');
  if (e.kind === 'oversold') out.push('transfer');
  out.push('refund', 'accept');
  return out;
}

export const MAX_NOTE = 500;

export interface SettleFormValues {
  resolution: Resolution | '';
  orderId: string;
  note: string;
}

/** Early checks before the backend's. */
export function validateSettle(e: Settleable, v: SettleFormValues): Partial<Record<keyof SettleFormValues, string>> {
  const errors: Partial<Record<keyof SettleFormValues, string>> = {};
  if (v.resolution === '' || !allowedResolutions(e).includes(v.resolution)) errors.resolution = 'Choose how it was settled.';
  if (v.resolution === 'backorder' && !backorderChoices(e).some((o) => o.id === v.orderId))
    errors.orderId = 'Choose the order to backorder.';
  if ([...v.note.trim()].length > MAX_NOTE) errors.note = `The note must be at most ${MAX_NOTE} characters.`;
  return errors;
}

/** The settlement sent to the backend: the order only for a backorder. */
export function settlementOf(v: SettleFormValues): { resolution: Resolution; orderId: string; note: string } {
  const resolution = v.resolution as Resolution;
  return { resolution, orderId: resolution === 'backorder' ? v.orderId : '', note: v.note.trim() };
}

/** "N sync exceptions to settle", for the dashboard. */
export function openExceptionsText(n: number): string {
  return `${n} sync ${n === 1 ? 'exception' : 'exceptions'} to settle`;
}
