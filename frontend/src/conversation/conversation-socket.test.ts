import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { asWebSocket, FakeSocket } from './fake-socket';
import {
  backoffDelay,
  ConversationSocket,
  socketUrl,
  type ConnectionState,
  type ConversationSocketOptions,
} from './conversation-socket';

const SESSION = '0b6c3f9e-2a4f-4c47-9a52-5d6f1c0b7e21';

function setup(overrides: Partial<ConversationSocketOptions> = {}) {
  const states: ConnectionState[] = [];
  let tokenNumber = 0;
  const options = {
    url: '/ws/chat',
    origin: 'http://app.test',
    getToken: vi.fn(async () => `token-${++tokenNumber}`),
    refreshToken: vi.fn(async () => 'refreshed'),
    onEvent: vi.fn(),
    onStateChange: (state: ConnectionState) => states.push(state),
    onSignedOut: vi.fn(),
    onProblem: vi.fn(),
    WebSocketImpl: asWebSocket,
    random: () => 0.5,
    ...overrides,
  };
  const socket = new ConversationSocket(options);
  return { socket, options, states, last: () => states.at(-1) };
}

/** Lets the pending token promise resolve so that the WebSocket gets created. */
const settle = () => vi.advanceTimersByTimeAsync(0);

beforeEach(() => {
  FakeSocket.reset();
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('socketUrl', () => {
  it('switches to ws/wss, keeps the query and adds the token', () => {
    expect(socketUrl('/ws/chat', 'a b', 'https://x.test')).toBe('wss://x.test/ws/chat?token=a+b');
    expect(socketUrl('/ws/tutor?module_id=m1', 't', 'http://x.test:8000')).toBe(
      'ws://x.test:8000/ws/tutor?module_id=m1&token=t',
    );
  });
});

describe('backoffDelay', () => {
  it('doubles from the initial delay, stays within [ceiling/2, ceiling] and is capped', () => {
    expect(backoffDelay(0, 500, 30_000, () => 0)).toBe(250);
    expect(backoffDelay(0, 500, 30_000, () => 1)).toBe(500);
    expect(backoffDelay(3, 500, 30_000, () => 1)).toBe(4000);
    expect(backoffDelay(20, 500, 30_000, () => 0.999)).toBeLessThanOrEqual(30_000);
    expect(backoffDelay(20, 500, 30_000, () => 0)).toBe(15_000);
  });
});

describe('ConversationSocket', () => {
  it('connects with a fresh token and passes on valid events only', async () => {
    const { socket, options, last } = setup();
    socket.start();
    expect(last()).toEqual({ status: 'connecting' });
    await settle();
    const ws = FakeSocket.latest();
    expect(ws.url).toBe('ws://app.test/ws/chat?token=token-1');
    ws.open();
    expect(last()).toEqual({ status: 'connected' });

    ws.receive({ type: 'token', content: 'Hi' });
    ws.receive({ type: 'token' });
    ws.receive('not json');
    expect(options.onEvent).toHaveBeenCalledTimes(1);
    expect(options.onEvent).toHaveBeenCalledWith({ type: 'token', content: 'Hi' });
    expect(options.onProblem).toHaveBeenCalledTimes(2);
    socket.close();
  });

  it('sends frames only while open, and a stop frame', async () => {
    const { socket } = setup();
    expect(socket.send({ content: 'x' })).toBe(false);
    socket.start();
    await settle();
    const ws = FakeSocket.latest();
    expect(socket.send({ content: 'x' })).toBe(false);
    ws.open();
    expect(socket.send({ content: 'x', session_id: SESSION })).toBe(true);
    expect(socket.stop()).toBe(true);
    expect(ws.sent).toEqual([{ content: 'x', session_id: SESSION }, { type: 'stop' }]);
    socket.close();
    expect(ws.closedByClient).toBe(1000);
  });

  it('reconnects after a dropped connection with backoff, asking for a token each time', async () => {
    const { socket, options, last } = setup();
    socket.start();
    await settle();
    FakeSocket.latest().open();
    FakeSocket.latest().serverClose(1006);
    const state = last();
    expect(state?.status).toBe('reconnecting');
    // random 0.5 → three quarters of the 500 ms ceiling.
    expect(state?.status === 'reconnecting' && state.retryAt - Date.now()).toBe(375);
    await vi.advanceTimersByTimeAsync(374);
    expect(FakeSocket.instances).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(FakeSocket.instances).toHaveLength(2);
    expect(FakeSocket.latest().token).toBe('token-2');
    expect(options.getToken).toHaveBeenCalledTimes(2);

    // A second failure waits longer.
    FakeSocket.latest().serverClose(1006);
    const second = last();
    expect(second?.status === 'reconnecting' && second.retryAt - Date.now()).toBe(750);
    socket.close();
  });

  it('refreshes once on 4001 and reconnects at once with the new token', async () => {
    const { socket, options, last } = setup();
    socket.start();
    await settle();
    FakeSocket.latest().serverClose(4001);
    await settle();
    expect(options.refreshToken).toHaveBeenCalledTimes(1);
    expect(FakeSocket.instances).toHaveLength(2);
    FakeSocket.latest().open();
    expect(last()).toEqual({ status: 'connected' });
    expect(options.onSignedOut).not.toHaveBeenCalled();
    socket.close();
  });

  it('signs out after a second 4001 in a row', async () => {
    const { socket, options, last } = setup();
    socket.start();
    await settle();
    FakeSocket.latest().serverClose(4001);
    await settle();
    FakeSocket.latest().serverClose(4001);
    await settle();
    expect(options.refreshToken).toHaveBeenCalledTimes(1);
    expect(options.onSignedOut).toHaveBeenCalledTimes(1);
    expect(last()?.status).toBe('offline');
    expect(FakeSocket.instances).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(FakeSocket.instances).toHaveLength(2);
  });

  it('signs out when the refresh finds no session, or when there is no token at all', async () => {
    const first = setup({ refreshToken: vi.fn(async () => null) });
    first.socket.start();
    await settle();
    FakeSocket.latest().serverClose(4001);
    await settle();
    expect(first.options.onSignedOut).toHaveBeenCalledTimes(1);

    FakeSocket.reset();
    const second = setup({ getToken: vi.fn(async () => null) });
    second.socket.start();
    await settle();
    expect(FakeSocket.instances).toHaveLength(0);
    expect(second.options.onSignedOut).toHaveBeenCalledTimes(1);
  });

  it('does not retry a module that does not exist', async () => {
    const { socket, last } = setup({ url: '/ws/tutor?module_id=nope' });
    socket.start();
    await settle();
    FakeSocket.latest().serverClose(4404);
    expect(last()).toEqual({ status: 'offline', reason: 'This module does not exist.' });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(FakeSocket.instances).toHaveLength(1);
  });

  it('retries a failed token request like a dropped socket, and "reconnect now" skips the wait', async () => {
    const getToken = vi
      .fn<() => Promise<string | null>>()
      .mockRejectedValueOnce(new Error('network'))
      .mockResolvedValue('ok');
    const { socket, last } = setup({ getToken });
    socket.start();
    await settle();
    expect(last()?.status).toBe('reconnecting');
    socket.reconnectNow();
    await settle();
    expect(FakeSocket.latest().token).toBe('ok');
    socket.close();
  });

  it('stops everything on close: no reconnect, no more state changes', async () => {
    const { socket, states } = setup();
    socket.start();
    await settle();
    const ws = FakeSocket.latest();
    ws.open();
    socket.close();
    const count = states.length;
    ws.serverClose(1006);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(states).toHaveLength(count);
    expect(FakeSocket.instances).toHaveLength(1);
  });
});

describe('ConversationSocket and the browser going offline', () => {
  it('drops the socket when the browser goes offline and reconnects when it is back', async () => {
    const { socket, last } = setup();
    socket.start();
    await settle();
    const ws = FakeSocket.latest();
    ws.open();
    window.dispatchEvent(new Event('offline'));
    expect(last()).toEqual({ status: 'offline', reason: 'You are offline.' });
    expect(ws.closedByClient).toBe(1000);
    expect(socket.send({ content: 'x' })).toBe(false);
    // A late close of the dropped socket changes nothing.
    ws.serverClose(1006);
    expect(last()?.status).toBe('offline');
    await vi.advanceTimersByTimeAsync(60_000);
    expect(FakeSocket.instances).toHaveLength(1);

    window.dispatchEvent(new Event('online'));
    await settle();
    expect(FakeSocket.instances).toHaveLength(2);
    FakeSocket.latest().open();
    expect(last()).toEqual({ status: 'connected' });
    socket.close();
  });
});
