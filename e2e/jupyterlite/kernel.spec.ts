/**
 * The kernel as the student meets it: when Python cannot start (its packages are unreachable, as
 * on this offline machine) the bridge says why, code cells are refused instead of waiting forever,
 * and the notebook stays editable; with the test build's
 * JavaScript stand-in kernel, execution events and getErrorOutput work end to end; with the
 * test-only package mirror the e2e server serves (playwright.config.ts), real numpy runs in the
 * workspace.
 */
import { expect, test } from '@playwright/test';

import {
  moduleNumbered,
  notebookFrame,
  replaceCellText,
  serverLogLines,
  signUpStudent,
} from '../workspace/helpers';
import {
  blockOutsideRequests,
  blockPyodideMirror,
  bridgeEvents,
  callBridge,
  notebookUrl,
  openHost,
  readNotebook,
  waitForBridgeReady,
} from './helpers';
import { MIRRORED_NUMPY_VERSION, TEST_MIRROR_DIR } from './test-mirror';

const notebook = readNotebook();

test.describe('Python unreachable', () => {
  test.beforeEach(async ({ context, baseURL }) => {
    await blockOutsideRequests(context, baseURL!);
    await blockPyodideMirror(context);
  });

  test('the bridge says why Python did not start, refuses runs, and the notebook stays editable', async ({
    page,
    baseURL,
  }) => {
    const frame = await openHost(page, { baseURL: baseURL!, notebook: notebookUrl() });
    await waitForBridgeReady(page);
    await expect
      .poll(
        async () =>
          (await bridgeEvents(page)).find(
            (e) => e.event === 'kernel-status' && e.payload['status'] === 'dead',
          ),
        {
          timeout: 60_000,
        },
      )
      .toEqual({
        event: 'kernel-status',
        payload: {
          status: 'dead',
          message: "Python's packages could not be downloaded. Check the internet connection.",
          // Without the CDN, micropip is missing; without the app's mirror, its lock already is.
          detail: expect.stringMatching(
            /^(?:.*ModuleNotFoundError: .*micropip.*|Failed to fetch)\nPackages: https?:\/\//,
          ),
        },
      });
    // The notebook itself shows no banner: the workspace page shows the one notice.
    await expect(frame.getByText(/could not start/)).toHaveCount(0);

    // A code cell run now is refused at once, and its prompt does not turn to [*].
    const codeIndex = notebook.cells.findIndex((cell) => cell.cell_type === 'code');
    const cell = frame.locator('.jp-Notebook .jp-Cell').nth(codeIndex);
    await cell.locator('.jp-InputArea-editor').click();
    await page.keyboard.press('Control+Enter');
    await expect
      .poll(async () => (await bridgeEvents(page)).filter((e) => e.event === 'run-refused'), {
        timeout: 3_000,
      })
      .toEqual([{ event: 'run-refused', payload: { index: codeIndex } }]);
    await expect(cell.locator('.jp-InputPrompt')).not.toContainText('*');

    // Still editable: type into a code cell and read it back through the bridge.
    const editor = frame
      .locator('.jp-Notebook .jp-Cell')
      .nth(codeIndex)
      .locator('.jp-InputArea-editor');
    await editor.click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type('\n# my edit');
    await expect.poll(() => callBridge<string>(page, 'getCurrentCellCode')).toContain('# my edit');
    await expect
      .poll(async () => (await bridgeEvents(page)).some((e) => e.event === 'dirty'))
      .toBe(true);
  });
});

test.describe('test kernel (JavaScript stand-in for Pyodide)', () => {
  test.beforeEach(async ({ context, baseURL }) => {
    await blockOutsideRequests(context, baseURL!);
  });

  test('cell-executed events and getErrorOutput follow real executions', async ({
    page,
    baseURL,
  }) => {
    const frame = await openHost(page, {
      baseURL: baseURL!,
      notebook: notebookUrl({ testKernel: true }),
    });
    await waitForBridgeReady(page);
    await expect(frame.locator('.jp-KernelName')).toContainText('Test kernel');
    await callBridge(page, 'setNotebookState', {
      nbformat: 4,
      nbformat_minor: 5,
      metadata: notebook.metadata,
      cells: [
        {
          cell_type: 'code',
          id: 'ok',
          metadata: {},
          execution_count: null,
          outputs: [],
          source: 'print("hello", 42)',
        },
        {
          cell_type: 'code',
          id: 'bad',
          metadata: {},
          execution_count: null,
          outputs: [],
          source: 'x = 1\nraise ValueError("bad shape")',
        },
      ],
    });
    await expect
      .poll(async () =>
        (await bridgeEvents(page)).some(
          (e) => e.event === 'kernel-status' && e.payload['status'] === 'idle',
        ),
      )
      .toBe(true);

    const cells = frame.locator('.jp-Notebook .jp-Cell');
    await cells.nth(0).locator('.jp-InputArea-editor').click();
    await page.keyboard.press('Shift+Enter');
    await expect(cells.nth(0).locator('.jp-OutputArea-output')).toHaveText('hello 42');
    await expect
      .poll(async () => (await bridgeEvents(page)).filter((e) => e.event === 'cell-executed'))
      .toEqual([{ event: 'cell-executed', payload: { index: 0, success: true } }]);
    expect(await callBridge(page, 'getErrorOutput')).toBeNull();

    await cells.nth(1).locator('.jp-InputArea-editor').click();
    await frame
      .locator('.jp-NotebookPanel-toolbar [data-command="notebook:run-cell-and-select-next"]')
      .click();
    await expect
      .poll(async () =>
        (await bridgeEvents(page)).filter((e) => e.event === 'cell-executed').at(-1),
      )
      .toEqual({
        event: 'cell-executed',
        payload: { index: 1, success: false, ename: 'ValueError', evalue: 'bad shape' },
      });
    const errorText = await callBridge<string>(page, 'getErrorOutput');
    expect(errorText).toContain('ValueError: bad shape');
    expect(errorText).toContain('raise ValueError("bad shape")');
    expect(errorText).not.toContain('\u001b');

    // A later successful run clears it; the kernel is the same one (the count goes on).
    await cells.nth(0).locator('.jp-InputArea-editor').click();
    await page.keyboard.press('Shift+Enter');
    await expect(cells.nth(0).locator('.jp-InputPrompt')).toContainText('[3]');
    await expect.poll(() => callBridge(page, 'getErrorOutput')).toBeNull();

    // setNotebookState keeps the kernel: the execution count continues after a restore.
    const state = await callBridge(page, 'getNotebookState');
    await callBridge(page, 'setNotebookState', state);
    await cells.nth(0).locator('.jp-InputArea-editor').click();
    await page.keyboard.press('Shift+Enter');
    await expect(cells.nth(0).locator('.jp-InputPrompt')).toContainText('[4]');
  });
});

test.describe('real Pyodide from the test mirror the app serves', () => {
  test('the workspace runs numpy, shows a real traceback, sends it to the tutor, and passes a check', async ({
    page,
    context,
    baseURL,
  }) => {
    const reason = process.env.E2E_PYODIDE_MIRROR
      ? ''
      : `no test mirror at ${TEST_MIRROR_DIR}, so the app serves no Python packages (Pyodide's CDN is out of reach here)`;
    if (reason) console.log(`Skipping the real-numpy test: ${reason}`);
    test.skip(reason !== '', reason);
    // One kernel start for every step: about 15 s on an idle two-core machine.
    test.setTimeout(240_000);
    const outside = await blockOutsideRequests(context, baseURL!);

    const student = await signUpStudent(page, baseURL!);
    const module = moduleNumbered(student, 1);
    const opened = performance.now();
    await page.goto(`/workspace/${module.id}`);
    const frame = notebookFrame(page);
    const cells = frame.locator('.jp-Notebook .jp-Cell');
    const output = (index: number) => cells.nth(index).locator('.jp-OutputArea-output');
    await expect(cells.first()).toBeVisible({ timeout: 45_000 });
    await expect(page.getByTestId('save-state')).not.toHaveAttribute('data-state', 'loading', {
      timeout: 45_000,
    });
    const cellsOfModule = readNotebook(module.notebook_filename).cells;
    const tutorOf = (index: number) =>
      (cellsOfModule[index]?.metadata['tutor'] ?? {}) as { exercise?: string; role?: string };
    const cellOf = (exercise: string | undefined, role: string) =>
      cellsOfModule.findIndex(
        (_, index) => tutorOf(index).exercise === exercise && tutorOf(index).role === role,
      );
    const checks = cellOf(undefined, 'checks');
    const answer = cellOf('m1-ex1-create-arrays', 'solution');
    const check = cellOf('m1-ex1-create-arrays', 'check');
    expect([checks, answer, check].every((index) => index > 0)).toBe(true);

    await test.step('import numpy prints the Pyodide build students get', async () => {
      const first = cellsOfModule.findIndex((cell) => cell.cell_type === 'code');
      await replaceCellText(page, frame, first, 'import numpy as np\nprint(np.__version__)');
      await page.keyboard.press('Control+Enter');
      await expect(output(first)).toHaveText(MIRRORED_NUMPY_VERSION, { timeout: 180_000 });
      test.info().annotations.push({
        type: 'workspace opened to numpy printed (kernel start + first import), s',
        description: ((performance.now() - opened) / 1000).toFixed(1),
      });
      await expect(frame.locator('.jp-KernelName')).toContainText('Pyodide');
      await expect(page.getByText(/could not start/).filter({ visible: true })).toHaveCount(0);
      await expect(
        frame.getByText(/could not start|cannot run/).filter({ visible: true }),
      ).toHaveCount(0);
    });

    await test.step('the module checks load (the self-check cell)', async () => {
      // Its source is collapsed in the workspace: select the cell by its prompt and run it.
      await cells.nth(checks).locator('.jp-InputPrompt').click();
      await page.keyboard.press('Control+Enter');
      await expect(cells.nth(checks).locator('.jp-InputPrompt')).toContainText(/\[\d+\]/, {
        timeout: 30_000,
      });
    });

    const wrong =
      'zeros_3x4 = np.zeros(3, 4)\nevens = np.arange(0, 20, 2)\ngrid = np.linspace(0, 1, 5)';
    await test.step('a wrong answer shows its real traceback', async () => {
      await replaceCellText(page, frame, answer, wrong);
      await page.keyboard.press('Control+Enter');
      await expect(output(answer)).toContainText("TypeError: Cannot interpret '4' as a data type", {
        timeout: 30_000,
      });
      await expect(output(answer)).toContainText('np.zeros(3, 4)');
    });

    await test.step('one click asks the tutor, with the cell and its real error', async () => {
      // The bridge names it as Python prints it (the Pyodide kernel says "<class 'TypeError'>").
      const banner = page.getByText("A cell failed: TypeError: Cannot interpret '4' as a data type");
      await expect(banner).toBeVisible();
      await page.getByRole('button', { name: 'Ask the tutor about this error' }).click();
      await expect(page.locator('[data-role="user"]').last()).toContainText('TypeError');
      await expect(page.locator('[data-role="assistant"]').last()).toContainText(/\S/, {
        timeout: 30_000,
      });
      await expect(banner).toBeHidden();
      // The server received this cell's code and the traceback (the log holds sizes, never text).
      await expect
        .poll(() =>
          serverLogLines().find(
            (line) => line['msg'] === 'tutor turn' && line['cell_code_chars'] === wrong.length,
          ),
        )
        .toMatchObject({ error_output_chars: expect.any(Number) });
      const turn = serverLogLines().find(
        (line) => line['msg'] === 'tutor turn' && line['cell_code_chars'] === wrong.length,
      );
      expect(turn?.['error_output_chars']).toBeGreaterThan(
        "TypeError: Cannot interpret '4' as a data type".length,
      );
    });

    await test.step('the fixed answer passes its check', async () => {
      await replaceCellText(
        page,
        frame,
        answer,
        'zeros_3x4 = np.zeros((3, 4))\nevens = np.arange(0, 21, 2)\ngrid = np.linspace(0, 1, 5)',
      );
      await page.keyboard.press('Control+Enter');
      await expect(cells.nth(answer).locator('.jp-InputPrompt')).toContainText(/\[\d+\]/);
      await expect(output(answer)).toHaveCount(0);
      await frame
        .locator('.jp-Notebook .jp-Cell')
        .nth(check)
        .locator('.jp-InputArea-editor')
        .click();
      await page.keyboard.press('Control+Enter');
      await expect(output(check)).toContainText('✅ Passed', { timeout: 30_000 });
      await expect(output(check)).not.toContainText('Not yet');
    });

    expect(outside).toEqual([]);
    await expect(page.getByText(/could not start/).filter({ visible: true })).toHaveCount(0);
  });
});
