import type { PurchaseOrderLine, PurchaseOrderLineInput } from '../api/stock';
import { formatMinor, moneyError, parseMoney } from '../stock/money';

/** A line of a draft purchase order being edited: quantity and cost as typed. */
export interface EditLine {
  key: number;
  productId: string;
  sku: string;
  name: string;
  quantity: number | string;
  unitCost: string;
}

/** The editable form of a draft's lines. */
export function toEditLines(lines: readonly PurchaseOrderLine[], minorUnits: number): EditLine[] {
  return lines.map((l, i) => ({
    key: i + 1,
    productId: l.productId,
    sku: l.sku,
    name: l.name,
    quantity: l.quantity,
    unitCost: formatMinor(l.unitCost, minorUnits),
  }));
}

/** Adds a product as a new line, or one more of it when it is already on the order. */
export function addProduct(lines: readonly EditLine[], p: { id: string; sku: string; name: string; cost: number }, minorUnits: number): EditLine[] {
  if (lines.some((l) => l.productId === p.id)) {
    return lines.map((l) => (l.productId === p.id ? { ...l, quantity: (Number(l.quantity) || 0) + 1 } : l));
  }
  const key = lines.reduce((m, l) => Math.max(m, l.key), 0) + 1;
  return [...lines, { key, productId: p.id, sku: p.sku, name: p.name, quantity: 1, unitCost: formatMinor(p.cost, minorUnits) }];
}

/** Early checks before Go sees the lines, keyed like Go's fields ("lines.N.quantity"). */
export function editLineErrors(lines: readonly EditLine[], minorUnits: number): Record<string, string> {
  const errs: Record<string, string> = {};
  lines.forEach((l, i) => {
    const q = Number(l.quantity);
    if (!Number.isInteger(q) || q < 1) errs[`lines.${i}.quantity`] = 'At least 1.';
    const m = l.unitCost.trim() === '' ? 'Enter the unit cost.' : moneyError(l.unitCost, minorUnits, 'The unit cost');
    if (m) errs[`lines.${i}.unitCost`] = m;
  });
  return errs;
}

/** The lines as UpdatePurchaseOrder takes them; call after editLineErrors found none. */
export function toLineInputs(lines: readonly EditLine[], minorUnits: number): PurchaseOrderLineInput[] {
  return lines.map((l) => ({ productId: l.productId, quantity: Math.trunc(Number(l.quantity)), unitCost: parseMoney(l.unitCost, minorUnits) ?? 0 }));
}
