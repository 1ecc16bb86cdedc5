import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { ensureCustomer, ensureMainWarehouse, ensureSimpleProduct, pick, shot, signIn } from './support';

// Printing to this workstation's printers: a packing slip printed before any
// printer is set says so and leads to Settings → Printers; there a folder is
// set for packing slips (a print server's hot folder), a wrong one refused
// on its field; printed again, the slip lands in the folder as a PDF. Runs
// alone on a fresh backend or after the other specs: it adds what it needs.
test.describe.configure({ mode: 'serial' });

const CUSTOMER = 'Παναγιώτης Πρίντερ';
const TONER = { sku: 'PRN-TONER', name: 'Toner cartridge black', price: '39.00' };

test('print a packing slip to a folder printer set in Settings → Printers', async ({ page }) => {
  const folder = mkdtempSync(join(tmpdir(), 'oms-hot-folder-'));
  await signIn(page);
  await ensureMainWarehouse(page);

  await ensureSimpleProduct(page, TONER);

  await ensureCustomer(page, CUSTOMER, 'Πρίντερ');

  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: /^Orders/ }).click();
  await page.getByRole('button', { name: 'New order' }).click();
  const create = page.getByRole('dialog', { name: 'New order' });
  await pick(page, create, 'Customer', new RegExp(`^${CUSTOMER}$`), 'Πρίντερ');
  await create.getByRole('button', { name: 'Create draft' }).click();
  const heading = page.getByRole('heading', { name: /^Order \S+-\d+$/, level: 1 });
  await expect(heading).toBeVisible();
  const number = ((await heading.textContent()) ?? '').replace(/^Order /, '');
  const add = page.getByLabel('Add by SKU or barcode');
  await add.fill(`3*${TONER.sku}`);
  await add.press('Enter');
  await expect(page.getByRole('table', { name: 'Order lines' }).getByRole('row').filter({ hasText: TONER.sku })).toContainText(TONER.name);

  await page.getByRole('group', { name: 'Order actions' }).getByRole('button', { name: 'Confirm' }).click();
  await expect(page.getByText('Confirmed', { exact: true }).first()).toBeVisible();

  // No printer yet: said plainly, with the way to Settings. No Open button in a browser.
  const documents = page.getByRole('group', { name: 'Documents' });
  await expect(documents.getByRole('button', { name: 'Open packing slip' })).toHaveCount(0);
  await documents.getByRole('button', { name: 'Print packing slip' }).click();
  const alert = page.getByRole('alert').filter({ hasText: 'Packing slip not printed' });
  await expect(alert).toContainText('No printer is set for packing slips on this workstation: choose one in Settings → Printers.');
  await shot(page, '40-print-no-printer');
  await alert.getByRole('button', { name: 'Set up printers' }).click();

  const printers = page.getByRole('region', { name: 'Printers' });
  await expect(printers).toBeVisible();
  const slip = printers.getByRole('group', { name: 'Packing slip' });
  await expect(slip).toContainText('Now: No printer set');
  // ZPL is offered for labels only.
  await expect(slip.getByLabel('Printer type').locator('option')).toHaveText(['CUPS printer', 'Folder']);
  await expect(printers.getByRole('group', { name: 'Shipping label' }).getByLabel('Printer type').locator('option')).toHaveText([
    'Thermal printer (ZPL)',
    'CUPS printer',
    'Folder',
  ]);
  await slip.getByLabel('Printer type').selectOption('folder');
  // A folder that is not there is refused on its field, by the backend.
  await slip.getByLabel('Folder path').fill(join(folder, 'missing'));
  await slip.getByRole('button', { name: 'Save' }).click();
  await expect(slip.getByText(`There is no folder ${join(folder, 'missing')} on this workstation.`)).toBeVisible();
  await slip.getByLabel('Folder path').fill(folder);
  await slip.getByRole('button', { name: 'Save' }).click();
  await expect(slip).toContainText(`Now: Saved to the folder ${folder}`);
  await printers.scrollIntoViewIfNeeded();
  await shot(page, '41-settings-printers');
  await printers.screenshot({ path: new URL('../e2e-artifacts/41-settings-printers-section.png', import.meta.url).pathname });

  // Back to the order: printed, and the file is in the folder.
  await page.goBack();
  await expect(heading).toHaveText(`Order ${number}`);
  await page.getByRole('group', { name: 'Documents' }).getByRole('button', { name: 'Print packing slip' }).click();
  const file = `packing-slip-${number}.pdf`;
  await expect(page.getByText(`Saved as ${file} in the folder ${folder}.`)).toBeVisible();
  await expect.poll(() => existsSync(join(folder, file))).toBe(true);
  const text = execFileSync('pdftotext', ['-layout', join(folder, file), '-']).toString();
  expect(text).toContain(`Packing slip ${number}`);
  expect(text).toContain(TONER.sku);
  // Printed again: a second file, the first kept.
  await page.getByRole('group', { name: 'Documents' }).getByRole('button', { name: 'Print packing slip' }).click();
  await expect(page.getByText(`Saved as packing-slip-${number}-2.pdf in the folder ${folder}.`)).toBeVisible();
  expect(readdirSync(folder).sort()).toEqual([`packing-slip-${number}-2.pdf`, file]);
  await shot(page, '42-order-printed');
  rmSync(folder, { recursive: true, force: true });
});
