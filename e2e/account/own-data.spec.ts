import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { fillLoginForm, registerAndSignIn } from '../fixtures/auth';

test('download my data, then delete my account with its password', async ({ page }) => {
  const account = await registerAndSignIn(page, { path: '/profile' });
  await expect(page.getByRole('heading', { name: 'Your profile' })).toBeVisible();

  // The download is one JSON file holding the profile.
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download my data' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^numerical-tutor-data-\d{4}-\d{2}-\d{2}\.json$/);
  const data = JSON.parse(await readFile((await download.path())!, 'utf8'));
  expect(data.profile).toMatchObject({ email: account.email, username: account.username });
  expect(data.modules).toEqual([]);

  // A wrong password deletes nothing and says so.
  await page.getByRole('button', { name: 'Delete my account' }).click();
  const dialog = page.getByRole('alertdialog', { name: 'Delete your account?' });
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await dialog.getByLabel('Password').fill('not my password');
  await dialog.getByRole('button', { name: 'Delete my account' }).click();
  await expect(dialog.getByLabel('Password')).toHaveAttribute('aria-invalid', 'true');
  await expect(
    dialog.getByText('Password is incorrect; your account was not deleted'),
  ).toBeVisible();
  await expect(page).toHaveURL(/\/profile$/);

  // The right one: signed out, on the landing page, with a notice.
  await dialog.getByLabel('Password').fill(account.password);
  await dialog.getByLabel('Password').press('Enter');
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByText('Your account and everything in it have been deleted')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Log in' }).first()).toBeVisible();

  // The account is gone: a reload does not restore a session, and logging in fails.
  await page.goto('/profile');
  await expect(page).toHaveURL(/\/login$/);
  await fillLoginForm(page, account);
  await expect(page.getByText('Incorrect email or password')).toBeVisible();
});
