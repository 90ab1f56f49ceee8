/**
 * One load of a JupyterLite lab page in a browser context: when the notebook's first cell is on
 * screen, and every request to the app's origin until Pyodide's download has finished, with the
 * bytes each one carried over the wire (0 when served from the HTTP cache).
 */
import type { BrowserContext, Request } from 'playwright-core';

const FIRST_CELL = '.jp-Notebook .jp-Cell .jp-InputArea';
const PYODIDE_PATH = '/static/pyodide/';

export interface RequestRecord {
  url: string;
  /** ms since navigation start. */
  start: number;
  /** Bytes over the wire (compressed body + headers); 0 when served from the HTTP cache. */
  bytes: number;
  fromCache: boolean;
}

export interface LoadResult {
  firstCell: number;
  before: RequestRecord[];
  pyodide: RequestRecord[];
  /** ms since navigation start; Infinity when Pyodide was not requested. */
  pyodideStart: number;
  all: RequestRecord[];
}

export const isPyodide = (r: RequestRecord): boolean => r.url.includes(PYODIDE_PATH);

/** Records the context's requests until `stop()`. */
function recordRequests(context: BrowserContext) {
  const records: RequestRecord[] = [];
  const pending: Promise<void>[] = [];
  const starts = new Map<Request, number>();
  let lastActivity = Date.now();
  const onRequest = (request: Request): void => {
    starts.set(request, Date.now());
    lastActivity = Date.now();
  };
  const onFinished = (request: Request): void => {
    const start = starts.get(request) ?? Date.now();
    lastActivity = Date.now();
    pending.push(
      Promise.all([request.sizes(), request.response()]).then(([sizes, response]) => {
        // A page request a service worker answered: the worker's own fetch is recorded instead.
        if (response?.fromServiceWorker()) return;
        const bytes = sizes.responseBodySize + sizes.responseHeadersSize;
        // A cache hit reports (almost) no bytes; a 304 revalidation still carries its headers.
        const fromCache = bytes < 200;
        records.push({ url: request.url(), start, bytes: fromCache ? 0 : bytes, fromCache });
      }),
    );
  };
  const onFailed = (): void => {
    lastActivity = Date.now();
  };
  context.on('request', onRequest);
  context.on('requestfinished', onFinished);
  context.on('requestfailed', onFailed);
  return {
    pyodideSeen: () => [...starts.keys()].some((r) => r.url().includes(PYODIDE_PATH)),
    quietFor: () => Date.now() - lastActivity,
    async stop(): Promise<RequestRecord[]> {
      await Promise.all(pending);
      context.off('request', onRequest);
      context.off('requestfinished', onFinished);
      context.off('requestfailed', onFailed);
      return records;
    },
  };
}

/** Loads `url` in a new page of `context` and measures it (requests outside `origin` ignored). */
export async function loadPage(
  context: BrowserContext,
  url: string,
  origin: string,
): Promise<LoadResult> {
  const page = await context.newPage();
  const recorder = recordRequests(context);
  const t0 = Date.now();
  await page.goto(url);
  await page.waitForSelector(FIRST_CELL, { timeout: 60_000 });
  const firstCell = Date.now() - t0;
  // Let Pyodide's download finish (it then fails on the unreachable package CDN, as offline):
  // until the network has been quiet for 1.5 s after the first Pyodide request, for both labs
  // (our kernel banner can show while Pyodide's last file is still coming, which would leave it
  // out of the figures).
  for (let i = 0; i < 150; i += 1) {
    await page.waitForTimeout(300);
    if (recorder.pyodideSeen() && recorder.quietFor() > 1500) break;
  }
  await page.waitForTimeout(300);
  const records = await recorder.stop();
  await page.close();

  const local = records.filter((r) => r.url.startsWith(origin));
  for (const r of local) r.start -= t0;
  local.sort((a, b) => a.start - b.start);
  const pyodide = local.filter(isPyodide);
  const pyodideStart = Math.min(...pyodide.map((r) => r.start));
  const before = local.filter((r) => !isPyodide(r) && r.start < pyodideStart);
  return { firstCell, before, pyodide, pyodideStart, all: local };
}
