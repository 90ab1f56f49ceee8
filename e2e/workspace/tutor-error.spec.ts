/**
 * "When a cell fails, the panel offers Ask the tutor about this error". Executions run on the test
 * build's JavaScript stand-in kernel (real Python needs Pyodide's packages, which this machine
 * cannot download); it raises real Jupyter `error` messages for `raise Name("message")`.
 */
import { expect, test } from '@playwright/test';
import {
  firstCodeCell,
  moduleNumbered,
  openWorkspace,
  replaceCellText,
  serverLogLines,
  signUpStudent,
} from './helpers';

const CODE = 'x = 1\nraise ValueError("shapes (3,) and (4,) not aligned")';

test('a failed cell offers one-click help that sends that cell and its error', async ({
  page,
  baseURL,
}) => {
  const student = await signUpStudent(page, baseURL!);
  const module = moduleNumbered(student, 1);
  const frame = await openWorkspace(page, module);
  await expect(frame.locator('.jp-KernelName')).toContainText('Test kernel');
  await expect(page.getByTestId('connection-status')).toHaveText('Connected');

  const index = firstCodeCell(module.notebook_filename);
  await replaceCellText(page, frame, index, CODE);
  await page.keyboard.press('Shift+Enter');
  await expect(
    frame.locator('.jp-Notebook .jp-Cell').nth(index).locator('.jp-OutputArea-output'),
  ).toContainText('ValueError');

  const banner = page.getByText(/A cell failed: ValueError: shapes/);
  await expect(banner).toBeVisible();
  await page.getByRole('button', { name: 'Ask the tutor about this error' }).click();
  await expect(page.locator('[data-role="user"]').last()).toContainText('ValueError');
  await expect(page.locator('[data-role="assistant"]').last()).toContainText('ValueError', {
    timeout: 20_000,
  });
  await expect(banner).toBeHidden();

  // The failed cell's code went with it although running it moved the selection to the next cell.
  await expect
    .poll(() =>
      serverLogLines().filter(
        (line) => line['msg'] === 'tutor turn' && line['cell_code_chars'] === CODE.length,
      ),
    )
    .toContainEqual(expect.objectContaining({ error_output_chars: expect.any(Number) }));
  const line = serverLogLines().find(
    (l) => l['msg'] === 'tutor turn' && l['cell_code_chars'] === CODE.length,
  );
  expect(line?.['error_output_chars']).toBeGreaterThan(0);
});
