/**
 * Fits JupyterLab into a side panel: one document, no side bars or top bar, and the notebook
 * named by `?path=` opened on start.
 */
import {
  ILabShell,
  type JupyterFrontEnd,
  type JupyterFrontEndPlugin,
} from '@jupyterlab/application';
import { IDocumentManager } from '@jupyterlab/docmanager';

import { fitShellToPanel } from './shell';
import { openFromUrl } from './opener';
import { translatorConnector, windowResolver } from './services';
import { serverFilesReadOnce } from './server-files';
import { settingRegistryPlugin } from './setting-registry';
import { settingsPlugin } from './settings';
import { deferKernelStart } from './startup-gate';

const sidePanel: JupyterFrontEndPlugin<void> = {
  id: '@tutor/jupyterlite:side-panel',
  description: 'Single-document layout without side bars, opening the notebook given by ?path=.',
  autoStart: true,
  requires: [ILabShell, IDocumentManager],
  activate: (app: JupyterFrontEnd, labShell: ILabShell, docManager: IDocumentManager): void => {
    fitShellToPanel(labShell);
    void app.started.then(() => openFromUrl(docManager, labShell, window.location.search));
    void app.restored.then(() => fitShellToPanel(labShell));
  },
};

export default [
  sidePanel,
  windowResolver,
  translatorConnector,
  settingsPlugin,
  settingRegistryPlugin,
  serverFilesReadOnce,
  deferKernelStart,
];
