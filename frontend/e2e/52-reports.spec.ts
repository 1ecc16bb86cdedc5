import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { shot, signIn } from './support';

// The Reports screen against the real backend: the order lines report of the
// last days runs off the UI thread, says it is ready with its row count and
// downloads as an Excel workbook (a zip whose sheet holds the order lines).
// Runs alone on a fresh backend (an empty workbook with its header) or
// after the other specs.
test('an order lines report runs and downloads as a workbook', async ({ page }) => {
  await signIn(page);
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: /^Reports/ }).click();
  await expect(page.getByRole('heading', { name: 'Reports', level: 1 })).toBeVisible();
  await page.getByRole('radio', { name: /^Order lines/ }).check();
  const today = new Date().toISOString().slice(0, 10);
  const weekAgo = new Date(Date.now() - 7 * 86_400_000).toISOString().slice(0, 10);
  // A range that ends before it starts is refused on its field.
  await page.getByLabel('From').fill(today);
  await page.getByLabel('To (inclusive)').fill(weekAgo);
  await page.getByRole('button', { name: 'Run report' }).click();
  await expect(page.getByText('The last day must not be before the first.')).toBeVisible();
  await page.getByLabel('From').fill(weekAgo);
  await page.getByLabel('To (inclusive)').fill(today);
  await page.getByRole('button', { name: 'Run report' }).click();
  const ready = page.getByRole('heading', { name: /\.xlsx is ready \([\d,]+ rows?\)$/ });
  await expect(ready).toBeVisible({ timeout: 30_000 });
  await shot(page, '52-reports');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download' }).click()]);
  expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
  const data = readFileSync((await download.path()) ?? '');
  expect(data.subarray(0, 2).toString()).toBe('PK'); // an OOXML zip
  expect(data.includes(Buffer.from('xl/worksheets/sheet1.xml'))).toBe(true);
});
