// Helpers for the notebook validation tests: reading notebooks and tutor files, inserting
// reference solutions, and executing a notebook with nbclient under Debian's CPython.
import { execFile, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

export const NOTEBOOKS_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** The interpreter that runs the notebooks: it needs numpy, matplotlib,
 * nbformat, nbclient and ipykernel (Debian: python3-numpy … python3-nbclient python3-ipykernel).
 * Not the `python3` on PATH, which may be a bare pyenv interpreter. */
export const PYTHON = process.env.NOTEBOOKS_PYTHON ?? '/usr/bin/python3';
export const CELL_TIMEOUT_SECONDS = 60;

/** The markers every check prints (the notebook bridge reads the same ones). */
export {
  CHECK_NOT_YET_MARKER as FAIL_MARKER,
  CHECK_PASSED_MARKER as PASS_MARKER,
} from '@tutor/shared/exercise-progress';

export type Role = 'prompt' | 'starter' | 'solution' | 'check' | 'checks';
export const EXERCISE_ROLES: readonly Role[] = ['prompt', 'starter', 'solution', 'check'];

export interface Output {
  output_type: string;
  name?: string;
  text?: string | string[];
  ename?: string;
  evalue?: string;
}
export interface Cell {
  cell_type: 'markdown' | 'code' | 'raw';
  id: string;
  metadata: { tutor?: { exercise?: string; role?: Role }; tags?: string[]; [key: string]: unknown };
  source: string | string[];
  outputs?: Output[];
  execution_count?: number | null;
}
export interface Notebook {
  nbformat: number;
  nbformat_minor: number;
  metadata: {
    kernelspec?: { name?: string; display_name?: string; language?: string };
    language_info?: { name?: string };
  };
  cells: Cell[];
}
export interface TutorExercise {
  id: string;
  title: string;
  prompt: string;
  concepts: string[];
  hints: string[];
  solution: string;
  explanation: string;
}
export interface TutorFile {
  notebook: string;
  exercises: TutorExercise[];
}

export const notebookFiles = (): string[] =>
  readdirSync(NOTEBOOKS_DIR)
    .filter((f) => /^module_\d+_\w+\.ipynb$/.test(f))
    .sort();

export const readNotebook = (file: string): Notebook =>
  JSON.parse(readFileSync(join(NOTEBOOKS_DIR, file), 'utf8'));

export const tutorPath = (file: string): string =>
  join(NOTEBOOKS_DIR, 'tutor', file.replace(/\.ipynb$/, '.json'));

export const readTutor = (file: string): TutorFile =>
  JSON.parse(readFileSync(tutorPath(file), 'utf8'));

export const sourceOf = (cell: Cell | undefined): string =>
  cell === undefined ? '' : Array.isArray(cell.source) ? cell.source.join('') : cell.source;

export const outputText = (cell: Cell): string =>
  (cell.outputs ?? [])
    .filter((o) => o.output_type === 'stream')
    .map((o) => (Array.isArray(o.text) ? o.text.join('') : (o.text ?? '')))
    .join('');

export const role = (cell: Cell): Role | undefined => cell.metadata.tutor?.role;
export const exerciseOf = (cell: Cell): string | undefined => cell.metadata.tutor?.exercise;

/** Exercise ids in notebook order (from the cells' metadata). */
export const exerciseIds = (nb: Notebook): string[] => [
  ...new Set(nb.cells.map(exerciseOf).filter((id): id is string => id !== undefined)),
];

export const cellsOf = (nb: Notebook, exercise: string, r: Role): Cell[] =>
  nb.cells.filter((c) => exerciseOf(c) === exercise && role(c) === r);

/** A deep copy of `nb` whose "solution" cells hold the given code (by exercise id). */
export function withSolutions(nb: Notebook, code: Record<string, string>): Notebook {
  const copy: Notebook = structuredClone(nb);
  for (const cell of copy.cells) {
    const id = exerciseOf(cell);
    const src = id === undefined ? undefined : code[id];
    if (role(cell) === 'solution' && src !== undefined) cell.source = src;
  }
  return copy;
}

export const referenceSolutions = (tutor: TutorFile): Record<string, string> =>
  Object.fromEntries(tutor.exercises.map((e) => [e.id, e.solution]));

/** Run a Python one-off with the notebook interpreter. */
export function runPython(args: string[]): {
  status: number | null;
  stdout: string;
  stderr: string;
} {
  const r = spawnSync(PYTHON, args, { encoding: 'utf8' });
  return {
    status: r.status,
    stdout: r.stdout ?? '',
    stderr: (r.stderr ?? '') + (r.error?.message ?? ''),
  };
}

/** Throws with an actionable message if the interpreter lacks a required module. */
export function assertPythonReady(): void {
  const modules = 'numpy matplotlib nbformat nbclient ipykernel';
  const r = runPython(['-c', `import ${modules.split(' ').join(', ')}`]);
  if (r.status !== 0) {
    throw new Error(
      `${PYTHON} cannot import the notebook stack (${modules}). On Debian install: apt-get install ` +
        'python3-numpy python3-matplotlib ' +
        `python3-nbformat python3-nbclient python3-ipykernel\n${r.stderr}`,
    );
  }
}

const execFileAsync = promisify(execFile);

/** Execute a notebook top to bottom (errors are kept in the outputs) and return the result. */
export async function executeNotebook(nb: Notebook): Promise<Notebook> {
  const dir = mkdtempSync(join(tmpdir(), 'nb-run-'));
  try {
    const path = join(dir, 'notebook.ipynb');
    writeFileSync(path, JSON.stringify(nb));
    const { stdout } = await execFileAsync(
      PYTHON,
      [join(NOTEBOOKS_DIR, 'test', 'run_notebook.py'), path, String(CELL_TIMEOUT_SECONDS)],
      {
        cwd: dir,
        maxBuffer: 64 * 1024 * 1024,
        timeout: 10 * 60 * 1000,
        env: {
          ...process.env,
          MPLBACKEND: 'Agg',
          MPLCONFIGDIR: join(tmpdir(), 'nb-test-mplconfig'),
          PYDEVD_DISABLE_FILE_VALIDATION: '1',
        },
      },
    );
    return JSON.parse(stdout) as Notebook;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Error outputs of cells not tagged "raises-exception", as readable strings. */
export const unexpectedErrors = (nb: Notebook): string[] =>
  nb.cells
    .filter((c) => !(c.metadata.tags ?? []).includes('raises-exception'))
    .flatMap((c) =>
      (c.outputs ?? [])
        .filter((o) => o.output_type === 'error')
        .map((o) => `cell ${c.id}: ${o.ename}: ${o.evalue}`),
    );

/** For each exercise, the printed output of its check cell. */
export const checkOutputs = (nb: Notebook): Record<string, string> =>
  Object.fromEntries(
    nb.cells
      .filter((c) => role(c) === 'check')
      .map((c) => [exerciseOf(c) as string, outputText(c)]),
  );

export const count = (text: string | undefined, marker: string): number =>
  (text ?? '').split(marker).length - 1;
