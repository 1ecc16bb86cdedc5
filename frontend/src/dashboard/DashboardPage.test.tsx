import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { DashboardAPI } from '../api/wails';
import { renderWithApp } from '../test/render';
import { DashboardPage } from './DashboardPage';

vi.mock('../api/wails', () => ({
  DashboardAPI: { Summary: vi.fn() },
  StockAPI: { Warehouses: vi.fn(async () => []) },
  SettingsAPI: {
    Company: vi.fn(async () => ({ currency: 'EUR' })),
    Currencies: vi.fn(async () => [{ code: 'EUR', name: 'Euro', minorUnits: 2 }]),
  },
  CatalogAPI: {},
  SyncAPI: { OpenExceptions: vi.fn(async () => 0) },
  EventsOn: vi.fn(() => () => {}),
  app: new Proxy({}, { get: () => ({ createFrom: (s: unknown) => s }) }),
}));

const days = Array.from({ length: 30 }, (_, i) => ({
  date: `2026-11-${String(i + 1).padStart(2, '0')}`,
  orders: i === 29 ? 2 : 0,
  gross: i === 29 ? 3770 : 0,
}));

const summary = {
  currency: 'EUR',
  timeZone: 'Europe/Berlin',
  warehouseId: '',
  generatedAt: '2026-11-30T12:00:00+01:00',
  today: { from: '', to: '', orders: 2, gross: 3770, refunds: 500, net: 3270 },
  month: { from: '', to: '', orders: 5, gross: 9000, refunds: 500, net: 8500 },
  daily: days,
  byStatus: [
    { status: 'draft', orders: 1 },
    { status: 'confirmed', orders: 2 },
    { status: 'picking', orders: 0 },
    { status: 'packed', orders: 0 },
    { status: 'shipped', orders: 0 },
    { status: 'delivered', orders: 3 },
    { status: 'cancelled', orders: 1 },
  ],
  topByQuantity: [{ productId: 'p1', sku: 'BOLT', name: 'Bolt', quantity: 7, revenue: 8330 }],
  topByRevenue: [{ productId: 'p1', sku: 'BOLT', name: 'Bolt', quantity: 7, revenue: 8330 }],
  lowStock: 3,
  exceptions: {
    pendingRefunds: [{ orderId: 'o1', orderNumber: 'SO-1', amount: 500 }],
    pendingRefundCount: 1,
    pendingRefundAmount: 500,
    backorders: [],
    backorderCount: 0,
    shipmentExceptions: [],
    shipmentExceptionCount: 0,
    negativeStock: [{ productId: 'p2', sku: 'NUT', name: 'Nut', warehouseId: 'w', warehouseCode: 'MAIN', onHand: -3 }],
    negativeStockCount: 1,
  },
};

describe('DashboardPage', () => {
  it('shows the figures in the company currency, with text alternatives for the charts and links to act on', async () => {
    vi.mocked(DashboardAPI.Summary).mockResolvedValue(summary as never);
    renderWithApp(<DashboardPage />);
    const today = await screen.findByRole('region', { name: 'Sales today' });
    expect(today).toHaveTextContent('37.70 EUR');
    expect(today).toHaveTextContent('32.70 EUR after 5.00 EUR refunded');
    expect(screen.getByRole('region', { name: 'Sales this month' })).toHaveTextContent('90.00 EUR5 orders');
    expect(screen.getByRole('region', { name: 'Orders today' })).toHaveTextContent('218.85 EUR on average');
    expect(screen.getByRole('link', { name: 'View the 3 lines below reorder point' })).toHaveAttribute('href', '/stock/low');

    // The sales chart's table: every day, today's amount last.
    const table = screen.getByRole('table', { name: 'Sales per day, last 30 days' });
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(31);
    expect(rows[30]).toHaveTextContent('2026-11-30237.70 EUR');
    expect(screen.getByText(/Best day: 30 Nov, 37.70 EUR from 2 orders\./)).toBeInTheDocument();

    const statuses = screen.getByRole('table', { name: 'Orders by status' });
    expect(within(statuses).getAllByRole('row').map((r) => r.textContent)).toEqual([
      'Draft1', 'Confirmed2', 'Picking0', 'Packed0', 'Shipped0', 'Delivered3', 'Cancelled1',
    ]);

    expect(screen.getByRole('table', { name: 'Top products by revenue' })).toHaveTextContent('1Bolt BOLT783.30 EUR');
    expect(screen.getByRole('link', { name: 'Refund to pay out on SO-1' })).toHaveAttribute('href', '/orders/o1');
    expect(screen.getByRole('link', { name: 'NUT is at -3 in MAIN' })).toHaveAttribute('href', '/stock/products/p2');
    expect(DashboardAPI.Summary).toHaveBeenCalledWith('');
  });
});
