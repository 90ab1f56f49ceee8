/**
 * Stands in for @jupyterlab/pluginmanager (the plugin manager's model and widget, ~5 kB
 * compressed). Only JupyterLite's plugin-manager plugin uses it, and that plugin is disabled
 * (src/plugins.ts); @jupyterlite/apputils subclasses the model when it loads, so the stub exports
 * classes, which throw if ever constructed.
 */
import { Token } from '@lumino/coreutils';

export const IPluginManager = new Token<unknown>('@jupyterlab/pluginmanager:IPluginManager');

function unavailable(): never {
  throw new Error('The plugin manager is not part of this app');
}

export class PluginListModel {
  constructor() {
    unavailable();
  }
}

export class Plugins {
  constructor() {
    unavailable();
  }
}
