/**
 * Two tabs on one notebook: saves carry the version they are based on, so the tab holding stale
 * work gets a choice instead of silently overwriting the newer save.
 */
import { expect, test } from '@playwright/test';
import {
  appendToCell,
  openWorkspace,
  sourceOf,
  storedProgress,
  studentInWorkspace,
  waitForSaved,
} from './helpers';

test("a second tab's newer save makes the first tab's stale save ask, not overwrite", async ({
  page,
  context,
  baseURL,
}) => {
  const { student, module, frame: first, index } = await studentInWorkspace(page, baseURL!, 1);
  const other = await context.newPage();
  const second = await openWorkspace(other, module);

  await appendToCell(other, second, index, '\n# from the second tab');
  await waitForSaved(other);
  expect((await storedProgress(student, module.id)).version).toBe(1);

  await page.bringToFront();
  await appendToCell(page, first, index, '\n# stale work in the first tab');
  const dialog = page.getByRole('alertdialog', { name: 'This notebook was changed elsewhere' });
  await expect(dialog).toBeVisible({ timeout: 15_000 });
  await expect(page.getByTestId('save-state')).toHaveText('Conflict');
  const stored = await storedProgress(student, module.id);
  expect(stored.version).toBe(1);
  expect(sourceOf(stored.notebook_state!.cells[index]!)).toContain('# from the second tab');
  expect(sourceOf(stored.notebook_state!.cells[index]!)).not.toContain('stale work');

  // Autosave stays paused while the choice is open: nothing more is written.
  await page.waitForTimeout(4000);
  expect((await storedProgress(student, module.id)).version).toBe(1);

  // "Load the newer version": the first tab now shows the second tab's work and saves again.
  await dialog.getByRole('button', { name: 'Load the newer version' }).click();
  await expect(dialog).toBeHidden();
  await expect(first.locator('.jp-Notebook .jp-Cell').nth(index)).toContainText(
    '# from the second tab',
  );
  await expect(first.locator('.jp-Notebook .jp-Cell').nth(index)).not.toContainText('stale work');
  await appendToCell(page, first, index, '\n# first tab continues');
  await waitForSaved(page);
  const continued = sourceOf(
    (await storedProgress(student, module.id)).notebook_state!.cells[index]!,
  );
  expect(continued).toContain('# from the second tab');
  expect(continued).toContain('# first tab continues');

  // Now the second tab is stale; it keeps its own version and overwrites, knowingly.
  await other.bringToFront();
  await appendToCell(other, second, index, '\n# second tab insists');
  const otherDialog = other.getByRole('alertdialog', {
    name: 'This notebook was changed elsewhere',
  });
  await expect(otherDialog).toBeVisible({ timeout: 15_000 });
  await otherDialog.getByRole('button', { name: 'Keep mine and overwrite' }).click();
  // It saves at once (no autosave delay).
  await expect(other.getByTestId('save-state')).toHaveText('Saved');
  const latest = () => storedProgress(student, module.id);
  await expect
    .poll(async () => sourceOf((await latest()).notebook_state!.cells[index]!))
    .toContain('# second tab insists');
  expect(sourceOf((await latest()).notebook_state!.cells[index]!)).not.toContain(
    '# first tab continues',
  );
});
