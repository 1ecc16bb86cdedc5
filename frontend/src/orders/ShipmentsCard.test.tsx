import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ShipmentsAPI } from '../api/wails';
import { renderWithApp } from '../test/render';
import { ShipmentsCard } from './ShipmentsCard';

vi.mock('../api/wails', () => ({
  ShipmentsAPI: { Shipments: vi.fn(), Shipment: vi.fn(), UpdateStatus: vi.fn(), SetTracking: vi.fn() },
  DocumentsAPI: {},
  PrintersAPI: {},
  BrowserOpenURL: vi.fn(),
  EventsOn: vi.fn(() => () => {}),
  app: new Proxy({}, { get: () => ({ createFrom: (s: unknown) => s }) }),
}));

const shipment = (p: Record<string, unknown>) => ({
  id: 's1', number: 'S-1', orderId: 'o1', carrierId: 'c1', carrierName: 'DHL', serviceCode: 'STD', serviceName: 'Standard',
  trackingNumber: '00340434', trackingUrl: 'https://track.example.com/?n=00340434', status: 'in_transit', cost: 590, currency: 'EUR',
  weightG: 1500, createdBy: 'pat', createdAt: '2026-12-01T10:00:00Z',
  packages: [{ packageNo: 1, weightG: 1500, lengthMm: 300, widthMm: 200, heightMm: 105 }],
  lines: [{ orderLineId: 'l1', productId: 'p1', sku: 'MUG', name: 'Mug <i>blue</i>', quantity: 2 }],
  events: [],
  ...p,
});
const money = (m: number) => `${(m / 100).toFixed(2)} EUR`;

describe('ShipmentsCard', () => {
  beforeEach(() => {
    vi.mocked(ShipmentsAPI.Shipments).mockReset();
    vi.mocked(ShipmentsAPI.UpdateStatus).mockReset();
  });

  it('shows a shipment with its tracking link and offers only the next allowed steps', async () => {
    vi.mocked(ShipmentsAPI.Shipments).mockResolvedValue({ items: [shipment({})], total: 1 } as never);
    renderWithApp(<ShipmentsCard orderId="o1" money={money} canUpdate />);
    const card = await screen.findByRole('article', { name: 'Shipment S-1' });
    expect(within(card).getByRole('link', { name: 'Track 00340434' })).toHaveAttribute('href', 'https://track.example.com/?n=00340434');
    expect(card).toHaveTextContent('1: 1.5 kg, 30 × 20 × 10.5 cm');
    expect(card).toHaveTextContent('2 × MUG Mug <i>blue</i>');
    const actions = within(card).getByRole('group', { name: 'Actions of shipment S-1' });
    expect(within(actions).getAllByRole('button').map((b) => b.textContent)).toEqual([
      'Change tracking number',
      'Mark delivered',
      'Mark exception',
      'Mark returned',
    ]);
  });

  it('sends a step with its note', async () => {
    vi.mocked(ShipmentsAPI.Shipments).mockResolvedValue({ items: [shipment({ status: 'exception' })], total: 1 } as never);
    vi.mocked(ShipmentsAPI.UpdateStatus).mockResolvedValue(shipment({ status: 'in_transit' }) as never);
    renderWithApp(<ShipmentsCard orderId="o1" money={money} canUpdate />);
    const card = await screen.findByRole('article', { name: 'Shipment S-1' });
    await userEvent.click(within(card).getByRole('button', { name: 'Mark in transit' }));
    const dialog = await screen.findByRole('dialog', { name: 'Shipment S-1: In transit' });
    await userEvent.type(within(dialog).getByLabelText('Note'), 'Cleared customs');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Mark in transit' }));
    expect(ShipmentsAPI.UpdateStatus).toHaveBeenCalledWith('s1', 'in_transit', 'Cleared customs');
  });

  it('offers nothing after delivery, nor without the warehouse permission, and shows no link that is not a web page', async () => {
    vi.mocked(ShipmentsAPI.Shipments).mockResolvedValue({
      items: [shipment({ status: 'delivered' }), shipment({ id: 's2', number: 'S-2', trackingUrl: 'javascript:alert(1)' })],
      total: 2,
    } as never);
    const { unmount } = renderWithApp(<ShipmentsCard orderId="o1" money={money} canUpdate />);
    const done = await screen.findByRole('article', { name: 'Shipment S-1' });
    expect(within(done).queryByRole('group', { name: 'Actions of shipment S-1' })).not.toBeInTheDocument();
    expect(within(screen.getByRole('article', { name: 'Shipment S-2' })).queryByRole('link')).not.toBeInTheDocument();
    unmount();
    renderWithApp(<ShipmentsCard orderId="o1" money={money} canUpdate={false} />);
    await screen.findByRole('article', { name: 'Shipment S-1' });
    expect(screen.queryByRole('group', { name: /^Actions of shipment/ })).not.toBeInTheDocument();
  });
});
