/**
 * Per-exercise progress: running an exercise's check cell in the notebook records its result.
 * A failing check marks the exercise "Not yet" (beside its prompt cell in the notebook, and in the
 * tutor panel with the check's message), a passing one "✓ Passed"; the module list counts the
 * passed exercises; once every exercise passes, the workspace offers to mark the module completed,
 * and a completed module can be reopened.
 *
 * The test kernel understands `print("...")`, so each check cell of the saved notebook prints the
 * result line a real check prints.
 */
import { expect, test, type FrameLocator, type Page } from '@playwright/test';
import {
  type ModuleItem,
  moduleNumbered,
  openWorkspace,
  replaceCellText,
  signUpStudent,
  storedProgress,
  type Student,
} from './helpers';

interface Exercise {
  exercise_id: string;
  title: string;
  state: string;
}

const NOT_YET = '❌ Not yet: zeros_3x4 should have shape (3; 4)';
const PASSED = '✅ Passed: all three arrays are right';

/** A notebook with a prompt cell and a check cell per exercise; the first check fails. */
function checksNotebook(exercises: Exercise[]) {
  const cells = exercises.flatMap((exercise, n) => [
    {
      cell_type: 'markdown',
      id: `prompt-${n}`,
      metadata: { tutor: { exercise: exercise.exercise_id, role: 'prompt' } },
      source: `### ${exercise.title}\n\nDo the exercise.`,
    },
    {
      cell_type: 'code',
      id: `check-${n}`,
      metadata: { tutor: { exercise: exercise.exercise_id, role: 'check' } },
      execution_count: null,
      outputs: [],
      source: `print("${n === 0 ? NOT_YET : `✅ Passed: exercise ${n + 1} is right`}")`,
    },
  ]);
  return {
    nbformat: 4,
    nbformat_minor: 5,
    metadata: { kernelspec: { name: 'python', display_name: 'Python (Pyodide)' } },
    cells: [{ cell_type: 'markdown', id: 'title', metadata: {}, source: '# Checks' }, ...cells],
  };
}

async function moduleExercises(student: Student, module: ModuleItem): Promise<Exercise[]> {
  const response = await student.api.get(`/api/progress/${module.id}/exercises`);
  expect(response.status(), await response.text()).toBe(200);
  return ((await response.json()) as { exercises: Exercise[] }).exercises;
}

/** Selects cell `index` (its editor) and runs it in place. */
async function runCell(page: Page, frame: FrameLocator, index: number): Promise<void> {
  await frame.locator('.jp-Notebook .jp-Cell').nth(index).locator('.jp-InputArea-editor').click();
  await page.keyboard.press('Control+Enter');
}

function cardOf(page: Page, module: ModuleItem) {
  return page.getByRole('link', { name: new RegExp(module.title) });
}

test('failing then passing checks mark the exercises, count on the module list, and lead to completion', async ({
  page,
  baseURL,
}) => {
  const student = await signUpStudent(page, baseURL!);
  const module = moduleNumbered(student, 1);
  const exercises = await moduleExercises(student, module);
  const total = exercises.length;
  expect(total).toBeGreaterThan(1);
  expect(exercises.every((exercise) => exercise.state === 'not_tried')).toBe(true);
  const saved = await student.api.put(`/api/progress/${module.id}`, {
    data: { notebook_state: checksNotebook(exercises), base_version: 0 },
  });
  expect(saved.status(), await saved.text()).toBe(200);
  await expect(cardOf(page, module)).toContainText(`0 of ${total} exercises passed`);

  const frame = await openWorkspace(page, module);
  const cells = frame.locator('.jp-Notebook .jp-Cell');
  const firstPrompt = cells.nth(1);
  const badge = firstPrompt.locator('.tutor-ExerciseBadge');
  const summary = page.getByText(new RegExp(`^Exercises: \\d+ of ${total} exercises passed`));
  await expect(badge).toHaveText('Exercise check: Not tried');
  await expect(summary).toHaveText(`Exercises: 0 of ${total} exercises passed`);

  // A failing check: "Not yet" beside the prompt, and its message in the tutor panel.
  await runCell(page, frame, 2);
  await expect(cells.nth(2).locator('.jp-OutputArea-output')).toContainText(NOT_YET);
  await expect(badge).toHaveText('Exercise check: Not yet');
  await expect(page.getByTestId('exercise-check')).toHaveText(
    'Check: Not yet zeros_3x4 should have shape (3; 4)',
  );
  await expect(summary).toHaveText(`Exercises: 0 of ${total} exercises passed`);

  // Fixed: the check passes.
  await replaceCellText(page, frame, 2, `print("${PASSED}")`);
  await page.keyboard.press('Control+Enter');
  await expect(badge).toHaveText('Exercise check: ✓ Passed');
  await expect(page.getByTestId('exercise-check')).toHaveText('Check: ✓ Passed');
  await expect(summary).toHaveText(`Exercises: 1 of ${total} exercises passed`);
  // The list of exercises opens from the keyboard.
  await page.locator('summary').filter({ hasText: 'Exercises:' }).focus();
  await page.keyboard.press('Enter');
  const items = page.getByRole('list', { name: 'Exercises' }).getByRole('listitem');
  await expect(items).toHaveCount(total);
  await expect(items.first()).toContainText('✓ Passed');
  await expect(items.nth(1)).toContainText('Not tried');
  await expect.poll(async () => (await moduleExercises(student, module))[0]?.state).toBe('passed');

  // The module list counts it.
  await page.getByRole('link', { name: '← Modules' }).click();
  await expect(cardOf(page, module)).toContainText(`1 of ${total} exercises passed`);

  // Back in the workspace the marks are there again; every other check runs in one burst.
  await openWorkspace(page, module);
  await expect(badge).toHaveText('Exercise check: ✓ Passed');
  await expect(page.getByRole('button', { name: 'Mark as completed' })).toBeVisible();
  await cells.nth(4).locator('.jp-InputArea-editor').click();
  const runAndNext = frame.locator(
    '.jp-NotebookPanel-toolbar [data-command="notebook:run-cell-and-select-next"]',
  );
  for (let n = 4; n <= 2 * total; n++) await runAndNext.click();
  const callout = page.getByRole('status').filter({ hasText: 'Mark this module as completed?' });
  await expect(callout).toHaveText(`All ${total} exercises pass. Mark this module as completed?`, {
    timeout: 20_000,
  });
  await expect(summary).toHaveText(`Exercises: ${total} of ${total} exercises passed`);
  await expect(
    // The last exercise's prompt (rendered when the runs scrolled down to it).
    cells.nth(2 * total - 1).locator('.tutor-ExerciseBadge'),
  ).toHaveText('Exercise check: ✓ Passed');

  // The callout's button is the one "Mark as completed"; then the module can be reopened.
  await page.getByRole('button', { name: 'Mark as completed' }).click();
  await expect(page.getByText('Completed ✓')).toBeVisible();
  expect((await storedProgress(student, module.id)).status).toBe('completed');
  await page.getByRole('button', { name: 'Reopen' }).click();
  await expect(page.getByRole('button', { name: 'Mark as completed' })).toBeVisible();
  await expect
    .poll(async () => (await storedProgress(student, module.id)).status)
    .toBe('in_progress');

  await page.getByRole('link', { name: '← Modules' }).click();
  await expect(cardOf(page, module)).toContainText(`${total} of ${total} exercises passed`);
});

/** A notebook with one exercise: its prompt, the student's cell and its check (which fails). */
function oneExerciseNotebook(exerciseId: string) {
  const tutor = (role: string) => ({ tutor: { exercise: exerciseId, role } });
  return {
    nbformat: 4,
    nbformat_minor: 5,
    metadata: { kernelspec: { name: 'python', display_name: 'Python (Pyodide)' } },
    cells: [
      { cell_type: 'markdown', id: 'title', metadata: {}, source: '# Hints' },
      { cell_type: 'markdown', id: 'prompt', metadata: tutor('prompt'), source: '### Exercise 1' },
      code('solution', tutor('solution'), 'zeros_3x4 = None  # your code here'),
      code('check', tutor('check'), `print("${NOT_YET}")`),
    ],
  };
}

function code(id: string, metadata: object, source: string) {
  return { cell_type: 'code', id, metadata, execution_count: null, outputs: [], source };
}

async function hintLevel(page: Page): Promise<number> {
  const text = await page.getByTestId('hint-level').innerText();
  return Number(/Hint (\d) of 5/.exec(text)?.[1]);
}

test('the tutor holds above hint 3 until the exercise runs again, and says so', async ({
  page,
  baseURL,
}) => {
  const student = await signUpStudent(page, baseURL!);
  const module = moduleNumbered(student, 1);
  const [exercise] = await moduleExercises(student, module);
  const saved = await student.api.put(`/api/progress/${module.id}`, {
    data: { notebook_state: oneExerciseNotebook(exercise!.exercise_id), base_version: 0 },
  });
  expect(saved.status(), await saved.text()).toBe(200);
  const frame = await openWorkspace(page, module);
  await expect(page.getByTestId('connection-status')).toHaveText('Connected');
  await frame.locator('.jp-Notebook .jp-Cell').nth(2).locator('.jp-InputArea-editor').click();

  const input = page.getByPlaceholder('Ask about the selected cell…');
  await input.fill('How do I start this exercise?');
  await input.press('Enter');
  await expect(page.getByTestId('hint-level')).toBeVisible({ timeout: 20_000 });
  await expect(page.getByTestId('start-reason')).toContainText(/^Starting at hint \d/);

  // "Next hint" climbs until hint 3 (or the first answer's level, if higher), then holds.
  const next = page.getByRole('button', { name: 'Next hint' });
  const waitsForAttempt = page.getByTestId('needs-attempt');
  const answers = page.locator('li[data-role="assistant"]:not([data-streaming])');
  const askNext = async () => {
    const count = await answers.count();
    await next.click();
    await expect(answers).toHaveCount(count + 1, { timeout: 20_000 });
  };
  await expect(answers).toHaveCount(1, { timeout: 20_000 });
  for (let i = 0; i < 4 && !(await waitsForAttempt.isVisible()); i++) {
    const before = await hintLevel(page);
    await askNext();
    expect(await hintLevel(page)).toBeGreaterThanOrEqual(before);
  }
  await expect(waitsForAttempt).toHaveText('Try your code, then ask for the next hint');
  const held = await hintLevel(page);
  expect(held).toBeGreaterThanOrEqual(3);
  expect(held).toBeLessThan(5);
  await askNext();
  expect(await hintLevel(page)).toBe(held);
  await expect(waitsForAttempt).toBeVisible();

  // A new run of the exercise's check: the next hint comes.
  await runCell(page, frame, 3);
  await expect(page.getByTestId('exercise-check')).toHaveText(
    'Check: Not yet zeros_3x4 should have shape (3; 4)',
  );
  await askNext();
  await expect(page.getByTestId('hint-level')).toContainText(`Hint ${held + 1} of 5`);
  await expect(waitsForAttempt).toHaveCount(0);
});
