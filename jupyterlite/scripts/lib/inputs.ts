/**
 * The inputs of a build, hashed: when the hash matches the stamp in the output folder, the build
 * is skipped.
 */
import { createHash } from 'node:crypto';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';

import { PROJECT_DIR, REPO_DIR } from './paths';

export interface BuildOptions {
  outDir: string;
  notebooksDir: string;
  withTestKernel: boolean;
  packageBaseUrl: string;
  /** PYODIDE_LOCK_URL, or null for the lock of the site's Pyodide core. */
  lockFileUrl: string | null;
}

/** Files whose content decides the output (besides the notebooks). */
const SOURCE_ROOTS = ['src', 'scripts', 'rspack.config.ts', 'package.json', 'package-lock.json'];
/** The shared modules the bundle imports (`src/bridge`). */
const SHARED_FILES = [
  'shared/src/exercise-progress.ts',
  'shared/src/notebook-bridge.ts',
  'shared/src/notebook-state.ts',
  'shared/src/notebook-trust.ts',
].map((file) => path.join(REPO_DIR, file));

async function listFiles(target: string): Promise<string[]> {
  const entries = await readdir(target, { withFileTypes: true }).catch(() => null);
  if (entries === null) return [target];
  const nested = await Promise.all(
    entries.map((entry) => listFiles(path.join(target, entry.name))),
  );
  return nested.flat();
}

/** The notebooks the site serves: `*.ipynb` directly in the notebooks folder, sorted by name. */
export async function listNotebooks(notebooksDir: string): Promise<string[]> {
  const entries = await readdir(notebooksDir, { withFileTypes: true }).catch(() => []);
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ipynb'))
    .map((entry) => path.join(notebooksDir, entry.name))
    .sort();
}

export async function hashInputs(options: BuildOptions): Promise<string> {
  const hash = createHash('sha256');
  const sources = (
    await Promise.all(SOURCE_ROOTS.map((root) => listFiles(path.join(PROJECT_DIR, root))))
  ).flat();
  const files = [...sources, ...SHARED_FILES].sort();
  for (const file of files) {
    hash.update(`file:${path.relative(REPO_DIR, file)}\n`);
    hash.update(await readFile(file).catch(() => Buffer.from('<missing>')));
  }
  for (const notebook of await listNotebooks(options.notebooksDir)) {
    hash.update(`notebook:${path.basename(notebook)}\n`);
    hash.update(await readFile(notebook));
  }
  hash.update(
    JSON.stringify({
      withTestKernel: options.withTestKernel,
      packageBaseUrl: options.packageBaseUrl,
      lockFileUrl: options.lockFileUrl,
      sourceDateEpoch: process.env['SOURCE_DATE_EPOCH'] ?? null,
      dev: process.env['JUPYTERLITE_DEV'] === '1',
    }),
  );
  return hash.digest('hex');
}
