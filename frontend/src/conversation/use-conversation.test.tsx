import type { ChatMessageOut } from '@tutor/shared/chat';
import { act, cleanup, renderHook, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { asWebSocket, FakeSocket } from './fake-socket';
import {
  NEXT_HINT_REQUEST,
  START_OVER_REQUEST,
  useConversation,
  type UseConversationOptions,
} from './use-conversation';

const SESSION = '0b6c3f9e-2a4f-4c47-9a52-5d6f1c0b7e21';
const OTHER = '5d7d0c51-9c38-4a8f-8d0b-3c1f3f6a7a10';
const MESSAGE = '8f1d4f0c-1b9e-4f57-a1f2-6b3e9c1d2e3f';

const auth = {
  getToken: async () => 'token',
  refreshToken: async () => 'token',
  onSignedOut: vi.fn(),
};

function sessionEvent(id = SESSION, hint: number | null = null) {
  return {
    type: 'session',
    session_id: id,
    session_type: 'general',
    module_id: null,
    continued: false,
    tutor_label: 'Offline tutor',
    offline: true,
    hint_level: hint,
  };
}

function done(hint: number, status: 'complete' | 'stopped' = 'complete') {
  return {
    type: 'done',
    hint_level: hint,
    programming_difficulty: 2,
    maths_difficulty: 3,
    message_id: MESSAGE,
    status,
  };
}

async function connected(options: Partial<UseConversationOptions> = {}) {
  const view = renderHook(
    (props: Partial<UseConversationOptions>) =>
      useConversation({
        url: '/ws/chat',
        sessionId: null,
        auth,
        WebSocketImpl: asWebSocket,
        ...options,
        ...props,
      }),
    { initialProps: {} },
  );
  await waitFor(() => expect(FakeSocket.instances.length).toBeGreaterThan(0));
  const ws = FakeSocket.latest();
  act(() => ws.open());
  expect(view.result.current.connection).toEqual({ status: 'connected' });
  return { ...view, ws };
}

beforeEach(() => FakeSocket.reset());
afterEach(cleanup);

describe('useConversation', () => {
  it('streams an answer, then stores it with its hint level and the tutor label', async () => {
    const onSession = vi.fn();
    const { result, ws } = await connected({ onSession });
    await act(async () => {
      expect(await result.current.send('How do I invert a matrix?')).toBe(true);
    });
    expect(ws.sent).toEqual([{ content: 'How do I invert a matrix?' }]);
    expect(result.current.answering).toBe(true);
    expect(result.current.canRequestNextHint).toBe(false);

    act(() => {
      ws.receive(sessionEvent());
      ws.receive({ type: 'token', content: 'What does ' });
      ws.receive({ type: 'token', content: '$A^{-1}$ mean?' });
    });
    expect(onSession).toHaveBeenCalledWith(expect.objectContaining({ session_id: SESSION }));
    expect(result.current.sessionId).toBe(SESSION);
    expect(result.current.tutorLabel).toBe('Offline tutor');
    expect(result.current.offline).toBe(true);
    await waitFor(() => expect(result.current.streaming).toBe('What does $A^{-1}$ mean?'));

    act(() => ws.receive(done(2)));
    expect(result.current.answering).toBe(false);
    expect(result.current.streaming).toBeNull();
    expect(result.current.hintLevel).toBe(2);
    expect(result.current.canRequestNextHint).toBe(true);
    expect(result.current.messages.map((m) => [m.role, m.content, m.hintLevel, m.status])).toEqual([
      ['user', 'How do I invert a matrix?', null, 'complete'],
      ['assistant', 'What does $A^{-1}$ mean?', 2, 'complete'],
    ]);
    expect(result.current.messages[1]?.tutorLabel).toBe('Offline tutor');
  });

  it('sends "next hint" as an elaboration in the same session', async () => {
    const { result, ws } = await connected();
    await act(() => result.current.send('question'));
    act(() => {
      ws.receive(sessionEvent());
      ws.receive({ type: 'token', content: 'a' });
      ws.receive(done(1));
    });
    await act(() => result.current.nextHint());
    expect(ws.sent.at(-1)).toEqual({ content: NEXT_HINT_REQUEST, session_id: SESSION });
    act(() => {
      ws.receive(sessionEvent(SESSION, 1));
      ws.receive({ type: 'token', content: 'b' });
      ws.receive(done(2));
    });
    expect(result.current.hintLevel).toBe(2);
  });

  it('asks to start the same problem over from hint 1', async () => {
    const { result, ws } = await connected();
    await act(() => result.current.send('question'));
    act(() => {
      ws.receive(sessionEvent());
      ws.receive(done(3));
    });
    expect(result.current.canSend).toBe(true);
    await act(() => result.current.startOver());
    expect(ws.sent.at(-1)).toEqual({
      content: START_OVER_REQUEST,
      from_first_hint: true,
      session_id: SESSION,
    });
    expect(result.current.canSend).toBe(false);
  });

  it('refuses a second message while answering, without sending it', async () => {
    const { result, ws } = await connected();
    await act(() => result.current.send('one'));
    let second = true;
    await act(async () => {
      second = await result.current.send('two');
    });
    expect(second).toBe(false);
    expect(ws.sent).toHaveLength(1);
  });

  it('shows canned replies at once, without changing the hint level', async () => {
    const { result, ws } = await connected();
    await act(() => result.current.send('hello'));
    act(() => {
      ws.receive(sessionEvent());
      ws.receive({ type: 'canned', content: 'Hi Ada!', filter: 'greeting', message_id: MESSAGE });
    });
    expect(result.current.answering).toBe(false);
    expect(result.current.hintLevel).toBeNull();
    expect(result.current.messages.at(-1)).toMatchObject({
      content: 'Hi Ada!',
      canned: 'greeting',
    });
  });

  it('marks a refused message as not sent, shows the error, and stays usable', async () => {
    const { result, ws } = await connected();
    await act(() => result.current.send('x'.repeat(10)));
    act(() => ws.receive({ type: 'error', message: 'session_id must be a UUID' }));
    expect(result.current.error).toBe('session_id must be a UUID');
    expect(result.current.answering).toBe(false);
    expect(result.current.messages.at(-1)?.status).toBe('failed');
    await act(() => result.current.send('again'));
    expect(ws.sent).toHaveLength(2);
    expect(result.current.error).toBeNull();
  });

  it('keeps the part of an answer that arrived before an error', async () => {
    const { result, ws } = await connected();
    await act(() => result.current.send('q'));
    act(() => {
      ws.receive(sessionEvent());
      ws.receive({ type: 'token', content: 'Half an ans' });
      ws.receive({ type: 'error', message: 'The tutor stopped answering.' });
    });
    expect(result.current.messages.map((m) => [m.role, m.status])).toEqual([
      ['user', 'complete'],
      ['assistant', 'incomplete'],
    ]);
    expect(result.current.messages[1]?.content).toBe('Half an ans');
  });

  it('stop sends a stop frame and the answer ends as stopped', async () => {
    const { result, ws } = await connected();
    await act(() => result.current.send('q'));
    act(() => {
      ws.receive(sessionEvent());
      ws.receive({ type: 'token', content: 'partial' });
    });
    act(() => result.current.stop());
    expect(ws.sent.at(-1)).toEqual({ type: 'stop' });
    act(() => ws.receive(done(1, 'stopped')));
    expect(result.current.messages.at(-1)).toMatchObject({ content: 'partial', status: 'stopped' });
  });

  it('ends the turn with an error when the connection drops mid-answer, then reconnects', async () => {
    const { result, ws } = await connected();
    await act(() => result.current.send('q'));
    act(() => {
      ws.receive(sessionEvent());
      ws.receive({ type: 'token', content: 'so far' });
    });
    act(() => ws.serverClose(1006));
    expect(result.current.connection.status).toBe('reconnecting');
    expect(result.current.answering).toBe(false);
    expect(result.current.error).toMatch(/connection was lost/);
    expect(result.current.messages.at(-1)).toMatchObject({
      content: 'so far',
      status: 'incomplete',
    });
    await waitFor(() => expect(FakeSocket.instances).toHaveLength(2), { timeout: 2000 });
  });

  it('adds the frame extras the tutor needs to every message', async () => {
    const { result, ws } = await connected({ frameExtras: async () => ({ cell_code: 'x = 1' }) });
    await act(() => result.current.send('why?'));
    expect(ws.sent).toEqual([{ cell_code: 'x = 1', content: 'why?' }]);
  });

  it('loads a stored session and continues it; switching sessions loads the other', async () => {
    const stored = (id: string, hint: number): ChatMessageOut[] => [
      {
        id: `${id.slice(0, 8)}-0000-4000-8000-000000000001`,
        role: 'user',
        content: 'q',
        hint_level_used: null,
        problem_difficulty: null,
        maths_difficulty: null,
        status: 'complete',
        tutor_label: null,
        created_at: '2026-01-01T00:00:00Z',
      },
      {
        id: `${id.slice(0, 8)}-0000-4000-8000-000000000002`,
        role: 'assistant',
        content: 'a',
        hint_level_used: hint,
        problem_difficulty: 2,
        maths_difficulty: 2,
        status: 'complete',
        tutor_label: 'Offline tutor',
        created_at: '2026-01-01T00:00:01Z',
      },
    ];
    const loadMessages = vi.fn(async (id: string) => stored(id, id === SESSION ? 3 : 1));
    const { result, ws, rerender } = await connected({ sessionId: SESSION, loadMessages });
    await waitFor(() => expect(result.current.loading).toBe(false));
    expect(result.current.messages).toHaveLength(2);
    expect(result.current.messages[1]?.tutorLabel).toBe('Offline tutor');
    expect(result.current.messages[0]?.tutorLabel).toBeUndefined();
    expect(result.current.hintLevel).toBe(3);
    await act(() => result.current.send('more'));
    expect(ws.sent.at(-1)).toEqual({ content: 'more', session_id: SESSION });
    act(() => ws.receive(done(4)));

    rerender({ sessionId: OTHER });
    await waitFor(() => expect(result.current.hintLevel).toBe(1));
    expect(loadMessages).toHaveBeenLastCalledWith(OTHER, expect.any(AbortSignal));
    expect(result.current.sessionId).toBe(OTHER);

    rerender({ sessionId: null });
    expect(result.current.messages).toEqual([]);
    expect(result.current.hintLevel).toBeNull();
    // One socket throughout: switching sessions does not reconnect.
    expect(FakeSocket.instances).toHaveLength(1);
  });

  it('does not reload a session it just created when the page puts its id in the URL', async () => {
    const loadMessages = vi.fn(async () => []);
    const { result, ws, rerender } = await connected({ loadMessages });
    await act(() => result.current.send('first'));
    act(() => ws.receive(sessionEvent()));
    rerender({ sessionId: SESSION });
    act(() => {
      ws.receive({ type: 'token', content: 'streaming on' });
      ws.receive(done(2));
    });
    expect(loadMessages).not.toHaveBeenCalled();
    expect(result.current.messages.map((m) => m.content)).toEqual(['first', 'streaming on']);
  });
});
