import type { ProgressOut } from '@tutor/shared/progress';
import { useEffect, type RefObject } from 'react';
import { rememberCell, rememberedCell } from './cell-position';
import type { NotebookBridge } from './notebook-bridge';
import type { Phase } from './use-notebook-frame';

interface RestoreSetters {
  setPhase: (phase: Phase) => void;
  setBridge: (bridge: NotebookBridge | null) => void;
}

/**
 * Restores the saved notebook once the frame is open and the progress is known, returns to the
 * cell the student was at, then hands out the bridge (which starts the autosave).
 */
export function useNotebookRestore(
  opened: NotebookBridge | null,
  progress: ProgressOut | null,
  userId: string | null,
  moduleId: string,
  onBridgeRef: RefObject<(bridge: NotebookBridge | null) => void>,
  { setPhase, setBridge }: RestoreSetters,
): void {
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
      const at = userId ? rememberedCell(userId, moduleId) : null;
      if (at !== null) await client.selectCell(at).catch(() => undefined);
      if (cancelled) return;
      if (userId) {
        offFocus = client.on('focus', ({ index }) => {
          if (index >= 0) rememberCell(userId, moduleId, index);
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
    // The setters and refs are stable.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [opened, progress, userId, moduleId]);
}
