import { ChatServerEventSchema, SocketCloseCodes, type ChatServerEvent } from '@tutor/shared/chat';

/**
 * A typed, reconnecting client for the conversation sockets (`/ws/chat`, `/ws/tutor?module_id=`).
 * Framework-free; `useConversation` wraps it for React.
 *
 * - Before every (re)connect it asks for a fresh access token and appends it as `token=`.
 * - A close with 4001 (bad or expired token) triggers one refresh and an immediate retry; a second
 *   4001 in a row, or no token at all, means the session is over: `onSignedOut` runs.
 * - Other unexpected closes reconnect with exponential backoff and full jitter.
 * - Closes that retrying cannot fix (4400, 4404) stop it, with a reason.
 * - Every server event is validated with the shared zod schemas; malformed ones are reported, not
 *   passed on.
 */

export type ConnectionState =
  | { status: 'idle' }
  | { status: 'connecting' }
  | { status: 'connected' }
  /** `retryAt` is a Date.now() timestamp: show "reconnecting in Ns". */
  | { status: 'reconnecting'; retryAt: number; attempt: number }
  /** Not retrying by itself: the browser is offline, the user signed out, or the server refused. */
  | { status: 'offline'; reason: string };

export interface ConversationSocketOptions {
  /** Path and query without the token, e.g. `/ws/chat` or `/ws/tutor?module_id=…`. */
  url: string;
  /** The current access token, refreshed if it is about to expire; null when signed out. */
  getToken: () => Promise<string | null>;
  /** Forces a refresh; null when the session cannot be refreshed. */
  refreshToken: () => Promise<string | null>;
  onEvent: (event: ChatServerEvent) => void;
  onStateChange: (state: ConnectionState) => void;
  /** The token could not be renewed: the app should sign the user out. */
  onSignedOut?: () => void;
  /** The server sent something that is not a valid event, or the socket closed mid-answer. */
  onProblem?: (message: string) => void;
  /** For tests. */
  WebSocketImpl?: typeof WebSocket;
  /** Base of the origin-relative URL; defaults to the page's location. */
  origin?: string;
  backoff?: { initialMs?: number; maxMs?: number };
  random?: () => number;
}

/** A connection that stays open this long counts as healthy: backoff and the 4001 budget reset. */
const STABLE_AFTER_MS = 3000;

/** Delay before reconnect attempt `attempt` (0-based): exponential, capped, with full jitter. */
export function backoffDelay(
  attempt: number,
  initialMs: number,
  maxMs: number,
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(maxMs, initialMs * 2 ** attempt);
  // Half fixed, half random: spreads reconnecting clients without ever retrying at once.
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/** `ws(s)://host/path?…&token=…` for an origin-relative path. */
export function socketUrl(path: string, token: string, origin: string): string {
  const url = new URL(path, origin);
  url.protocol =
    url.protocol === 'https:' ? 'wss:' : url.protocol === 'http:' ? 'ws:' : url.protocol;
  url.searchParams.set('token', token);
  return url.toString();
}

const closeReasons: Record<number, string> = {
  [SocketCloseCodes.invalidModuleId]: 'This module link is not valid.',
  [SocketCloseCodes.moduleNotFound]: 'This module does not exist.',
};

export class ConversationSocket {
  private socket: WebSocket | null = null;
  private state: ConnectionState = { status: 'idle' };
  private attempt = 0;
  private refreshedForAuth = false;
  private openedAt = 0;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private disposed = false;
  private readonly initialMs: number;
  private readonly maxMs: number;

  constructor(private readonly options: ConversationSocketOptions) {
    this.initialMs = options.backoff?.initialMs ?? 500;
    this.maxMs = options.backoff?.maxMs ?? 30_000;
  }

  get connectionState(): ConnectionState {
    return this.state;
  }

  get isOpen(): boolean {
    return this.socket?.readyState === 1;
  }

  /** Starts connecting (and keeps reconnecting until `close()`). */
  start(): void {
    if (typeof window !== 'undefined') {
      window.addEventListener('online', this.handleOnline);
      window.addEventListener('offline', this.handleOffline);
    }
    void this.connect();
  }

  /** Sends a JSON frame; false when the socket is not open (nothing was sent). */
  send(frame: object): boolean {
    if (!this.socket || this.socket.readyState !== 1) return false;
    this.socket.send(JSON.stringify(frame));
    return true;
  }

  /** Asks the server to end the answer being streamed. */
  stop(): boolean {
    return this.send({ type: 'stop' });
  }

  /** Reconnects now (e.g. a "Retry" button), skipping the remaining backoff. */
  reconnectNow(): void {
    if (this.disposed || this.state.status === 'connected' || this.state.status === 'connecting') {
      return;
    }
    this.clearRetry();
    void this.connect();
  }

  close(): void {
    this.disposed = true;
    this.clearRetry();
    if (typeof window !== 'undefined') {
      window.removeEventListener('online', this.handleOnline);
      window.removeEventListener('offline', this.handleOffline);
    }
    const socket = this.socket;
    this.socket = null;
    if (socket) {
      this.detach(socket);
      socket.close(1000, 'client closed');
    }
  }

  private setState(state: ConnectionState): void {
    this.state = state;
    if (!this.disposed) this.options.onStateChange(state);
  }

  private clearRetry(): void {
    if (this.retryTimer !== null) clearTimeout(this.retryTimer);
    this.retryTimer = null;
  }

  private readonly handleOnline = (): void => {
    if (this.state.status === 'offline' && this.state.reason === offlineReason) {
      this.attempt = 0;
      void this.connect();
    } else if (this.state.status === 'reconnecting') {
      this.reconnectNow();
    }
  };

  // The browser lost its network: an open socket is as good as dead (it may take minutes to time
  // out), so drop it now and reconnect as soon as the browser is back online.
  private readonly handleOffline = (): void => {
    if (this.disposed || (this.state.status === 'offline' && this.state.reason !== offlineReason)) {
      return;
    }
    this.clearRetry();
    const socket = this.socket;
    this.socket = null;
    if (socket) {
      this.detach(socket);
      socket.close(1000, 'offline');
    }
    this.setState({ status: 'offline', reason: offlineReason });
  };

  private async connect(): Promise<void> {
    if (this.disposed) return;
    if (typeof navigator !== 'undefined' && navigator.onLine === false) {
      this.setState({ status: 'offline', reason: offlineReason });
      return;
    }
    this.setState({ status: 'connecting' });
    let token: string | null;
    try {
      token = await this.options.getToken();
    } catch {
      // The server could not be reached for a refresh: retry like a dropped socket.
      this.scheduleReconnect();
      return;
    }
    if (this.disposed) return;
    if (token === null) {
      this.signOut();
      return;
    }
    const origin = this.options.origin ?? window.location.origin;
    const Impl = this.options.WebSocketImpl ?? WebSocket;
    const socket = new Impl(socketUrl(this.options.url, token, origin));
    this.socket = socket;
    socket.onopen = () => {
      this.openedAt = Date.now();
      this.setState({ status: 'connected' });
    };
    socket.onmessage = (message: MessageEvent) => this.handleMessage(message);
    socket.onclose = (event: CloseEvent) => this.handleClose(socket, event);
    // An error is always followed by a close, which decides what happens next.
    socket.onerror = () => undefined;
  }

  private handleMessage(message: MessageEvent): void {
    // Any event proves the token was accepted.
    this.refreshedForAuth = false;
    this.attempt = 0;
    let data: unknown;
    try {
      data = JSON.parse(String(message.data));
    } catch {
      this.options.onProblem?.('The server sent a message that could not be read.');
      return;
    }
    const parsed = ChatServerEventSchema.safeParse(data);
    if (!parsed.success) {
      this.options.onProblem?.('The server sent a message in an unexpected format.');
      return;
    }
    this.options.onEvent(parsed.data);
  }

  private detach(socket: WebSocket): void {
    socket.onopen = null;
    socket.onmessage = null;
    socket.onclose = null;
    socket.onerror = null;
  }

  private handleClose(socket: WebSocket, event: CloseEvent): void {
    this.detach(socket);
    if (this.socket !== socket) return;
    this.socket = null;
    if (this.disposed) return;
    const wasStable = this.openedAt > 0 && Date.now() - this.openedAt >= STABLE_AFTER_MS;
    this.openedAt = 0;
    if (wasStable) {
      this.attempt = 0;
      this.refreshedForAuth = false;
    }
    if (event.code === SocketCloseCodes.unauthorized) {
      void this.handleUnauthorized();
      return;
    }
    const fatal = closeReasons[event.code];
    if (fatal !== undefined) {
      this.setState({ status: 'offline', reason: fatal });
      return;
    }
    this.scheduleReconnect();
  }

  private async handleUnauthorized(): Promise<void> {
    if (this.refreshedForAuth) {
      this.signOut();
      return;
    }
    this.refreshedForAuth = true;
    let token: string | null;
    try {
      token = await this.options.refreshToken();
    } catch {
      this.scheduleReconnect();
      return;
    }
    if (this.disposed) return;
    if (token === null) this.signOut();
    else void this.connect();
  }

  private signOut(): void {
    this.setState({ status: 'offline', reason: 'Your session has ended. Please sign in again.' });
    this.options.onSignedOut?.();
  }

  private scheduleReconnect(): void {
    if (this.disposed) return;
    const delay = backoffDelay(this.attempt, this.initialMs, this.maxMs, this.options.random);
    this.attempt += 1;
    this.clearRetry();
    this.setState({ status: 'reconnecting', retryAt: Date.now() + delay, attempt: this.attempt });
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      void this.connect();
    }, delay);
  }
}

const offlineReason = 'You are offline.';
