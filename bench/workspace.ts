/**
 * Workspace load figures in headless Chromium against the built app: for a cold load (empty
 * cache), a warm one (same browser context, second visit) and a repeat one (third visit, when
 * Chromium also has the scripts' compiled code cached), the time until the notebook's first cell
 * is on screen, the time until the tutor socket is open, and the bytes transferred — in total,
 * for JupyterLite, and for the app shell (everything else: HTML, JS, CSS, fonts; not the API).
 *
 *   npx tsx bench/workspace.ts [--runs 3] [--verbose] [--site <dir>] [--mirror <dir>]
 *   (or: npm run bench -- workspace)
 *
 * `--site` serves another JupyterLite build than frontend/public/jupyterlite (to compare builds).
 * `--mirror` (or PYODIDE_MIRROR_DIR) is a Python package folder the app serves under /pyodide/
 * (`npm run pyodide:mirror`; ../shared/pyodide/test-mirror, test-only, also does): then a second
 * server with it serves the workspace again and the bench also prints, cold (new context) and warm
 * (second visit: the wheels in the HTTP cache), when the kernel first runs a cell and how long the
 * first `import numpy` takes. The load figures above come from a server without it, so a starting
 * kernel does not compete with them.
 *
 * Goals (issue 7): notebook visible within 2.5 s cold and 1 s warm (the second visit); app shell
 * under 400 KB compressed.
 *
 * Times count from the workspace page's navigation start. The first cell's time is taken inside
 * the notebook frame (an IntersectionObserver on the first cell: the rendering update in which it
 * is first on screen), because Playwright's `waitFor` polls at growing intervals, the last ones
 * 500 ms apart, so the moment it notices is up to half a second late (and its visibility test
 * also passes for the notebook's empty placeholder cell, which has a box but is clipped away
 * until the notebook is revealed); that moment is printed too. Each page is opened and left idle
 * for a second before it navigates: Chromium spends about a second of CPU building a new window's
 * own UI (its omnibox popup), which on two cores would otherwise compete with the load it is
 * measuring.
 *
 * It needs the builds (`npm run build`): frontend/dist, backend/dist/server.js and the
 * production JupyterLite in frontend/public/jupyterlite; both sites are precompressed as
 * `npm start` does. Chromium resolves no host but 127.0.0.1, so Pyodide's package CDN fails at
 * once as on this offline machine: the figures stop at the notebook and the socket, which do not
 * wait for Python. Requests are observed, not intercepted (interception disables the HTTP cache).
 * Fetches made by web workers (the kernel's) are not counted.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type BrowserContext, type Request } from 'playwright-core';
import { chromiumArgs, chromiumExecutable, loopbackOnlyArg } from '../scripts/lib/chromium';
import { precompressSite } from '../scripts/lib/precompress';
import { type AppServer, startBuiltServer } from './lib/app-server';

const REPO = path.resolve(import.meta.dirname, '..');
const KB = 1024;
const GOALS = { coldMs: 2500, warmMs: 1000, shellBytes: 400 * KB };
/** How long a new page is left alone before it navigates (see above). */
const NEW_PAGE_SETTLE_MS = 1000;

/**
 * Runs in every frame before its scripts; in the notebook frame it records when the first cell is
 * first on screen, as `performance.timeOrigin` plus the observer's time (epoch milliseconds).
 */
function recordFirstCellOnScreen(): void {
  if (!location.pathname.includes('/jupyterlite/lab/')) return;
  const probe = window as unknown as { benchFirstCellAt?: number };
  let observed: Element | null = null;
  let intersection: IntersectionObserver | null = null;
  const mutations = new MutationObserver(() => {
    if (observed?.isConnected) return;
    // The first cell, or a new one if the one observed was taken out of the page.
    intersection?.disconnect();
    observed = document.querySelector('.jp-Notebook .jp-Cell');
    if (!observed) return;
    intersection = new IntersectionObserver((entries) => {
      for (const entry of entries) {
        const box = entry.boundingClientRect;
        if (entry.isIntersecting && box.width > 0 && box.height > 0) {
          probe.benchFirstCellAt = performance.timeOrigin + entry.time;
          intersection?.disconnect();
          mutations.disconnect();
          return;
        }
      }
    });
    intersection.observe(observed);
  });
  mutations.observe(document, { childList: true, subtree: true });
}

const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    verbose: { type: 'boolean', default: false },
    site: { type: 'string', default: path.join(REPO, 'frontend/public/jupyterlite') },
    mirror: { type: 'string', default: process.env['PYODIDE_MIRROR_DIR'] ?? '' },
  },
});
const SITE = path.resolve(args.site);
const MIRROR = args.mirror ? path.resolve(args.mirror) : null;
// The load figures are taken without a mirror (the server inherits this environment).
delete process.env['PYODIDE_MIRROR_DIR'];

async function startServer(): Promise<AppServer> {
  for (const file of [
    path.join(REPO, 'frontend/dist/index.html'),
    path.join(SITE, 'lab/index.html'),
  ]) {
    if (!existsSync(file)) throw new Error(`${file} is missing: run npm run build first`);
  }
  precompressSite(path.join(REPO, 'frontend/dist'));
  precompressSite(SITE);
  return startBuiltServer(SITE);
}

interface Transfer {
  url: string;
  bytes: number;
}

interface Load {
  /** When the notebook's frame started loading (the app shell's own share of the wait). */
  frameRequestMs: number;
  /** When the notebook's first cell was first on screen. */
  notebookMs: number;
  /** When Playwright's polling `waitFor` noticed it (what this bench reported before). */
  notebookNoticedMs: number;
  socketMs: number;
  transfers: Transfer[];
}

/** Opens the workspace in a new page of `context` and measures it. */
async function loadWorkspace(context: BrowserContext, url: string): Promise<Load> {
  const page = await context.newPage();
  const pending: Promise<void>[] = [];
  const transfers: Transfer[] = [];
  const handleFinished = (request: Request) => {
    pending.push(
      request.sizes().then((sizes) => {
        // A cache hit reports no body and (almost) no headers.
        const bytes = sizes.responseBodySize + sizes.responseHeadersSize;
        transfers.push({ url: request.url(), bytes: bytes < 200 ? 0 : bytes });
      }),
    );
  };
  context.on('requestfinished', handleFinished);
  await page.waitForTimeout(NEW_PAGE_SETTLE_MS);
  const t0 = Date.now();
  const socketOpen = page
    .getByTestId('connection-status')
    .filter({ hasText: 'Connected' })
    .waitFor({ timeout: 60_000 })
    .then(() => Date.now() - t0);
  await page.goto(url);
  const notebookFrame = page.frameLocator('iframe[title^="Notebook"]');
  const notebookNoticedMs = await notebookFrame
    .locator('.jp-Notebook .jp-Cell')
    .first()
    .waitFor({ timeout: 60_000 })
    .then(() => Date.now() - t0);
  const navigationStart = await page.evaluate(() => performance.timeOrigin);
  const frame = page.frames().find((f) => f.url().includes('/jupyterlite/lab/'));
  if (!frame) throw new Error('the notebook frame is gone');
  // Playwright may see a cell that is not yet on screen (an empty placeholder cell inside the
  // notebook before it is revealed has a box but is clipped away), so wait for the probe too.
  await frame.waitForFunction(
    () => (window as unknown as { benchFirstCellAt?: number }).benchFirstCellAt !== undefined,
    undefined,
    { timeout: 60_000 },
  );
  const { frameStart, firstCellAt } = await frame.evaluate(() => ({
    frameStart: performance.timeOrigin,
    firstCellAt: (window as unknown as { benchFirstCellAt: number }).benchFirstCellAt,
  }));
  const socketMs = await socketOpen;
  // Let what the page started settle before counting bytes.
  await page.waitForTimeout(1500);
  await Promise.all(pending);
  context.off('requestfinished', handleFinished);
  await page.close();
  return {
    frameRequestMs: frameStart - navigationStart,
    notebookMs: firstCellAt - navigationStart,
    notebookNoticedMs,
    socketMs,
    transfers,
  };
}

interface PythonStart {
  /** From the workspace's navigation start to the end of the first cell's run (`print(1)`). */
  kernelReadyMs: number;
  /** The run of `import numpy as np; print(np.__version__)` right after. */
  firstImportMs: number;
  numpyVersion: string;
}

/**
 * Opens the workspace in a new page of `context`, runs `print(1)` in the first code cell as soon
 * as it is there (the run waits for the kernel), then `import numpy`: the times as a student
 * would see them in the notebook.
 */
async function startPython(context: BrowserContext, url: string): Promise<PythonStart> {
  const page = await context.newPage();
  await page.waitForTimeout(NEW_PAGE_SETTLE_MS);
  await page.goto(url);
  const frame = page.frameLocator('iframe[title^="Notebook"]');
  const cell = frame.locator('.jp-Notebook .jp-CodeCell').first();
  /** Runs `code` in the cell and waits for its output (not an earlier one: it must match). */
  const run = async (code: string, output: RegExp): Promise<string> => {
    await cell.locator('.jp-InputArea-editor').click();
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Delete');
    await page.keyboard.insertText(code);
    await page.keyboard.press('Control+Enter');
    const printed = cell.locator('.jp-OutputArea-output').filter({ hasText: output }).first();
    await printed.waitFor({ timeout: 180_000 });
    return (await printed.innerText()).trim();
  };
  await cell.waitFor({ timeout: 60_000 });
  await run('print(1)', /^\s*1\s*$/);
  const kernelReadyMs = Date.now() - (await page.evaluate(() => performance.timeOrigin));
  const started = Date.now();
  const numpyVersion = await run(
    'import numpy as np\nprint(np.__version__)',
    /^\s*\d+\.\d+\.\d+\s*$/,
  );
  const firstImportMs = Date.now() - started;
  await page.close();
  return { kernelReadyMs, firstImportMs, numpyVersion };
}

function pythonReport(label: string, starts: PythonStart[]): string[] {
  const runs = (f: (s: PythonStart) => number) => starts.map((s) => f(s).toFixed(0)).join(', ');
  const m = (f: (s: PythonStart) => number) => median(starts.map(f)).toFixed(0);
  return [
    `${label} (median of ${starts.length}):`,
    `  kernel ready (first cell run) ${m((s) => s.kernelReadyMs)} ms  (runs: ${runs((s) => s.kernelReadyMs)}; from navigation start)`,
    `  first import numpy            ${m((s) => s.firstImportMs)} ms  (runs: ${runs((s) => s.firstImportMs)}; numpy ${starts[0]?.numpyVersion})`,
  ];
}

/** Kernel start and first `import numpy` with the app serving `mirror` (see the header). */
async function benchPython(mirror: string, runs: number, register: Register): Promise<string[]> {
  process.env['PYODIDE_MIRROR_DIR'] = mirror;
  const server = await startBuiltServer(SITE);
  delete process.env['PYODIDE_MIRROR_DIR'];
  const browser = await chromium.launch({
    executablePath: chromiumExecutable,
    args: [...chromiumArgs, loopbackOnlyArg],
  });
  try {
    const cold: PythonStart[] = [];
    const warm: PythonStart[] = [];
    for (let run = 0; run < runs; run += 1) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      try {
        const url = await register(context, server.origin, `py${run}`);
        cold.push(await startPython(context, url));
        warm.push(await startPython(context, url));
      } finally {
        await context.close();
      }
    }
    return [
      `Python in the workspace, packages from the app (PYODIDE_MIRROR_DIR=${path.relative(REPO, mirror) || mirror}):`,
      ...pythonReport('cold (new browser context)', cold),
      ...pythonReport('warm (same context, second visit)', warm),
    ];
  } finally {
    await browser.close();
    await server.stop();
  }
}

type Register = (context: BrowserContext, origin: string, tag: string) => Promise<string>;

/** A new student in `context` (the refresh cookie lands there); the URL of module 1's workspace. */
const registerStudent: Register = async (context, origin, tag) => {
  const id = `${Date.now().toString(36)}${tag}`;
  const registered = await context.request.post(`${origin}/api/auth/register`, {
    data: {
      email: `bench-${id}@example.com`,
      username: `bench ${id}`,
      password: `bench password ${id}`,
    },
  });
  if (registered.status() !== 201) throw new Error(`register: HTTP ${registered.status()}`);
  const { access_token: token } = (await registered.json()) as { access_token: string };
  const modules = await context.request.get(`${origin}/api/modules`, {
    headers: { authorization: `Bearer ${token}` },
  });
  const first = ((await modules.json()) as { id: string; order: number }[]).find(
    (m) => m.order === 1,
  );
  return `${origin}/workspace/${first!.id}`;
};

function bytesOf(load: Load, origin: string) {
  const local = load.transfers.filter((t) => t.url.startsWith(origin));
  const pathOf = (t: Transfer) => new URL(t.url).pathname;
  const sum = (ts: Transfer[]) => ts.reduce((n, t) => n + t.bytes, 0);
  const jupyterlite = local.filter((t) => pathOf(t).startsWith('/jupyterlite/'));
  const api = local.filter((t) => pathOf(t).startsWith('/api/'));
  const shell = local.filter((t) => !jupyterlite.includes(t) && !api.includes(t));
  return {
    total: sum(local),
    jupyterlite: sum(jupyterlite),
    api: sum(api),
    shell: sum(shell),
    shellFiles: shell,
  };
}

const median = (xs: number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

function report(label: string, loads: Load[], origin: string, goalMs?: number): string[] {
  const m = (f: (l: Load) => number) => median(loads.map(f));
  const notebook = m((l) => l.notebookMs);
  const runs = (f: (l: Load) => number) => loads.map((l) => f(l).toFixed(0)).join(', ');
  const goal =
    goalMs === undefined ? '' : `; goal ≤ ${goalMs} ms: ${notebook <= goalMs ? 'met' : 'NOT met'}`;
  const b = (f: (x: ReturnType<typeof bytesOf>) => number) => m((l) => f(bytesOf(l, origin)));
  return [
    `${label} (median of ${loads.length}):`,
    `  notebook first cell visible   ${notebook.toFixed(0)} ms  (runs: ${runs((l) => l.notebookMs)}${goal})`,
    `    noticed by polling waitFor  ${m((l) => l.notebookNoticedMs).toFixed(0)} ms  (runs: ${runs((l) => l.notebookNoticedMs)})`,
    `  notebook frame requested      ${m((l) => l.frameRequestMs).toFixed(0)} ms  (app shell, session, module and progress before it)`,
    `  tutor socket open             ${m((l) => l.socketMs).toFixed(0)} ms  (runs: ${loads.map((l) => l.socketMs).join(', ')})`,
    `  bytes transferred             ${(b((x) => x.total) / KB).toFixed(0)} KB total: JupyterLite ${(b((x) => x.jupyterlite) / KB).toFixed(0)} KB, app shell ${(b((x) => x.shell) / KB).toFixed(1)} KB, API ${(b((x) => x.api) / KB).toFixed(1)} KB`,
  ];
}

async function main(): Promise<void> {
  const runs = Math.max(1, Number(args.runs));
  const server = await startServer();
  const browser = await chromium.launch({
    executablePath: chromiumExecutable,
    args: [...chromiumArgs, loopbackOnlyArg],
  });
  try {
    const cold: Load[] = [];
    const warm: Load[] = [];
    const repeat: Load[] = [];
    for (let run = 0; run < runs; run += 1) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      await context.addInitScript(recordFirstCellOnScreen);
      try {
        const url = await registerStudent(context, server.origin, String(run));
        cold.push(await loadWorkspace(context, url));
        warm.push(await loadWorkspace(context, url));
        repeat.push(await loadWorkspace(context, url));
      } finally {
        await context.close();
      }
    }
    const shell = median(cold.map((l) => bytesOf(l, server.origin).shell));
    console.log(
      [
        `workspace (module 1, JupyterLite from ${path.relative(REPO, SITE) || SITE}, backend/dist/server.js, headless Chromium):`,
        ...report('cold load (new browser context)', cold, server.origin, GOALS.coldMs),
        ...report('warm load (same context, second visit)', warm, server.origin, GOALS.warmMs),
        ...report('repeat load (same context, third visit: code cache)', repeat, server.origin),
        `app shell, cold, compressed: ${(shell / KB).toFixed(1)} KB (goal < ${GOALS.shellBytes / KB} KB: ${shell < GOALS.shellBytes ? 'met' : 'NOT met'})`,
      ].join('\n'),
    );
    if (args.verbose) {
      console.log('app shell files, cold run 1:');
      for (const t of bytesOf(cold[0]!, server.origin).shellFiles) {
        console.log(
          `  ${(t.bytes / KB).toFixed(1).padStart(7)} KB  ${t.url.replace(server.origin, '')}`,
        );
      }
    }
  } finally {
    await browser.close();
    await server.stop();
  }
  if (MIRROR) console.log((await benchPython(MIRROR, 1, registerStudent)).join('\n'));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
