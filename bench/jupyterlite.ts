/**
 * JupyterLite figures against the real app server: build time, site size, and cold and warm loads
 * in headless Chromium (time to the notebook's first rendered cell, bytes transferred and requests
 * before the first Pyodide request, Pyodide's bytes).
 *
 *   npx tsx bench/jupyterlite.ts [--runs 3] [--site <dir>] [--verbose]
 *   (or: npm run bench -- jupyterlite)
 *
 * Without --site it builds the production site into frontend/public/jupyterlite (forced, timed) and
 * precompresses it as `npm start` does; then it starts `node backend/dist/server.js` (built first
 * if missing or older than its sources) with JUPYTERLITE_DIR pointing at the site and a temporary DATA_DIR. Chromium resolves
 * no host but 127.0.0.1 (Pyodide's package CDN fails at once, as offline), without request
 * interception, which would disable the HTTP cache and so the warm figures.
 */
import { existsSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';

import { chromium, type Browser, type BrowserContext, type Request } from 'playwright-core';
import { chromiumArgs, chromiumExecutable, loopbackOnlyArg } from '../scripts/lib/chromium';

import { build, resolveOptions } from '../jupyterlite/scripts/build';
import { precompressSite } from '../scripts/lib/precompress';
import { startBuiltServer } from './lib/app-server';

const REPO = path.resolve(import.meta.dirname, '..');
const NOTEBOOK = process.env['BENCH_NOTEBOOK'] ?? 'module_01_intro_to_numpy.ipynb';
const FIRST_CELL = '.jp-Notebook .jp-Cell .jp-InputArea';
const MB = 1024 * 1024;

const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    site: { type: 'string' },
    verbose: { type: 'boolean', default: false },
  },
});

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((e) =>
      e.isDirectory() ? listFiles(path.join(dir, e.name)) : [path.join(dir, e.name)],
    ),
  );
  return nested.flat();
}

interface SiteSize {
  total: number;
  pyodide: number;
  brotli: number;
}

async function siteSize(root: string): Promise<SiteSize> {
  const size: SiteSize = { total: 0, pyodide: 0, brotli: 0 };
  for (const file of await listFiles(root)) {
    const bytes = (await stat(file)).size;
    if (file.endsWith('.gz')) continue;
    if (file.endsWith('.br')) {
      size.brotli += bytes;
      continue;
    }
    size.total += bytes;
    if (!existsSync(`${file}.br`)) size.brotli += bytes;
    if (path.relative(root, file).startsWith('static/pyodide/')) size.pyodide += bytes;
  }
  return size;
}

interface RequestRecord {
  url: string;
  /** ms since navigation start (epoch ms of the Node clock, same machine as the page). */
  start: number;
  /** Bytes over the wire (compressed body + headers); 0 when served from the HTTP cache. */
  bytes: number;
  fromCache: boolean;
}

interface LoadResult {
  firstCell: number;
  before: RequestRecord[];
  pyodide: RequestRecord[];
  pyodideStart: number;
  all: RequestRecord[];
}

async function load(context: BrowserContext, origin: string): Promise<LoadResult> {
  const page = await context.newPage();
  const records: RequestRecord[] = [];
  const pending: Promise<void>[] = [];
  const starts = new Map<Request, number>();
  let lastActivity = 0;
  const onRequest = (request: Request): void => {
    starts.set(request, Date.now());
    lastActivity = Date.now();
  };
  const onFinished = (request: Request): void => {
    const start = starts.get(request) ?? Date.now();
    lastActivity = Date.now();
    pending.push(
      Promise.all([request.sizes(), request.response()]).then(([sizes, response]) => {
        // A cache hit reports (almost) no bytes; a 304 revalidation still carries its headers.
        const fromCache =
          sizes.responseBodySize + sizes.responseHeadersSize < 200 ||
          (response?.fromServiceWorker() ?? false);
        records.push({
          url: request.url(),
          start,
          bytes: fromCache ? 0 : sizes.responseBodySize + sizes.responseHeadersSize,
          fromCache,
        });
      }),
    );
  };
  const onFailed = (): void => {
    lastActivity = Date.now();
  };
  context.on('request', onRequest);
  context.on('requestfinished', onFinished);
  context.on('requestfailed', onFailed);
  const t0 = Date.now();
  await page.goto(`${origin}/jupyterlite/lab/index.html?path=files/${NOTEBOOK}`);
  await page.waitForSelector(FIRST_CELL, { timeout: 60_000 });
  const firstCellAt = Date.now();
  // Let Pyodide's download finish (it then fails on the unreachable package CDN, as offline):
  // until the kernel banner shows, or the network has been quiet for 1.5 s after Pyodide.
  const banner = page
    .waitForSelector('.tutor-KernelBanner:not(.lm-mod-hidden)', { timeout: 45_000 })
    .catch(() => undefined);
  const quiet = (async () => {
    for (let i = 0; i < 150; i += 1) {
      await page.waitForTimeout(300);
      const pyodideSeen = [...starts.keys()].some((r) => r.url().includes('/static/pyodide/'));
      if (pyodideSeen && Date.now() - lastActivity > 1500) return;
    }
  })();
  await Promise.race([banner, quiet]);
  await page.waitForTimeout(300);
  await Promise.all(pending);
  context.off('request', onRequest);
  context.off('requestfinished', onFinished);
  context.off('requestfailed', onFailed);
  await page.close();

  const local = records.filter((r) => r.url.startsWith(origin));
  for (const r of local) r.start -= t0;
  const isPyodide = (r: RequestRecord): boolean => r.url.includes('/static/pyodide/');
  const pyodide = local.filter(isPyodide);
  const pyodideStart = Math.min(...pyodide.map((r) => r.start));
  const before = local.filter((r) => !isPyodide(r) && r.start < pyodideStart);
  local.sort((a, b) => a.start - b.start);
  return { firstCell: Math.round(firstCellAt - t0), before, pyodide, pyodideStart, all: local };
}

const sum = (rs: RequestRecord[]): number => rs.reduce((n, r) => n + r.bytes, 0);
const network = (rs: RequestRecord[]): RequestRecord[] => rs.filter((r) => !r.fromCache);
const median = (xs: number[]): number => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

function summarise(label: string, results: LoadResult[]): string[] {
  const m = (f: (r: LoadResult) => number): number => median(results.map(f));
  const firstCells = results.map((r) => r.firstCell).join(', ');
  const pyodideAfter = results.every(
    (r) => !Number.isFinite(r.pyodideStart) || r.pyodideStart >= r.firstCell,
  );
  return [
    `${label} (median of ${results.length}):`,
    `  first rendered cell            ${m((r) => r.firstCell).toFixed(0)} ms   (runs: ${firstCells})`,
    `  requests before Pyodide        ${m((r) => r.before.length)} (${m((r) => network(r.before).length)} over the network)`,
    `  bytes before Pyodide           ${(m((r) => sum(r.before)) / MB).toFixed(2)} MB transferred`,
    `  Pyodide core                   ${m((r) => network(r.pyodide).length)} requests over the network, ${(m((r) => sum(r.pyodide)) / MB).toFixed(2)} MB transferred, first at ${m((r) => r.pyodideStart).toFixed(0)} ms`,
    `  Pyodide requested after first cell: ${pyodideAfter ? 'yes, every run' : 'NO'}`,
    `  all local requests             ${m((r) => r.all.length)}, ${(m((r) => sum(r.all)) / MB).toFixed(2)} MB transferred`,
  ];
}

function printRequests(label: string, result: LoadResult, origin: string): void {
  console.log(`  ${label}: requests before Pyodide`);
  for (const r of result.before) {
    const size = r.fromCache ? 'cache' : `${(r.bytes / 1024).toFixed(1)} KB`;
    console.log(
      `    ${String(r.start).padStart(5)} ms  ${size.padStart(9)}  ${r.url.replace(origin, '')}`,
    );
  }
}

async function main(): Promise<void> {
  const runs = Math.max(1, Number(args.runs));
  let siteDir: string;
  let buildSeconds: number | null = null;
  if (args.site) {
    siteDir = path.resolve(args.site);
  } else {
    const options = await resolveOptions({});
    const result = await build(options, true);
    buildSeconds = result.seconds;
    siteDir = options.outDir;
    precompressSite(siteDir);
  }
  const size = await siteSize(siteDir);
  const server = await startBuiltServer(siteDir);
  let browser: Browser | undefined;
  try {
    browser = await chromium.launch({
      executablePath: chromiumExecutable,
      args: [...chromiumArgs, loopbackOnlyArg],
    });
    const cold: LoadResult[] = [];
    const warm: LoadResult[] = [];
    for (let run = 0; run < runs; run += 1) {
      // A new context has an empty cache: cold. A second page in it: warm (hashed files cached).
      const context = await browser.newContext({ viewport: { width: 800, height: 900 } });
      try {
        cold.push(await load(context, server.origin));
        warm.push(await load(context, server.origin));
      } finally {
        await context.close();
      }
    }
    const lines = [
      `jupyterlite (${NOTEBOOK}, served by backend/dist/server.js from ${path.relative(REPO, siteDir) || siteDir}):`,
      `  build time                     ${buildSeconds === null ? 'not built (--site)' : `${buildSeconds.toFixed(1)} s`}`,
      `  site size                      ${(size.total / MB).toFixed(1)} MB (Pyodide core ${(size.pyodide / MB).toFixed(1)} MB), ${(size.brotli / MB).toFixed(1)} MB as served with brotli`,
      ...summarise('cold load', cold),
      ...summarise('warm load (same browser context)', warm),
    ];
    console.log(lines.join('\n'));
    if (args.verbose) {
      printRequests('cold, run 1', cold[0]!, server.origin);
      printRequests('warm, run 1', warm[0]!, server.origin);
    }
  } finally {
    await browser?.close();
    await server.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
