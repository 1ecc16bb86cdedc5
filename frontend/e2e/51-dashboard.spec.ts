import { expect, test, type Page } from '@playwright/test';
import { area, ensureMainWarehouse, label, shot, signIn } from './support';

// The managers' dashboard against the real backend: a counter sale paid by
// card raises today's sales by its amount, the sales chart and the orders by
// status chart are drawn, and their text alternatives carry the figures. Runs
// after the other specs on the same backend (their sales are counted too, so
// it measures the change) or alone on a fresh one: it adds what it needs.
test.describe.configure({ mode: 'serial' });

const LAMP = { sku: 'DASH-LAMP', name: 'Dashboard Desk Lamp', price: '12.34' };

/** "12.34 EUR" or "-1.00 EUR" in minor units. */
function minor(text: string | null): number {
  const m = /(-?)(\d+)\.(\d{2})/.exec(text ?? '');
  if (!m) throw new Error(`no amount in ${text}`);
  return (m[1] ? -1 : 1) * (Number(m[2]) * 100 + Number(m[3]));
}

async function ensureProduct(page: Page) {
  await area(page, 'Stock');
  const search = page.getByLabel('Search products');
  await search.fill(LAMP.sku);
  await search.press('Enter');
  const heading = page.getByRole('heading', { name: LAMP.name, level: 1 });
  const missing = page.getByText(`No product has the barcode or SKU “${LAMP.sku}”.`);
  await expect(heading.or(missing)).toBeVisible();
  if (await heading.isVisible()) return;
  await page.getByRole('button', { name: 'New product' }).click();
  const dialog = page.getByRole('dialog', { name: 'New product' });
  await dialog.getByLabel(label('SKU')).fill(LAMP.sku);
  await dialog.getByLabel(label('Name')).fill(LAMP.name);
  await dialog.getByLabel(label('Price')).fill(LAMP.price);
  await dialog.getByRole('button', { name: 'Save product' }).click();
  await expect(heading).toBeVisible();
}

async function openDashboard(page: Page) {
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: /^Dashboard/ }).click();
  await expect(page.getByRole('heading', { name: 'Dashboard', level: 1 })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Sales today' })).toBeVisible();
}

const todaysSales = async (page: Page) => minor(await page.getByRole('region', { name: 'Sales today' }).getByText(/EUR$/).first().textContent());
const todaysOrders = async (page: Page) =>
  Number((await page.getByRole('region', { name: 'Orders today' }).locator('p').nth(1).textContent())?.trim());

test('a counter sale shows in today’s sales, and the charts are drawn', async ({ page }) => {
  await signIn(page);
  await ensureMainWarehouse(page);
  await ensureProduct(page);

  // Before: what the dashboard says now.
  await openDashboard(page);
  const salesBefore = await todaysSales(page);
  const ordersBefore = await todaysOrders(page);

  // A counter sale of one lamp, paid by card, finished with F9.
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: /^Counter/ }).click();
  await expect(page.getByRole('heading', { name: 'Counter', level: 1 })).toBeVisible();
  const scan = page.getByLabel('Scan or type SKU');
  await scan.fill(LAMP.sku);
  await scan.press('Enter');
  await expect(page.getByRole('table', { name: 'Sale lines' })).toContainText(LAMP.name);
  await page.keyboard.press('F8');
  const pay = page.getByRole('dialog', { name: 'Payment' });
  await expect(pay.getByRole('group', { name: 'Balance' })).toContainText(`${LAMP.price} EUR`);
  await pay.locator('label').filter({ hasText: /^Card terminal$/ }).click();
  await pay.getByLabel('Amount').fill(LAMP.price);
  await pay.getByLabel('Reference').fill('T-DASH-1');
  await pay.getByRole('button', { name: 'Take payment' }).click();
  await expect(pay).toBeHidden();
  await page.keyboard.press('F9');
  await expect(page.getByRole('status', { name: 'Sale complete' })).toBeVisible();

  // After: today's sales rose by the sale's amount, one more order.
  await openDashboard(page);
  await expect.poll(() => todaysSales(page)).toBe(salesBefore + minor(LAMP.price));
  expect(await todaysOrders(page)).toBe(ordersBefore + 1);

  // The sales chart is drawn, and its table (for screen readers) has today's figure.
  const sales = page.getByRole('region', { name: 'Sales per day, last 30 days' });
  await expect(sales.locator('.recharts-bar-rectangle').last()).toBeVisible(); // today's bar
  await expect(sales.locator('figcaption')).toContainText('Best day');
  const table = page.getByRole('table', { name: 'Sales per day, last 30 days' });
  await expect(table.getByRole('row')).toHaveCount(31);
  const last = table.getByRole('row').last();
  await expect(last.getByRole('cell').last()).toHaveText(`${((salesBefore + minor(LAMP.price)) / 100).toFixed(2)} EUR`);

  // Orders by status: the donut is drawn and the table counts delivered orders.
  const status = page.getByRole('region', { name: 'Orders by status' });
  await expect(status.locator('.recharts-pie-sector').first()).toBeVisible();
  const delivered = status.getByRole('table', { name: 'Orders by status' }).getByRole('row', { name: /Delivered/ });
  expect(Number(await delivered.getByRole('cell').textContent())).toBeGreaterThan(0);

  // The lamp is among this month's top products.
  await expect(page.getByRole('table', { name: 'Top products by revenue' })).toContainText(LAMP.name);
  await page.setViewportSize({ width: 1440, height: 1000 });
  await shot(page, '51-dashboard');
});
