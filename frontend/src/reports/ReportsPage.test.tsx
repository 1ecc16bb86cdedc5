import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { EventsOn, ReportsAPI, StockAPI } from '../api/wails';
import { renderWithApp } from '../test/render';
import { ReportsPage } from './ReportsPage';

vi.mock('../api/wails', () => ({
  ReportsAPI: { Reports: vi.fn(), Start: vi.fn(), Cancel: vi.fn(), Save: vi.fn(), Data: vi.fn(), Open: vi.fn() },
  StockAPI: { Warehouses: vi.fn() },
  EventsOn: vi.fn(),
  app: new Proxy({}, { get: () => ({ createFrom: (s: unknown) => s }) }),
}));

type Handler = (data: unknown) => void;
let handlers: Record<string, Handler[]> = {};

function emit(name: string, data: unknown) {
  act(() => {
    for (const h of handlers[name] ?? []) h(data);
  });
}

describe('ReportsPage', () => {
  beforeEach(() => {
    handlers = {};
    (window as { runtime?: unknown }).runtime = {};
    vi.mocked(EventsOn).mockImplementation((name: string, h: Handler) => {
      (handlers[name] ??= []).push(h);
      return () => {
        handlers[name] = (handlers[name] ?? []).filter((x) => x !== h);
      };
    });
    vi.mocked(ReportsAPI.Reports).mockResolvedValue([
      { name: 'sales', title: 'Sales', description: 'Goods sold by day.', filters: ['warehouse', 'customer', 'product'] },
      { name: 'customers', title: 'Customers', description: 'Customers and balances.', filters: ['customer'] },
    ]);
    vi.mocked(StockAPI.Warehouses).mockResolvedValue([{ id: 'w1', code: 'MAIN', name: 'Main', active: true }] as never);
    vi.mocked(ReportsAPI.Start).mockReset().mockResolvedValue('run-1');
    vi.mocked(ReportsAPI.Cancel).mockReset().mockResolvedValue(undefined);
    vi.mocked(ReportsAPI.Data).mockReset();
  });
  afterEach(() => {
    delete (window as { runtime?: unknown }).runtime;
  });

  it('runs a report with its range and filters, shows progress, and downloads it in a browser', async () => {
    const user = userEvent.setup();
    renderWithApp(<ReportsPage />, { route: '/reports' });
    await user.click(await screen.findByRole('radio', { name: /Customers/ }));
    // Customers take no warehouse or product filter.
    expect(screen.queryByLabelText('Product SKU')).toBeNull();
    const from = screen.getByLabelText(/^From/);
    await user.clear(from);
    await user.type(from, '2026-03-01');
    const to = screen.getByLabelText(/^To/);
    await user.clear(to);
    await user.type(to, '2026-03-31');
    await user.type(screen.getByLabelText('Customer code'), ' C-ANNA ');
    await user.click(screen.getByRole('button', { name: 'Run report' }));
    expect(ReportsAPI.Start).toHaveBeenCalledWith('customers', {
      from: '2026-03-01',
      to: '2026-03-31',
      warehouse: '',
      customer: 'C-ANNA',
      product: '',
    });
    await screen.findByRole('button', { name: 'Cancel' });
    emit('reports:progress', { id: 'other', done: 5, total: 10 });
    emit('reports:progress', { id: 'run-1', done: 512, total: 2048 });
    expect(screen.getByText('Writing 512 of 2,048 rows…')).toBeInTheDocument();
    expect(screen.getByRole('progressbar', { name: 'Report progress' })).toHaveAttribute('aria-valuenow', '25');
    emit('reports:done', { id: 'run-1', error: '', fileName: 'customers-2026-03-01-to-2026-03-31.xlsx', rows: 2048 });
    expect(screen.getByRole('heading', { name: /customers-2026-03-01-to-2026-03-31.xlsx is ready/ })).toBeInTheDocument();
    // A browser downloads; there is no system program to open it with.
    expect(screen.queryByRole('button', { name: 'Open' })).toBeNull();
    vi.mocked(ReportsAPI.Data).mockResolvedValue({ fileName: 'c.xlsx', mimeType: 'application/x', base64: 'UEsDBA==' } as never);
    const createObjectURL = vi.fn(() => 'blob:x');
    URL.createObjectURL = createObjectURL;
    URL.revokeObjectURL = vi.fn();
    await user.click(screen.getByRole('button', { name: 'Download' }));
    expect(ReportsAPI.Data).toHaveBeenCalledWith('run-1');
  });

  it('cancels a run and shows errors by field', async () => {
    const user = userEvent.setup();
    renderWithApp(<ReportsPage />, { route: '/reports' });
    vi.mocked(ReportsAPI.Start).mockRejectedValueOnce(
      JSON.stringify({ code: 'ENOTFOUND', field: 'product', message: 'There is no product with SKU NOPE.' }),
    );
    await user.type(await screen.findByLabelText('Product SKU'), 'NOPE');
    await user.click(screen.getByRole('button', { name: 'Run report' }));
    expect(await screen.findByText('There is no product with SKU NOPE.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Run report' }));
    await user.click(await screen.findByRole('button', { name: 'Cancel' }));
    expect(ReportsAPI.Cancel).toHaveBeenCalledWith('run-1');
    emit('reports:done', { id: 'run-1', error: 'cancelled', fileName: 'x.xlsx', rows: 0 });
    expect(screen.getByText('The report was cancelled; nothing was kept.')).toBeInTheDocument();
    expect(within(document.body).queryByRole('button', { name: 'Download' })).toBeNull();
  });
});
