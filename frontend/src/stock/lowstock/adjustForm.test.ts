import { describe, expect, it } from 'vitest';
import { adjustmentInput, emptyAdjustment, validateAdjustment } from './adjustForm';

const ok = { warehouseId: 'w1', binId: 'b1', quantity: -3, reason: 'Damaged' };

describe('adjustment form', () => {
  it.each([
    ['a valid removal', ok, {}],
    ['a valid addition without a bin', { ...ok, binId: null, quantity: '7' }, {}],
    ['nothing filled in', emptyAdjustment, { warehouseId: 'Choose the warehouse.', quantity: expect.stringMatching(/how many/), reason: 'Give a reason for the adjustment.' }],
    ['zero', { ...ok, quantity: 0 }, { quantity: 'The quantity cannot be zero.' }],
    ['a fraction', { ...ok, quantity: 1.5 }, { quantity: 'The quantity must be a whole number.' }],
    ['text', { ...ok, quantity: 'abc' }, { quantity: expect.stringMatching(/how many/) }],
    ['an absurd quantity', { ...ok, quantity: -2_000_000_000 }, { quantity: 'The quantity must be at most 1000000000.' }],
    ['a blank reason', { ...ok, reason: '   ' }, { reason: 'Give a reason for the adjustment.' }],
    ['a 10,000-character reason', { ...ok, reason: 'x'.repeat(10_000) }, { reason: 'The reason must be at most 500 characters.' }],
    ['an emoji reason of 500 characters', { ...ok, reason: '📦'.repeat(500) }, {}],
  ])('%s', (_name, values, want) => {
    expect(validateAdjustment(values)).toEqual(want);
  });

  it('builds the binding input with a signed whole quantity and a trimmed reason', () => {
    expect(adjustmentInput('p1', { ...ok, quantity: '-3', reason: ' Damaged ' })).toEqual({
      productId: 'p1',
      warehouseId: 'w1',
      binId: 'b1',
      quantity: -3,
      reason: 'Damaged',
    });
    expect(adjustmentInput('p1', { ...ok, binId: null }).binId).toBe('');
  });
});
