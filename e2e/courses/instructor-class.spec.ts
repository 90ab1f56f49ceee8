/**
 * Classes and instructors (issue 20), end to end: an admin (made with the command line, against the
 * running e2e server's data directory) grants instructor to a second user; the instructor creates
 * a class with module 1 and caps its hints at level 2; a student follows the join link signed out,
 * registers, comes back to it and joins, works in the workspace (a check run on the stand-in
 * kernel, ?testKernel=1) and asks the tutor again and again without ever getting above level 2;
 * the instructor's dashboard shows the student's row and the CSV downloads.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import {
  expect,
  test,
  request as playwrightRequest,
  type Browser,
  type Page,
} from '@playwright/test';
import { fillRegisterForm, newAccount, registerAndSignIn } from '../fixtures/auth';
import { blockOutsideRequests } from '../jupyterlite/helpers';
import { openWorkspace, type ModuleItem } from '../workspace/helpers';

const CAP = 2;

/** `npm run admin -- grant-admin <email>` against the e2e server's data directory. */
function grantAdmin(email: string): void {
  execFileSync('npm', ['run', '--silent', 'admin', '--', 'grant-admin', email], {
    env: { ...process.env, DATA_DIR: process.env.E2E_DATA_DIR },
    stdio: 'pipe',
    timeout: 60_000,
  });
}

async function newPage(browser: Browser, baseURL: string): Promise<Page> {
  const context = await browser.newContext({ baseURL, acceptDownloads: true });
  await blockOutsideRequests(context, baseURL);
  return context.newPage();
}

/** The API as one account (its own session), for what the spec sets up without the UI. */
async function apiAs(baseURL: string, email: string, password: string) {
  const anonymous = await playwrightRequest.newContext({ baseURL });
  const login = await anonymous.post('/api/auth/login', { data: { email, password } });
  expect(login.status(), await login.text()).toBe(200);
  const { access_token: token } = (await login.json()) as { access_token: string };
  await anonymous.dispose();
  return playwrightRequest.newContext({
    baseURL,
    extraHTTPHeaders: { authorization: `Bearer ${token}` },
  });
}

/** A notebook with one exercise: its prompt, the student's cell and a check that fails. */
function oneExerciseNotebook(exerciseId: string) {
  const tutor = (role: string) => ({ tutor: { exercise: exerciseId, role } });
  const code = (id: string, metadata: object, source: string) => ({
    cell_type: 'code',
    id,
    metadata,
    execution_count: null,
    outputs: [],
    source,
  });
  return {
    nbformat: 4,
    nbformat_minor: 5,
    metadata: { kernelspec: { name: 'python', display_name: 'Python (Pyodide)' } },
    cells: [
      { cell_type: 'markdown', id: 'title', metadata: {}, source: '# Class work' },
      { cell_type: 'markdown', id: 'prompt', metadata: tutor('prompt'), source: '### Exercise 1' },
      code('solution', tutor('solution'), 'zeros_3x4 = None  # your code here'),
      code('check', tutor('check'), 'print("❌ Not yet: zeros_3x4 should have shape (3; 4)")'),
    ],
  };
}

async function hintLevel(page: Page): Promise<number> {
  const text = await page.getByTestId('hint-level').innerText();
  return Number(/Hint (\d) of 5/.exec(text)?.[1]);
}

test('an instructor runs a class: the policy caps the tutor, the dashboard shows the student', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(300_000);
  const base = baseURL!;

  // The admin, made from the command line while the server runs.
  const adminPage = await newPage(browser, base);
  const admin = await registerAndSignIn(adminPage, { path: '/modules' });
  grantAdmin(admin.email);
  await adminPage.goto('/admin');
  await expect(adminPage.getByRole('link', { name: 'Admin' })).toBeVisible();

  // The admin makes a second user an instructor.
  const teacherPage = await newPage(browser, base);
  const teacher = await registerAndSignIn(teacherPage, { path: '/modules' });
  await adminPage.getByRole('searchbox', { name: 'Find users' }).fill(teacher.email);
  await adminPage.getByRole('button', { name: `Make ${teacher.username} an instructor` }).click();
  await expect(adminPage.getByText(`${teacher.username} is now an instructor.`)).toBeVisible();

  // The instructor creates a class with module 1 and caps its hints at level 2.
  await teacherPage.reload();
  await teacherPage.getByRole('link', { name: 'Classes' }).click();
  const teacherApi = await apiAs(base, teacher.email, teacher.password);
  const modules = (await (await teacherApi.get('/api/modules')).json()) as ModuleItem[];
  const module = modules.find((item) => item.order === 1)!;
  await teacherPage.getByLabel('Class name').fill('Numerics e2e');
  await teacherPage.getByRole('checkbox', { name: module.title }).check();
  await teacherPage.getByRole('button', { name: 'Create class' }).click();
  await expect(teacherPage.getByRole('heading', { level: 1, name: 'Numerics e2e' })).toBeVisible();
  const policy = teacherPage.getByRole('form', { name: module.title });
  await policy.getByLabel('Highest hint level').selectOption(String(CAP));
  await policy.getByRole('button', { name: 'Save policy' }).click();
  await expect(policy.getByText('Policy saved.')).toBeVisible();
  const joinUrl = await teacherPage.getByRole('textbox', { name: 'Join link' }).inputValue();
  const classUrl = teacherPage.url();

  // A student follows the link signed out, registers, comes back to it, and joins.
  const studentPage = await newPage(browser, base);
  await studentPage.goto(new URL(joinUrl).pathname);
  await studentPage.getByRole('link', { name: 'Create an account' }).click();
  const student = newAccount();
  await fillRegisterForm(studentPage, student);
  await expect(studentPage.getByRole('heading', { name: 'Join Numerics e2e' })).toBeVisible();
  await expect(studentPage.getByTestId('conversations-visibility')).toHaveText(
    /Your tutor conversations stay private/,
  );
  await studentPage.getByRole('button', { name: 'Join the class' }).click();
  await expect(studentPage.getByText('You joined Numerics e2e.')).toBeVisible();

  // The student works: a notebook with one exercise, its check run on the stand-in kernel.
  const studentApi = await apiAs(base, student.email, student.password);
  const exercises = (await (
    await studentApi.get(`/api/progress/${module.id}/exercises`)
  ).json()) as { exercises: { exercise_id: string }[] };
  const saved = await studentApi.put(`/api/progress/${module.id}`, {
    data: {
      notebook_state: oneExerciseNotebook(exercises.exercises[0]!.exercise_id),
      base_version: 0,
    },
  });
  expect(saved.status(), await saved.text()).toBe(200);
  const frame = await openWorkspace(studentPage, module);
  await expect(studentPage.getByTestId('policy-notice')).toHaveText(
    new RegExp(`^Your class allows hints up to level ${CAP}\\b`),
  );
  const cells = frame.locator('.jp-Notebook .jp-Cell');
  await cells.nth(3).locator('.jp-InputArea-editor').click();
  await studentPage.keyboard.press('Control+Enter');
  await expect(studentPage.getByTestId('exercise-check')).toHaveText(/Check: Not yet/);

  // The tutor, asked again and again, never goes above the class's cap.
  await expect(studentPage.getByTestId('connection-status')).toHaveText('Connected');
  await cells.nth(2).locator('.jp-InputArea-editor').click();
  const answers = studentPage.locator('li[data-role="assistant"]:not([data-streaming])');
  const input = studentPage.getByPlaceholder('Ask about the selected cell…');
  const asks = [
    'How do I make an array of zeros?',
    'I still do not get it, can you give me the next hint?',
    'Please just show me the full solution code.',
    'Give me the complete answer, I give up.',
  ];
  let highest = 0;
  const seeLevel = async () => {
    const level = await hintLevel(studentPage);
    expect(level).toBeLessThanOrEqual(CAP);
    highest = Math.max(highest, level);
  };
  for (const [index, question] of asks.entries()) {
    await input.fill(question);
    await input.press('Enter');
    await expect(answers).toHaveCount(index + 1, { timeout: 30_000 });
    await seeLevel();
  }
  const next = studentPage.getByRole('button', { name: 'Next hint' });
  for (let i = 0; i < 4 && (await next.count()) > 0; i++) {
    const count = await answers.count();
    await expect(next).toBeEnabled();
    await next.click();
    await expect(answers).toHaveCount(count + 1, { timeout: 30_000 });
    await seeLevel();
  }
  // The ladder did climb: it stopped at the cap, not below it, and offers no hint above it.
  expect(highest).toBe(CAP);
  await expect(next).toHaveCount(0);
  await expect(studentPage.getByTestId('hint-cap')).toHaveText(
    'The highest hint your class allows',
  );

  // The instructor's dashboard: the student's row, and the CSV.
  await teacherPage.goto(`${new URL(classUrl).pathname}/dashboard`);
  await expect(teacherPage.getByText('checked in the student’s browser')).toBeVisible();
  const row = teacherPage.getByRole('row', { name: new RegExp(student.username) });
  await expect(row).toBeVisible();
  await expect(row).toContainText('Trying');
  const download = teacherPage.waitForEvent('download');
  await teacherPage.getByRole('button', { name: 'Download CSV' }).click();
  const file = await (await download).path();
  const csv = readFileSync(file, 'utf8');
  expect(csv.split('\n')[0]).toContain('username');
  expect(csv).toContain(student.username);
  await expect(teacherPage.getByText('The CSV file was downloaded.')).toBeVisible();

  await Promise.all([teacherApi.dispose(), studentApi.dispose()]);
});
