import { defineConfig } from '@playwright/test';

// End-to-end against the real Go backend: scripts/e2e-server.sh builds the app
// with the Wails dev tag and serves frontend/dist with the bindings injected,
// over a fresh empty data directory. Browsers cannot be downloaded here, so
// Debian's chromium is used. OMS_E2E_PORT moves the backend off the default
// port, so two checkouts can run their end-to-end tests side by side.
const port = Number(process.env.OMS_E2E_PORT ?? 34115);

export default defineConfig({
  testDir: './e2e',
  outputDir: './test-results',
  workers: 1,
  fullyParallel: false,
  retries: 0,
  timeout: 90_000,
  expect: { timeout: 15_000 },
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    headless: true,
    viewport: { width: 1280, height: 800 },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: {
    command: `bash ../scripts/e2e-server.sh ${port}`,
    url: `http://127.0.0.1:${port}`,
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    stderr: 'pipe',
  },
});
