/**
 * Builds the side-panel JupyterLite site from npm packages (no Python needed):
 *
 *   npm run build [-- --out <dir>] [--with-test-kernel] [--force]
 *
 * Writes `frontend/public/jupyterlite/` by default. Skips the work when the inputs (sources, lock
 * file, notebooks, options) hash to the stamp left by the previous build. PYODIDE_PACKAGES_URL
 * sets where Pyodide's packages (numpy, ...) are fetched from, PYODIDE_LOCK_URL the lock they are
 * checked against when that mirror's lock is not the pinned one.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';

import { bundle } from './lib/bundle';
import { writeContents } from './lib/contents';
import { type BuildOptions, hashInputs, listNotebooks } from './lib/inputs';
import { DEFAULT_OUT_DIR, NOTEBOOKS_DIR, PROJECT_DIR, SETTINGS_VALIDATORS_DIR } from './lib/paths';
import {
  copyKernelWheels,
  copyPyodideCore,
  defaultPackageBaseUrl,
  expectedPyodideVersion,
  installedPyodideVersion,
  normalizeLockFileUrl,
  normalizePackageBaseUrl,
} from './lib/pyodide';
import { readSchemas, writeSchemas, writeTheme } from './lib/schemas';
import { writeSettingsValidators } from './lib/settings-validators';
import { SCHEMAS_DIR, SETTINGS_OVERRIDES, THEMES_DIR, writeSiteFiles } from './lib/site';

export const STAMP_FILE = '.build-stamp.json';

export interface BuildResult {
  outDir: string;
  skipped: boolean;
  seconds: number;
}

export async function resolveOptions(args: {
  out?: string;
  withTestKernel?: boolean;
  notebooksDir?: string;
}): Promise<BuildOptions> {
  const expected = await expectedPyodideVersion();
  const installed = await installedPyodideVersion();
  if (expected !== installed) {
    throw new Error(
      `The Pyodide kernel expects pyodide ${expected} but ${installed} is installed; pin "pyodide": "${expected}" in jupyterlite/package.json`,
    );
  }
  const fromEnv = process.env['PYODIDE_PACKAGES_URL'];
  return {
    outDir: path.resolve(args.out ?? DEFAULT_OUT_DIR),
    notebooksDir: path.resolve(args.notebooksDir ?? NOTEBOOKS_DIR),
    withTestKernel: args.withTestKernel ?? false,
    packageBaseUrl: normalizePackageBaseUrl(fromEnv?.trim() || defaultPackageBaseUrl(expected)),
    lockFileUrl: normalizeLockFileUrl(process.env['PYODIDE_LOCK_URL']),
  };
}

async function readStamp(outDir: string): Promise<string | null> {
  try {
    const stamp = JSON.parse(await readFile(path.join(outDir, STAMP_FILE), 'utf8')) as {
      inputs?: string;
    };
    return stamp.inputs ?? null;
  } catch {
    return null;
  }
}

export async function build(options: BuildOptions, force = false): Promise<BuildResult> {
  const started = performance.now();
  const inputs = await hashInputs(options);
  if (!force && (await readStamp(options.outDir)) === inputs) {
    return { outDir: options.outDir, skipped: true, seconds: (performance.now() - started) / 1000 };
  }
  // Build next to the target, then swap, so a server never sees a half-written site.
  const staging = `${options.outDir}.staging`;
  await rm(staging, { recursive: true, force: true });
  await mkdir(staging, { recursive: true });

  const schemas = await readSchemas();
  await writeSettingsValidators(SETTINGS_VALIDATORS_DIR, schemas, SETTINGS_OVERRIDES);
  const entry = await bundle(path.join(staging, 'build'), options.withTestKernel);
  const pkg = JSON.parse(await readFile(path.join(PROJECT_DIR, 'package.json'), 'utf8')) as {
    version: string;
  };
  await writeSiteFiles(staging, entry, {
    appVersion: pkg.version,
    packageBaseUrl: options.packageBaseUrl,
    lockFileUrl: options.lockFileUrl,
  });
  await writeSchemas(path.join(staging, SCHEMAS_DIR), schemas);
  await writeTheme(path.join(staging, THEMES_DIR));
  const notebooks = await listNotebooks(options.notebooksDir);
  if (notebooks.length === 0) console.warn(`No notebooks found in ${options.notebooksDir}`);
  await writeContents(staging, notebooks);
  await copyPyodideCore(path.join(staging, 'static/pyodide'));
  await copyKernelWheels(path.join(staging, 'build/pypi'));
  await writeFile(path.join(staging, STAMP_FILE), `${JSON.stringify({ inputs }, null, 2)}\n`);

  const previous = `${options.outDir}.previous`;
  await rm(previous, { recursive: true, force: true });
  if (existsSync(options.outDir)) await rename(options.outDir, previous);
  await mkdir(path.dirname(options.outDir), { recursive: true });
  await rename(staging, options.outDir);
  await rm(previous, { recursive: true, force: true });
  return { outDir: options.outDir, skipped: false, seconds: (performance.now() - started) / 1000 };
}

async function cli(): Promise<void> {
  const { values } = parseArgs({
    options: {
      out: { type: 'string' },
      'with-test-kernel': { type: 'boolean', default: false },
      notebooks: { type: 'string' },
      force: { type: 'boolean', default: false },
    },
  });
  const options = await resolveOptions({
    ...(values.out ? { out: values.out } : {}),
    ...(values.notebooks ? { notebooksDir: values.notebooks } : {}),
    withTestKernel: values['with-test-kernel'],
  });
  const result = await build(options, values.force);
  const where = path.relative(process.cwd(), result.outDir) || '.';
  console.log(
    result.skipped
      ? `jupyterlite: ${where} is up to date`
      : `jupyterlite: built ${where} in ${result.seconds.toFixed(1)} s${options.withTestKernel ? ' (with the test kernel)' : ''}`,
  );
}

const invokedDirectly =
  process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename ?? '');
if (invokedDirectly) {
  cli().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
