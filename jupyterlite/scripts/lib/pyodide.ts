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

/** An absolute http(s) URL from the build setting `name`, or an error that names it. */
function absoluteHttpUrl(name: string, value: string): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`${name} must be an absolute URL, got "${value}"`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new Error(`${name} must use http or https, got "${value}"`);
  }
  return url;
}

/** Validates `PYODIDE_PACKAGES_URL`: an absolute http(s) URL, returned with a trailing slash. */
export function normalizePackageBaseUrl(value: string): string {
  const href = absoluteHttpUrl('PYODIDE_PACKAGES_URL', value).href;
  return href.endsWith('/') ? href : `${href}/`;
}

/**
 * Validates `PYODIDE_LOCK_URL`: the `pyodide-lock.json` of a package mirror whose lock differs
 * from the pinned Pyodide's (Pyodide checks every package against the lock it loads). Unset, the
 * kernel uses the lock shipped with the site's Pyodide core.
 */
export function normalizeLockFileUrl(value: string | undefined): string | null {
  if (value === undefined || value.trim() === '') return null;
  const url = absoluteHttpUrl('PYODIDE_LOCK_URL', value.trim());
  if (url.pathname.endsWith('/')) {
    throw new Error(`PYODIDE_LOCK_URL must name the lock file itself, got "${value}"`);
  }
  return url.href;
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
