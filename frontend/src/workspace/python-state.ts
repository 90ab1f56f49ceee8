import type { NotebookBridgeEvents } from './notebook-bridge';

/**
 * What the workspace tells the student about Python: whether it is down (and why), whether a
 * restart is on its way, and the latest cell that could not run because of it.
 */
export interface PythonState {
  kernel: NotebookBridgeEvents['kernel-status'];
  /** Set while Python is down: why, in plain words and in technical detail. */
  down: { message: string | null; detail: string | null } | null;
  /** The student asked to try again and Python has not answered yet. */
  retrying: boolean;
  /** The latest cell whose run was refused; `count` grows with each refusal (to announce it). */
  refused: { index: number; count: number } | null;
}

export type PythonAction =
  | { type: 'kernel-status'; payload: NotebookBridgeEvents['kernel-status'] }
  | { type: 'run-refused'; index: number }
  | { type: 'retry' }
  | { type: 'retry-failed' }
  | { type: 'frame-reset' };

export const initialPythonState: PythonState = {
  kernel: { status: 'unknown' },
  down: null,
  retrying: false,
  refused: null,
};

export function pythonReducer(state: PythonState, action: PythonAction): PythonState {
  switch (action.type) {
    case 'kernel-status': {
      const kernel = action.payload;
      if (kernel.status === 'dead') {
        return {
          ...state,
          kernel,
          down: { message: kernel.message ?? null, detail: kernel.detail ?? null },
          retrying: false,
        };
      }
      if (kernel.status === 'idle' || kernel.status === 'busy') {
        return { kernel, down: null, retrying: false, refused: null };
      }
      // Starting: a notice already shown stays (now saying Python is starting again).
      return { ...state, kernel };
    }
    case 'run-refused':
      return {
        ...state,
        refused: { index: action.index, count: (state.refused?.count ?? 0) + 1 },
      };
    case 'retry':
      return { ...state, retrying: true, refused: null };
    case 'retry-failed':
      return { ...state, retrying: false };
    case 'frame-reset':
      return initialPythonState;
  }
}
