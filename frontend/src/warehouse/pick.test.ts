import { describe, expect, it } from 'vitest';
import type { PickLine } from '../api/shipments';
import { mergePickLines, pickProgress, waveFromSearch } from './pick';

const line = (p: Partial<PickLine>): PickLine => ({
  lineId: 'l',
  orderId: 'o1',
  orderNumber: 'A-1',
  productId: 'p',
  sku: 'SKU',
  name: 'Name',
  quantity: 1,
  toPick: 1,
  picked: 0,
  backordered: 0,
  bin: '',
  binSortKey: '',
  ...p,
});

describe('mergePickLines', () => {
  it('merges the lines of one product across orders and sums them', () => {
    const rows = mergePickLines([
      line({ lineId: 'a', orderNumber: 'A-1', productId: 'p1', sku: 'CAB', toPick: 3, picked: 1, bin: 'A-01', binSortKey: 'a01' }),
      line({ lineId: 'b', orderNumber: 'A-2', productId: 'p1', sku: 'CAB', toPick: 2, picked: 2, backordered: 1, bin: 'A-01', binSortKey: 'a01' }),
    ]);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ productId: 'p1', toPick: 5, picked: 3, backordered: 1, open: 2, orders: ['A-1', 'A-2'] });
  });

  it('sorts by bin sort key, then SKU, with products in no bin last', () => {
    const rows = mergePickLines([
      line({ productId: 'none', sku: 'AAA' }),
      line({ productId: 'b2', sku: 'ZED', bin: 'B-02', binSortKey: 'b0002' }),
      line({ productId: 'a10', sku: 'MID', bin: 'A-10', binSortKey: 'a0010' }),
      line({ productId: 'a2', sku: 'XYZ', bin: 'A-2', binSortKey: 'a0002' }),
      line({ productId: 'a2b', sku: 'ABC', bin: 'A-2', binSortKey: 'a0002' }),
    ]);
    expect(rows.map((r) => r.sku)).toEqual(['ABC', 'XYZ', 'MID', 'ZED', 'AAA']);
  });

  it('takes the bin from any line of the product that has one', () => {
    const rows = mergePickLines([line({ productId: 'p', bin: '' }), line({ productId: 'p', bin: 'C-1', binSortKey: 'c1' })]);
    expect(rows[0].bin).toBe('C-1');
  });

  it('never shows a negative open quantity', () => {
    expect(mergePickLines([line({ toPick: 1, picked: 2 })])[0].open).toBe(0);
  });
});

describe('pickProgress', () => {
  it('is done when nothing is open, counting backorders as settled', () => {
    const rows = mergePickLines([
      line({ productId: 'a', toPick: 2, picked: 2 }),
      line({ productId: 'b', quantity: 3, toPick: 1, picked: 1, backordered: 2 }),
    ]);
    expect(pickProgress(rows)).toEqual({ toPick: 3, picked: 3, backordered: 2, open: 0, percent: 100, done: true });
  });

  it('is not done while units are open, nor for an empty wave', () => {
    const p = pickProgress(mergePickLines([line({ toPick: 4, picked: 1 })]));
    expect(p.done).toBe(false);
    expect(p.percent).toBe(25);
    expect(pickProgress([]).done).toBe(false);
  });
});

describe('waveFromSearch', () => {
  it.each([
    ['?orders=a,b', ['a', 'b']],
    ['?orders=a,%20b,,a', ['a', 'b']],
    ['', []],
    ['?other=x', []],
  ])('%s', (search, want) => expect(waveFromSearch(search)).toEqual(want));
});
