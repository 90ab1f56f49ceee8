/**
 * JupyterLite figures against the real app server: build time, site size, and page loads in
 * headless Chromium of our lab and of a stock JupyterLite lab built from the same npm packages with
 * their default plugins (bench/stock-lab, bench/lib/stock-lab.ts), opening the same notebook with
 * the same Pyodide: time to the notebook's first rendered cell, bytes transferred and requests
 * before the first Pyodide request, Pyodide's bytes, and ours over stock against the issue's goal
 * (at most 0.5x the stock lab's time to first cell and bytes).
 *
 *   npx tsx bench/jupyterlite.ts [--runs 3] [--site <dir>] [--no-stock] [--verbose]
 *   (or: npm run bench -- jupyterlite)
 *
 * Each run measures ours then stock (alternating, so drift on a noisy machine hits both): cold (a
 * new browser context), warm (a second page in that context; Playwright's contexts keep no V8
 * code cache) and warm from a persistent profile (two priming loads, browser restarted, measured;
 * bench/lib/persistent-profile.ts). Service workers are refused in every variant: the stock lab
 * registers JupyterLite's (a pass-through that ours does not have), and with it the page of a
 * relaunched persistent profile was closed before its first cell.
 *
 * Without --site it builds the production site into frontend/public/jupyterlite (forced, timed) and
 * precompresses it as `npm start` does. Each lab is served by its own `node backend/dist/server.js`
 * (built first if missing or older than its sources) with JUPYTERLITE_DIR pointing at its site and
 * a temporary DATA_DIR. Chromium resolves no host but 127.0.0.1 (Pyodide's package CDN fails at
 * once, as offline), without request interception, which would disable the HTTP cache and so the
 * warm figures.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';

import { chromium, type Browser } from 'playwright-core';
import { chromiumArgs, chromiumExecutable, loopbackOnlyArg } from '../scripts/lib/chromium';

import { build, resolveOptions } from '../jupyterlite/scripts/build';
import { precompressSite } from '../scripts/lib/precompress';
import { type AppServer, startBuiltServer } from './lib/app-server';
import { compare, summarise } from './lib/load-summary';
import { type LoadResult, loadPage } from './lib/page-load';
import { persistentProfileLoad } from './lib/persistent-profile';
import { siteSize } from './lib/site-size';
import { buildStockSite } from './lib/stock-lab';

const REPO = path.resolve(import.meta.dirname, '..');
const NOTEBOOK = process.env['BENCH_NOTEBOOK'] ?? 'module_01_intro_to_numpy.ipynb';
const MB = 1024 * 1024;

const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    site: { type: 'string' },
    'no-stock': { type: 'boolean', default: false },
    verbose: { type: 'boolean', default: false },
  },
});

const VARIANTS = [
  ['cold', 'cold load'],
  ['warm', 'warm load (same browser context)'],
  ['persistent', 'warm load (persistent profile, browser restarted)'],
] as const;

type Variant = (typeof VARIANTS)[number][0];

interface Lab {
  name: 'ours' | 'stock';
  site: string;
  buildSeconds: number | null;
  server: AppServer;
  loads: Record<Variant, LoadResult[]>;
}

/** One run of a lab: cold and warm in a new context, then warm from a persistent profile. */
async function measure(browser: Browser, lab: Lab): Promise<void> {
  const { origin } = lab.server;
  const url = `${origin}/jupyterlite/lab/index.html?path=files/${NOTEBOOK}`;
  // A new context has an empty cache: cold. A second page in it: warm (hashed files cached).
  const context = await browser.newContext({
    viewport: { width: 800, height: 900 },
    serviceWorkers: 'block',
  });
  try {
    lab.loads.cold.push(await loadPage(context, url, origin));
    lab.loads.warm.push(await loadPage(context, url, origin));
  } finally {
    await context.close();
  }
  lab.loads.persistent.push(await persistentProfileLoad(url, origin));
}

async function siteLines(lab: Lab): Promise<string[]> {
  const size = await siteSize(lab.site);
  return [
    `${lab.name} (served by backend/dist/server.js from ${path.relative(REPO, lab.site) || lab.site}):`,
    `  build time                     ${lab.buildSeconds === null ? 'not built (--site)' : `${lab.buildSeconds.toFixed(1)} s`}`,
    `  site size                      ${(size.total / MB).toFixed(1)} MB (Pyodide core ${(size.pyodide / MB).toFixed(1)} MB), ${(size.brotli / MB).toFixed(1)} MB as served with brotli`,
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

async function report(labs: Lab[], runs: number): Promise<void> {
  const lines = [`jupyterlite (${NOTEBOOK}, ${runs} runs, ours and stock alternately):`];
  for (const lab of labs) lines.push(...(await siteLines(lab)));
  const [ours, stock] = labs;
  for (const [variant, label] of VARIANTS) {
    for (const lab of labs) lines.push(...summarise(`${lab.name}, ${label}`, lab.loads[variant]));
    if (ours && stock) lines.push(...compare(label, ours.loads[variant], stock.loads[variant]));
  }
  console.log(lines.join('\n'));
  if (!args.verbose) return;
  for (const lab of labs) {
    for (const [variant] of VARIANTS) {
      printRequests(`${lab.name}, ${variant}, run 1`, lab.loads[variant][0]!, lab.server.origin);
    }
  }
}

async function buildOurs(): Promise<{ site: string; buildSeconds: number | null }> {
  if (args.site) return { site: path.resolve(args.site), buildSeconds: null };
  const options = await resolveOptions({});
  const result = await build(options, true);
  precompressSite(options.outDir);
  return { site: options.outDir, buildSeconds: result.seconds };
}

const emptyLoads = (): Record<Variant, LoadResult[]> => ({ cold: [], warm: [], persistent: [] });

async function main(): Promise<void> {
  const runs = Math.max(1, Number(args.runs));
  const labs: Lab[] = [];
  let browser: Browser | undefined;
  try {
    const ours = await buildOurs();
    labs.push({
      name: 'ours',
      ...ours,
      server: await startBuiltServer(ours.site),
      loads: emptyLoads(),
    });
    if (!args['no-stock']) {
      const stock = await buildStockSite(ours.site);
      labs.push({
        name: 'stock',
        site: stock.dir,
        buildSeconds: stock.seconds,
        server: await startBuiltServer(stock.dir),
        loads: emptyLoads(),
      });
    }
    browser = await chromium.launch({
      executablePath: chromiumExecutable,
      args: [...chromiumArgs, loopbackOnlyArg],
    });
    for (let run = 0; run < runs; run += 1) {
      for (const lab of labs) await measure(browser, lab);
    }
    await report(labs, runs);
  } finally {
    await browser?.close();
    for (const lab of labs) await lab.server.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
