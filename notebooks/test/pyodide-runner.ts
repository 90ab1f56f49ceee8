// Runs notebooks on real Pyodide in Node: the npm `pyodide` package that the JupyterLite site
// ships (jupyterlite/node_modules/pyodide) with the official numpy wheel from ../shared/pyodide,
// verified against that package's lock file. Nothing is downloaded: Pyodide's CDN is out of reach.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { NOTEBOOKS_DIR, sourceOf, type Cell, type Notebook, type Output } from './notebook-tools';

export const REPO_DIR = resolve(NOTEBOOKS_DIR, '..');
const JUPYTERLITE_DIR = join(REPO_DIR, 'jupyterlite');
export const PYODIDE_DIR = join(JUPYTERLITE_DIR, 'node_modules', 'pyodide');
const KERNEL_PACKAGE = join(JUPYTERLITE_DIR, 'node_modules', '@jupyterlite', 'pyodide-kernel');
/** Official Pyodide build files, beside the repository (see its README). */
export const SHARED_PYODIDE_DIR = resolve(REPO_DIR, '..', 'shared', 'pyodide');
const STAND_INS_DIR = join(NOTEBOOKS_DIR, 'test', 'pyodide-stand-ins');
/** Where the stand-ins go in Pyodide's in-memory file system (put first on sys.path). */
const STAND_INS_TARGET = '/home/pyodide/stand-ins';

/** The packages loaded from ../shared/pyodide: what the notebooks import besides the stdlib. */
export const WHEELS = ['numpy'];
/** Loaded from notebooks/test/pyodide-stand-ins when Pyodide has no real copy (see README). */
export const STAND_INS = ['matplotlib'];

// The part of Pyodide's API used here (its own types live in jupyterlite/node_modules, which the
// root TypeScript project does not see).
interface PyProxy {
  destroy(): void;
}
interface Writer {
  write: (buffer: Uint8Array) => number;
}
interface Pyodide {
  FS: { mkdirTree(path: string): void; writeFile(path: string, data: string): void };
  loadPackage(
    names: string[],
    options: { messageCallback: (m: string) => void; errorCallback: (m: string) => void },
  ): Promise<unknown>;
  runPython(code: string): unknown;
  setStdout(options: Writer): void;
  setStderr(options: Writer): void;
}
/** A Python coroutine function: runs a cell's source in a namespace. */
type RunCell = (source: string, namespace: PyProxy) => Promise<unknown>;
type LoadPyodide = (options: { indexURL: string; packageCacheDir: string }) => Promise<Pyodide>;

const readJson = <T>(path: string): T => JSON.parse(readFileSync(path, 'utf8')) as T;

/** The installed `pyodide` package, checked against what jupyterlite/ and its kernel pin. */
export function pyodidePackage(): { version: string; pinned: string; lockFile: string } {
  const declared = readJson<{ dependencies?: Record<string, string> }>(
    join(JUPYTERLITE_DIR, 'package.json'),
  ).dependencies?.pyodide;
  if (declared === undefined) {
    throw new Error(
      'jupyterlite/package.json has no "pyodide" dependency: the test loads that one.',
    );
  }
  if (!existsSync(join(PYODIDE_DIR, 'package.json')) || !existsSync(KERNEL_PACKAGE)) {
    throw new Error(
      `${PYODIDE_DIR} is not installed: run \`npm ci --prefix jupyterlite\` (\`npm test\` does).`,
    );
  }
  const { version } = readJson<{ version: string }>(join(PYODIDE_DIR, 'package.json'));
  const kernel = readJson<{ version: string; devDependencies?: Record<string, string> }>(
    join(KERNEL_PACKAGE, 'package.json'),
  );
  const pinned = kernel.devDependencies?.pyodide ?? '(none)';
  if (version !== pinned) {
    throw new Error(
      `pyodide ${version} is installed, but @jupyterlite/pyodide-kernel ${kernel.version} is built ` +
        `for pyodide ${pinned}: pin "pyodide": "${pinned}" in jupyterlite/package.json.`,
    );
  }
  return { version, pinned, lockFile: join(PYODIDE_DIR, 'pyodide-lock.json') };
}

export const sha256Of = (path: string): string =>
  createHash('sha256').update(readFileSync(path)).digest('hex');

/**
 * The wheel of `name` in `dir`, if its sha256 is the one the installed Pyodide lock lists;
 * otherwise an error that names the path and the expected hash. Never trusted by its name.
 */
export function verifiedWheel(name: string, dir = SHARED_PYODIDE_DIR): string {
  const { version, lockFile } = pyodidePackage();
  const lock = readJson<{ packages: Record<string, { file_name: string; sha256: string }> }>(
    lockFile,
  );
  const entry = lock.packages[name];
  if (entry === undefined) throw new Error(`${lockFile} lists no package "${name}".`);
  const path = join(dir, entry.file_name);
  const wanted = `the official Pyodide ${version} build with sha256 ${entry.sha256} (${lockFile})`;
  if (!existsSync(path)) {
    const present = existsSync(dir)
      ? readdirSync(dir).join(', ') || 'nothing'
      : 'the folder does not exist';
    throw new Error(`${path} is missing: it must be ${wanted}. In ${dir}: ${present}.`);
  }
  const actual = sha256Of(path);
  if (actual !== entry.sha256) {
    throw new Error(`${path} has sha256 ${actual}, but it must be ${wanted}.`);
  }
  return path;
}

/** While Pyodide starts, any download fails (it would go to the CDN, which is out of reach). */
async function offline<T>(work: () => Promise<T>): Promise<T> {
  const realFetch = globalThis.fetch;
  globalThis.fetch = (input) => {
    const url = input instanceof Request ? input.url : String(input);
    return Promise.reject(new Error(`Pyodide tried to download ${url}; the test runs offline.`));
  };
  try {
    return await work();
  } finally {
    globalThis.fetch = realFetch;
  }
}

/**
 * Runs a cell as the kernel does (top-level `await` allowed) but keeps the value of its last
 * expression in Python: the kernel only displays it, and a value handed to JavaScript whose object
 * has a `then` attribute (the matplotlib stand-in has every attribute) would be awaited forever.
 */
const RUN_CELL = `
import sys
from pyodide.code import eval_code_async


async def run_cell(source, namespace):
    try:
        await eval_code_async(source, namespace, return_mode="none", filename="<cell>")
    finally:
        sys.stdout.flush()
        sys.stderr.flush()


run_cell
`;

/** A stream sink that keeps what Python wrote since the last `take()`. */
class Capture implements Writer {
  private text = '';
  private readonly decoder = new TextDecoder();
  write = (buffer: Uint8Array): number => {
    this.text += this.decoder.decode(buffer, { stream: true });
    return buffer.length;
  };
  take(): string {
    const text = this.text;
    this.text = '';
    return text;
  }
}

/** `ename` and `evalue` of an exception thrown by Pyodide (the last line of the traceback). */
function errorOutput(error: unknown): Output {
  const ename = (error as { type?: string }).type ?? (error as Error).name ?? 'Error';
  const lines = String((error as Error).message ?? error).split('\n');
  const last = lines.reverse().find((line) => line.startsWith(`${ename}:`));
  return { output_type: 'error', ename, evalue: last?.slice(ename.length + 1).trim() ?? '' };
}

/** One Pyodide interpreter that executes notebooks cell by cell, each run in a fresh namespace. */
export class PyodideNotebookRunner {
  private readonly stdout = new Capture();
  private readonly stderr = new Capture();
  private readonly runCell: RunCell;

  private constructor(
    private readonly py: Pyodide,
    /** The stand-ins this interpreter uses (packages it has no real copy of). */
    readonly standIns: string[],
  ) {
    py.setStdout(this.stdout);
    py.setStderr(this.stderr);
    this.runCell = py.runPython(RUN_CELL) as RunCell;
  }

  /** Loads Pyodide and the verified wheels, then installs the stand-ins it needs. */
  static async start(): Promise<PyodideNotebookRunner> {
    const wheels = WHEELS.map((name) => verifiedWheel(name));
    const { loadPyodide } = (await import(
      pathToFileURL(join(PYODIDE_DIR, 'pyodide.mjs')).href
    )) as {
      loadPyodide: LoadPyodide;
    };
    const py = await offline(async () => {
      // packageCacheDir: Node's Pyodide takes a package from this folder when it is there (and
      // checks it against the lock once more) instead of downloading it.
      const loaded = await loadPyodide({
        indexURL: PYODIDE_DIR,
        packageCacheDir: SHARED_PYODIDE_DIR,
      });
      const errors: string[] = [];
      await loaded.loadPackage(WHEELS, {
        messageCallback: () => {},
        errorCallback: (m) => errors.push(m),
      });
      if (errors.length > 0)
        throw new Error(`Pyodide could not load ${wheels.join(', ')}: ${errors.join('; ')}`);
      return loaded;
    });
    return new PyodideNotebookRunner(py, installStandIns(py));
  }

  /** Runs every code cell of `nb` in order, as the browser's kernel would, and returns a copy
   * with the cells' outputs (stream text and errors, as nbclient records them). */
  async execute(nb: Notebook): Promise<Notebook> {
    const copy: Notebook = structuredClone(nb);
    const namespace = this.py.runPython('{"__name__": "__main__"}') as PyProxy;
    try {
      for (const cell of copy.cells) {
        if (cell.cell_type === 'code') cell.outputs = await this.run(cell, namespace);
      }
    } finally {
      namespace.destroy();
    }
    return copy;
  }

  private async run(cell: Cell, namespace: PyProxy): Promise<Output[]> {
    let error: Output | undefined;
    try {
      await this.runCell(sourceOf(cell), namespace);
    } catch (thrown) {
      error = errorOutput(thrown);
    }
    const outputs: Output[] = [
      { output_type: 'stream', name: 'stdout', text: this.stdout.take() },
      { output_type: 'stream', name: 'stderr', text: this.stderr.take() },
    ].filter((output) => output.text !== '');
    return error === undefined ? outputs : [...outputs, error];
  }
}

const importable = (py: Pyodide, name: string): boolean =>
  py.runPython(
    `import importlib.util; importlib.util.find_spec(${JSON.stringify(name)}) is not None`,
  ) === true;

/** Puts notebooks/test/pyodide-stand-ins/<name> first on sys.path for each of STAND_INS that
 * Pyodide cannot import; returns the names it installed. */
function installStandIns(py: Pyodide): string[] {
  const installed = STAND_INS.filter((name) => !importable(py, name));
  for (const name of installed) {
    const from = join(STAND_INS_DIR, name);
    const to = `${STAND_INS_TARGET}/${name}`;
    py.FS.mkdirTree(to);
    for (const file of readdirSync(from).filter((f) => f.endsWith('.py'))) {
      py.FS.writeFile(`${to}/${file}`, readFileSync(join(from, file), 'utf8'));
    }
  }
  if (installed.length > 0) {
    py.runPython(`import sys; sys.path.insert(0, ${JSON.stringify(STAND_INS_TARGET)})`);
  }
  return installed;
}
