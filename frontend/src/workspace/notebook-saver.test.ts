import type { NotebookState, ProgressOut, ProgressUpdate } from '@tutor/shared/progress';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError, networkError } from '../api/api-error';
import { NotebookSaver, workFingerprint, type SaveState } from './notebook-saver';

function notebook(source: string, metadata: Record<string, unknown> = {}): NotebookState {
  return {
    nbformat: 4,
    nbformat_minor: 5,
    metadata,
    cells: [{ cell_type: 'code', source, metadata: {}, outputs: [] }],
  };
}

function progressOut(version: number): ProgressOut {
  return {
    id: 'p',
    module_id: 'm',
    status: 'in_progress',
    attempt_count: 0,
    updated_at: null,
    version,
  };
}

/** A saver over a fake notebook and a fake server that records each PUT. */
function setup(options: { version?: number } = {}) {
  let current = notebook('x = 1');
  let storedVersion = options.version ?? 0;
  const puts: ProgressUpdate[] = [];
  const states: SaveState[] = [];
  let failWith: unknown = null;
  const saver = new NotebookSaver({
    version: storedVersion,
    getState: () => Promise.resolve(current),
    put: (update) => {
      puts.push(update);
      if (failWith) return Promise.reject(failWith);
      if (update.base_version !== storedVersion) {
        return Promise.reject(new ApiError(409, 'conflict', 'stale'));
      }
      storedVersion += 1;
      return Promise.resolve(progressOut(storedVersion));
    },
    onStateChange: (state) => states.push(state),
    backoff: { initialMs: 2000, maxMs: 8000 },
  });
  return {
    saver,
    puts,
    states,
    edit(source: string) {
      current = notebook(source, current.metadata);
      saver.markDirty();
    },
    touchMetadata() {
      current = notebook(String(current.cells[0]!.source), { kernelspec: { name: 'python' } });
      saver.markDirty();
    },
    failWith(error: unknown) {
      failWith = error;
    },
    bumpServer() {
      storedVersion += 1;
    },
    get storedVersion() {
      return storedVersion;
    },
  };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('NotebookSaver', () => {
  it('saves 3 s after edits stop, with the version it is based on', async () => {
    const t = setup();
    t.saver.setBaseline(notebook('x = 1'));
    t.edit('x = 2');
    expect(t.saver.saveState).toEqual({ kind: 'unsaved' });
    await vi.advanceTimersByTimeAsync(2000);
    t.edit('x = 3');
    await vi.advanceTimersByTimeAsync(2900);
    expect(t.puts).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(200);
    expect(t.puts).toHaveLength(1);
    expect(t.puts[0]).toMatchObject({ base_version: 0 });
    expect(t.puts[0]!.notebook_state!.cells[0]!.source).toBe('x = 3');
    expect(t.saver.saveState).toEqual({ kind: 'saved' });
    t.edit('x = 4');
    await vi.advanceTimersByTimeAsync(3100);
    expect(t.puts[1]).toMatchObject({ base_version: 1 });
  });

  it('still saves within 10 s when edits never pause', async () => {
    const t = setup();
    for (let i = 0; i < 12; i += 1) {
      t.edit(`x = ${i}`);
      await vi.advanceTimersByTimeAsync(1000);
    }
    expect(t.puts.length).toBeGreaterThanOrEqual(1);
  });

  it('does not save a change of metadata alone (JupyterLab touching kernelspec)', async () => {
    const t = setup();
    t.saver.setBaseline(notebook('x = 1'));
    t.touchMetadata();
    await vi.advanceTimersByTimeAsync(4000);
    expect(t.puts).toHaveLength(0);
    expect(t.saver.saveState).toEqual({ kind: 'saved' });
    expect(t.saver.dirty).toBe(false);
    expect(t.saver.snapshot()?.unsaved).toBe(false);
  });

  it('saves at once on request (cell executed, page hidden)', async () => {
    const t = setup();
    t.edit('x = 2');
    await t.saver.saveNow();
    expect(t.puts).toHaveLength(1);
    await t.saver.saveNow();
    expect(t.puts).toHaveLength(1);
  });

  it('an edit made during a save stays unsaved and is saved right after', async () => {
    const t = setup();
    t.edit('x = 2');
    const first = t.saver.saveNow();
    t.edit('x = 3');
    await first;
    await vi.advanceTimersByTimeAsync(0);
    expect(t.puts.map((p) => p.notebook_state!.cells[0]!.source)).toContain('x = 2');
    await vi.advanceTimersByTimeAsync(3100);
    expect(t.puts.at(-1)!.notebook_state!.cells[0]!.source).toBe('x = 3');
    expect(t.saver.saveState).toEqual({ kind: 'saved' });
  });

  it('retries failed saves with backoff, shows when, and keeps later edits', async () => {
    const t = setup();
    t.failWith(networkError());
    t.edit('x = 2');
    await t.saver.saveNow();
    const state = t.saver.saveState;
    expect(state.kind).toBe('retrying');
    expect(state.kind === 'retrying' && state.retryAt - Date.now()).toBe(2000);
    t.edit('x = 3');
    await vi.advanceTimersByTimeAsync(2000);
    expect(t.puts).toHaveLength(2);
    const again = t.saver.saveState;
    expect(again.kind === 'retrying' && again.retryAt - Date.now()).toBe(4000);
    t.failWith(null);
    await vi.advanceTimersByTimeAsync(4000);
    expect(t.saver.saveState).toEqual({ kind: 'saved' });
    expect(t.puts.at(-1)!.notebook_state!.cells[0]!.source).toBe('x = 3');
    expect(t.storedVersion).toBe(1);
  });

  it('does not retry a refused save (413) on a backoff, and says why', async () => {
    const t = setup();
    t.failWith(new ApiError(413, 'payload_too_large', 'The notebook is too large.'));
    t.edit('x = 2');
    await t.saver.saveNow();
    expect(t.saver.saveState).toEqual({ kind: 'failed', message: 'The notebook is too large.' });
    // Only the next edit or the 60 s save tries again.
    await vi.advanceTimersByTimeAsync(30_000);
    expect(t.puts).toHaveLength(1);
  });

  it('stops on a conflict until the student chooses; keeping theirs overwrites the new version', async () => {
    const t = setup();
    t.bumpServer();
    t.edit('mine');
    await t.saver.saveNow();
    expect(t.saver.saveState).toEqual({ kind: 'conflict' });
    expect(t.saver.snapshot()).toBeNull();
    t.edit('mine, more');
    await vi.advanceTimersByTimeAsync(120_000);
    expect(t.puts).toHaveLength(1);

    await t.saver.resolveConflict(t.storedVersion, true);
    expect(t.puts.at(-1)).toMatchObject({ base_version: 1 });
    expect(t.saver.saveState).toEqual({ kind: 'saved' });
    expect(t.storedVersion).toBe(2);
  });

  it('after loading the newer version nothing is unsaved and saves continue from it', async () => {
    const t = setup();
    t.bumpServer();
    t.edit('mine');
    await t.saver.saveNow();
    await t.saver.resolveConflict(t.storedVersion, false, notebook('theirs'));
    expect(t.saver.dirty).toBe(false);
    t.edit('theirs, then mine');
    await vi.advanceTimersByTimeAsync(3100);
    expect(t.puts.at(-1)).toMatchObject({ base_version: 1 });
    expect(t.saver.saveState).toEqual({ kind: 'saved' });
  });

  it('keeps a snapshot of the latest notebook for the page-close save', async () => {
    const t = setup({ version: 4 });
    t.saver.setBaseline(notebook('x = 1'));
    expect(t.saver.snapshot()).toBeNull();
    t.edit('x = 2');
    await vi.advanceTimersByTimeAsync(600);
    expect(t.saver.snapshot()).toMatchObject({ unsaved: true, baseVersion: 4 });
    expect(t.saver.snapshot()!.state.cells[0]!.source).toBe('x = 2');
    await vi.advanceTimersByTimeAsync(3000);
    expect(t.saver.snapshot()).toMatchObject({ unsaved: false, baseVersion: 5 });
  });

  it('saves every 60 s while something is unsaved', async () => {
    const t = setup();
    t.failWith(new ApiError(422, 'invalid', 'bad'));
    t.edit('x = 2');
    await vi.advanceTimersByTimeAsync(3100);
    expect(t.puts).toHaveLength(1);
    t.failWith(null);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(t.puts).toHaveLength(2);
    expect(t.saver.saveState).toEqual({ kind: 'saved' });
  });
});

describe('workFingerprint', () => {
  it('ignores metadata and the array/string form of sources and output text', () => {
    const a = notebook('a\nb');
    const b: NotebookState = {
      ...notebook('', { kernelspec: {} }),
      cells: [
        {
          cell_type: 'code',
          source: ['a\n', 'b'],
          metadata: { trusted: true },
          outputs: [],
        },
      ],
    };
    expect(workFingerprint(a)).toBe(workFingerprint(b));
    expect(workFingerprint(notebook('a'))).not.toBe(workFingerprint(notebook('b')));
  });
});
