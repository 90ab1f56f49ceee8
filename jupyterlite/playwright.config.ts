/**
 * Standalone run of the JupyterLite end-to-end specs against a static server (no app server):
 *
 *   npm run build:test && npm run test:e2e
 *
 * The root playwright.config.ts runs the same specs against the real app.
 */
import { defineConfig } from '@playwright/test';

const port = Number(process.env['JUPYTERLITE_E2E_PORT'] ?? 8124);
const dir = process.env['JUPYTERLITE_DIR'] ?? 'dist-test';

export default defineConfig({
  testDir: '../e2e/jupyterlite',
  timeout: 90_000,
  expect: { timeout: 15_000 },
  workers: 2,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
  webServer: {
    command: `npx tsx scripts/serve.ts --dir ${dir} --port ${port}`,
    url: `http://127.0.0.1:${port}/health`,
    reuseExistingServer: false,
    timeout: 30_000,
  },
});
