/**
 * The Pyodide core the kernel expects, copied from the npm `pyodide` package, and the URL of the
 * matching package directory.
 */
import { copyFile, mkdir, readFile, readdir } from 'node:fs/promises';
import path from 'node:path';

import { NODE_MODULES } from './paths';

/** The files of the core distribution that `loadPyodide` fetches. */
const CORE_FILES = [
  'pyodide.mjs',
  'pyodide.asm.mjs',
  'pyodide.asm.wasm',
  'python_stdlib.zip',
  'pyodide-lock.json',
];

/** The Pyodide version the kernel was built for (its default CDN URL names it). */
export async function expectedPyodideVersion(): Promise<string> {
  const source = await readFile(
    path.join(NODE_MODULES, '@jupyterlite/pyodide-kernel-extension/lib/index.js'),
    'utf8',
  );
  const match = /pyodide\/v([^/]+)\/full\/pyodide\.mjs/.exec(source);
  if (!match?.[1]) throw new Error('Could not find the Pyodide version the kernel expects');
  return match[1];
}

export async function installedPyodideVersion(): Promise<string> {
  const pkg = JSON.parse(
    await readFile(path.join(NODE_MODULES, 'pyodide/package.json'), 'utf8'),
  ) as { version: string };
  return pkg.version;
}

export function defaultPackageBaseUrl(version: string): string {
  return `https://cdn.jsdelivr.net/pyodide/v${version}/full/`;
}

/** Validates `PYODIDE_PACKAGES_URL`: an absolute http(s) URL, returned with a trailing slash. */
export function normalizePackageBaseUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`PYODIDE_PACKAGES_URL must be an absolute URL, got "${value}"`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new Error(`PYODIDE_PACKAGES_URL must use http or https, got "${value}"`);
  }
  const href = url.href;
  return href.endsWith('/') ? href : `${href}/`;
}

export async function copyPyodideCore(targetDir: string): Promise<void> {
  await mkdir(targetDir, { recursive: true });
  for (const file of CORE_FILES) {
    await copyFile(path.join(NODE_MODULES, 'pyodide', file), path.join(targetDir, file));
  }
}

/** The kernel's wheels and their `all.json` index (piplite installs the kernel from them). */
export async function copyKernelWheels(targetDir: string): Promise<void> {
  const source = path.join(NODE_MODULES, '@jupyterlite/pyodide-kernel/pypi');
  await mkdir(targetDir, { recursive: true });
  for (const file of (await readdir(source)).sort()) {
    await copyFile(path.join(source, file), path.join(targetDir, file));
  }
}
