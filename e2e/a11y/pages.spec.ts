/**
 * Every page passes axe-core with no serious or critical violation, at desktop size and on a phone
 * (390x844), and its placeholders are readable (4.5:1): the landing page, login, register, the
 * module list, a module workspace, the chat (with a tutor answer holding maths and highlighted
 * code) and the profile. Against the real built app; each test signs up its own student.
 */
import { expect, test, type Page } from '@playwright/test';
import { startAppWithStandIn, type AppWithStandIn } from './app-with-stand-in';
import {
  expectNoSeriousViolations,
  expectReadablePlaceholders,
  signUp,
  viewports,
} from './axe-helpers';
import { askForMathsAnswer, mathsAnswer } from './maths-answer';

/**
 * Serious findings axe reports inside JupyterLab 4's own notebook UI (in the workspace's frame),
 * open upstream (jupyterlab/jupyterlab#16890, #16891): not ours to fix in this app.
 */
const jupyterLabKnownFindings: Record<string, string> = {
  'aria-input-field-name': "JupyterLab: a cell's CodeMirror editor (role=textbox) has no label",
  'aria-required-children':
    "JupyterLab: the notebook's windowed list viewport lacks its children's roles",
  'scrollable-region-focusable': "JupyterLab: a cell editor's scroller is not focusable itself",
  'aria-allowed-attr': 'JupyterLab: jp-button toolbar buttons carry aria-pressed with role none',
};

async function pageReady(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
  await page.waitForLoadState('networkidle');
}

async function check(
  page: Page,
  what: string,
  options: { exclude?: string[] } = {},
): Promise<number> {
  await expectNoSeriousViolations(page, what, options);
  return expectReadablePlaceholders(page, what);
}

for (const [size, viewport] of Object.entries(viewports)) {
  test.describe(`at ${size} size (${viewport.width}x${viewport.height})`, () => {
    test.use({ viewport });

    test('the pages before signing in: landing, login, register', async ({ page }) => {
      await pageReady(page, '/');
      await check(page, 'the landing page');
      await pageReady(page, '/login');
      await check(page, 'login');
      await pageReady(page, '/register');
      await check(page, 'register');
    });

    test('the module list (with visible module numbers) and the profile', async ({ page }) => {
      await signUp(page);
      await pageReady(page, '/modules');
      const cards = page.getByRole('list', { name: 'Modules' }).getByRole('link');
      await expect(cards.first()).toBeVisible();
      // "Module 1", "Module 2"… are shown above each title, not only to screen readers.
      const count = await cards.count();
      expect(count).toBeGreaterThanOrEqual(3);
      for (let index = 0; index < count; index += 1) {
        const label = cards.nth(index).getByText(`Module ${index + 1}`, { exact: true });
        await expect(label).toBeVisible();
        const box = await label.boundingBox();
        expect(box?.height ?? 0, `Module ${index + 1} label height`).toBeGreaterThan(10);
        expect(box?.width ?? 0, `Module ${index + 1} label width`).toBeGreaterThan(30);
      }
      await check(page, 'the module list');

      await pageReady(page, '/profile');
      await check(page, 'the profile');
    });

    test('a module workspace', async ({ page }) => {
      await signUp(page);
      await pageReady(page, '/modules');
      const first = page.getByRole('list', { name: 'Modules' }).getByRole('link').first();
      await page.goto(`${await first.getAttribute('href')}?testKernel=1`);
      await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
      const notebook = 'iframe[title^="Notebook"]';
      await expect(
        page.frameLocator(notebook).locator('.jp-Notebook .jp-Cell').first(),
      ).toBeAttached({ timeout: 45_000 });
      await page.waitForLoadState('networkidle');
      // Our page around the notebook.
      await check(page, 'the workspace', { exclude: [notebook] });
      // The notebook is JupyterLab's UI: its known findings are listed, anything else fails.
      await expectNoSeriousViolations(page, 'the notebook (JupyterLab)', {
        include: [notebook],
        known: jupyterLabKnownFindings,
      });
    });

    test('the chat, empty and with an answer of the offline tutor', async ({ page }) => {
      await signUp(page);
      await page.goto('/chat');
      await expect(page.getByTestId('connection-status')).toHaveText('Connected');
      expect(await check(page, 'the empty chat')).toBeGreaterThan(0);
      const input = page.getByRole('textbox', { name: 'Message' });
      await input.fill('I am stuck computing the determinant of a 3x3 matrix with numpy');
      await input.press('Enter');
      const answer = page.locator('li[data-role="assistant"]:not([data-streaming])').last();
      await expect(answer.locator('.katex').first()).toBeVisible({ timeout: 30_000 });
      await expect(page.getByRole('button', { name: 'Send' })).toBeVisible();
      await check(page, 'the chat with an answer');
    });
  });
}

test.describe('a tutor answer with maths and highlighted code', () => {
  let app: AppWithStandIn;
  test.beforeAll(async () => {
    app = await startAppWithStandIn(mathsAnswer);
  });
  test.afterAll(async () => {
    await app?.close();
  });

  for (const [size, viewport] of Object.entries(viewports)) {
    test(`at ${size} size`, async ({ browser }) => {
      const context = await browser.newContext({ baseURL: app.baseURL, viewport });
      const page = await context.newPage();
      await signUp(page);
      await page.goto('/chat');
      await expect(page.getByTestId('connection-status')).toHaveText('Connected');
      const answer = await askForMathsAnswer(page);
      await expect(answer.locator('.hljs-built_in').first()).toHaveText('print');
      await check(page, 'a maths and code answer');
      await context.close();
    });
  }
});
