import { describe, expect, it } from 'vitest';
import { addProduct, editLineErrors, toEditLines, toLineInputs } from './poDraft';

const lines = [{ id: 'l1', lineNo: 1, productId: 'p1', sku: 'BOLT', name: 'Bolt', quantity: 5, received: 0, unitCost: 1250 }];

describe('poDraft', () => {
  it('round-trips a draft', () => {
    const edit = toEditLines(lines, 2);
    expect(edit[0].unitCost).toBe('12.50');
    expect(toLineInputs(edit, 2)).toEqual([{ productId: 'p1', quantity: 5, unitCost: 1250 }]);
  });

  it('adds a new product with its cost, or one more of a listed one', () => {
    const edit = toEditLines(lines, 2);
    const more = addProduct(edit, { id: 'p1', sku: 'BOLT', name: 'Bolt', cost: 1 }, 2);
    expect(more).toHaveLength(1);
    expect(more[0].quantity).toBe(6);
    const added = addProduct(edit, { id: 'p2', sku: 'NUT', name: 'Nut', cost: 30 }, 2);
    expect(added.map((l) => [l.key, l.unitCost, l.quantity])).toEqual([
      [1, '12.50', 5],
      [2, '0.30', 1],
    ]);
  });

  it.each([
    ['valid', 3, '1.00', {}],
    ['zero quantity', 0, '1.00', { 'lines.0.quantity': 'At least 1.' }],
    ['fractional quantity', 1.5, '1.00', { 'lines.0.quantity': 'At least 1.' }],
    ['empty quantity', '', '1.00', { 'lines.0.quantity': 'At least 1.' }],
    ['empty cost', 1, ' ', { 'lines.0.unitCost': 'Enter the unit cost.' }],
  ])('checks %s', (_, quantity, unitCost, want) => {
    expect(editLineErrors([{ key: 1, productId: 'p1', sku: 'B', name: 'B', quantity, unitCost }], 2)).toEqual(want);
  });

  it('refuses a malformed cost', () => {
    expect(Object.keys(editLineErrors([{ key: 1, productId: 'p1', sku: 'B', name: 'B', quantity: 1, unitCost: 'abc' }], 2))).toEqual([
      'lines.0.unitCost',
    ]);
  });
});
