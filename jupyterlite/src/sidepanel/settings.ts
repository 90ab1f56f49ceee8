/**
 * The settings manager (replaces `@jupyterlite/services-extension:settings`): JupyterLite's
 * fetches `all.json` and `all_federated.json` on every `list()`/`fetch()` (four times at start);
 * this one fetches the schemas once, as soon as the service manager starts, knows there are no
 * federated extensions, and keeps user settings in memory only.
 */
import { PageConfig, URLExt } from '@jupyterlab/coreutils';
import { ISettingManager, type ServiceManagerPlugin, type Setting } from '@jupyterlab/services';
import { Settings } from '@jupyterlite/services';

type SchemaList = unknown[];

/** A localforage-shaped store in a Map: settings changes live as long as the page. */
function memoryForage(): unknown {
  const items = new Map<string, unknown>();
  const store = {
    getItem: async (key: string) => items.get(key) ?? null,
    setItem: async (key: string, value: unknown) => {
      items.set(key, value);
      return value;
    },
    removeItem: async (key: string) => void items.delete(key),
    clear: async () => items.clear(),
  };
  return { createInstance: () => store };
}

function fetchSchemas(): Promise<SchemaList> {
  const url = URLExt.join(PageConfig.getOption('settingsUrl') || '/', 'all.json');
  return fetch(url).then((response) => {
    if (!response.ok) throw new Error(`Could not load ${url}: HTTP ${response.status}`);
    return response.json() as Promise<SchemaList>;
  });
}

export const settingsPlugin: ServiceManagerPlugin<Setting.IManager> = {
  id: '@tutor/jupyterlite:settings',
  description: 'Settings from the schemas fetched once, user values in memory.',
  autoStart: true,
  provides: ISettingManager,
  activate: () => {
    const schemas = fetchSchemas();
    schemas.catch(() => undefined); // reported when the registry asks for them
    const settings = new Settings({
      localforage: memoryForage() as ConstructorParameters<typeof Settings>[0]['localforage'],
      storageName: 'tutor-settings',
    });
    // `_getAll` is private upstream; each caller gets its own copy (`list()` mutates schemas).
    (settings as unknown as { _getAll: (file: string) => Promise<SchemaList> })._getAll = async (
      file,
    ) => (file === 'all.json' ? structuredClone(await schemas) : []);
    return settings;
  },
};
