import { expect, test, type Page } from '@playwright/test';

/*
 * The chat page against the real built app with no AI configuration: the built-in offline tutor
 * and local embedder answer. Each test registers its own account.
 */

let counter = 0;

/** Registers a fresh account through the API (the refresh cookie lands in the page's context). */
async function signUp(page: Page): Promise<string> {
  counter += 1;
  const id = `${Date.now().toString(36)}${process.pid.toString(36)}${counter}`;
  const username = `chatter ${id}`;
  const response = await page.request.post('/api/auth/register', {
    data: { email: `chat-${id}@example.com`, username, password: `correct horse ${id}` },
  });
  expect(response.status(), await response.text()).toBe(201);
  return username;
}

async function openChat(page: Page): Promise<string> {
  const username = await signUp(page);
  await page.goto('/chat');
  await expect(
    page.getByRole('heading', { name: `Hi ${username}, what are you working on?` }),
  ).toBeVisible();
  await expect(page.getByTestId('connection-status')).toHaveText('Connected');
  return username;
}

const input = (page: Page) => page.getByRole('textbox', { name: 'Message' });
const answers = (page: Page) => page.locator('li[data-role="assistant"]:not([data-streaming])');

async function ask(page: Page, text: string): Promise<void> {
  const before = await answers(page).count();
  await input(page).fill(text);
  await input(page).press('Enter');
  // The turn is over when a new finished answer is listed and the input is usable again.
  await expect(answers(page)).toHaveCount(before + 1, { timeout: 30_000 });
  await expect(page.getByRole('button', { name: 'Send' })).toBeVisible();
}

async function hintLevel(page: Page): Promise<number> {
  const text = await page.getByTestId('hint-level').innerText();
  const match = /Hint (\d) of 5/.exec(text);
  expect(match, text).not.toBeNull();
  return Number(match![1]);
}

test('a greeting gets the canned reply naming the student; off-topic gets the refusal; the first real question names the session', async ({
  page,
}) => {
  const username = await openChat(page);

  await ask(page, 'hello');
  await expect(answers(page).last()).toContainText(`Hello ${username}!`);
  // The new session is in the URL and in the sidebar.
  await expect(page).toHaveURL(/\/chat\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId('session-list').getByRole('link')).toHaveCount(1);
  // A greeting does not name the session.
  await expect(page.getByTestId('session-list').getByRole('link')).toContainText(
    'New conversation',
  );

  await ask(page, 'best pizza in London');
  await expect(answers(page).last()).toContainText('I can only help with programming, mathematics');
  // Canned replies place nobody on the hint ladder.
  await expect(page.getByTestId('hint-level')).toHaveCount(0);

  // The first real question names it.
  await ask(page, 'How do I compute a matrix norm in numpy?');
  await expect(page.getByTestId('session-list').getByRole('link')).toContainText(
    'How do I compute a matrix norm in numpy?',
  );
});

test('the offline tutor streams maths and code, climbs the hint ladder, resets on a new topic, and survives a reload', async ({
  page,
}) => {
  await openChat(page);
  // A problem of the student's own gets graduated hints (a lookup such as "How do I compute the
  // determinant with numpy?" is answered directly with the function).

  await input(page).fill('I am stuck computing the determinant of a 3x3 matrix with numpy');
  await input(page).press('Enter');
  // The answer is labelled as the offline tutor's. (The offline tutor streams its whole answer in
  // milliseconds, so the Stop button it shows meanwhile is covered by the unit tests, not here.)
  await expect(page.getByTestId('tutor-label').first()).toHaveText('Offline tutor');
  await expect(answers(page)).toHaveCount(1, { timeout: 30_000 });

  const first = answers(page).last();
  await expect(first.getByTestId('tutor-label')).toHaveText('Offline tutor');
  await expect(first.locator('.katex').first()).toBeVisible();
  // Depending on the level: a code block, or a structured hint (a list or guiding questions).
  const structured = await first.locator('pre code, ol, ul').count();
  expect(structured).toBeGreaterThan(0);
  const start = await hintLevel(page);
  expect(start).toBeGreaterThanOrEqual(1);
  expect(start).toBeLessThanOrEqual(4);
  await expect(page.getByRole('progressbar', { name: 'Hint level' })).toHaveAttribute(
    'aria-valuenow',
    String(start),
  );

  // "I don't understand" is a follow-up: one level up.
  await ask(page, "I don't understand");
  expect(await hintLevel(page)).toBe(start + 1);

  // The "Next hint" button asks for the next level too, up to the full solution.
  for (let level = start + 1; level < 5; level += 1) {
    const before = await answers(page).count();
    await page.getByRole('button', { name: 'Next hint' }).click();
    await expect(answers(page)).toHaveCount(before + 1, { timeout: 30_000 });
    await expect(page.getByTestId('hint-level')).toContainText(`Hint ${level + 1} of 5`);
  }
  await expect(page.getByRole('button', { name: 'Next hint' })).toHaveCount(0);
  await expect(answers(page).last().locator('pre code').first()).toBeVisible();

  // A new topic starts again, never with a full solution.
  await ask(page, 'How does Lagrange interpolation through four points work?');
  const reset = await hintLevel(page);
  expect(reset).toBeLessThanOrEqual(4);

  // Everything is stored: a reload comes back to the same session with the same messages.
  const url = page.url();
  const count = await answers(page).count();
  await page.reload();
  await expect(page).toHaveURL(url);
  await expect(answers(page)).toHaveCount(count);
  await expect(page.locator('li[data-role="user"]').first()).toContainText(
    'determinant of a 3x3 matrix',
  );
  await expect(answers(page).first().locator('.katex').first()).toBeVisible();
  expect(await hintLevel(page)).toBe(reset);
  await expect(page.getByTestId('connection-status')).toHaveText('Connected');

  // And the conversation goes on in the same session after the reload.
  await ask(page, "I don't understand");
  expect(await hintLevel(page)).toBe(reset + 1);
  await expect(page).toHaveURL(url);
});

test('code blocks can be copied, and a session can be deleted after confirming', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openChat(page);
  await ask(page, 'How do I compute the determinant of a 3x3 matrix with numpy?');
  for (let i = 0; i < 4 && (await answers(page).locator('pre code').count()) === 0; i += 1) {
    await page.getByRole('button', { name: 'Next hint' }).click();
    await expect(page.getByRole('button', { name: 'Send' })).toBeVisible({ timeout: 30_000 });
  }
  const copy = answers(page).last().getByRole('button', { name: 'Copy code' }).first();
  await copy.focus();
  await page.keyboard.press('Enter');
  await expect(answers(page).last().getByRole('button', { name: 'Code copied' })).toHaveText(
    'Copied',
  );
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toContain('np.');

  // Escape cancels the dialog; confirming deletes the session and goes back to a new chat.
  const list = page.getByTestId('session-list');
  await list.getByRole('button', { name: /^Delete conversation/ }).click();
  const dialog = page.getByRole('alertdialog', { name: 'Delete this conversation?' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(list.getByRole('link')).toHaveCount(1);

  await list.getByRole('button', { name: /^Delete conversation/ }).click();
  await dialog.getByRole('button', { name: 'Delete' }).click();
  await expect(page).toHaveURL(/\/chat$/);
  await expect(page.getByText('No conversations yet.')).toBeVisible();
  await expect(page.getByRole('heading', { name: /what are you working on\?/ })).toBeVisible();
});

test('the sidebar collapses and a stored session opens from it', async ({ page }) => {
  await openChat(page);
  await ask(page, 'What is a condition number?');
  const url = page.url();

  await page.getByRole('link', { name: 'New chat' }).click();
  await expect(page).toHaveURL(/\/chat$/);
  await expect(page.getByRole('heading', { name: /what are you working on\?/ })).toBeVisible();

  await page
    .getByTestId('session-list')
    .getByRole('link', { name: /condition number/ })
    .click();
  await expect(page).toHaveURL(url);
  await expect(answers(page)).toHaveCount(1);

  const toggle = page.getByRole('button', { name: 'Hide conversations' });
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await toggle.click();
  await expect(page.getByRole('navigation', { name: 'Conversations' })).toBeHidden();
  await page.getByRole('button', { name: 'Conversations' }).click();
  await expect(page.getByRole('navigation', { name: 'Conversations' })).toBeVisible();
});

test('the connection state is visible, and the chat reconnects by itself after going offline', async ({
  page,
  context,
}) => {
  await openChat(page);
  await context.setOffline(true);
  await expect(page.getByTestId('connection-status')).toHaveText(/Offline|Reconnecting/);
  await expect(page.getByRole('button', { name: 'Send' })).toBeDisabled();
  await context.setOffline(false);
  await expect(page.getByTestId('connection-status')).toHaveText('Connected', { timeout: 20_000 });
  await ask(page, 'hello');
  await expect(answers(page).last()).toContainText('Hello');
});
