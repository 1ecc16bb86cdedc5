import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ShipmentsAPI, ShippingAPI } from '../api/wails';
import { errorBeep } from '../counter/beep';
import { renderWithApp } from '../test/render';
import { PackingPage } from './PackingPage';

vi.mock('../api/wails', () => ({
  ShipmentsAPI: { PackOrder: vi.fn(), PackOrderByID: vi.fn(), PackScan: vi.fn(), CreateShipment: vi.fn() },
  ShippingAPI: { Carriers: vi.fn(), Quote: vi.fn() },
  SettingsAPI: { Company: vi.fn(async () => ({ currency: 'EUR' })), Currencies: vi.fn(async () => [{ code: 'EUR', minorUnits: 2 }]) },
  CatalogAPI: {},
  DocumentsAPI: {},
  PrintersAPI: {},
  OrdersAPI: {},
  EventsOn: vi.fn(() => () => {}),
  app: new Proxy({}, { get: () => ({ createFrom: (s: unknown) => s }) }),
}));
vi.mock('../counter/beep', () => ({ beep: vi.fn(), okBeep: vi.fn(), errorBeep: vi.fn() }));

const addr = { name: 'Karl', company: '', line1: 'Hauptstr. 1', line2: '', postalCode: '10115', city: 'Berlin', region: '', country: 'DE', phone: '' };
const order = { id: 'o1', number: 'A-7', customerId: 'c1', customerName: '', shippingAddress: addr, billingAddress: addr, notes: 'Call first', lines: [] };
const mug = { lineId: 'l1', productId: 'mug', sku: 'MUG', name: 'Mug', quantity: 3, picked: 3, shipped: 0, backordered: 0, packable: 3, unitWeightG: 400 };
const tea = { lineId: 'l2', productId: 'tea', sku: 'TEA', name: 'Tea', quantity: 1, picked: 1, shipped: 0, backordered: 0, packable: 1, unitWeightG: 100 };
const carrier = { id: 'c1', name: 'Van', trackingUrl: '', trackingPattern: 'V{seq:6}', active: true, services: [{ id: 'sv1', carrierId: 'c1', code: 'DAY', name: 'Same day', active: true }], zones: [] };
const created = {
  id: 's1', number: 'S-1', orderId: 'o1', carrierName: 'Van', serviceName: 'Same day', trackingNumber: 'V000001', cost: 500, weightG: 1500,
  packages: [{ packageNo: 1, weightG: 1500, lengthMm: 305, widthMm: 0, heightMm: 0 }], lines: [], events: [],
};

describe('PackingPage', () => {
  beforeEach(() => {
    vi.mocked(ShipmentsAPI.PackOrder).mockReset().mockResolvedValue({ order, lines: [mug, tea], shipments: [] } as never);
    vi.mocked(ShipmentsAPI.PackScan).mockReset();
    vi.mocked(ShipmentsAPI.CreateShipment).mockReset();
    vi.mocked(ShipmentsAPI.PackOrderByID).mockReset();
    vi.mocked(ShippingAPI.Carriers).mockReset().mockResolvedValue([carrier] as never);
    vi.mocked(ShippingAPI.Quote).mockReset().mockResolvedValue({ cost: 500, currency: 'EUR', zoneId: 'z', zoneName: 'City', perPackage: [500] } as never);
    vi.mocked(errorBeep).mockReset();
  });

  it('counts scans up to what is packable, converts kg and cm, and keeps the order open for what is left', async () => {
    renderWithApp(<PackingPage />, { route: '/warehouse/packing' });
    const number = screen.getByLabelText('Order number');
    await userEvent.type(number, 'a-7{Enter}');
    expect(ShipmentsAPI.PackOrder).toHaveBeenCalledWith('a-7');
    const card = await screen.findByRole('region', { name: 'Order A-7' });
    expect(card).toHaveTextContent('Karl');
    expect(card).toHaveTextContent('Call first');

    const scan = screen.getByLabelText('Scan item');
    await waitFor(() => expect(scan).toHaveFocus());
    vi.mocked(ShipmentsAPI.PackScan).mockResolvedValue(mug as never);
    await userEvent.type(scan, '2*MUG{Enter}');
    await waitFor(() => expect(screen.getByLabelText('In this shipment: MUG')).toHaveValue('2'));
    await userEvent.type(scan, '2*MUG{Enter}');
    expect(await screen.findByRole('alert')).toHaveTextContent('Too many: only 3 of MUG Mug can go in this shipment.');
    expect(errorBeep).toHaveBeenCalledTimes(1);
    expect(screen.getByLabelText('In this shipment: MUG')).toHaveValue('2');

    // The first package weighs what was counted (2 × 400 g) until the packer types a weight.
    expect(screen.getByLabelText('Package 1 weight (kg)')).toHaveValue('0.8');
    await userEvent.clear(screen.getByLabelText('Package 1 weight (kg)'));
    await userEvent.type(screen.getByLabelText('Package 1 weight (kg)'), '1,5');
    await userEvent.type(screen.getByLabelText('Package 1 length (cm)'), '30,5');
    // The only carrier and its only service are taken; the cost follows.
    expect(await screen.findByText('5.00 EUR · zone City')).toBeInTheDocument();
    expect(ShippingAPI.Quote).toHaveBeenLastCalledWith('c1', 'sv1', 'DE', [1500]);
    expect(screen.getByText(/leave it empty and Van generates one/)).toBeInTheDocument();

    vi.mocked(ShipmentsAPI.CreateShipment).mockResolvedValue(created as never);
    vi.mocked(ShipmentsAPI.PackOrderByID).mockResolvedValue({
      order,
      lines: [{ ...mug, shipped: 2, packable: 1 }, tea],
      shipments: [{ ...created, status: 'label_created' }],
    } as never);
    await userEvent.click(screen.getByRole('button', { name: 'Create shipment' }));
    expect(ShipmentsAPI.CreateShipment).toHaveBeenCalledWith({
      orderId: 'o1',
      carrierId: 'c1',
      serviceId: 'sv1',
      trackingNumber: '',
      lines: [{ lineId: 'l1', quantity: 2 }],
      packages: [{ weightG: 1500, lengthMm: 305, widthMm: 0, heightMm: 0 }],
    });
    expect(await screen.findByText('Shipment S-1 created')).toBeInTheDocument();
    expect(await screen.findByText(/Part of the order is still to pack/)).toBeInTheDocument();
    // A fresh count for the next shipment of the same order.
    await waitFor(() => expect(screen.getByLabelText('In this shipment: MUG')).toHaveValue('0'));
    expect(screen.getByText('1 shipment so far')).toBeInTheDocument();
  }, 20_000);

  it('refuses an order that cannot ship, loudly', async () => {
    vi.mocked(ShipmentsAPI.PackOrder).mockRejectedValue({ code: 'EINVALID', field: 'status', message: 'Order A-7 is cancelled: do not ship it.' });
    renderWithApp(<PackingPage />, { route: '/warehouse/packing' });
    await userEvent.type(screen.getByLabelText('Order number'), 'A-7{Enter}');
    expect(await screen.findByRole('alert')).toHaveTextContent('Order A-7 is cancelled: do not ship it.');
    expect(errorBeep).toHaveBeenCalled();
    expect(screen.queryByLabelText('Scan item')).not.toBeInTheDocument();
  });
});
