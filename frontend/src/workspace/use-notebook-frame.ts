import { useEffect, type ActionDispatch, type RefObject } from 'react';
import { createNotebookBridge, type NotebookBridge } from './notebook-bridge';
import type { PythonAction } from './python-state';

/** How long JupyterLite may take to open the notebook before the panel says it failed. */
const READY_TIMEOUT_MS = 60_000;

export type Phase = { kind: 'loading' } | { kind: 'ready' } | { kind: 'failed'; message: string };

export interface NotebookFrameSetters {
  setPhase: (phase: Phase) => void;
  dispatchPython: ActionDispatch<[action: PythonAction]>;
  /** The frame's bridge once the notebook is open there (null when the frame goes). */
  setOpened: (bridge: NotebookBridge | null) => void;
  setBridge: (bridge: NotebookBridge | null) => void;
}

/**
 * Loads JupyterLite into the frame (again on every new `attempt`) and follows its kernel; the
 * bridge is created before the frame loads, since the notebook announces `ready` once. Says the
 * notebook failed when it is not open after READY_TIMEOUT_MS.
 */
export function useNotebookFrame(
  iframeRef: RefObject<HTMLIFrameElement | null>,
  src: string,
  attempt: number,
  onBridgeRef: RefObject<(bridge: NotebookBridge | null) => void>,
  { setPhase, dispatchPython, setOpened, setBridge }: NotebookFrameSetters,
): void {
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
      // The latest onBridge, on purpose.
      // eslint-disable-next-line react-hooks/exhaustive-deps
      onBridgeRef.current(null);
    };
    // The setters and refs are stable: only a new src or attempt reloads the frame.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [src, attempt]);
}
