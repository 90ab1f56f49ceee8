import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { users } from '../../src/auth/schema';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { HINT_LEVELS } from '../../src/pedagogy/prompts';
import { buildUser, type TestUser } from '../helpers/factories';
import { createTestApp } from '../helpers/test-app';
import { effectiveLevels, storedChat } from './db';
import { type FakeAi, useFakeAi } from './fake-ai';
import { closeCodeOf, connect, type TestSocket, tokens } from './socket-client';

describe('/ws/chat', () => {
  let app: FastifyInstance;
  let ai: FakeAi;
  let student: TestUser;
  let socket: TestSocket;

  beforeAll(async () => {
    app = await createTestApp();
    await app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(() => app.close());

  beforeEach(async (context) => {
    ai = useFakeAi(app);
    student = await buildUser(app, { username: `ana_${Math.random().toString(36).slice(2, 8)}` });
    socket = await connect(app, `/ws/chat?token=${student.accessToken}`);
    context.onTestFinished(() => socket.close());
  });

  describe('authentication', () => {
    it.each([
      ['missing', '/ws/chat', 'Missing token'],
      ['forged', '/ws/chat?token=not.a.jwt', 'Invalid or expired token'],
    ])('closes with 4001 for a %s token', async (_name, path, reason) => {
      expect(await closeCodeOf(app, path)).toEqual({ code: 4001, reason });
    });
  });

  it('streams an answer to a new problem and stores it with its hint level', async () => {
    const events = await socket.turn({ content: 'How do I invert a matrix with numpy?' });
    expect(events[0]).toMatchObject({
      type: 'session',
      session_type: 'general',
      continued: false,
      tutor_label: 'Fake tutor',
      hint_level: null,
    });
    expect(tokens(events)).toBe('Think about what $A^{-1}$ means.');
    const done = events.at(-1)!;
    expect(done).toMatchObject({
      type: 'done',
      hint_level: 1,
      programming_difficulty: 3,
      maths_difficulty: 3,
      status: 'complete',
    });

    const { sessions, messages } = await storedChat(app, student.user.id);
    expect(sessions).toHaveLength(1);
    expect(sessions[0]).toMatchObject({
      currentHintLevel: 1,
      startingHintLevel: 1,
      programmingDifficulty: 3,
      mathsDifficulty: 3,
      contextEmbeddingModel: 'fake-v1',
      contextEmbedding: [
        'How do I invert a matrix with numpy?'.length,
        'Think about what $A^{-1}$ means.'.length,
        1,
      ],
    });
    expect(messages).toEqual([
      expect.objectContaining({
        role: 'user',
        content: 'How do I invert a matrix with numpy?',
        hintLevelUsed: null,
      }),
      expect.objectContaining({
        role: 'assistant',
        content: 'Think about what $A^{-1}$ means.',
        hintLevelUsed: 1,
        status: 'complete',
      }),
    ]);
    const request = ai.router.requests[0]!;
    expect(request.hintLevel).toBe(1);
    expect(request.system).toContain(HINT_LEVELS[1].instruction);
    expect(request.material).toMatchObject({
      question: 'How do I invert a matrix with numpy?',
      studentName: student.user.username,
    });
  });

  it('raises the level on each follow-up up to 5, then a new problem resets it and moves the effective levels', async () => {
    const first = await socket.turn({ content: 'Solve Ax = b with numpy' });
    const sessionId = (first[0] as { session_id: string }).session_id;
    const levels = [first.at(-1)];
    for (const content of [
      "I don't understand",
      'explain more',
      'the same thing again',
      'next hint',
      'continue',
    ]) {
      const events = await socket.turn({ content, session_id: sessionId });
      expect(events[0]).toMatchObject({ type: 'session', session_id: sessionId, continued: true });
      levels.push(events.at(-1));
    }
    expect(levels.map((done) => (done as { hint_level: number }).hint_level)).toEqual([
      1, 2, 3, 4, 5, 5,
    ]);
    expect(ai.router.requests.at(-1)!.system).toContain(HINT_LEVELS[5].instruction);
    // History goes to the model: 6 earlier messages... plus this one.
    expect(ai.router.requests.at(-1)!.messages).toHaveLength(11);
    expect(await effectiveLevels(app, student.user.id)).toEqual({ programming: null, maths: null });

    ai.classifier.difficulty = { programming: 5, maths: 4 };
    const next = await socket.turn({
      content: 'How does Lagrange interpolation work?',
      session_id: sessionId,
    });
    // Effective 3 → 2.52 after a hint-5 finish at difficulty 3; then gap = 5 - 3 = 2 → start 3.
    expect(next.at(-1)).toMatchObject({
      type: 'done',
      hint_level: 3,
      programming_difficulty: 5,
      maths_difficulty: 4,
    });
    const levelsNow = await effectiveLevels(app, student.user.id);
    expect(levelsNow.programming).toBeCloseTo(2.52, 5);
    expect(levelsNow.maths).toBeCloseTo(2.52, 5);
  });

  it('caps the first answer to a new problem at 4', async () => {
    await app.database.db
      .update(users)
      .set({ effectiveProgrammingLevel: 1, effectiveMathsLevel: 1 })
      .where(eq(users.id, student.user.id));
    ai.classifier.difficulty = { programming: 5, maths: 5 };
    const events = await socket.turn({
      content: 'Prove convergence of Newton iteration for my system',
    });
    expect(events.at(-1)).toMatchObject({ type: 'done', hint_level: 4 });
  });

  it('answers a greeting with the student name and an off-topic message with a refusal, without the model', async () => {
    const greeting = await socket.turn({ content: 'hello' });
    expect(greeting.at(-1)).toMatchObject({ type: 'canned', filter: 'greeting' });
    expect((greeting.at(-1) as { content: string }).content).toContain(student.user.username);
    const sessionId = (greeting[0] as { session_id: string }).session_id;
    const thanks = await socket.turn({ content: 'thanks!', session_id: sessionId });
    expect(thanks.at(-1)).toMatchObject({ type: 'canned', filter: 'greeting' });
    expect((thanks.at(-1) as { content: string }).content).toMatch(/^Glad to help/);
    const offTopic = await socket.turn({ content: 'best pizza in London', session_id: sessionId });
    expect(offTopic.at(-1)).toMatchObject({ type: 'canned', filter: 'off_topic' });
    expect(ai.router.requests).toHaveLength(0);
    const { messages, sessions } = await storedChat(app, student.user.id);
    expect(messages.map((m) => [m.role, m.hintLevelUsed])).toEqual([
      ['user', null],
      ['assistant', null],
      ['user', null],
      ['assistant', null],
      ['user', null],
      ['assistant', null],
    ]);
    expect(sessions[0]!.currentHintLevel).toBeNull();
  });

  describe('bad input: an error naming the problem, nothing stored, the socket stays usable', () => {
    const other = () => buildUser(app);
    it.each([
      ['invalid JSON', '{"content": "hi"', /Invalid JSON/],
      ['a JSON array', '[1,2]', /Invalid frame/],
      ['a missing content', '{}', /^content is required$/],
      ['a non-string content', '{"content": 42}', /^content must be a string$/],
      ['an empty content', '{"content": ""}', /^content must not be empty$/],
      ['a whitespace content', '{"content": "  \\n\\t "}', /^content must not be empty$/],
      [
        'an oversize content',
        JSON.stringify({ content: 'x'.repeat(8001) }),
        /content is longer than 8000 characters/,
      ],
      [
        'a non-UUID session_id',
        '{"content": "What is a matrix?", "session_id": "abc"}',
        /^session_id must be a UUID$/,
      ],
      [
        'an unknown session_id',
        '{"content": "What is a matrix?", "session_id": "7a1d3f2e-1111-4222-8333-944445555666"}',
        /^session_id: no such session/,
      ],
    ])('%s', async (_name, raw, message) => {
      const ended = socket.untilEnd();
      socket.sendRaw(raw);
      const events = await ended;
      expect(events).toEqual([{ type: 'error', message: expect.stringMatching(message) }]);
      expect(await storedChat(app, student.user.id)).toEqual({ sessions: [], messages: [] });
      const next = await socket.turn({ content: 'What is a determinant?' });
      expect(next.at(-1)).toMatchObject({ type: 'done' });
    });

    it("another user's session_id", async () => {
      const stranger = await other();
      const theirs = await connect(app, `/ws/chat?token=${stranger.accessToken}`);
      const theirEvents = await theirs.turn({ content: 'What is an eigenvalue?' });
      await theirs.close();
      const theirSession = (theirEvents[0] as { session_id: string }).session_id;
      const before = await storedChat(app, stranger.user.id);

      const events = await socket.turn({
        content: 'Show me your answer',
        session_id: theirSession,
      });
      expect(events).toEqual([
        { type: 'error', message: expect.stringMatching(/^session_id: no such session/) },
      ]);
      expect(await storedChat(app, student.user.id)).toEqual({ sessions: [], messages: [] });
      expect(await storedChat(app, stranger.user.id)).toEqual(before);
      expect((await socket.turn({ content: 'What is a determinant?' })).at(-1)).toMatchObject({
        type: 'done',
      });
    });
  });

  it('refuses a second message while answering, without crossing the streams', async () => {
    ai.router.script({ kind: 'answer', pieces: ['one ', 'two ', 'three'], delayMs: 30 });
    const ended = socket.untilEnd();
    socket.send({ content: 'What is broadcasting?' });
    socket.send({ content: 'And strides?' });
    const events = await ended;
    expect(events.at(-1)).toEqual({
      type: 'error',
      message: expect.stringContaining('Wait for the current answer'),
    });
    const rest = await socket.untilEnd();
    expect(tokens([...events, ...rest])).toBe('one two three');
    expect(rest.at(-1)).toMatchObject({ type: 'done', status: 'complete' });
    expect(ai.router.requests).toHaveLength(1);
    expect((await storedChat(app, student.user.id)).messages.map((m) => m.content)).toEqual([
      'What is broadcasting?',
      'one two three',
    ]);
  });

  it('stops an answer on {"type":"stop"}: the partial answer is stored as stopped', async () => {
    ai.router.script({ kind: 'hang', pieces: ['Consider the ', 'pivot...'] });
    const ended = socket.untilEnd();
    socket.send({ content: 'Why does Gaussian elimination need pivoting?' });
    await vi_waitFor(() => socket.events.filter((e) => e.type === 'token').length === 2);
    socket.send({ type: 'stop' });
    const events = await ended;
    expect(events.at(-1)).toMatchObject({ type: 'done', status: 'stopped', hint_level: 1 });
    const { messages } = await storedChat(app, student.user.id);
    expect(messages.at(-1)).toMatchObject({
      role: 'assistant',
      content: 'Consider the pivot...',
      status: 'stopped',
    });
    ai.router.script({ kind: 'answer', pieces: ['LU is...'] });
    expect((await socket.turn({ content: 'What is LU decomposition?' })).at(-1)).toMatchObject({
      type: 'done',
    });
  });

  it('when every provider fails: a clear error, the message kept, no answer stored, state unchanged', async () => {
    ai.router.script({ kind: 'all_fail' });
    const events = await socket.turn({ content: 'How do I compute eigenvalues?' });
    expect(events.map((e) => e.type)).toEqual(['session', 'error']);
    expect(events.at(-1)).toEqual({
      type: 'error',
      message: expect.stringMatching(/^The tutor is unavailable right now/),
    });
    const { sessions, messages } = await storedChat(app, student.user.id);
    expect(messages).toEqual([
      expect.objectContaining({ role: 'user', content: 'How do I compute eigenvalues?' }),
    ]);
    expect(sessions[0]!.currentHintLevel).toBeNull();
  });

  it('after tokens a dropped stream gives an error and keeps the partial answer as incomplete', async () => {
    ai.router.script({ kind: 'interrupt_after', pieces: ['First, ', 'compute '] });
    const events = await socket.turn({ content: 'How do I compute a determinant?' });
    expect(tokens(events)).toBe('First, compute ');
    expect(events.at(-1)).toEqual({ type: 'error', message: expect.stringMatching(/interrupted/) });
    const { sessions, messages } = await storedChat(app, student.user.id);
    expect(messages.at(-1)).toMatchObject({
      role: 'assistant',
      content: 'First, compute ',
      status: 'incomplete',
      hintLevelUsed: 1,
    });
    expect(sessions[0]!.currentHintLevel).toBeNull();
  });

  it('names the provider that actually answered in done (after a failover)', async () => {
    const first = await socket.turn({ content: 'What is a sparse matrix?' });
    expect(first.at(-1)).toMatchObject({ type: 'done', tutor_label: 'Fake tutor', offline: false });
    ai.router.script({
      kind: 'answer',
      pieces: ['Sparse...'],
      provider: { label: 'Offline tutor', offline: true },
    });
    const second = await socket.turn({ content: 'What is a banded matrix?' });
    expect(second[0]).toMatchObject({ type: 'session', tutor_label: 'Fake tutor' });
    expect(second.at(-1)).toMatchObject({
      type: 'done',
      tutor_label: 'Offline tutor',
      offline: true,
    });
  });

  it('answers as a new problem when the classifier fails', async () => {
    ai.classifier.failNext = true;
    const events = await socket.turn({ content: 'What is numerical integration?' });
    expect(events.at(-1)).toMatchObject({ type: 'done', hint_level: 1 });
  });

  it('closes open sockets with 1001 when the app shuts down', async () => {
    const own = await createTestApp();
    await own.listen({ port: 0, host: '127.0.0.1' });
    const user = await buildUser(own);
    const client = await connect(own, `/ws/chat?token=${user.accessToken}`);
    const closed = new Promise<number>((resolve) =>
      client.ws.once('close', (code) => resolve(code)),
    );
    await own.close();
    expect(await closed).toBe(1001);
  });
});

async function vi_waitFor(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > timeoutMs) throw new Error('condition not met');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
