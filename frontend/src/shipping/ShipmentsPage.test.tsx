import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ShipmentRow } from '../api/shipmentBatch';
import { ShipmentsAPI, ShippingAPI } from '../api/wails';
import { renderWithApp } from '../test/render';
import { ShipmentsPage } from './ShipmentsPage';

vi.mock('../api/wails', () => ({
  ShipmentsAPI: { Shipments: vi.fn(), UpdateStatuses: vi.fn(), SaveBatch: vi.fn(), BatchData: vi.fn(), PrintBatch: vi.fn() },
  ShippingAPI: { Carriers: vi.fn() },
  DocumentsAPI: {},
  PrintersAPI: {},
  OrdersAPI: {},
  EventsOn: vi.fn(() => () => undefined),
  app: new Proxy({}, { get: () => ({ createFrom: (s: unknown) => s }) }),
}));

const row = (n: number, status = 'label_created'): ShipmentRow => ({
  id: `s${n}`,
  number: `LOCAL-S00000${n}`,
  orderId: `o${n}`,
  orderNumber: `LOCAL-00000${n}`,
  carrierId: 'c1',
  carrierName: '<b>DHL</b> Parcel',
  serviceCode: 'STD',
  serviceName: 'Standard',
  trackingNumber: `JJD00${n}`,
  trackingUrl: '',
  status,
  cost: 590,
  currency: 'EUR',
  weightG: 1250,
  createdBy: 'packer',
  createdAt: '2026-03-02T09:00:00Z',
  packages: [{ packageNo: 1, weightG: 1250, lengthMm: 0, widthMm: 0, heightMm: 0 }],
  lines: [],
  events: [],
});

function renderPage(canUpdate = true) {
  return renderWithApp(
    <Routes>
      <Route path="/warehouse/shipments" element={<ShipmentsPage canUpdate={canUpdate} />} />
      <Route path="/settings" element={<h1>Settings page</h1>} />
    </Routes>,
    { route: '/warehouse/shipments' },
  );
}

describe('ShipmentsPage', () => {
  beforeEach(() => {
    vi.mocked(ShipmentsAPI.Shipments).mockReset();
    vi.mocked(ShipmentsAPI.UpdateStatuses).mockReset();
    vi.mocked(ShipmentsAPI.PrintBatch).mockReset();
    vi.mocked(ShippingAPI.Carriers).mockResolvedValue([]);
    vi.mocked(ShipmentsAPI.Shipments).mockResolvedValue({ items: [row(2), row(1)], total: 2 } as never);
  });

  it('lists the shipments waiting for the driver, user text as text', async () => {
    renderPage();
    const table = await screen.findByRole('table', { name: 'Shipments' });
    expect(await within(table).findByText('LOCAL-S000002')).toBeInTheDocument();
    expect(ShipmentsAPI.Shipments).toHaveBeenCalledWith(expect.objectContaining({ status: 'label_created', limit: 50, offset: 0 }));
    expect(screen.getByText('2 shipments waiting for the driver')).toBeInTheDocument();
    expect(within(table).getAllByText('<b>DHL</b> Parcel')).toHaveLength(2);
    expect(table.querySelector('b')).toBeNull();
    expect(within(table).getByRole('link', { name: 'LOCAL-000001' })).toHaveAttribute('href', '/orders/o1');
  });

  it('hands the page’s shipments to the carrier in one call, with the note', async () => {
    const user = userEvent.setup();
    renderPage();
    const table = await screen.findByRole('table', { name: 'Shipments' });
    await within(table).findByText('LOCAL-S000002');
    await user.click(within(table).getByRole('checkbox', { name: 'Select all shipments on this page' }));
    const bar = screen.getByRole('region', { name: 'Selected shipments' });
    expect(bar).toHaveTextContent('2 shipments selected, 2 packages');
    vi.mocked(ShipmentsAPI.UpdateStatuses).mockResolvedValueOnce([row(2, 'in_transit'), row(1, 'in_transit')] as never);
    await user.click(within(bar).getByRole('button', { name: 'Handed to carrier' }));
    const dialog = await screen.findByRole('dialog', { name: 'Handed to carrier: 2 shipments' });
    await user.type(within(dialog).getByRole('textbox', { name: 'Note (optional)' }), 'Driver at 17:05');
    await user.click(within(dialog).getByRole('button', { name: 'Hand over 2 shipments' }));
    expect(ShipmentsAPI.UpdateStatuses).toHaveBeenCalledWith(['s2', 's1'], 'in_transit', 'Driver at 17:05');
    await waitFor(() => expect(bar).toHaveTextContent('No shipment selected'));
  });

  it('keeps the selection and says why when the backend refuses the step', async () => {
    const user = userEvent.setup();
    renderPage();
    const table = await screen.findByRole('table', { name: 'Shipments' });
    await user.click(await within(table).findByRole('checkbox', { name: 'Select shipment LOCAL-S000001' }));
    vi.mocked(ShipmentsAPI.UpdateStatuses).mockRejectedValueOnce(
      JSON.stringify({ code: 'EINVALID', field: 'ids[0]', message: 'Shipment LOCAL-S000001 is delivered; its journey is over.' }),
    );
    const bar = screen.getByRole('region', { name: 'Selected shipments' });
    await user.click(within(bar).getByRole('button', { name: 'Delivered' }));
    const dialog = await screen.findByRole('dialog', { name: 'Delivered: 1 shipment' });
    await user.click(within(dialog).getByRole('button', { name: 'Mark delivered: 1 shipment' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('Shipment LOCAL-S000001 is delivered; its journey is over.');
    expect(bar).toHaveTextContent('1 shipment selected');
  });

  it('prints labels sorted as chosen, and without a printer leads to Settings', async () => {
    const user = userEvent.setup();
    renderPage();
    const table = await screen.findByRole('table', { name: 'Shipments' });
    await user.click(await within(table).findByRole('checkbox', { name: 'Select shipment LOCAL-S000001' }));
    await user.click(within(table).getByRole('checkbox', { name: 'Select shipment LOCAL-S000002' }));
    vi.mocked(ShipmentsAPI.PrintBatch).mockRejectedValueOnce(
      JSON.stringify({
        code: 'ENOTFOUND',
        field: 'printer',
        message: 'No printer is set for shipping labels on this workstation: choose one in Settings → Printers.',
      }),
    );
    const bar = screen.getByRole('region', { name: 'Selected shipments' });
    const sort = within(bar).getAllByLabelText('Print in order of').find((el) => el.tagName === 'INPUT');
    await user.click(sort as HTMLElement);
    await user.click(await screen.findByRole('option', { name: 'Carrier' }));
    await user.click(within(bar).getByRole('button', { name: 'Print labels' }));
    expect(ShipmentsAPI.PrintBatch).toHaveBeenCalledWith('label', ['s1', 's2'], 'carrier');
    const alert = await within(bar).findByRole('alert');
    expect(alert).toHaveTextContent('Labels not printed');
    await user.click(within(alert).getByRole('button', { name: 'Set up printers' }));
    expect(await screen.findByRole('heading', { name: 'Settings page' })).toBeInTheDocument();
  });

  it('pages through thousands, 50 at a time', async () => {
    const user = userEvent.setup();
    vi.mocked(ShipmentsAPI.Shipments).mockResolvedValue({ items: [row(2), row(1)], total: 2345 } as never);
    renderPage();
    expect(await screen.findByText('1–50 of 2,345')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Page 2' }));
    await waitFor(() => expect(ShipmentsAPI.Shipments).toHaveBeenLastCalledWith(expect.objectContaining({ limit: 50, offset: 50 })));
    expect(await screen.findByText('51–100 of 2,345')).toBeInTheDocument();
  });

  it('offers no status steps without the warehouse permission', async () => {
    renderPage(false);
    await screen.findByText('LOCAL-S000002');
    expect(screen.queryByRole('button', { name: 'Handed to carrier' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Save labels as PDF' })).toBeDisabled();
  });
});
