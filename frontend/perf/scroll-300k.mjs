/* global window, document, requestAnimationFrame, cancelAnimationFrame */
// Manual check that the product list scrolls a large catalog smoothly, in
// Chromium against the real backend (not part of `make test`: seeding 300k
// products takes a minute). See frontend/perf/README.md.
//   node perf/scroll-300k.mjs http://127.0.0.1:34200 admin PASSWORD
import { chromium } from 'playwright-core';

const [url = 'http://127.0.0.1:34200', user = 'admin', password = 'correct-horse-1'] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
await page.goto(url);
// The backend keeps one session per workstation: sign out whoever is signed in.
const switchUser = page.getByRole('button', { name: 'Switch user' });
const byName = page.getByRole('button', { name: 'Sign in with name and password' });
await switchUser.or(byName).first().waitFor();
if (await switchUser.isVisible()) await switchUser.click();
await byName.click();
const form = page.getByRole('form', { name: 'Sign in with name and password' });
await form.getByLabel(/^User name( \*)?$/).fill(user);
await form.getByLabel(/^Password( \*)?$/).fill(password);
await form.getByLabel(/^Password( \*)?$/).press('Enter');
await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: /^Stock/ }).click();
const grid = page.getByRole('grid', { name: 'Products' });
await grid.getByRole('row').nth(2).waitFor();
const total = await page.locator('text=/[0-9,]+ products?/').first().textContent().catch(() => '');

// Record every animation frame while the wheel scrolls through the list.
await page.evaluate(() => {
  window.__frames = [];
  let last = performance.now();
  const tick = (t) => { window.__frames.push(t - last); last = t; window.__raf = requestAnimationFrame(tick); };
  window.__raf = requestAnimationFrame(tick);
});
await grid.hover();
const t0 = Date.now();
for (let i = 0; i < 300; i++) await page.mouse.wheel(0, 2000);
const wheelMs = Date.now() - t0;
// Then jump to the end by keyboard and wait until the last rows have loaded.
await grid.getByRole('row').nth(3).focus();
const t1 = Date.now();
await page.keyboard.press('End');
await page.waitForFunction(() => !document.querySelector('[role=grid] [class*=loading]'), null, { timeout: 30000 });
const endMs = Date.now() - t1;
const frames = await page.evaluate(() => { cancelAnimationFrame(window.__raf); return window.__frames; });
frames.sort((a, b) => a - b);
const pct = (p) => frames[Math.min(frames.length - 1, Math.floor((p / 100) * frames.length))].toFixed(1);
const lastRow = await grid.getByRole('row').last().textContent();
await page.screenshot({ path: 'e2e-artifacts/perf-scroll-end.png' });
console.log(JSON.stringify({ total, frames: frames.length, p50ms: pct(50), p95ms: pct(95), p99ms: pct(99), maxMs: frames.at(-1).toFixed(1), wheelMs, endMs, lastRow }));
await browser.close();
