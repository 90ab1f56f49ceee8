/** "Reset to original" (with confirmation) puts the module's starting notebook back and saves it. */
import { expect, test } from '@playwright/test';
import {
  appendToCell,
  readNotebook,
  sourceOf,
  storedProgress,
  studentInWorkspace,
  waitForSaved,
} from './helpers';

test('Reset to original asks first, then restores the starting notebook and saves it', async ({
  page,
  baseURL,
}) => {
  const { student, module, frame, index } = await studentInWorkspace(page, baseURL!, 2);
  const original = readNotebook(module.notebook_filename);
  await appendToCell(page, frame, index, '\n# work to throw away');
  await waitForSaved(page);

  // Cancelling keeps the work.
  await page.getByRole('button', { name: 'Reset to original' }).click();
  const dialog = page.getByRole('alertdialog', { name: 'Reset to the original notebook?' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await expect(frame.locator('.jp-Notebook .jp-Cell').nth(index)).toContainText(
    '# work to throw away',
  );

  await page.getByRole('button', { name: 'Reset to original' }).click();
  await dialog.getByRole('button', { name: 'Reset notebook' }).click();
  await expect(page.getByText('The notebook was reset to the original.')).toBeVisible();
  await expect(frame.locator('.jp-Notebook .jp-Cell').nth(index)).not.toContainText(
    '# work to throw away',
  );
  await expect
    .poll(async () => {
      const stored = await storedProgress(student, module.id);
      return stored.notebook_state?.cells.map((cell) => sourceOf(cell));
    })
    .toEqual(original.cells.map((cell) => sourceOf(cell)));
});
