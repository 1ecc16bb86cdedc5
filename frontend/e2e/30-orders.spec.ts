import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { area, ensureMainWarehouse, label, pick, shot, signIn } from './support';

// A counter sale through the UI against the real backend: two products scanned
// (one by barcode, one by SKU with a multiplier), an unknown code refused, a
// quantity changed, F9 finishes the sale (confirmed and handed over), then the
// sale is found in the orders list filtered by Delivered and its page shows the
// lines, the totals and the history. Runs after the stock specs on the same
// backend or alone on a fresh one: it adds what it needs.
test.describe.configure({ mode: 'serial' });

const PEN = { sku: 'CTR-PEN', name: 'Counter Pen Blue', ean: '4006381334013', price: '2.50' };
const PAD = { sku: 'CTR-PAD', name: 'Counter Notepad A5', ean: '5901234123990', price: '4.00' };

async function createProduct(page: Page, p: typeof PEN) {
  await area(page, 'Stock');
  await page.getByRole('button', { name: 'New product' }).click();
  const dialog = page.getByRole('dialog', { name: 'New product' });
  await dialog.getByLabel(label('SKU')).fill(p.sku);
  await dialog.getByLabel(label('Name')).fill(p.name);
  await dialog.getByLabel('Barcodes').fill(p.ean);
  await dialog.getByLabel('Barcodes').press('Enter');
  await dialog.getByLabel(label('Price')).fill(p.price);
  await dialog.getByRole('button', { name: 'Save product' }).click();
  await expect(page.getByRole('heading', { name: p.name, level: 1 })).toBeVisible();
}

test('a counter sale: scan, refuse an unknown code, change a quantity, finish, find it', async ({ page }) => {
  await signIn(page);
  await ensureMainWarehouse(page);
  await createProduct(page, PEN);
  await createProduct(page, PAD);

  // The counter: the cursor waits in the scan field.
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: /^Counter/ }).click();
  await expect(page.getByRole('heading', { name: 'Counter', level: 1 })).toBeVisible();
  const scan = page.getByLabel('Scan or type SKU');
  await expect(scan).toBeFocused();
  await expect(page.getByRole('group', { name: 'Sale' })).toContainText('New sale');
  await expect(page.getByRole('combobox', { name: 'Sells from warehouse' })).toHaveValue(/MAIN – /);
  await shot(page, '30-counter-empty');

  const lines = page.getByRole('table', { name: 'Sale lines' });
  const row = (sku: string) => lines.getByRole('row').filter({ has: page.getByRole('rowheader', { name: sku, exact: true }) });

  // A barcode scanned, then 2 of the other by its SKU, then the first again.
  await scan.fill(PEN.ean);
  await scan.press('Enter');
  await expect(row(PEN.sku)).toContainText(PEN.name);
  await expect(page.getByRole('group', { name: 'Sale' })).toContainText(/Sale \S+-\d+/);
  await expect(scan).toHaveValue('');
  await expect(scan).toBeFocused();
  await scan.fill(`2*${PAD.sku}`);
  await scan.press('Enter');
  await expect(row(PAD.sku).getByLabel(`Quantity of ${PAD.sku}`)).toHaveValue('2');
  await scan.fill(PEN.ean);
  await scan.press('Enter');
  await expect(row(PEN.sku).getByLabel(`Quantity of ${PEN.sku}`)).toHaveValue('2');

  // An unknown code is refused loudly and stays selected for the next scan.
  await scan.fill('NOPE-404');
  await scan.press('Enter');
  const alert = page.getByRole('alert').filter({ hasText: 'Unknown code “NOPE-404”' });
  await expect(alert).toBeVisible();
  await expect(scan).toHaveValue('NOPE-404');
  await expect(scan).toBeFocused();
  await expect
    .poll(() => scan.evaluate((el: HTMLInputElement) => [el.selectionStart, el.selectionEnd]))
    .toEqual([0, 'NOPE-404'.length]);
  await expect(lines.getByRole('row')).toHaveCount(3); // header + two lines
  await shot(page, '31-counter-unknown-code');

  // Change a quantity: 2 notepads become 3; the cursor goes back to the scan field.
  const total = page.getByRole('group', { name: 'Total to pay' });
  const before = await total.textContent();
  const padQty = row(PAD.sku).getByLabel(`Quantity of ${PAD.sku}`);
  await padQty.fill('3');
  await padQty.press('Enter');
  await expect(scan).toBeFocused();
  await expect(padQty).toHaveValue('3');
  await expect(total).not.toHaveText(before ?? '');

  // F4: a 10 % order discount, typed in its dialog.
  await page.keyboard.press('F4');
  const discount = page.getByRole('dialog', { name: 'Order discount' });
  await discount.getByLabel('Discount (%)').fill('10');
  await discount.getByLabel('Discount (%)').press('Enter');
  await expect(discount).toBeHidden();
  await expect(scan).toBeFocused();
  await expect(page.getByRole('table', { name: 'Totals' })).toContainText('Discount (10 %)');

  // F2 opens the customer search; Esc closes it and returns to the scan field.
  await page.keyboard.press('F2');
  const customer = page.getByRole('dialog', { name: 'Customer' });
  await expect(customer.getByLabel('Search customers')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(customer).toBeHidden();
  await expect(scan).toBeFocused();
  await shot(page, '32-counter-sale');

  // F9 before paying is refused.
  await page.keyboard.press('F9');
  await expect(page.getByRole('alert').filter({ hasText: 'Not paid yet' })).toContainText('Balance due 15.30 EUR');

  // F8: split payment, 5.00 by card with its slip number, the rest in cash with change.
  await page.keyboard.press('F8');
  const pay = page.getByRole('dialog', { name: 'Payment' });
  await expect(pay.getByRole('group', { name: 'Balance' })).toContainText('15.30 EUR');
  await pay.locator('label').filter({ hasText: /^Card terminal$/ }).click();
  await pay.getByLabel('Amount').fill('5.00');
  await pay.getByLabel('Reference').fill('T-1001');
  await pay.getByRole('button', { name: 'Take payment' }).click();
  await expect(pay.getByRole('group', { name: 'Balance' })).toContainText('10.30 EUR');
  await expect(pay.getByRole('table', { name: 'Payments' })).toContainText('T-1001');
  await pay.locator('label').filter({ hasText: /^Cash$/ }).click();
  await expect(pay.getByLabel('Amount')).toHaveValue('10.30');
  await pay.getByLabel('Cash tendered').fill('20.00');
  await expect(pay.getByRole('status', { name: 'Change' })).toContainText('9.70 EUR');
  await shot(page, '33-counter-payment');
  await pay.getByRole('button', { name: 'Take payment' }).click();
  const drawer = pay.getByRole('group', { name: 'Cash drawer' });
  // On a fresh backend the cash drawer is closed: it is opened from the dialog, then the cash is taken.
  await expect.poll(async () => (await drawer.isVisible()) || !(await pay.isVisible())).toBe(true);
  if (await drawer.isVisible()) {
    await shot(page, '33-counter-drawer-closed');
    await drawer.getByLabel('Opening float').fill('100.00');
    await drawer.getByRole('button', { name: 'Open drawer and pay' }).click();
  }
  await expect(pay).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'Paid in full' })).toContainText('Change 9.70 EUR');
  await expect(scan).toBeFocused();

  // F9 finishes: confirmed and handed over at once.
  await page.keyboard.press('F9');
  const done = page.getByRole('status', { name: 'Sale complete' });
  await expect(done).toBeVisible();
  const heading = done.getByRole('heading', { level: 2 });
  await expect(heading).toHaveText(/^Sale \S+-\d+ complete$/);
  const number = ((await heading.textContent()) ?? '').replace(/^Sale /, '').replace(/ complete$/, '');
  await expect(done).toContainText('Total');
  await expect(done).toContainText('5 items');
  await expect(page.getByRole('button', { name: 'New sale' })).toBeFocused();
  await shot(page, '34-counter-complete');

  // Enter starts the next sale.
  await page.keyboard.press('Enter');
  await expect(scan).toBeFocused();
  await expect(page.getByRole('group', { name: 'Sale' })).toContainText('New sale');

  // The orders list, filtered by Delivered, has the sale.
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: /^Orders/ }).click();
  await expect(page.getByRole('heading', { name: 'Orders', level: 1 })).toBeVisible();
  await pick(page, page, 'Status', /^Delivered$/);
  const grid = page.getByRole('grid', { name: 'Orders' });
  const orderRow = grid.getByRole('row').filter({ hasText: number });
  await expect(orderRow).toContainText('Delivered');
  await expect(orderRow).toContainText('Walk-in');
  await expect(orderRow).toContainText('Counter');
  // Paid in full at the counter: its payment badge, and the Payment filter finds it.
  await expect(orderRow).toContainText('Paid');
  await pick(page, page, 'Payment', /^Paid$/);
  await expect(orderRow).toContainText('Paid');
  await expect(page.getByText(/^\d+ orders?$/)).toBeVisible();
  await shot(page, '35-orders-delivered');

  // Its page: the lines, the totals and the history from draft to delivered.
  await orderRow.click();
  await expect(page.getByRole('heading', { name: `Order ${number}`, level: 1 })).toBeVisible();
  const orderLines = page.getByRole('table', { name: 'Order lines' });
  await expect(orderLines.getByRole('row').filter({ hasText: PEN.sku })).toContainText(PEN.name);
  await expect(orderLines.getByRole('row').filter({ hasText: PAD.sku })).toContainText('3');
  await expect(page.getByRole('table', { name: 'Totals' })).toContainText('Total');
  const history = page.getByRole('table', { name: 'History' });
  await expect(history).toContainText('Draft → Confirmed');
  await expect(history).toContainText('Shipped → Delivered');
  await expect(history).toContainText('handed over at the counter');
  await expect(history).toContainText('admin');
  await expect(page.getByRole('table', { name: 'Totals' })).toContainText('Discount (10 %)');
  const paid = page.getByRole('table', { name: 'Payments' });
  await expect(paid).toContainText('T-1001');
  await expect(paid).toContainText('Cash');
  await expect(paid).toContainText('change 9.70 EUR');
  await shot(page, '36-order-page', true);

  // One pen comes back faulty: restocked into A-01-01, refunded to the way it was paid.
  await page.getByRole('group', { name: 'Order actions' }).getByRole('button', { name: 'Return items' }).click();
  const ret = page.getByRole('dialog', { name: `Return from order ${number}` });
  const returnLines = ret.getByRole('table', { name: 'Lines to return' });
  await expect(returnLines.getByRole('row').filter({ hasText: PEN.sku })).toContainText('2'); // shipped
  await ret.getByLabel(`Quantity back of ${PEN.sku}`).fill('5');
  await ret.getByRole('button', { name: 'Record return' }).click();
  await expect(ret.getByText('At most 2 can still come back.')).toBeVisible();
  await ret.getByLabel(`Quantity back of ${PEN.sku}`).fill('1');
  await expect(ret.getByRole('combobox', { name: `Bin for ${PEN.sku}` })).toHaveValue('A-01-01');
  await ret.getByRole('combobox', { name: label('Reason') }).fill('Faulty');
  // 2.50 less its share of the 10 % order discount.
  await expect(ret.getByRole('status', { name: 'Refund total' })).toHaveText('Refund 2.25 EUR');
  await shot(page, '38-return-dialog');
  await ret.getByRole('button', { name: 'Record return' }).click();
  await expect(ret).toBeHidden();

  const returns = page.getByRole('table', { name: 'Returns' });
  await expect(returns).toContainText(`1 × ${PEN.sku}`);
  await expect(returns).toContainText('Restocked to A-01-01');
  await expect(returns).toContainText('Faulty');
  await expect(returns).toContainText('2.25 EUR');
  // The refund is a negative payment, here back in cash from the open drawer.
  await expect(paid.getByRole('row').filter({ hasText: 'refund' })).toContainText('-2.25 EUR');
  await expect(page.getByRole('region', { name: 'Payments' })).toContainText('Refunded 2.25 EUR');
  await expect(history).toContainText(/Return \S+-R\d+/);
  await shot(page, '39-order-returned', true);

  // The invoice, as a PDF download in the browser (the desktop window saves through its dialog).
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('group', { name: 'Documents' }).getByRole('button', { name: 'Invoice (PDF)' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe(`invoice-${number}.pdf`);
  const pdf = await download.path();
  expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
  const text = execFileSync('pdftotext', ['-layout', pdf, '-']).toString();
  expect(text).toContain(`Invoice ${number}`);
  expect(text).toContain(PEN.name);
  expect(text).toContain('T-1001');

  // The pen is back on the shelf: a return movement into A-01-01.
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: /^Stock/ }).click();
  await page.getByLabel('Search products').fill(PEN.sku);
  await page.getByRole('grid', { name: 'Products' }).getByRole('row').filter({ hasText: PEN.name }).first().click();
  await expect(page.getByRole('heading', { name: PEN.name, level: 1 })).toBeVisible();
  const moves = page.getByRole('table', { name: 'Movement history' });
  await expect(moves.getByRole('row').filter({ hasText: 'Return' }).first()).toContainText('A-01-01');

  // The backorders view: a counter sale handed over leaves none behind.
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: /^Orders/ }).click();
  await page.getByRole('navigation', { name: 'Orders views' }).getByRole('link', { name: 'Backorders' }).click();
  await expect(page.getByRole('heading', { name: 'Backorders', level: 1 })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Backorders' })).toBeVisible();
  await expect(page.getByText(/^\d+ backordered lines?/)).toBeVisible();
  await shot(page, '37-backorders');
});
