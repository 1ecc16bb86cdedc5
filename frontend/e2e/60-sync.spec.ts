import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { area, ensureMainWarehouse, ensureSimpleProduct, label, pick, shot, signIn } from './support';

// Two workstations and a sync server on one machine. Workstation 1 is the
// playwright webServer (set up by the earlier specs or by signIn); the spec
// starts the sync server and workstation 2 itself. W1 enrols in Admin → Sync,
// W2 joins the business at first run. With the server stopped each sells the
// product's only unit; after the server is back and both synced, both show
// both orders and 1 on hand / 2 reserved, and the oversell is one exception
// a manager settles by backordering one order.
test.describe.configure({ mode: 'serial' });

const root = fileURLToPath(new URL('../..', import.meta.url));
const bin = join(root, 'build/e2e/oms-dev');
const w1Port = Number(process.env.OMS_E2E_PORT ?? 34115);
const serverPort = w1Port + 11;
const w2Port = w1Port + 12;
const serverUrl = `http://127.0.0.1:${serverPort}`;
const w2Url = `http://127.0.0.1:${w2Port}`;
const srvDir = mkdtempSync(join(tmpdir(), 'oms-e2e-srv-'));
const w2Dir = mkdtempSync(join(tmpdir(), 'oms-e2e-w2-'));
const SKU = `SYNC-${Date.now().toString(36).toUpperCase()}`;
const PRODUCT = { sku: SKU, name: `Last lamp ${SKU}`, price: '30.00' };

const children: ChildProcess[] = [];

/** Starts a process in its own group, so afterAll can stop it and its children by pid. */
function start(cmd: string, args: string[], env: NodeJS.ProcessEnv = {}): ChildProcess {
  const child = spawn(cmd, args, { cwd: root, env: { ...process.env, ...env }, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout?.on('data', (d: Buffer) => process.stdout.write(`[${args[2] ?? cmd}] ${d.toString()}`));
  child.stderr?.on('data', (d: Buffer) => process.stderr.write(`[${args[2] ?? cmd}] ${d.toString()}`));
  children.push(child);
  return child;
}

/** Stops a process group started by start and waits until it is gone. */
async function stop(child: ChildProcess) {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    return;
  }
  const timer = setTimeout(() => {
    try {
      process.kill(-(child.pid as number), 'SIGKILL');
    } catch {
      // Already gone.
    }
  }, 5000);
  await gone;
  clearTimeout(timer);
}

/** Waits until url answers (any HTTP status). */
async function waitForUrl(url: string, timeoutMs = 60_000) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    try {
      await fetch(url);
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}

let server: ChildProcess;
const startServer = async () => {
  server = start(bin, ['--data', srvDir, 'serve', '--addr', `127.0.0.1:${serverPort}`]);
  await waitForUrl(serverUrl);
};
const token = (name: string) => execFileSync(bin, ['--data', srvDir, 'token', '--name', name]).toString().trim();

let w2Context: BrowserContext;
let w1: Page;
let w2: Page;

test.beforeAll(async ({ browser }) => {
  await startServer();
  start('xvfb-run', ['-a', '-s', '-screen 0 1280x800x24', 'env', `OMS_DATA=${w2Dir}`, `assetdir=${join(root, 'frontend/dist')}`, `devserver=127.0.0.1:${w2Port}`, 'loglevel=Warning', bin]);
  await waitForUrl(w2Url);
  w2Context = await browser.newContext({ baseURL: w2Url, viewport: { width: 1280, height: 800 } });
  w2 = await w2Context.newPage();
});

test.afterAll(async () => {
  await w2Context?.close();
  for (const c of children.reverse()) await stop(c);
});

const bar = (page: Page) => page.getByRole('group', { name: 'Status bar' });

async function openSync(page: Page) {
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: /^Admin/ }).click();
  await page.getByRole('tab', { name: 'Sync', exact: true }).click();
  await expect(page.getByRole('tab', { name: 'Sync', exact: true })).toHaveAttribute('aria-selected', 'true');
}

/** Presses Sync now and waits until the round is over with nothing waiting and no error. */
async function syncNow(page: Page) {
  await openSync(page);
  const state = page.getByLabel('Sync state');
  const lastAttempt = async () => (await state.textContent())?.match(/Last attempt(.*?)(Next retry|Last round|$)/)?.[1] ?? '';
  const before = await lastAttempt();
  await expect(page.getByRole('button', { name: 'Sync now' })).toBeEnabled();
  await page.getByRole('button', { name: 'Sync now' }).click();
  await expect.poll(lastAttempt, { timeout: 30_000 }).not.toBe(before);
  await expect(page.getByRole('button', { name: 'Sync now' })).toBeEnabled({ timeout: 30_000 });
  await expect(state).toContainText(/Changes waiting0(?!\d)/, { timeout: 30_000 });
  await expect(page.getByRole('alert').filter({ hasText: 'Last error' })).toHaveCount(0);
}

async function openProduct(page: Page) {
  await area(page, 'Stock');
  await page.getByLabel('Search products').fill(SKU);
  await page.getByRole('grid', { name: 'Products' }).getByRole('row').filter({ hasText: PRODUCT.name }).first().click();
  await expect(page.getByRole('heading', { name: PRODUCT.name, level: 1 })).toBeVisible();
}

/** The product's MAIN row: on hand, reserved, available. */
async function expectStock(page: Page, onHand: string, reserved: string, available: string) {
  await openProduct(page);
  const cells = page.getByRole('table', { name: 'Stock by warehouse' }).getByRole('row').filter({ hasText: 'MAIN' }).getByRole('cell');
  await expect(cells.nth(1)).toHaveText(onHand);
  await expect(cells.nth(2)).toHaveText(reserved);
  await expect(cells.nth(3)).toHaveText(available);
}

/** A phone order for the product's one unit, confirmed (its unit reserved); returns its number. */
async function sellOne(page: Page): Promise<string> {
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: /^Orders/ }).click();
  await page.getByRole('button', { name: 'New order' }).click();
  const create = page.getByRole('dialog', { name: 'New order' });
  await pick(page, create, 'Ships from', /^MAIN – /);
  await create.getByRole('button', { name: 'Create draft' }).click();
  const heading = page.getByRole('heading', { name: /^Order \S+-\d+$/, level: 1 });
  await expect(heading).toBeVisible();
  const number = ((await heading.textContent()) ?? '').replace(/^Order /, '');
  const add = page.getByLabel('Add by SKU or barcode');
  await add.fill(SKU);
  await add.press('Enter');
  await expect(page.getByRole('table', { name: 'Order lines' }).getByRole('row').filter({ hasText: SKU })).toBeVisible();
  await page.getByRole('group', { name: 'Order actions' }).getByRole('button', { name: 'Confirm' }).click();
  await expect(page.getByText('Confirmed', { exact: true }).first()).toBeVisible();
  return number;
}

async function expectOrders(page: Page, numbers: string[]) {
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: /^Orders/ }).click();
  const grid = page.getByRole('grid', { name: 'Orders' });
  for (const n of numbers) {
    await page.getByLabel('Search', { exact: true }).fill(n);
    await expect(grid.getByRole('row').filter({ hasText: n })).toHaveCount(1);
  }
  await page.getByLabel('Search', { exact: true }).fill('');
}

test('two workstations sell the last unit offline; after sync both agree and the oversell is settled', async ({ page }) => {
  test.setTimeout(300_000);
  w1 = page;

  // W1: the product with exactly one unit in MAIN.
  await signIn(w1);
  await ensureMainWarehouse(w1);
  await ensureSimpleProduct(w1, PRODUCT);
  await w1.getByRole('button', { name: 'Adjust stock' }).click();
  const adjust = w1.getByRole('dialog', { name: 'Adjust stock' });
  await pick(w1, adjust, 'Warehouse', /^MAIN – /);
  await adjust.getByLabel(label('Quantity')).fill('1');
  await adjust.getByLabel(label('Reason')).fill('Found in the back');
  await adjust.getByRole('button', { name: 'Post adjustment' }).click();
  await expect(adjust).toBeHidden();
  await expectStock(w1, '1', '0', '1');

  // W1 enrols in Admin → Sync: a wrong token is refused next to its field first.
  await openSync(w1);
  const enrol = w1.getByRole('form', { name: 'Enrol with a sync server' });
  await enrol.getByRole('button', { name: 'Enrol' }).click();
  await expect(enrol.getByText("Enter the sync server's address", { exact: false })).toBeVisible();
  await enrol.getByLabel(label('Server address')).fill(serverUrl);
  await enrol.getByLabel(label('Enrolment token')).fill('omst_not-a-token');
  await enrol.getByRole('button', { name: 'Enrol' }).click();
  await expect(enrol.locator('input[aria-invalid="true"]')).toHaveCount(1);
  await shot(w1, '60-sync-enrol-refused');
  await enrol.getByLabel(label('Enrolment token')).fill(token('Counter 1'));
  await enrol.getByRole('button', { name: 'Enrol' }).click();
  const state1 = w1.getByLabel('Sync state');
  await expect(state1).toContainText(serverUrl);
  await expect(state1).toContainText(/Changes waiting0(?!\d)/, { timeout: 30_000 });
  await expect(w1.getByText('Online', { exact: true })).toBeVisible();
  await expect(w1.getByText('Nothing was refused: every change synced.')).toBeVisible();
  await expect(bar(w1)).toContainText(/Online · last sync/);
  await shot(w1, '61-sync-enrolled', true);

  // W2 joins the business at first run, then signs in as the admin from W1.
  await w2.goto('/');
  await expect(w2.getByRole('heading', { name: 'Set up OMS' })).toBeVisible();
  await w2.getByText('Join an existing business').click();
  const join = w2.getByRole('form', { name: 'Join an existing business' });
  await join.getByLabel(label('Server address')).fill(serverUrl);
  await join.getByLabel(label('Enrolment token')).fill(token('Counter 2'));
  await shot(w2, '62-sync-join');
  await join.getByRole('button', { name: 'Join' }).click();
  await expect(w2.getByRole('heading', { name: 'Sign in' })).toBeVisible({ timeout: 60_000 });
  await shot(w2, '63-sync-joined-sign-in');
  await signIn(w2);
  await expectStock(w2, '1', '0', '1');
  await shot(w2, '64-sync-w2-product', true);

  // The server goes away: each workstation sells the one unit.
  await stop(server);
  const n1 = await sellOne(w1);
  const n2 = await sellOne(w2);
  expect(n1).not.toBe(n2);
  for (const p of [w1, w2]) {
    await expect(bar(p)).toContainText(/[1-9]\d* changes? waiting/);
    await expect(bar(p)).toContainText('Offline', { timeout: 30_000 });
  }
  await shot(w1, '65-sync-w1-offline-sale');
  await shot(w2, '66-sync-w2-offline-sale');

  // The server is back: W1, W2, W1 sync.
  await startServer();
  await syncNow(w1);
  await syncNow(w2);
  await syncNow(w1);
  await shot(w1, '67-sync-w1-synced', true);

  for (const p of [w1, w2]) {
    await expectOrders(p, [n1, n2]);
    await expectStock(p, '1', '2', '-1');
  }
  await shot(w2, '68-sync-w2-stock', true);

  // The oversell: one exception with both orders, linked from the dashboard.
  await w1.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: /^Dashboard/ }).click();
  await w1.getByRole('link', { name: /sync exceptions? to settle/ }).click();
  await expect(w1.getByRole('heading', { name: 'Sync exceptions', level: 1 })).toBeVisible();
  const table = w1.getByRole('table', { name: 'Sync exceptions' });
  const row = table.getByRole('row').filter({ hasText: SKU });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('Oversold');
  await expect(row.getByRole('link', { name: n1 })).toBeVisible();
  await expect(row.getByRole('link', { name: n2 })).toBeVisible();
  await shot(w1, '69-sync-exceptions', true);

  // Settled by backordering W2's order.
  await row.getByRole('button', { name: /^Settle/ }).click();
  const dialog = w1.getByRole('dialog', { name: /^Settle/ });
  await expect(dialog.getByLabel('Backorder one order')).toBeChecked();
  await pick(w1, dialog, 'Order to backorder', new RegExp(`^${n2} `));
  await dialog.getByLabel('Note').fill('Customer of counter 2 waits for the next delivery');
  await shot(w1, '70-sync-settle');
  await dialog.getByRole('button', { name: 'Settle' }).click();
  await expect(dialog).toBeHidden();
  await expect(table.getByRole('row').filter({ hasText: SKU })).toHaveCount(0);
  await w1.getByRole('radiogroup', { name: 'Show exceptions' }).getByText('Settled', { exact: true }).click();
  await expect(table.getByRole('row').filter({ hasText: SKU })).toContainText('Backorder one order by admin');
  await shot(w1, '71-sync-settled', true);
  // W2's order gave its reservation back: 1 on hand, 1 reserved, 0 available.
  await expectStock(w1, '1', '1', '0');
});
