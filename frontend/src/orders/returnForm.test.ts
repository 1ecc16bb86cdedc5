import { describe, expect, it } from 'vitest';
import type { ReturnableLine } from '../api/returns';
import { buildReturn, formKey, lineRefund, parseQuantity, refundPreview, type ReturnForm } from './returnForm';

const line = (id: string, over: Partial<ReturnableLine> = {}): ReturnableLine => ({
  orderLineId: id,
  lineNo: 1,
  productId: 'p-' + id,
  sku: 'SKU-' + id,
  name: 'Product ' + id,
  quantity: 3,
  gross: 1000,
  shipped: 3,
  returned: 0,
  returnable: 3,
  ...over,
});

const form = (over: Partial<ReturnForm> = {}): ReturnForm => ({
  reason: 'Faulty',
  note: '',
  refund: 'original',
  refundMethodId: '',
  lines: [
    { orderLineId: 'a', quantity: '1', disposition: 'restock', binId: 'bin-1' },
    { orderLineId: 'b', quantity: '', disposition: 'restock', binId: '' },
  ],
  ...over,
});

describe('lineRefund', () => {
  it.each([
    // gross 1000 over 3 units: 333, 334 (667 - 333), 333 (1000 - 667): the shares add up to the gross.
    { returned: 0, qty: 1, want: 333 },
    { returned: 1, qty: 1, want: 334 },
    { returned: 2, qty: 1, want: 333 },
    { returned: 0, qty: 3, want: 1000 },
    { returned: 0, qty: 2, want: 667 },
  ])('returned $returned, $qty more: $want', ({ returned, qty, want }) => {
    expect(lineRefund({ gross: 1000, quantity: 3, returned }, qty)).toBe(want);
  });

  it('rounds a negative gross half away from zero too', () => {
    expect(lineRefund({ gross: -1000, quantity: 3, returned: 0 }, 2)).toBe(-667);
  });
});

describe('parseQuantity', () => {
  it.each([
    ['', 0],
    [' 2 ', 2],
    ['0', 0],
    ['-1', null],
    ['1.5', null],
    ['abc', null],
    ['99999999999999999999', null],
  ])('%j -> %j', (text, want) => {
    expect(parseQuantity(text)).toBe(want);
  });
});

describe('buildReturn', () => {
  const returnable = [line('a'), line('b', { returnable: 1, returned: 2 })];

  it('leaves out lines with no quantity and sends the rest', () => {
    const r = buildReturn(form(), returnable);
    expect(r).toEqual({
      ok: true,
      request: {
        reason: 'Faulty',
        note: '',
        refund: 'original',
        refundMethodId: '',
        lines: [{ orderLineId: 'a', quantity: 1, disposition: 'restock', binId: 'bin-1' }],
      },
    });
  });

  it('drops the bin of a write-off and the method of a refund that is not to the original payment', () => {
    const r = buildReturn(
      form({ refund: 'store_credit', refundMethodId: 'm-1', lines: [{ orderLineId: 'a', quantity: '2', disposition: 'write_off', binId: 'bin-1' }] }),
      returnable,
    );
    expect(r.ok && r.request).toMatchObject({ refundMethodId: '', lines: [{ disposition: 'write_off', binId: '' }] });
  });

  it.each([
    { name: 'no line', f: form({ lines: [{ orderLineId: 'a', quantity: '0', disposition: 'restock', binId: 'x' }] }), key: 'lines' },
    { name: 'no reason', f: form({ reason: '  ' }), key: 'reason' },
    { name: 'more than can come back', f: form({ lines: [{ orderLineId: 'b', quantity: '2', disposition: 'restock', binId: 'x' }] }), key: 'b.quantity' },
    { name: 'not a number', f: form({ lines: [{ orderLineId: 'a', quantity: '1,5', disposition: 'restock', binId: 'x' }] }), key: 'a.quantity' },
    { name: 'restock without a bin', f: form({ lines: [{ orderLineId: 'a', quantity: '1', disposition: 'restock', binId: '' }] }), key: 'a.binId' },
  ])('refuses $name', ({ f, key }) => {
    const r = buildReturn(f, returnable);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(Object.keys(r.errors)).toContain(key);
  });
});

describe('refundPreview', () => {
  it('sums the shares of the lines coming back, and is 0 without a refund', () => {
    const returnable = [line('a'), line('b', { gross: 500, quantity: 1, shipped: 1, returnable: 1 })];
    const f = form({ lines: [{ orderLineId: 'a', quantity: '1', disposition: 'restock', binId: 'x' }, { orderLineId: 'b', quantity: '1', disposition: 'write_off', binId: '' }] });
    expect(refundPreview(f, returnable)).toBe(833);
    expect(refundPreview({ ...f, refund: 'none' }, returnable)).toBe(0);
  });
});

describe('formKey', () => {
  const request = {
    reason: 'x',
    note: '',
    refund: 'original',
    refundMethodId: '',
    lines: [
      { orderLineId: 'a', quantity: 1, disposition: 'restock', binId: 'b1' },
      { orderLineId: 'b', quantity: 1, disposition: 'restock', binId: 'b2' },
    ],
  };
  it.each([
    ['lines[1].binId', 'b.binId'],
    ['lines[0].quantity', 'a.quantity'],
    ['lines[0].orderLineId', 'a.quantity'],
    ['lines[5].binId', 'lines'],
    ['reason', 'reason'],
  ])('%s -> %s', (field, want) => {
    expect(formKey(field, request)).toBe(want);
  });
});
