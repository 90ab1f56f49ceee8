/**
 * When Python cannot start (here, as on any offline machine: Pyodide's packages come from a CDN, or
 * from the app's own mirror, which the test blocks), the workspace says so once, calmly, with the technical reason behind "Details"
 * and a way to try again; a cell run meanwhile is told it cannot run instead of waiting at [*].
 * This is the real Pyodide kernel of the e2e build (the page is opened without ?testKernel=1).
 */
import { expect, test, type FrameLocator, type Page } from '@playwright/test';
import { blockPyodideMirror } from '../jupyterlite/helpers';
import { firstCodeCell, moduleNumbered, notebookFrame, signUpStudent } from './helpers';

/** Every box that talks about Python being down, in the page and inside the notebook's frame. */
async function pythonNotices(page: Page, frame: FrameLocator) {
  return {
    notices: await page.getByTestId('python-notice').count(),
    alerts: await page.getByRole('alert').count(),
    couldNotStart: await page.getByText(/could not start/).count(),
    inFrame: await frame.getByText(/could not start|cannot run/).count(),
  };
}

test('one notice when Python cannot start, also after a reset and a retry; runs meanwhile are refused', async ({
  page,
  context,
  baseURL,
}) => {
  // Python fails to start twice here (about 15 s each on an idle machine, far longer on a busy one).
  test.setTimeout(240_000);
  await blockPyodideMirror(context);
  const student = await signUpStudent(page, baseURL!);
  const module = moduleNumbered(student, 1);
  await page.goto(`/workspace/${module.id}`);
  const frame = notebookFrame(page);
  const cells = frame.locator('.jp-Notebook .jp-Cell');
  await expect(cells.first()).toBeVisible({ timeout: 45_000 });
  await expect(page.getByTestId('save-state')).not.toHaveAttribute('data-state', 'loading', {
    timeout: 45_000,
  });

  // A cell run while Python is still starting waits for it...
  const first = firstCodeCell(module.notebook_filename);
  await cells.nth(first).locator('.jp-InputArea-editor').click();
  await page.keyboard.press('Shift+Enter');

  const notice = page.getByTestId('python-notice');
  await expect(notice).toBeVisible({ timeout: 90_000 });
  await expect(notice).toContainText('Python could not start');
  await expect(notice).toContainText("Python's packages could not be downloaded");
  await expect(notice).toContainText('your work is still saved, and the tutor can still help');
  // ...and is told it cannot run once Python failed, instead of staying at [*].
  await expect(notice.getByTestId('python-refused-run')).toHaveText(
    'Python is not running, so this cell can’t run now.',
  );
  await expect(cells.nth(first).locator('.jp-InputPrompt')).not.toContainText('*');
  expect(await pythonNotices(page, frame)).toEqual({
    notices: 1,
    alerts: 0,
    couldNotStart: 1,
    inFrame: 0,
  });

  // Calm: a few lines, not a third of the pane.
  const box = await notice.boundingBox();
  expect(box!.height).toBeLessThanOrEqual(110);

  // The technical reason is there, behind "Details".
  // micropip missing (CDN blocked), or the lock not fetched (the app's mirror blocked).
  const detail = notice.getByText(/ModuleNotFoundError|Failed to fetch/);
  await expect(detail).toBeHidden();
  await notice.getByText('Details', { exact: true }).click();
  await expect(detail).toBeVisible();
  await expect(notice).toContainText(/Packages: https?:\/\//);
  await notice.getByText('Details', { exact: true }).click();
  await expect(detail).toBeHidden();

  // A run while Python is down is refused at once.
  const other = first + 3;
  await cells.nth(other).locator('.jp-InputArea-editor').click();
  const refusals = notice.getByTestId('python-refused-run');
  const before = Number(await refusals.getAttribute('data-count'));
  await page.keyboard.press('Control+Enter');
  await expect(refusals).toHaveAttribute('data-count', String(before + 1), { timeout: 3_000 });
  await page.waitForTimeout(1_000);
  await expect(cells.nth(other).locator('.jp-InputPrompt')).not.toContainText('*');

  // After a reset: still one notice (the reset is a short note in the toolbar).
  await page.getByRole('button', { name: 'Reset to original' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Reset notebook' }).click();
  await expect(page.getByText('The notebook was reset to the original.')).toBeVisible();
  expect(await pythonNotices(page, frame)).toEqual({
    notices: 1,
    alerts: 0,
    couldNotStart: 1,
    inFrame: 0,
  });

  // Try again: the same notice says Python is starting, then why it failed again.
  await notice.getByRole('button', { name: 'Try again' }).click();
  await expect(notice).toContainText('Starting Python again…');
  await expect(notice).toContainText('Python could not start', { timeout: 90_000 });
  expect(await pythonNotices(page, frame)).toEqual({
    notices: 1,
    alerts: 0,
    couldNotStart: 1,
    inFrame: 0,
  });
});
