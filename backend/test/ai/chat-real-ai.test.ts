import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storedChat } from '../chat/db';
import { connect, tokens } from '../chat/socket-client';
import { buildUser } from '../helpers/factories';
import {
  guardOutboundFetch,
  standInVendorsEnv,
  startLlmStandIn,
  tokensOf,
  type LlmStandIn,
} from '../helpers/llm-stand-in';
import { createTestApp } from '../helpers/test-app';

// The whole app over a real WebSocket with the real AI layer, no fakes: first with no
// configuration (offline tutor and local embedder), then with vendors played by the stand-in.

let guard: ReturnType<typeof guardOutboundFetch>;
beforeAll(() => {
  (globalThis as { AI_SDK_LOG_WARNINGS?: boolean }).AI_SDK_LOG_WARNINGS = false;
  guard = guardOutboundFetch();
});
afterAll(() => {
  guard.restore();
  expect(guard.blocked).toEqual([]);
});

describe('chat with no AI configuration', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await createTestApp();
    await app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(() => app.close());

  it('greets, refuses, teaches with the offline tutor, escalates on "I don\'t understand", resets on a new topic', async () => {
    const student = await buildUser(app, { username: 'ada_offline' });
    const socket = await connect(app, `/ws/chat?token=${student.accessToken}`);
    try {
      const hello = await socket.turn({ content: 'hello' });
      const session = hello.find((event) => event.type === 'session');
      expect(session).toMatchObject({ tutor_label: 'Offline tutor', offline: true });
      const sessionId = (session as { session_id: string }).session_id;
      const greeting = hello.at(-1);
      expect(greeting).toMatchObject({ type: 'canned', filter: 'greeting' });
      expect((greeting as { content: string }).content).toContain('ada_offline');

      const pizza = await socket.turn({ content: 'best pizza in London', session_id: sessionId });
      expect(pizza.at(-1)).toMatchObject({ type: 'canned', filter: 'off_topic' });

      const first = await socket.turn({
        content: 'How do I compute the determinant of a 3x3 matrix with numpy?',
        session_id: sessionId,
      });
      const firstDone = first.at(-1) as { type: string; hint_level: number };
      expect(firstDone.type).toBe('done');
      expect(firstDone.hint_level).toBeLessThanOrEqual(4);
      expect(first.filter((event) => event.type === 'token').length).toBeGreaterThan(10);
      expect(tokens(first).toLowerCase()).toContain('determinant');

      const more = await socket.turn({ content: "I don't understand", session_id: sessionId });
      const moreDone = more.at(-1) as { hint_level: number };
      expect(moreDone.hint_level).toBe(firstDone.hint_level + 1);
      expect(tokens(more).toLowerCase()).toContain('determinant'); // still about the same problem

      // An easy new topic: a new problem starts again from its own (low) level.
      const next = await socket.turn({
        content: 'How do I reverse a list in Python?',
        session_id: sessionId,
      });
      expect(next.at(-1)).toMatchObject({ type: 'done', hint_level: 1 });
      expect(tokens(next).length).toBeGreaterThan(100);

      const { messages } = await storedChat(app, student.user.id);
      const answers = messages.filter(
        (message) => message.role === 'assistant' && message.hintLevelUsed !== null,
      );
      expect(answers.map((message) => [message.hintLevelUsed, message.status])).toEqual([
        [firstDone.hint_level, 'complete'],
        [firstDone.hint_level + 1, 'complete'],
        [1, 'complete'],
      ]);
    } finally {
      await socket.close();
    }
  });
});

describe('chat with vendors (stand-in)', () => {
  let app: FastifyInstance;
  let standIn: LlmStandIn;
  beforeAll(async () => {
    standIn = await startLlmStandIn();
    app = await createTestApp({ env: standInVendorsEnv(standIn, { maxRetries: 1 }) });
    await app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    await app.close();
    await standIn.close();
  });

  const reply = 'A determinant measures how a matrix scales volume.';

  it('fails over from a vendor returning 500 to the next, and the student sees one whole answer', async () => {
    standIn.reset();
    standIn.script('anthropic', { status: 500 });
    standIn.script('openai', { reply });
    const student = await buildUser(app, { username: 'ada_failover' });
    const socket = await connect(app, `/ws/chat?token=${student.accessToken}`);
    try {
      const events = await socket.turn({
        content: 'What does a determinant tell me about a matrix?',
      });
      expect(events.find((event) => event.type === 'session')).toMatchObject({
        tutor_label: 'Claude',
        offline: false,
      });
      expect(tokens(events)).toBe(reply);
      expect(events.at(-1)).toMatchObject({ type: 'done' });
      expect(standIn.requestsTo('anthropic')).toHaveLength(2);
      const sent = standIn.requestsTo('openai')[0]?.body as {
        messages: { role: string; content: string }[];
      };
      expect(sent.messages.at(-1)).toEqual({
        role: 'user',
        content: 'What does a determinant tell me about a matrix?',
      });
    } finally {
      await socket.close();
    }
  });

  it('keeps the partial answer, marked incomplete, when a vendor drops the stream after some tokens', async () => {
    standIn.reset();
    standIn.script('anthropic', { reply, dropAfter: 4 });
    standIn.script('openai', { reply: 'never used' });
    const student = await buildUser(app, { username: 'ada_dropped' });
    const socket = await connect(app, `/ws/chat?token=${student.accessToken}`);
    try {
      const events = await socket.turn({
        content: 'What does a determinant tell me about a matrix?',
      });
      const partial = tokensOf(reply).slice(0, 4).join('');
      expect(tokens(events)).toBe(partial);
      expect(events.at(-1)).toMatchObject({ type: 'error' });
      expect(standIn.requestsTo('openai')).toHaveLength(0);
      const { messages } = await storedChat(app, student.user.id);
      expect(messages.map((message) => [message.role, message.content, message.status])).toEqual([
        ['user', 'What does a determinant tell me about a matrix?', 'complete'],
        ['assistant', partial, 'incomplete'],
      ]);
    } finally {
      await socket.close();
    }
  });

  it('reports an error and stores only the question when every vendor fails', async () => {
    standIn.reset();
    standIn.script('anthropic', { hang: true });
    standIn.script('openai', { status: 503 });
    const student = await buildUser(app, { username: 'ada_allfail' });
    const socket = await connect(app, `/ws/chat?token=${student.accessToken}`);
    try {
      const events = await socket.turn({ content: 'How do I solve Ax = b?' });
      expect(events.at(-1)).toMatchObject({ type: 'error' });
      expect(tokens(events)).toBe('');
      const { messages } = await storedChat(app, student.user.id);
      expect(messages.map((message) => message.role)).toEqual(['user']);
    } finally {
      await socket.close();
    }
  });
});
