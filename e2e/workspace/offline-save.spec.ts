/**
 * A save while the network to the server is cut: the indicator says the work is not saved and
 * when it retries; once the network is back the retry stores it. Nothing is dropped.
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

test('with the network cut during a save the indicator says so, and the save succeeds once it is back', async ({
  page,
  baseURL,
}) => {
  const student = await signUpStudent(page, baseURL!);
  const module = moduleNumbered(student, 2);
  const frame = await openWorkspace(page, module);
  const index = firstCodeCell(module.notebook_filename);

  let aborted = 0;
  await page.route('**/api/progress/**', async (route) => {
    aborted += 1;
    await route.abort('internetdisconnected');
  });
  await appendToCell(page, frame, index, '\n# written while offline');
  await expect(page.getByTestId('save-state')).toHaveText(/^Not saved – retrying in \d+s$/, {
    timeout: 15_000,
  });
  expect(aborted).toBeGreaterThan(0);
  expect((await storedProgress(student, module.id)).notebook_state).toBeNull();
  // Another edit while offline is kept too.
  await appendToCell(page, frame, index, '\n# and more');

  await page.unroute('**/api/progress/**');
  await waitForSaved(page, 40_000);
  const stored = sourceOf((await storedProgress(student, module.id)).notebook_state!.cells[index]!);
  expect(stored).toContain('# written while offline');
  expect(stored).toContain('# and more');
});
