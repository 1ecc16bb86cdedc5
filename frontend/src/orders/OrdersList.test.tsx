import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useLocation } from 'react-router';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { OrdersAPI } from '../api/wails';
import { renderWithApp } from '../test/render';
import { OrdersList } from './OrdersList';

vi.mock('../api/wails', () => ({
  OrdersAPI: { FindOrders: vi.fn() },
  CustomersAPI: { Customer: vi.fn(), FindCustomers: vi.fn(async () => ({ items: [], total: 0 })) },
  SettingsAPI: { Company: vi.fn(async () => ({ currency: 'EUR' })), Currencies: vi.fn(async () => [{ code: 'EUR', minorUnits: 2 }]) },
  app: new Proxy({}, { get: () => ({ createFrom: (s: unknown) => s }) }),
  EventsOn: vi.fn(() => () => {}),
}));

const row = (n: number, paymentStatus: string) => ({
  id: `o${n}`, number: `S01-00000${n}`, customerId: '', customerName: '', channel: 'counter', status: 'delivered',
  total: 1190, currency: 'EUR', createdAt: '2026-11-22T08:00:00Z', paymentStatus,
});

function Location() {
  return <output aria-label="search">{useLocation().search}</output>;
}

// jsdom lays nothing out: give elements a size so the virtualizer shows rows.
const sizes = ['clientHeight', 'clientWidth'] as const;
const saved = sizes.map((k) => Object.getOwnPropertyDescriptor(Element.prototype, k));
beforeAll(() => {
  Object.defineProperty(Element.prototype, 'clientHeight', { configurable: true, get: () => 400 });
  Object.defineProperty(Element.prototype, 'clientWidth', { configurable: true, get: () => 800 });
});
afterAll(() => {
  sizes.forEach((k, i) => {
    const d = saved[i];
    if (d) Object.defineProperty(Element.prototype, k, d);
  });
});

describe('OrdersList payment status', () => {
  beforeEach(() => {
    vi.mocked(OrdersAPI.FindOrders)
      .mockReset()
      .mockImplementation(async (q) =>
        (q.paymentStatus === 'partly_paid'
          ? { items: [row(2, 'partly_paid')], total: 1 }
          : { items: [row(3, 'refunded'), row(2, 'partly_paid'), row(1, 'paid')], total: 3 }) as never,
      );
  });

  it('shows each order’s payment status and filters by it, kept in the URL', async () => {
    renderWithApp(
      <>
        <OrdersList />
        <Location />
      </>,
      { route: '/orders?status=delivered' },
    );
    const grid = await screen.findByRole('grid', { name: 'Orders' });
    expect(within(grid).getAllByRole('columnheader').map((h) => h.textContent)).toEqual([
      'Number', 'Date', 'Customer', 'Channel', 'Status', 'Payment', 'Total',
    ]);
    const rowOf = async (number: string) => (await within(grid).findByText(number)).closest('[role="row"]') as HTMLElement;
    expect(within(await rowOf('S01-000003')).getByText('Refunded')).toBeInTheDocument();
    expect(within(await rowOf('S01-000002')).getByText('Partly paid')).toBeInTheDocument();
    expect(within(await rowOf('S01-000001')).getByText('Paid')).toBeInTheDocument();

    const user = userEvent.setup();
    await user.click(screen.getByRole('combobox', { name: 'Payment' }));
    expect(screen.getAllByRole('option').map((o) => o.textContent)).toEqual(['Unpaid', 'Partly paid', 'Paid', 'Overpaid', 'Refunded']);
    await user.click(screen.getByRole('option', { name: 'Partly paid' }));
    await waitFor(() =>
      expect(OrdersAPI.FindOrders).toHaveBeenLastCalledWith(expect.objectContaining({ status: 'delivered', paymentStatus: 'partly_paid' })),
    );
    expect(screen.getByLabelText('search')).toHaveTextContent('?status=delivered&payment=partly_paid');
    expect(await screen.findByText('1 order')).toBeInTheDocument();
  });

  it('reads the payment status from the URL', async () => {
    renderWithApp(<OrdersList />, { route: '/orders?payment=partly_paid' });
    expect(await screen.findByText('1 order')).toBeInTheDocument();
    expect(OrdersAPI.FindOrders).toHaveBeenCalledWith(expect.objectContaining({ paymentStatus: 'partly_paid', offset: 0 }));
    expect(screen.getByRole('combobox', { name: 'Payment' })).toHaveValue('Partly paid');
  });
});
