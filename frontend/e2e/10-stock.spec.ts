import { expect, test, type Page } from '@playwright/test';
import { area, label, pick as choose, shot, signIn, tab } from './support';

// Stock through the UI against the real backend, after 01-foundation (the
// company and the admin exist): a warehouse with a bin, a supplier, a product
// with an EAN-13, a purchase order for 5 received by scanning, then a count of
// 4 posted with its variance of -1, all visible on the product's page.
test.describe.configure({ mode: 'serial' });

const EAN = '4006381333931';
const SKU = 'BOLT-M10';
const NAME = 'Stainless Steel Bolt M10';

async function openProduct(page: Page) {
  await area(page, 'Stock');
  const search = page.getByLabel('Search products');
  await search.fill(EAN);
  await search.press('Enter');
  await expect(page.getByRole('heading', { name: NAME, level: 1 })).toBeVisible();
}

test('receive by barcode and count with a variance', async ({ page }) => {
  await signIn(page);

  // A warehouse with a bin.
  await area(page, 'Warehouse');
  await tab(page, 'Warehouses');
  await page.getByLabel(label('Warehouse code')).fill('MAIN');
  await page.getByLabel(label('Warehouse name')).fill('Main warehouse');
  await page.getByRole('button', { name: 'Add warehouse' }).click();
  await expect(page.getByRole('table', { name: 'Warehouses' }).getByRole('cell', { name: 'MAIN', exact: true })).toBeVisible();
  await page.getByLabel(label('Bin code')).fill('A-01-01');
  await page.getByRole('button', { name: 'Add bin' }).click();
  await expect(page.getByRole('table', { name: 'Bins of MAIN' }).getByRole('cell', { name: 'A-01-01' })).toBeVisible();
  await shot(page, '10-warehouse-setup', true);

  // A supplier.
  await tab(page, 'Suppliers');
  await page.getByRole('button', { name: 'Add supplier' }).click();
  const supplierDialog = page.getByRole('dialog', { name: 'Add supplier' });
  await supplierDialog.getByLabel(label('Supplier code')).fill('ACME');
  await supplierDialog.getByLabel(label('Supplier name')).fill('Acme Supplies');
  await supplierDialog.getByRole('button', { name: 'Save supplier' }).click();
  await expect(supplierDialog).toBeHidden();
  await expect(page.getByRole('table', { name: 'Suppliers' }).getByRole('cell', { name: 'Acme Supplies' })).toBeVisible();

  // A product with an EAN-13; a wrong check digit is refused at the field first.
  await area(page, 'Stock');
  await page.getByRole('button', { name: 'New product' }).click();
  const productDialog = page.getByRole('dialog', { name: 'New product' });
  await expect(productDialog.getByLabel(label('SKU'))).toBeFocused();
  await productDialog.getByLabel(label('SKU')).fill(SKU);
  await productDialog.getByLabel(label('Name')).fill(NAME);
  const barcodes = productDialog.getByLabel('Barcodes');
  await barcodes.fill('4006381333932');
  await barcodes.press('Enter');
  await productDialog.getByLabel(label('Price')).fill('12.50');
  await productDialog.getByLabel(label('Cost')).fill('4.00');
  await productDialog.getByLabel(label('Reorder point')).fill('2');
  await productDialog.getByRole('button', { name: 'Save product' }).click();
  await expect(productDialog).toContainText('check digit');
  await shot(page, '11-product-bad-barcode', true);
  await barcodes.press('Backspace'); // removes the wrong barcode
  await barcodes.fill(EAN);
  await barcodes.press('Enter');
  await productDialog.getByRole('button', { name: 'Save product' }).click();
  await expect(page.getByRole('heading', { name: NAME, level: 1 })).toBeVisible();
  await expect(page.getByText('12.50 EUR')).toBeVisible();
  await shot(page, '12-product-page', true);

  // A purchase order for 5, sent.
  await area(page, 'Warehouse');
  await tab(page, 'Purchase orders');
  await page.getByRole('button', { name: 'New purchase order' }).click();
  const poDialog = page.getByRole('dialog', { name: 'New purchase order' });
  await choose(page, poDialog, 'Supplier', /ACME – Acme Supplies/);
  await choose(page, poDialog, 'Warehouse', /MAIN – Main warehouse/);
  await choose(page, poDialog, 'Product', new RegExp(SKU), SKU);
  await poDialog.getByLabel(label('Quantity')).fill('5');
  await expect(poDialog.getByLabel(label('Unit cost'))).toHaveValue('4.00');
  await poDialog.getByRole('button', { name: 'Create draft' }).click();
  await expect(poDialog).toBeHidden();
  const poRow = page.getByRole('table', { name: 'Purchase orders' }).getByRole('row').filter({ hasText: 'Acme Supplies' });
  await expect(poRow).toContainText('Draft');
  await poRow.getByRole('button', { name: /Actions for/ }).click();
  await page.getByRole('menuitem', { name: 'Send' }).click();
  await expect(poRow).toContainText('Sent');

  // Receive by scanning the barcode five times into the scan field.
  await tab(page, 'Receiving');
  await choose(page, page, 'Purchase order', /Acme Supplies/);
  await expect(page.getByRole('combobox', { name: 'Into bin' })).toHaveValue('A-01-01');
  const scan = page.getByLabel('Scan barcode');
  for (let i = 0; i < 5; i++) {
    await scan.fill(EAN);
    await scan.press('Enter');
  }
  await expect(page.getByLabel(`Receiving now of ${SKU}`)).toHaveValue('5');
  await expect(page.getByRole('status')).toContainText(`${SKU}: 5 scanned`);
  await shot(page, '13-receiving', true);
  await page.getByRole('button', { name: 'Receive', exact: true }).click();
  await expect(page.getByRole('status')).toContainText('Received 5 into stock.');

  // On hand 5 in MAIN / A-01-01.
  await openProduct(page);
  await expect(page.getByRole('table', { name: 'Stock by warehouse' }).getByRole('row').filter({ hasText: 'MAIN' })).toContainText('5');
  await expect(page.getByRole('table', { name: 'Stock by bin' }).getByRole('row').filter({ hasText: 'A-01-01' })).toContainText('5');

  // Count 4: variance -1, posted with a reason.
  await area(page, 'Warehouse');
  await tab(page, 'Counts');
  await page.getByRole('button', { name: 'Open count' }).click();
  const countDialog = page.getByRole('dialog', { name: 'Open count' });
  await choose(page, countDialog, 'Warehouse', /MAIN – Main warehouse/);
  await countDialog.getByLabel(label('Reason')).fill('Cycle count');
  await countDialog.getByRole('button', { name: 'Open count' }).click();
  await expect(page.getByRole('heading', { name: /Count of MAIN/, level: 1 })).toBeVisible();
  const countScan = page.getByLabel('Scan to count');
  for (let i = 0; i < 4; i++) {
    await countScan.fill(EAN);
    await countScan.press('Enter');
    await expect(page.getByRole('status')).toContainText(`${SKU}: ${i + 1} counted in A-01-01`);
  }
  const line = page.getByRole('table', { name: 'Counted' }).getByRole('row').filter({ hasText: SKU });
  await expect(line.getByRole('cell')).toHaveText([SKU, NAME, 'A-01-01', '5', '4', '-1', 'admin']);
  await shot(page, '14-count-variance', true);
  await page.getByRole('button', { name: 'Post count' }).click();
  const postDialog = page.getByRole('dialog', { name: 'Post count' });
  await expect(postDialog.getByLabel(label('Reason'))).toHaveValue('Cycle count');
  await postDialog.getByRole('button', { name: 'Post variances' }).click();
  await expect(postDialog).toBeHidden();
  await expect(page.getByText('Posted', { exact: true })).toBeVisible();

  // On hand 4, and the count in the history with who and why.
  await openProduct(page);
  await expect(page.getByRole('table', { name: 'Stock by warehouse' }).getByRole('row').filter({ hasText: 'MAIN' })).toContainText('4');
  const history = page.getByRole('table', { name: 'Movement history' });
  const latest = history.getByRole('row').nth(1);
  await expect(latest).toContainText('Count');
  await expect(latest).toContainText('-1');
  await expect(latest).toContainText('Cycle count');
  await expect(latest).toContainText('Stock count');
  await expect(latest).toContainText('admin');
  await expect(history.getByRole('row').nth(2)).toContainText('Receipt');
  await expect(history.getByRole('row').nth(2)).toContainText('+5');
  await shot(page, '15-product-history', true);
});
