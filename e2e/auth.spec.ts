import { expect, test } from '@playwright/test';
import { fillLoginForm, fillRegisterForm, newAccount, registerAndSignIn } from './fixtures/auth';

test('register, see the profile, stay signed in across a reload, log out, log back in', async ({
  page,
}) => {
  const account = newAccount();

  await page.goto('/register');
  await expect(page.getByRole('heading', { name: 'Tell us about you' })).toBeVisible();
  await fillRegisterForm(page, account, { programming: 2, maths: 4 });

  // Registration signs in and lands on the module list, which shows a new student's first steps.
  await expect(page).toHaveURL(/\/modules$/);
  await expect(page.getByRole('region', { name: 'Your first steps' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Log out' })).toBeVisible();

  await page.getByRole('link', { name: 'Profile' }).click();
  await expect(page).toHaveURL(/\/profile$/);
  await expect(page.getByLabel('Email')).toHaveValue(account.email);
  await expect(page.getByLabel('Username')).toHaveValue(account.username);
  await expect(page.getByLabel('Programming')).toHaveValue('2');
  await expect(page.getByLabel('Maths')).toHaveValue('4');

  // The access token lives in memory only: a reload restores the session from the cookie.
  await page.reload();
  await expect(page).toHaveURL(/\/profile$/);
  await expect(page.getByLabel('Email')).toHaveValue(account.email);
  await expect(page.getByRole('button', { name: 'Log out' })).toBeVisible();

  await page.getByRole('button', { name: 'Log out' }).click();
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByRole('link', { name: 'Register' })).toBeVisible();

  // A protected page now sends the visitor to /login, and back after logging in.
  await page.goto('/profile');
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByText('Please log in to continue.')).toBeVisible();
  await fillLoginForm(page, account);
  await expect(page).toHaveURL(/\/profile$/);
  await expect(page.getByLabel('Email')).toHaveValue(account.email);
});

test('the register form shows field errors without sending a request', async ({ page }) => {
  const registerRequests: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes('/api/auth/register')) registerRequests.push(request.url());
  });
  await page.goto('/register');
  await fillRegisterForm(page, newAccount({ password: 'short' }));

  const password = page.getByLabel('Password', { exact: true });
  await expect(password).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('Password must be at least 8 characters')).toBeVisible();
  await expect(password).toBeFocused();

  await password.fill('long enough password');
  await page.getByLabel('Repeat password').fill('a different password');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByText('Passwords do not match')).toBeVisible();
  await expect(page.getByLabel('Repeat password')).toBeFocused();

  expect(registerRequests).toEqual([]);
  await expect(page).toHaveURL(/\/register$/);
});

test('registering an email twice shows "Email already registered"', async ({ browser }) => {
  const first = await browser.newPage();
  const account = await registerAndSignIn(first);
  await first.close();

  const page = await browser.newPage();
  await page.goto('/register');
  await fillRegisterForm(page, newAccount({ email: account.email.toUpperCase() }));
  await expect(page.getByText('Email already registered')).toBeVisible();
  await expect(page.getByLabel('Email')).toHaveAttribute('aria-invalid', 'true');
  await expect(page).toHaveURL(/\/register$/);
  await page.close();
});

test('wrong credentials get one message that does not say which part was wrong', async ({
  page,
}) => {
  await page.goto('/login');
  await fillLoginForm(page, newAccount());
  await expect(page.getByRole('alert')).toHaveText('Incorrect email or password');
  await expect(page).toHaveURL(/\/login$/);
});

test('the login form works from the keyboard alone', async ({ page }) => {
  const account = await registerAndSignIn(page);
  await page.getByRole('button', { name: 'Log out' }).click();
  await expect(page).toHaveURL(/\/login$/);

  // The email field has focus on arrival; Tab reaches the password, Enter submits.
  await expect(page.getByLabel('Email')).toBeFocused();
  await page.keyboard.type(account.email);
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Password')).toBeFocused();
  await page.keyboard.type(account.password);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/chat(\/|$)/);
});

test('an unknown address shows the not-found page', async ({ page }) => {
  await page.goto('/no/such/page');
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
});

test('profile edits are saved, and a changed password is the one that logs in', async ({
  page,
}) => {
  const account = await registerAndSignIn(page, { path: '/profile' });

  await page.getByLabel('Username').fill(`${account.username} renamed`);
  await page.getByLabel('Maths').fill('5');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText('Profile saved.')).toBeVisible();
  await page.reload();
  await expect(page.getByLabel('Username')).toHaveValue(`${account.username} renamed`);
  await expect(page.getByLabel('Maths')).toHaveValue('5');

  await page.getByRole('link', { name: 'Change password' }).click();
  await page.getByLabel('Current password').fill('not my password');
  await page.getByLabel('New password', { exact: true }).fill('a brand new password');
  await page.getByLabel('Repeat new password').fill('a brand new password');
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(page.getByText('Current password is incorrect')).toBeVisible();
  await expect(page.getByLabel('Current password')).toBeFocused();

  await page.getByLabel('Current password').fill(account.password);
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(page.getByText('Your password has been changed.')).toBeVisible();
  // The session continues after the change.
  await page.reload();
  await expect(page.getByRole('button', { name: 'Log out' })).toBeVisible();

  await page.getByRole('button', { name: 'Log out' }).click();
  await fillLoginForm(page, account);
  await expect(page.getByRole('alert')).toHaveText('Incorrect email or password');
  await fillLoginForm(page, { ...account, password: 'a brand new password' });
  await expect(page).toHaveURL(/\/chat(\/|$)/);
});
