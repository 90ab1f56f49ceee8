/**
 * Fills a folder with the Pyodide package files the lab needs (`npm run pyodide:mirror`), for the
 * app to serve under /pyodide/ (PYODIDE_MIRROR_DIR). Every file is checked against the sha256 of
 * the pinned Pyodide's lock before it lands: a file that differs is refused and nothing is written
 * for it.
 */
import { createHash, randomBytes } from 'node:crypto';
import {
  createReadStream,
  createWriteStream,
  existsSync,
  readFileSync,
  readdirSync,
} from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import { repoRoot } from './stamps';

export const PYODIDE_PACKAGE_DIR = join(repoRoot, 'jupyterlite', 'node_modules', 'pyodide');
export const LOCK_FILE = 'pyodide-lock.json';

/**
 * What the JupyterLite kernel (`@jupyterlite/pyodide-kernel` 0.8.6) loads from the lock as it
 * starts: micropip, then IPython (its dependencies follow from the lock) and jedi. (Its `comm`
 * is not in Pyodide's lock: the kernel takes it from the Python package index.)
 */
export const KERNEL_PACKAGES = ['micropip', 'ipython', 'jedi'];

interface LockPackage {
  name: string;
  file_name: string;
  sha256: string;
  depends: string[];
  imports?: string[];
}
export interface PyodideLock {
  info: Record<string, unknown>;
  packages: Record<string, LockPackage>;
}

export const INSTALLED_LOCK = join(PYODIDE_PACKAGE_DIR, LOCK_FILE);

function readLockText(path: string): string {
  if (!existsSync(path)) {
    throw new Error(
      `${path} is missing: install the lab's packages (npm ci --prefix jupyterlite).`,
    );
  }
  return readFileSync(path, 'utf8');
}

export function installedPyodideVersion(): string {
  const pkg = JSON.parse(readFileSync(join(PYODIDE_PACKAGE_DIR, 'package.json'), 'utf8')) as {
    version: string;
  };
  return pkg.version;
}

export function defaultSource(version: string): string {
  return `https://cdn.jsdelivr.net/pyodide/v${version}/full/`;
}

/** Python's package name normalisation (PEP 503): the lock's `depends` spell names both ways. */
const normalise = (name: string): string => name.toLowerCase().replace(/[-_.]+/g, '-');

/** The top-level modules the notebooks' code cells import (`import x`, `from x import ...`). */
export function notebookImports(notebooksDir = join(repoRoot, 'notebooks')): string[] {
  const names = new Set<string>();
  for (const file of readdirSync(notebooksDir).filter((name) => name.endsWith('.ipynb'))) {
    const notebook = JSON.parse(readFileSync(join(notebooksDir, file), 'utf8')) as {
      cells: { cell_type: string; source: string | string[] }[];
    };
    for (const cell of notebook.cells.filter((c) => c.cell_type === 'code')) {
      const source = Array.isArray(cell.source) ? cell.source.join('') : cell.source;
      for (const match of source.matchAll(/^\s*(?:import|from)\s+([A-Za-z_]\w*)/gm)) {
        names.add(match[1]!);
      }
    }
  }
  return [...names].sort();
}

/**
 * The lock's packages for `roots` (package or module names; names the lock does not know, such
 * as the standard library's, are skipped) and everything they depend on, sorted by name.
 */
export function packagesFor(lock: PyodideLock, roots: string[]): LockPackage[] {
  const byName = new Map<string, LockPackage>();
  for (const entry of Object.values(lock.packages)) {
    byName.set(normalise(entry.name), entry);
    for (const module of entry.imports ?? []) {
      if (!byName.has(normalise(module))) byName.set(normalise(module), entry);
    }
  }
  const chosen = new Map<string, LockPackage>();
  const visit = (name: string) => {
    const entry = byName.get(normalise(name));
    if (entry === undefined || chosen.has(entry.name)) return;
    chosen.set(entry.name, entry);
    entry.depends.forEach(visit);
  };
  roots.forEach(visit);
  return [...chosen.values()].sort((a, b) => a.name.localeCompare(b.name));
}

async function sha256OfFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(createReadStream(path), hash);
  return hash.digest('hex');
}

export type FileOutcome =
  | { file: string; status: 'downloaded' | 'present'; bytes: number }
  | { file: string; status: 'refused'; reason: string };

/**
 * Downloads `entry` into `dir` through a temporary file, renamed into place only when its sha256
 * is the lock's; a file already there with the right hash is kept.
 */
async function fetchVerified(
  entry: LockPackage,
  source: string,
  dir: string,
): Promise<FileOutcome> {
  const file = entry.file_name;
  const target = join(dir, file);
  if (existsSync(target) && (await sha256OfFile(target)) === entry.sha256) {
    return { file, status: 'present', bytes: readFileSync(target).length };
  }
  const url = new URL(file, source).href;
  let response: Response;
  try {
    response = await fetch(url, { signal: AbortSignal.timeout(120_000) });
  } catch (error) {
    return { file, status: 'refused', reason: `${url} could not be fetched (${String(error)})` };
  }
  if (!response.ok || response.body === null) {
    return { file, status: 'refused', reason: `${url} answered ${response.status}` };
  }
  const partial = join(dir, `.${file}.${randomBytes(6).toString('hex')}.partial`);
  const hash = createHash('sha256');
  let bytes = 0;
  const hashing = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      bytes += chunk.length;
      done(null, chunk);
    },
  });
  try {
    await pipeline(Readable.fromWeb(response.body as NodeReadableStream<Uint8Array>), hashing, createWriteStream(partial));
  } catch (error) {
    await rm(partial, { force: true });
    return { file, status: 'refused', reason: `${url} broke off (${String(error)})` };
  }
  const actual = hash.digest('hex');
  if (actual !== entry.sha256) {
    await rm(partial, { force: true });
    return {
      file,
      status: 'refused',
      reason: `${url} has sha256 ${actual}, but the lock says ${entry.sha256}: not the official file`,
    };
  }
  await rename(partial, target);
  return { file, status: 'downloaded', bytes };
}

export interface MirrorOptions {
  dir: string;
  /** Where the files are downloaded from (a folder URL). */
  source: string;
  /** The lock the files are checked against, copied into `dir` as it is. */
  lockFile: string;
  /** Package or module names to mirror, with their dependencies. */
  packages: string[];
  log?: (line: string) => void;
}

export interface MirrorResult {
  outcomes: FileOutcome[];
  /** True when every file is in place and the lock was written. */
  complete: boolean;
}

/**
 * Fills `dir` one file at a time. The lock is written last, and only when every file is in place:
 * the app refuses to serve a folder without it, so a partly filled mirror is never used.
 */
export async function fillMirror(options: MirrorOptions): Promise<MirrorResult> {
  const log = options.log ?? console.log;
  const source = options.source.endsWith('/') ? options.source : `${options.source}/`;
  const lockText = readLockText(options.lockFile);
  await mkdir(options.dir, { recursive: true });
  const entries = packagesFor(JSON.parse(lockText) as PyodideLock, options.packages);
  log(`Mirroring ${entries.length} files from ${source} into ${options.dir}`);
  const outcomes: FileOutcome[] = [];
  for (const entry of entries) {
    const outcome = await fetchVerified(entry, source, options.dir);
    outcomes.push(outcome);
    if (outcome.status === 'refused') log(`  refused    ${outcome.file}: ${outcome.reason}`);
    else log(`  ${outcome.status.padEnd(10)} ${outcome.file} (${kilobytes(outcome.bytes)})`);
  }
  const refused = outcomes.filter((outcome) => outcome.status === 'refused');
  if (refused.length > 0) {
    log(
      `${refused.length} of ${entries.length} files refused; ${LOCK_FILE} not written, so the ` +
        'app will not serve this folder yet.',
    );
    return { outcomes, complete: false };
  }
  await writeFile(join(options.dir, LOCK_FILE), lockText);
  log(
    `${entries.length} of ${entries.length} files verified; wrote ${LOCK_FILE}. Serve it with PYODIDE_MIRROR_DIR=${options.dir}`,
  );
  return { outcomes, complete: true };
}

const kilobytes = (bytes: number): string => `${Math.round(bytes / 1024)} KB`;
