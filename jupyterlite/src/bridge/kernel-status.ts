/**
 * Reports the kernel's state to the parent and, when Python cannot start, tells the student inside
 * the notebook (a banner above the cells) while the notebook stays editable.
 */
import type { NotebookPanel } from '@jupyterlab/notebook';
import type { Kernel } from '@jupyterlab/services';
import type { IKernel, IKernelClient } from '@jupyterlite/services';

import type { KernelStatus } from '../../../shared/src/notebook-bridge';
import type { ParentChannel } from './channel';
import { KernelBanner } from './banner';
import { describeKernelFailure } from './failure';

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
  /** Kernel id → why it failed to start. */
  private readonly failures = new Map<string, string>();
  private readonly panels = new Map<NotebookPanel, KernelBanner>();
  private lastSent = '';

  constructor(
    private readonly channel: ParentChannel,
    kernelClient: IKernelClient | null,
    private readonly packageBaseUrl: string | null = null,
  ) {
    kernelClient?.changed.connect((_, change) => {
      if (change.type === 'add' && change.newValue) this.watchKernel(change.newValue);
    });
  }

  /** Starts following a notebook's session: status to the parent, banner in the notebook. */
  follow(panel: NotebookPanel): void {
    if (this.panels.has(panel)) return;
    const banner = new KernelBanner();
    panel.contentHeader.insertWidget(0, banner);
    this.panels.set(panel, banner);
    const { sessionContext } = panel;
    sessionContext.statusChanged.connect(() => this.update(panel));
    sessionContext.kernelChanged.connect(() => this.update(panel));
    panel.disposed.connect(() => this.panels.delete(panel));
    this.update(panel);
  }

  private watchKernel(kernel: IKernel): void {
    this.failures.delete(kernel.id);
    this.refreshAll();
    kernel.ready.then(
      () => {
        this.failures.delete(kernel.id);
        this.refreshAll();
      },
      (reason: unknown) => {
        if (kernel.isDisposed) return;
        this.failures.set(kernel.id, describeKernelFailure(reason, this.packageBaseUrl));
        this.refreshAll();
      },
    );
  }

  private refreshAll(): void {
    for (const panel of this.panels.keys()) this.update(panel);
  }

  private update(panel: NotebookPanel): void {
    const banner = this.panels.get(panel);
    if (!banner) return;
    const kernelId = panel.sessionContext.session?.kernel?.id;
    const failure = kernelId ? this.failures.get(kernelId) : undefined;
    if (failure !== undefined) {
      banner.showFailure(failure);
      this.send('dead', failure);
      return;
    }
    banner.clear();
    const status = panel.sessionContext.session?.kernel
      ? toBridgeStatus(panel.sessionContext.kernelDisplayStatus as Kernel.Status)
      : 'unknown';
    this.send(status);
  }

  private send(status: KernelStatus, message?: string): void {
    const key = `${status}\u0000${message ?? ''}`;
    if (key === this.lastSent) return;
    this.lastSent = key;
    this.channel.emit('kernel-status', message === undefined ? { status } : { status, message });
  }
}
