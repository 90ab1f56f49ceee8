/** Checklist: "The tutor uses the same graduated hint system as the general chat". */
import { expect, test, type Page } from '@playwright/test';
import {
  firstCodeCell,
  moduleNumbered,
  openWorkspace,
  replaceCellText,
  signUpStudent,
} from './helpers';

async function hintLevel(page: Page): Promise<number> {
  const text = await page.getByTestId('hint-level').innerText();
  return Number(/Hint (\d) of 5/.exec(text)?.[1]);
}

test('a follow-up on the same problem raises the hint level', async ({ page, baseURL }) => {
  const student = await signUpStudent(page, baseURL!);
  const module = moduleNumbered(student, 2);
  const frame = await openWorkspace(page, module);
  await expect(page.getByTestId('connection-status')).toHaveText('Connected');
  await replaceCellText(
    page,
    frame,
    firstCodeCell(module.notebook_filename),
    'import numpy as np\nA = np.array([[1, 2], [3, 4]])\nd = np.linalg.det(A)\nprint(d)',
  );

  const input = page.getByPlaceholder('Ask about the selected cell…');
  await input.fill('Is my determinant of A right?');
  await input.press('Enter');
  await expect(page.getByTestId('hint-level')).toBeVisible({ timeout: 20_000 });
  const first = await hintLevel(page);
  expect(first).toBeLessThan(5);

  // A follow-up asking for more help on the same problem climbs one level.
  await input.fill("I still don't get it, can you explain more?");
  await input.press('Enter');
  await expect(page.getByTestId('hint-level')).toContainText(`Hint ${first + 1} of 5`, {
    timeout: 20_000,
  });
  // And "Next hint" climbs again.
  await page.getByRole('button', { name: 'Next hint' }).click();
  await expect(page.getByTestId('hint-level')).toContainText(`Hint ${first + 2} of 5`, {
    timeout: 20_000,
  });
});
