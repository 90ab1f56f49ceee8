/**
 * Checklist: "Module list page displays three modules with progress badges" and "Clicking a module
 * opens the workspace with the correct notebook loaded in JupyterLite". The card is followed as a
 * student would (no test kernel in its link), so the real kernel starts; its packages are blocked
 * here (starting Python costs a minute of CPU on a small machine): the notebook still opens and
 * shows its title cell, which is what this spec checks. Python itself runs numpy in
 * e2e/jupyterlite/kernel.spec.ts.
 */
import { expect, test } from '@playwright/test';
import { blockPyodideMirror } from './jupyterlite/helpers';
import { notebookFrame, readNotebook, signUpStudent, titleOf } from './workspace/helpers';

test.beforeEach(({ context }) => blockPyodideMirror(context));

test('three modules are listed with text badges; a card opens its workspace and notebook', async ({
  page,
  baseURL,
}) => {
  const student = await signUpStudent(page, baseURL!);
  await expect(page.getByRole('heading', { name: 'Learning modules' })).toBeVisible();
  const cards = page.getByRole('list', { name: 'Modules' }).getByRole('link');
  await expect(cards).toHaveCount(3);
  for (const [index, module] of student.modules.entries()) {
    const card = cards.nth(index);
    await expect(card).toContainText(module.title);
    await expect(card).toHaveAttribute('href', `/workspace/${module.id}`);
    // Grey "Not Started": the badge says it in words, not only in colour.
    await expect(card.locator('[data-status]')).toHaveText('Not Started');
  }

  const second = student.modules[1]!;
  await cards.nth(1).click();
  await expect(page).toHaveURL(`/workspace/${second.id}`);
  await expect(page.getByRole('heading', { level: 1, name: second.title })).toBeVisible();
  const title = titleOf(readNotebook(second.notebook_filename));
  await expect(notebookFrame(page).locator('.jp-MarkdownCell h1').first()).toContainText(title, {
    timeout: 45_000,
  });

  // The cards are keyboard links too.
  await page.goto('/modules');
  await cards.first().focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(`/workspace/${student.modules[0]!.id}`);
});
