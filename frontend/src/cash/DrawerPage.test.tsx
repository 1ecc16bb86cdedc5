import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { PaymentsAPI } from '../api/wails';
import { renderWithApp } from '../test/render';
import { DrawerPage } from './DrawerPage';

vi.mock('../api/wails', () => {
  const passThrough = { createFrom: (s: unknown) => s };
  return {
    PaymentsAPI: {
      CurrentDrawer: vi.fn(),
      OpenDrawer: vi.fn(),
      CloseDrawer: vi.fn(),
      EndOfDayReport: vi.fn(),
      DrawerSessions: vi.fn(),
      PaymentMethods: vi.fn(),
    },
    StatusAPI: { Status: vi.fn(async () => ({ device: { id: 'd1', name: 'Till 1', stationCode: 'S01' }, sync: {}, version: 'dev' })) },
    SettingsAPI: {
      Company: vi.fn(async () => ({ currency: 'EUR' })),
      Currencies: vi.fn(async () => [{ code: 'EUR', name: 'Euro', minorUnits: 2 }]),
    },
    app: new Proxy({}, { get: () => passThrough }),
    EventsOn: vi.fn(() => () => {}),
  };
});

const closedSession = { id: '', deviceId: '', status: '', currency: '', openingFloat: 0, openedByName: '', openedAt: '', closedByName: '', closedAt: '', note: '' };
const open = {
  ...closedSession,
  id: 's1',
  deviceId: 'd1',
  status: 'open',
  currency: 'EUR',
  openingFloat: 5000,
  openedByName: 'Ada Admin',
  openedAt: '2026-05-04T08:00:00Z',
};
const cashLine = {
  methodId: 'cash',
  methodName: 'Cash',
  methodKind: 'cash',
  count: 1,
  payments: 320,
  refunds: 0,
  net: 320,
  expected: 5320,
  counted: 0,
  difference: 0,
  isCounted: false,
};
const openReport = { session: open, openingFloat: 5000, methods: [cashLine], payments: 320, refunds: 0, net: 320, expected: 0, counted: 0, difference: 0 };
const closedReport = {
  ...openReport,
  session: { ...open, status: 'closed', closedByName: 'Ada Admin', closedAt: '2026-05-04T18:00:00Z', note: 'One coin short' },
  methods: [{ ...cashLine, counted: 5220, difference: -100, isCounted: true }],
  expected: 5320,
  counted: 5220,
  difference: -100,
};
const methods = [
  { id: 'cash', name: 'Cash', kind: 'cash', active: true, sort: 10 },
  { id: 'card', name: 'Card terminal', kind: 'card', active: true, sort: 20 },
];

describe('DrawerPage', () => {
  beforeEach(() => {
    for (const fn of Object.values(PaymentsAPI)) vi.mocked(fn).mockReset();
    vi.mocked(PaymentsAPI.PaymentMethods).mockResolvedValue(methods as never);
    vi.mocked(PaymentsAPI.DrawerSessions).mockResolvedValue({ items: [open], total: 1 } as never);
  });

  it('refuses a negative float, then opens the drawer with one', async () => {
    vi.mocked(PaymentsAPI.CurrentDrawer).mockResolvedValue(closedSession as never);
    vi.mocked(PaymentsAPI.OpenDrawer).mockResolvedValue(open as never);
    vi.mocked(PaymentsAPI.EndOfDayReport).mockResolvedValue(openReport as never);
    renderWithApp(<DrawerPage />);
    const user = userEvent.setup();
    const float = await screen.findByLabelText(/Opening float/);
    await user.type(float, '-5');
    await user.click(screen.getByRole('button', { name: 'Open drawer' }));
    expect(await screen.findByText('The opening float cannot be negative.')).toBeInTheDocument();
    expect(PaymentsAPI.OpenDrawer).not.toHaveBeenCalled();

    await user.clear(float);
    await user.type(float, '50');
    await user.click(screen.getByRole('button', { name: 'Open drawer' }));
    expect(await screen.findByRole('heading', { name: 'Current session' })).toBeInTheDocument();
    expect(PaymentsAPI.OpenDrawer).toHaveBeenCalledWith(5000, '');
    expect(await screen.findByRole('table', { name: 'Expected so far' })).toHaveTextContent('53.20 EUR');
  });

  it('shows the difference as the count is typed, and the report after closing', async () => {
    vi.mocked(PaymentsAPI.CurrentDrawer).mockResolvedValue(open as never);
    vi.mocked(PaymentsAPI.EndOfDayReport).mockResolvedValue(openReport as never);
    vi.mocked(PaymentsAPI.CloseDrawer).mockResolvedValue(closedReport as never);
    renderWithApp(<DrawerPage />);
    const user = userEvent.setup();
    const closeButton = await screen.findByRole('button', { name: 'Close drawer' });
    await waitFor(() => expect(closeButton).toBeEnabled());
    await user.click(closeButton);

    const count = screen.getByRole('table', { name: 'Count' });
    const cashRow = within(count).getByRole('row', { name: /^Cash/ });
    await user.type(within(cashRow).getByLabelText('Counted Cash'), '52.20');
    expect(cashRow).toHaveTextContent('-1.00 EUR');
    await user.clear(within(cashRow).getByLabelText('Counted Cash'));
    await user.type(within(cashRow).getByLabelText('Counted Cash'), '54.2');
    expect(cashRow).toHaveTextContent('+1.00 EUR');
    await user.clear(within(cashRow).getByLabelText('Counted Cash'));
    await user.type(within(cashRow).getByLabelText('Counted Cash'), '52.20');
    await user.type(screen.getByLabelText('Note'), 'One coin short');
    await user.click(screen.getByRole('button', { name: 'Close drawer' }));

    // The card terminal took nothing: optional, and not sent when left empty.
    expect(PaymentsAPI.CloseDrawer).toHaveBeenCalledWith([{ methodId: 'cash', counted: 5220 }], 'One coin short');
    const report = await screen.findByRole('region', { name: 'End-of-day report' });
    expect(within(report).getByText('1.00 EUR short')).toBeInTheDocument();
    expect(within(report).getByRole('table', { name: 'End-of-day report by method' })).toHaveTextContent('-1.00 EUR');
    expect(within(report).getByText('One coin short')).toBeInTheDocument();
    expect(await screen.findByRole('form', { name: 'Open the drawer' })).toBeInTheDocument();
  });

  it('shows a refused count next to its input', async () => {
    vi.mocked(PaymentsAPI.CurrentDrawer).mockResolvedValue(open as never);
    vi.mocked(PaymentsAPI.EndOfDayReport).mockResolvedValue(openReport as never);
    vi.mocked(PaymentsAPI.CloseDrawer).mockRejectedValue({ code: 'EINVALID', message: 'Too much cash to be true.', field: 'counts[0].counted' });
    renderWithApp(<DrawerPage />);
    const user = userEvent.setup();
    const closeButton = await screen.findByRole('button', { name: 'Close drawer' });
    await waitFor(() => expect(closeButton).toBeEnabled());
    await user.click(closeButton);
    await user.click(screen.getByRole('button', { name: 'Close drawer' }));
    expect(await screen.findByText('Enter the amount counted for Cash.')).toBeInTheDocument();
    expect(PaymentsAPI.CloseDrawer).not.toHaveBeenCalled();

    await user.type(screen.getByLabelText('Counted Cash'), '53.20');
    await user.click(screen.getByRole('button', { name: 'Close drawer' }));
    expect(await screen.findByText('Too much cash to be true.')).toBeInTheDocument();
    expect(screen.getByLabelText('Counted Cash')).toHaveAttribute('aria-invalid', 'true');
  });
});
