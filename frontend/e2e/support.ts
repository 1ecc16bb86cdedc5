import { fileURLToPath } from 'node:url';
import { expect, type Locator, type Page } from '@playwright/test';

// What every end-to-end spec needs: labels as Playwright reads them,
// screenshots for people, and signing in as the admin from whatever state the
// shared backend is in (fresh, signed out, someone else signed in, locked).

/** A label as Playwright reads it: required inputs end in " *" (hidden from screen readers). */
export const label = (text: string) => new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}( \\*)?$`);

/** Screenshots for people to look at, in frontend/e2e-artifacts/ (gitignored). */
export const shot = (page: Page, name: string, fullPage = false) =>
  page.screenshot({ path: fileURLToPath(new URL(`../e2e-artifacts/${name}.png`, import.meta.url)), fullPage });

/** Picks an option of a searchable select by typing part of it, and checks it took. */
export async function choose(page: Page, name: string, search: string, option: RegExp, scope: Locator = page.locator('body')) {
  const box = scope.getByRole('combobox', { name: label(name) });
  await box.click();
  await box.fill(search);
  await page.getByRole('option', { name: option }).click();
  await expect(box).toHaveValue(option);
}

/** Picks an option of a select within scope, typing search first when given. */
export async function pick(page: Page, scope: Page | Locator, name: string, option: RegExp, search?: string) {
  const box = scope.getByRole('combobox', { name: label(name) });
  await box.click();
  if (search !== undefined) await box.fill(search);
  await page.getByRole('option', { name: option }).click();
}

/** Opens an area from the main navigation and waits for its heading. */
export async function area(page: Page, name: 'Stock' | 'Warehouse') {
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: new RegExp(`^${name}`) }).click();
  await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();
}

/**
 * A keyboard-wedge scanner with the focus on no field: the code's keys and
 * Enter arrive as one burst, inside the page, so a busy machine cannot space
 * them out into what looks like typing (the scan detector wants < 40 ms gaps).
 */
export async function scanBurst(page: Page, code: string) {
  await page.evaluate((keys) => {
    for (const key of [...keys, 'Enter']) window.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
  }, [...code]);
}

/** Selects a tab by its exact name. */
export async function tab(page: Page, name: string) {
  await page.getByRole('tab', { name, exact: true }).click();
  await expect(page.getByRole('tab', { name, exact: true })).toHaveAttribute('aria-selected', 'true');
}

/** The MAIN warehouse with bin A-01-01, as 10-stock leaves them; added on a fresh backend. */
export async function ensureMainWarehouse(page: Page) {
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
  await page.getByRole('button', { name: 'Bins of MAIN' }).click();
  const bins = page.getByRole('table', { name: 'Bins of MAIN' });
  await expect(bins).toBeVisible();
  if ((await bins.getByRole('cell', { name: 'A-01-01', exact: true }).count()) === 0) {
    await page.getByLabel(label('Bin code')).fill('A-01-01');
    await page.getByRole('button', { name: 'Add bin' }).click();
    await expect(bins.getByRole('cell', { name: 'A-01-01', exact: true })).toBeVisible();
  }
}

/** First-run setup exactly as 01-foundation does it, when the backend is fresh. */
async function setUp(page: Page) {
  await page.getByLabel(label('Company name')).fill('Acme Trading GmbH');
  await page.getByLabel(label('Address line 1')).fill('Hauptstraße 1');
  await page.getByLabel(label('Postal code')).fill('10115');
  await page.getByLabel(label('City')).fill('Berlin');
  await choose(page, 'Country', 'Germany', /Germany/);
  await choose(page, 'Currency', 'EUR', /^EUR/);
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByLabel(label('User name')).fill('admin');
  await page.getByLabel(label('Full name')).fill('Ada Admin');
  await page.getByLabel(label('Password')).fill('correct-horse-1');
  await page.getByLabel(label('Confirm password')).fill('correct-horse-1');
  await page.getByRole('button', { name: 'Complete setup' }).click();
}

/** Signs in as the admin from whatever state the shared backend is in. */
export async function signIn(page: Page) {
  await page.goto('/');
  const setup = page.getByRole('heading', { name: 'Set up OMS' });
  const login = page.getByRole('heading', { name: 'Sign in' });
  const locked = page.getByRole('heading', { name: 'Locked' });
  const bar = page.getByRole('group', { name: 'Status bar' });
  await expect(setup.or(login).or(locked).or(bar)).toBeVisible();

  if (await setup.isVisible()) {
    await setUp(page);
  } else {
    if (await bar.isVisible()) {
      if ((await bar.textContent())?.includes('Ada Admin')) return;
      await page.getByRole('button', { name: 'Switch user' }).click();
    } else if (await locked.isVisible()) {
      await page.getByRole('button', { name: 'Switch user' }).click();
    }
    await expect(login).toBeVisible();
    await page.getByRole('button', { name: 'Sign in with name and password' }).click();
    const form = page.getByRole('form', { name: 'Sign in with name and password' });
    await form.getByLabel(label('User name')).fill('admin');
    await form.getByLabel(label('Password')).fill('correct-horse-1');
    await form.getByRole('button', { name: 'Sign in' }).click();
  }
  await expect(bar).toContainText('Ada Admin');
}

/**
 * Creates a product with this SKU, name and price unless the catalog has it
 * already (specs run alone or after each other on one backend).
 */
export async function ensureSimpleProduct(page: Page, p: { sku: string; name: string; price: string }) {
  await area(page, 'Stock');
  await page.getByLabel('Search products').fill(p.sku);
  const products = page.getByRole('grid', { name: 'Products' });
  await expect(page.getByText(/^(No products|\d+ products?)/)).toBeVisible();
  if ((await products.getByRole('row').filter({ hasText: p.name }).count()) === 0) {
    await page.getByRole('button', { name: 'New product' }).click();
    const dialog = page.getByRole('dialog', { name: 'New product' });
    await dialog.getByLabel(label('SKU')).fill(p.sku);
    await dialog.getByLabel(label('Name')).fill(p.name);
    await dialog.getByLabel(label('Price')).fill(p.price);
    await dialog.getByRole('button', { name: 'Save product' }).click();
    await expect(page.getByRole('heading', { name: p.name, level: 1 })).toBeVisible();
  }
}

/** Creates the customer named name unless a search for search finds them. */
export async function ensureCustomer(page: Page, name: string, search: string) {
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: /Customers/ }).click();
  await page.getByLabel('Search customers').fill(search);
  await expect(page.getByText(/customers?|No customer/i).first()).toBeVisible();
  if ((await page.getByRole('link', { name }).count()) === 0) {
    await page.getByRole('button', { name: 'New customer' }).click();
    const dialog = page.getByRole('dialog', { name: 'New customer' });
    await dialog.getByLabel(label('Name')).fill(name);
    await dialog.getByRole('button', { name: 'Create customer' }).click();
    await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();
  }
}
