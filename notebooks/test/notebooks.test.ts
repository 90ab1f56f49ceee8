// Validation of the learning-module notebooks (see notebooks/README.md for the format).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectEveryCheckPasses, expectNotYet } from './check-expectations';
import {
  EXERCISE_ROLES,
  NOTEBOOKS_DIR,
  assertPythonReady,
  cellsOf,
  executeNotebook,
  exerciseIds,
  exerciseOf,
  notebookFiles,
  readNotebook,
  readTutor,
  referenceSolutions,
  role,
  runPython,
  sourceOf,
  tutorPath,
  withSolutions,
  type Notebook,
} from './notebook-tools';

const RUN_TIMEOUT = 240_000;
const files = notebookFiles();

// Python APIs that differ between NumPy 1.24 (Debian) and 2.x (Pyodide), or that break §13.
const FORBIDDEN: [RegExp, string][] = [
  [
    /\bnp\.(trapz|trapezoid|in1d|row_stack|product|cumproduct|alltrue|sometrue|asfarray|msort|round_)\b/,
    'API renamed or removed in NumPy 2',
  ],
  [
    /\bnp\.(float_|complex_|string_|unicode_|NaN|Inf|NINF|PINF|infty|RankWarning|cast)\b/,
    'alias removed in NumPy 2',
  ],
  [/copy\s*=\s*False/, 'copy=False changed meaning in NumPy 2'],
  [
    /\bopen\(|\burllib\b|\brequests\b|\bhttp\b|np\.(load|save|genfromtxt|loadtxt)\b|read_csv/,
    'no files or network in Pyodide',
  ],
];
// Only what the Pyodide run has (pyodide-notebooks.test.ts): the verified numpy wheel, the
// standard library and the matplotlib stand-in. SciPy, pandas and SymPy are not available there.
const ALLOWED_IMPORTS = new Set(['numpy', 'matplotlib', 'math', 'hashlib']);

describe('notebooks/ inventory', () => {
  it('has the three modules of the seed', () => {
    expect(files).toEqual(
      expect.arrayContaining([
        'module_01_intro_to_numpy.ipynb',
        'module_02_linear_algebra.ipynb',
        'module_03_interpolation.ipynb',
      ]),
    );
  });

  it('uses exercise ids that are unique across all modules', () => {
    const ids = files.flatMap((f) => exerciseIds(readNotebook(f)));
    expect(ids.length).toBe(new Set(ids).size);
  });
});

describe.each(files)('%s', (file) => {
  const nb = readNotebook(file);
  const ids = exerciseIds(nb);
  const executed = new Map<string, Promise<Notebook>>();
  const run = (mode: string, notebook: () => Notebook) => {
    if (!executed.has(mode)) executed.set(mode, executeNotebook(notebook()));
    return executed.get(mode) as Promise<Notebook>;
  };

  beforeAll(() => assertPythonReady());

  it('validates against the nbformat 4 JSON schema (python3-nbformat)', () => {
    const r = runPython([
      '-c',
      'import sys, nbformat; nb = nbformat.read(sys.argv[1], as_version=nbformat.NO_CONVERT); ' +
        'nbformat.validate(nb, version=4); print(nb.nbformat, nb.nbformat_minor)',
      join(NOTEBOOKS_DIR, file),
    ]);
    expect(r.stderr).toBe('');
    expect(r.stdout.trim()).toBe('4 5');
  });

  it('has the Pyodide kernelspec, cell ids and no outputs', () => {
    expect(nb.metadata.kernelspec).toMatchObject({
      name: 'python',
      display_name: 'Python (Pyodide)',
    });
    expect(nb.metadata.language_info?.name).toBe('python');
    const cellIds = nb.cells.map((c) => c.id);
    expect(new Set(cellIds).size).toBe(cellIds.length);
    for (const cell of nb.cells) {
      expect(cell.id).toMatch(/^[A-Za-z0-9_-]{1,64}$/);
      if (cell.cell_type === 'code') {
        expect(cell.outputs, cell.id).toEqual([]);
        expect(cell.execution_count, cell.id).toBeNull();
      }
    }
    expect(nb.cells[0]?.cell_type).toBe('markdown');
    expect(sourceOf(nb.cells[0])).toMatch(/^# /);
  });

  it('has 6 to 10 exercises in the authoring format', () => {
    expect(ids.length).toBeGreaterThanOrEqual(6);
    expect(ids.length).toBeLessThanOrEqual(10);
    expect(nb.cells.filter((c) => role(c) === 'checks')).toHaveLength(1);
    const firstExercise = nb.cells.findIndex((c) => exerciseOf(c) !== undefined);
    expect(nb.cells.findIndex((c) => role(c) === 'checks')).toBeLessThan(firstExercise);
    for (const cell of nb.cells) {
      if (cell.metadata.tutor === undefined || role(cell) === 'checks') continue;
      expect(EXERCISE_ROLES, cell.id).toContain(role(cell));
      expect(exerciseOf(cell), cell.id).toMatch(/^m\d+-ex\d+-[a-z0-9-]+$/);
      expect(cell.cell_type, cell.id).toBe(role(cell) === 'prompt' ? 'markdown' : 'code');
    }
    for (const id of ids) {
      expect(cellsOf(nb, id, 'prompt'), id).toHaveLength(1);
      expect(cellsOf(nb, id, 'solution'), id).toHaveLength(1);
      expect(cellsOf(nb, id, 'check'), id).toHaveLength(1);
      const [check] = cellsOf(nb, id, 'check');
      expect(sourceOf(check), id).toMatch(/\bcheck_\w+\(/);
      const order = EXERCISE_ROLES.flatMap((r) =>
        cellsOf(nb, id, r).map((c) => nb.cells.indexOf(c)),
      );
      expect(order, `${id}: prompt, starter, solution, check in this order`).toEqual(
        [...order].sort((a, b) => a - b),
      );
    }
  });

  it('has a tutor file with a 4-level hint ladder and a solution for every exercise', () => {
    expect(existsSync(tutorPath(file))).toBe(true);
    const tutor = readTutor(file);
    expect(tutor.notebook).toBe(file);
    expect(tutor.exercises.map((e) => e.id)).toEqual(ids);
    for (const ex of tutor.exercises) {
      for (const key of ['title', 'prompt', 'solution', 'explanation'] as const) {
        expect(typeof ex[key] === 'string' && ex[key].trim().length > 0, `${ex.id}.${key}`).toBe(
          true,
        );
      }
      expect(ex.concepts.length, `${ex.id}.concepts`).toBeGreaterThan(0);
      expect(ex.hints, `${ex.id}.hints`).toHaveLength(4);
      for (const hint of ex.hints) expect(hint.trim().length, `${ex.id} hint`).toBeGreaterThan(20);
    }
  });

  it('keeps the reference solutions out of the notebook', () => {
    const tutor = readTutor(file);
    const code = nb.cells.filter((c) => c.cell_type === 'code').map(sourceOf);
    for (const ex of tutor.exercises) {
      const solution = ex.solution.trim();
      expect(sourceOf(cellsOf(nb, ex.id, 'solution')[0]).trim(), ex.id).not.toBe(solution);
      expect(
        code.some((src) => src.includes(solution)),
        ex.id,
      ).toBe(false);
    }
  });

  it('imports only NumPy, matplotlib, math and hashlib and avoids version-dependent NumPy APIs', () => {
    const tutor = readTutor(file);
    const sources: [string, string][] = [
      ...nb.cells
        .filter((c) => c.cell_type === 'code')
        .map((c): [string, string] => [c.id, sourceOf(c)]),
      ...tutor.exercises.map((e): [string, string] => [`${e.id} (solution)`, e.solution]),
    ];
    for (const [where, src] of sources) {
      for (const [pattern, why] of FORBIDDEN) expect(src, `${where}: ${why}`).not.toMatch(pattern);
      for (const m of src.matchAll(/^\s*(?:import|from)\s+([\w.]+)/gm)) {
        const module = (m[1] ?? '').split('.')[0] ?? '';
        expect(
          ALLOWED_IMPORTS.has(module),
          `${where}: import ${m[1]} (the Pyodide run has only ${[...ALLOWED_IMPORTS].join(', ')})`,
        ).toBe(true);
      }
    }
  });

  it(
    'runs top to bottom with the reference solutions and every check passes',
    async () => {
      const out = await run('solutions', () =>
        withSolutions(nb, referenceSolutions(readTutor(file))),
      );
      expectEveryCheckPasses(out, ids);
    },
    RUN_TIMEOUT,
  );

  it(
    "as the student gets it, runs without errors and every check reports 'not yet'",
    async () => {
      const out = await run('student', () => nb);
      const placeholders = Object.fromEntries(
        ids.map((id) => [id, sourceOf(cellsOf(nb, id, 'solution')[0])]),
      );
      expectNotYet(out, placeholders);
    },
    RUN_TIMEOUT,
  );

  // The typical wrong answers run on Pyodide only (pyodide-notebooks.test.ts), the NumPy students
  // get: here each round cost a kernel start and a full run, over a minute of CI for the same checks.
});
