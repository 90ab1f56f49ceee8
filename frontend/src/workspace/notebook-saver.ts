import type { NotebookState, ProgressOut, ProgressUpdate } from '@tutor/shared/progress';
import { ApiError } from '../api/api-error';

/**
 * Autosave for the workspace notebook, framework-free (NotebookPanel wires it to the bridge, the
 * API and the page's events).
 *
 * - Every change bumps a generation; a save records the generation it captured, so an edit made
 *   while a save is in flight is never reported as saved.
 * - Saves run ~3 s after edits stop, every 60 s while something is unsaved, and at once on request
 *   (after a cell runs, when the page is hidden). One save at a time; a request during a save runs
 *   right after it.
 * - Every save sends the version it is based on. A 409 stops autosaving until the student chooses
 *   (`resolveConflict`). Network errors, 5xx and 429 are retried with exponential backoff and the
 *   unsaved work stays marked as such; other 4xx wait for the next edit.
 * - It keeps the latest notebook it read (`snapshot`) for the page-close save, which cannot wait for
 *   the notebook to answer.
 */

export type SaveState =
  | { kind: 'saved' }
  | { kind: 'unsaved' }
  | { kind: 'saving' }
  | { kind: 'retrying'; retryAt: number; message: string }
  | { kind: 'failed'; message: string }
  | { kind: 'conflict' };

export interface NotebookSaverOptions {
  /** The version of the stored notebook the page starts from. */
  version: number;
  /** Reads the notebook (through the bridge). */
  getState: () => Promise<NotebookState>;
  /** PUT /api/progress/{id}. */
  put: (update: ProgressUpdate) => Promise<ProgressOut>;
  onStateChange: (state: SaveState) => void;
  debounceMs?: number;
  /** The longest a change waits while edits keep coming. */
  maxWaitMs?: number;
  periodMs?: number;
  /** How soon after a change the snapshot for the page-close save is refreshed. */
  snapshotDelayMs?: number;
  backoff?: { initialMs?: number; maxMs?: number };
  now?: () => number;
}

export interface Snapshot {
  state: NotebookState;
  /** Whether it holds changes no save has stored yet. */
  unsaved: boolean;
  baseVersion: number;
}

function text(value: unknown): unknown {
  return Array.isArray(value) && value.every((part) => typeof part === 'string')
    ? value.join('')
    : value;
}

/**
 * What counts as the student's work: each cell's type, source and outputs. Metadata is left out:
 * JupyterLab rewrites it on its own (kernelspec, language_info once the kernel starts), and such a
 * change alone must not save, nor make another tab's save stale.
 */
export function workFingerprint(state: NotebookState): string {
  return JSON.stringify(
    state.cells.map((cell) => {
      const outputs = (cell as { outputs?: unknown }).outputs;
      return [
        cell.cell_type,
        text(cell.source),
        Array.isArray(outputs)
          ? outputs.map((output: unknown) =>
              output && typeof output === 'object'
                ? Object.fromEntries(
                    Object.entries(output as Record<string, unknown>)
                      .filter(([key]) => key !== 'metadata')
                      .map(([key, value]) => [key, text(value)]),
                  )
                : output,
            )
          : [],
      ];
    }),
  );
}

/** Network failures, server errors and rate limits get better by themselves: retry those. */
export function isRetryable(error: unknown): boolean {
  if (!(error instanceof ApiError)) return true;
  return error.status === 0 || error.status === 429 || error.status >= 500;
}

export class NotebookSaver {
  private version: number;
  private generation = 0;
  private savedGeneration = 0;
  private snapshotState: { state: NotebookState; generation: number } | null = null;
  /** The work as last stored (or as loaded); a save of the same work is skipped. */
  private savedFingerprint: string | null = null;
  /** When the oldest unsaved change was made (edits that never pause still get saved). */
  private dirtySince: number | null = null;
  private inFlight = false;
  private again = false;
  private conflict = false;
  private disposed = false;
  private failures = 0;
  private state: SaveState = { kind: 'saved' };
  private debounceTimer: ReturnType<typeof setTimeout> | null = null;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private snapshotTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly periodTimer: ReturnType<typeof setInterval>;
  private readonly debounceMs: number;
  private readonly maxWaitMs: number;
  private readonly snapshotDelayMs: number;
  private readonly initialBackoffMs: number;
  private readonly maxBackoffMs: number;
  private readonly now: () => number;

  constructor(private readonly options: NotebookSaverOptions) {
    this.version = options.version;
    this.debounceMs = options.debounceMs ?? 3000;
    this.maxWaitMs = options.maxWaitMs ?? 10_000;
    this.snapshotDelayMs = options.snapshotDelayMs ?? 500;
    this.initialBackoffMs = options.backoff?.initialMs ?? 2000;
    this.maxBackoffMs = options.backoff?.maxMs ?? 60_000;
    this.now = options.now ?? Date.now;
    this.periodTimer = setInterval(() => {
      if (this.dirty && !this.retryTimer) void this.save();
    }, options.periodMs ?? 60_000);
  }

  get saveState(): SaveState {
    return this.state;
  }

  get baseVersion(): number {
    return this.version;
  }

  /** True while some change has not been stored. */
  get dirty(): boolean {
    return this.generation !== this.savedGeneration;
  }

  /** The notebook as loaded (restored, or the module's own): saving it unchanged is skipped. */
  setBaseline(state: NotebookState): void {
    this.savedFingerprint = workFingerprint(state);
  }

  /** The notebook changed. */
  markDirty(): void {
    if (this.disposed) return;
    this.generation += 1;
    this.dirtySince ??= this.now();
    if (this.conflict) return;
    if (this.state.kind === 'saved' || this.state.kind === 'failed') {
      this.setState({ kind: 'unsaved' });
    }
    this.clearTimer('debounceTimer');
    // While a retry is pending, the retry carries this change too.
    if (!this.retryTimer) {
      const waited = this.now() - this.dirtySince;
      this.debounceTimer = setTimeout(
        () => {
          this.debounceTimer = null;
          void this.save();
        },
        Math.max(0, Math.min(this.debounceMs, this.maxWaitMs - waited)),
      );
    }
    this.clearTimer('snapshotTimer');
    this.snapshotTimer = setTimeout(() => {
      this.snapshotTimer = null;
      void this.refreshSnapshot();
    }, this.snapshotDelayMs);
  }

  /** Saves now if anything is unsaved (after a cell ran, when the page is hidden). */
  async saveNow(): Promise<void> {
    if (!this.dirty) return;
    this.clearTimer('retryTimer');
    await this.save();
  }

  /**
   * What the page-close save should send: the latest notebook read, and whether it holds unsaved
   * changes. Null before the notebook was ever read.
   */
  snapshot(): Snapshot | null {
    if (!this.snapshotState || this.conflict) return null;
    const { state, generation } = this.snapshotState;
    const changed = generation > this.savedGeneration || this.dirty;
    return {
      state,
      unsaved: changed && workFingerprint(state) !== this.savedFingerprint,
      baseVersion: this.version,
    };
  }

  /**
   * Leaves the conflict: continue from the stored `version`. With `keepMine`, the local notebook
   * overwrites it at once; otherwise the caller has loaded the stored notebook and nothing is
   * unsaved.
   */
  async resolveConflict(version: number, keepMine: boolean, loaded?: NotebookState): Promise<void> {
    this.version = version;
    this.conflict = false;
    this.failures = 0;
    if (keepMine) {
      this.generation += 1;
      this.savedFingerprint = null;
      this.setState({ kind: 'unsaved' });
      await this.save();
    } else {
      this.savedGeneration = this.generation;
      this.dirtySince = null;
      this.snapshotState = null;
      this.savedFingerprint = loaded ? workFingerprint(loaded) : null;
      this.setState({ kind: 'saved' });
    }
  }

  dispose(): void {
    this.disposed = true;
    clearInterval(this.periodTimer);
    this.clearTimer('debounceTimer');
    this.clearTimer('retryTimer');
    this.clearTimer('snapshotTimer');
  }

  private async refreshSnapshot(): Promise<void> {
    const generation = this.generation;
    try {
      const state = await this.options.getState();
      this.keepSnapshot(state, generation);
    } catch {
      // The next save or refresh reads it again.
    }
  }

  private keepSnapshot(state: NotebookState, generation: number): void {
    if (!this.snapshotState || this.snapshotState.generation <= generation) {
      this.snapshotState = { state, generation };
    }
  }

  private async save(): Promise<void> {
    if (this.disposed || this.conflict) return;
    if (this.inFlight) {
      this.again = true;
      return;
    }
    if (!this.dirty) return;
    this.clearTimer('debounceTimer');
    this.clearTimer('retryTimer');
    this.inFlight = true;
    const generation = this.generation;
    this.setState({ kind: 'saving' });
    try {
      const state = await this.options.getState();
      this.keepSnapshot(state, generation);
      const fingerprint = workFingerprint(state);
      if (fingerprint !== this.savedFingerprint) {
        const saved = await this.options.put({ notebook_state: state, base_version: this.version });
        this.version = saved.version;
        this.savedFingerprint = fingerprint;
      }
      this.savedGeneration = Math.max(this.savedGeneration, generation);
      if (!this.dirty) this.dirtySince = null;
      this.failures = 0;
      this.setState(this.dirty ? { kind: 'unsaved' } : { kind: 'saved' });
    } catch (error) {
      this.handleFailure(error);
    } finally {
      this.inFlight = false;
    }
    if (this.again && !this.conflict && !this.retryTimer) {
      this.again = false;
      if (this.dirty) void this.save();
    }
  }

  private handleFailure(error: unknown): void {
    if (this.disposed) return;
    if (error instanceof ApiError && error.status === 409) {
      this.conflict = true;
      this.clearTimer('debounceTimer');
      this.setState({ kind: 'conflict' });
      return;
    }
    const message = error instanceof Error ? error.message : 'The notebook could not be saved.';
    if (!isRetryable(error)) {
      this.setState({ kind: 'failed', message });
      return;
    }
    const delay = Math.min(this.maxBackoffMs, this.initialBackoffMs * 2 ** this.failures);
    this.failures += 1;
    this.setState({ kind: 'retrying', retryAt: this.now() + delay, message });
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      void this.save();
    }, delay);
  }

  private clearTimer(name: 'debounceTimer' | 'retryTimer' | 'snapshotTimer'): void {
    const timer = this[name];
    if (timer !== null) clearTimeout(timer);
    this[name] = null;
  }

  private setState(state: SaveState): void {
    this.state = state;
    if (!this.disposed) this.options.onStateChange(state);
  }
}
