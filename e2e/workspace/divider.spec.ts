/** Checklist: "The divider between notebook and tutor panels can be dragged to resize". */
import { expect, test, type Page } from '@playwright/test';
import { moduleNumbered, openWorkspace, signUpStudent } from './helpers';

async function widths(page: Page) {
  const notebook = (await page.getByTestId('notebook-pane').boundingBox())!;
  const tutor = (await page.getByTestId('tutor-pane').boundingBox())!;
  return { notebook: notebook.width, tutor: tutor.width };
}

async function drag(page: Page, toX: number) {
  const box = (await page.getByRole('separator').boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  // Several steps, the last ones over the notebook frame: the frame must not swallow the drag.
  await page.mouse.move(toX, box.y + box.height / 2, { steps: 12 });
  await page.mouse.up();
}

test('dragging the divider resizes the panes, never below 300 px, and the split is remembered', async ({
  page,
  baseURL,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  const student = await signUpStudent(page, baseURL!);
  await openWorkspace(page, moduleNumbered(student, 1));

  const start = await widths(page);
  // 60/40 by default (less half the 10 px divider each).
  expect(start.notebook / (start.notebook + start.tutor)).toBeCloseTo(0.6, 1);
  const separator = page.getByRole('separator');
  await expect(separator).toHaveAttribute('aria-valuenow', '60');

  await drag(page, 500);
  const narrower = await widths(page);
  expect(narrower.notebook).toBeLessThan(start.notebook - 150);
  expect(narrower.tutor).toBeGreaterThan(start.tutor + 150);

  await drag(page, 5);
  const leftmost = await widths(page);
  expect(leftmost.notebook).toBeGreaterThanOrEqual(299);
  expect(leftmost.notebook).toBeLessThan(320);

  await drag(page, 1275);
  const rightmost = await widths(page);
  expect(rightmost.tutor).toBeGreaterThanOrEqual(299);
  expect(rightmost.tutor).toBeLessThan(320);

  // The keyboard: the separator is focusable, the arrow keys move it, within the same bounds.
  await separator.focus();
  const before = Number(await separator.getAttribute('aria-valuenow'));
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await expect(separator).toHaveAttribute('aria-valuenow', String(Math.round(before - 10)));
  await page.keyboard.press('Home');
  const home = await widths(page);
  expect(home.notebook).toBeGreaterThanOrEqual(299);
  expect(home.notebook).toBeLessThan(320);

  // Remembered for this user after a reload.
  const remembered = await widths(page);
  await page.reload();
  await expect(page.getByTestId('notebook-pane')).toBeVisible();
  await expect
    .poll(async () => Math.round((await widths(page)).notebook))
    .toBe(Math.round(remembered.notebook));
  // Only the ratio is in the browser's storage: no notebook content.
  const stored = await page.evaluate(() => Object.entries(localStorage));
  const split = stored.filter(([key]) => key.includes(':workspace-split:'));
  expect(split).toHaveLength(1);
  expect(Number(split[0]![1])).toBeGreaterThan(0);
  expect(stored.filter(([, value]) => value.includes('cells'))).toEqual([]);
});

test('on a narrow screen the panes become tabs instead of overflowing', async ({
  page,
  baseURL,
}) => {
  await page.setViewportSize({ width: 480, height: 800 });
  const student = await signUpStudent(page, baseURL!);
  await openWorkspace(page, moduleNumbered(student, 1));
  const tabs = page.getByRole('tablist', { name: 'Workspace panes' });
  await expect(tabs).toBeVisible();
  await expect(page.getByRole('separator')).toBeHidden();
  const notebook = (await page.getByTestId('notebook-pane').boundingBox())!;
  expect(notebook.width).toBeGreaterThan(470);
  await expect(page.getByTestId('tutor-pane')).toBeHidden();

  await tabs.getByRole('tab', { name: 'Tutor' }).click();
  await expect(page.getByTestId('notebook-pane')).toBeHidden();
  await expect(page.getByRole('button', { name: 'New conversation' })).toBeVisible();
  // Switching back keeps the same notebook frame (it is hidden, never reloaded).
  await tabs.getByRole('tab', { name: 'Notebook' }).click();
  await expect(page.getByTestId('notebook-pane')).toBeVisible();
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - window.innerWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
});
