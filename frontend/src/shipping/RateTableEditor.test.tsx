import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ShippingAPI } from '../api/wails';
import { renderWithApp } from '../test/render';
import { RateTableSection } from './RateTableEditor';

vi.mock('../api/wails', () => {
  const passThrough = { createFrom: (s: unknown) => s };
  return {
    ShippingAPI: { Rates: vi.fn(), SetRates: vi.fn() },
    SettingsAPI: {
      Company: vi.fn(async () => ({ currency: 'EUR' })),
      Currencies: vi.fn(async () => [{ code: 'EUR', name: 'Euro', minorUnits: 2 }]),
    },
    app: new Proxy({}, { get: () => passThrough }),
    EventsOn: vi.fn(() => () => {}),
  };
});

const carrier = {
  id: 'c1',
  name: 'DHL Parcel',
  trackingUrl: '',
  trackingPattern: '',
  active: true,
  createdAt: '',
  updatedAt: '',
  services: [{ id: 's1', carrierId: 'c1', code: 'STD', name: 'Standard', active: true }],
  zones: [
    { id: 'dom', carrierId: 'c1', name: 'Domestic', countries: ['DE'] },
    { id: 'eu', carrierId: 'c1', name: 'EU', countries: ['FR'] },
  ],
};

describe('RateTableSection', () => {
  beforeEach(() => {
    vi.mocked(ShippingAPI.Rates).mockReset();
    vi.mocked(ShippingAPI.SetRates).mockReset();
    vi.mocked(ShippingAPI.Rates).mockResolvedValue([
      { id: 'r1', serviceId: 's1', zoneId: 'dom', maxWeightG: 1000, price: 499 },
      { id: 'r2', serviceId: 's1', zoneId: 'eu', maxWeightG: 5000, price: 1799 },
    ] as never);
  });

  it('shows the table as a grid and saves each zone’s column', async () => {
    vi.mocked(ShippingAPI.SetRates).mockResolvedValue([] as never);
    renderWithApp(<RateTableSection carrier={carrier} />);
    const grid = await screen.findByRole('table', { name: 'Rate table of Standard' });
    expect(within(grid).getByLabelText('Band 1 up to kg')).toHaveValue('1');
    expect(within(grid).getByLabelText('Band 1 price to Domestic')).toHaveValue('4.99');
    expect(within(grid).getByLabelText('Band 1 price to EU')).toHaveValue('');
    expect(within(grid).getByLabelText('Band 2 price to EU')).toHaveValue('17.99');

    await userEvent.type(within(grid).getByLabelText('Band 2 price to Domestic'), '6,50');
    await userEvent.click(screen.getByRole('button', { name: 'Save rate table' }));
    await waitFor(() => expect(ShippingAPI.SetRates).toHaveBeenCalledTimes(2));
    expect(ShippingAPI.SetRates).toHaveBeenCalledWith('s1', 'dom', [
      { maxWeightG: 1000, price: 499 },
      { maxWeightG: 5000, price: 650 },
    ]);
    expect(ShippingAPI.SetRates).toHaveBeenCalledWith('s1', 'eu', [{ maxWeightG: 5000, price: 1799 }]);
  });

  it('puts errors on their cells, its own and the backend’s', async () => {
    vi.mocked(ShippingAPI.SetRates).mockRejectedValue(
      JSON.stringify({ code: 'EINVALID', message: 'Enter a price of zero or more.', field: 'bands[0].price' }),
    );
    renderWithApp(<RateTableSection carrier={carrier} />);
    const grid = await screen.findByRole('table', { name: 'Rate table of Standard' });
    const weight = within(grid).getByLabelText('Band 2 up to kg');
    await userEvent.clear(weight);
    await userEvent.type(weight, 'heavy');
    await userEvent.click(screen.getByRole('button', { name: 'Save rate table' }));
    expect(await screen.findByText('Enter the weight in kg, such as 5 or 31.5.')).toBeInTheDocument();
    expect(ShippingAPI.SetRates).not.toHaveBeenCalled();

    await userEvent.clear(weight);
    await userEvent.type(weight, '5');
    await userEvent.click(screen.getByRole('button', { name: 'Save rate table' }));
    expect(await screen.findByText('Enter a price of zero or more.')).toBeInTheDocument();
    expect(within(grid).getByLabelText('Band 1 price to Domestic')).toHaveAttribute('aria-invalid', 'true');
  });
});
