import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { area, ensureCustomer, ensureMainWarehouse, label, pick, shot, signIn, tab } from './support';

// Pick, pack and ship through the UI against the real backend: a phone
// order to Germany of 3 mugs (by barcode) and a tea, confirmed, picked by
// scanning on the pick screen (a wrong item and one too many refused
// loudly), packed at the pack station in 2 packages with a carrier's quote,
// shipped, its labels saved (read back with pdftotext) and printed to a
// folder printer set for labels in Settings → Printers, and marked
// delivered on the order page. Runs alone on a fresh backend or after the
// other specs; it clears the label printer it sets.
test.describe.configure({ mode: 'serial' });

const CUSTOMER = 'Karl Versand';
const MUG = { sku: 'PP-MUG', name: 'Enamel mug 350 ml', ean: '4012345678901', price: '9.50', weight: '350' };
const TEA = { sku: 'PP-TEA', name: 'Loose leaf tea 100 g', price: '6.00', weight: '120' };
const SPOON = { sku: 'PP-SPOON', name: 'Wooden spoon', price: '3.00' };
const CARRIER = 'E2E Parcel';

/**
 * The carrier, once, under Admin → Shipping: a tracking page, a tracking
 * number pattern, a service, a zone for Germany and a rate table (up to
 * 2 kg 4.90, up to 10 kg 8.90).
 */
async function ensureCarrier(page: Page) {
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: /^Admin/ }).click();
  await page.getByRole('tab', { name: 'Shipping', exact: true }).click();
  const carriers = page.getByRole('table', { name: 'Carriers' });
  await expect(carriers).toBeVisible();
  await expect(carriers.getByRole('row').nth(1)).toBeVisible();
  if ((await carriers.getByRole('rowheader', { name: CARRIER }).count()) > 0) return;
  await page.getByRole('button', { name: 'Add carrier' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add carrier' });
  await dialog.getByLabel(label('Carrier name')).fill(CARRIER);
  await dialog.getByLabel('Tracking page').fill('https://track.example.com/parcel?n={tracking}');
  await dialog.getByLabel('Tracking number pattern').fill('EP{seq:8}{check}');
  await dialog.getByRole('button', { name: 'Add carrier' }).click();
  await expect(page.getByRole('heading', { name: CARRIER, level: 2 })).toBeVisible();

  const services = page.getByRole('form', { name: 'Add service' });
  await services.getByLabel(label('Service code')).fill('STD');
  await services.getByLabel(label('Service name')).fill('Standard');
  await services.getByRole('button', { name: 'Add service' }).click();
  await expect(page.getByRole('table', { name: `Services of ${CARRIER}` }).getByRole('rowheader', { name: 'Standard' })).toBeVisible();

  const zones = page.getByRole('form', { name: 'Add zone' });
  await zones.getByLabel(label('Zone name')).fill('Germany');
  const countries = zones.getByLabel(label('Countries'));
  await countries.click();
  await countries.fill('Germany');
  await page.getByRole('option', { name: /^Germany \(DE\)/ }).click();
  await zones.getByRole('button', { name: 'Add zone' }).click();
  await expect(page.getByRole('table', { name: `Zones of ${CARRIER}` }).getByRole('rowheader', { name: 'Germany' })).toBeVisible();

  const grid = page.getByRole('table', { name: 'Rate table of Standard' });
  await grid.getByLabel('Band 1 up to kg').fill('2');
  await grid.getByLabel('Band 1 price to Germany').fill('4.90');
  await page.getByRole('button', { name: 'Add band' }).click();
  await grid.getByLabel('Band 2 up to kg').fill('10');
  await grid.getByLabel('Band 2 price to Germany').fill('8.90');
  await page.getByRole('button', { name: 'Save rate table' }).click();
  await expect(page.getByText('Rate table of Standard saved.')).toBeVisible();
}

/** A product, once; then stock into MAIN / A-01-01 on every run, so the order can reserve it. */
async function ensureProduct(page: Page, p: { sku: string; name: string; price: string; ean?: string; weight?: string }, stock: number) {
  await area(page, 'Stock');
  await page.getByLabel('Search products').fill(p.sku);
  const products = page.getByRole('grid', { name: 'Products' });
  await expect(page.getByText(/^(No products|\d+ products?)/)).toBeVisible();
  const row = products.getByRole('row').filter({ hasText: p.name });
  if ((await row.count()) === 0) {
    await page.getByRole('button', { name: 'New product' }).click();
    const dialog = page.getByRole('dialog', { name: 'New product' });
    await dialog.getByLabel(label('SKU')).fill(p.sku);
    await dialog.getByLabel(label('Name')).fill(p.name);
    if (p.ean) {
      await dialog.getByLabel('Barcodes').fill(p.ean);
      await dialog.getByLabel('Barcodes').press('Enter');
    }
    await dialog.getByLabel(label('Price')).fill(p.price);
    if (p.weight) await dialog.getByLabel('Weight (g)').fill(p.weight);
    await dialog.getByRole('button', { name: 'Save product' }).click();
  } else {
    await row.click();
  }
  await expect(page.getByRole('heading', { name: p.name, level: 1 })).toBeVisible();
  if (stock === 0) return;
  await page.getByRole('button', { name: 'Adjust stock' }).click();
  const dialog = page.getByRole('dialog', { name: 'Adjust stock' });
  await pick(page, dialog, 'Warehouse', /^MAIN – /);
  await pick(page, dialog, 'Bin', /^A-01-01$/);
  await dialog.getByLabel(label('Quantity')).fill(String(stock));
  await dialog.getByLabel(label('Reason')).fill('Stock for pick and pack');
  await dialog.getByRole('button', { name: 'Post adjustment' }).click();
  await expect(dialog).toBeHidden();
}

test('pick by scanning, pack in two packages, ship with a carrier, deliver', async ({ page }) => {
  await signIn(page);
  await ensureCarrier(page);
  await ensureMainWarehouse(page);
  await ensureProduct(page, MUG, 3);
  await ensureProduct(page, TEA, 1);
  await ensureProduct(page, SPOON, 0);

  // The customer, once.
  await ensureCustomer(page, CUSTOMER, 'Versand');

  // A phone order: 3 mugs, a tea, to Berlin.
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: /^Orders/ }).click();
  await page.getByRole('button', { name: 'New order' }).click();
  const create = page.getByRole('dialog', { name: 'New order' });
  await pick(page, create, 'Customer', new RegExp(`^${CUSTOMER}$`), 'Versand');
  await create.getByRole('button', { name: 'Create draft' }).click();
  const heading = page.getByRole('heading', { name: /^Order \S+-\d+$/, level: 1 });
  await expect(heading).toBeVisible();
  const number = ((await heading.textContent()) ?? '').replace(/^Order /, '');
  const add = page.getByLabel('Add by SKU or barcode');
  await add.fill(`3*${MUG.ean}`);
  await add.press('Enter');
  const lines = page.getByRole('table', { name: 'Order lines' });
  await expect(lines.getByRole('row').filter({ hasText: MUG.sku })).toContainText(MUG.name);
  await add.fill(TEA.sku);
  await add.press('Enter');
  await expect(lines.getByRole('row').filter({ hasText: TEA.sku })).toContainText(TEA.name);
  await page.getByRole('group', { name: 'Order actions' }).getByRole('button', { name: 'Edit details' }).click();
  const details = page.getByRole('dialog', { name: `Details of order ${number}` });
  await details.getByLabel('Billing address: Name').fill(CUSTOMER);
  await details.getByLabel('Billing address: Address line 1').fill('Friedrichstraße 44');
  await details.getByLabel('Billing address: Postal code').fill('10117');
  await details.getByLabel('Billing address: City').fill('Berlin');
  await pick(page, details, 'Billing address: Country', /^Germany \(DE\)$/, 'Germany');
  await details.getByLabel('Notes').fill('Fragile: <i>mugs</i>');
  await details.getByRole('button', { name: 'Save details' }).click();
  await expect(details).toBeHidden();
  await expect(page.getByRole('region', { name: 'Shipping address' })).toContainText('Berlin');
  await page.getByRole('group', { name: 'Order actions' }).getByRole('button', { name: 'Confirm' }).click();
  await expect(page.getByRole('table', { name: 'History' })).toContainText('Draft → Confirmed');

  // Picking starts from the queue; the order then waits in "In picking", chosen.
  await area(page, 'Warehouse');
  await tab(page, 'Picking');
  const queue = page.getByRole('table', { name: 'Picking queue' });
  await queue.getByRole('checkbox', { name: `Choose ${number}` }).check();
  await page.getByRole('group', { name: 'Wave' }).getByRole('button', { name: 'Start picking 1' }).click();
  const inPicking = page.getByRole('table', { name: 'Orders in picking' });
  await expect(inPicking.getByRole('checkbox', { name: `Pick ${number}` })).toBeChecked();
  await shot(page, '70-picking-queue-and-in-picking', true);
  await page.getByRole('button', { name: /^Open pick screen for \d+$/ }).click();
  await expect(page).toHaveURL(/\/warehouse\/picking\/pick\?orders=/);

  // The pick screen: lines in bin order, the scan field waiting.
  const list = page.getByRole('table', { name: 'Pick list' });
  const mugRow = list.getByRole('row').filter({ hasText: MUG.sku });
  await expect(mugRow).toContainText('A-01-01');
  await expect(mugRow).toContainText(MUG.name);
  const scan = page.getByLabel('Scan item');
  await expect(scan).toBeFocused();
  await shot(page, '71-pick-screen');

  // A wrong item: refused loudly, nothing recorded, the field re-selected.
  await scan.fill(SPOON.sku);
  await scan.press('Enter');
  const refused = page.getByRole('alert').filter({ hasText: 'Refused: nothing was recorded' });
  await expect(refused).toContainText(`Wrong item: ${SPOON.sku}`);
  await expect(scan).toBeFocused();
  await expect(scan).toHaveValue(SPOON.sku);
  await expect(page.getByText('0 of 4 units picked')).toBeVisible();
  await shot(page, '72-pick-wrong-item');

  // The right items: a mug by barcode, two by SKU with 2*, the tea.
  await scan.fill(MUG.ean);
  await scan.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: `Picked 1 × ${MUG.sku}` })).toBeVisible();
  await expect(refused).toBeHidden();
  await scan.fill(`2*${MUG.sku}`);
  await scan.press('Enter');
  await expect(page.getByText('3 of 4 units picked')).toBeVisible();
  await expect(mugRow).toContainText('done');
  await scan.fill(TEA.sku);
  await scan.press('Enter');
  await expect(page.getByText('4 of 4 units picked')).toBeVisible();

  // One too many: refused.
  await scan.fill(MUG.ean);
  await scan.press('Enter');
  await expect(refused).toContainText('Too many');
  await expect(page.getByText('4 of 4 units picked')).toBeVisible();
  await expect(page.getByText('Everything is picked')).toBeVisible();
  await shot(page, '73-pick-done-too-many');
  await page.getByRole('button', { name: 'Go to packing' }).click();

  // The pack station: the order by its number.
  await expect(page).toHaveURL(/\/warehouse\/packing\?orders=/);
  await expect(page.getByRole('tab', { name: 'Packing', exact: true })).toHaveAttribute('aria-selected', 'true');
  const orderField = page.getByLabel('Order number');
  await expect(orderField).toBeFocused();
  await orderField.fill('NO-SUCH-ORDER');
  await orderField.press('Enter');
  await expect(page.getByRole('alert').filter({ hasText: 'Cannot pack this order' })).toBeVisible();
  await orderField.fill(number);
  await orderField.press('Enter');
  const orderCard = page.getByRole('region', { name: `Order ${number}` });
  await expect(orderCard).toContainText(CUSTOMER);
  await expect(orderCard).toContainText('Friedrichstraße 44');
  await expect(orderCard).toContainText('Fragile: <i>mugs</i>');

  // Items: a wrong one and one too many refused; the rest counted.
  const item = page.getByLabel('Scan item');
  await expect(item).toBeFocused();
  await item.fill(SPOON.sku);
  await item.press('Enter');
  const packRefused = page.getByRole('alert').filter({ hasText: 'Refused: not in this shipment' });
  await expect(packRefused).toContainText('Wrong item');
  for (let i = 0; i < 3; i++) {
    await item.fill(MUG.ean);
    await item.press('Enter');
    await expect(page.getByLabel(`In this shipment: ${MUG.sku}`)).toHaveValue(String(i + 1));
  }
  await item.fill(MUG.ean);
  await item.press('Enter');
  await expect(packRefused).toContainText(`Too many: only 3 of ${MUG.sku}`);
  await expect(page.getByLabel(`In this shipment: ${MUG.sku}`)).toHaveValue('3');
  await shot(page, '74-pack-too-many');
  await item.fill(TEA.sku);
  await item.press('Enter');
  await expect(page.getByLabel(`In this shipment: ${TEA.sku}`)).toHaveValue('1');
  await expect(page.getByText('4 units in this shipment: everything left to pack.')).toBeVisible();

  // Two packages; the first is prefilled with the goods' weight (3 × 350 g + 120 g).
  const weight1 = page.getByLabel('Package 1 weight (kg)');
  await expect(weight1).toHaveValue('1.17');
  await weight1.fill('0,8');
  await page.getByLabel('Package 1 length (cm)').fill('30');
  await page.getByLabel('Package 1 width (cm)').fill('20');
  await page.getByLabel('Package 1 height (cm)').fill('15');
  await page.getByRole('button', { name: 'Add package' }).click();
  const weight2 = page.getByLabel('Package 2 weight (kg)');
  await weight2.fill('12');

  // The carrier: its only service is chosen; too heavy is said inline, then the cost.
  await pick(page, page, 'Carrier', new RegExp(`^${CARRIER}$`));
  await expect(page.getByRole('combobox', { name: label('Service') })).toHaveValue('Standard (STD)');
  await expect(page.getByText(/Package 2 weighs 12 kg/)).toBeVisible();
  await weight2.fill('0.5');
  await expect(page.getByText('9.80 EUR · zone Germany')).toBeVisible();
  await expect(page.getByText(`leave it empty and ${CARRIER} generates one`, { exact: false })).toBeVisible();
  await shot(page, '74-pack-station-quote', true);
  await page.getByRole('button', { name: 'Create shipment' }).click();
  const created = page.getByRole('status').filter({ hasText: /Shipment \S+ created/ });
  await expect(created).toContainText('2 packages');
  await expect(created).toContainText('9.80 EUR');
  await expect(created).toContainText(/EP\d{9}/);
  await expect(page.getByRole('group', { name: /^Documents of shipment / })).toBeVisible();
  await shot(page, '75-shipment-created');
  // Its labels: no label printer on this workstation is said plainly; saved, they download.
  const docs = page.getByRole('group', { name: /^Documents of shipment / });
  // One keystroke sends the labels to the label printer: F8.
  await expect(docs.getByRole('button', { name: 'Print labels (F8)' })).toBeVisible();
  await page.keyboard.press('F8');
  await expect(page.getByRole('alert').filter({ hasText: 'Labels not printed' })).toBeVisible();
  const [labels] = await Promise.all([page.waitForEvent('download'), docs.getByRole('button', { name: 'Save labels' }).click()]);
  expect(labels.suggestedFilename()).toMatch(/label/i);
  const tracking = /EP\d{9}/.exec((await created.textContent()) ?? '')?.[0] ?? '';
  const labelText = execFileSync('pdftotext', ['-layout', (await labels.path()) ?? '', '-']).toString();
  for (const want of [tracking, 'Package 1 of 2', 'Package 2 of 2', CUSTOMER, 'Friedrichstraße 44', number]) {
    expect(labelText).toContain(want);
  }

  // The order page: its shipment, picked and shipped, then delivered.
  await created.getByRole('link', { name: 'Open the order' }).click();
  await expect(heading).toHaveText(`Order ${number}`);
  const orderLines = page.getByRole('table', { name: 'Order lines' });
  await expect(orderLines.getByRole('columnheader', { name: 'Shipped' })).toBeVisible();
  const shipment = page.getByRole('article', { name: /^Shipment / });
  await expect(shipment).toContainText(`${CARRIER} · Standard`);
  await expect(shipment).toContainText('Label created');
  await expect(shipment).toContainText(`3 × ${MUG.sku}`);
  await expect(shipment.getByRole('link', { name: `Track ${tracking}` })).toHaveAttribute('href', `https://track.example.com/parcel?n=${tracking}`);
  await expect(page.getByRole('group', { name: 'Order actions' }).getByRole('button', { name: /Advance to (Packed|Shipped)/ })).toHaveCount(0);
  await shipment.getByRole('button', { name: /Show history/ }).click();
  await expect(shipment.getByRole('table', { name: /^Events of shipment / })).toContainText('Label created');
  await shot(page, '76-order-shipments', true);
  // A tracking number typed over the generated one.
  await shipment.getByRole('button', { name: 'Change tracking number' }).click();
  const trackDialog = page.getByRole('dialog', { name: /^Tracking number of / });
  await trackDialog.getByLabel('Tracking number').fill('bad#number');
  await trackDialog.getByRole('button', { name: 'Save tracking number' }).click();
  await expect(trackDialog.getByText(/only letters, digits/)).toBeVisible();
  await trackDialog.getByLabel('Tracking number').fill('EP-MANUAL-42');
  await trackDialog.getByRole('button', { name: 'Save tracking number' }).click();
  await expect(trackDialog).toBeHidden();
  await expect(shipment.getByRole('link', { name: 'Track EP-MANUAL-42' })).toBeVisible();

  // A folder printer for labels (Settings → Printers); the labels print into it.
  const folder = mkdtempSync(join(tmpdir(), 'oms-label-printer-'));
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: /Settings/ }).click();
  const labelPrinter = page.getByRole('region', { name: 'Printers' }).getByRole('group', { name: 'Shipping label' });
  await labelPrinter.getByLabel('Printer type').selectOption('folder');
  await labelPrinter.getByLabel('Folder path').fill(folder);
  await labelPrinter.getByRole('button', { name: 'Save' }).click();
  await expect(labelPrinter).toContainText(`Now: Saved to the folder ${folder}`);
  await page.goBack();
  await expect(heading).toHaveText(`Order ${number}`);
  const shipmentNumber = ((await shipment.getAttribute('aria-label')) ?? '').replace(/^Shipment /, '');
  await shipment.getByRole('button', { name: 'Print labels' }).click();
  await expect(page.getByText(/^Labels printed/)).toBeVisible();
  const printed = join(folder, `label-${shipmentNumber}.pdf`);
  await expect.poll(() => existsSync(printed)).toBe(true);
  const printedText = execFileSync('pdftotext', ['-layout', printed, '-']).toString();
  expect(printedText).toContain('EP-MANUAL-42');
  expect(printedText).toContain('Package 2 of 2');
  // Leave the workstation as it was: no label printer.
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: /Settings/ }).click();
  await labelPrinter.getByRole('button', { name: 'Clear' }).click();
  await expect(labelPrinter).toContainText('Now: No printer set');
  rmSync(folder, { recursive: true, force: true });
  await page.goBack();
  await expect(heading).toHaveText(`Order ${number}`);
  await expect(page.getByRole('group', { name: 'Order actions' }).getByRole('button', { name: 'Cancel order' })).toHaveCount(0);
  await shipment.getByRole('button', { name: 'Mark delivered' }).click();
  const deliver = page.getByRole('dialog', { name: /: Delivered$/ });
  await deliver.getByLabel('Note').fill('Signed by K. Versand');
  await deliver.getByRole('button', { name: 'Mark delivered' }).click();
  await expect(deliver).toBeHidden();
  await expect(shipment).toContainText('Delivered');
  await expect(shipment.getByRole('button', { name: 'Mark delivered' })).toHaveCount(0);
  await expect(page.getByText('Delivered', { exact: true }).first()).toBeVisible();
  await expect(page.getByRole('table', { name: 'History' })).toContainText('→ Delivered');
  await shot(page, '77-order-delivered', true);
});
