/**
 * Checklist: "Asking the tutor a question sends the current cell code as context (verify in
 * backend logs)" and "The tutor's responses reference the student's code when relevant". The
 * built-in offline tutor answers (no language model is configured in e2e); it quotes the lines of
 * the cell that the question is about.
 */
import { expect, test } from '@playwright/test';
import {
  firstCodeCell,
  moduleNumbered,
  openWorkspace,
  replaceCellText,
  serverLogLines,
  serverLogPath,
  signUpStudent,
} from './helpers';

const CODE = 'import numpy as np\nevens = np.arange(0, 20, 2)\nprint(evens)';

test("a tutor question carries the selected cell's code, and the answer refers to it", async ({
  page,
  baseURL,
}) => {
  const student = await signUpStudent(page, baseURL!);
  const module = moduleNumbered(student, 1);
  const frame = await openWorkspace(page, module);
  await expect(page.getByTestId('connection-status')).toHaveText('Connected');

  const index = firstCodeCell(module.notebook_filename);
  await replaceCellText(page, frame, index, CODE);
  // The cell stays selected while the student types the question in the tutor panel.
  const input = page.getByPlaceholder('Ask about the selected cell…');
  await input.fill('My evens array stops at 18, why?');
  await input.press('Enter');

  const answer = page.locator('[data-role="assistant"]').last();
  await expect(answer).toContainText('evens = np.arange(0, 20, 2)', { timeout: 20_000 });

  // What the server received: its "tutor turn" log line counts the cell code's characters.
  const logFile = serverLogPath();
  expect(
    logFile,
    'the e2e server must write its JSON logs to E2E_SERVER_LOG (playwright.config.ts)',
  ).not.toBeNull();
  await expect
    .poll(() =>
      serverLogLines().filter(
        (line) => line['msg'] === 'tutor turn' && line['module_id'] === module.id,
      ),
    )
    .toContainEqual(
      expect.objectContaining({ cell_code_chars: CODE.length, error_output_chars: 0 }),
    );
});
