/**
 * Reports the kernel's state to the parent (which tells the student when Python cannot start), and
 * every code cell that could not run because of it.
 */
import type { NotebookPanel } from '@jupyterlab/notebook';
import type { Kernel } from '@jupyterlab/services';

import type { KernelStatus } from '../../../shared/src/notebook-bridge';
import type { ParentChannel } from './channel';
import { type KernelGuard, type RefusedRun, cancelQueuedRuns } from './kernel-guard';

export function toBridgeStatus(status: Kernel.Status): KernelStatus {
  switch (status) {
    case 'idle':
      return 'idle';
    case 'busy':
      return 'busy';
    case 'starting':
    case 'restarting':
    case 'autorestarting':
      return 'starting';
    case 'dead':
    case 'terminating':
      return 'dead';
    default:
      return 'unknown';
  }
}

export class KernelStatusReporter {
  private readonly panels = new Set<NotebookPanel>();
  private lastSent = '';

  constructor(
    private readonly channel: ParentChannel,
    private readonly guard: KernelGuard,
  ) {
    guard.changed.connect(() => {
      for (const panel of this.panels) this.update(panel);
    });
    guard.refused.connect((_, run) => this.reportRefused(run));
  }

  /** Starts following a notebook's session. */
  follow(panel: NotebookPanel): void {
    if (this.panels.has(panel)) return;
    this.panels.add(panel);
    const { sessionContext } = panel;
    sessionContext.statusChanged.connect(() => this.update(panel));
    sessionContext.kernelChanged.connect(() => this.update(panel));
    panel.disposed.connect(() => this.panels.delete(panel));
    this.update(panel);
  }

  private update(panel: NotebookPanel): void {
    const failure = this.guard.failureOf(panel.sessionContext.session?.kernel?.id);
    if (failure !== undefined) {
      this.send({ status: 'dead', message: failure.message, detail: failure.detail });
      // Runs queued while Python was starting would wait for it forever.
      for (const index of cancelQueuedRuns(panel.content)) this.channel.emit('run-refused', { index });
      return;
    }
    const status = panel.sessionContext.session?.kernel
      ? toBridgeStatus(panel.sessionContext.kernelDisplayStatus as Kernel.Status)
      : 'unknown';
    this.send({ status });
  }

  private reportRefused({ notebook, cell }: RefusedRun): void {
    for (const panel of this.panels) {
      if (panel.content.model !== notebook) continue;
      const index = panel.content.widgets.indexOf(cell);
      if (index >= 0) this.channel.emit('run-refused', { index });
    }
  }

  private send(payload: { status: KernelStatus; message?: string; detail?: string }): void {
    const key = JSON.stringify(payload);
    if (key === this.lastSent) return;
    this.lastSent = key;
    this.channel.emit('kernel-status', payload);
  }
}
