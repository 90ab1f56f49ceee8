import { expect, test } from '@playwright/test';
import { fillLoginForm, newAccount } from '../fixtures/auth';
import { serverLogLines } from '../workspace/helpers';

/**
 * The e2e server has no SMTP_URL, so it logs each reset link (the one log line that may hold a
 * token); the backend's integration test follows the link from a real mail instead.
 */
const loggedResetLinks = () =>
  serverLogLines()
    .map((line) => line['reset_link'])
    .filter((link): link is string => typeof link === 'string');

test('forgot password: ask for a link, follow it once, log in with the new password', async ({
  page,
}) => {
  const account = newAccount();
  const registered = await page.request.post('/api/auth/register', {
    data: { email: account.email, username: account.username, password: account.password },
  });
  expect(registered.status()).toBe(201);
  await page.context().clearCookies();

  await page.goto('/login');
  await page.getByRole('link', { name: 'Forgot password?' }).click();
  await expect(page).toHaveURL(/\/forgot-password$/);
  const linksBefore = loggedResetLinks().length;
  await page.getByLabel('Email').fill(account.email);
  await page.getByRole('button', { name: 'Send me a reset link' }).click();
  await expect(page.getByText('Check your email')).toBeVisible();

  await expect.poll(() => loggedResetLinks().length).toBe(linksBefore + 1);
  const link = new URL(loggedResetLinks().at(-1)!);
  expect(link.pathname).toBe('/reset-password');

  const newPassword = `${account.password} renewed`;
  await page.goto(`${link.pathname}${link.search}`);
  await expect(page.getByRole('heading', { name: 'Choose a new password' })).toBeVisible();
  // A weak password is refused before anything is sent.
  await page.getByLabel('New password', { exact: true }).fill('password');
  await page.getByLabel('Repeat new password').fill('password');
  await page.getByRole('button', { name: 'Set new password' }).click();
  await expect(page.getByLabel('New password', { exact: true })).toHaveAttribute(
    'aria-invalid',
    'true',
  );
  await page.getByLabel('New password', { exact: true }).fill(newPassword);
  await page.getByLabel('Repeat new password').fill(newPassword);
  await page.getByRole('button', { name: 'Set new password' }).click();
  await expect(page.getByText('Your password has been changed')).toBeVisible();

  // The link works once.
  await page.goto(`${link.pathname}${link.search}`);
  await page.getByLabel('New password', { exact: true }).fill(`${newPassword} again`);
  await page.getByLabel('Repeat new password').fill(`${newPassword} again`);
  await page.getByRole('button', { name: 'Set new password' }).click();
  await expect(page.getByRole('alert')).toContainText('This reset link is invalid');

  // The old password no longer works; the new one does.
  await page.goto('/login');
  await fillLoginForm(page, account);
  await expect(page.getByText('Incorrect email or password')).toBeVisible();
  await fillLoginForm(page, { ...account, password: newPassword });
  await expect(page.getByRole('button', { name: 'Log out' })).toBeVisible();
});

test('an unknown email gets the same answer', async ({ page }) => {
  await page.goto('/forgot-password');
  const linksBefore = loggedResetLinks().length;
  await page.getByLabel('Email').fill(`nobody-${Date.now()}@example.com`);
  await page.getByRole('button', { name: 'Send me a reset link' }).click();
  await expect(page.getByText('Check your email')).toBeVisible();
  await expect(page.getByText('If an account uses this email')).toBeVisible();
  expect(loggedResetLinks().length).toBe(linksBefore);
});
