import { expect, test, type Page } from '@playwright/test';
import { label, shot, signIn } from './support';

// Admin > Shipping through the UI against the real backend: a carrier added
// (a tracking page without {tracking} refused at its field), a service, a
// domestic zone and a rate table of two bands saved, then quotes by that
// table: two packages priced by their bands, and one too heavy refused at the
// weights with the heaviest band named. Runs alone or after the other specs:
// its carrier's name is its own.
test.describe.configure({ mode: 'serial' });

const CARRIER = `Nordpaket ${Date.now() % 100000}`;

async function openShipping(page: Page) {
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: /^Admin/ }).click();
  await page.getByRole('tab', { name: 'Shipping', exact: true }).click();
  await expect(page).toHaveURL(/\/admin\/shipping$/);
  await expect(page.getByRole('table', { name: 'Carriers' })).toBeVisible();
}

test('a carrier with a service, a zone and a rate table quotes parcels', async ({ page }) => {
  await signIn(page);
  await openShipping(page);

  await page.getByRole('button', { name: 'Add carrier' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add carrier' });
  await dialog.getByLabel(label('Carrier name')).fill(CARRIER);
  await dialog.getByLabel('Tracking page').fill('https://track.nordpaket.example/parcel');
  await dialog.getByRole('button', { name: 'Add carrier' }).click();
  await expect(dialog.getByText('Put {tracking} in the address where the tracking number goes.')).toBeVisible();
  await dialog.getByLabel('Tracking page').fill('https://track.nordpaket.example/parcel/{tracking}');
  await dialog.getByRole('button', { name: 'Add carrier' }).click();
  await expect(page.getByRole('heading', { name: CARRIER, level: 2 })).toBeVisible();

  const services = page.getByRole('form', { name: 'Add service' });
  await services.getByLabel(label('Service code')).fill('STD');
  await services.getByLabel(label('Service name')).fill('Standard');
  await services.getByRole('button', { name: 'Add service' }).click();
  await expect(page.getByRole('table', { name: `Services of ${CARRIER}` }).getByRole('rowheader', { name: 'Standard' })).toBeVisible();

  const zones = page.getByRole('form', { name: 'Add zone' });
  await zones.getByLabel(label('Zone name')).fill('Domestic');
  const countries = zones.getByLabel(label('Countries'));
  await countries.click();
  await countries.fill('Germany');
  await page.getByRole('option', { name: /^Germany \(DE\)/ }).click();
  await zones.getByRole('button', { name: 'Add zone' }).click();
  await expect(page.getByRole('table', { name: `Zones of ${CARRIER}` }).getByRole('rowheader', { name: 'Domestic' })).toBeVisible();

  const grid = page.getByRole('table', { name: 'Rate table of Standard' });
  await expect(grid).toBeVisible();
  await grid.getByLabel('Band 1 up to kg').fill('1');
  await grid.getByLabel('Band 1 price to Domestic').fill('4.99');
  await page.getByRole('button', { name: 'Add band' }).click();
  await grid.getByLabel('Band 2 up to kg').fill('5');
  await grid.getByLabel('Band 2 price to Domestic').fill('6,99');
  await page.getByRole('button', { name: 'Save rate table' }).click();
  await expect(page.getByText('Rate table of Standard saved.')).toBeVisible();

  const quote = page.getByRole('region', { name: 'Try a quote' });
  const dest = quote.getByRole('combobox', { name: 'Destination' });
  await dest.click();
  await dest.fill('Germany');
  await page.getByRole('option', { name: 'Germany', exact: true }).click();
  await quote.getByLabel('Package weights (kg)').fill('0.8 4.2');
  await quote.getByRole('button', { name: 'Quote' }).click();
  await expect(quote.getByText(/Zone Domestic: total 11\.98 EUR/)).toBeVisible();
  await expect(quote.getByRole('table', { name: 'Quote per package' })).toContainText('6.99 EUR');

  await quote.getByLabel('Package weights (kg)').fill('6');
  await quote.getByRole('button', { name: 'Quote' }).click();
  await expect(quote.getByText(/Package 1 weighs 6 kg; .* takes at most 5 kg a package/)).toBeVisible();

  // The saved table reads back as typed.
  await page.reload();
  await expect(grid.getByLabel('Band 2 price to Domestic')).toHaveValue('6.99');
  await shot(page, '41-carrier', true);

  await openShipping(page);
  await expect(page.getByRole('table', { name: 'Carriers' }).getByRole('rowheader', { name: CARRIER })).toBeVisible();
  await shot(page, '41-carriers');
});
