/**
 * The plugin registry of the side-panel notebook: the JupyterLab and JupyterLite plugins it needs,
 * statically imported (no module federation), minus the ones a side panel must not have.
 */
import type { JupyterFrontEndPlugin } from '@jupyterlab/application';
import type { ServiceManagerPlugin } from '@jupyterlab/services';

import applicationExtension from '@jupyterlab/application-extension';
import apputilsExtension from '@jupyterlab/apputils-extension';
import codemirrorExtension from '@jupyterlab/codemirror-extension';
import completerExtension from '@jupyterlab/completer-extension';
import docmanagerExtension from '@jupyterlab/docmanager-extension';
import markedparserExtension from '@jupyterlab/markedparser-extension';
import notebookExtension from '@jupyterlab/notebook-extension';
import rendermimeExtension from '@jupyterlab/rendermime-extension';
import servicesExtension from '@jupyterlab/services-extension';
import shortcutsExtension from '@jupyterlab/shortcuts-extension';
import themeLightExtension from '@jupyterlab/theme-light-extension';
import translationExtension from '@jupyterlab/translation-extension';
import uiComponentsExtension from '@jupyterlab/ui-components-extension';
import liteApputilsExtension from '@jupyterlite/apputils-extension';
import liteServicesExtension from '@jupyterlite/services-extension';
import pyodideKernelExtension from '@jupyterlite/pyodide-kernel-extension';

import extraPlugins from '@tutor/extra-plugins';

import bridgePlugins from './bridge';
import mathJaxPlugins from './mathjax';
import sidePanelPlugins from './sidepanel';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyPlugin = JupyterFrontEndPlugin<any> | ServiceManagerPlugin<any>;

/** Plugins left out: server-backed services, browser storage, and UI a side panel has no room for. */
export const DISABLED_PLUGINS: readonly string[] = [
  // UI a single notebook in a side panel does not use
  '@jupyterlab/application-extension:logo',
  '@jupyterlab/application-extension:main',
  '@jupyterlab/application-extension:tree-resolver',
  '@jupyterlab/application-extension:notfound',
  '@jupyterlab/application-extension:faviconbusy',
  '@jupyterlab/application-extension:property-inspector',
  '@jupyterlab/application-extension:top-bar',
  '@jupyterlab/application-extension:status',
  '@jupyterlab/application-extension:info',
  '@jupyterlab/application-extension:move-widget',
  '@jupyterlab/apputils-extension:announcements',
  '@jupyterlab/apputils-extension:licenses-client',
  '@jupyterlab/apputils-extension:licenses-plugin',
  '@jupyterlab/apputils-extension:palette-restorer',
  '@jupyterlab/apputils-extension:resolver',
  '@jupyterlab/apputils-extension:splash',
  '@jupyterlab/apputils-extension:print',
  '@jupyterlab/apputils-extension:toggle-header',
  '@jupyterlab/apputils-extension:workspaces',
  '@jupyterlab/apputils-extension:kernel-status',
  '@jupyterlab/apputils-extension:running-sessions-status',
  '@jupyterlab/apputils-extension:themes-palette-menu',
  '@jupyterlab/docmanager-extension:download',
  '@jupyterlab/docmanager-extension:open-browser-tab',
  '@jupyterlab/docmanager-extension:path-status',
  '@jupyterlab/docmanager-extension:saving-status',
  '@jupyterlab/notebook-extension:code-console',
  '@jupyterlab/notebook-extension:export',
  '@jupyterlab/notebook-extension:language-server',
  '@jupyterlab/notebook-extension:log-output',
  '@jupyterlab/notebook-extension:metadata-editor',
  '@jupyterlab/notebook-extension:mode-status',
  '@jupyterlab/notebook-extension:cell-counter-status',
  '@jupyterlab/notebook-extension:cursor-position',
  '@jupyterlab/notebook-extension:kernel-status',
  '@jupyterlab/notebook-extension:trust-status',
  '@jupyterlab/notebook-extension:toc',
  '@jupyterlab/notebook-extension:search',
  '@jupyterlab/notebook-extension:update-raw-mimetype',
  '@jupyterlab/docmanager-extension:recents',
  '@jupyterlab/notebook-extension:tools',
  '@jupyterlab/notebook-extension:active-cell-tool',
  '@jupyterlab/notebook-extension:open-with-no-kernel',
  '@jupyterlab/codemirror-extension:line-col-status',
  '@jupyterlab/translation-extension:translator-connector',
  // server-backed services, replaced by JupyterLite's in-browser ones
  '@jupyterlab/services-extension:config-section-manager',
  '@jupyterlab/services-extension:connection-status',
  '@jupyterlab/services-extension:default-drive',
  '@jupyterlab/services-extension:event-manager',
  '@jupyterlab/services-extension:kernel-manager',
  '@jupyterlab/services-extension:kernel-spec-manager',
  '@jupyterlab/services-extension:nbconvert-manager',
  '@jupyterlab/services-extension:session-manager',
  '@jupyterlab/services-extension:setting-manager',
  '@jupyterlab/services-extension:terminal-manager',
  '@jupyterlab/services-extension:user-manager',
  '@jupyterlab/services-extension:workspace-manager',
  '@jupyterlite/application-extension:licenses-client',
  '@jupyterlite/application-extension:resolver',
  '@jupyterlite/application-extension:translator-connector',
  '@jupyterlite/application-extension:plugin-manager',
  '@jupyterlite/application-extension:workspaces',
  '@jupyterlite/services-extension:exporters',
  '@jupyterlite/services-extension:nbconvert-manager',
  // replaced by our own (src/sidepanel/settings.ts, src/sidepanel/setting-registry.ts)
  '@jupyterlite/services-extension:settings',
  '@jupyterlab/apputils-extension:settings',
  // replaced by ours, which does not send cells to a kernel that could not start (src/bridge)
  '@jupyterlab/notebook-extension:cell-executor',
];

const MODULES: ReadonlyArray<AnyPlugin | AnyPlugin[]> = [
  applicationExtension,
  apputilsExtension,
  codemirrorExtension,
  completerExtension,
  docmanagerExtension,
  markedparserExtension,
  notebookExtension,
  rendermimeExtension,
  servicesExtension,
  shortcutsExtension,
  themeLightExtension,
  translationExtension,
  uiComponentsExtension,
  liteApputilsExtension,
  liteServicesExtension,
  pyodideKernelExtension,
  sidePanelPlugins,
  mathJaxPlugins,
  bridgePlugins,
  extraPlugins,
] as ReadonlyArray<AnyPlugin | AnyPlugin[]>;

export function collectPlugins(disabled: readonly string[] = DISABLED_PLUGINS): AnyPlugin[] {
  const skip = new Set(disabled);
  return MODULES.flat().filter((plugin) => !skip.has(plugin.id));
}
