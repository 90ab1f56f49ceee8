/**
 * The notebook bridge: answers the workspace page's requests about the open notebook and sends it
 * events (see shared/src/notebook-bridge.ts), and keeps code cells from waiting forever on a
 * Python that could not start. This file only wires the pieces together.
 */
import type { JupyterFrontEnd, JupyterFrontEndPlugin } from '@jupyterlab/application';
import { PageConfig } from '@jupyterlab/coreutils';
import { INotebookCellExecutor, INotebookTracker } from '@jupyterlab/notebook';
import { IKernelClient } from '@jupyterlite/services';

import { ParentChannel } from './channel';
import { OpenNotebook } from './document';
import { LastExecution } from './errors';
import { ExerciseBadges } from './exercise-badges';
import { configuredPackageBaseUrl } from './failure';
import { IKernelGuard, KernelGuard } from './kernel-guard';
import { KernelStatusReporter } from './kernel-status';
import { createOperations } from './operations';

const kernelGuard: JupyterFrontEndPlugin<KernelGuard> = {
  id: '@tutor/jupyterlite:kernel-guard',
  description: 'Follows which kernels could not start.',
  autoStart: true,
  provides: IKernelGuard,
  optional: [IKernelClient],
  activate: (_app: JupyterFrontEnd, kernelClient: IKernelClient | null): KernelGuard =>
    new KernelGuard(kernelClient, configuredPackageBaseUrl(PageConfig.getOption('litePluginSettings'))),
};

/** Replaces '@jupyterlab/notebook-extension:cell-executor' (disabled in plugins.ts). */
const cellExecutor: JupyterFrontEndPlugin<INotebookCellExecutor> = {
  id: '@tutor/jupyterlite:cell-executor',
  description: 'Runs cells as JupyterLab does, except on a kernel that could not start.',
  autoStart: true,
  provides: INotebookCellExecutor,
  requires: [IKernelGuard],
  activate: (_app: JupyterFrontEnd, guard: KernelGuard): INotebookCellExecutor => guard.executor,
};

const bridge: JupyterFrontEndPlugin<void> = {
  id: '@tutor/jupyterlite:notebook-bridge',
  description: 'postMessage bridge between the notebook and the workspace page that embeds it.',
  autoStart: true,
  requires: [INotebookTracker, IKernelGuard],
  activate: (_app: JupyterFrontEnd, tracker: INotebookTracker, guard: KernelGuard): void => {
    const channel = new ParentChannel(window);
    const lastExecution = new LastExecution();
    const openNotebook = new OpenNotebook(tracker, channel, lastExecution);
    const kernelStatus = new KernelStatusReporter(channel, guard);
    const badges = new ExerciseBadges();
    tracker.widgetAdded.connect((_, panel) => {
      kernelStatus.follow(panel);
      badges.follow(panel.content);
    });
    if (tracker.currentWidget) badges.follow(tracker.currentWidget.content);
    channel.onRequest(
      createOperations({
        notebook: () => openNotebook.get(),
        lastExecution,
        silently: (change) => openNotebook.silently(change),
        focusChanged: () => openNotebook.focusChanged(),
        showExerciseStates: (states) => badges.set(states),
      }),
    );
  },
};

export default [kernelGuard, cellExecutor, bridge];
