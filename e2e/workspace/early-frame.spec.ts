/**
 * A module seen before opens its notebook frame at once, while its progress is still on the way
 * (the warm-load path), and the saved work is still restored once the progress arrives.
 */
import { expect, test } from '@playwright/test';
import { appendToCell, notebookFrame, studentInWorkspace, waitForSaved } from './helpers';

test('a remembered module opens its notebook before the progress arrives, then restores the saved work', async ({
  page,
  context,
  baseURL,
}) => {
  const { module, frame, index } = await studentInWorkspace(page, baseURL!, 1);
  await appendToCell(page, frame, index, '\n# saved before the slow reload');
  await waitForSaved(page);
  await page.close({ runBeforeUnload: true });

  // The progress answer is held back until the notebook frame has opened the module's notebook.
  const again = await context.newPage();
  let releaseProgress!: () => void;
  const progressHeld = new Promise<void>((resolve) => (releaseProgress = resolve));
  await again.route(`**/api/progress/${module.id}`, async (route) => {
    if (route.request().method() !== 'GET') return route.continue();
    await progressHeld;
    await route.continue();
  });
  await again.goto(`/workspace/${module.id}?testKernel=1`);
  const cells = notebookFrame(again).locator('.jp-Notebook .jp-Cell');
  await expect(cells.first()).toBeVisible({ timeout: 45_000 });
  // Not restored yet: the starting notebook is what the frame shows, and nothing autosaves.
  await expect(cells.nth(index)).not.toContainText('# saved before the slow reload');
  await expect(again.getByTestId('save-state')).toHaveAttribute('data-state', 'loading');

  releaseProgress();
  await expect(cells.nth(index)).toContainText('# saved before the slow reload', {
    timeout: 20_000,
  });
  await expect(again.getByTestId('save-state')).toHaveText('Saved');
});
