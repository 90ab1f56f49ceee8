/**
 * The test-only Pyodide package mirror beside the repository (../shared/pyodide/test-mirror; its
 * README says what it holds: the official numpy wheel and pure-Python wheels built from sources,
 * NOT official Pyodide files). The e2e server serves it under /pyodide/ (PYODIDE_MIRROR_DIR) so
 * the real kernel starts and runs numpy with no request leaving 127.0.0.1.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const TEST_MIRROR_DIR = path.resolve(repo, '..', 'shared', 'pyodide', 'test-mirror');
const INSTALLED_LOCK = path.join(
  repo,
  'jupyterlite',
  'node_modules',
  'pyodide',
  'pyodide-lock.json',
);

type Lock = { packages: Record<string, { file_name: string; sha256: string }> };
const readLock = (file: string): Lock => JSON.parse(readFileSync(file, 'utf8')) as Lock;

/**
 * The test mirror's folder when it is there, after checking that its numpy wheel is the official
 * one: the sha256 both its own lock and the installed Pyodide's lock list. Null without the
 * folder; an error that says which file and which hash otherwise.
 */
export function verifiedTestMirror(): string | null {
  if (!existsSync(TEST_MIRROR_DIR)) return null;
  const official = readLock(INSTALLED_LOCK).packages['numpy'];
  const mirrored = readLock(path.join(TEST_MIRROR_DIR, 'pyodide-lock.json')).packages['numpy'];
  if (!official || !mirrored) throw new Error('numpy is missing from a Pyodide lock file.');
  const wheel = path.join(TEST_MIRROR_DIR, mirrored.file_name);
  const wanted = `the official numpy wheel with sha256 ${official.sha256} (${INSTALLED_LOCK})`;
  if (mirrored.file_name !== official.file_name || mirrored.sha256 !== official.sha256) {
    throw new Error(
      `The test mirror's lock lists ${mirrored.file_name} (${mirrored.sha256}), not ${wanted}.`,
    );
  }
  if (!existsSync(wheel)) throw new Error(`${wheel} is missing: it must be ${wanted}.`);
  const actual = createHash('sha256').update(readFileSync(wheel)).digest('hex');
  if (actual !== official.sha256)
    throw new Error(`${wheel} has sha256 ${actual}, but it must be ${wanted}.`);
  return TEST_MIRROR_DIR;
}

/** The version of numpy the test mirror's (official) wheel is. */
export const MIRRORED_NUMPY_VERSION = '2.4.6';
