/**
 * Helpers for the JupyterLite end-to-end specs: the notebook's URL, the notebook file, and a test
 * host page (same origin) that embeds the notebook in an iframe and drives it with the real
 * parent-side client (frontend/src/workspace/notebook-bridge.ts, bundled here with esbuild).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import type { BrowserContext, Frame, Page } from '@playwright/test';
import { build } from 'esbuild';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export const NOTEBOOK = 'module_01_intro_to_numpy.ipynb';
export const HOST_PATH = '/__notebook-bridge-host.html';

export interface NotebookFile {
  cells: { cell_type: string; source: string | string[]; metadata: Record<string, unknown> }[];
  metadata: Record<string, unknown>;
}

export function readNotebook(name = NOTEBOOK): NotebookFile {
  return JSON.parse(readFileSync(path.join(repo, 'notebooks', name), 'utf8')) as NotebookFile;
}

export function sourceOf(cell: { source: string | string[] }): string {
  return Array.isArray(cell.source) ? cell.source.join('') : cell.source;
}

/** The notebook's title: the first heading of its first markdown cell. */
export function titleOf(notebook: NotebookFile): string {
  const markdown = notebook.cells.find((cell) => cell.cell_type === 'markdown');
  const heading = sourceOf(markdown ?? { source: '' })
    .split('\n')
    .find((line) => line.startsWith('# '));
  return (heading ?? '').replace(/^#\s+/, '').trim();
}

export function notebookUrl(options: { testKernel?: boolean; name?: string } = {}): string {
  const query = new URLSearchParams({ path: `files/${options.name ?? NOTEBOOK}` });
  if (options.testKernel) query.set('testKernel', '1');
  return `/jupyterlite/lab/index.html?${query.toString()}`;
}

let clientBundle: Promise<string> | null = null;

/** The parent-side client as a browser script exposing `NotebookBridgeClient`. */
function bundleClient(): Promise<string> {
  clientBundle ??= build({
    entryPoints: [path.join(repo, 'frontend/src/workspace/notebook-bridge.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    globalName: 'NotebookBridgeClient',
    platform: 'browser',
    target: 'es2022',
    logLevel: 'silent',
  }).then((result) => result.outputFiles[0]?.text ?? '');
  return clientBundle;
}

/** Blocks every request that leaves the test server (a CDN, PyPI): nothing outside our reach. */
export async function blockOutsideRequests(
  context: BrowserContext,
  baseURL: string,
): Promise<string[]> {
  const blocked: string[] = [];
  const base = new URL(baseURL);
  const isTestServer = (url: URL): boolean =>
    url.port === base.port && ['127.0.0.1', 'localhost'].includes(url.hostname);
  await context.route(
    (url) => !isTestServer(url) && (url.protocol === 'http:' || url.protocol === 'https:'),
    async (route) => {
      blocked.push(route.request().url());
      await route.abort('internetdisconnected');
    },
  );
  return blocked;
}

/**
 * Makes the app's own Python package mirror (/pyodide/, served when the e2e server has the test
 * mirror) unreachable, as Pyodide's CDN is: the real kernel then cannot start. Not the lab's
 * Pyodide core (/jupyterlite/static/pyodide/), which always loads.
 */
export async function blockPyodideMirror(context: BrowserContext): Promise<void> {
  await context.route(
    (url) => url.pathname.startsWith('/pyodide/'),
    (route) => route.abort('internetdisconnected'),
  );
}

/**
 * Serves a host page at `hostOrigin` + HOST_PATH embedding the notebook from `notebookOrigin`,
 * with `window.bridge` (the client) and `window.bridgeEvents` (every event received).
 */
export async function openHost(
  page: Page,
  options: { baseURL: string; notebook: string; hostOrigin?: string },
): Promise<Frame> {
  const hostOrigin = options.hostOrigin ?? new URL(options.baseURL).origin;
  const notebookSrc = new URL(options.notebook, options.baseURL).href;
  const client = await bundleClient();
  const html = `<!doctype html><html><head><meta charset="utf-8"><title>Bridge host</title></head>
<body style="margin:0">
<iframe id="notebook" title="Notebook" style="width:900px;height:700px;border:0"></iframe>
<script>${client}</script>
<script>
  const iframe = document.getElementById('notebook');
  window.bridgeEvents = [];
  window.bridge = NotebookBridgeClient.createNotebookBridge(iframe, { timeoutMs: 8000, origin: ${JSON.stringify(new URL(notebookSrc).origin)} });
  for (const name of ['ready', 'cell-executed', 'dirty', 'kernel-status', 'run-refused', 'focus']) {
    window.bridge.on(name, (payload) => window.bridgeEvents.push({ event: name, payload }));
  }
  /** Sends a raw request (bypassing the client) and collects whatever answers it. */
  window.rawReplies = [];
  window.addEventListener('message', (event) => {
    if (event.data && event.data.kind === 'response') window.rawReplies.push(event.data);
  });
  window.sendRaw = (message, targetOrigin) => iframe.contentWindow.postMessage(message, targetOrigin || '*');
  iframe.src = ${JSON.stringify(notebookSrc)};
</script>
</body></html>`;
  await page.route(`${hostOrigin}${HOST_PATH}`, (route) =>
    route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }),
  );
  await page.goto(`${hostOrigin}${HOST_PATH}`);
  for (let waited = 0; waited < 15_000; waited += 100) {
    const frame = page.frames().find((f) => f.url().includes('/jupyterlite/lab/index.html'));
    if (frame) return frame;
    await page.waitForTimeout(100);
  }
  throw new Error('The notebook frame did not load');
}

/** Waits until the host's client has seen the notebook's `ready` event. */
export async function waitForBridgeReady(page: Page): Promise<void> {
  await page.waitForFunction(
    () => (window as unknown as { bridge: { ready: boolean } }).bridge.ready,
    null,
    {
      timeout: 30_000,
    },
  );
}

/** Runs a bridge client method in the host page and returns its result (or `{ error }`). */
export async function callBridge<T = unknown>(
  page: Page,
  method: string,
  ...args: unknown[]
): Promise<T> {
  return page.evaluate(
    async ([name, params]) => {
      const bridge = (
        window as unknown as { bridge: Record<string, (...a: unknown[]) => Promise<unknown>> }
      ).bridge;
      try {
        return await bridge[name as string]!(...(params as unknown[]));
      } catch (error) {
        const e = error as { code?: string; message?: string };
        return { error: { code: e.code, message: e.message } };
      }
    },
    [method, args] as const,
  ) as Promise<T>;
}

export function bridgeEvents(
  page: Page,
): Promise<{ event: string; payload: Record<string, unknown> }[]> {
  return page.evaluate(
    () =>
      (window as unknown as { bridgeEvents: { event: string; payload: Record<string, unknown> }[] })
        .bridgeEvents,
  );
}
