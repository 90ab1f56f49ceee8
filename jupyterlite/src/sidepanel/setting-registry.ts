/**
 * The setting registry (replaces `@jupyterlab/apputils-extension:settings`): the same registry,
 * with the validator compiled at build time (./schema-validator.ts) instead of Ajv compiling every
 * plugin's schema twice at each start.
 */
import type { JupyterFrontEnd, JupyterFrontEndPlugin } from '@jupyterlab/application';
import { PageConfig } from '@jupyterlab/coreutils';
import { ISettingConnector, ISettingRegistry, SettingRegistry } from '@jupyterlab/settingregistry';
import * as compiledAtBuild from '@tutor/settings-validators';

import { PrecompiledSchemaValidator } from './schema-validator';

export const settingRegistryPlugin: JupyterFrontEndPlugin<ISettingRegistry> = {
  id: '@tutor/jupyterlite:setting-registry',
  description: 'The setting registry, validating with the validators compiled at build time.',
  autoStart: true,
  provides: ISettingRegistry,
  requires: [ISettingConnector],
  activate: async (app: JupyterFrontEnd, connector: ISettingConnector) => {
    const registry = new SettingRegistry({
      connector,
      plugins: (await connector.list('active')).values.filter((value) => app.hasPlugin(value.id)),
      validator: new PrecompiledSchemaValidator(compiledAtBuild),
    });
    // As upstream: plugins whose settings were not preloaded are loaded once the app restored.
    void app.restored.then(async () => {
      const { isDisabled } = PageConfig.Extension;
      for (const id of (await connector.list('ids')).ids) {
        if (!app.hasPlugin(id) || isDisabled(id) || id in registry.plugins) continue;
        registry.load(id).catch((error: unknown) => {
          console.warn(`Settings failed to load for (${id})`, error);
        });
      }
    });
    return registry;
  },
};
