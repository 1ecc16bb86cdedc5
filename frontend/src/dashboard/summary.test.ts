import { describe, expect, it } from 'vitest';
import type { DashboardView } from '../api/dashboard';
import { bestDay, dayLabel, exceptionCount, exceptionItems, salesSeries, statusSeries } from './summary';

const exceptions: DashboardView['exceptions'] = {
  pendingRefunds: [{ orderId: 'o1', orderNumber: 'SO-1', amount: 500 }],
  pendingRefundCount: 1,
  pendingRefundAmount: 500,
  backorders: [{ orderId: 'o2', orderNumber: 'SO-2', productId: 'p1', sku: 'NUT', name: 'Nut', backordered: 4 }],
  backorderCount: 3,
  shipmentExceptions: [
    { shipmentId: 's1', number: 'SH-1', orderId: 'o3', orderNumber: 'SO-3', carrier: 'DHL', tracking: 'T1', updatedAt: '' },
  ],
  shipmentExceptionCount: 1,
  negativeStock: [{ productId: 'p2', sku: 'BOLT', name: 'Bolt', warehouseId: 'w', warehouseCode: 'MAIN', onHand: -3 }],
  negativeStockCount: 1,
};

describe('dayLabel', () => {
  it('reads the date from its digits', () => {
    expect(dayLabel('2026-03-05')).toBe('5 Mar');
    expect(dayLabel('2026-12-31')).toBe('31 Dec');
    expect(dayLabel('bad')).toBe('bad');
  });
});

describe('salesSeries', () => {
  it('keeps every day, zeros included, in major units', () => {
    const s = salesSeries(
      [
        { date: '2026-03-14', orders: 0, gross: 0 },
        { date: '2026-03-15', orders: 2, gross: 3770 },
      ],
      2,
    );
    expect(s).toEqual([
      { date: '2026-03-14', label: '14 Mar', gross: 0, grossMinor: 0, orders: 0 },
      { date: '2026-03-15', label: '15 Mar', gross: 37.7, grossMinor: 3770, orders: 2 },
    ]);
    expect(salesSeries([{ date: '2026-03-15', orders: 1, gross: 1500 }], 0)[0].gross).toBe(1500); // JPY
  });
});

describe('bestDay', () => {
  it('is the day with the most gross, or null when nothing sold', () => {
    const s = salesSeries(
      [
        { date: '2026-03-13', orders: 1, gross: 100 },
        { date: '2026-03-14', orders: 1, gross: 900 },
        { date: '2026-03-15', orders: 3, gross: 800 },
      ],
      2,
    );
    expect(bestDay(s)?.date).toBe('2026-03-14');
    expect(bestDay(salesSeries([{ date: '2026-03-15', orders: 0, gross: 0 }], 2))).toBeNull();
  });
});

describe('statusSeries', () => {
  it('orders statuses by lifecycle with labels and colours', () => {
    const s = statusSeries([
      { status: 'cancelled', orders: 1 },
      { status: 'draft', orders: 2 },
      { status: 'delivered', orders: 5 },
    ]);
    expect(s.map((p) => [p.label, p.orders, p.color])).toEqual([
      ['Draft', 2, 'gray.6'],
      ['Delivered', 5, 'green.6'],
      ['Cancelled', 1, 'red.6'],
    ]);
  });
});

describe('exceptionItems', () => {
  it('links each exception to where it is settled', () => {
    const items = exceptionItems(exceptions, 2, 'EUR');
    expect(items.map((i) => [i.kind, i.title, i.detail, i.to])).toEqual([
      ['refund', 'Refund to pay out on SO-1', '5.00 EUR', '/orders/o1'],
      ['shipment', 'Shipment SH-1 of SO-3: carrier exception', 'DHL · T1', '/orders/o3'],
      ['backorder', 'SO-2 waits for 4 × NUT', 'Nut', '/orders/backorders'],
      ['negative', 'BOLT is at -3 in MAIN', 'Bolt', '/stock/products/p2'],
    ]);
  });

  it('counts from the totals, not the capped lists', () => {
    expect(exceptionCount(exceptions)).toBe(6);
  });
});
