// Every open conversation socket of the process, so that shutdown can tell clients to reconnect
// elsewhere (1001) and wait for answers being stored before the database closes.
import type { WebSocket } from 'ws';
import { SocketCloseCodes } from '@tutor/shared/chat';

const sockets = new Set<WebSocket>();
const pendingTurns = new Set<Promise<unknown>>();

export function trackSocket(socket: WebSocket): void {
  sockets.add(socket);
  socket.once('close', () => sockets.delete(socket));
}

export function trackTurn(turn: Promise<unknown>): void {
  pendingTurns.add(turn);
  void turn.finally(() => pendingTurns.delete(turn));
}

/**
 * `preClose` of @fastify/websocket (its default closes clients without a code): close every client
 * with 1001 "going away", then stop the WebSocket server.
 */
export function closeSocketsGoingAway(
  this: { websocketServer: { clients?: Set<WebSocket>; close(cb: () => void): void } },
  done: () => void,
): void {
  const server = this.websocketServer;
  for (const client of server.clients ?? sockets)
    client.close(SocketCloseCodes.goingAway, 'Server shutting down');
  server.close(() => undefined);
  done();
}

/** Waits (bounded) for turns that are storing their answers, e.g. a stop caused by the close. */
export async function settlePendingTurns(timeoutMs = 5_000): Promise<void> {
  if (pendingTurns.size === 0) return;
  await Promise.race([
    Promise.allSettled([...pendingTurns]),
    new Promise((resolve) => setTimeout(resolve, timeoutMs).unref()),
  ]);
}
