/**
 * The wire protocol between the workspace page (parent) and the JupyterLite notebook (iframe).
 *
 * Both sides only accept messages from the same origin and from the expected window; every
 * request carries an id and gets exactly one response (a result or an error) carrying that id.
 * The iframe also sends events (no id, no reply).
 *
 * Pure TypeScript with no runtime dependencies: imported by the JupyterLite bridge plugin
 * (jupyterlite/src/bridge) and by the parent-side client (frontend/src/workspace/notebook-bridge.ts).
 */
import type { ExerciseState } from './exercise-progress';

/** Tag carried by every bridge message; a message without it is not ours and is ignored. */
export const NOTEBOOK_BRIDGE_PROTOCOL = 'notebook-bridge';

/** Bumped when a message shape changes incompatibly. */
export const NOTEBOOK_BRIDGE_VERSION = 1;

/** A minimal nbformat 4 notebook shape (enough to type the state the parent stores). */
export interface NotebookCellJSON {
  cell_type: 'code' | 'markdown' | 'raw';
  source: string | string[];
  metadata: Record<string, unknown>;
  id?: string;
  outputs?: unknown[];
  execution_count?: number | null;
  attachments?: Record<string, unknown>;
}

export interface NotebookJSON {
  nbformat: 4;
  nbformat_minor: number;
  metadata: Record<string, unknown>;
  cells: NotebookCellJSON[];
}

/** What the tutor sees of the notebook: the selected cell and the latest error (no code). */
export interface NotebookFocus {
  /** The selected cell's index (0-based), -1 when none is selected. */
  index: number;
  /** The selected cell's type (null when none is selected). */
  cellType: NotebookCellJSON['cell_type'] | null;
  /** The exercise the cell belongs to (`metadata.tutor.exercise`), if any. */
  exerciseId: string | null;
  /** That exercise's heading (e.g. "Exercise 3 · Slices are views"), when the notebook has one. */
  exerciseTitle: string | null;
  /** The error of the latest execution (what the tutor gets as the error), null after a success. */
  lastError: { ename: string; index: number } | null;
}

/** The selected cell with its code, its exercise, and the latest error. */
export interface CurrentCellContext extends NotebookFocus {
  code: string;
}

/** Each operation: its parameters and its result. */
export interface NotebookBridgeOps {
  getCurrentCellCode: { params: Record<string, never>; result: string };
  getCurrentCellContext: { params: Record<string, never>; result: CurrentCellContext };
  getErrorOutput: { params: Record<string, never>; result: string | null };
  getNotebookState: { params: Record<string, never>; result: NotebookJSON };
  setNotebookState: { params: { state: NotebookJSON }; result: null };
  /** Selects cell `index` and scrolls it into view (a reopened workspace returns to it). */
  selectCell: { params: { index: number }; result: null };
  /** Starts Python again (after it could not start); resolves once the restart was requested. */
  restartKernel: { params: Record<string, never>; result: null };
  /** Shows each exercise's check state beside its prompt cell (ids the notebook lacks are ignored). */
  setExerciseStates: { params: { states: Record<string, ExerciseState> }; result: null };
}

export type NotebookBridgeOp = keyof NotebookBridgeOps;

export const NOTEBOOK_BRIDGE_OPS: readonly NotebookBridgeOp[] = [
  'getCurrentCellCode',
  'getCurrentCellContext',
  'getErrorOutput',
  'getNotebookState',
  'setNotebookState',
  'selectCell',
  'restartKernel',
  'setExerciseStates',
];

export type KernelStatus = 'starting' | 'idle' | 'busy' | 'dead' | 'unknown';

/** Each event: its payload. */
export interface NotebookBridgeEvents {
  /** The notebook is open and can be read or restored. */
  ready: { path: string };
  /** A code cell finished executing. */
  'cell-executed': { index: number; success: boolean; ename?: string; evalue?: string };
  /** The notebook content changed. */
  dirty: Record<string, never>;
  /**
   * The kernel changed state. For a `dead` kernel, `message` says why in plain words and `detail`
   * has the technical reason (the error line, the package URL).
   */
  'kernel-status': { status: KernelStatus; message?: string; detail?: string };
  /** A code cell was not run (or its queued run was dropped) because Python is not running. */
  'run-refused': { index: number };
  /** The selected cell or the latest error changed. */
  focus: NotebookFocus;
  /**
   * An exercise's check cell (`metadata.tutor.role` "check") finished and printed a result line
   * ("✅ Passed: ..." or "❌ Not yet: ...", see `checkOutcomeOf`).
   */
  'check-result': { index: number; exercise_id: string; passed: boolean; message: string };
}

export type NotebookBridgeEventName = keyof NotebookBridgeEvents;

export const NOTEBOOK_BRIDGE_EVENTS: readonly NotebookBridgeEventName[] = [
  'ready',
  'cell-executed',
  'dirty',
  'kernel-status',
  'run-refused',
  'focus',
  'check-result',
];

interface Envelope {
  protocol: typeof NOTEBOOK_BRIDGE_PROTOCOL;
  version: typeof NOTEBOOK_BRIDGE_VERSION;
}

/** Parent → iframe. `op` is a string so an unknown op can still be answered with an error. */
export interface BridgeRequest extends Envelope {
  kind: 'request';
  id: string;
  op: string;
  params?: unknown;
}

export type BridgeErrorCode =
  'unknown_op' | 'bad_request' | 'invalid_notebook' | 'not_ready' | 'no_cell' | 'internal';

/** Iframe → parent, exactly one per request, with the request's id. */
export type BridgeResponse =
  | (Envelope & { kind: 'response'; id: string; ok: true; result: unknown })
  | (Envelope & {
      kind: 'response';
      id: string;
      ok: false;
      error: { code: BridgeErrorCode; message: string };
    });

/** Iframe → parent, unsolicited. */
export type BridgeEvent = {
  [E in NotebookBridgeEventName]: Envelope & {
    kind: 'event';
    event: E;
    payload: NotebookBridgeEvents[E];
  };
}[NotebookBridgeEventName];

export type BridgeMessage = BridgeRequest | BridgeResponse | BridgeEvent;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function hasEnvelope(value: unknown): value is Record<string, unknown> {
  return (
    isRecord(value) &&
    value['protocol'] === NOTEBOOK_BRIDGE_PROTOCOL &&
    value['version'] === NOTEBOOK_BRIDGE_VERSION
  );
}

export function isBridgeRequest(value: unknown): value is BridgeRequest {
  return (
    hasEnvelope(value) &&
    value['kind'] === 'request' &&
    typeof value['id'] === 'string' &&
    value['id'].length > 0 &&
    value['id'].length <= 200 &&
    typeof value['op'] === 'string'
  );
}

export function isBridgeResponse(value: unknown): value is BridgeResponse {
  if (!hasEnvelope(value) || value['kind'] !== 'response' || typeof value['id'] !== 'string') {
    return false;
  }
  if (value['ok'] === true) return 'result' in value;
  const error = value['error'];
  return (
    value['ok'] === false &&
    isRecord(error) &&
    typeof error['code'] === 'string' &&
    typeof error['message'] === 'string'
  );
}

export function isBridgeEvent(value: unknown): value is BridgeEvent {
  return (
    hasEnvelope(value) &&
    value['kind'] === 'event' &&
    typeof value['event'] === 'string' &&
    (NOTEBOOK_BRIDGE_EVENTS as readonly string[]).includes(value['event']) &&
    isRecord(value['payload'])
  );
}

export function isKnownOp(op: string): op is NotebookBridgeOp {
  return (NOTEBOOK_BRIDGE_OPS as readonly string[]).includes(op);
}

export function makeRequest(id: string, op: string, params?: unknown): BridgeRequest {
  return {
    protocol: NOTEBOOK_BRIDGE_PROTOCOL,
    version: NOTEBOOK_BRIDGE_VERSION,
    kind: 'request',
    id,
    op,
    ...(params === undefined ? {} : { params }),
  };
}

export function makeResult(id: string, result: unknown): BridgeResponse {
  return {
    protocol: NOTEBOOK_BRIDGE_PROTOCOL,
    version: NOTEBOOK_BRIDGE_VERSION,
    kind: 'response',
    id,
    ok: true,
    result,
  };
}

export function makeError(id: string, code: BridgeErrorCode, message: string): BridgeResponse {
  return {
    protocol: NOTEBOOK_BRIDGE_PROTOCOL,
    version: NOTEBOOK_BRIDGE_VERSION,
    kind: 'response',
    id,
    ok: false,
    error: { code, message },
  };
}

export function makeEvent<E extends NotebookBridgeEventName>(
  event: E,
  payload: NotebookBridgeEvents[E],
): BridgeEvent {
  return {
    protocol: NOTEBOOK_BRIDGE_PROTOCOL,
    version: NOTEBOOK_BRIDGE_VERSION,
    kind: 'event',
    event,
    payload,
  } as BridgeEvent;
}
