/**
 * The notebook opens from the seed's URL, fits a side panel, keeps nothing in browser storage,
 * and answers the bridge operations from a same-origin host page; messages from another origin or
 * window are ignored.
 */
import { expect, test } from '@playwright/test';

import {
  blockOutsideRequests,
  bridgeEvents,
  callBridge,
  notebookUrl,
  openHost,
  readNotebook,
  sourceOf,
  titleOf,
  waitForBridgeReady,
} from './helpers';

const notebook = readNotebook();

test.beforeEach(async ({ context, baseURL }) => {
  await blockOutsideRequests(context, baseURL!);
});

test('the seed URL opens the notebook and shows its title, with nothing in browser storage', async ({ page }) => {
  await page.goto(notebookUrl({ testKernel: true }));
  await expect(page.locator('.jp-MarkdownCell h1').first()).toContainText(titleOf(notebook));
  // Side panel: one document, the toolbar's run/stop/restart, no file browser or launcher.
  await expect(page.locator('.jp-NotebookPanel-toolbar [data-command="notebook:run-cell-and-select-next"]')).toBeVisible();
  await expect(page.locator('.jp-NotebookPanel-toolbar [data-command="notebook:interrupt-kernel"]')).toBeVisible();
  await expect(page.locator('.jp-NotebookPanel-toolbar [data-command="notebook:restart-kernel"]')).toBeVisible();
  await expect(page.locator('.jp-FileBrowser')).toHaveCount(0);
  await expect(page.locator('.jp-Launcher')).toHaveCount(0);
  const panel = await page.locator('.jp-NotebookPanel').boundingBox();
  const viewport = page.viewportSize()!;
  expect(panel!.width).toBeGreaterThan(viewport.width - 4);
  expect(panel!.y).toBeLessThan(4);
  const storage = await page.evaluate(async () => ({
    local: localStorage.length,
    session: sessionStorage.length,
    databases: (await indexedDB.databases()).map((db) => db.name),
  }));
  expect(storage).toEqual({ local: 0, session: 0, databases: [] });
});

test('each bridge operation answers from a same-origin host page', async ({ page, baseURL }) => {
  const frame = await openHost(page, { baseURL: baseURL!, notebook: notebookUrl({ testKernel: true }) });
  await waitForBridgeReady(page);
  const events = await bridgeEvents(page);
  expect(events.find((e) => e.event === 'ready')?.payload).toMatchObject({ path: `files/module_01_intro_to_numpy.ipynb` });

  // The state equals the file, modulo metadata (ids, outputs and metadata are JupyterLab's).
  const state = await callBridge<{ nbformat: number; cells: { cell_type: string; source: string | string[] }[] }>(page, 'getNotebookState');
  expect(state.nbformat).toBe(4);
  expect(state.cells.map((cell) => [cell.cell_type, sourceOf(cell)])).toEqual(
    notebook.cells.map((cell) => [cell.cell_type, sourceOf(cell)]),
  );

  // The selected cell's code and context.
  const codeIndex = notebook.cells.findIndex((cell) => cell.cell_type === 'code');
  await frame.locator('.jp-Notebook .jp-Cell').nth(codeIndex).locator('.jp-InputArea-editor').click();
  expect(await callBridge(page, 'getCurrentCellCode')).toBe(sourceOf(notebook.cells[codeIndex]!));
  const tutor = notebook.cells[codeIndex]!.metadata['tutor'] as { exercise?: string } | undefined;
  expect(await callBridge(page, 'getCurrentCellContext')).toEqual({
    code: sourceOf(notebook.cells[codeIndex]!),
    index: codeIndex,
    cellType: 'code',
    exerciseId: tutor?.exercise ?? null,
    exerciseTitle: null,
    lastError: null,
  });
  expect(await callBridge(page, 'getErrorOutput')).toBeNull();
});

test('setNotebookState replaces the content in place, renders markdown and round-trips', async ({ page, baseURL }) => {
  const frame = await openHost(page, { baseURL: baseURL!, notebook: notebookUrl({ testKernel: true }) });
  await waitForBridgeReady(page);
  await page.evaluate(() => ((window as unknown as { frameMarker: boolean }).frameMarker = true));
  await frame.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));

  const restored = {
    nbformat: 4,
    nbformat_minor: 5,
    metadata: notebook.metadata,
    cells: [
      { cell_type: 'markdown', id: 'm1', metadata: {}, source: ['## Restored heading\n', '\n', 'Some *emphasis*.'] },
      { cell_type: 'code', id: 'c1', metadata: { tutor: { exercise: 'ex-restored' } }, execution_count: null, outputs: [], source: 'x = 41\nprint(x + 1)' },
    ],
  };
  expect(await callBridge(page, 'setNotebookState', restored)).toBeUndefined();
  await expect(frame.locator('.jp-MarkdownCell h2')).toHaveText(/^Restored heading/);
  await expect(frame.locator('.jp-MarkdownCell em')).toHaveText('emphasis');
  expect(await frame.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);

  const state = await callBridge<{ cells: { cell_type: string; source: string | string[]; metadata: Record<string, unknown> }[] }>(page, 'getNotebookState');
  expect(state.cells.map((cell) => [cell.cell_type, sourceOf(cell)])).toEqual(
    restored.cells.map((cell) => [cell.cell_type, sourceOf(cell)]),
  );
  expect(state.cells[1]!.metadata).toMatchObject({ tutor: { exercise: 'ex-restored' } });

  await frame.locator('.jp-Notebook .jp-Cell').nth(1).locator('.jp-InputArea-editor').click();
  const focus = { index: 1, cellType: 'code', exerciseId: 'ex-restored', exerciseTitle: null, lastError: null };
  expect(await callBridge(page, 'getCurrentCellContext')).toEqual({ code: 'x = 41\nprint(x + 1)', ...focus });
  // The parent follows the selection through `focus` events, and can select a cell itself.
  await expect.poll(async () => (await bridgeEvents(page)).filter((e) => e.event === 'focus').at(-1)?.payload).toEqual(focus);
  expect(await callBridge(page, 'selectCell', 0)).toBeUndefined();
  await expect
    .poll(async () => (await bridgeEvents(page)).filter((e) => e.event === 'focus').at(-1)?.payload)
    .toEqual({ ...focus, index: 0, cellType: 'markdown', exerciseId: null });
  expect(await callBridge(page, 'selectCell', 7)).toEqual({
    error: { code: 'no_cell', message: 'There is no cell 7 (the notebook has 2)' },
  });
});

test('bad requests get an error reply: unknown op, invalid notebook', async ({ page, baseURL }) => {
  await openHost(page, { baseURL: baseURL!, notebook: notebookUrl({ testKernel: true }) });
  await waitForBridgeReady(page);
  expect(await callBridge(page, 'request', 'deleteEverything')).toEqual({
    error: { code: 'unknown_op', message: 'Unknown operation: deleteEverything' },
  });
  // The client refuses a bad state before sending it...
  const refused = await callBridge<{ error: { code: string } }>(page, 'setNotebookState', { nbformat: 3, cells: [] });
  expect(refused.error.code).toBe('invalid_notebook');
  // ...and the notebook refuses one sent without the client's check.
  const raw = await callBridge<{ error: { code: string } }>(page, 'request', 'setNotebookState', { state: { nbformat: 4, cells: 'nope' } });
  expect(raw.error.code).toBe('invalid_notebook');
  // The notebook is unchanged.
  const state = await callBridge<{ cells: unknown[] }>(page, 'getNotebookState');
  expect(state.cells.length).toBe(notebook.cells.length);
});

test('messages from another origin or another window are ignored', async ({ page, baseURL }) => {
  const base = new URL(baseURL!);
  // Another origin on the same server: "localhost" instead of "127.0.0.1".
  const otherOrigin = `${base.protocol}//localhost:${base.port}`;

  // A page on another origin cannot even embed the notebook: the server's CSP says
  // frame-ancestors 'self', so the frame never renders and nothing is ever posted to that page.
  await page.goto(`${otherOrigin}/jupyterlite/jupyter-lite.json`);
  await page.evaluate((src) => {
    const w = window as unknown as { received: unknown[] };
    w.received = [];
    window.addEventListener('message', (event) => w.received.push(event.data));
    const iframe = document.createElement('iframe');
    iframe.src = src;
    document.body.appendChild(iframe);
  }, new URL(notebookUrl({ testKernel: true }), baseURL).href);
  await page.waitForTimeout(3000);
  const embedded = page.frames().find((f) => f.url().includes('/lab/index.html'));
  expect(embedded ? await embedded.locator('.jp-MarkdownCell').count() : 0).toBe(0);
  expect(await page.evaluate(() => (window as unknown as { received: unknown[] }).received)).toEqual([]);

  // A frame of another origin (a data: URL has an opaque origin; every page of this server refuses
  // cross-origin framing) inside the real host page posts a request to the notebook: the bridge
  // checks the sender's origin and window, so no reply is sent.
  await openHost(page, { baseURL: baseURL!, notebook: notebookUrl({ testKernel: true }) });
  await waitForBridgeReady(page);
  await page.evaluate(() => {
    const foreign = document.createElement('iframe');
    foreign.src = 'data:text/html,<p>another origin</p>';
    document.body.appendChild(foreign);
  });
  await expect.poll(() => page.frames().some((f) => f.url().startsWith('data:'))).toBe(true);
  const foreignFrame = page.frames().find((f) => f.url().startsWith('data:'))!;
  await foreignFrame.evaluate(() => {
    parent.frames[0]!.postMessage(
      { protocol: 'notebook-bridge', version: 1, kind: 'request', id: 'cross-origin-1', op: 'getNotebookState' },
      '*',
    );
  });

  // Same origin but another window: a sibling frame posts to the notebook; no reply goes anywhere.
  await page.evaluate(async () => {
    const sibling = document.createElement('iframe');
    sibling.srcdoc = '<p>sibling</p>';
    document.body.appendChild(sibling);
    await new Promise((resolve) => sibling.addEventListener('load', resolve));
    const target = (document.getElementById('notebook') as HTMLIFrameElement).contentWindow!;
    // Runs in the sibling's window, so event.source is the sibling, not the parent.
    (sibling.contentWindow as unknown as { eval: (code: string) => void }).eval(
      `parent.frames[0].postMessage(${JSON.stringify({ protocol: 'notebook-bridge', version: 1, kind: 'request', id: 'sibling-1', op: 'getNotebookState' })}, '*')`,
    );
    void target;
  });
  // Forged events posted by the host window itself must not reach the client's subscribers.
  await page.evaluate(() => {
    window.postMessage({ protocol: 'notebook-bridge', version: 1, kind: 'event', event: 'cell-executed', payload: { index: 999, success: true } }, '*');
  });
  await page.waitForTimeout(1000);
  const replies = await page.evaluate(() => (window as unknown as { rawReplies: { id: string }[] }).rawReplies);
  expect(replies.filter((reply) => reply.id === 'sibling-1' || reply.id === 'cross-origin-1')).toEqual([]);
  const forged = (await bridgeEvents(page)).filter((e) => e.event === 'cell-executed');
  expect(forged).toEqual([]);
});
