import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { choose, label, shot, signIn } from './support';

// A customer at the counter, as an admin: create one with a Vietnamese name and
// a shipping address, log a call, find it again by a prefix of its name, and
// export its data; then erase another one's personal data. Runs after the foundation and stock specs on the same
// backend, or alone on a fresh one: signIn handles both.
test.describe.configure({ mode: 'serial' });

const NAME = 'Nguyễn Thị Hoa';

test('create a customer with an address and a call, find it by a prefix', async ({ page }) => {
  await signIn(page);

  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: /Customers/ }).click();
  await expect(page.getByRole('heading', { name: 'Customers', level: 1 })).toBeVisible();
  await expect(page.getByLabel('Search customers')).toBeFocused();

  // Create: early validation first, then the real thing.
  await page.getByRole('button', { name: 'New customer' }).click();
  const dialog = page.getByRole('dialog', { name: 'New customer' });
  await expect(dialog.getByLabel(label('Name'))).toBeFocused();
  await dialog.getByLabel(label('Email')).fill('hoa@example');
  await dialog.getByRole('button', { name: 'Create customer' }).click();
  await expect(dialog.getByLabel(label('Name'))).toHaveAttribute('aria-invalid', 'true');
  await expect(dialog).toContainText('Enter an email address like name@example.com.');
  await dialog.getByLabel(label('Name')).fill(NAME);
  await dialog.getByLabel(label('Company')).fill('Công ty Hoa Sen <b>&</b>');
  await dialog.getByLabel(label('Email')).fill('hoa@example.vn');
  await dialog.getByLabel(label('Phone')).fill('+84 24 3825 1234');
  await dialog.getByLabel(/^Credit limit/).fill('2500.00');
  await shot(page, '20-new-customer');
  await dialog.getByRole('button', { name: 'Create customer' }).click();
  await expect(dialog).toBeHidden();

  // The customer page.
  await expect(page.getByRole('heading', { name: NAME, level: 1 })).toBeVisible();
  const details = page.getByRole('form', { name: 'Customer details' });
  await expect(details.getByLabel(label('Company'))).toHaveValue('Công ty Hoa Sen <b>&</b>');
  await expect(details.getByLabel(/^Credit limit/)).toHaveValue('2500.00');
  await expect(details.getByLabel(label('Code'))).toHaveValue(/^C-\d{6}$/);

  // A shipping address; the first of its kind becomes the default.
  await page.getByRole('button', { name: 'Add shipping address' }).click();
  const addr = page.getByRole('dialog', { name: 'Add address' });
  await expect(addr.getByLabel(label('Street and number'))).toBeFocused();
  await addr.getByRole('button', { name: 'Add address' }).click();
  await expect(addr.getByLabel(label('Street and number'))).toHaveAttribute('aria-invalid', 'true');
  await addr.getByLabel(label('Street and number')).fill('12 Tràng Tiền');
  await addr.getByLabel(label('Postal code')).fill('100000');
  await addr.getByLabel(label('City')).fill('Hà Nội');
  await choose(page, 'Country', 'Vietnam', /Vietnam/, addr);
  await addr.getByRole('button', { name: 'Add address' }).click();
  await expect(addr).toBeHidden();
  const shipping = page.getByRole('article', { name: 'Shipping address, default' });
  await expect(shipping).toContainText('12 Tràng Tiền');
  await expect(shipping).toContainText('100000 Hà Nội');
  await expect(shipping).toContainText('Vietnam');

  // A call on the timeline.
  const interaction = page.getByRole('form', { name: 'Add interaction' });
  await interaction.getByRole('combobox', { name: 'Kind' }).click();
  await page.getByRole('option', { name: 'Call', exact: true }).click();
  await expect(interaction.getByRole('combobox', { name: 'Kind' })).toHaveValue('Call');
  await interaction.getByLabel(label('What happened')).fill('Asked when the <script>order</script> ships.');
  await interaction.getByRole('button', { name: 'Add to timeline' }).click();
  const timeline = page.getByRole('list', { name: 'Timeline' });
  await expect(timeline).toContainText('Asked when the <script>order</script> ships.');
  await expect(timeline).toContainText('Call');
  await expect(timeline).toContainText('Today');
  await expect(interaction.getByLabel(label('What happened'))).toHaveValue('');
  await shot(page, '21-customer-page', true);

  // Find it again by a prefix of the name, typed without diacritics, and open it by keyboard.
  await page.getByRole('link', { name: /All customers/ }).click();
  const search = page.getByLabel('Search customers');
  await search.fill('nguyen th');
  const table = page.getByRole('table', { name: 'Customers' });
  const row = table.getByRole('row').filter({ hasText: NAME });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('hoa@example.vn');
  await expect(page.getByText(/^1 customer$/)).toBeVisible();
  await shot(page, '22-customer-search');
  await search.press('ArrowDown');
  await expect(row.getByRole('link', { name: NAME })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: NAME, level: 1 })).toBeVisible();

  // GDPR export as JSON: a download with everything about the customer.
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export JSON' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^customer-C-\d{6}-\d{4}-\d{2}-\d{2}\.json$/);
  const exported = JSON.parse(await readFile(await download.path(), 'utf8')) as {
    customer: { name: string };
    addresses: { city: string }[];
    interactions: { kind: string; text: string }[];
  };
  expect(exported.customer.name).toBe(NAME);
  expect(exported.addresses.map((a) => a.city)).toEqual(['Hà Nội']);
  expect(exported.interactions.map((i) => i.kind)).toEqual(['call']);
});

test('erase a customer after typing its code', async ({ page }) => {
  await signIn(page);
  await page.goto('/#/customers');
  await expect(page.getByRole('heading', { name: 'Customers', level: 1 })).toBeVisible();
  await page.getByLabel('Search customers').fill('Γιώργος Παπαδόπουλος');
  await page.getByRole('button', { name: 'New customer' }).click();
  const dialog = page.getByRole('dialog', { name: 'New customer' });
  await expect(dialog.getByLabel(label('Name'))).toHaveValue('Γιώργος Παπαδόπουλος');
  await dialog.getByLabel(label('Email')).fill('giorgos@example.gr');
  await dialog.getByRole('button', { name: 'Create customer' }).click();
  await expect(page.getByRole('heading', { name: 'Γιώργος Παπαδόπουλος', level: 1 })).toBeVisible();
  const code = await page.getByRole('form', { name: 'Customer details' }).getByLabel(label('Code')).inputValue();

  await page.getByRole('button', { name: 'Erase personal data…' }).click();
  const erase = page.getByRole('dialog', { name: 'Erase personal data' });
  await erase.getByLabel(label('Reason')).fill('Request by email of today');
  const confirm = erase.getByLabel(label(`Type the customer code ${code} to confirm`));
  const go = erase.getByRole('button', { name: 'Erase for good' });
  await confirm.fill('C-9');
  await expect(go).toBeDisabled();
  await confirm.fill(code.toLowerCase());
  await shot(page, '23-erase');
  await go.click();
  await expect(erase).toBeHidden();
  await expect(page.getByRole('heading', { name: `Erased customer ${code}`, level: 1 })).toBeVisible();
  await expect(page.getByText(/^Erased \d/)).toBeVisible(); // the badge with the date
  await expect(page.getByRole('form', { name: 'Customer details' }).getByLabel(label('Email'))).toHaveValue('');
  await expect(page.getByRole('form', { name: 'Add interaction' })).toHaveCount(0);
});
