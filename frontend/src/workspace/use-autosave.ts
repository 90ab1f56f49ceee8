import type { NotebookState } from '@tutor/shared/progress';
import { useEffect, useRef, type RefObject } from 'react';
import { createSaveToken } from '../api/progress/save-token';
import { fitsFinalSave, sendFinalSave, type FinalSave } from '../api/progress/send-final-save';
import { updateProgress } from '../api/progress/update-progress';
import type { NotebookBridge } from './notebook-bridge';
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

/** The saver for the restored notebook, its baseline taken from the notebook as restored. */
function startSaver(
  bridge: NotebookBridge,
  moduleId: string,
  version: number,
  onStateRef: RefObject<(state: SaveState) => void>,
): NotebookSaver {
  const saver = new NotebookSaver({
    version,
    getState: () => bridge.getNotebookState() as Promise<NotebookState>,
    put: (update) => updateProgress(moduleId, update),
    onStateChange: (state) => onStateRef.current(state),
  });
  onStateRef.current(saver.saveState);
  // The notebook as restored: JupyterLab's own later touches (kernel metadata) are not work.
  bridge.getNotebookState().then(
    (state) => saver.setBaseline(state as NotebookState),
    () => undefined,
  );
  return saver;
}

interface SaveTokens {
  /** The latest save token, or null before the first arrives. */
  current(): string | null;
  stop(): void;
}

/** Fetches a save token for the page-close save now, and a fresh one well before it expires. */
function keepSaveToken(moduleId: string): SaveTokens {
  let saveToken: string | null = null;
  const fetchToken = () =>
    createSaveToken(moduleId).then(
      (out) => (saveToken = out.save_token),
      () => undefined,
    );
  void fetchToken();
  const tokenTimer = setInterval(() => void fetchToken(), SAVE_TOKEN_REFRESH_MS);
  return { current: () => saveToken, stop: () => clearInterval(tokenTimer) };
}

/** Marks the saver dirty on changes, and saves at once after a cell runs. Returns an unsubscribe. */
function watchNotebook(bridge: NotebookBridge, saver: NotebookSaver): () => void {
  const offDirty = bridge.on('dirty', () => saver.markDirty());
  const offExecuted = bridge.on('cell-executed', () => {
    saver.markDirty();
    void saver.saveNow();
  });
  return () => {
    offDirty();
    offExecuted();
  };
}

/** The page-close save to send: 'nothing' when the work is stored, null when none fits. */
function finalSave(saver: NotebookSaver, saveToken: string | null): FinalSave | 'nothing' | null {
  const snapshot = saver.snapshot();
  if (snapshot && !snapshot.unsaved) return 'nothing';
  if (!snapshot || saveToken === null) return null;
  const save = {
    notebook_state: snapshot.state,
    base_version: snapshot.baseVersion,
    save_token: saveToken,
  };
  return fitsFinalSave(save) ? save : null;
}

/**
 * Saves when the page is hidden or back online, sends the final save when it closes, and asks
 * before leaving when unsaved work cannot be sent then. Returns a function removing the listeners.
 */
function watchPage(saver: NotebookSaver, moduleId: string, tokens: SaveTokens): () => void {
  let finalSent = false;
  const handleVisibility = () => {
    if (document.visibilityState === 'hidden') void saver.saveNow();
  };
  // Only decides whether to ask: beforeunload also fires for downloads and cancelled leaves,
  // after which the page stays and must not be a version behind its own beacon.
  const handleBeforeUnload = (event: BeforeUnloadEvent) => {
    if (saver.dirty && finalSave(saver, tokens.current()) === null) event.preventDefault();
  };
  const handlePageHide = () => {
    if (!saver.dirty) return;
    const save = finalSave(saver, tokens.current());
    if (save && save !== 'nothing') finalSent = sendFinalSave(moduleId, save);
  };
  // Back to a page kept in the back/forward cache after its beacon: the stored version moved on.
  const handlePageShow = (event: PageTransitionEvent) => {
    if (event.persisted && finalSent) window.location.reload();
  };
  document.addEventListener('visibilitychange', handleVisibility);
  window.addEventListener('beforeunload', handleBeforeUnload);
  window.addEventListener('pagehide', handlePageHide);
  window.addEventListener('pageshow', handlePageShow);
  // Back online: no need to wait out the retry delay.
  const handleOnline = () => void saver.saveNow();
  window.addEventListener('online', handleOnline);
  return () => {
    document.removeEventListener('visibilitychange', handleVisibility);
    window.removeEventListener('beforeunload', handleBeforeUnload);
    window.removeEventListener('pagehide', handlePageHide);
    window.removeEventListener('pageshow', handlePageShow);
    window.removeEventListener('online', handleOnline);
  };
}

/**
 * Leaving the workspace inside the app: the frame goes away with it, so the last notebook read is
 * saved through the normal route.
 */
function saveOnLeave(saver: NotebookSaver, moduleId: string): void {
  const snapshot = saver.snapshot();
  if (saver.dirty && snapshot?.unsaved) {
    void updateProgress(moduleId, {
      notebook_state: snapshot.state,
      base_version: snapshot.baseVersion,
    }).catch(() => undefined);
  }
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
    const saver = startSaver(bridge, moduleId, version, onStateRef);
    saverRef.current = saver;
    const tokens = keepSaveToken(moduleId);
    const stopWatchingNotebook = watchNotebook(bridge, saver);
    const stopWatchingPage = watchPage(saver, moduleId, tokens);

    return () => {
      saveOnLeave(saver, moduleId);
      saver.dispose();
      stopWatchingNotebook();
      tokens.stop();
      stopWatchingPage();
      saverRef.current = null;
    };
    // The version is read once, when the notebook becomes ready.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [bridge, moduleId]);

  return saverRef;
}
