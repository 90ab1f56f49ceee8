// The app's open conversation sockets and running turns, so that shutdown can tell clients to
// reconnect elsewhere (1001) and wait for answers being stored before the database closes.
import type { FastifyInstance } from 'fastify';
import type { WebSocket } from 'ws';
import { SocketCloseCodes } from '@tutor/shared/chat';

export class LiveSockets {
  readonly sockets = new Set<WebSocket>();
  private readonly pendingTurns = new Set<Promise<unknown>>();

  trackSocket(socket: WebSocket): void {
    this.sockets.add(socket);
    socket.once('close', () => this.sockets.delete(socket));
  }

  /** A turn, or work that continues after one (the history summary). */
  trackTurn(turn: Promise<unknown>): void {
    this.pendingTurns.add(turn);
    void turn.finally(() => this.pendingTurns.delete(turn));
  }

  /** Waits (bounded) for turns that are storing their answers, e.g. a stop caused by the close. */
  async settlePendingTurns(timeoutMs = 5_000): Promise<void> {
    if (this.pendingTurns.size === 0) return;
    await Promise.race([
      Promise.allSettled([...this.pendingTurns]),
      new Promise((resolve) => setTimeout(resolve, timeoutMs).unref()),
    ]);
  }
}

declare module 'fastify' {
  interface FastifyInstance {
    liveSockets: LiveSockets;
  }
}

/**
 * Decorates `app.liveSockets`. Register it after the database: onClose hooks run in reverse order,
 * so shutdown waits for pending turns before the database closes.
 */
export function registerLiveSockets(app: FastifyInstance): void {
  const live = new LiveSockets();
  app.decorate('liveSockets', live);
  app.addHook('onClose', () => live.settlePendingTurns());
}

/**
 * `preClose` of @fastify/websocket (its default closes clients without a code): close every client
 * with 1001 "going away", then stop the WebSocket server.
 */
export function closeSocketsGoingAway(this: FastifyInstance, done: () => void): void {
  const server = this.websocketServer as {
    clients?: Set<WebSocket>;
    close(cb: () => void): void;
  };
  for (const client of server.clients ?? this.liveSockets.sockets)
    client.close(SocketCloseCodes.goingAway, 'Server shutting down');
  server.close(() => undefined);
  done();
}
