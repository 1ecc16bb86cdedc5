import { describe, expect, it } from 'vitest';
import type { PurchaseOrderLine } from '../api/stock';
import { emptyReceipt, lineOfError, overReceipts, poLineBySKU, receiptReducer, remainingFor } from './receiving';

const bolt = { id: 'p1', sku: 'BOLT-10', name: 'Bolt' };
const nut = { id: 'p2', sku: 'NUT-10', name: 'Nut' };
const poLines: PurchaseOrderLine[] = [
  { id: 'l1', lineNo: 1, productId: 'p1', sku: 'BOLT-10', name: 'Bolt', quantity: 5, received: 1, unitCost: 100 },
  { id: 'l2', lineNo: 2, productId: 'p2', sku: 'NUT-10', name: 'Nut', quantity: 2, received: 0, unitCost: 10 },
];

describe('receipt reducer', () => {
  it('adds one per scan and moves the last scanned product to the top', () => {
    let s = emptyReceipt;
    for (const p of [bolt, bolt, nut, bolt]) s = receiptReducer(s, { type: 'scan', product: p });
    expect(s.lines.map((l) => [l.sku, l.quantity])).toEqual([
      ['BOLT-10', 3],
      ['NUT-10', 1],
    ]);
    expect(s.message).toEqual({ kind: 'ok', text: 'BOLT-10: 3 scanned' });
  });

  it('sets, removes and resets', () => {
    let s = receiptReducer(emptyReceipt, { type: 'scan', product: bolt });
    s = receiptReducer(s, { type: 'set', productId: 'p1', quantity: 7.8 });
    expect(s.lines[0].quantity).toBe(7);
    s = receiptReducer(s, { type: 'set', productId: 'p1', quantity: -2 });
    expect(s.lines[0].quantity).toBe(0);
    s = receiptReducer(s, { type: 'remove', productId: 'p1' });
    expect(s.lines).toEqual([]);
    expect(receiptReducer(s, { type: 'reset' })).toEqual(emptyReceipt);
  });
});

describe('over-receipt', () => {
  it('knows what is still to come and which lines exceed it', () => {
    expect(remainingFor(poLines, 'p1')).toBe(4);
    expect(remainingFor(poLines, 'p3')).toBe(0);
    let s = emptyReceipt;
    for (let i = 0; i < 4; i++) s = receiptReducer(s, { type: 'scan', product: bolt });
    expect(overReceipts(s.lines, poLines)).toEqual([]);
    s = receiptReducer(s, { type: 'scan', product: bolt });
    expect(overReceipts(s.lines, poLines)).toEqual([{ sku: 'BOLT-10', receiving: 5, remaining: 4 }]);
  });

  it('finds a line by SKU and maps error paths to lines', () => {
    expect(poLineBySKU(poLines, ' nut-10 ')?.id).toBe('l2');
    expect(poLineBySKU(poLines, 'x')).toBeUndefined();
    const lines = [
      { productId: 'p1', sku: 'BOLT-10', name: 'Bolt', quantity: 0 },
      { productId: 'p2', sku: 'NUT-10', name: 'Nut', quantity: 3 },
    ];
    expect(lineOfError('lines.0.quantity', lines)?.sku).toBe('NUT-10');
    expect(lineOfError('supplierId', lines)).toBeUndefined();
  });
});
