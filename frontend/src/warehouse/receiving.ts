import type { PurchaseOrderLine } from '../api/stock';

/** A product being received now, gathered by scans. */
export interface ReceiptLine {
  productId: string;
  sku: string;
  name: string;
  quantity: number;
}

export interface ScanMessage {
  kind: 'ok' | 'error';
  text: string;
}

export interface ReceiptState {
  lines: ReceiptLine[];
  message: ScanMessage | null;
}

export type ReceiptAction =
  | { type: 'scan'; product: { id: string; sku: string; name: string }; quantity?: number }
  | { type: 'set'; productId: string; quantity: number }
  | { type: 'remove'; productId: string }
  | { type: 'message'; message: ScanMessage | null }
  | { type: 'reset' };

export const emptyReceipt: ReceiptState = { lines: [], message: null };

/** Scans add one item (or `quantity`) of a product; the last scanned product moves to the top. */
export function receiptReducer(state: ReceiptState, action: ReceiptAction): ReceiptState {
  switch (action.type) {
    case 'scan': {
      const n = action.quantity ?? 1;
      const have = state.lines.find((l) => l.productId === action.product.id);
      const line: ReceiptLine = have
        ? { ...have, quantity: have.quantity + n }
        : { productId: action.product.id, sku: action.product.sku, name: action.product.name, quantity: n };
      return {
        lines: [line, ...state.lines.filter((l) => l.productId !== action.product.id)],
        message: { kind: 'ok', text: `${line.sku}: ${line.quantity} scanned` },
      };
    }
    case 'set':
      return {
        ...state,
        lines: state.lines.map((l) => (l.productId === action.productId ? { ...l, quantity: Math.max(0, Math.trunc(action.quantity)) } : l)),
      };
    case 'remove':
      return { ...state, lines: state.lines.filter((l) => l.productId !== action.productId) };
    case 'message':
      return { ...state, message: action.message };
    case 'reset':
      return emptyReceipt;
  }
}

/** What is still to come of a product on the order (never below zero). */
export function remainingFor(poLines: readonly PurchaseOrderLine[], productId: string): number {
  return poLines.filter((l) => l.productId === productId).reduce((sum, l) => sum + Math.max(0, l.quantity - l.received), 0);
}

/** The lines that would receive more than is still to come: these need a confirmation. */
export function overReceipts(lines: readonly ReceiptLine[], poLines: readonly PurchaseOrderLine[]) {
  return lines
    .filter((l) => l.quantity > remainingFor(poLines, l.productId))
    .map((l) => ({ sku: l.sku, receiving: l.quantity, remaining: remainingFor(poLines, l.productId) }));
}

/** The order's line for a code typed in full as its SKU (a scanned SKU label), if any. */
export function poLineBySKU(poLines: readonly PurchaseOrderLine[], code: string): PurchaseOrderLine | undefined {
  const c = code.trim().toLowerCase();
  return poLines.find((l) => l.sku.toLowerCase() === c);
}

/** Maps a Go error path "lines.N.field" of a receive request to the receipt line it concerns. */
export function lineOfError(field: string, lines: readonly ReceiptLine[]): ReceiptLine | undefined {
  const m = /^lines\.(\d+)\./.exec(field);
  return m ? lines.filter((l) => l.quantity > 0)[Number(m[1])] : undefined;
}
