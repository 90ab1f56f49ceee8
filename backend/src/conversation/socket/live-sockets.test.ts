import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import type { WebSocket } from 'ws';
import { LiveSockets } from './live-sockets';

describe('LiveSockets', () => {
  it('forgets a socket once it closes', () => {
    const live = new LiveSockets();
    const socket = new EventEmitter() as unknown as WebSocket;
    live.trackSocket(socket);
    expect(live.sockets.has(socket)).toBe(true);
    socket.emit('close');
    expect(live.sockets.size).toBe(0);
  });

  it('waits for pending turns, but no longer than the bound', async () => {
    const live = new LiveSockets();
    let finished = false;
    live.trackTurn(new Promise((resolve) => setTimeout(resolve, 20)).then(() => (finished = true)));
    await live.settlePendingTurns(5_000);
    expect(finished).toBe(true);

    live.trackTurn(new Promise(() => undefined));
    const start = Date.now();
    await live.settlePendingTurns(50);
    expect(Date.now() - start).toBeLessThan(2_000);
  });

  it('keeps registries of two apps apart', () => {
    const first = new LiveSockets();
    const second = new LiveSockets();
    first.trackSocket(new EventEmitter() as unknown as WebSocket);
    expect(second.sockets.size).toBe(0);
  });
});
