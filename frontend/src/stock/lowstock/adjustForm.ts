import type { AdjustmentInput } from '../../api/stock';

/** The most a single movement may move, as the Go service allows. */
export const MAX_QUANTITY = 1_000_000_000;
/** The longest reason the Go service accepts. */
export const MAX_REASON = 500;

/** The adjustment form's values: quantity is what the number input holds. */
export interface AdjustForm {
  warehouseId: string | null;
  binId: string | null;
  quantity: number | string;
  reason: string;
}

export const emptyAdjustment: AdjustForm = { warehouseId: null, binId: null, quantity: '', reason: '' };

/** The form fields a Go error may name; "productId" has no input and shows above the form. */
export const ADJUST_FIELDS = ['warehouseId', 'binId', 'quantity', 'reason'] as const;

/** Early checks before the adjustment goes to Go, which checks again; errors by field. */
export function validateAdjustment(v: AdjustForm): Partial<Record<(typeof ADJUST_FIELDS)[number], string>> {
  const errors: Partial<Record<(typeof ADJUST_FIELDS)[number], string>> = {};
  if (!v.warehouseId) errors.warehouseId = 'Choose the warehouse.';
  const q = typeof v.quantity === 'number' ? v.quantity : v.quantity.trim() === '' ? NaN : Number(v.quantity);
  if (!Number.isFinite(q)) errors.quantity = 'Enter how many to add (positive) or remove (negative).';
  else if (!Number.isInteger(q)) errors.quantity = 'The quantity must be a whole number.';
  else if (q === 0) errors.quantity = 'The quantity cannot be zero.';
  else if (Math.abs(q) > MAX_QUANTITY) errors.quantity = `The quantity must be at most ${MAX_QUANTITY}.`;
  const reason = v.reason.trim();
  if (!reason) errors.reason = 'Give a reason for the adjustment.';
  else if ([...reason].length > MAX_REASON) errors.reason = `The reason must be at most ${MAX_REASON} characters.`;
  return errors;
}

/** The binding's input from valid form values. */
export function adjustmentInput(productId: string, v: AdjustForm): AdjustmentInput {
  return {
    productId,
    warehouseId: v.warehouseId ?? '',
    binId: v.binId ?? '',
    quantity: Number(v.quantity),
    reason: v.reason.trim(),
  };
}
