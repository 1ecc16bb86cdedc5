import { execFileSync } from 'node:child_process';
import { expect, test, type Page } from '@playwright/test';
import { area, ensureMainWarehouse, label, pick, shot, signIn, tab } from './support';

// Warehouse → Shipments, end of the day: the parcels waiting for the driver
// are listed, a scanned tracking number ticks its shipment, the page's
// checkbox ticks the rest; their labels download as one PDF in carrier
// order, printing them without a label printer says where to set one up,
// and "Handed to carrier" puts them all in transit. Runs alone on a fresh
// backend or after the other specs: its carriers, product, orders and
// shipments are made for this run through the real backend's bindings (the
// pack station that makes shipments in the UI is another screen's test).
test.describe.configure({ mode: 'serial' });

/** Closes the toasts so a screenshot shows the screen under them. */
async function quiet(page: Page) {
  for (const close of await page.locator('.mantine-Notification-root button').all()) {
    await close.click({ timeout: 1000 }).catch(() => undefined); // it may have closed itself meanwhile
  }
  await expect(page.locator('.mantine-Notification-root')).toHaveCount(0, { timeout: 10_000 });
}

type Seeded = { numbers: string[]; tracking: string[]; orders: string[]; carriers: string[] };

/** Three shipments of three orders: two by carrier A (the second with two parcels), one by carrier B. */
async function seed(page: Page, stamp: string): Promise<Seeded> {
  return page.evaluate(async (stamp) => {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const go = (window as any).go.app;
    const wh = (await go.StockAPI.Warehouses()).find((w: { code: string }) => w.code === 'MAIN');
    const bin = (await go.StockAPI.Bins(wh.id, false)).find((b: { code: string }) => b.code === 'A-01-01');
    const product = await go.CatalogAPI.CreateProduct({
      sku: `SHIP-${stamp}`,
      name: `Parcel test item ${stamp}`,
      description: '',
      unit: '',
      price: 1500,
      cost: 0,
      taxClassId: '',
      weightG: 400,
      lengthMm: 0,
      widthMm: 0,
      heightMm: 0,
      reorderPoint: 0,
      reorderQty: 0,
      barcodes: [],
    });
    await go.StockAPI.Adjust({ productId: product.id, warehouseId: wh.id, binId: bin.id, quantity: 10, reason: 'e2e shipments' });
    const carriers: { id: string; serviceId: string; name: string }[] = [];
    for (const name of [`Alpha Freight ${stamp}`, `Zed Post ${stamp}`]) {
      const c = await go.ShippingAPI.CreateCarrier({ name, trackingUrl: '', trackingPattern: '' });
      const s = await go.ShippingAPI.CreateService(c.id, { code: 'STD', name: 'Standard' });
      const z = await go.ShippingAPI.CreateZone(c.id, { name: 'Domestic', countries: ['DE'] });
      await go.ShippingAPI.SetRates(s.id, z.id, [{ maxWeightG: 30000, price: 590 }]);
      carriers.push({ id: c.id, serviceId: s.id, name });
    }
    const out = { numbers: [] as string[], tracking: [] as string[], orders: [] as string[], carriers: carriers.map((c) => c.name) };
    const plan = [
      { carrier: carriers[0], packages: 1 },
      { carrier: carriers[0], packages: 2 },
      { carrier: carriers[1], packages: 1 },
    ];
    for (const [i, p] of plan.entries()) {
      let o = await go.OrdersAPI.NewOrder({ customerId: '', channel: 'phone', warehouseId: wh.id, notes: '' });
      const address = { name: `Empfänger ${i + 1}`, company: '', line1: 'Lindenstraße 5', line2: '', postalCode: '10969', city: 'Berlin', region: '', country: 'DE', phone: '' };
      o = await go.OrdersAPI.UpdateOrder(o.id, o.version, {
        customerId: '',
        channel: 'phone',
        warehouseId: wh.id,
        billingAddress: address,
        shippingAddress: address,
        notes: '',
        discountBps: 0,
        shipping: 0,
      });
      o = await go.OrdersAPI.AddLine(o.id, o.version, product.id, p.packages, 0);
      o = await go.OrdersAPI.Confirm(o.id, o.version);
      const tracking = `E2E${stamp}${i + 1}`.toUpperCase();
      const sh = await go.ShipmentsAPI.CreateShipment({
        orderId: o.id,
        carrierId: p.carrier.id,
        serviceId: p.carrier.serviceId,
        trackingNumber: tracking,
        lines: [{ lineId: o.lines[0].id, quantity: p.packages }],
        packages: Array.from({ length: p.packages }, () => ({ weightG: 450, lengthMm: 0, widthMm: 0, heightMm: 0 })),
      });
      out.numbers.push(sh.number);
      out.tracking.push(tracking);
      out.orders.push(o.number);
    }
    return out;
  }, stamp);
}

test('hand the day’s parcels to the carrier from Warehouse → Shipments', async ({ page }) => {
  const stamp = Date.now().toString(36);
  await signIn(page);
  await ensureMainWarehouse(page);
  const s = await seed(page, stamp);

  await area(page, 'Warehouse');
  await tab(page, 'Shipments');
  const list = page.getByRole('table', { name: 'Shipments' });
  await expect(page.getByText(/waiting for the driver$/)).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Shipment or tracking number' })).toBeFocused();

  // One carrier's parcels: its two shipments, newest first, with their orders.
  await pick(page, page, 'Carrier', new RegExp(`^Alpha Freight ${stamp}$`), 'Alpha');
  await expect(page.getByText('2 shipments waiting for the driver')).toBeVisible();
  const rowOf = (i: number) => list.getByRole('row').filter({ hasText: s.numbers[i] });
  await expect(rowOf(1)).toContainText(s.orders[1]);
  await expect(rowOf(1)).toContainText(s.tracking[1]);
  await expect(rowOf(1)).toContainText('Label created');
  await expect(rowOf(1)).toContainText(`Alpha Freight ${stamp}`);
  await expect(rowOf(1).getByRole('cell').nth(5)).toHaveText('2 · 900 g');
  await expect(list.getByRole('row').nth(1)).toContainText(s.numbers[1]);
  await expect(list.getByRole('row').nth(2)).toContainText(s.numbers[0]);

  // The driver's scanner: a tracking number and Enter ticks its shipment and clears the field.
  const search = page.getByRole('textbox', { name: 'Shipment or tracking number' });
  await search.fill(s.tracking[0]);
  await search.press('Enter');
  await expect(search).toHaveValue('');
  const bar = page.getByRole('region', { name: 'Selected shipments' });
  await expect(bar).toContainText('1 shipment selected, 1 package');
  await expect(list.getByRole('checkbox', { name: `Select shipment ${s.numbers[0]}` })).toBeChecked();
  // The page's checkbox ticks the rest.
  await list.getByRole('checkbox', { name: 'Select all shipments on this page' }).check();
  await expect(bar).toContainText('2 shipments selected, 3 packages');
  await quiet(page);
  await shot(page, '42-shipments-selected');

  // Labels of both as one PDF in the chosen order: three pages, one per parcel.
  await pick(page, bar, 'Print in order of', /^Order number$/);
  const [download] = await Promise.all([page.waitForEvent('download'), bar.getByRole('button', { name: 'Save labels as PDF' }).click()]);
  expect(download.suggestedFilename()).toBe('labels-2-shipments.pdf');
  const path = await download.path();
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [path]).toString())?.[1]);
  expect(pages).toBe(3);
  const text = execFileSync('pdftotext', ['-layout', path, '-']).toString();
  for (const want of [s.tracking[0], s.tracking[1], s.numbers[0], s.numbers[1], 'Empfänger 1', 'Empfänger 2', '1 of 2', '2 of 2']) {
    expect(text).toContain(want);
  }
  expect(text.indexOf(s.numbers[0])).toBeLessThan(text.indexOf(s.numbers[1]));

  // Packing slips too: one page per shipment.
  const [slips] = await Promise.all([page.waitForEvent('download'), bar.getByRole('button', { name: 'Save packing slips as PDF' }).click()]);
  expect(slips.suggestedFilename()).toBe('packing-slips-2-shipments.pdf');
  const slipText = execFileSync('pdftotext', ['-layout', await slips.path(), '-']).toString();
  expect(slipText).toContain(s.orders[0]);
  expect(slipText).toContain(s.orders[1]);

  // No label printer on this workstation: said plainly, with the way to Settings.
  const printers = await page.evaluate(async () => {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const list = await (window as any).go.app.PrintersAPI.Printers();
    return list.find((p: { document: string; kind: string }) => p.document === 'label')?.kind ?? '';
  });
  if (printers === '') {
    await bar.getByRole('button', { name: 'Print labels' }).click();
    const alert = bar.getByRole('alert').filter({ hasText: 'Labels not printed' });
    await expect(alert).toContainText('Settings → Printers');
    await expect(alert.getByRole('button', { name: 'Set up printers' })).toBeVisible();
    await quiet(page);
  await shot(page, '42-shipments-no-printer');
    await alert.getByRole('button', { name: 'Dismiss' }).click();
  }

  // Handed to carrier: both in transit at once, with the note.
  await bar.getByRole('button', { name: 'Handed to carrier' }).click();
  const dialog = page.getByRole('dialog', { name: 'Handed to carrier: 2 shipments' });
  await dialog.getByLabel(label('Note (optional)')).fill('Collected by the Alpha driver');
  await shot(page, '42-shipments-handover');
  await dialog.getByRole('button', { name: 'Hand over 2 shipments' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('0 shipments waiting for the driver')).toBeVisible();
  await expect(bar).toContainText('No shipment selected');
  await pick(page, page, 'Status', /^In transit$/);
  await expect(page.getByText('2 shipments in transit')).toBeVisible();
  await expect(rowOf(0)).toContainText('In transit');
  await expect(rowOf(1)).toContainText('In transit');
  // The other carrier's parcel still waits.
  await pick(page, page, 'Carrier', new RegExp(`^Zed Post ${stamp}$`), 'Zed');
  await pick(page, page, 'Status', /^Waiting for the driver$/);
  await expect(page.getByText('1 shipment waiting for the driver')).toBeVisible();
  await expect(rowOf(2)).toContainText('Label created');
  await quiet(page);
  await shot(page, '42-shipments-after');

  // The order link leads to the order.
  await rowOf(2).getByRole('link', { name: s.orders[2] }).click();
  await expect(page.getByRole('heading', { name: `Order ${s.orders[2]}`, level: 1 })).toBeVisible();
});
