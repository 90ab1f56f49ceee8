/**
 * The iframe's end of the postMessage channel: accepts requests only from the parent window on the
 * same origin, answers each one exactly once, and sends events to the parent.
 */
import {
  type BridgeResponse,
  type NotebookBridgeEventName,
  type NotebookBridgeEvents,
  isBridgeRequest,
  makeError,
  makeEvent,
  makeResult,
} from '../../../shared/src/notebook-bridge';

export type RequestHandler = (op: string, params: unknown) => Promise<unknown>;

export class ParentChannel {
  private readonly parentWindow: Window | null;
  private readonly origin: string;
  private handler: RequestHandler | null = null;

  constructor(private readonly self: Window = window) {
    this.parentWindow = self.parent !== self ? self.parent : null;
    this.origin = self.location.origin;
    self.addEventListener('message', this.handleMessage);
  }

  /** Whether the page runs inside a frame (there is someone to talk to). */
  get connected(): boolean {
    return this.parentWindow !== null;
  }

  onRequest(handler: RequestHandler): void {
    this.handler = handler;
  }

  emit<E extends NotebookBridgeEventName>(event: E, payload: NotebookBridgeEvents[E]): void {
    this.post(makeEvent(event, payload));
  }

  dispose(): void {
    this.self.removeEventListener('message', this.handleMessage);
  }

  private post(message: unknown): void {
    this.parentWindow?.postMessage(message, this.origin);
  }

  /** Sends a response; one that cannot be cloned is replaced by an error, so a reply always goes. */
  private postResponse(response: BridgeResponse): void {
    try {
      this.post(response);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.post(makeError(response.id, 'internal', `The result could not be sent: ${message}`));
    }
  }

  private readonly handleMessage = (event: MessageEvent): void => {
    if (event.origin !== this.origin || event.source !== this.parentWindow) return;
    const request: unknown = event.data;
    if (!isBridgeRequest(request)) return;
    const { id, op, params } = request;
    const handler = this.handler;
    const reply = async (): Promise<BridgeResponse> => {
      if (!handler) return makeError(id, 'not_ready', 'The notebook bridge is not ready yet');
      try {
        const result = await handler(op, params);
        return makeResult(id, result);
      } catch (error) {
        return toErrorResponse(id, error);
      }
    };
    void reply().then((response) => this.postResponse(response));
  };
}

/** An error a handler throws to choose the reply's error code. */
export class BridgeError extends Error {
  constructor(
    readonly code: 'unknown_op' | 'bad_request' | 'invalid_notebook' | 'not_ready' | 'no_cell',
    message: string,
  ) {
    super(message);
  }
}

function toErrorResponse(id: string, error: unknown): BridgeResponse {
  if (error instanceof BridgeError) return makeError(id, error.code, error.message);
  const message = error instanceof Error ? error.message : String(error);
  return makeError(id, 'internal', message || 'Internal error');
}
