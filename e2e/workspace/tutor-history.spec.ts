/**
 * Spec §17 and issue 7: the previous tutor conversation comes back, its answers still marked with
 * who gave them ("Offline tutor"); "New conversation" starts one.
 *
 * An answer counts as given once it is finished: the bubble of an answer being streamed (marked
 * `data-streaming`) shows as soon as the question is sent, before the server has received it, so a
 * check that counted it raced the server (the session list could be read before the new session
 * existed, and a reload could cut the answer off).
 */
import { expect, test } from '@playwright/test';
import { moduleNumbered, openWorkspace, signUpStudent } from './helpers';

test('the tutor conversation is shown again on reopening; New conversation starts a fresh one', async ({
  page,
  baseURL,
}) => {
  const student = await signUpStudent(page, baseURL!);
  const module = moduleNumbered(student, 3);
  await openWorkspace(page, module);
  await expect(page.getByTestId('connection-status')).toHaveText('Connected');
  const input = page.getByPlaceholder('Ask about the selected cell…');
  const finishedAnswers = page.locator('[data-role="assistant"]:not([data-streaming])');
  await input.fill('How does Lagrange interpolation work?');
  await input.press('Enter');
  await expect(finishedAnswers).toHaveCount(1, { timeout: 20_000 });
  await expect(finishedAnswers.getByTestId('tutor-label')).toHaveText('Offline tutor');

  await page.reload();
  await expect(page.locator('[data-role="user"]').first()).toContainText(
    'How does Lagrange interpolation work?',
    {
      timeout: 20_000,
    },
  );
  await expect(finishedAnswers).toHaveCount(1);
  await expect(finishedAnswers.getByTestId('tutor-label')).toHaveText('Offline tutor');

  await page.getByRole('button', { name: 'New conversation' }).click();
  await expect(page.locator('[data-role="user"]')).toHaveCount(0);
  await expect(page.getByText(`Stuck on ${module.title}?`)).toBeVisible();
  await input.fill('What is a divided difference?');
  await input.press('Enter');
  await expect(finishedAnswers).toHaveCount(1, { timeout: 20_000 });

  const sessions = await student.api.get(`/api/chat/sessions?type=tutor&module_id=${module.id}`);
  const list = (await sessions.json()) as { preview: string }[];
  expect(list.map((session) => session.preview)).toEqual([
    'What is a divided difference?',
    'How does Lagrange interpolation work?',
  ]);

  // Reopening shows the newest conversation.
  await page.reload();
  await expect(page.locator('[data-role="user"]').first()).toContainText(
    'What is a divided difference?',
    {
      timeout: 20_000,
    },
  );
});
