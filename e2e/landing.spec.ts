/**
 * The way in, as a new visitor and as a new student: `/` says what the app is and lists the
 * modules from the server's public catalog; registering leads to the module list with its first
 * steps; a returning student who logs in continues in the chat, as before.
 */
import { expect, test } from '@playwright/test';
import { fillLoginForm, fillRegisterForm, newAccount, registerAndSignIn } from './fixtures/auth';
import { moduleNumbered, signUpStudent } from './workspace/helpers';

/** The three modules of the spec, as the seed has them. */
const seededTitles = ['Introduction to NumPy', 'Linear Algebra Basics', 'Interpolation Methods'];

test('a new visitor sees what the app is, its three modules, and the way in', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByText('Please log in to continue.')).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Learn numerical computing by writing the code yourself',
  );
  const statement = page.getByText('Work through short modules in a real Jupyter notebook');
  await expect(statement).toBeVisible();
  await expect(statement).toContainText('runs Python in your browser');
  await expect(statement).toContainText(
    'an AI tutor guides you with graduated hints instead of handing you the answer',
  );

  // The modules, in order, each with a one-line description taken from its full description.
  const catalog = page.getByRole('list', { name: 'Modules' });
  const items = catalog.getByRole('listitem');
  await expect(items).toHaveCount(3);
  await expect(items.getByRole('heading', { level: 3 })).toHaveText(seededTitles);
  await expect(items.nth(0)).toContainText('Module 1');
  await expect(items.nth(0)).toContainText(
    'Work with the array, the building block of numerical Python.',
  );
  await expect(items.nth(2)).toContainText('Draw a curve through data points.');
  await expect(items.nth(2)).not.toContainText('Lagrange');

  await expect(page.getByRole('heading', { name: 'How it works' })).toBeVisible();

  // The two ways in.
  await page.getByRole('main').getByRole('link', { name: 'Log in' }).click();
  await expect(page).toHaveURL(/\/login$/);
  await page.goBack();
  await page.getByRole('link', { name: 'Create an account' }).click();
  await expect(page).toHaveURL(/\/register$/);
  await expect(page.getByRole('heading', { name: 'Tell us about you' })).toBeVisible();
});

test('the first screen of a phone shows the statement and both actions', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/');
  for (const target of [
    page.getByRole('heading', { level: 1 }),
    page.getByText('Work through short modules in a real Jupyter notebook'),
    page.getByRole('link', { name: 'Create an account' }),
    page.getByRole('main').getByRole('link', { name: 'Log in' }),
  ]) {
    await expect(target).toBeInViewport({ ratio: 1 });
  }
  await expect(page.getByRole('list', { name: 'Modules' }).getByRole('listitem')).toHaveCount(3);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});

test('after registering, a new student is at the module list with first steps', async ({
  page,
}) => {
  await page.goto('/');
  await page.getByRole('link', { name: 'Create an account' }).click();
  await fillRegisterForm(page, newAccount());

  await expect(page).toHaveURL(/\/modules$/);
  const firstSteps = page.getByRole('region', { name: 'Your first steps' });
  await expect(firstSteps).toBeVisible();
  await expect(firstSteps.getByRole('heading', { level: 3 })).toHaveText([
    'Pick a module',
    'The notebook runs in your browser',
    'Ask the tutor when you are stuck',
  ]);
  await expect(firstSteps).toContainText('Introduction to NumPy is a good place to start');
  await expect(firstSteps).toContainText('graduated hints');
  await expect(page.getByRole('list', { name: 'Modules' }).getByRole('link')).toHaveCount(3);

  // A signed-in student who opens / goes to the module list.
  await page.goto('/');
  await expect(page).toHaveURL(/\/modules$/);
  await expect(page.getByRole('heading', { name: 'Learning modules' })).toBeVisible();
});

test('the first steps give way once a module is started', async ({ page, baseURL }) => {
  const student = await signUpStudent(page, baseURL!);
  await expect(page.getByRole('region', { name: 'Your first steps' })).toBeVisible();
  const response = await student.api.put(`/api/progress/${moduleNumbered(student, 2).id}`, {
    data: { status: 'in_progress' },
  });
  expect(response.status()).toBe(200);
  await page.reload();
  await expect(page.getByRole('list', { name: 'Modules' }).getByRole('link')).toHaveCount(3);
  await expect(page.getByRole('region', { name: 'Your first steps' })).toHaveCount(0);
});

test('a returning student who logs in from the landing page continues in the chat', async ({
  page,
}) => {
  const account = await registerAndSignIn(page);
  await page.getByRole('button', { name: 'Log out' }).click();
  await expect(page).toHaveURL(/\/login$/);

  await page.goto('/');
  await page.getByRole('main').getByRole('link', { name: 'Log in' }).click();
  await fillLoginForm(page, account);
  await expect(page).toHaveURL(/\/chat(\/|$)/);
  await expect(page.getByRole('button', { name: 'Log out' })).toBeVisible();
});
