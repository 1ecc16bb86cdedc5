import { execFileSync } from 'node:child_process';
import { expect, test } from '@playwright/test';
import { area, ensureCustomer, ensureMainWarehouse, ensureSimpleProduct, pick, shot, signIn, tab } from './support';

// A phone order through the UI against the real backend: a new draft for a
// customer, a line added by SKU, the shipping address, charge and notes
// edited, confirmed (backordered: nothing in stock), paid by bank transfer,
// its packing slip saved (no prices, the address), then picked from the
// warehouse's picking queue with a pick list. Runs
// after the other specs on the same backend or alone on a fresh one.
test.describe.configure({ mode: 'serial' });

const CUSTOMER = 'Ingrid Østergård';
const CABLE = { sku: 'PHN-CABLE', name: 'Braided USB-C cable 2 m', price: '12.00' };

test('a phone order: new draft, details, confirm, bank transfer, packing slip, picking', async ({ page }) => {
  await signIn(page);
  await ensureMainWarehouse(page);

  await ensureSimpleProduct(page, CABLE);

  // The customer, once.
  await ensureCustomer(page, CUSTOMER, 'Østergård');

  // A new phone order for her.
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: /^Orders/ }).click();
  await page.getByRole('button', { name: 'New order' }).click();
  const create = page.getByRole('dialog', { name: 'New order' });
  await expect(create.getByRole('combobox', { name: 'Channel' })).toHaveValue('Phone');
  await pick(page, create, 'Customer', new RegExp(`^${CUSTOMER}$`), 'Østergård');
  await create.getByRole('button', { name: 'Create draft' }).click();
  const heading = page.getByRole('heading', { name: /^Order \S+-\d+$/, level: 1 });
  await expect(heading).toBeVisible();
  const number = ((await heading.textContent()) ?? '').replace(/^Order /, '');
  await expect(page.getByText('Phone', { exact: true })).toBeVisible();

  // A line by SKU: two cables.
  const add = page.getByLabel('Add by SKU or barcode');
  await add.fill(`2*${CABLE.sku}`);
  await add.press('Enter');
  await expect(page.getByRole('table', { name: 'Order lines' }).getByRole('row').filter({ hasText: CABLE.sku })).toContainText(CABLE.name);

  // Its details: the address, a shipping charge, a bad discount refused first, a note.
  await page.getByRole('group', { name: 'Order actions' }).getByRole('button', { name: 'Edit details' }).click();
  const details = page.getByRole('dialog', { name: `Details of order ${number}` });
  await details.getByLabel('Billing address: Name').fill(CUSTOMER);
  await details.getByLabel('Billing address: Address line 1').fill('Vesterbrogade 12');
  await details.getByLabel('Billing address: Postal code').fill('1620');
  await details.getByLabel('Billing address: City').fill('København V');
  await details.getByLabel('Shipping charge').fill('4.90');
  await details.getByLabel('Order discount (%)').fill('150');
  await details.getByRole('button', { name: 'Save details' }).click();
  await expect(details.getByText('Enter a discount between 0 and 100 %.')).toBeVisible();
  await details.getByLabel('Order discount (%)').fill('0');
  await details.getByLabel('Notes').fill('Leave with the neighbour <b>if out</b>');
  await shot(page, '60-phone-order-details');
  await details.getByRole('button', { name: 'Save details' }).click();
  await expect(details).toBeHidden();
  await expect(page.getByRole('region', { name: 'Shipping address' })).toContainText('København V');
  await expect(page.getByText('Leave with the neighbour <b>if out</b>')).toBeVisible();
  const totals = page.getByRole('table', { name: 'Totals' });
  await expect(totals).toContainText('4.90 EUR');
  await expect(totals).toContainText('28.90 EUR'); // 2 × 12.00 + 4.90

  // Confirmed with nothing in stock: both backordered.
  await page.getByRole('group', { name: 'Order actions' }).getByRole('button', { name: 'Confirm' }).click();
  await expect(page.getByText('Confirmed', { exact: true }).first()).toBeVisible();
  await expect(page.getByRole('table', { name: 'History' })).toContainText('Draft → Confirmed');

  // Paid by bank transfer with its reference.
  const payments = page.getByRole('region', { name: 'Payments' });
  await payments.getByRole('button', { name: 'Take payment' }).click();
  const pay = page.getByRole('dialog', { name: 'Payment' });
  await pay.locator('label').filter({ hasText: /^Bank transfer$/ }).click();
  await expect(pay.getByLabel('Amount')).toHaveValue('28.90');
  await pay.getByLabel('Reference').fill('SEPA-2026-1201');
  await pay.getByRole('button', { name: 'Take payment' }).click();
  await expect(pay).toBeHidden();
  await expect(payments).toContainText('SEPA-2026-1201');
  await expect(payments).toContainText('Paid');
  await shot(page, '61-phone-order-paid', true);

  // The packing slip: the address and the line, no prices.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('group', { name: 'Documents' }).getByRole('button', { name: 'Packing slip (PDF)' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe(`packing-slip-${number}.pdf`);
  const slip = execFileSync('pdftotext', ['-layout', await download.path(), '-']).toString();
  expect(slip).toContain(`Packing slip ${number}`);
  expect(slip).toContain('København V');
  expect(slip).toContain(CABLE.sku);
  expect(slip).not.toContain('12.00');

  // The warehouse's picking queue has it: its pick list, then picking starts.
  await area(page, 'Warehouse');
  await tab(page, 'Picking');
  const queue = page.getByRole('table', { name: 'Picking queue' });
  const row = queue.getByRole('row').filter({ hasText: number });
  await expect(row).toContainText(CUSTOMER);
  await row.getByRole('checkbox', { name: `Choose ${number}` }).check();
  const waveButtons = page.getByRole('group', { name: 'Wave' });
  const [list] = await Promise.all([page.waitForEvent('download'), waveButtons.getByRole('button', { name: 'Pick list for 1 (PDF)' }).click()]);
  expect(list.suggestedFilename()).toBe(`pick-list-${number}.pdf`);
  const picks = execFileSync('pdftotext', ['-layout', await list.path(), '-']).toString();
  expect(picks).toContain(CABLE.sku);
  expect(picks).toContain(`${number} ×2`);
  await shot(page, '62-picking-queue');
  await waveButtons.getByRole('button', { name: 'Start picking 1' }).click();
  await expect(row).toHaveCount(0);
  await page.goto('/');
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: /^Orders/ }).click();
  await page.getByRole('grid', { name: 'Orders' }).getByRole('row').filter({ hasText: number }).click();
  await expect(page.getByRole('table', { name: 'History' })).toContainText('Confirmed → Picking');
});
