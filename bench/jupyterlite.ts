/**
 * JupyterLite figures: build time, site size, and a cold load in headless Chromium (time to the
 * notebook's first rendered cell, bytes and requests before Pyodide, Pyodide's bytes).
 *
 *   npx tsx bench/jupyterlite.ts            (or: npm run bench -- jupyterlite)
 *
 * Builds a fresh production site in a temporary folder, serves it gzip-compressed on 127.0.0.1
 * with the headers the real server uses, and blocks every request that leaves this machine.
 */
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { readFile } from 'node:fs/promises';

import { chromium } from 'playwright-core';

import { build, resolveOptions } from '../jupyterlite/scripts/build';
import { startStaticServer } from '../jupyterlite/scripts/lib/static-server';

const NOTEBOOK = process.env['BENCH_NOTEBOOK'] ?? 'module_01_intro_to_numpy.ipynb';
const MB = 1024 * 1024;

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((e) => (e.isDirectory() ? listFiles(path.join(dir, e.name)) : [path.join(dir, e.name)])),
  );
  return nested.flat();
}

async function siteSize(root: string): Promise<{ total: number; pyodide: number; bundleGzip: number }> {
  let total = 0;
  let pyodide = 0;
  let bundleGzip = 0;
  for (const file of await listFiles(root)) {
    const { size } = await stat(file);
    total += size;
    const relative = path.relative(root, file);
    if (relative.startsWith('static/pyodide/')) pyodide += size;
    if (/^build\/bundle\.[0-9a-f]+\.js$/.test(relative)) bundleGzip = gzipSync(await readFile(file)).length;
  }
  return { total, pyodide, bundleGzip };
}

interface RequestRecord {
  url: string;
  start: number;
  bytes: number;
}

async function coldLoad(root: string): Promise<void> {
  const server = await startStaticServer({ root, gzip: true });
  const browser = await chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  try {
    const context = await browser.newContext({ viewport: { width: 800, height: 900 } });
    const origin = new URL(server.url).origin;
    await context.route(
      (url) => url.origin !== origin && url.protocol.startsWith('http'),
      (route) => route.abort('internetdisconnected'),
    );
    const page = await context.newPage();
    const records: RequestRecord[] = [];
    const t0 = Date.now();
    const pending: Promise<void>[] = [];
    context.on('requestfinished', (request) => {
      const start = Date.now() - t0;
      pending.push(
        request.sizes().then((sizes) => {
          records.push({ url: request.url(), start, bytes: sizes.responseBodySize + sizes.responseHeadersSize });
        }),
      );
    });
    const startTimes = new Map<string, number>();
    context.on('request', (request) => {
      if (!startTimes.has(request.url())) startTimes.set(request.url(), Date.now() - t0);
    });
    await page.goto(`${server.url}/jupyterlite/lab/index.html?path=files/${NOTEBOOK}`);
    await page.waitForSelector('.jp-Notebook .jp-Cell .jp-InputArea', { timeout: 60_000 });
    const firstCell = Date.now() - t0;
    // Let Pyodide's download finish (it then fails on the unreachable package CDN, as offline).
    await page
      .waitForSelector('.tutor-KernelBanner:not(.lm-mod-hidden)', { timeout: 60_000 })
      .catch(() => undefined);
    await page.waitForTimeout(500);
    await Promise.all(pending);

    const local = records.filter((r) => r.url.startsWith(origin));
    for (const r of local) r.start = startTimes.get(r.url) ?? r.start;
    const isPyodide = (r: RequestRecord): boolean => r.url.includes('/static/pyodide/');
    const pyodideStart = Math.min(...local.filter(isPyodide).map((r) => r.start));
    const before = local.filter((r) => !isPyodide(r) && r.start < (Number.isFinite(pyodideStart) ? pyodideStart : Infinity));
    const pyodide = local.filter(isPyodide);
    const sum = (rs: RequestRecord[]): number => rs.reduce((n, r) => n + r.bytes, 0);

    if (process.env["BENCH_VERBOSE"]) for (const r of before) console.log(`    ${r.start} ms ${(r.bytes / 1024).toFixed(0)} KB ${r.url.replace(origin, "")}`);
    console.log(`cold load (gzip, localhost, ${NOTEBOOK}):`);
    console.log(`  first rendered cell:       ${firstCell} ms`);
    console.log(`  before Pyodide:            ${before.length} requests, ${(sum(before) / MB).toFixed(2)} MB transferred`);
    console.log(`  Pyodide core:              ${pyodide.length} requests, ${(sum(pyodide) / MB).toFixed(2)} MB transferred, first request at ${Number.isFinite(pyodideStart) ? `${pyodideStart} ms` : 'never'}`);
    console.log(`  Pyodide fetched ${pyodideStart >= firstCell ? 'after' : 'before'} the first cell rendered`);
    console.log(`  all local requests:        ${local.length}, ${(sum(local) / MB).toFixed(2)} MB`);
  } finally {
    await browser.close();
    await server.close();
  }
}

async function main(): Promise<void> {
  const out = await mkdtemp(path.join(tmpdir(), 'bench-jupyterlite-'));
  try {
    const options = await resolveOptions({ out: path.join(out, 'site') });
    const result = await build(options, true);
    const size = await siteSize(options.outDir);
    console.log('jupyterlite:');
    console.log(`  build time:                ${result.seconds.toFixed(1)} s`);
    console.log(`  site size:                 ${(size.total / MB).toFixed(1)} MB (Pyodide core ${(size.pyodide / MB).toFixed(1)} MB)`);
    console.log(`  main bundle gzipped:       ${(size.bundleGzip / MB).toFixed(2)} MB`);
    await coldLoad(options.outDir);
  } finally {
    await rm(out, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
