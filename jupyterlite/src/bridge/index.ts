/**
 * The notebook bridge: answers the workspace page's requests about the open notebook and sends it
 * events (see shared/src/notebook-bridge.ts). This file only wires the pieces together.
 */
import type { JupyterFrontEnd, JupyterFrontEndPlugin } from '@jupyterlab/application';
import { PageConfig } from '@jupyterlab/coreutils';
import { INotebookTracker } from '@jupyterlab/notebook';
import { IKernelClient } from '@jupyterlite/services';

import { ParentChannel } from './channel';
import { OpenNotebook } from './document';
import { LastExecution } from './errors';
import { configuredPackageBaseUrl } from './failure';
import { KernelStatusReporter } from './kernel-status';
import { createOperations } from './operations';

const bridge: JupyterFrontEndPlugin<void> = {
  id: '@tutor/jupyterlite:notebook-bridge',
  description: 'postMessage bridge between the notebook and the workspace page that embeds it.',
  autoStart: true,
  requires: [INotebookTracker],
  optional: [IKernelClient],
  activate: (
    _app: JupyterFrontEnd,
    tracker: INotebookTracker,
    kernelClient: IKernelClient | null,
  ): void => {
    const channel = new ParentChannel(window);
    const lastExecution = new LastExecution();
    const openNotebook = new OpenNotebook(tracker, channel, lastExecution);
    const kernelStatus = new KernelStatusReporter(
      channel,
      kernelClient,
      configuredPackageBaseUrl(PageConfig.getOption('litePluginSettings')),
    );
    tracker.widgetAdded.connect((_, panel) => kernelStatus.follow(panel));
    channel.onRequest(
      createOperations({
        notebook: () => openNotebook.get(),
        lastExecution,
        silently: (change) => openNotebook.silently(change),
      }),
    );
  },
};

export default [bridge];
