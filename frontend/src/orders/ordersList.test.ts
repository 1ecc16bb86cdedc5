import { describe, expect, it } from 'vitest';
import { addressLines, filterFromParams, ordersText, paramsFromFilter, rangeError } from './ordersList';

describe('orders list filter in the URL', () => {
  it('round-trips and leaves out what is empty', () => {
    const f = { status: 'delivered', channel: 'counter', customerId: 'c1', from: '2026-11-01', to: '', query: '0012' };
    const params = paramsFromFilter(f);
    expect(params.toString()).toBe('status=delivered&channel=counter&customer=c1&from=2026-11-01&q=0012');
    expect(filterFromParams(params)).toEqual(f);
  });
  it('reads a bare URL as no filter', () => {
    expect(filterFromParams(new URLSearchParams())).toEqual({ status: '', channel: '', customerId: '', from: '', to: '', query: '' });
  });
});

describe('ordersText', () => {
  it('counts', () => {
    expect(ordersText(0)).toBe('No orders');
    expect(ordersText(1)).toBe('1 order');
    expect(ordersText(12345)).toBe('12,345 orders');
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
