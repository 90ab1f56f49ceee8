// A WebSocket test client that collects server events and waits for the end of a turn.
import type { FastifyInstance } from 'fastify';
import WebSocket from 'ws';
import type { ChatServerEvent } from '@tutor/shared/chat';

export interface TestSocket {
  ws: WebSocket;
  events: ChatServerEvent[];
  send(frame: unknown): void;
  sendRaw(text: string): void;
  /** Sends a frame and resolves with the events up to the turn's end (done, canned or error). */
  turn(frame: unknown): Promise<ChatServerEvent[]>;
  /** Resolves with the events up to the next end of turn. */
  untilEnd(): Promise<ChatServerEvent[]>;
  close(): Promise<void>;
}

export function socketUrl(app: FastifyInstance, path: string): string {
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('app is not listening');
  return `ws://127.0.0.1:${address.port}${path}`;
}

const END = new Set(['done', 'canned', 'error']);

export async function connect(app: FastifyInstance, path: string): Promise<TestSocket> {
  const ws = new WebSocket(socketUrl(app, path));
  const events: ChatServerEvent[] = [];
  let waiting: { from: number; resolve: (events: ChatServerEvent[]) => void } | undefined;
  let consumed = 0;
  ws.on('message', (data) => {
    events.push(JSON.parse(data.toString()) as ChatServerEvent);
    check();
  });
  function check() {
    if (!waiting) return;
    const index = events.findIndex((event, i) => i >= waiting!.from && END.has(event.type));
    if (index === -1) return;
    const { from, resolve } = waiting;
    waiting = undefined;
    consumed = index + 1;
    resolve(events.slice(from, index + 1));
  }
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  const socket: TestSocket = {
    ws,
    events,
    send: (frame) => ws.send(JSON.stringify(frame)),
    sendRaw: (text) => ws.send(text),
    untilEnd: () =>
      new Promise((resolve, reject) => {
        waiting = { from: consumed, resolve };
        const timer = setTimeout(
          () =>
            reject(new Error(`no end of turn; events: ${JSON.stringify(events.slice(consumed))}`)),
          10_000,
        );
        const original = waiting.resolve;
        waiting.resolve = (value) => {
          clearTimeout(timer);
          original(value);
        };
        check();
      }),
    turn(frame) {
      const result = socket.untilEnd();
      socket.send(frame);
      return result;
    },
    close: () =>
      new Promise((resolve) => {
        if (ws.readyState === WebSocket.CLOSED) return resolve();
        ws.once('close', () => resolve());
        ws.close();
      }),
  };
  return socket;
}

/** Opens a socket expected to be closed by the server; resolves with the close code and reason. */
export function closeCodeOf(
  app: FastifyInstance,
  path: string,
): Promise<{ code: number; reason: string }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(socketUrl(app, path));
    ws.once('close', (code, reason) => resolve({ code, reason: reason.toString() }));
    ws.once('error', reject);
  });
}

export function tokens(events: ChatServerEvent[]): string {
  return events.flatMap((event) => (event.type === 'token' ? [event.content] : [])).join('');
}
