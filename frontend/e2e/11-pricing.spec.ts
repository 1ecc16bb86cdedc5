import { expect, test, type Page } from '@playwright/test';
import { choose, label, shot, signIn } from './support';

// Pricing through the UI: a tax class, a price list for the "wholesale"
// customer group with its own price for the bolt from 10-stock, and the
// "prices include tax" setting. Runs after 01-foundation and 10-stock on the
// same backend, or alone on a fresh one: signIn sets up and the product is
// created when it is missing.
test.describe.configure({ mode: 'serial' });

const SKU = 'BOLT-M10';
const NAME = 'Stainless Steel Bolt M10';

async function openStock(page: Page) {
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: /^Stock/ }).click();
  await expect(page.getByRole('heading', { name: 'Stock', level: 1 })).toBeVisible();
}

/** The bolt 10-stock creates; made here when this spec runs alone. */
async function ensureProduct(page: Page) {
  await openStock(page);
  const search = page.getByLabel('Search products');
  await search.fill(SKU);
  await search.press('Enter');
  const heading = page.getByRole('heading', { name: NAME, level: 1 });
  const missing = page.getByText(`No product has the barcode or SKU “${SKU}”.`);
  await expect(heading.or(missing)).toBeVisible();
  if (await heading.isVisible()) return;
  await page.getByRole('button', { name: 'New product' }).click();
  const dialog = page.getByRole('dialog', { name: 'New product' });
  await dialog.getByLabel(label('SKU')).fill(SKU);
  await dialog.getByLabel(label('Name')).fill(NAME);
  await dialog.getByLabel(label('Price')).fill('12.50');
  await dialog.getByRole('button', { name: 'Save product' }).click();
  await expect(heading).toBeVisible();
}

test('tax class, a wholesale price list with a price, and prices including tax', async ({ page }) => {
  await signIn(page);
  await ensureProduct(page);

  await openStock(page);
  await page.getByRole('link', { name: 'Pricing', exact: true }).click();
  await expect(page).toHaveURL(/\/stock\/pricing$/);
  await expect(page.getByRole('heading', { name: 'Pricing', level: 1 })).toBeVisible();

  // A tax class: three decimals are refused at the field, 7 is 7 %.
  await page.getByRole('button', { name: 'Add tax class' }).click();
  const taxDialog = page.getByRole('dialog', { name: 'Add tax class' });
  await expect(taxDialog.getByLabel(label('Tax class name'))).toBeFocused();
  await taxDialog.getByLabel(label('Tax class name')).fill('Reduced 7%');
  await taxDialog.getByLabel(label('Rate (%)')).fill('7.125');
  await taxDialog.getByRole('button', { name: 'Save tax class' }).click();
  await expect(taxDialog).toContainText('at most 2 decimals');
  await taxDialog.getByLabel(label('Rate (%)')).fill('7');
  await taxDialog.getByRole('button', { name: 'Save tax class' }).click();
  await expect(taxDialog).toBeHidden();
  const taxRow = page.getByRole('table', { name: 'Tax classes' }).getByRole('row').filter({ hasText: 'Reduced 7%' });
  await expect(taxRow).toContainText('7 %');

  // A price list for the wholesale group; a taken group is refused by Go at its field.
  await page.getByRole('button', { name: 'New price list' }).click();
  const listDialog = page.getByRole('dialog', { name: 'New price list' });
  await listDialog.getByLabel(label('Price list name')).fill('Wholesale');
  await listDialog.getByLabel(label('Customer group')).fill('wholesale');
  await listDialog.getByLabel(label('Discount (%)')).fill('10');
  await listDialog.getByRole('button', { name: 'Save price list' }).click();
  await expect(listDialog).toBeHidden();
  const listRow = page.getByRole('table', { name: 'Price lists' }).getByRole('row').filter({ hasText: 'Wholesale' });
  await expect(listRow).toContainText('wholesale');
  await expect(listRow).toContainText('10 %');
  await expect(listRow).toContainText('Active');

  await page.getByRole('button', { name: 'New price list' }).click();
  await listDialog.getByLabel(label('Price list name')).fill('Wholesale 2');
  await listDialog.getByLabel(label('Customer group')).fill('WHOLESALE');
  await listDialog.getByRole('button', { name: 'Save price list' }).click();
  await expect(listDialog.getByText('has a price list already')).toBeVisible();
  await listDialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(listDialog).toBeHidden();

  // The bolt at 1.99 on the list: the group pays that (PriceFor from Go).
  const itemForm = page.getByRole('form', { name: 'Set a price on Wholesale' });
  await expect(itemForm).toBeVisible();
  await choose(page, 'Product', SKU, new RegExp(SKU), itemForm);
  await expect(itemForm).toContainText('Default price 12.50 EUR');
  await expect(itemForm).toContainText('pay 11.25 EUR now');
  await itemForm.getByLabel(label('Price (EUR)')).fill('1.99');
  await itemForm.getByRole('button', { name: 'Set price' }).click();
  const items = page.getByRole('table', { name: 'Prices on Wholesale' });
  const itemRow = items.getByRole('row').filter({ hasText: SKU });
  await expect(itemRow).toContainText(NAME);
  await expect(itemRow.getByRole('cell', { name: '1.99 EUR' })).toHaveCount(2);

  // Prices include tax: on, kept after a reload.
  const includeTax = page.getByRole('switch', { name: 'Prices include tax' });
  await expect(includeTax).not.toBeChecked();
  await includeTax.click();
  await expect(includeTax).toBeChecked();
  await expect(page.getByText('Prices now include tax.')).toBeVisible();
  await shot(page, '11-pricing');
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Pricing', level: 1 })).toBeVisible();
  await expect(page.getByRole('switch', { name: 'Prices include tax' })).toBeChecked();
});
