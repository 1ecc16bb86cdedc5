import { expect, test, type Page } from '@playwright/test';
import { area, label, pick as choose, scanBurst, shot, signIn, tab } from './support';

// Low stock and the Stock-area scanner against the real backend. Runs after
// 01, 10 and 11 on the same backend, or alone on a fresh one (signIn sets up
// the company, and the warehouse and supplier are added when missing): a
// product with reorder point 10 is adjusted to 12, then by -9 to 3, which
// raises the low-stock notification and the badge on Stock; the low-stock
// list turns it into a draft purchase order; a barcode "scanned" on the Stock
// screen with the focus on no field opens the product's page.
test.describe.configure({ mode: 'serial' });

const SKU = 'LOW-TAPE';
const NAME = 'Packing Tape 50 m';
const EAN = '5901234123457';

const nav = (page: Page) => page.getByRole('navigation', { name: 'Main navigation' });

/** The MAIN warehouse and the ACME supplier, as 10-stock leaves them; added on a fresh backend. */
async function ensureWarehouseAndSupplier(page: Page) {
  await area(page, 'Warehouse');
  await tab(page, 'Warehouses');
  const warehouses = page.getByRole('table', { name: 'Warehouses' });
  await expect(warehouses).toBeVisible();
  if ((await warehouses.getByRole('cell', { name: 'MAIN', exact: true }).count()) === 0) {
    await page.getByLabel(label('Warehouse code')).fill('MAIN');
    await page.getByLabel(label('Warehouse name')).fill('Main warehouse');
    await page.getByRole('button', { name: 'Add warehouse' }).click();
    await expect(warehouses.getByRole('cell', { name: 'MAIN', exact: true })).toBeVisible();
  }
  await tab(page, 'Suppliers');
  const suppliers = page.getByRole('table', { name: 'Suppliers' });
  await expect(suppliers).toBeVisible();
  if ((await suppliers.getByRole('cell', { name: 'Acme Supplies' }).count()) === 0) {
    await page.getByRole('button', { name: 'Add supplier' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add supplier' });
    await dialog.getByLabel(label('Supplier code')).fill('ACME');
    await dialog.getByLabel(label('Supplier name')).fill('Acme Supplies');
    await dialog.getByRole('button', { name: 'Save supplier' }).click();
    await expect(dialog).toBeHidden();
    await expect(suppliers.getByRole('cell', { name: 'Acme Supplies' })).toBeVisible();
  }
}

async function adjust(page: Page, quantity: string, reason: string) {
  await page.getByRole('button', { name: 'Adjust stock' }).click();
  const dialog = page.getByRole('dialog', { name: 'Adjust stock' });
  await choose(page, dialog, 'Warehouse', /^MAIN – /);
  await dialog.getByLabel(label('Quantity')).fill(quantity);
  await dialog.getByLabel(label('Reason')).fill(reason);
  await dialog.getByRole('button', { name: 'Post adjustment' }).click();
  await expect(dialog).toBeHidden();
}

test('low stock notifies, lists and reorders; a scan opens the product', async ({ page }) => {
  await signIn(page);
  await ensureWarehouseAndSupplier(page);

  // A product with reorder point 10.
  await area(page, 'Stock');
  await page.getByRole('button', { name: 'New product' }).click();
  const productDialog = page.getByRole('dialog', { name: 'New product' });
  await productDialog.getByLabel(label('SKU')).fill(SKU);
  await productDialog.getByLabel(label('Name')).fill(NAME);
  await productDialog.getByLabel('Barcodes').fill(EAN);
  await productDialog.getByLabel('Barcodes').press('Enter');
  await productDialog.getByLabel(label('Price')).fill('3.90');
  await productDialog.getByLabel(label('Cost')).fill('1.20');
  await productDialog.getByLabel(label('Reorder point')).fill('10');
  await productDialog.getByLabel(label('Reorder quantity')).fill('24');
  await productDialog.getByRole('button', { name: 'Save product' }).click();
  await expect(page.getByRole('heading', { name: NAME, level: 1 })).toBeVisible();

  // The adjustment form checks early: no reason, no zero.
  await page.getByRole('button', { name: 'Adjust stock' }).click();
  const dialog = page.getByRole('dialog', { name: 'Adjust stock' });
  await dialog.getByLabel(label('Quantity')).fill('0');
  await dialog.getByRole('button', { name: 'Post adjustment' }).click();
  await expect(dialog.getByText('Choose the warehouse.')).toBeVisible();
  await expect(dialog.getByText('The quantity cannot be zero.')).toBeVisible();
  await expect(dialog.getByText('Give a reason for the adjustment.')).toBeVisible();
  await shot(page, '30-adjust-errors');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();

  // 12 on hand is above the point: no notification.
  await adjust(page, '12', 'Opening stock');
  const stockByWarehouse = page.getByRole('table', { name: 'Stock by warehouse' }).getByRole('row').filter({ hasText: 'MAIN' });
  await expect(stockByWarehouse).toContainText('12');
  await expect(page.getByText(/^Low stock: LOW-TAPE/)).toHaveCount(0);

  // -9 takes it to 3, below 10: the notification and the badge on Stock.
  await adjust(page, '-9', 'Damaged in storage');
  await expect(stockByWarehouse).toContainText('3');
  const alert = page.getByText(`Low stock: ${SKU} ${NAME} (available 3, reorder point 10) in MAIN`);
  await expect(alert).toBeVisible();
  const badge = nav(page).getByLabel(/^\d+ low-stock lines?$/);
  await expect(badge).toBeVisible();
  await shot(page, '31-low-stock-notification');

  // Already below: another removal does not notify again.
  await adjust(page, '-1', 'Sample for a customer');
  await expect(stockByWarehouse).toContainText('2');
  await expect(page.getByText(/^Low stock: LOW-TAPE.*available 2/)).toHaveCount(0);

  // The list, from the notification's link.
  await page.getByRole('button', { name: 'Show low stock' }).first().click();
  await expect(page.getByRole('heading', { name: 'Low stock', level: 1 })).toBeVisible();
  const row = page.getByRole('table', { name: 'Low stock' }).getByRole('row').filter({ hasText: SKU });
  await expect(row.getByRole('cell')).toHaveText(['', SKU, NAME, 'MAIN', '2', '10', '0', '24']);
  await row.getByRole('checkbox', { name: `Select ${SKU}` }).check();
  await choose(page, page, 'Supplier', /ACME – Acme Supplies/);
  await shot(page, '32-low-stock-list');
  await page.getByRole('button', { name: 'Create draft purchase order' }).click();
  await expect(page.getByRole('tab', { name: 'Purchase orders' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByText(/Draft purchase order created with 1 line\./)).toBeVisible();
  const draft = page.getByRole('table', { name: 'Purchase orders' }).getByRole('row').filter({ hasText: 'Draft' });
  await expect(draft.filter({ hasText: 'Acme Supplies' })).toHaveCount(1);
  await shot(page, '33-reorder-draft');

  // The Stock screen's header links to the list too.
  await area(page, 'Stock');
  await page.getByRole('link', { name: 'Low stock', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Low stock', level: 1 })).toBeVisible();

  // A scan with the focus on no field opens the product; an unknown code says so.
  await area(page, 'Stock');
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await scanBurst(page, 'UNKNOWN-123');
  await expect(page.getByText('No product has the barcode UNKNOWN-123.')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Stock', level: 1 })).toBeVisible();
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await scanBurst(page, EAN);
  await expect(page.getByRole('heading', { name: NAME, level: 1 })).toBeVisible();
  await shot(page, '34-scanned-to-product');

  // Typed slowly, the same digits are not a scan.
  await area(page, 'Stock');
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.type(EAN, { delay: 80 });
  await page.keyboard.press('Enter');
  // A fast unknown scan after it is answered, so the slow one was handled by then.
  await scanBurst(page, 'UNKNOWN-456');
  await expect(page.getByText('No product has the barcode UNKNOWN-456.')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Stock', level: 1 })).toBeVisible();
  await expect(page.getByRole('heading', { name: NAME, level: 1 })).toHaveCount(0);
});
