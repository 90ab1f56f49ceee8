/**
 * Settings schemas of the bundled extensions, gathered into the `all.json` that JupyterLite's
 * in-browser settings manager reads, and the theme stylesheet the theme manager loads.
 */
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

import { NODE_MODULES } from './paths';

/** Extension packages whose settings schemas the app needs (the ones with a `schemaDir`). */
export const SCHEMA_PACKAGES = [
  '@jupyterlab/application-extension',
  '@jupyterlab/apputils-extension',
  '@jupyterlab/codemirror-extension',
  '@jupyterlab/completer-extension',
  '@jupyterlab/docmanager-extension',
  '@jupyterlab/notebook-extension',
  '@jupyterlab/shortcuts-extension',
  '@jupyterlab/translation-extension',
];

/**
 * Schemas of plugins disabled in src/plugins.ts that only describe the plugin's own UI (main menu
 * entries, top bar, metadata forms) and bind no keyboard shortcut: left out of `all.json` and of
 * the compiled validators.
 */
export const UNUSED_SCHEMAS: ReadonlySet<string> = new Set([
  '@jupyterlab/application-extension:move-widget',
  '@jupyterlab/application-extension:top-bar',
  '@jupyterlab/docmanager-extension:download',
  '@jupyterlab/notebook-extension:export',
  '@jupyterlab/notebook-extension:tools',
]);

interface PackageJson {
  version: string;
  jupyterlab?: { schemaDir?: string };
}

/** One entry of `all.json`: a plugin's settings schema as JupyterLite's settings manager lists it. */
export interface PluginSchemaEntry {
  id: string;
  raw: string;
  schema: Record<string, unknown>;
  settings: Record<string, unknown>;
  version: string;
}

/** Writes the schemas (from readSchemas) where JupyterLite's settings manager lists them. */
export async function writeSchemas(targetDir: string, all: PluginSchemaEntry[]): Promise<void> {
  await mkdir(targetDir, { recursive: true });
  await writeFile(path.join(targetDir, 'all.json'), JSON.stringify(all));
  await writeFile(path.join(targetDir, 'all_federated.json'), '[]');
}

/** The settings schemas of SCHEMA_PACKAGES, in a stable order. */
export async function readSchemas(): Promise<PluginSchemaEntry[]> {
  const all: PluginSchemaEntry[] = [];
  for (const name of SCHEMA_PACKAGES) {
    const packageDir = path.join(NODE_MODULES, name);
    const pkg = JSON.parse(await readFile(path.join(packageDir, 'package.json'), 'utf8')) as PackageJson;
    const schemaDir = pkg.jupyterlab?.schemaDir;
    if (!schemaDir) throw new Error(`${name} has no schemaDir`);
    const files = (await readdir(path.join(packageDir, schemaDir)))
      .filter((file) => file.endsWith('.json'))
      .sort();
    for (const file of files) {
      const id = `${name}:${path.basename(file, '.json')}`;
      if (UNUSED_SCHEMAS.has(id)) continue;
      const schema = JSON.parse(
        await readFile(path.join(packageDir, schemaDir, file), 'utf8'),
      ) as Record<string, unknown>;
      all.push({
        id,
        raw: '{}',
        schema,
        settings: {},
        version: pkg.version,
      });
    }
  }
  return all;
}

/** Writes the light theme as one stylesheet (its `@import` of the variables inlined). */
export async function writeTheme(themesDir: string): Promise<void> {
  const styleDir = path.join(NODE_MODULES, '@jupyterlab/theme-light-extension/style');
  const theme = await readFile(path.join(styleDir, 'theme.css'), 'utf8');
  const inlined = await replaceAsync(theme, /@import\s+'\.\/([^']+)';/g, (file) =>
    readFile(path.join(styleDir, file), 'utf8'),
  );
  const target = path.join(themesDir, '@jupyterlab/theme-light-extension');
  await mkdir(target, { recursive: true });
  await writeFile(path.join(target, 'index.css'), inlined);
}

async function replaceAsync(
  text: string,
  pattern: RegExp,
  replace: (group: string) => Promise<string>,
): Promise<string> {
  const parts: string[] = [];
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    parts.push(text.slice(last, match.index), await replace(match[1] ?? ''));
    last = (match.index ?? 0) + match[0].length;
  }
  parts.push(text.slice(last));
  return parts.join('');
}
