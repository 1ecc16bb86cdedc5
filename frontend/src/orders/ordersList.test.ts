import { describe, expect, it } from 'vitest';
import {
  PAYMENT_STATUS,
  PAYMENT_STATUSES,
  addressLines,
  filterFromParams,
  ordersText,
  paramsFromFilter,
  paymentStatusBadge,
  rangeError,
} from './ordersList';

describe('orders list filter in the URL', () => {
  it('round-trips and leaves out what is empty', () => {
    const f = {
      status: 'delivered',
      paymentStatus: 'partly_paid',
      channel: 'counter',
      customerId: 'c1',
      from: '2026-11-01',
      to: '',
      query: '0012',
    };
    const params = paramsFromFilter(f);
    expect(params.toString()).toBe('status=delivered&payment=partly_paid&channel=counter&customer=c1&from=2026-11-01&q=0012');
    expect(filterFromParams(params)).toEqual(f);
  });
  it('keeps the payment status alone', () => {
    const params = paramsFromFilter({ status: '', paymentStatus: 'refunded', channel: '', customerId: '', from: '', to: '', query: '' });
    expect(params.toString()).toBe('payment=refunded');
    expect(filterFromParams(new URLSearchParams('payment=unpaid')).paymentStatus).toBe('unpaid');
  });
  it('reads a bare URL as no filter', () => {
    expect(filterFromParams(new URLSearchParams())).toEqual({
      status: '',
      paymentStatus: '',
      channel: '',
      customerId: '',
      from: '',
      to: '',
      query: '',
    });
  });
});

describe('payment statuses', () => {
  it('lists the five statuses in order with their labels', () => {
    expect(PAYMENT_STATUSES).toEqual([
      { value: 'unpaid', label: 'Unpaid' },
      { value: 'partly_paid', label: 'Partly paid' },
      { value: 'paid', label: 'Paid' },
      { value: 'overpaid', label: 'Overpaid' },
      { value: 'refunded', label: 'Refunded' },
    ]);
  });
  it('gives each a badge and shows an unknown one as sent, in gray', () => {
    expect(paymentStatusBadge('paid')).toEqual({ label: 'Paid', color: 'green' });
    expect(paymentStatusBadge('unpaid')).toEqual(PAYMENT_STATUS.unpaid);
    expect(paymentStatusBadge('partly_paid').label).toBe('Partly paid');
    expect(paymentStatusBadge('disputed')).toEqual({ label: 'disputed', color: 'gray' });
    expect(new Set(Object.values(PAYMENT_STATUS).map((s) => s.color)).size).toBe(5);
  });
});

describe('ordersText', () => {
  it('counts', () => {
    expect(ordersText(0)).toBe('No orders');
    expect(ordersText(1)).toBe('1 order');
    expect(ordersText(12345)).toBe('12,345 orders');
  });
  it('says a capped search matched more', () => {
    expect(ordersText(1001, true)).toBe('More than 1,000 orders: type more to narrow the search');
  });
});

describe('rangeError', () => {
  it('flags an end before the start only', () => {
    expect(rangeError('2026-11-02', '2026-11-01')).toMatch(/before/);
    expect(rangeError('2026-11-01', '2026-11-01')).toBeNull();
    expect(rangeError('', '2026-11-01')).toBeNull();
  });
});

describe('addressLines', () => {
  it('skips empty parts and joins postal code and city', () => {
    const a = { name: 'Hoa', company: '', line1: '12 Tràng Tiền', line2: ' ', postalCode: '100000', city: 'Hà Nội', region: '', country: 'VN', phone: '' };
    expect(addressLines(a)).toEqual(['Hoa', '12 Tràng Tiền', '100000 Hà Nội', 'VN']);
  });
});
