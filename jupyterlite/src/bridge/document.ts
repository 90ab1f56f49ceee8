/**
 * Follows the open notebook: tells the parent when it is ready, when its content changes, when a
 * cell finished executing (and what an exercise's check cell printed: `check-result`) and what the
 * tutor sees (`focus`), and keeps the outcome of the last execution for `getErrorOutput`.
 */
import type { Cell, ICodeCellModel } from '@jupyterlab/cells';
import { NotebookActions, type INotebookTracker, type NotebookPanel } from '@jupyterlab/notebook';
import { PromiseDelegate } from '@lumino/coreutils';

import type { ParentChannel } from './channel';
import { checkResultOf } from './checks';
import { type LastExecution, formatKernelError, kernelErrorName } from './errors';
import { notebookFocus } from './focus';

const DIRTY_DEBOUNCE_MS = 250;

export class OpenNotebook {
  private panel: NotebookPanel | null = null;
  private readonly first = new PromiseDelegate<NotebookPanel>();
  private quiet = 0;
  private dirtyTimer: ReturnType<typeof setTimeout> | null = null;
  private lastFocus = '';

  constructor(
    private readonly tracker: INotebookTracker,
    private readonly channel: ParentChannel,
    private readonly lastExecution: LastExecution,
  ) {
    tracker.widgetAdded.connect((_, panel) => void this.track(panel));
    if (tracker.currentWidget) void this.track(tracker.currentWidget);
    NotebookActions.executed.connect(this.handleExecuted);
  }

  /** The open notebook once loaded; rejects after `timeoutMs` if none opens. */
  async get(timeoutMs = 20_000): Promise<NotebookPanel> {
    if (this.panel) return this.panel;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('No notebook is open')), timeoutMs);
    });
    try {
      return await Promise.race([this.first.promise, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  silently<T>(change: () => T): T {
    this.quiet += 1;
    try {
      return change();
    } finally {
      this.quiet -= 1;
    }
  }

  private async track(panel: NotebookPanel): Promise<void> {
    await panel.context.ready;
    await panel.revealed;
    if (panel.isDisposed || this.panel) return;
    this.panel = panel;
    panel.context.model.contentChanged.connect(this.handleContentChanged);
    panel.content.activeCellChanged.connect(this.focusChanged);
    panel.disposed.connect(() => {
      if (this.panel === panel) this.panel = null;
    });
    this.first.resolve(panel);
    this.channel.emit('ready', { path: panel.context.path });
    this.focusChanged();
  }

  /** Tells the parent what the tutor sees now, if that changed. */
  readonly focusChanged = (): void => {
    const panel = this.panel;
    if (!panel) return;
    const focus = notebookFocus(panel.content, this.lastExecution);
    const key = JSON.stringify(focus);
    if (key === this.lastFocus) return;
    this.lastFocus = key;
    this.channel.emit('focus', focus);
  };

  private readonly handleContentChanged = (): void => {
    if (this.quiet > 0) return;
    if (this.dirtyTimer !== null) return;
    this.dirtyTimer = setTimeout(() => {
      this.dirtyTimer = null;
      this.channel.emit('dirty', {});
    }, DIRTY_DEBOUNCE_MS);
  };

  private readonly handleExecuted = (
    _: unknown,
    args: {
      notebook: NotebookPanel['content'];
      cell: { model: { type: string } };
      success: boolean;
      error?: { errorName: string; errorValue: string; traceback: string[] } | null;
    },
  ): void => {
    const panel = this.panel;
    if (!panel || args.notebook !== panel.content || args.cell.model.type !== 'code') return;
    const index = panel.content.widgets.findIndex((cell) => cell === (args.cell as unknown));
    const raw = args.success ? null : (args.error ?? null);
    const error = raw && { ...raw, errorName: kernelErrorName(raw.errorName) };
    this.lastExecution.record(
      args.success
        ? null
        : {
            text: error ? formatKernelError(error) : 'The cell did not finish running.',
            ename: error?.errorName || 'Error',
            cell: panel.content.widgets[index]?.model ?? null,
          },
    );
    this.channel.emit('cell-executed', {
      index,
      success: args.success,
      ...(error ? { ename: error.errorName, evalue: error.errorValue } : {}),
    });
    this.reportCheck(index, args.cell as unknown as Cell);
    this.focusChanged();
  };

  /** An exercise's check cell that printed its result line: `check-result` to the parent. */
  private reportCheck(index: number, cell: Cell): void {
    const model = cell.model as ICodeCellModel;
    const result = checkResultOf(index, model.getMetadata('tutor'), model.outputs?.toJSON() ?? []);
    if (result) this.channel.emit('check-result', result);
  }
}
