import { defineConfig } from '@playwright/test';
import { fileURLToPath } from 'node:url';

const artifacts = fileURLToPath(new URL('../../artifacts/', import.meta.url));

// End-to-end tests in Debian's Chromium (Playwright's own browser download cannot work on these machines)
// against the real API on a real database: e2e/global-setup.ts starts the built API with its own
// embedded PostgreSQL on a free port and serves the built SPA from dist/.
export default defineConfig({
  testDir: './e2e',
  globalSetup: './e2e/global-setup.ts',
  // The longest flows take about 30 s on an idle 2-core machine, and twice that when the machine is shared.
  timeout: 120_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list'], ['junit', { outputFile: `${artifacts}test-results/web-e2e.junit.xml` }]],
  outputDir: `${artifacts}e2e-output`,
  use: {
    baseURL: process.env.PROMPTMARK_E2E_URL,
    viewport: { width: 1360, height: 860 },
    trace: 'retain-on-failure',
    actionTimeout: 10_000,
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync',
      ],
    },
  },
});
