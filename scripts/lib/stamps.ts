import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

export const repoRoot = join(import.meta.dirname, '..', '..');
const stampDir = join(repoRoot, 'node_modules', '.cache', 'stamps');
const skipped = new Set(['node_modules', 'dist', 'dist-test', '.git', 'test-results']);

function collectFiles(path: string, into: string[]): void {
  if (!existsSync(path)) return;
  const stats = statSync(path);
  if (stats.isFile()) {
    into.push(path);
    return;
  }
  for (const entry of readdirSync(path).sort()) {
    if (!skipped.has(entry)) collectFiles(join(path, entry), into);
  }
}

/** A hash of the content of every file under the given paths (relative to the repo root). */
export function hashInputs(paths: string[]): string {
  const hash = createHash('sha256');
  const files: string[] = [];
  for (const path of paths) collectFiles(join(repoRoot, path), files);
  for (const file of files) {
    hash.update(relative(repoRoot, file));
    hash.update('\0');
    hash.update(readFileSync(file));
    hash.update('\0');
  }
  return hash.digest('hex');
}

/**
 * Runs `build` unless the inputs hash matches the stamp of its last success and every output
 * exists. Returns true when it built.
 */
export async function buildIfChanged(
  name: string,
  inputs: string[],
  outputs: string[],
  build: () => Promise<void> | void,
): Promise<boolean> {
  const stamp = join(stampDir, name);
  const inputsHash = hashInputs(inputs);
  const upToDate =
    existsSync(stamp) &&
    readFileSync(stamp, 'utf8') === inputsHash &&
    outputs.every((output) => existsSync(join(repoRoot, output)));
  if (upToDate) {
    console.log(`> ${name}: up to date`);
    return false;
  }
  console.log(`> ${name}: building...`);
  const started = Date.now();
  await build();
  mkdirSync(dirname(stamp), { recursive: true });
  writeFileSync(stamp, inputsHash);
  console.log(`> ${name}: built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return true;
}
