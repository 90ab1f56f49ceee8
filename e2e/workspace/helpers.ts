/**
 * Helpers for the workspace specs: a signed-in student, the API seen with their token, the
 * workspace opened on the JupyterLite test build, and the notebook inside its frame.
 *
 * What runs here and what stands in: real Python needs Pyodide's packages from a CDN this machine
 * cannot reach, so the workspace is opened with `?testKernel=1`, which the JupyterLite test build
 * (jupyterlite/dist-test, served by the e2e webServer) answers with a JavaScript stand-in kernel
 * that produces real execution messages. Everything else (app, server, database, bridge,
 * JupyterLite itself) is the real thing.
 */
import { existsSync, readFileSync } from 'node:fs';
import {
  expect,
  request as playwrightRequest,
  type APIRequestContext,
  type FrameLocator,
  type Page,
} from '@playwright/test';
import { registerAndSignIn, type TestAccount } from '../fixtures/auth';
import { blockOutsideRequests, readNotebook, sourceOf, titleOf } from '../jupyterlite/helpers';

export { readNotebook, sourceOf, titleOf };

export interface ModuleItem {
  id: string;
  title: string;
  notebook_filename: string;
  status: string;
  order: number;
}

export interface Student {
  account: TestAccount;
  /** The API as this student (a separate session: the page's own session is not touched). */
  api: APIRequestContext;
  modules: ModuleItem[];
}

/** Registers a student, signs the page in, and opens an API session of theirs. */
export async function signUpStudent(
  page: Page,
  baseURL: string,
  path = '/modules',
): Promise<Student> {
  await blockOutsideRequests(page.context(), baseURL);
  const account = await registerAndSignIn(page, { path });
  const anonymous = await playwrightRequest.newContext({ baseURL });
  const login = await anonymous.post('/api/auth/login', {
    data: { email: account.email, password: account.password },
  });
  expect(login.status(), await login.text()).toBe(200);
  const { access_token: token } = (await login.json()) as { access_token: string };
  await anonymous.dispose();
  const api = await playwrightRequest.newContext({
    baseURL,
    extraHTTPHeaders: { authorization: `Bearer ${token}` },
  });
  const list = await api.get('/api/modules');
  expect(list.status()).toBe(200);
  return { account, api, modules: (await list.json()) as ModuleItem[] };
}

export function moduleNumbered(student: Student, order: number): ModuleItem {
  const found = student.modules.find((module) => module.order === order);
  if (!found) throw new Error(`No module ${order}`);
  return found;
}

export interface StoredProgress {
  status: string;
  version: number;
  notebook_state: { cells: { cell_type: string; source: string | string[] }[] } | null;
}

export async function storedProgress(student: Student, moduleId: string): Promise<StoredProgress> {
  const response = await student.api.get(`/api/progress/${moduleId}`);
  expect(response.status()).toBe(200);
  return (await response.json()) as StoredProgress;
}

/** The notebook's frame inside the workspace. */
export function notebookFrame(page: Page): FrameLocator {
  return page.frameLocator('iframe[title^="Notebook"]');
}

/**
 * Opens the workspace on the test kernel and waits until the notebook is open, restored and
 * autosaving (the header's save state leaves "Loading…").
 */
export async function openWorkspace(page: Page, module: ModuleItem): Promise<FrameLocator> {
  await page.goto(`/workspace/${module.id}?testKernel=1`);
  await expect(page.getByRole('heading', { level: 1, name: module.title })).toBeVisible();
  const frame = notebookFrame(page);
  await expect(frame.locator('.jp-Notebook .jp-Cell').first()).toBeVisible({ timeout: 45_000 });
  await expect(page.getByTestId('save-state')).not.toHaveAttribute('data-state', 'loading', {
    timeout: 45_000,
  });
  return frame;
}

/** The index of the first code cell of the module's notebook file that is not hidden. */
export function firstCodeCell(filename: string): number {
  const notebook = readNotebook(filename);
  return notebook.cells.findIndex((cell) => cell.cell_type === 'code');
}

/**
 * A new student with module `order` open in a workspace on `page`: the module, its notebook frame,
 * and the index of the first code cell (where the specs type).
 */
export async function studentInWorkspace(page: Page, baseURL: string, order: number) {
  const student = await signUpStudent(page, baseURL);
  const module = moduleNumbered(student, order);
  const frame = await openWorkspace(page, module);
  return { student, module, frame, index: firstCodeCell(module.notebook_filename) };
}

/** Replaces the text of cell `index` by typing into its editor (insertText: no auto-indent). */
export async function replaceCellText(
  page: Page,
  frame: FrameLocator,
  index: number,
  text: string,
): Promise<void> {
  const editor = frame.locator('.jp-Notebook .jp-Cell').nth(index).locator('.jp-InputArea-editor');
  await editor.click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(text);
}

/** Appends a line to cell `index`. */
export async function appendToCell(
  page: Page,
  frame: FrameLocator,
  index: number,
  text: string,
): Promise<void> {
  const editor = frame.locator('.jp-Notebook .jp-Cell').nth(index).locator('.jp-InputArea-editor');
  await editor.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.insertText(text);
}

/**
 * Waits for the save of an edit just made: first the edit shows as unsaved (it does for 3 s before
 * the autosave), then "Saved". Without the first step the "Saved" of the previous save would do.
 * Not for a run or a reset: those are saved at once, and the header can be back at "Saved" before
 * the first step looks (poll the stored notebook instead).
 */
export async function waitForSaved(page: Page, timeout = 20_000): Promise<void> {
  const state = page.getByTestId('save-state');
  await expect(state).toHaveText(/Unsaved changes|Saving…|Not saved/, { timeout: 10_000 });
  await expect(state).toHaveText('Saved', { timeout });
}

/** The server's JSON log lines: playwright.config.ts has the e2e server write them to E2E_SERVER_LOG. */
export function serverLogPath(): string | null {
  const file = process.env.E2E_SERVER_LOG;
  return file && existsSync(file) ? file : null;
}

export function serverLogLines(): Record<string, unknown>[] {
  const file = serverLogPath();
  if (!file) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => {
      try {
        return JSON.parse(line) as Record<string, unknown>;
      } catch {
        return {};
      }
    });
}
