import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from '@playwright/test';

// One story through the foundation, in order: first-run setup, adding a counter
// user, switching to them with a wrong and then the right PIN. The backend
// starts with an empty data directory, so the steps depend on each other.
test.describe.configure({ mode: 'serial' });

/** A label as Playwright reads it: required inputs end in " *" (hidden from screen readers). */
const label = (text: string) => new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}( \\*)?$`);

/** Screenshots for people to look at, in frontend/e2e-artifacts/ (gitignored). */
const shot = (page: Page, name: string) =>
  page.screenshot({ path: fileURLToPath(new URL(`../e2e-artifacts/${name}.png`, import.meta.url)) });

async function choose(page: Page, name: string, search: string, option: RegExp) {
  const box = page.getByRole('combobox', { name });
  await box.click();
  await box.fill(search);
  await page.getByRole('option', { name: option }).click();
  await expect(box).toHaveValue(option);
}

test('setup, add a counter user, switch to them by PIN', async ({ page }) => {
  await page.goto('/');

  // First run: company, then the admin account.
  await expect(page.getByRole('heading', { name: 'Set up OMS' })).toBeVisible();
  await expect(page.getByLabel(label('Company name'))).toBeFocused();
  await page.getByLabel(label('Company name')).fill('Acme Trading GmbH');
  await page.getByLabel(label('Address line 1')).fill('Hauptstraße 1');
  await page.getByLabel(label('Postal code')).fill('10115');
  await page.getByLabel(label('City')).fill('Berlin');
  await choose(page, 'Country', 'Germany', /Germany/);
  await choose(page, 'Currency', 'EUR', /^EUR/);
  await shot(page, '01-setup-company');
  await page.getByRole('button', { name: 'Next' }).click();

  await expect(page.getByLabel(label('User name'))).toBeFocused();
  await page.getByLabel(label('User name')).fill('admin');
  await page.getByLabel(label('Full name')).fill('Ada Admin');
  await page.getByLabel(label('Password')).fill('correct-horse-1');
  await page.getByLabel(label('Confirm password')).fill('correct-horse-1');
  await shot(page, '02-setup-admin');
  await page.getByRole('button', { name: 'Complete setup' }).click();

  // The admin lands on Admin > Users.
  await expect(page.getByRole('heading', { name: 'Admin', level: 1 })).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Users' })).toHaveAttribute('aria-selected', 'true');
  const users = page.getByRole('table', { name: 'Users' });
  await expect(users.getByRole('cell', { name: 'Ada Admin' })).toBeVisible();
  const bar = page.getByRole('group', { name: 'Status bar' });
  await expect(bar).toContainText('Ada Admin');
  await expect(bar).toContainText('Standalone – no sync server');

  // Add Cara, counter staff with PIN 4321.
  await page.getByRole('button', { name: 'Add user' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add user' });
  await expect(dialog.getByLabel(label('User name'))).toBeFocused();
  await dialog.getByLabel(label('User name')).fill('cara');
  await dialog.getByLabel(label('Full name')).fill('Cara Counter');
  await dialog.getByRole('combobox', { name: 'Role' }).click();
  await page.getByRole('option', { name: 'Counter staff' }).click();
  await dialog.getByLabel(label('PIN')).fill('4321');
  await dialog.getByRole('button', { name: 'Add user' }).click();
  await expect(dialog).toBeHidden();
  const caraRow = users.getByRole('row').filter({ hasText: 'Cara Counter' });
  await expect(caraRow).toContainText('Counter staff');
  await expect(caraRow.getByRole('cell').nth(3)).toHaveText('Yes'); // has a PIN
  await shot(page, '03-admin-users');

  // Switch user and pick Cara.
  await page.getByRole('button', { name: 'Switch user' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await page.getByRole('button', { name: /Cara Counter/ }).click();
  const pin = page.getByLabel(label('PIN'));
  await expect(pin).toBeFocused();

  // A wrong PIN is refused at the field.
  await pin.fill('1111');
  await pin.press('Enter');
  await expect(pin).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByRole('form', { name: /Sign in as Cara Counter/ })).toContainText(/wrong|incorrect|invalid/i);
  await expect(pin).toHaveValue('');
  await shot(page, '04-wrong-pin');

  // The right PIN signs her in at the Counter.
  await pin.fill('4321');
  await pin.press('Enter');
  await expect(page.getByRole('heading', { name: 'Counter', level: 1 })).toBeVisible();
  await expect(page.getByRole('group', { name: 'Status bar' })).toContainText('Cara Counter');
  const nav = page.getByRole('navigation', { name: 'Main navigation' });
  await expect(nav.getByText('Admin')).toHaveCount(0);
  await shot(page, '05-counter');

  // Dark theme, chosen in Settings (reached by its Alt+n shortcut), stays legible.
  const settingsKey = await nav.getByRole('link', { name: /Settings/ }).getAttribute('aria-keyshortcuts');
  expect(settingsKey).toMatch(/^Alt\+\d$/);
  await page.keyboard.press(settingsKey!);
  await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
  await page.getByText('Dark', { exact: true }).click();
  await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', 'dark');
  await page.keyboard.press('Alt+1');
  await expect(page.getByRole('heading', { name: 'Counter', level: 1 })).toBeVisible();
  await shot(page, '06-counter-dark');

  // F12 locks; the PIN unlocks.
  await page.keyboard.press('F12');
  await expect(page.getByRole('heading', { name: 'Locked' })).toBeVisible();
  await page.getByLabel(label('PIN or password')).fill('4321');
  await page.getByLabel(label('PIN or password')).press('Enter');
  await expect(page.getByRole('heading', { name: 'Counter', level: 1 })).toBeVisible();
});
