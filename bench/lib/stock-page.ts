/**
 * The stock lab's page and configuration (bench/lib/stock-lab.ts). JupyterLite's own page runs an
 * inline script that fetches and merges its `jupyter-lite.json` files; the app server's Content
 * Security Policy refuses inline script, so the merged configuration is written into the page's
 * `#jupyter-config-data` (JSON, never executed), with the site's URLs absolute under /jupyterlite/.
 */
const SITE = '/jupyterlite/';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Our site's relative `...Url` settings (`./static/...`), made absolute under the site. */
function absoluteUrls(value: Json, key = ''): Json {
  if (typeof value === 'string') {
    return /Url$/.test(key) && value.startsWith('./') ? `${SITE}${value.slice(2)}` : value;
  }
  if (Array.isArray(value)) return value.map((item) => absoluteUrls(item, key));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, absoluteUrls(v, k)]));
  }
  return value;
}

/**
 * JupyterLite's defaults for a lab page (browser storage, its service worker, every plugin
 * enabled), and our site's Pyodide kernel settings, so both labs load the same Pyodide.
 */
export function stockConfig(litePluginSettings: Record<string, unknown>): Record<string, Json> {
  return {
    appName: 'JupyterLite',
    appVersion: '0.8.3',
    baseUrl: SITE,
    appUrl: `${SITE}lab`,
    fullStaticUrl: `${SITE}build`,
    fullLabextensionsUrl: `${SITE}extensions`,
    settingsUrl: `${SITE}build/schemas`,
    themesUrl: './build/themes',
    licensesUrl: './build/licenses',
    defaultKernelName: 'python',
    contentsAllJsonFile: 'all.json',
    federated_extensions: [],
    exposeAppInBrowser: false,
    litePluginSettings: absoluteUrls(litePluginSettings as Json),
  };
}

const escapeJson = (text: string): string => text.replaceAll('<', '\\u003c');

export function stockPage(
  entry: { script: string; styles: string[] },
  config: Record<string, Json>,
): string {
  const styles = entry.styles
    .map((file) => `\n    <link rel="stylesheet" href="../build/${file}" />`)
    .join('');
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>JupyterLite</title>
    <script id="jupyter-config-data" type="application/json">${escapeJson(JSON.stringify(config))}</script>${styles}
    <script defer src="../build/${entry.script}"></script>
  </head>
  <body></body>
</html>
`;
}
