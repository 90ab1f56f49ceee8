/** Checklist: "Module progress updates to In Progress on first open and can be marked Completed". */
import { expect, test } from '@playwright/test';
import { moduleNumbered, openWorkspace, signUpStudent, storedProgress } from './helpers';

test('first open turns the badge to In Progress; Mark as completed turns it to Completed', async ({
  page,
  baseURL,
}) => {
  const student = await signUpStudent(page, baseURL!);
  const module = moduleNumbered(student, 3);
  const badge = page.getByRole('link', { name: new RegExp(module.title) }).locator('[data-status]');
  await expect(badge).toHaveText('Not Started');

  await openWorkspace(page, module);
  await expect
    .poll(async () => (await storedProgress(student, module.id)).status)
    .toBe('in_progress');
  await page.getByRole('link', { name: '← Modules' }).click();
  await expect(badge).toHaveText('In Progress');
  await expect(badge).toHaveAttribute('data-status', 'in_progress');

  await openWorkspace(page, module);
  await page.getByRole('button', { name: 'Mark as completed' }).click();
  // No exercise has passed its check yet: the workspace asks first.
  const dialog = page.getByRole('alertdialog', { name: 'Mark this module as completed?' });
  await expect(dialog).toContainText(
    /(\d+) of \1 exercises have not passed their checks yet\. Mark as completed anyway\?/,
  );
  await dialog.getByRole('button', { name: 'Mark as completed' }).click();
  await expect(page.getByText('Completed ✓')).toBeVisible();
  expect((await storedProgress(student, module.id)).status).toBe('completed');
  await page.getByRole('link', { name: '← Modules' }).click();
  await expect(badge).toHaveText('Completed');

  // Opening it again does not move it back.
  await openWorkspace(page, module);
  await expect(page.getByText('Completed ✓')).toBeVisible();
  expect((await storedProgress(student, module.id)).status).toBe('completed');
});
