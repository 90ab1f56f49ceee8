/**
 * Knows which kernels could not start, and keeps code cells from being sent to one: JupyterLite
 * queues an execution until the kernel is ready, and a kernel that failed never is, so the cell
 * would show `[*]` forever. Such a run is refused (its prompt is left as it was) and reported;
 * runs queued before the failure was known are cancelled (see `cancelQueuedRuns`).
 */
import type { Cell, CodeCell } from '@jupyterlab/cells';
import { type INotebookCellExecutor, type INotebookModel, type Notebook, runCell } from '@jupyterlab/notebook';
import type { IKernel, IKernelClient } from '@jupyterlite/services';
import { Token } from '@lumino/coreutils';
import { Signal } from '@lumino/signaling';

import { type KernelFailure, describeKernelFailure } from './failure';

export interface RefusedRun {
  notebook: INotebookModel;
  cell: Cell;
}

export class KernelGuard {
  /** Kernel id → why it failed to start. */
  private readonly failures = new Map<string, KernelFailure>();
  /** Emitted when a kernel fails to start or starts again. */
  readonly changed = new Signal<this, void>(this);
  /** Emitted for each code cell not run because its kernel could not start. */
  readonly refused = new Signal<this, RefusedRun>(this);

  readonly executor: INotebookCellExecutor = Object.freeze({
    runCell: (options: INotebookCellExecutor.IRunCellOptions): Promise<boolean> => {
      const kernelId = options.sessionContext?.session?.kernel?.id;
      if (options.cell.model.type === 'code' && this.failureOf(kernelId)) {
        this.refused.emit({ notebook: options.notebook, cell: options.cell });
        return Promise.resolve(false);
      }
      return runCell(options);
    },
  });

  constructor(
    kernelClient: IKernelClient | null,
    private readonly packageBaseUrl: string | null = null,
  ) {
    kernelClient?.changed.connect((_, change) => {
      if (change.type === 'add' && change.newValue) this.watch(change.newValue);
    });
  }

  failureOf(kernelId: string | undefined): KernelFailure | undefined {
    return kernelId ? this.failures.get(kernelId) : undefined;
  }

  private watch(kernel: IKernel): void {
    // A restart brings a new kernel with the same id: it gets its own chance.
    if (this.failures.delete(kernel.id)) this.changed.emit();
    kernel.ready.then(
      () => {
        if (this.failures.delete(kernel.id)) this.changed.emit();
      },
      (reason: unknown) => {
        if (kernel.isDisposed) return;
        this.failures.set(kernel.id, describeKernelFailure(reason, this.packageBaseUrl));
        this.changed.emit();
      },
    );
  }
}

/**
 * Cancels the runs of `notebook` still waiting for a kernel that will never answer: each such
 * cell's prompt goes back from `[*]` to what it was. Returns the indices of those cells.
 */
export function cancelQueuedRuns(notebook: Notebook): number[] {
  const cancelled: number[] = [];
  notebook.widgets.forEach((cell, index) => {
    if (cell.model.type !== 'code' || (cell as CodeCell).model.executionState !== 'running') return;
    const future = (cell as CodeCell).outputArea.future;
    // Disposing the request ends CodeCell.execute, which sets the cell idle again.
    if (future && !future.isDisposed) future.dispose();
    else (cell as CodeCell).model.executionState = 'idle';
    cancelled.push(index);
  });
  return cancelled;
}

export const IKernelGuard = new Token<KernelGuard>(
  '@tutor/jupyterlite:IKernelGuard',
  'Which kernels could not start; refuses to run code cells on them.',
);
