/**
 * Creates and starts the JupyterLab application from the static plugin registry.
 */
import { JupyterLab } from '@jupyterlab/application';
import { PageConfig } from '@jupyterlab/coreutils';
import { IServiceManager, type ServiceManager } from '@jupyterlab/services';
import { PluginRegistry } from '@lumino/coreutils';

import { collectPlugins } from './plugins';
import { PRELOADED } from './preload';
import './style';

export async function main(): Promise<void> {
  if (PRELOADED.length === 0) throw new Error('preloaded modules missing');
  const plugins = collectPlugins();
  const pluginRegistry = new PluginRegistry();
  pluginRegistry.registerPlugins(plugins);
  const serviceManager = (await pluginRegistry.resolveRequiredService(
    IServiceManager,
  )) as ServiceManager.IManager;
  const app = new JupyterLab({
    pluginRegistry,
    serviceManager,
    mimeExtensions: [],
    availablePlugins: plugins.map((plugin) => ({ ...plugin, extension: 'tutor' })),
  } as unknown as JupyterLab.IOptions);
  if (PageConfig.getOption('exposeAppInBrowser').toLowerCase() === 'true') {
    (window as unknown as { jupyterapp: JupyterLab }).jupyterapp = app;
  }
  await app.start({ bubblingKeydown: true });
  await app.restored;
}
