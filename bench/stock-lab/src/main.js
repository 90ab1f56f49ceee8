/**
 * A stock JupyterLite lab, for the benchmark only (bench/jupyterlite.ts): JupyterLab's `JupyterLab`
 * application with every plugin of the extension packages in ../package.json, started the way
 * JupyterLite's own `app/lab` starts it (plugin registry, service manager from the registry's
 * `IServiceManager`). `../generated/extensions.js` is written by bench/lib/stock-lab.ts from
 * package.json: each extension package's module and stylesheet, nothing chosen by hand.
 *
 * Plain JavaScript, so that the repository's type check does not need this folder installed.
 */
import { JupyterLab } from '@jupyterlab/application';
import { PageConfig } from '@jupyterlab/coreutils';
import { IServiceManager } from '@jupyterlab/services';
import { PluginRegistry } from '@lumino/coreutils';

import { extensions, mimeExtensions } from '../generated/extensions.js';

/**
 * Plugins JupyterLite's lab turns off besides the ones a JupyterLite plugin replaces (those are
 * found below, by the token they provide: JupyterLab's server-backed kernel, session, contents,
 * settings, ... managers, its router, resolver, translator connector and licenses client):
 * JupyterLab's server connection status, the terminal manager (no terminals in the browser), and
 * the UI JupyterLite provides itself or has no server for (logo, tree routes, about, downloads,
 * file sharing, news).
 */
const DISABLED = new Set([
  '@jupyterlab/services-extension:connection-status',
  '@jupyterlab/services-extension:terminal-manager',
  '@jupyterlab/application-extension:logo',
  '@jupyterlab/application-extension:main',
  '@jupyterlab/application-extension:tree-resolver',
  '@jupyterlab/apputils-extension:announcements',
  '@jupyterlab/docmanager-extension:download',
  '@jupyterlab/filebrowser-extension:download',
  '@jupyterlab/filebrowser-extension:share-file',
  '@jupyterlab/help-extension:about',
]);

/** A module's plugins: its default export, one plugin or an array of them. */
function pluginsOf([name, module]) {
  const exports = module.default ?? module;
  return (Array.isArray(exports) ? exports : [exports]).map((plugin) => ({ name, plugin }));
}

const isLite = (name) => name.startsWith('@jupyterlite/');

function activePlugins(modules) {
  const all = modules.flatMap(pluginsOf);
  const liteTokens = new Set(
    all
      .filter(({ name, plugin }) => isLite(name) && plugin.provides)
      .map(({ plugin }) => plugin.provides),
  );
  return all.filter(
    ({ name, plugin }) =>
      !DISABLED.has(plugin.id) &&
      !PageConfig.Extension.isDisabled(plugin.id) &&
      (isLite(name) || !liteTokens.has(plugin.provides)),
  );
}

async function main() {
  const plugins = activePlugins(extensions);
  const pluginRegistry = new PluginRegistry();
  pluginRegistry.registerPlugins(plugins.map(({ plugin }) => plugin));
  const serviceManager = await pluginRegistry.resolveRequiredService(IServiceManager);
  const lab = new JupyterLab({
    pluginRegistry,
    serviceManager,
    mimeExtensions: activePlugins(mimeExtensions).map(({ plugin }) => plugin),
    availablePlugins: plugins.map(({ name, plugin }) => ({ ...plugin, extension: name })),
  });
  lab.name = 'JupyterLite';
  await lab.start();
  await lab.restored;
}

main().catch((error) => console.error('the stock JupyterLite lab failed to start', error));
