/**
 * A notebook above the 64 KB that sendBeacon and fetch keepalive can carry: the regular saves
 * (seconds after each edit) store it, so closing the page normally loses nothing.
 */
import { expect, test } from '@playwright/test';
import {
  appendToCell,
  firstCodeCell,
  moduleNumbered,
  openWorkspace,
  signUpStudent,
  sourceOf,
  storedProgress,
  waitForSaved,
} from './helpers';

test('a notebook larger than 64 KB, edited then closed normally, is restored intact', async ({
  page,
  context,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const student = await signUpStudent(page, baseURL!);
  const module = moduleNumbered(student, 3);
  const frame = await openWorkspace(page, module);
  const index = firstCodeCell(module.notebook_filename);

  // ~66 KB of data in one cell on top of the module's ~37 KB notebook. Long lines: typing many
  // short ones into the editor is slow on a busy machine.
  const rows = Array.from(
    { length: 80 },
    (_, i) => `row_${i} = "${String(i).padStart(4, '0').repeat(200)}"`,
  );
  const data = `\n${rows.join('\n')}\n# END OF TABLE`;
  await appendToCell(page, frame, index, data);
  await waitForSaved(page, 30_000);
  const first = await storedProgress(student, module.id);
  expect(JSON.stringify(first.notebook_state).length).toBeGreaterThan(80 * 1024);
  const savedCell = sourceOf(first.notebook_state!.cells[index]!);
  expect(savedCell).toContain('row_79 = ');
  expect(savedCell).toContain('# END OF TABLE');

  // One more edit, then the page is closed as a student would (beforeunload runs).
  await appendToCell(page, frame, index, '\n# last edit');
  await waitForSaved(page, 30_000);
  await page.close({ runBeforeUnload: true });

  const stored = await storedProgress(student, module.id);
  expect(sourceOf(stored.notebook_state!.cells[index]!)).toBe(`${savedCell}\n# last edit`);

  const again = await context.newPage();
  const reopened = await openWorkspace(again, module);
  // The editor draws only the lines in view, so the end of the cell is checked through a save below.
  await expect(reopened.locator('.jp-Notebook .jp-Cell').nth(index)).toContainText('row_0 = ');
  // Reopening saved nothing (the notebook is unchanged)...
  await again.waitForTimeout(4000);
  const after = await storedProgress(student, module.id);
  expect(after.version).toBe(stored.version);
  await expect(again.getByTestId('save-state')).toHaveText('Saved');
  // ...and the frame holds the whole notebook: a save made from it keeps every row.
  await appendToCell(again, reopened, index, '\n# after reopening');
  await waitForSaved(again, 30_000);
  const final = await storedProgress(student, module.id);
  expect(sourceOf(final.notebook_state!.cells[index]!)).toBe(
    `${savedCell}\n# last edit\n# after reopening`,
  );
  expect(final.notebook_state!.cells.length).toBe(stored.notebook_state!.cells.length);
});
