import { describe, expect, it } from 'vitest';
import { lowStockBadgeLabel, lowStockMessage, lowStockMessages } from './lowStockText';

const line = (sku: string) => ({ productId: sku, sku, name: `Name ${sku}`, warehouseId: 'w', warehouse: 'MAIN', available: 3, reorderPoint: 10 });

describe('low-stock text', () => {
  it('names the product, what is available and the reorder point', () => {
    expect(lowStockMessage(line('LOW-1'))).toBe('Low stock: LOW-1 Name LOW-1 (available 3, reorder point 10) in MAIN');
  });

  it('notifies each of the first three and sums up the rest', () => {
    expect(lowStockMessages([])).toEqual([]);
    const msgs = lowStockMessages(['A', 'B', 'C', 'D', 'E'].map(line));
    expect(msgs).toHaveLength(4);
    expect(msgs[3]).toBe('Low stock: 2 more products fell below the reorder point');
    expect(lowStockMessages(['A', 'B', 'C', 'D'].map(line))[3]).toBe('Low stock: 1 more product fell below the reorder point');
  });

  it('labels the badge', () => {
    expect(lowStockBadgeLabel(1)).toBe('1 low-stock line');
    expect(lowStockBadgeLabel(4)).toBe('4 low-stock lines');
  });
});
