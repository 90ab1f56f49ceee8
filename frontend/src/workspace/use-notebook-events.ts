import { useEffect, useState } from 'react';
import type { NotebookBridge, NotebookFocus } from './notebook-bridge';
import type { FailedCell } from './tutor-context';

/** The latest cell run that failed (cleared by a successful run, or by the caller). */
export function useFailedCell(bridge: NotebookBridge | null) {
  const [failed, setFailed] = useState<FailedCell | null>(null);
  useEffect(() => {
    if (!bridge) return;
    return bridge.on('cell-executed', (payload) => {
      if (payload.success) {
        setFailed(null);
        return;
      }
      const name = payload.ename ?? 'Error';
      const summary = payload.evalue ? `${name}: ${payload.evalue}` : name;
      setFailed({ index: payload.index, summary });
    });
  }, [bridge]);
  return [failed, setFailed] as const;
}

/** Which cell the tutor is looking at: asked once, then followed. */
export function useNotebookFocus(bridge: NotebookBridge | null): NotebookFocus | null {
  const [focus, setFocus] = useState<NotebookFocus | null>(null);
  useEffect(() => {
    if (!bridge) return;
    let current = true;
    const off = bridge.on('focus', (payload) => {
      current = false;
      setFocus(payload);
    });
    bridge.getCurrentCellContext().then(
      ({ code: _code, ...initial }) => {
        if (current) setFocus(initial);
      },
      () => undefined,
    );
    return () => {
      current = false;
      off();
    };
  }, [bridge]);
  return focus;
}

/**
 * Whether Python runs in the notebook, from the bridge's kernel-status events: false once it could
 * not start (dead), true while idle or busy, null before anything is known or while it starts.
 */
export function usePythonReady(bridge: NotebookBridge | null): boolean | null {
  const [ready, setReady] = useState<boolean | null>(null);
  useEffect(() => {
    if (!bridge) return;
    return bridge.on('kernel-status', ({ status }) => {
      setReady(status === 'dead' ? false : status === 'idle' || status === 'busy' ? true : null);
    });
  }, [bridge]);
  return ready;
}
