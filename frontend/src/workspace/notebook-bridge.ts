/**
 * The workspace page's side of the notebook bridge: a typed client for the JupyterLite notebook in
 * an iframe (protocol in shared/src/notebook-bridge.ts).
 *
 * Create it before the iframe loads (the notebook announces `ready` once), call its operations,
 * subscribe to events with `on`, and `dispose` it when the iframe goes away. Only messages from
 * the same origin and from the iframe's own window are accepted; each request times out.
 */
import {
  type BridgeErrorCode,
  type CurrentCellContext,
  type NotebookBridgeEventName,
  type NotebookBridgeEvents,
  type NotebookJSON,
  isBridgeEvent,
  isBridgeResponse,
  makeRequest,
} from '@tutor/shared/notebook-bridge';
import type { ExerciseState } from '@tutor/shared/exercise-progress';
import { notebookProblems } from '@tutor/shared/notebook-state';

export type {
  CurrentCellContext,
  KernelStatus,
  NotebookBridgeEvents,
  NotebookFocus,
  NotebookJSON,
} from '@tutor/shared/notebook-bridge';

export const DEFAULT_REQUEST_TIMEOUT_MS = 10_000;

/** A failed bridge request: the notebook's error reply, a timeout, or a disposed client. */
export class NotebookBridgeError extends Error {
  constructor(
    readonly code: BridgeErrorCode | 'timeout' | 'disposed' | 'invalid_notebook',
    message: string,
  ) {
    super(message);
    this.name = 'NotebookBridgeError';
  }
}

export interface NotebookBridgeOptions {
  /** Milliseconds before a request rejects with code `timeout`. */
  timeoutMs?: number;
  /** The origin the notebook is served from; defaults to this page's origin. */
  origin?: string;
  /** The window to listen on (tests); defaults to `window`. */
  host?: Window;
}

type Handler<E extends NotebookBridgeEventName> = (payload: NotebookBridgeEvents[E]) => void;

interface Pending {
  resolve: (value: unknown) => void;
  reject: (error: NotebookBridgeError) => void;
  timer: ReturnType<typeof setTimeout>;
}

export class NotebookBridge {
  private readonly pending = new Map<string, Pending>();
  private readonly handlers = new Map<NotebookBridgeEventName, Set<(payload: unknown) => void>>();
  private readonly timeoutMs: number;
  private readonly origin: string;
  private readonly host: Window;
  private counter = 0;
  private disposed = false;
  private isReady = false;
  private readonly readyWaiters = new Set<() => void>();

  constructor(
    private readonly iframe: HTMLIFrameElement,
    options: NotebookBridgeOptions = {},
  ) {
    this.host = options.host ?? window;
    this.timeoutMs = options.timeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
    this.origin = options.origin ?? this.host.location.origin;
    this.host.addEventListener('message', this.handleMessage);
  }

  /** Whether the notebook has announced `ready` since this client was created. */
  get ready(): boolean {
    return this.isReady;
  }

  /** Resolves once the notebook is open (immediately if it already is). */
  whenReady(): Promise<void> {
    if (this.isReady) return Promise.resolve();
    return new Promise((resolve) => this.readyWaiters.add(resolve));
  }

  getCurrentCellCode(): Promise<string> {
    return this.request('getCurrentCellCode') as Promise<string>;
  }

  getCurrentCellContext(): Promise<CurrentCellContext> {
    return this.request('getCurrentCellContext') as Promise<CurrentCellContext>;
  }

  getErrorOutput(): Promise<string | null> {
    return this.request('getErrorOutput') as Promise<string | null>;
  }

  getNotebookState(): Promise<NotebookJSON> {
    return this.request('getNotebookState') as Promise<NotebookJSON>;
  }

  /** Replaces the open notebook's content (same frame, same kernel). Rejects a non-nbformat-4 state. */
  async setNotebookState(state: unknown): Promise<void> {
    const problems = notebookProblems(state);
    if (problems.length > 0) {
      throw new NotebookBridgeError(
        'invalid_notebook',
        `Not an nbformat 4 notebook: ${problems.join('; ')}`,
      );
    }
    await this.request('setNotebookState', { state });
  }

  /** Selects cell `index` and scrolls it into view. */
  async selectCell(index: number): Promise<void> {
    await this.request('selectCell', { index });
  }

  /** Starts Python again after it could not start. */
  async restartKernel(): Promise<void> {
    await this.request('restartKernel');
  }

  /** Shows each exercise's check state beside its prompt cell (the notebook keeps them). */
  async setExerciseStates(states: Record<string, ExerciseState>): Promise<void> {
    await this.request('setExerciseStates', { states });
  }

  /** Sends any operation by name (an unknown one gets an `unknown_op` error). */
  request(op: string, params?: unknown): Promise<unknown> {
    if (this.disposed) {
      return Promise.reject(
        new NotebookBridgeError('disposed', 'The notebook bridge was disposed'),
      );
    }
    const target = this.iframe.contentWindow;
    if (!target) {
      return Promise.reject(
        new NotebookBridgeError('not_ready', 'The notebook frame is not loaded'),
      );
    }
    this.counter += 1;
    const id = `${Date.now().toString(36)}-${this.counter}`;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(
          new NotebookBridgeError(
            'timeout',
            `The notebook did not answer ${op} in ${this.timeoutMs} ms`,
          ),
        );
      }, this.timeoutMs);
      this.pending.set(id, { resolve, reject, timer });
      target.postMessage(makeRequest(id, op, params), this.origin);
    });
  }

  /** Subscribes to an event; returns the function that unsubscribes. */
  on<E extends NotebookBridgeEventName>(event: E, handler: Handler<E>): () => void {
    let set = this.handlers.get(event);
    if (!set) {
      set = new Set();
      this.handlers.set(event, set);
    }
    const untyped = handler as (payload: unknown) => void;
    set.add(untyped);
    return () => set.delete(untyped);
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.host.removeEventListener('message', this.handleMessage);
    for (const [id, pending] of this.pending) {
      clearTimeout(pending.timer);
      pending.reject(new NotebookBridgeError('disposed', 'The notebook bridge was disposed'));
      this.pending.delete(id);
    }
    this.handlers.clear();
    this.readyWaiters.clear();
  }

  private readonly handleMessage = (event: MessageEvent): void => {
    if (event.origin !== this.origin) return;
    if (!this.iframe.contentWindow || event.source !== this.iframe.contentWindow) return;
    const message: unknown = event.data;
    if (isBridgeResponse(message)) {
      const pending = this.pending.get(message.id);
      if (!pending) return;
      this.pending.delete(message.id);
      clearTimeout(pending.timer);
      if (message.ok) pending.resolve(message.result);
      else pending.reject(new NotebookBridgeError(message.error.code, message.error.message));
      return;
    }
    if (isBridgeEvent(message)) {
      if (message.event === 'ready') {
        this.isReady = true;
        for (const resolve of this.readyWaiters) resolve();
        this.readyWaiters.clear();
      }
      for (const handler of this.handlers.get(message.event) ?? []) {
        try {
          handler(message.payload);
        } catch (error) {
          console.error(`notebook bridge: a ${message.event} handler failed`, error);
        }
      }
    }
  };
}

/** Creates a client for the notebook in `iframe`. */
export function createNotebookBridge(
  iframe: HTMLIFrameElement,
  options?: NotebookBridgeOptions,
): NotebookBridge {
  return new NotebookBridge(iframe, options);
}
