/**
 * A saved notebook must not run script on the app's origin when it is opened again.
 *
 * JupyterLab renders a code cell's outputs as trusted when the cell's `metadata.trusted` is true,
 * and trusted HTML may run its <script> tags. A student's own HTML output is marked trusted when it
 * is produced, so it would run on every later open; a notebook saved through the API could carry
 * any script. These specs save such a notebook, reopen the workspace in Chromium and check that
 * none of its scripts ran: the server strips the trust markers, the lab strips them again when it
 * loads a notebook, and the lab's Content-Security-Policy allows no script from the package CDN.
 */
import { expect, test, type Page, type Route } from '@playwright/test';
import {
  type ModuleItem,
  moduleNumbered,
  openWorkspace,
  signUpStudent,
  type Student,
  studentInWorkspace,
} from './helpers';

/** A script on the origin the lab's CSP used to allow in full (the Pyodide package CDN). */
const CDN_SCRIPT = 'https://cdn.jsdelivr.net/npm/notebook-probe@1.0.0/steal.js';
/** A script on the app's own origin (any CSP allows it: only the trust markers stop it). */
const SAME_ORIGIN_SCRIPT_PATH = '/__notebook-probe/steal.js';

/** What a probe script does when it runs: mark the top window and take a token. */
const PROBE_SCRIPT = `
  window.top.__notebookProbe = (window.top.__notebookProbe || []).concat(document.currentScript && document.currentScript.src);
  fetch('/api/auth/refresh', { method: 'POST', credentials: 'include' });
`;

function trustedNotebook(scriptSources: string[]) {
  const html = [
    '<b class="probe-visible">Output that stays visible</b>',
    ...scriptSources.map((src) => `<script src="${src}"></script>`),
    '<script>window.top.__notebookInline = true;</script>',
    '<img src="data:," onerror="window.top.__notebookHandler = true">',
  ].join('\n');
  return {
    nbformat: 4,
    nbformat_minor: 5,
    metadata: {
      kernelspec: { name: 'python', display_name: 'Python (Pyodide)' },
      // The classic notebook's trust signature: must not survive either.
      signature: 'sha256:0000000000000000000000000000000000000000000000000000000000000000',
    },
    cells: [
      {
        cell_type: 'markdown',
        id: 'intro',
        metadata: { trusted: true },
        source: '# A notebook with a trusted HTML output',
      },
      {
        cell_type: 'code',
        id: 'show-html',
        metadata: { trusted: true },
        execution_count: 1,
        source: 'from IPython.display import HTML\nHTML(page)',
        outputs: [
          {
            output_type: 'display_data',
            metadata: {},
            data: { 'text/html': html, 'text/plain': '<IPython.core.display.HTML object>' },
          },
        ],
      },
    ],
  };
}

/** Serves the probe scripts (counting requests), wherever the page asks for them. */
async function serveProbeScripts(page: Page, baseURL: string): Promise<string[]> {
  const requested: string[] = [];
  const fulfil = async (route: Route) => {
    requested.push(route.request().url());
    await route.fulfill({
      status: 200,
      headers: { 'content-type': 'text/javascript', 'access-control-allow-origin': '*' },
      body: PROBE_SCRIPT,
    });
  };
  await page.route(CDN_SCRIPT, fulfil);
  await page.route(new URL(SAME_ORIGIN_SCRIPT_PATH, baseURL).toString(), fulfil);
  return requested;
}

async function expectNothingRan(page: Page, requested: string[]): Promise<void> {
  const frame = page.frameLocator('iframe[title^="Notebook"]');
  // The output itself is shown (sanitised HTML), so the scripts had their chance to run.
  await expect(frame.locator('.jp-OutputArea-output .probe-visible')).toHaveText(
    'Output that stays visible',
  );
  // Give a script that would load from the network time to arrive and run.
  await page.waitForTimeout(1500);
  expect(requested).toEqual([]);
  const marks = await page.evaluate(() => {
    const top = window as unknown as Record<string, unknown>;
    return {
      probe: top['__notebookProbe'] ?? null,
      inline: top['__notebookInline'] ?? null,
      handler: top['__notebookHandler'] ?? null,
    };
  });
  expect(marks).toEqual({ probe: null, inline: null, handler: null });
}

async function studentWithModule(page: Page, baseURL: string): Promise<[Student, ModuleItem]> {
  const student = await signUpStudent(page, baseURL);
  return [student, moduleNumbered(student, 1)];
}

test('a notebook saved with a trusted HTML output runs none of its scripts when reopened', async ({
  page,
  baseURL,
}) => {
  const [student, module] = await studentWithModule(page, baseURL!);
  const requested = await serveProbeScripts(page, baseURL!);
  const notebook = trustedNotebook([CDN_SCRIPT, SAME_ORIGIN_SCRIPT_PATH]);

  const saved = await student.api.put(`/api/progress/${module.id}`, {
    data: { notebook_state: notebook },
  });
  expect(saved.status(), await saved.text()).toBe(200);
  // What the server hands back carries no trust marker.
  const stored = (await (await student.api.get(`/api/progress/${module.id}`)).json()) as {
    notebook_state: { metadata: Record<string, unknown>; cells: { metadata: object }[] };
  };
  expect.soft(stored.notebook_state.metadata).not.toHaveProperty('signature');
  for (const cell of stored.notebook_state.cells) {
    expect.soft(cell.metadata).not.toHaveProperty('trusted');
  }

  await openWorkspace(page, module);
  await expectNothingRan(page, requested);
});

test('the lab loads a notebook untrusted even when the server hands it trust markers', async ({
  page,
  baseURL,
}) => {
  const [, module] = await studentWithModule(page, baseURL!);
  const requested = await serveProbeScripts(page, baseURL!);
  // A same-origin script: the lab's CSP allows it, so only the lab's own stripping stops it.
  const notebook = trustedNotebook([SAME_ORIGIN_SCRIPT_PATH]);
  await page.route(new URL(`/api/progress/${module.id}`, baseURL).toString(), async (route) => {
    if (route.request().method() !== 'GET') return route.fallback();
    const response = await route.fetch();
    const body = (await response.json()) as Record<string, unknown>;
    await route.fulfill({
      response,
      json: { ...body, version: 1, status: 'in_progress', notebook_state: notebook },
    });
  });

  await openWorkspace(page, module);
  await expectNothingRan(page, requested);
});

test('a cell the student runs is saved without the trust mark JupyterLab gives it', async ({
  page,
  baseURL,
}) => {
  const saves: string[] = [];
  page.on('request', (request) => {
    if (request.method() === 'PUT' && request.url().includes('/api/progress/')) {
      saves.push(request.postData() ?? '');
    }
  });
  const { frame, index } = await studentInWorkspace(page, baseURL!, 1);
  const cell = frame.locator('.jp-Notebook .jp-Cell').nth(index);
  await cell.locator('.jp-InputArea-editor').click();
  await page.keyboard.press('Shift+Enter');
  await expect(cell.locator('.jp-InputPrompt')).toContainText('[1]');
  // The run is saved at once (the header may say "Saved" again before a check could see it
  // change): wait for the save that holds the run's prompt number.
  const executionCount = (body: string) =>
    (
      JSON.parse(body) as {
        notebook_state?: { cells: { execution_count?: number | null }[] };
      }
    ).notebook_state?.cells[index]?.execution_count;
  await expect.poll(() => saves.some((body) => executionCount(body) === 1)).toBe(true);
  expect(saves.map((body) => body.includes('"trusted"'))).not.toContain(true);
});

test("the lab's page runs no script from the package CDN, nor inline script, whatever puts it there", async ({
  page,
  baseURL,
}) => {
  const [, module] = await studentWithModule(page, baseURL!);
  const requested = await serveProbeScripts(page, baseURL!);
  await openWorkspace(page, module);
  const lab = page.frames().find((frame) => frame.url().includes('/jupyterlite/lab/'))!;
  // What trusted HTML output does with its <script> tags (JupyterLab re-creates them).
  const violations = await lab.evaluate(async (src) => {
    const seen: string[] = [];
    document.addEventListener('securitypolicyviolation', (event) =>
      seen.push(`${event.effectiveDirective} ${event.blockedURI}`),
    );
    const external = document.createElement('script');
    external.src = src;
    document.body.appendChild(external);
    const inline = document.createElement('script');
    inline.textContent = 'window.top.__notebookInline = true;';
    document.body.appendChild(inline);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    return seen;
  }, CDN_SCRIPT);
  expect(violations).toEqual([`script-src-elem ${CDN_SCRIPT}`, 'script-src-elem inline']);
  expect(requested).toEqual([]);
  expect(
    await page.evaluate(
      () => (window as unknown as Record<string, unknown>)['__notebookInline'] ?? null,
    ),
  ).toBeNull();
});
