import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { PrintersAPI } from '../api/wails';
import { renderWithApp } from '../test/render';
import { Printers } from './Printers';

vi.mock('../api/wails', () => ({
  PrintersAPI: { Printers: vi.fn(), CupsPrinters: vi.fn(), SetPrinter: vi.fn(), ClearPrinter: vi.fn() },
  DocumentsAPI: {},
  app: new Proxy({}, { get: () => ({ createFrom: (s: unknown) => s }) }),
}));

const rows = (over: Partial<Record<string, { kind: string; target: string }>> = {}) =>
  [
    ['invoice', 'Invoice'],
    ['packing-slip', 'Packing slip'],
    ['pick-list', 'Pick list'],
    ['label', 'Shipping label'],
  ].map(([document, label]) => ({ document, label, kind: '', target: '', updatedAt: '', ...over[document] }));

describe('Printers', () => {
  beforeEach(() => {
    vi.mocked(PrintersAPI.Printers).mockReset().mockResolvedValue(rows() as never);
    vi.mocked(PrintersAPI.CupsPrinters).mockReset().mockResolvedValue(['Office_Laser', 'PDF']);
    vi.mocked(PrintersAPI.SetPrinter).mockReset();
    vi.mocked(PrintersAPI.ClearPrinter).mockReset().mockResolvedValue(undefined);
  });

  it('sets a folder for packing slips, with the backend’s error on the field', async () => {
    const user = userEvent.setup();
    renderWithApp(<Printers canEdit />);
    const slip = await screen.findByRole('group', { name: 'Packing slip' });
    expect(within(slip).getByText('Now: No printer set')).toBeInTheDocument();
    // Labels may use ZPL, documents on paper may not.
    expect(within(slip).queryByRole('option', { name: 'Thermal printer (ZPL)' })).toBeNull();
    const label = screen.getByRole('group', { name: 'Shipping label' });
    expect(within(label).getByRole('option', { name: 'Thermal printer (ZPL)' })).toBeInTheDocument();

    await user.selectOptions(within(slip).getByLabelText('Printer type'), 'folder');
    await user.click(within(slip).getByRole('button', { name: 'Save' }));
    expect(await within(slip).findByText('Enter the folder’s full path.')).toBeInTheDocument();
    expect(PrintersAPI.SetPrinter).not.toHaveBeenCalled();

    vi.mocked(PrintersAPI.SetPrinter).mockRejectedValueOnce(
      JSON.stringify({ code: 'EINVALID', message: 'There is no folder /srv/nope on this workstation.', field: 'target' }),
    );
    await user.type(within(slip).getByLabelText('Folder path'), '/srv/nope');
    await user.click(within(slip).getByRole('button', { name: 'Save' }));
    expect(await within(slip).findByText('There is no folder /srv/nope on this workstation.')).toBeInTheDocument();
    expect(PrintersAPI.SetPrinter).toHaveBeenCalledWith({ document: 'packing-slip', kind: 'folder', target: '/srv/nope' });

    vi.mocked(PrintersAPI.SetPrinter).mockResolvedValueOnce({ document: 'packing-slip', label: 'Packing slip', kind: 'folder', target: '/srv/hot', updatedAt: '' } as never);
    vi.mocked(PrintersAPI.Printers).mockResolvedValue(rows({ 'packing-slip': { kind: 'folder', target: '/srv/hot' } }) as never);
    const input = within(slip).getByLabelText('Folder path');
    await user.clear(input);
    await user.type(input, '/srv/hot');
    await user.click(within(slip).getByRole('button', { name: 'Save' }));
    const saved = await screen.findByText('Now: Saved to the folder /srv/hot');
    const group = saved.closest('fieldset') as HTMLElement;
    await user.click(within(group).getByRole('button', { name: 'Clear' }));
    await waitFor(() => expect(PrintersAPI.ClearPrinter).toHaveBeenCalledWith('packing-slip'));
  });

  it('shows where documents print to those who may not change it', async () => {
    vi.mocked(PrintersAPI.Printers).mockResolvedValue(rows({ label: { kind: 'zpl', target: '10.0.0.5:9100' } }) as never);
    renderWithApp(<Printers canEdit={false} />);
    expect(await screen.findByText('Thermal printer at 10.0.0.5:9100 (ZPL)')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Save' })).toBeNull();
    expect(PrintersAPI.CupsPrinters).not.toHaveBeenCalled();
  });
});
