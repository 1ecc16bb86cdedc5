import { expect, test, type Page } from '@playwright/test';
import { area, ensureMainWarehouse, label, pick as choose, shot, signIn, tab } from './support';

// Stock by bin, a purchase order's detail and deleting a price list, against
// the real backend. Runs after 01, 10, 11 and 12 on the same backend (10
// leaves BOLT-M10 with 4 on hand in MAIN / A-01-01), or alone on a fresh one:
// signIn sets up the company, and the warehouse, bin, supplier and product
// with its 4 are added when missing.
test.describe.configure({ mode: 'serial' });

const SKU = 'BOLT-M10';
const NAME = 'Stainless Steel Bolt M10';
const EAN = '4006381333931';

/** MAIN with bin A-01-01 and the ACME supplier, as 10-stock leaves them; added on a fresh backend. */
async function ensureSetup(page: Page) {
  await ensureMainWarehouse(page);
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
  }
}

/** BOLT-M10 with 4 in MAIN / A-01-01, as 10-stock leaves it; added on a fresh backend. */
async function ensureBolt(page: Page) {
  await area(page, 'Warehouse');
  await tab(page, 'Bins');
  await choose(page, page, 'Warehouse', /^MAIN – /);
  await choose(page, page, 'Bin', /^A-01-01$/);
  const contents = page.getByRole('table', { name: 'Stock in bin A-01-01' });
  const bolt = contents.getByRole('row').filter({ hasText: SKU });
  await expect(bolt.or(contents.getByText('This bin is empty.'))).toBeVisible();
  if ((await bolt.count()) > 0) return;
  await area(page, 'Stock');
  await page.getByRole('button', { name: 'New product' }).click();
  const productDialog = page.getByRole('dialog', { name: 'New product' });
  await productDialog.getByLabel(label('SKU')).fill(SKU);
  await productDialog.getByLabel(label('Name')).fill(NAME);
  await productDialog.getByLabel('Barcodes').fill(EAN);
  await productDialog.getByLabel('Barcodes').press('Enter');
  await productDialog.getByLabel(label('Price')).fill('12.50');
  await productDialog.getByLabel(label('Cost')).fill('4.00');
  await productDialog.getByRole('button', { name: 'Save product' }).click();
  await expect(page.getByRole('heading', { name: NAME, level: 1 })).toBeVisible();
  await page.getByRole('button', { name: 'Adjust stock' }).click();
  const dialog = page.getByRole('dialog', { name: 'Adjust stock' });
  await choose(page, dialog, 'Warehouse', /^MAIN – /);
  await choose(page, dialog, 'Bin', /^A-01-01$/);
  await dialog.getByLabel(label('Quantity')).fill('4');
  await dialog.getByLabel(label('Reason')).fill('Opening stock');
  await dialog.getByRole('button', { name: 'Post adjustment' }).click();
  await expect(dialog).toBeHidden();
}

test('stock by bin, by choosing and by scanning the bin', async ({ page }) => {
  await signIn(page);
  await ensureSetup(page);
  await ensureBolt(page);

  await area(page, 'Warehouse');
  await tab(page, 'Bins');
  await expect(page).toHaveURL(/\/warehouse\/bins$/);
  await choose(page, page, 'Warehouse', /^MAIN – /);

  // A scanned code, in any case, with Enter: the bin's contents.
  const scan = page.getByLabel('Scan bin code');
  await scan.fill('NO-SUCH-BIN');
  await scan.press('Enter');
  await expect(page.getByText('No bin NO-SUCH-BIN in this warehouse.')).toBeVisible();
  await scan.fill('a-01-01');
  await scan.press('Enter');
  await expect(page.getByRole('combobox', { name: 'Bin' })).toHaveValue('A-01-01');
  const bolt = page.getByRole('table', { name: 'Stock in bin A-01-01' }).getByRole('row').filter({ hasText: SKU });
  await expect(bolt.getByRole('cell')).toHaveText([SKU, NAME, '4', '0', '4']);
  await shot(page, '40-stock-by-bin');

  // The SKU links to the product page.
  await bolt.getByRole('link', { name: SKU }).click();
  await expect(page).toHaveURL(/\/stock\/products\/[^/]+$/);
  await expect(page.getByRole('heading', { name: NAME, level: 1 })).toBeVisible();
});

test('a purchase order detail: total, editing the draft, send, receive link, cancel', async ({ page }) => {
  await signIn(page);
  await ensureSetup(page);
  await ensureBolt(page);

  await area(page, 'Warehouse');
  await tab(page, 'Purchase orders');
  await page.getByRole('button', { name: 'New purchase order' }).click();
  const poDialog = page.getByRole('dialog', { name: 'New purchase order' });
  await choose(page, poDialog, 'Supplier', /ACME – Acme Supplies/);
  await choose(page, poDialog, 'Warehouse', /MAIN – Main warehouse/);
  await choose(page, poDialog, 'Product', new RegExp(SKU), SKU);
  await poDialog.getByLabel(label('Quantity')).fill('3');
  await poDialog.getByLabel(label('Unit cost')).fill('4.00');
  await poDialog.getByRole('button', { name: 'Create draft' }).click();
  await expect(poDialog).toBeHidden();
  const created = page.getByText(/^Purchase order PO-\S+ created as a draft\.$/);
  await expect(created).toBeVisible();
  const number = /(PO-\S+)/.exec((await created.textContent()) ?? '')?.[1] ?? '';
  expect(number).toMatch(/^PO-/);

  // The list shows its total, from Go.
  const row = page.getByRole('table', { name: 'Purchase orders' }).getByRole('row').filter({ hasText: number });
  await expect(row).toContainText('12.00 EUR');
  await shot(page, '41-purchase-orders-totals');

  // Its detail: header, lines and total.
  await row.getByRole('link', { name: `Open ${number}` }).click();
  await expect(page.getByRole('heading', { name: `Purchase order ${number}` })).toBeVisible();
  await expect(page.getByText('ACME – Acme Supplies')).toBeVisible();
  const lines = page.getByRole('table', { name: 'Purchase order lines' });
  await expect(lines.getByRole('row').filter({ hasText: SKU }).getByRole('cell')).toHaveText([SKU, NAME, '3', '0', '4.00 EUR', '12.00 EUR']);
  await expect(page.getByLabel('Order total')).toHaveText('12.00 EUR');

  // The draft edited: 5 at 4.50, saved through Go.
  await page.getByRole('button', { name: 'Edit lines' }).click();
  const editor = page.getByRole('form', { name: 'Edit purchase order lines' });
  const line = editor.getByRole('group', { name: `Line 1: ${SKU}` });
  await line.getByLabel('Quantity').fill('5');
  await line.getByLabel('Unit cost').fill('4.50');
  await shot(page, '42-purchase-order-edit');
  await editor.getByRole('button', { name: 'Save lines' }).click();
  await expect(editor).toBeHidden();
  await expect(page.getByLabel('Order total')).toHaveText('22.50 EUR');
  await expect(lines.getByRole('row').filter({ hasText: SKU }).getByRole('cell')).toHaveText([SKU, NAME, '5', '0', '4.50 EUR', '22.50 EUR']);
  await shot(page, '43-purchase-order-detail');

  // Sent: Receive opens Receiving with this order chosen; then it is cancelled.
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(page.getByRole('link', { name: 'Receive' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Edit lines' })).toHaveCount(0);
  await page.getByRole('link', { name: 'Receive' }).click();
  await expect(page.getByRole('tab', { name: 'Receiving' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('combobox', { name: 'Purchase order' })).toHaveValue(new RegExp(number));
  await page.goBack();
  await expect(page.getByRole('heading', { name: `Purchase order ${number}` })).toBeVisible();
  await page.getByRole('button', { name: 'Cancel order' }).click();
  await expect(page.getByText('Cancelled', { exact: true }).first()).toBeVisible();
  await expect(page.getByRole('button', { name: 'Cancel order' })).toHaveCount(0);
  await page.getByRole('link', { name: 'All purchase orders' }).click();
  await expect(row).toContainText('Cancelled');
  await expect(row).toContainText('22.50 EUR');
});

test('a price list is deleted after confirming', async ({ page }) => {
  await signIn(page);
  await area(page, 'Stock');
  await page.getByRole('link', { name: 'Pricing', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Pricing', level: 1 })).toBeVisible();

  await page.getByRole('button', { name: 'New price list' }).click();
  const listDialog = page.getByRole('dialog', { name: 'New price list' });
  await listDialog.getByLabel(label('Price list name')).fill('Clearance 13');
  await listDialog.getByLabel(label('Customer group')).fill('clearance13');
  await listDialog.getByRole('button', { name: 'Save price list' }).click();
  await expect(listDialog).toBeHidden();
  const lists = page.getByRole('table', { name: 'Price lists' });
  const listRow = lists.getByRole('row').filter({ hasText: 'Clearance 13' });
  await expect(listRow).toContainText('clearance13');

  // Keeping it changes nothing; confirming deletes it.
  await listRow.getByRole('button', { name: 'Delete Clearance 13' }).click();
  const confirm = page.getByRole('dialog', { name: 'Delete price list Clearance 13?' });
  await expect(confirm).toContainText('clearance13');
  await shot(page, '44-price-list-delete');
  await confirm.getByRole('button', { name: 'Keep it' }).click();
  await expect(confirm).toBeHidden();
  await expect(listRow).toBeVisible();
  await listRow.getByRole('button', { name: 'Delete Clearance 13' }).click();
  await confirm.getByRole('button', { name: 'Delete price list' }).click();
  await expect(confirm).toBeHidden();
  await expect(page.getByText('Price list Clearance 13 deleted.')).toBeVisible();
  await expect(listRow).toHaveCount(0);
});
