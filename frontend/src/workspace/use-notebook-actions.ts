import type { NotebookState } from '@tutor/shared/progress';
import { useEffect, useState, type ActionDispatch, type RefObject } from 'react';
import { getProgress } from '../api/progress/get-progress';
import { originalNotebookUrl } from './lab-urls';
import type { NotebookBridge } from './notebook-bridge';
import type { NotebookSaver } from './notebook-saver';
import type { PythonAction } from './python-state';

/** How long "The notebook was reset to the original." stays in the toolbar. */
const DONE_NOTE_MS = 6_000;

/** What the panel says after an action: a short note in its toolbar, or an error box. */
export type Notice = { tone: 'done' | 'error'; text: string };

export type NotebookDialog = 'reset' | 'conflict' | null;

interface NotebookActionsOptions {
  moduleId: string;
  notebookFilename: string;
  /** The restored notebook's bridge (null before). */
  bridge: NotebookBridge | null;
  /** The frame's bridge once the notebook is open there. */
  opened: NotebookBridge | null;
  saverRef: RefObject<NotebookSaver | null>;
  dispatchPython: ActionDispatch<[action: PythonAction]>;
  setDialog: (dialog: NotebookDialog) => void;
}

/** A done note leaves the toolbar after a while; an error stays until the next action. */
function useNotice() {
  const [notice, setNotice] = useState<Notice | null>(null);
  useEffect(() => {
    if (notice?.tone !== 'done') return;
    const timer = setTimeout(() => setNotice(null), DONE_NOTE_MS);
    return () => clearTimeout(timer);
  }, [notice]);
  return [notice, setNotice] as const;
}

/** Reset to the original, the choice after a save conflict, and restarting Python. */
export function useNotebookActions({
  moduleId,
  notebookFilename,
  bridge,
  opened,
  saverRef,
  dispatchPython,
  setDialog,
}: NotebookActionsOptions) {
  const [pending, setPending] = useState(false);
  const [notice, setNotice] = useNotice();

  function handleRetryPython() {
    if (!opened) return;
    dispatchPython({ type: 'retry' });
    opened.restartKernel().catch(() => dispatchPython({ type: 'retry-failed' }));
  }

  async function handleReset() {
    if (!bridge) return;
    setPending(true);
    try {
      const response = await fetch(originalNotebookUrl(notebookFilename));
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
      const latest = await getProgress(moduleId);
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

  return { pending, notice, handleRetryPython, handleReset, handleConflict };
}
