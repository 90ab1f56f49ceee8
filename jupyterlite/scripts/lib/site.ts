/**
 * The site's configuration files (`jupyter-lite.json` at the root and in `lab/`) and the lab page.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

import type { EntryFiles } from './bundle';

const PYODIDE_PLUGIN = '@jupyterlite/pyodide-kernel-extension:kernel';

export interface SiteConfigOptions {
  appVersion: string;
  packageBaseUrl: string;
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
    settingsUrl: './build/schemas',
    themesUrl: './build/themes',
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
        loadPyodideOptions: { packageBaseUrl: options.packageBaseUrl },
      },
    },
  });
}

/** The lab page's settings: one notebook, side-panel toolbar, no autosave to the memory drive. */
export function labConfig(): string {
  return configFile({
    appUrl: './lab',
    mode: 'single-document',
    settingsOverrides: {
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
    },
  });
}

export function labPage(entry: EntryFiles): string {
  const styles = entry.styles
    .map((file) => `\n    <link rel="stylesheet" href="../build/${file}" />`)
    .join('');
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <link rel="icon" href="data:," />
    <title>Notebook</title>
    <script id="jupyter-config-data" type="application/json" data-jupyter-lite-root="..">{}</script>${styles}
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
