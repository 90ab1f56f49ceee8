/**
 * Loads the JupyterLite configuration before any JupyterLab module is evaluated.
 *
 * The configuration comes from `jupyter-lite.json` files: the site root's, then the page's own
 * (later files win, `litePluginSettings`/`settingsOverrides` merge one level deep). Relative URLs
 * are resolved against the file that declares them, so the site works under any mount path.
 * The result is written into `#jupyter-config-data`, where `PageConfig` reads it.
 */

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Config = Record<string, Json>;

const CONFIG_ELEMENT_ID = 'jupyter-config-data';
const MERGED_ONE_LEVEL = new Set(['litePluginSettings', 'settingsOverrides']);
/** Keys JupyterLab joins with `baseUrl` itself: keep them relative. */
const BASE_RELATIVE = new Set(['themesUrl', 'licensesUrl']);

function isObject(value: Json | undefined): value is { [key: string]: Json } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isRelativeUrl(value: string): boolean {
  return value.startsWith('./') || value.startsWith('../');
}

/** Resolves every relative `...Url` string (at any depth) against `base`. */
function resolveUrls(value: Json, base: URL, key = ''): Json {
  if (typeof value === 'string') {
    const isUrlKey = key === 'baseUrl' || /Url$/.test(key);
    if (isUrlKey && !BASE_RELATIVE.has(key) && isRelativeUrl(value)) {
      return new URL(value, base).pathname;
    }
    return value;
  }
  if (Array.isArray(value)) return value.map((item) => resolveUrls(item, base, key));
  if (isObject(value)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolveUrls(v, base, k)]));
  }
  return value;
}

function merge(into: Config, next: Config): Config {
  for (const [key, value] of Object.entries(next)) {
    const previous = into[key];
    if (MERGED_ONE_LEVEL.has(key) && isObject(previous) && isObject(value)) {
      const merged: { [key: string]: Json } = { ...previous };
      for (const [plugin, settings] of Object.entries(value)) {
        const before = merged[plugin];
        merged[plugin] =
          isObject(before) && isObject(settings) ? { ...before, ...settings } : settings;
      }
      into[key] = merged;
    } else {
      into[key] = value;
    }
  }
  return into;
}

async function fetchConfig(url: URL): Promise<Config> {
  const response = await fetch(url, { cache: 'no-cache' });
  if (!response.ok) throw new Error(`Could not load ${url.pathname}: HTTP ${response.status}`);
  const body = (await response.json()) as { 'jupyter-config-data'?: Config };
  const data = body['jupyter-config-data'] ?? {};
  return resolveUrls(data, url) as Config;
}

function configElement(): HTMLElement {
  const element = document.getElementById(CONFIG_ELEMENT_ID);
  if (!element) throw new Error(`#${CONFIG_ELEMENT_ID} is missing from the page`);
  return element;
}

/** The site's root relative to this page (`data-jupyter-lite-root`, `..` for `lab/`). */
export function siteRoot(): string {
  return configElement().dataset['jupyterLiteRoot'] ?? '..';
}

/** Fetches and merges the config files, then publishes the result for `PageConfig`. */
export async function loadConfig(): Promise<Config> {
  const element = configElement();
  const root = siteRoot();
  const here = new URL('./', window.location.href);
  const files = [new URL(`${root}/jupyter-lite.json`, here), new URL('jupyter-lite.json', here)];
  const configs = await Promise.all(files.map(fetchConfig));
  const merged = configs.reduce(merge, JSON.parse(element.textContent || '{}') as Config);
  element.textContent = JSON.stringify(merged);
  return merged;
}
