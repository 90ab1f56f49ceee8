/**
 * The stock JupyterLite lab the JupyterLite benchmark measures ours against (bench/stock-lab/):
 * installed on demand outside the npm workspaces, bundled by rspack with our build's module rules,
 * and laid out as a JupyterLite site that opens the same notebook with the same Pyodide as ours.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, readFile, readdir, rm, stat, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';

import {
  bundleOutput,
  fromProject,
  moduleRules,
  rspack,
  type Stats,
} from '../../jupyterlite/scripts/lib/rspack-rules';
import { precompressSite } from '../../scripts/lib/precompress';
import { stockConfig, stockPage } from './stock-page';

const STOCK_DIR = path.resolve(import.meta.dirname, '../stock-lab');
const NODE_MODULES = path.join(STOCK_DIR, 'node_modules');
const GENERATED = path.join(STOCK_DIR, 'generated/extensions.js');
export const STOCK_SITE = path.join(STOCK_DIR, 'dist');

interface PackageJson {
  version: string;
  dependencies?: Record<string, string>;
  style?: string;
  styleModule?: string;
  jupyterlab?: {
    extension?: boolean | string;
    mimeExtension?: boolean | string;
    schemaDir?: string;
    themePath?: string;
  };
}

async function readPackage(dir: string): Promise<PackageJson> {
  return JSON.parse(await readFile(path.join(dir, 'package.json'), 'utf8')) as PackageJson;
}

/** `npm install` into bench/stock-lab when package.json is newer than what is installed. */
async function install(): Promise<void> {
  const marker = path.join(NODE_MODULES, '.package-lock.json');
  const wanted = (await stat(path.join(STOCK_DIR, 'package.json'))).mtimeMs;
  if (existsSync(marker) && (await stat(marker)).mtimeMs >= wanted) return;
  const result = spawnSync('npm', ['install', '--prefix', STOCK_DIR, '--no-audit', '--no-fund'], {
    stdio: 'inherit',
  });
  if (result.status !== 0) throw new Error(`npm install in ${STOCK_DIR} failed`);
}

/** The extension packages of package.json, with their `jupyterlab` metadata. */
interface ExtensionPackage {
  name: string;
  pkg: PackageJson;
}

async function extensionPackages(): Promise<ExtensionPackage[]> {
  const { dependencies = {} } = await readPackage(STOCK_DIR);
  const packages = await Promise.all(
    Object.keys(dependencies).map(async (name) => ({
      name,
      pkg: await readPackage(path.join(NODE_MODULES, name)),
    })),
  );
  return packages.filter(({ pkg }) => pkg.jupyterlab?.extension || pkg.jupyterlab?.mimeExtension);
}

const entryPath = (name: string, entry: true | string): string =>
  entry === true ? name : path.posix.join(name, entry);

/** Writes generated/extensions.js: every extension package's module and stylesheet. */
async function writeExtensionsModule(packages: ExtensionPackage[]): Promise<void> {
  const lines = ['// Written by bench/lib/stock-lab.ts from package.json.'];
  const lists: Record<'extension' | 'mimeExtension', string[]> = {
    extension: [],
    mimeExtension: [],
  };
  for (const { name, pkg } of packages) {
    const style = pkg.styleModule ?? pkg.style;
    if (style) lines.push(`import '${path.posix.join(name, style)}';`);
    for (const kind of ['extension', 'mimeExtension'] as const) {
      const entry = pkg.jupyterlab?.[kind];
      if (!entry) continue;
      const id = `m${lists.extension.length + lists.mimeExtension.length}`;
      lines.push(`import * as ${id} from '${entryPath(name, entry)}';`);
      lists[kind].push(`['${name}', ${id}]`);
    }
  }
  lines.push(
    `export const extensions = [${lists.extension.join(', ')}];`,
    `export const mimeExtensions = [${lists.mimeExtension.join(', ')}];`,
  );
  await mkdir(path.dirname(GENERATED), { recursive: true });
  await writeFile(GENERATED, `${lines.join('\n')}\n`);
}

/** Bundles src/main.js into `outputDir` as our build bundles ours; returns the entry files. */
async function bundle(outputDir: string): Promise<{ script: string; styles: string[] }> {
  const compiler = rspack({
    ...bundleOutput(outputDir),
    mode: 'production',
    context: STOCK_DIR,
    entry: { bundle: './src/main.js' },
    resolve: {
      extensions: ['.js', '.mjs', '.json'],
      fallback: { path: fromProject('path-browserify') },
    },
    module: {
      rules: [
        ...moduleRules(),
        // JupyterLite's service worker, imported as `./service-worker?text` for its file name (as in
        // JupyterLite's own build); the site serves it at its root (buildStockSite).
        { resourceQuery: /text/, type: 'asset/resource', generator: { filename: '[name][ext]' } },
      ],
    },
    optimization: { moduleIds: 'deterministic', chunkIds: 'deterministic', realContentHash: true },
  });
  const stats = await new Promise<Stats>((resolve, reject) => {
    compiler.run((error, result) => (error || !result ? reject(error) : resolve(result)));
  });
  await new Promise<void>((resolve) => compiler.close(() => resolve()));
  const info = stats.toJson({ all: false, errors: true, entrypoints: true });
  if (stats.hasErrors()) {
    throw new Error(`rspack failed:\n${(info.errors ?? []).map((e) => e.message).join('\n\n')}`);
  }
  const assets = (info.entrypoints?.['bundle']?.assets ?? []).map((asset) => asset.name);
  const script = assets.find((name) => name.endsWith('.js'));
  if (!script) throw new Error('rspack produced no entry script');
  return { script, styles: assets.filter((name) => name.endsWith('.css')) };
}

/** build/schemas/all.json: every extension package's settings schemas, as JupyterLite lists them. */
async function writeSchemas(siteDir: string, packages: ExtensionPackage[]): Promise<void> {
  const all: unknown[] = [];
  for (const { name, pkg } of packages) {
    const schemaDir = pkg.jupyterlab?.schemaDir;
    const dir = path.join(NODE_MODULES, name, schemaDir ?? '');
    // (@jupyterlite/apputils-extension names a schemaDir it does not ship.)
    if (!schemaDir || !existsSync(dir)) continue;
    for (const file of (await readdir(dir)).filter((f) => f.endsWith('.json')).sort()) {
      const schema = JSON.parse(await readFile(path.join(dir, file), 'utf8')) as unknown;
      const id = `${name}:${path.basename(file, '.json')}`;
      all.push({ id, raw: '{}', schema, settings: {}, version: pkg.version });
    }
  }
  const target = path.join(siteDir, 'build/schemas');
  await mkdir(target, { recursive: true });
  await writeFile(path.join(target, 'all.json'), JSON.stringify(all));
  await writeFile(path.join(target, 'all_federated.json'), '[]');
}

/** build/themes/<package>/index.css for each theme package (its `@import`s inlined). */
async function writeThemes(siteDir: string, packages: ExtensionPackage[]): Promise<void> {
  for (const { name, pkg } of packages) {
    const themePath = pkg.jupyterlab?.themePath;
    if (!themePath) continue;
    const file = path.join(NODE_MODULES, name, themePath);
    let css = await readFile(file, 'utf8');
    for (const match of css.matchAll(/@import\s+'\.\/([^']+)';/g)) {
      const imported = await readFile(path.join(path.dirname(file), match[1]!), 'utf8');
      css = css.replace(match[0], imported);
    }
    await mkdir(path.join(siteDir, 'build/themes', name), { recursive: true });
    await writeFile(path.join(siteDir, 'build/themes', name, 'index.css'), css);
  }
}

/** The English-only translation listing JupyterLite's translator connector reads. */
async function writeTranslations(siteDir: string): Promise<void> {
  const dir = path.join(siteDir, 'api/translations');
  await mkdir(dir, { recursive: true });
  const english = { displayName: 'English', nativeName: 'English' };
  await writeFile(
    path.join(dir, 'all.json'),
    JSON.stringify({ data: { en: english }, message: '' }),
  );
  await writeFile(path.join(dir, 'en.json'), JSON.stringify({ data: {}, message: '' }));
}

export interface StockSite {
  dir: string;
  seconds: number;
}

/**
 * Installs (if needed) and builds the stock lab into bench/stock-lab/dist, with our built site's
 * notebooks, kernel wheels and Pyodide (linked, already precompressed), precompressed as ours.
 */
export async function buildStockSite(ourSite: string): Promise<StockSite> {
  await install();
  const started = performance.now();
  await rm(STOCK_SITE, { recursive: true, force: true });
  const packages = await extensionPackages();
  await writeExtensionsModule(packages);
  const entry = await bundle(path.join(STOCK_SITE, 'build'));
  await writeSchemas(STOCK_SITE, packages);
  await writeThemes(STOCK_SITE, packages);
  await writeTranslations(STOCK_SITE);
  for (const dir of ['api/contents', 'files', 'build/pypi']) {
    await cp(path.join(ourSite, dir), path.join(STOCK_SITE, dir), { recursive: true });
  }
  // Served at the site root, where JupyterLite's service worker manager registers it.
  await cp(
    path.join(NODE_MODULES, '@jupyterlite/apputils/lib/service-worker.js'),
    path.join(STOCK_SITE, 'service-worker.js'),
  );
  const ours = JSON.parse(await readFile(path.join(ourSite, 'jupyter-lite.json'), 'utf8')) as {
    'jupyter-config-data': { litePluginSettings: Record<string, unknown> };
  };
  const config = stockConfig(ours['jupyter-config-data'].litePluginSettings);
  await mkdir(path.join(STOCK_SITE, 'lab'), { recursive: true });
  await writeFile(path.join(STOCK_SITE, 'lab/index.html'), stockPage(entry, config));
  // Read by the app server for the kernel worker's Content Security Policy (the package URL).
  await writeFile(
    path.join(STOCK_SITE, 'jupyter-lite.json'),
    JSON.stringify({ 'jupyter-lite-schema-version': 0, 'jupyter-config-data': config }, null, 2),
  );
  precompressSite(STOCK_SITE);
  await mkdir(path.join(STOCK_SITE, 'static'), { recursive: true });
  await symlink(path.join(ourSite, 'static/pyodide'), path.join(STOCK_SITE, 'static/pyodide'));
  return { dir: STOCK_SITE, seconds: (performance.now() - started) / 1000 };
}
