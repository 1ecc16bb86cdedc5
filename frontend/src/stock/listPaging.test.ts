import { describe, expect, it } from 'vitest';
import { pagesFor, rowCountFor, totalText } from './listPaging';

describe('list paging', () => {
  it('asks for each visible page once', () => {
    expect(pagesFor([95, 96, 97, 98, 99, 100, 101], 100)).toEqual([0, 1]);
    expect(pagesFor([], 100)).toEqual([]);
    expect(pagesFor([299_950, 299_999], 100)).toEqual([2999]);
  });

  it('caps a search at 10,000 rows but lists everything without one', () => {
    expect(rowCountFor(10_001, true)).toBe(10_000);
    expect(rowCountFor(300_000, false)).toBe(300_000);
    expect(totalText(10_001, true)).toMatch(/^More than 10,000 products/);
    expect(totalText(300_000, false)).toBe('300,000 products');
    expect(totalText(1, true)).toBe('1 product');
  });
});
