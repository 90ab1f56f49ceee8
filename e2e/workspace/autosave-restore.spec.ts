/**
 * Checklist: "Notebook state is saved periodically (verify in the database)" and "Closing the
 * browser and reopening the module restores the student's previous notebook state".
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

test('an edit is saved to the database and is back when the module is opened in a new page', async ({
  page,
  context,
  baseURL,
}) => {
  const { student, module, frame, index } = await studentInWorkspace(page, baseURL!, 1);

  await appendToCell(page, frame, index, '\n# my first edit');
  await waitForSaved(page);
  const stored = await storedProgress(student, module.id);
  expect(stored.version).toBe(1);
  expect(sourceOf(stored.notebook_state!.cells[index]!)).toContain('# my first edit');

  await page.close({ runBeforeUnload: true });
  const again = await context.newPage();
  const reopened = await openWorkspace(again, module);
  await expect(reopened.locator('.jp-Notebook .jp-Cell').nth(index)).toContainText(
    '# my first edit',
  );
  await expect(again.getByTestId('save-state')).toHaveText('Saved');
});

test('an edit made just before the page closes is kept by the final save (sendBeacon)', async ({
  page,
  context,
  baseURL,
}) => {
  const { student, module, frame, index } = await studentInWorkspace(page, baseURL!, 2);

  await appendToCell(page, frame, index, '\n# typed right before closing');
  // Long enough for the page to read the notebook, shorter than the 3 s autosave delay.
  await page.waitForTimeout(1200);
  await expect(page.getByTestId('save-state')).toHaveText('Unsaved changes');
  await page.close({ runBeforeUnload: true });

  await expect
    .poll(async () => {
      const stored = await storedProgress(student, module.id);
      return stored.notebook_state ? sourceOf(stored.notebook_state.cells[index]!) : '';
    })
    .toContain('# typed right before closing');
  const again = await context.newPage();
  const reopened = await openWorkspace(again, module);
  await expect(reopened.locator('.jp-Notebook .jp-Cell').nth(index)).toContainText(
    '# typed right before closing',
  );
});
