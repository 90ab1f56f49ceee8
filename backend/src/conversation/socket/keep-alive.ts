import type { WebSocket } from 'ws';

/**
 * Pings every `pingIntervalMs`; a client that has not answered the previous ping is gone (a closed
 * laptop, a dropped network): its socket is terminated, which stops its answer. Regular pings also
 * keep proxies from closing an idle connection.
 */
export function keepAlive(socket: WebSocket, pingIntervalMs: number): void {
  let alive = true;
  socket.on('pong', () => {
    alive = true;
  });
  const timer = setInterval(() => {
    if (!alive) {
      socket.terminate();
      return;
    }
    alive = false;
    socket.ping();
  }, pingIntervalMs);
  timer.unref();
  socket.once('close', () => clearInterval(timer));
}
