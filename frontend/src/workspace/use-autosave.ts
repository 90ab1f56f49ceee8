import type { NotebookState } from '@tutor/shared/progress';
import { useEffect, useRef } from 'react';
import { createSaveToken } from '../api/progress/save-token';
import { sendFinalSave } from '../api/progress/send-final-save';
import { updateProgress } from '../api/progress/update-progress';
import type { NotebookBridge } from './notebookBridge';
import { NotebookSaver, type SaveState } from './notebook-saver';

/** Save tokens live 10 minutes; a fresh one is fetched well before. */
const SAVE_TOKEN_REFRESH_MS = 8 * 60 * 1000;

interface UseAutosaveOptions {
  moduleId: string;
  /** The bridge once the notebook is open and restored; null before. */
  bridge: NotebookBridge | null;
  /** The stored version the open notebook is based on. */
  version: number;
  onStateChange: (state: SaveState) => void;
}

/**
 * Runs a NotebookSaver for the open notebook: changes and executions reported by the bridge, the
 * page becoming hidden, and the final save on beforeunload/pagehide (sendBeacon or fetch keepalive,
 * up to 64 KB; larger notebooks rely on the earlier saves and the page asks before leaving when
 * such work is still unsaved). Returns a ref to the saver (null until the notebook is ready).
 */
export function useAutosave({ moduleId, bridge, version, onStateChange }: UseAutosaveOptions) {
  const saverRef = useRef<NotebookSaver | null>(null);
  const onStateRef = useRef(onStateChange);
  useEffect(() => {
    onStateRef.current = onStateChange;
  });

  useEffect(() => {
    if (!bridge) return;
    const saver = new NotebookSaver({
      version,
      getState: () => bridge.getNotebookState() as Promise<NotebookState>,
      put: (update) => updateProgress(moduleId, update),
      onStateChange: (state) => onStateRef.current(state),
    });
    saverRef.current = saver;
    onStateRef.current(saver.saveState);
    // The notebook as restored: JupyterLab's own later touches (kernel metadata) are not work.
    bridge.getNotebookState().then(
      (state) => saver.setBaseline(state as NotebookState),
      () => undefined,
    );

    let saveToken: string | null = null;
    const fetchToken = () =>
      createSaveToken(moduleId).then(
        (out) => (saveToken = out.save_token),
        () => undefined,
      );
    void fetchToken();
    const tokenTimer = setInterval(() => void fetchToken(), SAVE_TOKEN_REFRESH_MS);

    const offDirty = bridge.on('dirty', () => saver.markDirty());
    const offExecuted = bridge.on('cell-executed', () => {
      saver.markDirty();
      void saver.saveNow();
    });

    let finalSent = false;
    const sendFinal = (): boolean => {
      if (finalSent) return true;
      const snapshot = saver.snapshot();
      if (snapshot && !snapshot.unsaved) return true;
      if (!snapshot || saveToken === null) return !saver.dirty;
      finalSent = sendFinalSave(moduleId, {
        notebook_state: snapshot.state,
        base_version: snapshot.baseVersion,
        save_token: saveToken,
      });
      return finalSent;
    };
    const handleVisibility = () => {
      if (document.visibilityState === 'hidden') void saver.saveNow();
      else finalSent = false;
    };
    const handleBeforeUnload = (event: BeforeUnloadEvent) => {
      if (!saver.dirty) return;
      // Nothing could carry the unsaved work (too large for a beacon): let the browser ask.
      if (!sendFinal()) event.preventDefault();
    };
    const handlePageHide = () => {
      if (saver.dirty) sendFinal();
    };
    document.addEventListener('visibilitychange', handleVisibility);
    window.addEventListener('beforeunload', handleBeforeUnload);
    window.addEventListener('pagehide', handlePageHide);

    return () => {
      // Leaving the workspace inside the app: the frame goes away with it, so the last notebook
      // read is saved through the normal route.
      const snapshot = saver.snapshot();
      if (saver.dirty && snapshot?.unsaved) {
        void updateProgress(moduleId, {
          notebook_state: snapshot.state,
          base_version: snapshot.baseVersion,
        }).catch(() => undefined);
      }
      saver.dispose();
      offDirty();
      offExecuted();
      clearInterval(tokenTimer);
      document.removeEventListener('visibilitychange', handleVisibility);
      window.removeEventListener('beforeunload', handleBeforeUnload);
      window.removeEventListener('pagehide', handlePageHide);
      saverRef.current = null;
    };
    // The version is read once, when the notebook becomes ready.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [bridge, moduleId]);

  return saverRef;
}
