import type { ModuleOut } from '@tutor/shared/learning-modules';
import type { NotebookState, ProgressOut } from '@tutor/shared/progress';
import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import { getProgress } from '../api/progress/get-progress';
import { useAuth } from '../auth/auth-context';
import { Alert } from '../components/alert';
import { Spinner } from '../components/spinner';
import { rememberCell, rememberedCell } from './cell-position';
import { createNotebookBridge, type NotebookBridge } from './notebook-bridge';
import type { SaveState } from './notebook-saver';
import { PythonNotice } from './python-notice';
import { type PythonState, initialPythonState, pythonReducer } from './python-state';
import { useAutosave } from './use-autosave';
import { Dialog } from '../components/dialog';

/** How long JupyterLite may take to open the notebook before the panel says it failed. */
const READY_TIMEOUT_MS = 60_000;
/** How long "The notebook was reset to the original." stays in the toolbar. */
const DONE_NOTE_MS = 6_000;

interface NotebookPanelProps {
  module: ModuleOut;
  /**
   * The progress read when the workspace opened (its notebook_state is restored); null while it
   * loads: the frame opens meanwhile, and the notebook is restored once both are there.
   */
  progress: ProgressOut | null;
  /** The bridge once the notebook is open and restored (null before and after). */
  onBridge: (bridge: NotebookBridge | null) => void;
  onSaveState: (state: SaveState) => void;
}

type Phase = { kind: 'loading' } | { kind: 'ready' } | { kind: 'failed'; message: string };

/** What the panel says after an action: a short note in its toolbar, or an error box. */
type Notice = { tone: 'done' | 'error'; text: string };

/**
 * `/jupyterlite/lab/index.html?path=files/<notebook>`. The JupyterLite test build replaces Python
 * with a JavaScript stand-in kernel when the lab URL carries `testKernel=1`: this page passes that
 * switch through when it was itself opened with `?testKernel=1`. Test-only: a production build
 * has no test kernel, so the parameter does nothing there.
 */
export function labUrl(notebookFilename: string, pageSearch: string): string {
  const query = new URLSearchParams({ path: `files/${notebookFilename}` });
  if (new URLSearchParams(pageSearch).get('testKernel') === '1') query.set('testKernel', '1');
  return `/jupyterlite/lab/index.html?${query.toString()}`;
}

/** The module's starting notebook as served by JupyterLite (contents path files/<name>). */
export function originalNotebookUrl(notebookFilename: string): string {
  return `/jupyterlite/files/files/${encodeURIComponent(notebookFilename)}`;
}

/**
 * The notebook: JupyterLite in an iframe driven through the bridge. Restores the saved notebook
 * once the frame is ready (and returns to the cell the student was at), then autosaves (see
 * useAutosave). Shows a loading state while JupyterLite loads and one calm notice when Python
 * cannot start (editing, saving and the tutor go on).
 */
export function NotebookPanel({ module, progress, onBridge, onSaveState }: NotebookPanelProps) {
  const { user } = useAuth();
  const userId = user?.id ?? null;
  const iframeRef = useRef<HTMLIFrameElement>(null);
  const [phase, setPhase] = useState<Phase>({ kind: 'loading' });
  const [bridge, setBridge] = useState<NotebookBridge | null>(null);
  /** The frame's bridge once the notebook is open there, before it is restored. */
  const [opened, setOpened] = useState<NotebookBridge | null>(null);
  const [python, dispatchPython] = useReducer(pythonReducer, initialPythonState);
  const [dialog, setDialog] = useState<'reset' | 'conflict' | null>(null);
  const [pending, setPending] = useState(false);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [attempt, setAttempt] = useState(0);
  const onBridgeRef = useRef(onBridge);
  useEffect(() => {
    onBridgeRef.current = onBridge;
  });

  const src = labUrl(module.notebook_filename, window.location.search);

  const handleSaveState = useCallback(
    (state: SaveState) => {
      if (state.kind === 'conflict') setDialog('conflict');
      onSaveState(state);
    },
    [onSaveState],
  );

  const saverRef = useAutosave({
    moduleId: module.id,
    bridge,
    version: progress?.version ?? 0,
    onStateChange: handleSaveState,
  });

  useEffect(() => {
    const iframe = iframeRef.current;
    if (!iframe) return;
    // Created before the frame loads: the notebook announces `ready` once.
    const client = createNotebookBridge(iframe, { timeoutMs: 15_000 });
    let cancelled = false;
    setPhase({ kind: 'loading' });
    dispatchPython({ type: 'frame-reset' });
    const offKernel = client.on('kernel-status', (payload) =>
      dispatchPython({ type: 'kernel-status', payload }),
    );
    const offRefused = client.on('run-refused', ({ index }) =>
      dispatchPython({ type: 'run-refused', index }),
    );
    const timer = setTimeout(() => {
      if (!client.ready && !cancelled) {
        setPhase({ kind: 'failed', message: 'The notebook did not load. Check your connection.' });
      }
    }, READY_TIMEOUT_MS);
    iframe.src = src;
    void client.whenReady().then(() => {
      if (!cancelled) setOpened(client);
    });
    return () => {
      cancelled = true;
      clearTimeout(timer);
      offKernel();
      offRefused();
      client.dispose();
      setOpened(null);
      setBridge(null);
      onBridgeRef.current(null);
    };
  }, [src, attempt]);

  // Restore the saved notebook once the frame is open and the progress is known, then autosave.
  useEffect(() => {
    const client = opened;
    if (!client || !progress) return;
    const saved = progress.notebook_state;
    let cancelled = false;
    let offFocus: (() => void) | undefined;
    void (async () => {
      try {
        if (saved) await client.setNotebookState(saved);
      } catch (error) {
        if (cancelled) return;
        // Autosaving now would overwrite the saved work with the default notebook: stop here.
        const reason = error instanceof Error ? error.message : 'unknown error';
        setPhase({
          kind: 'failed',
          message: `Your saved notebook could not be restored (${reason}). Nothing was overwritten.`,
        });
        return;
      }
      if (cancelled) return;
      // Back to the cell the student was at (a cell that no longer exists is skipped).
      const at = userId ? rememberedCell(userId, module.id) : null;
      if (at !== null) await client.selectCell(at).catch(() => undefined);
      if (cancelled) return;
      if (userId) {
        offFocus = client.on('focus', ({ index }) => {
          if (index >= 0) rememberCell(userId, module.id, index);
        });
      }
      setPhase({ kind: 'ready' });
      setBridge(client);
      onBridgeRef.current(client);
    })();
    return () => {
      cancelled = true;
      offFocus?.();
    };
  }, [opened, progress, userId, module.id]);

  // A done note leaves the toolbar after a while; an error stays until the next action.
  useEffect(() => {
    if (notice?.tone !== 'done') return;
    const timer = setTimeout(() => setNotice(null), DONE_NOTE_MS);
    return () => clearTimeout(timer);
  }, [notice]);

  function handleRetryPython() {
    if (!opened) return;
    dispatchPython({ type: 'retry' });
    opened.restartKernel().catch(() => dispatchPython({ type: 'retry-failed' }));
  }

  async function handleReset() {
    if (!bridge) return;
    setPending(true);
    try {
      const response = await fetch(originalNotebookUrl(module.notebook_filename));
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      await bridge.setNotebookState(await response.json());
      saverRef.current?.markDirty();
      void saverRef.current?.saveNow();
      setNotice({ tone: 'done', text: 'The notebook was reset to the original.' });
    } catch (error) {
      const reason = error instanceof Error ? error.message : 'unknown error';
      setNotice({
        tone: 'error',
        text: `The original notebook could not be loaded (${reason}). Your work is unchanged.`,
      });
    } finally {
      setPending(false);
      setDialog(null);
    }
  }

  async function handleConflict(keepMine: boolean) {
    const saver = saverRef.current;
    if (!bridge || !saver) return;
    setPending(true);
    try {
      const latest = await getProgress(module.id);
      let loaded: NotebookState | undefined;
      if (!keepMine && latest.notebook_state) {
        await bridge.setNotebookState(latest.notebook_state);
        loaded = (await bridge.getNotebookState()) as NotebookState;
      }
      setDialog(null);
      await saver.resolveConflict(latest.version, keepMine, loaded);
    } catch (error) {
      const reason = error instanceof Error ? error.message : 'unknown error';
      setNotice({ tone: 'error', text: `That did not work (${reason}). Please choose again.` });
    } finally {
      setPending(false);
    }
  }

  return (
    <section aria-label="Notebook" className="flex min-h-0 flex-1 flex-col bg-white">
      <div className="flex flex-wrap items-center justify-between gap-2 border-b border-slate-200 px-3 py-1.5">
        <KernelChip phase={phase} kernel={python.kernel} />
        <p role="status" className="min-w-0 flex-1 truncate text-xs text-slate-600">
          {notice?.tone === 'done' ? notice.text : ''}
        </p>
        <button
          type="button"
          onClick={() => setDialog('reset')}
          disabled={!bridge}
          className="rounded-md px-2 py-1 text-sm text-slate-700 hover:bg-slate-100 disabled:text-slate-400"
        >
          Reset to original
        </button>
      </div>
      <PythonNotice state={python} onRetry={opened ? handleRetryPython : undefined} />
      {notice?.tone === 'error' && (
        <div className="px-3 pt-2">
          <Alert tone="error">{notice.text}</Alert>
        </div>
      )}
      {phase.kind === 'failed' && (
        <div className="flex flex-col items-start gap-2 px-3 pt-2">
          <Alert tone="error" title="The notebook is not available">
            {phase.message}
          </Alert>
          <button
            type="button"
            onClick={() => setAttempt((n) => n + 1)}
            className="rounded-md border border-slate-300 px-3 py-1 text-sm hover:bg-slate-100"
          >
            Load the notebook again
          </button>
        </div>
      )}
      <div className="relative min-h-0 flex-1">
        <iframe
          ref={iframeRef}
          title={`Notebook: ${module.title}`}
          className="absolute inset-0 size-full border-0"
        />
        {phase.kind === 'loading' && (
          <div className="absolute inset-0 flex flex-col items-center justify-center gap-3 bg-white/90">
            <Spinner label="Loading the notebook" className="size-8" />
            <p className="text-sm text-slate-600">Loading the notebook…</p>
          </div>
        )}
      </div>
      {dialog === 'reset' && (
        <Dialog
          title="Reset to the original notebook?"
          pending={pending}
          onCancel={() => setDialog(null)}
          actions={[
            { label: 'Cancel', onClick: () => setDialog(null) },
            { label: 'Reset notebook', variant: 'danger', onClick: () => void handleReset() },
          ]}
        >
          Your changes to this notebook will be replaced by the module&apos;s starting notebook.
          This cannot be undone.
        </Dialog>
      )}
      {dialog === 'conflict' && (
        <Dialog
          title="This notebook was changed elsewhere"
          pending={pending}
          actions={[
            { label: 'Load the newer version', onClick: () => void handleConflict(false) },
            {
              label: 'Keep mine and overwrite',
              variant: 'danger',
              onClick: () => void handleConflict(true),
            },
          ]}
        >
          A newer version of this notebook was saved in another tab or window. Autosave is paused
          until you choose: load the newer version (your changes here are discarded), or keep this
          version and overwrite the newer one.
        </Dialog>
      )}
    </section>
  );
}

function KernelChip({ phase, kernel }: { phase: Phase; kernel: PythonState['kernel'] }) {
  let text: string;
  if (phase.kind === 'loading') text = 'Loading JupyterLite…';
  else if (phase.kind === 'failed') text = 'Notebook unavailable';
  else if (kernel.status === 'idle') text = 'Python ready';
  else if (kernel.status === 'busy') text = 'Running…';
  else if (kernel.status === 'dead') text = 'Python unavailable';
  else text = 'Starting Python…';
  return (
    <p className="text-xs font-medium text-slate-600" data-testid="kernel-state">
      {text}
    </p>
  );
}
