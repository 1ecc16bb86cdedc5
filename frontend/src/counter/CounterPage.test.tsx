import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { SessionInfo } from '../api/types';
import { CustomersAPI, OrdersAPI, PaymentsAPI } from '../api/wails';
import { renderWithApp } from '../test/render';
import { CounterPage } from './CounterPage';

vi.mock('../api/wails', () => {
  const passThrough = { createFrom: (s: unknown) => s };
  return {
    OrdersAPI: {
      NewOrder: vi.fn(),
      Scan: vi.fn(),
      Order: vi.fn(),
      UpdateLine: vi.fn(),
      RemoveLine: vi.fn(),
      UpdateOrder: vi.fn(),
      Confirm: vi.fn(),
      HandOver: vi.fn(),
      DeleteDraft: vi.fn(),
    },
    PaymentsAPI: { PaymentSummary: vi.fn() },
    StockAPI: { Warehouses: vi.fn(async () => [{ id: 'w1', code: 'MAIN', name: 'Main warehouse', active: true }]) },
    StatusAPI: { Status: vi.fn(async () => ({ device: { id: 'd', name: 'Till 1', stationCode: 'S01' }, sync: {}, version: 'dev' })) },
    SettingsAPI: {
      Company: vi.fn(async () => ({ currency: 'EUR' })),
      Currencies: vi.fn(async () => [{ code: 'EUR', name: 'Euro', minorUnits: 2 }]),
    },
    CustomersAPI: { FindCustomers: vi.fn(async () => ({ items: [], total: 0 })) },
    CatalogAPI: {},
    app: new Proxy({}, { get: () => passThrough }),
    EventsOn: vi.fn(() => () => {}),
  };
});

const session = {
  loggedIn: true,
  locked: false,
  user: { id: 'u1', name: 'cara', fullName: 'Cara Counter', role: 'counter' },
  permissions: ['counter.use', 'orders.create', 'orders.view', 'customers.view'],
} as unknown as SessionInfo;

const empty = { name: '', company: '', line1: '', line2: '', postalCode: '', city: '', region: '', country: '', phone: '' };
function order(version: number, lines: { sku: string; quantity: number }[], status = 'draft') {
  return {
    id: 'o1',
    number: 'S01-000012',
    customerId: '',
    customerName: '',
    channel: 'counter',
    status,
    warehouseId: 'w1',
    billingAddress: empty,
    shippingAddress: empty,
    notes: '',
    discountBps: 0,
    shipping: 0,
    currency: 'EUR',
    pricesIncludeTax: true,
    subtotal: lines.reduce((n, l) => n + l.quantity * 250, 0),
    discountTotal: 0,
    netTotal: 0,
    taxTotal: 0,
    total: lines.reduce((n, l) => n + l.quantity * 250, 0),
    version,
    lines: lines.map((l, i) => ({
      id: `l${i}`,
      lineNo: i + 1,
      productId: `p${i}`,
      sku: l.sku,
      name: `Product ${l.sku}`,
      quantity: l.quantity,
      unitPrice: 250,
      discountBps: 0,
      discountAmount: 0,
      gross: l.quantity * 250,
      reserved: 0,
      backordered: 0,
    })),
    events: [],
    rates: [],
  };
}

describe('CounterPage', () => {
  beforeEach(() => {
    for (const fn of Object.values(OrdersAPI)) vi.mocked(fn).mockReset();
    vi.mocked(PaymentsAPI.PaymentSummary).mockReset();
  });

  it('starts a sale on the first scan, chains versions, and refuses an unknown code', async () => {
    vi.mocked(OrdersAPI.NewOrder).mockResolvedValue(order(1, []) as never);
    vi.mocked(OrdersAPI.Scan)
      .mockResolvedValueOnce(order(2, [{ sku: 'PEN', quantity: 3 }]) as never)
      .mockResolvedValueOnce(order(3, [{ sku: 'PEN', quantity: 4 }]) as never)
      .mockRejectedValueOnce('{"code":"ENOTFOUND","message":"No product has this code.","field":"code"}');
    renderWithApp(<CounterPage session={session} />);
    const scan = await screen.findByLabelText('Scan or type SKU');
    await waitFor(() => expect(scan).toBeEnabled());
    expect(scan).toHaveFocus();

    const user = userEvent.setup();
    await user.type(scan, '3*PEN{Enter}');
    await user.type(scan, 'PEN{Enter}');
    expect(await screen.findByLabelText('Quantity of PEN')).toHaveValue('4');
    expect(OrdersAPI.NewOrder).toHaveBeenCalledTimes(1);
    expect(OrdersAPI.NewOrder).toHaveBeenCalledWith({ customerId: '', channel: 'counter', warehouseId: 'w1', notes: '' });
    expect(vi.mocked(OrdersAPI.Scan).mock.calls).toEqual([
      ['o1', 1, 'PEN', 3],
      ['o1', 2, 'PEN', 1],
    ]);
    expect(localStorage.getItem('oms.counter.orderId')).toBe('o1');

    await user.type(scan, 'NOPE{Enter}');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Unknown code “NOPE”');
    expect(scan).toHaveValue('NOPE');
    expect(OrdersAPI.Scan).toHaveBeenLastCalledWith('o1', 3, 'NOPE', 1);
  });

  it('will not finish an unpaid sale, and finishes a paid one with Confirm then HandOver', async () => {
    localStorage.setItem('oms.counter.orderId', 'o1');
    vi.mocked(OrdersAPI.Order).mockResolvedValue(order(5, [{ sku: 'PEN', quantity: 2 }]) as never);
    vi.mocked(PaymentsAPI.PaymentSummary).mockResolvedValueOnce({ balanceDue: 500 } as never).mockResolvedValueOnce({ balanceDue: 0 } as never);
    vi.mocked(OrdersAPI.Confirm).mockResolvedValue(order(6, [{ sku: 'PEN', quantity: 2 }], 'confirmed') as never);
    vi.mocked(OrdersAPI.HandOver).mockResolvedValue(order(10, [{ sku: 'PEN', quantity: 2 }], 'delivered') as never);
    renderWithApp(<CounterPage session={session} />);
    expect(await screen.findByText('Sale S01-000012')).toBeInTheDocument();

    fireEvent.keyDown(document.documentElement, { key: 'F9', code: 'F9' });
    expect(await screen.findByRole('alert')).toHaveTextContent('Balance due 5.00 EUR');
    expect(OrdersAPI.Confirm).not.toHaveBeenCalled();

    fireEvent.keyDown(document.documentElement, { key: 'F9', code: 'F9' });
    const done = await screen.findByRole('status', { name: 'Sale complete' });
    expect(within(done).getByRole('heading', { name: 'Sale S01-000012 complete' })).toBeInTheDocument();
    expect(within(done).getByText('Total 5.00 EUR')).toBeInTheDocument();
    expect(OrdersAPI.Confirm).toHaveBeenCalledWith('o1', 5);
    expect(OrdersAPI.HandOver).toHaveBeenCalledWith('o1');
    expect(localStorage.getItem('oms.counter.orderId')).toBeNull();
    expect(within(done).getByRole('button', { name: 'New sale' })).toHaveFocus();
  });

  it('F2 picks a customer: UpdateOrder gets the whole header with the new customer', async () => {
    localStorage.setItem('oms.counter.orderId', 'o1');
    const current = { ...order(7, [{ sku: 'PEN', quantity: 1 }]), notes: 'keep me', discountBps: 500 };
    vi.mocked(OrdersAPI.Order).mockResolvedValue(current as never);
    vi.mocked(CustomersAPI.FindCustomers).mockResolvedValue({
      items: [{ id: 'c9', code: 'C-000009', name: 'Nguyễn Thị Hoa', company: '', email: '', phone: '', addresses: [] }],
      total: 1,
    } as never);
    vi.mocked(OrdersAPI.UpdateOrder).mockResolvedValue({ ...current, version: 8, customerId: 'c9', customerName: 'Nguyễn Thị Hoa' } as never);
    renderWithApp(<CounterPage session={session} />);
    expect(await screen.findByText('Sale S01-000012')).toBeInTheDocument();

    fireEvent.keyDown(document.documentElement, { key: 'F2', code: 'F2' });
    const dialog = await screen.findByRole('dialog', { name: 'Customer' });
    await userEvent.setup().click(await within(dialog).findByRole('button', { name: 'Nguyễn Thị Hoa (C-000009)' }));
    await waitFor(() =>
      expect(OrdersAPI.UpdateOrder).toHaveBeenCalledWith('o1', 7, {
        customerId: 'c9',
        channel: 'counter',
        warehouseId: 'w1',
        billingAddress: empty,
        shippingAddress: empty,
        notes: 'keep me',
        discountBps: 500,
        shipping: 0,
      }),
    );
    expect(await screen.findByText('Nguyễn Thị Hoa', { selector: 'b' })).toBeInTheDocument();
  });

  it('Ctrl+Delete clears the sale after confirming', async () => {
    localStorage.setItem('oms.counter.orderId', 'o1');
    vi.mocked(OrdersAPI.Order).mockResolvedValue(order(4, [{ sku: 'PEN', quantity: 1 }]) as never);
    vi.mocked(OrdersAPI.DeleteDraft).mockResolvedValue(undefined as never);
    renderWithApp(<CounterPage session={session} />);
    expect(await screen.findByText('Sale S01-000012')).toBeInTheDocument();
    fireEvent.keyDown(document.documentElement, { key: 'Delete', code: 'Delete', ctrlKey: true });
    const dialog = await screen.findByRole('dialog', { name: 'Clear this sale?' });
    await userEvent.setup().click(within(dialog).getByRole('button', { name: 'Clear sale' }));
    await waitFor(() => expect(OrdersAPI.DeleteDraft).toHaveBeenCalledWith('o1', 4));
    expect(await screen.findByText('New sale')).toBeInTheDocument();
    expect(localStorage.getItem('oms.counter.orderId')).toBeNull();
  });
});
