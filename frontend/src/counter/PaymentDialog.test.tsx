import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/errors';
import type { Order } from '../api/orders';
import { PaymentsAPI } from '../api/wails';
import { renderWithApp } from '../test/render';
import { PaymentDialog } from './PaymentDialog';

vi.mock('../api/wails', () => ({
  PaymentsAPI: {
    PaymentSummary: vi.fn(),
    PaymentMethods: vi.fn(async () => [
      { id: 'm-cash', name: 'Cash', kind: 'cash', active: true, sort: 1 },
      { id: 'm-acct', name: 'On account', kind: 'account', active: true, sort: 2 },
    ]),
    Payments: vi.fn(async () => []),
    AddPayment: vi.fn(),
  },
  AuthAPI: {
    LoginUsers: vi.fn(async () => [
      { id: 'u-cara', name: 'cara', fullName: 'Cara Counter', role: 'counter', hasPin: true },
      { id: 'u-max', name: 'max', fullName: 'Max Manager', role: 'manager', hasPin: true },
    ]),
  },
  SettingsAPI: {
    Company: vi.fn(async () => ({ currency: 'EUR' })),
    Currencies: vi.fn(async () => [{ code: 'EUR', name: 'Euro', minorUnits: 2 }]),
  },
  app: new Proxy({}, { get: () => ({ createFrom: (s: unknown) => s }) }),
  EventsOn: vi.fn(() => () => {}),
}));

const summary = { orderId: 'o1', currency: 'EUR', total: 50000, due: 50000, paid: 0, refunded: 0, pendingRefund: 0, netPaid: 0, balanceDue: 50000, overpaid: 0, change: 0, status: 'unpaid' };
const order = { id: 'o1', number: 'S01-000020', customerId: 'c1', status: 'confirmed' } as unknown as Order;

describe('PaymentDialog', () => {
  beforeEach(() => {
    vi.mocked(PaymentsAPI.PaymentSummary).mockReset().mockResolvedValue(summary as never);
    vi.mocked(PaymentsAPI.AddPayment).mockReset();
  });

  it('asks a manager to approve on account over the credit limit, and sends the approval', async () => {
    const over = "The customer's credit limit is 300.00 EUR and 0.00 EUR is already outstanding on account; a manager must approve this payment.";
    vi.mocked(PaymentsAPI.AddPayment)
      .mockRejectedValueOnce(new ApiError('ECONFLICT', over, 'approval'))
      .mockRejectedValueOnce(new ApiError('EUNAUTHORIZED', 'Wrong PIN or password.', 'approver.secret'))
      .mockResolvedValueOnce({ payment: { change: 0 }, summary: { ...summary, netPaid: 50000, balanceDue: 0, status: 'paid' } } as never);
    const onPaid = vi.fn();
    renderWithApp(<PaymentDialog opened order={order} onClose={() => {}} onPaid={onPaid} finishHint="Paid." />);
    const dialog = await screen.findByRole('dialog', { name: 'Payment' });
    const user = userEvent.setup();
    await user.click(await within(dialog).findByText('On account'));
    await user.click(within(dialog).getByRole('button', { name: 'Take payment' }));

    const approval = await within(dialog).findByRole('group', { name: 'Manager approval' });
    expect(approval).toHaveTextContent(over);
    // Only managers and admins can approve.
    await user.click(within(approval).getByRole('combobox', { name: 'Manager' }));
    expect(screen.getAllByRole('option').map((o) => o.textContent)).toEqual(['Max Manager (max)']);
    await user.click(screen.getByRole('option', { name: 'Max Manager (max)' }));

    // Without the PIN nothing is sent.
    await user.click(within(dialog).getByRole('button', { name: 'Take payment' }));
    expect(await within(approval).findByText('The manager types their PIN or password.')).toBeInTheDocument();
    expect(PaymentsAPI.AddPayment).toHaveBeenCalledTimes(1);

    // A wrong PIN is told next to the field and cleared.
    const pin = within(approval).getByLabelText('Manager’s PIN or password');
    await user.type(pin, '0000');
    await user.click(within(dialog).getByRole('button', { name: 'Take payment' }));
    expect(await within(approval).findByText('Wrong PIN or password.')).toBeInTheDocument();
    expect(pin).toHaveValue('');

    await user.type(pin, '4321');
    await user.click(within(dialog).getByRole('button', { name: 'Take payment' }));
    await waitFor(() => expect(onPaid).toHaveBeenCalled());
    expect(PaymentsAPI.AddPayment).toHaveBeenLastCalledWith('o1', {
      methodId: 'm-acct',
      amount: 50000,
      tendered: 0,
      reference: '',
      approverId: 'u-max',
      approverSecret: '4321',
    });
  });
});
