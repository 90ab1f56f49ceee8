import { mkdtempSync } from 'node:fs';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from '@playwright/test';
import { verifiedTestMirror } from './e2e/jupyterlite/test-mirror';
import { chromiumArgs, chromiumExecutable } from './scripts/lib/chromium';

// One fresh embedded database per run; the config is evaluated again in each worker, so the
// directory is chosen once and handed down through the environment.
process.env.E2E_DATA_DIR ??= mkdtempSync(join(tmpdir(), 'tutor-e2e-'));
/** The server's JSON log lines: specs read them to check what the server received. */
process.env.E2E_SERVER_LOG ??= join(process.env.E2E_DATA_DIR, 'server.log');
const port = Number(process.env.E2E_PORT ?? 8123);
export const baseURL = `http://127.0.0.1:${port}`;

/** The test build of JupyterLite (with its JavaScript stand-in kernel) when it has been built. */
const testJupyterLite = 'jupyterlite/dist-test';
/**
 * The test-only Pyodide mirror (../shared/pyodide/test-mirror), served by the app under /pyodide/
 * when it is there and its numpy is the official wheel: the real kernel then starts. Specs that
 * need Python down block /pyodide/** themselves.
 */
const pyodideMirror = verifiedTestMirror();
process.env.E2E_PYODIDE_MIRROR = pyodideMirror ? '1' : '';

export default defineConfig({
  testDir: 'e2e',
  // Not test-results/ itself: Playwright empties its output folder, and Vitest's report lives there.
  outputDir: 'test-results/playwright',
  // Generous: a spec that opens two workspaces takes 45 s on a busy two-core machine. The limit
  // is there to end a stuck test, not to time a slow one.
  timeout: 120_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 2,
  retries: process.env.CI ? 1 : 0,
  reporter: [['list']],
  use: {
    baseURL,
    // Recording a trace roughly doubles a spec's time on a small machine: CI records the retry of a
    // failed test; a local run keeps the trace of every failure.
    trace: process.env.CI ? 'on-first-retry' : 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: chromiumExecutable,
      args: chromiumArgs,
    },
  },
  projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
  webServer: {
    command: 'node backend/dist/server.js',
    url: `${baseURL}/health`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'pipe',
    stderr: 'pipe',
    env: {
      HOST: '127.0.0.1',
      PORT: String(port),
      DATA_DIR: process.env.E2E_DATA_DIR,
      LOG_LEVEL: process.env.E2E_LOG_LEVEL ?? 'info',
      LOG_FILE: process.env.E2E_SERVER_LOG,
      AUTH_RATE_LIMIT_PER_MINUTE: '1000',
      ...(existsSync(testJupyterLite) ? { JUPYTERLITE_DIR: testJupyterLite } : {}),
      ...(pyodideMirror ? { PYODIDE_MIRROR_DIR: pyodideMirror } : {}),
    },
  },
});
