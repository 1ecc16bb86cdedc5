import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { label, pick, shot, signIn } from './support';

// Admin > Jobs against the real backend: the default schedules listed, the
// low-stock check run now with a finished run in its history, and bad input
// refused at its field (a spec that is no schedule; a report enabled without
// a folder); a report schedule added, run now into a folder, and deleted.
// Runs alone or after the other specs.
test('the low-stock check runs now and its run is recorded', async ({ page }) => {
  await signIn(page);
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: /^Admin/ }).click();
  await page.getByRole('tab', { name: 'Jobs', exact: true }).click();
  await expect(page).toHaveURL(/\/admin\/jobs$/);
  const schedules = page.getByRole('table', { name: 'Schedules' });
  await expect(schedules.getByRole('row', { name: /Low-stock check/ })).toContainText('Every day at 07:00');
  await expect(schedules.getByRole('row', { name: /Weekly inventory report/ })).toContainText('Every Monday at 07:00');
  await expect(schedules.getByRole('switch', { name: 'Enabled: Daily sales report' })).not.toBeChecked();

  await page.getByRole('button', { name: 'Run Low-stock check now' }).click();
  const runs = page.getByRole('table', { name: 'Runs of Low-stock check' });
  const first = runs.getByRole('row').nth(1);
  await expect(first).toContainText('OK');
  await expect(first).toContainText(/below (its|their|the) reorder point/);
  await expect(first).toContainText('Manual');
  await expect(schedules.getByRole('row', { name: /Low-stock check/ })).toContainText('OK');
  await shot(page, '50-jobs', true);

  await page.getByRole('button', { name: 'Edit Delete old drafts' }).click();
  let dialog = page.getByRole('dialog', { name: 'Edit Delete old drafts' });
  await dialog.getByLabel(label('Schedule')).fill('every night');
  await expect(dialog.getByText('No description for this schedule')).toBeVisible();
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByText(/This is not a schedule/)).toBeVisible();
  await dialog.getByLabel(label('Schedule')).fill('30 2 * * *');
  await expect(dialog.getByText('Every day at 02:30')).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  await page.getByRole('button', { name: 'Edit Daily sales report' }).click();
  dialog = page.getByRole('dialog', { name: 'Edit Daily sales report' });
  await dialog.getByLabel('Enabled').check();
  await dialog.getByLabel(label('Folder')).fill('reports');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByText(/Give the folder's full path/)).toBeVisible();
  await shot(page, '50-jobs-edit');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
});

test('a report schedule is added, run and deleted', async ({ page }) => {
  const name = `Payments ${Date.now() % 100000}`;
  await signIn(page);
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: /^Admin/ }).click();
  await page.getByRole('tab', { name: 'Jobs', exact: true }).click();
  await page.getByRole('button', { name: 'Add report schedule' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add report schedule' });
  await dialog.getByLabel(label('Name')).fill(name);
  await dialog.getByLabel(label('Schedule')).fill('0 6 1 * *');
  await expect(dialog.getByText('On the 1st of every month at 06:00')).toBeVisible();
  await pick(page, dialog, 'Report', /^Payments$/);
  await pick(page, dialog, 'Period', /^Last month$/);
  const folder = mkdtempSync(join(tmpdir(), 'oms-scheduled-reports-'));
  await dialog.getByLabel(label('Folder')).fill(folder);
  await dialog.getByRole('button', { name: 'Save' }).click();
  const row = page.getByRole('table', { name: 'Schedules' }).getByRole('row', { name: new RegExp(name) });
  await expect(row).toContainText('0 6 1 * *');

  // Run now: last month's payments report lands in the folder.
  await page.getByRole('button', { name: `Run ${name} now` }).click();
  const first = page.getByRole('table', { name: `Runs of ${name}` }).getByRole('row').nth(1);
  await expect(first).toContainText('OK');
  await expect(first).toContainText(`Wrote ${folder}/payments-`);
  expect(readdirSync(folder).filter((f) => /^payments-\d{4}-\d{2}-\d{2}_\d{4}-\d{2}-\d{2}\.xlsx$/.test(f))).toHaveLength(1);
  await shot(page, '50-jobs-report', true);
  rmSync(folder, { recursive: true, force: true });

  await page.getByRole('button', { name: `Delete ${name}` }).click();
  await page.getByRole('dialog', { name: 'Delete schedule' }).getByRole('button', { name: 'Delete' }).click();
  await expect(row).toHaveCount(0);
});
