/**
 * The site's configuration files (`jupyter-lite.json` at the root and in `lab/`) and the lab page.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

import type { EntryFiles } from './bundle';
import { NOTEBOOK_FOLDER } from './contents';

const PYODIDE_PLUGIN = '@jupyterlite/pyodide-kernel-extension:kernel';
/** Where the settings schemas and the theme stylesheet are written, relative to the site. */
export const SCHEMAS_DIR = 'build/schemas';
export const THEMES_DIR = 'build/themes';

/**
 * Files every start fetches, whichever notebook it opens, one after another as the app gets to
 * them: the page asks for them as it loads, in parallel, and the app's fetches find them ready.
 * (`src/early-fetches.ts` does the same for the notebook named by `?path=`.)
 */
const PRELOADS = [
  { href: `../${SCHEMAS_DIR}/all.json`, as: 'fetch' },
  { href: `../api/contents/${NOTEBOOK_FOLDER}/all.json`, as: 'fetch' },
  { href: `../${THEMES_DIR}/@jupyterlab/theme-light-extension/index.css`, as: 'style' },
];

export interface SiteConfigOptions {
  appVersion: string;
  packageBaseUrl: string;
  /** PYODIDE_LOCK_URL: the mirror's own lock, when it differs from the pinned one. */
  lockFileUrl?: string | null;
}

function configFile(data: Record<string, unknown>): string {
  return `${JSON.stringify({ 'jupyter-lite-schema-version': 0, 'jupyter-config-data': data }, null, 2)}\n`;
}

/** Site-wide settings; relative URLs are resolved against this file by the page's loader. */
export function rootConfig(options: SiteConfigOptions): string {
  return configFile({
    appName: 'Notebook',
    appVersion: options.appVersion,
    baseUrl: './',
    fullStaticUrl: './build',
    settingsUrl: `./${SCHEMAS_DIR}`,
    themesUrl: `./${THEMES_DIR}`,
    defaultKernelName: 'python',
    contentsAllJsonFile: 'all.json',
    // Memory only: nothing in IndexedDB or localStorage; the server keeps the student's work.
    enableMemoryStorage: true,
    contentsStorageDrivers: ['memoryStorageDriver'],
    settingsStorageDrivers: ['memoryStorageDriver'],
    workspacesStorageDrivers: ['memoryStorageDriver'],
    federated_extensions: [],
    exposeAppInBrowser: false,
    litePluginSettings: {
      [PYODIDE_PLUGIN]: {
        pyodideUrl: './static/pyodide/pyodide.mjs',
        loadPyodideOptions: {
          packageBaseUrl: options.packageBaseUrl,
          ...(options.lockFileUrl ? { lockFileURL: options.lockFileUrl } : {}),
        },
      },
    },
  });
}

/** Settings defaults the lab page overrides: side-panel toolbar, no autosave, no news. */
export const SETTINGS_OVERRIDES: Record<string, Record<string, unknown>> = {
  '@jupyterlab/notebook-extension:panel': {
    toolbar: [
      { name: 'save', disabled: true },
      { name: 'cut', disabled: true },
      { name: 'copy', disabled: true },
      { name: 'paste', disabled: true },
    ],
  },
  '@jupyterlab/docmanager-extension:plugin': { autosave: false },
  '@jupyterlab/apputils-extension:notification': {
    checkForUpdates: false,
    fetchNews: 'false',
  },
};

/** The lab page's settings: one notebook, side-panel toolbar, no autosave to the memory drive. */
export function labConfig(): string {
  return configFile({
    appUrl: './lab',
    mode: 'single-document',
    settingsOverrides: SETTINGS_OVERRIDES,
  });
}

export function labPage(entry: EntryFiles): string {
  const styles = entry.styles
    .map((file) => `\n    <link rel="stylesheet" href="../build/${file}" />`)
    .join('');
  const preloads = PRELOADS.map(
    ({ href, as }) =>
      `\n    <link rel="preload" href="${href}" as="${as}"${as === 'fetch' ? ' crossorigin="anonymous"' : ''} />`,
  ).join('');
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <link rel="icon" href="data:," />
    <title>Notebook</title>
    <script id="jupyter-config-data" type="application/json" data-jupyter-lite-root="..">{}</script>${preloads}${styles}
    <script defer src="../build/${entry.script}"></script>
  </head>
  <body class="jp-ThemedContainer">
    <noscript>The notebook needs JavaScript.</noscript>
  </body>
</html>
`;
}

export async function writeSiteFiles(
  siteDir: string,
  entry: EntryFiles,
  options: SiteConfigOptions,
): Promise<void> {
  await mkdir(path.join(siteDir, 'lab'), { recursive: true });
  await writeFile(path.join(siteDir, 'jupyter-lite.json'), rootConfig(options));
  await writeFile(path.join(siteDir, 'lab/jupyter-lite.json'), labConfig());
  await writeFile(path.join(siteDir, 'lab/index.html'), labPage(entry));
}
