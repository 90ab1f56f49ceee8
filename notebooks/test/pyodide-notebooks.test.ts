// The notebooks on real Pyodide (the npm package the JupyterLite site ships, in Node) with the
// official numpy wheel: the same runs as notebooks.test.ts, on the Python and NumPy students get.
// See notebooks/README.md, "Validation on Pyodide".
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectEveryCheckPasses, expectNotYet, wrongAnswerRounds } from './check-expectations';
import {
  cellsOf,
  exerciseIds,
  notebookFiles,
  readNotebook,
  readTutor,
  referenceSolutions,
  sourceOf,
  withSolutions,
  type Notebook,
} from './notebook-tools';
import {
  PYODIDE_DIR,
  PyodideNotebookRunner,
  SHARED_PYODIDE_DIR,
  WHEELS,
  pyodidePackage,
  verifiedWheel,
} from './pyodide-runner';

const START_TIMEOUT = 120_000;
const RUN_TIMEOUT = 120_000;
const files = notebookFiles();

describe('Pyodide in Node for the notebook tests', () => {
  it('is the npm pyodide of jupyterlite/, the version @jupyterlite/pyodide-kernel pins', () => {
    const { version, pinned } = pyodidePackage();
    expect(version).toBe(pinned);
  });

  it.each(WHEELS)(
    `finds the official %s wheel in ${SHARED_PYODIDE_DIR} (sha256 from the Pyodide lock)`,
    (name) => {
      expect(verifiedWheel(name)).toMatch(/\.whl$/);
    },
  );
});

describe.each(files)('%s on Pyodide', (file) => {
  const nb = readNotebook(file);
  const ids = exerciseIds(nb);
  const times: string[] = [];
  let runner: PyodideNotebookRunner | undefined;
  let started = 0;

  /** Runs the notebook on this file's interpreter and notes how long it took. */
  async function execute(what: string, notebook: Notebook): Promise<Notebook> {
    if (runner === undefined) throw new Error('Pyodide did not start (see the first error).');
    const t0 = performance.now();
    const out = await runner.execute(notebook);
    times.push(`${what} ${seconds(t0)}`);
    return out;
  }

  beforeAll(async () => {
    started = performance.now();
    runner = await PyodideNotebookRunner.start();
    const standIns = runner.standIns.length > 0 ? `, stand-ins: ${runner.standIns.join(', ')}` : '';
    times.push(`start ${seconds(started)} (${PYODIDE_DIR}${standIns})`);
  }, START_TIMEOUT);

  afterAll(() => {
    runner = undefined;
    console.log(`[pyodide] ${file}: ${seconds(started)} in all; ${times.join(', ')}`);
  });

  it(
    'every check passes with the reference solutions',
    async () => {
      const out = await execute(
        'solutions',
        withSolutions(nb, referenceSolutions(readTutor(file))),
      );
      expectEveryCheckPasses(out, ids);
    },
    RUN_TIMEOUT,
  );

  it(
    "as shipped, every check says 'not yet'",
    async () => {
      const out = await execute('as shipped', nb);
      const placeholders = Object.fromEntries(
        ids.map((id) => [id, sourceOf(cellsOf(nb, id, 'solution')[0])]),
      );
      expectNotYet(out, placeholders);
    },
    RUN_TIMEOUT,
  );

  wrongAnswerRounds(ids).forEach((answers, round) => {
    it(
      `rejects typical wrong answers (round ${round + 1})`,
      async () => {
        const out = await execute(
          `wrong answers ${round + 1}`,
          withSolutions(nb, { ...referenceSolutions(readTutor(file)), ...answers }),
        );
        expectNotYet(out, answers);
      },
      RUN_TIMEOUT,
    );
  });
});

const seconds = (since: number): string => `${((performance.now() - since) / 1000).toFixed(1)} s`;
