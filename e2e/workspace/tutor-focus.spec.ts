/**
 * The tutor says what it is looking at, just above its input: the selected cell's exercise, the
 * cell and the latest error, or, when the selection is text, that the student should select their
 * exercise's code cell. Reopening the workspace returns to the cell the student was at.
 */
import { expect, test } from '@playwright/test';
import {
  openWorkspace,
  readNotebook,
  replaceCellText,
  storedProgress,
  studentInWorkspace,
  sourceOf,
} from './helpers';

/** The index of the cell of `exercise` with `role` in the module's notebook file. */
function cellOf(filename: string, exercise: string, role: string): number {
  const index = readNotebook(filename).cells.findIndex((cell) => {
    const tutor = cell.metadata['tutor'] as { exercise?: string; role?: string } | undefined;
    return tutor?.exercise === exercise && tutor.role === role;
  });
  if (index < 0) throw new Error(`No ${role} cell for ${exercise}`);
  return index;
}

test('the tutor shows the selected cell and the latest error, asks for a code cell, and the workspace reopens at that cell', async ({
  page,
  baseURL,
}) => {
  const { student, module, frame } = await studentInWorkspace(page, baseURL!, 1);
  const exercise = 'm1-ex3-views-pitfall';
  const prompt = cellOf(module.notebook_filename, exercise, 'prompt');
  const starter = cellOf(module.notebook_filename, exercise, 'starter');
  const solution = cellOf(module.notebook_filename, exercise, 'solution');
  const cells = frame.locator('.jp-Notebook .jp-Cell');
  const line = page.getByTestId('tutor-context');

  // The title cell is selected when the notebook opens.
  await expect(line).toHaveText(
    'Tutor: Cell 1 is text, not code. Select your exercise’s code cell so the tutor sees your code.',
  );

  // A code cell that raised.
  await replaceCellText(
    page,
    frame,
    solution,
    'head = data[:5]\nraise ValueError("head is a view")',
  );
  await page.keyboard.press('Control+Enter');
  await expect(cells.nth(solution).locator('.jp-OutputArea-output')).toContainText('ValueError');
  await expect(line).toHaveText(
    `Tutor sees: Exercise 3 · cell ${solution + 1} · last error: ValueError`,
  );
  // A run is saved at once, so the header may already say "Saved" again: ask the server instead.
  await expect
    .poll(async () => {
      const cells = (await storedProgress(student, module.id)).notebook_state?.cells ?? [];
      return cells[solution] ? sourceOf(cells[solution]) : '';
    })
    .toContain('raise ValueError("head is a view")');

  // Another cell of the exercise: the error is named with the cell it came from.
  await cells.nth(starter).locator('.jp-InputArea-editor').click();
  await expect(line).toHaveText(
    `Tutor sees: Exercise 3 · cell ${starter + 1} · last error: ValueError (cell ${solution + 1})`,
  );

  // A markdown cell: the tutor asks for the code cell.
  await cells.nth(prompt).click();
  await expect(line).toHaveText(
    `Tutor: Cell ${prompt + 1} is text, not code. Select your exercise’s code cell so the tutor sees your code.`,
  );

  // Back on the cell that raised; then the workspace is reopened.
  await cells.nth(solution).locator('.jp-InputArea-editor').click();
  await expect(line).toHaveText(
    `Tutor sees: Exercise 3 · cell ${solution + 1} · last error: ValueError`,
  );
  await expect(page.getByTestId('save-state')).toHaveText('Saved', { timeout: 20_000 });

  await page.reload();
  const reopened = await openWorkspace(page, module);
  const active = reopened.locator('.jp-Notebook .jp-Cell.jp-mod-active');
  await expect(active).toHaveCount(1);
  await expect(active).toContainText('raise ValueError("head is a view")');
  await expect(active).toBeInViewport();
  await expect(reopened.locator('.jp-Notebook .jp-Cell').first()).not.toBeInViewport();
  await expect(line).toHaveText(`Tutor sees: Exercise 3 · cell ${solution + 1}`);
});
