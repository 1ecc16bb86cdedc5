import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ShipmentsAPI } from '../api/wails';
import { errorBeep, okBeep } from '../counter/beep';
import { renderWithApp } from '../test/render';
import { PickScreen } from './PickScreen';

vi.mock('../api/wails', () => ({
  ShipmentsAPI: { PickLines: vi.fn(), Pick: vi.fn(), ShortPick: vi.fn() },
  OrdersAPI: {},
  EventsOn: vi.fn(() => () => {}),
  app: new Proxy({}, { get: () => ({ createFrom: (s: unknown) => s }) }),
}));
vi.mock('../counter/beep', () => ({ beep: vi.fn(), okBeep: vi.fn(), errorBeep: vi.fn() }));

const base = { orderId: 'o1', orderNumber: 'A-1', quantity: 2, backordered: 0, picked: 0 };
const lines = [
  { ...base, lineId: 'l1', productId: 'mug', sku: 'MUG', name: 'Mug', toPick: 2, bin: 'B-02', binSortKey: 'b02' },
  { ...base, lineId: 'l2', orderId: 'o2', orderNumber: 'A-2', productId: 'mug', sku: 'MUG', name: 'Mug', toPick: 1, quantity: 1, bin: 'B-02', binSortKey: 'b02' },
  { ...base, lineId: 'l3', productId: 'tea', sku: 'TEA', name: 'Tea <b>green</b>', toPick: 1, quantity: 1, bin: 'A-01', binSortKey: 'a01' },
];

describe('PickScreen', () => {
  beforeEach(() => {
    vi.mocked(ShipmentsAPI.PickLines).mockReset().mockResolvedValue(lines as never);
    vi.mocked(ShipmentsAPI.Pick).mockReset();
    vi.mocked(ShipmentsAPI.ShortPick).mockReset();
    vi.mocked(okBeep).mockReset();
    vi.mocked(errorBeep).mockReset();
  });

  it('lists the wave by product in bin order and refuses a wrong item loudly, keeping it selected', async () => {
    renderWithApp(<PickScreen />, { route: '/warehouse/picking/pick?orders=o1,o2' });
    const table = await screen.findByRole('table', { name: 'Pick list' });
    await waitFor(() => expect(within(table).getAllByRole('row')).toHaveLength(3));
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getByRole('rowheader').textContent)).toEqual(['TEA', 'MUG']);
    expect(rows[1]).toHaveTextContent('A-1, A-2');
    expect(screen.getByText('Tea <b>green</b>')).toBeInTheDocument();
    const scan = screen.getByLabelText('Scan item');
    await waitFor(() => expect(scan).toHaveFocus());

    vi.mocked(ShipmentsAPI.Pick).mockRejectedValueOnce({ code: 'EINVALID', field: 'code', message: 'Wrong item: SPOON Spoon is not on this pick list.' });
    await userEvent.type(scan, 'SPOON{Enter}');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Wrong item: SPOON Spoon is not on this pick list.');
    expect(errorBeep).toHaveBeenCalledTimes(1);
    expect(okBeep).not.toHaveBeenCalled();
    await waitFor(() => expect(scan).toHaveValue('SPOON'));
  });

  it('sends 3*CODE as a quantity, confirms with the short beep and clears the refusal', async () => {
    renderWithApp(<PickScreen />, { route: '/warehouse/picking/pick?orders=o1,o2' });
    const scan = await screen.findByLabelText('Scan item');
    await screen.findByRole('table', { name: 'Pick list' });
    vi.mocked(ShipmentsAPI.Pick).mockResolvedValueOnce({ line: { ...lines[0], picked: 2 }, quantity: 3 } as never);
    vi.mocked(ShipmentsAPI.PickLines).mockResolvedValue([{ ...lines[0], picked: 2 }, { ...lines[1], picked: 1 }, lines[2]] as never);
    await userEvent.type(scan, '3*MUG{Enter}');
    expect(await screen.findByRole('status')).toHaveTextContent('Picked 3 × MUG Mug from B-02.');
    expect(ShipmentsAPI.Pick).toHaveBeenCalledWith(['o1', 'o2'], 'MUG', 3);
    expect(okBeep).toHaveBeenCalledTimes(1);
    expect(await screen.findByText('3 of 4 units picked')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(scan).toHaveValue('');
  });

  it('records a short pick: the open quantity by default, a note, the backordered count shown', async () => {
    renderWithApp(<PickScreen />, { route: '/warehouse/picking/pick?orders=o1,o2' });
    const table = await screen.findByRole('table', { name: 'Pick list' });
    await userEvent.click(await within(table).findByRole('button', { name: 'Short MUG…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Short pick of MUG' });
    expect(within(dialog).getByLabelText('Missing')).toHaveValue('3');
    await userEvent.clear(within(dialog).getByLabelText('Missing'));
    await userEvent.type(within(dialog).getByLabelText('Missing'), '4');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Record short pick' }));
    expect(await within(dialog).findByText('Enter how many are missing: 1 to 3.')).toBeInTheDocument();
    expect(ShipmentsAPI.ShortPick).not.toHaveBeenCalled();
    const after = [{ ...lines[0], toPick: 1, backordered: 1 }, { ...lines[1], toPick: 0, backordered: 1 }, lines[2]];
    vi.mocked(ShipmentsAPI.ShortPick).mockResolvedValueOnce(after as never);
    vi.mocked(ShipmentsAPI.PickLines).mockResolvedValue(after as never);
    await userEvent.clear(within(dialog).getByLabelText('Missing'));
    await userEvent.type(within(dialog).getByLabelText('Missing'), '2');
    await userEvent.type(within(dialog).getByLabelText('Note'), 'Bin empty');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Record short pick' }));
    expect(ShipmentsAPI.ShortPick).toHaveBeenCalledWith(['o1', 'o2'], 'mug', 2, 'Bin empty');
    const mug = await within(table).findByRole('row', { name: 'MUG 1 open' });
    expect(within(mug).getAllByRole('cell').map((c) => c.textContent)).toContain('2');
    expect(await screen.findByText('0 of 2 units picked, 2 backordered')).toBeInTheDocument();
  });
});
