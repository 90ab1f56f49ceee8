/**
 * Guessable passwords are refused (they were accepted: "12345678", "password"): the register and
 * change-password forms rate the password as it is typed, and the server refuses what the meter
 * calls weak, with the same words, whoever sends it.
 */
import { expect, test } from '@playwright/test';
import { fillLoginForm, fillRegisterForm, newAccount, registerAndSignIn } from './fixtures/auth';

test('the register form rates the password, refuses a guessable one, and the server does too', async ({
  page,
  request,
}) => {
  const account = newAccount();
  await page.goto('/register');
  const password = page.getByLabel('Password', { exact: true });
  const meter = page.getByTestId('password-meter');

  await password.fill('12345678');
  await expect(meter).toHaveAttribute('data-score', '0');
  await expect(meter).toContainText('Strength: Very weak. This is a heavily used password.');
  await fillRegisterForm(page, { ...account, password: '12345678' });
  await expect(password).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText(/^Password is too easy to guess\./)).toBeVisible();
  await expect(password).toBeFocused();
  await expect(page).toHaveURL(/\/register$/);

  // Sent past the form, the server refuses it the same way and stores nothing.
  for (const weak of ['12345678', 'password']) {
    const response = await request.post('/api/auth/register', {
      data: { email: account.email, username: account.username, password: weak },
    });
    expect(response.status()).toBe(400);
    expect((await response.json()).error).toMatchObject({
      message:
        'Password is too easy to guess. This is a heavily used password. Add more words that are less common.',
      fields: ['password'],
    });
  }
  const login = await request.post('/api/auth/login', {
    data: { email: account.email, password: '12345678' },
  });
  expect(login.status()).toBe(401);

  await password.fill(account.password);
  await expect(meter).toHaveAttribute('data-score', /[34]/);
  await expect(meter).toContainText(/Strength: (Strong|Very strong)\./);
  await fillRegisterForm(page, account);
  await expect(page).toHaveURL(/\/modules$/);
});

test('"Email already registered" offers to log in instead', async ({ browser }) => {
  const first = await browser.newPage();
  const account = await registerAndSignIn(first);
  await first.close();

  const page = await browser.newPage();
  await page.goto('/register');
  await fillRegisterForm(page, newAccount({ email: account.email }));
  await expect(page.getByText('Email already registered')).toBeVisible();
  await page.getByRole('link', { name: 'Log in instead' }).click();
  await expect(page).toHaveURL(/\/login$/);
  await fillLoginForm(page, account);
  await expect(page.getByRole('button', { name: 'Log out' })).toBeVisible();
  await page.close();
});

test('changing the password rates the new one and refuses a guessable one', async ({ page }) => {
  const account = await registerAndSignIn(page, { path: '/profile/password' });
  await expect(page.getByRole('heading', { name: 'Change password' })).toBeVisible();
  const newPassword = page.getByLabel('New password', { exact: true });
  await page.getByLabel('Current password').fill(account.password);
  await newPassword.fill('password1');
  await page.getByLabel('Repeat new password').fill('password1');
  await expect(page.getByTestId('password-meter')).toHaveAttribute('data-score', '0');
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(page.getByText(/^New password is too easy to guess\./)).toBeVisible();
  await expect(newPassword).toBeFocused();

  await newPassword.fill('purple monkey dishwasher');
  await page.getByLabel('Repeat new password').fill('purple monkey dishwasher');
  await expect(page.getByTestId('password-meter')).toHaveAttribute('data-score', '4');
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(page.getByText('Your password has been changed.')).toBeVisible();
});
