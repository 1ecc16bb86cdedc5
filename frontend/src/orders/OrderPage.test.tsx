import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { SessionInfo } from '../api/types';
import { OrdersAPI, ReturnsAPI } from '../api/wails';
import { renderWithApp } from '../test/render';
import { OrderPage } from './OrderPage';

vi.mock('../api/wails', () => ({
  OrdersAPI: { Order: vi.fn(), Cancel: vi.fn(), Advance: vi.fn(), Confirm: vi.fn() },
  PaymentsAPI: { PaymentSummary: vi.fn(async () => ({ status: 'unpaid', netPaid: 0, balanceDue: 900, refunded: 0 })), Payments: vi.fn(async () => []) },
  ShipmentsAPI: { Shipments: vi.fn(async () => ({ items: [], total: 0 })), UpdateStatus: vi.fn(), SetTracking: vi.fn() },
  DocumentsAPI: {},
  PrintersAPI: {},
  ShippingAPI: {},
  BrowserOpenURL: vi.fn(),
  ReturnsAPI: { FindReturns: vi.fn(async () => ({ items: [], total: 0 })), ReturnableLines: vi.fn(), CreateReturn: vi.fn() },
  AuthAPI: { LoginUsers: vi.fn(async () => []) },
  StockAPI: {
    Warehouses: vi.fn(async () => [{ id: 'w1', code: 'MAIN', name: 'Main warehouse', active: true }]),
    Bins: vi.fn(async () => [
      { id: 'b1', warehouseId: 'w1', code: 'A-01', active: true },
      { id: 'b2', warehouseId: 'w1', code: 'B-02', active: true },
    ]),
    Levels: vi.fn(async () => [{ productId: 'p1', warehouseId: 'w1', binId: 'b2', onHand: 5, reserved: 0, available: 5 }]),
  },
  SettingsAPI: { Company: vi.fn(async () => ({ currency: 'EUR' })), Currencies: vi.fn(async () => [{ code: 'EUR', minorUnits: 2 }]) },
  CatalogAPI: {},
  app: new Proxy({}, { get: () => ({ createFrom: (s: unknown) => s }) }),
  EventsOn: vi.fn(() => () => {}),
}));

const addr = { name: 'Hoa', company: '<b>Sen</b>', line1: '12 Tràng Tiền', line2: '', postalCode: '100000', city: 'Hà Nội', region: '', country: 'VN', phone: '' };
const confirmed = {
  id: 'o1', number: 'S01-000007', customerId: 'c1', customerName: 'Nguyễn Thị Hoa', channel: 'phone', status: 'confirmed',
  warehouseId: 'w1', billingAddress: addr, shippingAddress: addr, notes: '', discountBps: 0, shipping: 0, currency: 'EUR',
  pricesIncludeTax: true, subtotal: 900, discountTotal: 0, netTotal: 900, taxTotal: 0, total: 900, version: 3,
  createdBy: 'cara', createdAt: '2026-11-22T08:00:00Z', updatedAt: '2026-11-22T08:05:00Z', rates: [],
  lines: [{ id: 'l1', lineNo: 1, productId: 'p1', sku: 'PEN', name: 'Pen', quantity: 3, unitPrice: 300, discountBps: 0, discountAmount: 0, gross: 900, reserved: 1, backordered: 2 }],
  events: [{ id: 'e1', from: 'draft', to: 'confirmed', userName: 'cara', note: '', at: '2026-11-22T08:05:00Z' }],
};

const session = (permissions: string[]) => ({ user: { id: 'u', name: 'x', fullName: 'X', role: 'manager' }, permissions }) as unknown as SessionInfo;

function renderOrder(permissions: string[]) {
  return renderWithApp(
    <Routes>
      <Route path="/orders/:id" element={<OrderPage session={session(permissions)} />} />
    </Routes>,
    { route: '/orders/o1' },
  );
}

describe('OrderPage', () => {
  beforeEach(() => {
    vi.mocked(OrdersAPI.Order).mockReset().mockResolvedValue(confirmed as never);
    vi.mocked(OrdersAPI.Cancel).mockReset();
  });

  it('shows lines with reserved and backordered, the history, and text as text', async () => {
    renderOrder(['orders.view']);
    expect(await screen.findByRole('heading', { name: 'Order S01-000007', level: 1 })).toBeInTheDocument();
    const row = within(screen.getByRole('table', { name: 'Order lines' })).getByRole('row', { name: /PEN/ });
    await waitFor(() =>
      expect(within(row).getAllByRole('cell').map((c) => c.textContent)).toEqual(['Pen', '3', '1', '2', '3.00 EUR', '0', '9.00 EUR']),
    );
    expect(within(screen.getByRole('table', { name: 'History' })).getByText('Draft → Confirmed')).toBeInTheDocument();
    expect(screen.getAllByText('<b>Sen</b>')).toHaveLength(2);
    // Only looking: no actions, no editing.
    expect(within(screen.getByRole('group', { name: 'Order actions' })).queryAllByRole('button')).toHaveLength(0);
    expect(screen.queryByLabelText('Quantity of PEN')).not.toBeInTheDocument();
  });

  it('offers what the permissions allow and wants a reason to cancel', async () => {
    vi.mocked(OrdersAPI.Cancel).mockResolvedValue({ ...confirmed, status: 'cancelled', version: 4 } as never);
    renderOrder(['orders.view', 'orders.create', 'orders.manage', 'warehouse.use']);
    const actions = await screen.findByRole('group', { name: 'Order actions' });
    expect(within(actions).getAllByRole('button').map((b) => b.textContent)).toEqual(['Edit details', 'Advance to Picking', 'Cancel order']);
    expect(screen.getByLabelText('Quantity of PEN')).toHaveValue('3');

    const user = userEvent.setup();
    await user.click(within(actions).getByRole('button', { name: 'Cancel order' }));
    const dialog = await screen.findByRole('dialog', { name: 'Cancel order S01-000007' });
    await user.click(within(dialog).getByRole('button', { name: 'Cancel order' }));
    expect(await within(dialog).findByText('Say why the order is cancelled.')).toBeInTheDocument();
    expect(OrdersAPI.Cancel).not.toHaveBeenCalled();
    await user.type(within(dialog).getByLabelText(/Reason/), 'Customer changed their mind');
    await user.click(within(dialog).getByRole('button', { name: 'Cancel order' }));
    await waitFor(() => expect(OrdersAPI.Cancel).toHaveBeenCalledWith('o1', 'Customer changed their mind'));
  });

  it('records a return: the quantity, the bin holding the product, the reason, the refund shown first', async () => {
    vi.mocked(OrdersAPI.Order).mockResolvedValue({ ...confirmed, status: 'delivered' } as never);
    vi.mocked(ReturnsAPI.ReturnableLines).mockResolvedValue([
      { orderLineId: 'l1', lineNo: 1, productId: 'p1', sku: 'PEN', name: 'Pen', quantity: 3, gross: 900, shipped: 3, returned: 1, returnable: 2 },
    ] as never);
    vi.mocked(ReturnsAPI.CreateReturn).mockResolvedValue({ id: 'r1', number: 'S01-R000001', refundTotal: 300, refundMethod: 'original', refunds: [], lines: [] } as never);
    renderOrder(['orders.view', 'orders.manage']);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Return items' }));
    const dialog = await screen.findByRole('dialog', { name: 'Return from order S01-000007' });
    const qty = await within(dialog).findByLabelText('Quantity back of PEN');

    // Too many, and no reason: refused before anything is sent.
    await user.type(qty, '3');
    await user.click(within(dialog).getByRole('button', { name: 'Record return' }));
    expect(await within(dialog).findByText('At most 2 can still come back.')).toBeInTheDocument();
    expect(within(dialog).getByText('Say why the goods came back.')).toBeInTheDocument();
    expect(ReturnsAPI.CreateReturn).not.toHaveBeenCalled();

    await user.clear(qty);
    await user.type(qty, '1');
    await user.type(within(dialog).getByRole('combobox', { name: /Reason/ }), 'Faulty');
    expect(within(dialog).getByRole('status', { name: 'Refund total' })).toHaveTextContent('Refund 3.00 EUR');
    await user.click(within(dialog).getByRole('button', { name: 'Record return' }));
    await waitFor(() =>
      expect(ReturnsAPI.CreateReturn).toHaveBeenCalledWith('o1', {
        reason: 'Faulty',
        note: '',
        refund: 'original',
        refundMethodId: '',
        lines: [{ orderLineId: 'l1', quantity: 1, disposition: 'restock', binId: 'b2' }],
      }),
    );
  });
});
