import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from './errors';
import { cancellable, editable, fetchOrderPage, fieldsOf, isVersionConflict, newer, nextStage, orderKeys, type Order } from './orders';
import { OrdersAPI } from './wails';

vi.mock('./wails', () => ({
  OrdersAPI: { FindOrders: vi.fn() },
  app: new Proxy({}, { get: () => ({ createFrom: (s: unknown) => s }) }),
  EventsOn: vi.fn(() => () => {}),
}));

const address = { name: 'A', company: '', line1: 'x', line2: '', postalCode: '1', city: 'B', region: '', country: 'DE', phone: '' };
const order = (version: number, extra: Partial<Order> = {}): Order =>
  ({
    id: 'o1',
    number: 'S01-000001',
    customerId: 'c1',
    customerName: 'Hoa',
    channel: 'counter',
    status: 'draft',
    warehouseId: 'w1',
    billingAddress: address,
    shippingAddress: { ...address, name: 'Ship' },
    notes: 'n',
    discountBps: 500,
    shipping: 0,
    version,
    lines: [],
    events: [],
    rates: [],
    ...extra,
  }) as unknown as Order;

describe('fieldsOf', () => {
  it('sends the whole header with the change laid over', () => {
    const f = fieldsOf(order(3), { customerId: 'c2' });
    expect(f).toEqual({
      customerId: 'c2',
      channel: 'counter',
      warehouseId: 'w1',
      billingAddress: address,
      shippingAddress: { ...address, name: 'Ship' },
      notes: 'n',
      discountBps: 500,
      shipping: 0,
    });
  });
  it('copies the addresses rather than sharing them', () => {
    const o = order(1);
    expect(fieldsOf(o).billingAddress).not.toBe(o.billingAddress);
  });
});

describe('newer', () => {
  it('keeps the later version of the same order', () => {
    expect(newer(order(2), order(5))?.version).toBe(5);
    expect(newer(order(7), order(5))?.version).toBe(7);
    expect(newer(null, order(1))?.version).toBe(1);
    expect(newer(order(1), undefined)?.version).toBe(1);
    expect(newer(null, null)).toBeNull();
  });
  it('prefers the first reading for a different order', () => {
    expect(newer(order(1), order(9, { id: 'o2' }))?.id).toBe('o1');
  });
});

describe('status helpers', () => {
  it('knows the next stage', () => {
    expect(['draft', 'confirmed', 'picking', 'packed', 'shipped', 'delivered', 'cancelled'].map(nextStage)).toEqual([
      null,
      'picking',
      'packed',
      'shipped',
      'delivered',
      null,
      null,
    ]);
  });
  it('cancels before shipping and edits while draft or confirmed', () => {
    expect(['draft', 'packed', 'shipped'].map(cancellable)).toEqual([true, true, false]);
    expect(['draft', 'confirmed', 'picking'].map(editable)).toEqual([true, true, false]);
  });
});

describe('isVersionConflict', () => {
  it('is a conflict on "version" only', () => {
    expect(isVersionConflict('{"code":"ECONFLICT","message":"Changed.","field":"version"}')).toBe(true);
    expect(isVersionConflict(new ApiError('ECONFLICT', 'x', 'status'))).toBe(false);
    expect(isVersionConflict(new ApiError('EINVALID', 'x', 'version'))).toBe(false);
  });
});

describe('fetchOrderPage', () => {
  beforeEach(() => vi.mocked(OrdersAPI.FindOrders).mockReset());
  it('passes the query and rethrows coded errors', async () => {
    const q = { status: 'delivered', paymentStatus: 'paid', customerId: '', channel: '', from: '', to: '', query: '', limit: 100, offset: 200 };
    vi.mocked(OrdersAPI.FindOrders).mockResolvedValueOnce({ items: [], total: 0 } as never);
    await expect(fetchOrderPage(q)).resolves.toEqual({ items: [], total: 0 });
    expect(OrdersAPI.FindOrders).toHaveBeenCalledWith(q);
    vi.mocked(OrdersAPI.FindOrders).mockRejectedValueOnce('{"code":"EINVALID","message":"Give the date as YYYY-MM-DD.","field":"from"}');
    await expect(fetchOrderPage({ ...q, from: 'x' })).rejects.toMatchObject({ code: 'EINVALID', field: 'from' });
  });
  it('keys pages by every filter field', () => {
    expect(
      orderKeys.page({ status: 's', paymentStatus: 'p', customerId: 'c', channel: 'ch', from: 'f', to: 't', query: 'q' }, 2, 100),
    ).toEqual(['orders', 'page', 's', 'p', 'c', 'ch', 'f', 't', 'q', 2, 100]);
  });
});
