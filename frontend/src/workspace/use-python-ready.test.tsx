import { act, renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { NotebookBridge, NotebookBridgeEvents } from './notebook-bridge';
import { usePythonReady } from './use-notebook-events';

type KernelStatusHandler = (payload: NotebookBridgeEvents['kernel-status']) => void;

/** Just the `on('kernel-status')` of a bridge. */
function fakeBridge() {
  const handlers: KernelStatusHandler[] = [];
  const bridge = {
    on: (event: string, handler: KernelStatusHandler) => {
      if (event === 'kernel-status') handlers.push(handler);
      return () => handlers.splice(handlers.indexOf(handler), 1);
    },
  } as unknown as NotebookBridge;
  const emit = (status: NotebookBridgeEvents['kernel-status']['status']) =>
    act(() => handlers.forEach((handler) => handler({ status })));
  return { bridge, emit, handlers };
}

describe('usePythonReady', () => {
  it('is unknown at first, false once Python could not start, true once it runs', () => {
    const { bridge, emit, handlers } = fakeBridge();
    const { result, unmount } = renderHook(() => usePythonReady(bridge));
    expect(result.current).toBeNull();
    emit('dead');
    expect(result.current).toBe(false);
    emit('starting');
    expect(result.current).toBeNull();
    emit('idle');
    expect(result.current).toBe(true);
    unmount();
    expect(handlers).toHaveLength(0);
  });

  it('knows nothing without a bridge', () => {
    expect(renderHook(() => usePythonReady(null)).result.current).toBeNull();
  });
});
