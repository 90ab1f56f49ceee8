// Security finding 5: a NUL (U+0000) in a chat message made the insert fail, the student got
// "Something went wrong" with their message lost, and the error log quoted the failed query's
// parameters, message included. Messages now keep their text with U+FFFD in place of what
// PostgreSQL cannot store, and a failing query's log line names the statement and its SQLSTATE,
// never its parameters or the row.
import { Writable } from 'node:stream';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { chatMessages } from '../../src/conversation/schema';
import { INTERNAL_ERROR_MESSAGE } from '../../src/conversation/turn/canned';
import { loadEnv } from '../../src/config/env';
import type { LearningModule } from '../../src/learning-modules/schema';
import { listModules } from '../../src/learning-modules/service';
import { loggerOptions } from '../../src/logging/logger';
import { buildUser, type TestUser } from '../helpers/factories';
import { createTestApp } from '../helpers/test-app';
import { storedChat } from './db';
import { type FakeAi, useFakeAi } from './fake-ai';
import { connect } from './socket-client';

/** A lone surrogate or a NUL anywhere in the value (as JSON would carry it). */
function hasUnstorableText(value: unknown): boolean {
  // eslint-disable-next-line no-control-regex -- U+0000 is what this looks for
  return /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(
    JSON.stringify(value).replace(/\\u0000/g, '\u0000'),
  );
}

/** Every key of a logged object, at any depth. */
function keysOf(value: unknown): string[] {
  if (!value || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, nested]) => [key, ...keysOf(nested)]);
}

describe('message text the database cannot store, and what is logged of a failing query', () => {
  let app: FastifyInstance;
  let ai: FakeAi;
  let student: TestUser;
  let numpy: LearningModule;
  const logLines: string[] = [];

  beforeAll(async () => {
    const stream = new Writable({
      write(chunk, _encoding, done) {
        logLines.push(...String(chunk).split('\n').filter(Boolean));
        done();
      },
    });
    // The real logger configuration, at its most verbose.
    const env = loadEnv({ LOG_LEVEL: 'trace', LOG_PRETTY: 'false' });
    app = await createTestApp({
      serverOptions: { logger: { ...(loggerOptions(env) as object), stream } },
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    numpy = (await listModules(app.database.db)).find(
      (m) => m.notebookFilename === 'module_01_intro_to_numpy.ipynb',
    )!;
  });
  afterAll(() => app.close());

  beforeEach(async () => {
    ai = useFakeAi(app);
    student = await buildUser(app);
  });

  const logged = (marker: string) => logLines.filter((line) => line.includes(marker));

  it('/ws/chat: a message with a NUL is answered, and stored with U+FFFD in its place', async () => {
    const socket = await connect(app, `/ws/chat?token=${student.accessToken}`);
    const events = await socket.turn({ content: 'How do I use np.zeros?\u0000 NUL_MARKER_CHAT' });
    await socket.close();

    expect(events.map((event) => event.type)).toEqual([
      'session',
      'token',
      'token',
      'token',
      'done',
    ]);
    const { messages } = await storedChat(app, student.user.id);
    expect(messages.map(({ role, content }) => ({ role, content }))).toEqual([
      { role: 'user', content: 'How do I use np.zeros?\uFFFD NUL_MARKER_CHAT' },
      { role: 'assistant', content: 'Think about what $A^{-1}$ means.' },
    ]);
    // The model saw what was stored.
    expect(ai.router.requests[0]!.messages.at(-1)!.content).toBe(
      'How do I use np.zeros?\uFFFD NUL_MARKER_CHAT',
    );
    expect(logged('NUL_MARKER_CHAT')).toEqual([]);
  });

  it('/ws/tutor: a NUL in the message and in the cell code, lone surrogates: answered and stored as U+FFFD, emoji kept', async () => {
    const socket = await connect(
      app,
      `/ws/tutor?token=${student.accessToken}&module_id=${numpy.id}`,
    );
    const events = await socket.turn({
      content: 'Why does 😀 \uD83D break\u0000 my cell? NUL_MARKER_TUTOR',
      cell_code: 'name = "\u0000"\nface = "\uDE00"  # CELL_MARKER',
      error_output: 'ValueError: \uD800',
    });
    await socket.close();

    expect(events.at(-1)).toMatchObject({ type: 'done', status: 'complete' });
    const { messages } = await storedChat(app, student.user.id);
    expect(messages[0]).toMatchObject({
      role: 'user',
      content: 'Why does 😀 \uFFFD break\uFFFD my cell? NUL_MARKER_TUTOR',
    });
    expect(messages[1]).toMatchObject({ role: 'assistant', status: 'complete' });
    // Nothing sent to the model is malformed text (some vendors refuse a lone surrogate).
    const request = ai.router.requests[0]!;
    expect(hasUnstorableText(request.system)).toBe(false);
    expect(hasUnstorableText(request.messages)).toBe(false);
    expect(hasUnstorableText(request.material)).toBe(false);
    expect(request.system).toContain('name = "\uFFFD"\nface = "\uFFFD"  # CELL_MARKER');
    expect(logged('NUL_MARKER_TUTOR')).toEqual([]);
    expect(logged('CELL_MARKER').filter((line) => JSON.parse(line).level >= 30)).toEqual([]);
  });

  it('a lone surrogate in a chat message reaches neither the model nor the database', async () => {
    const socket = await connect(app, `/ws/chat?token=${student.accessToken}`);
    const events = await socket.turn({ content: 'Is \uDBFF a valid character in Python?' });
    await socket.close();

    expect(events.at(-1)).toMatchObject({ type: 'done' });
    expect(ai.router.requests[0]!.messages.at(-1)!.content).toBe(
      'Is \uFFFD a valid character in Python?',
    );
    const { messages, sessions } = await storedChat(app, student.user.id);
    expect(messages[0]!.content).toBe('Is \uFFFD a valid character in Python?');
    expect(sessions[0]!.title).toBe('Is \uFFFD a valid character in Python?');
  });

  it('a query that fails mid-turn: a clear error event, and the log holds neither the message nor the parameters', async () => {
    // Any failure of the message insert will do; this one quotes the whole row in its detail.
    await app.database.db.execute(
      sql.raw(
        `alter table chat_messages add constraint test_refuses_marker check (content not like '%FAILING_QUERY_MARKER%') not valid`,
      ),
    );
    try {
      const socket = await connect(app, `/ws/chat?token=${student.accessToken}`);
      const events = await socket.turn({
        content: 'What is a condition number? FAILING_QUERY_MARKER',
      });
      await socket.close();
      expect(events.at(-1)).toEqual({ type: 'error', message: INTERNAL_ERROR_MESSAGE });
    } finally {
      await app.database.db.execute(
        sql.raw('alter table chat_messages drop constraint test_refuses_marker'),
      );
    }

    expect(logged('FAILING_QUERY_MARKER')).toEqual([]);
    const failure = logLines
      .map((line) => JSON.parse(line) as { msg?: string; err?: Record<string, unknown> })
      .find((line) => line.msg === 'chat turn failed');
    // What an operator needs: which statement, which SQLSTATE, which constraint.
    expect(failure?.err).toMatchObject({
      message: expect.stringMatching(/^Failed query: with "received" as \(insert into "chat_messages"/),
      cause: { code: '23514', constraint: 'test_refuses_marker' },
    });
    expect(keysOf(failure)).not.toEqual(
      expect.arrayContaining([expect.stringMatching(/^(params|parameters|query|detail|where)$/)]),
    );
    expect(JSON.stringify(failure)).not.toContain('params:');
  });

  it('database errors logged anywhere (the REST error handler, the sockets) keep their values out', async () => {
    const failures = await Promise.all([
      // A NUL written around the chat store: the driver's own error.
      app.database.db
        .insert(chatMessages)
        .values({
          sessionId: '00000000-0000-4000-8000-000000000000',
          role: 'user',
          content: 'a\u0000 DIRECT_NUL_MARKER',
        })
        .then(
          () => undefined,
          (error: unknown) => error,
        ),
      // PostgreSQL quotes a value it cannot read in its message.
      app.database.db.execute(sql`select ${'QUOTED_VALUE_MARKER'}::int`).then(
        () => undefined,
        (error: unknown) => error,
      ),
    ]);
    for (const error of failures) {
      expect(error).toBeInstanceOf(Error);
      app.log.error({ err: error }, 'unhandled error');
    }
    expect(logged('DIRECT_NUL_MARKER')).toEqual([]);
    expect(logged('QUOTED_VALUE_MARKER')).toEqual([]);
    const lines = logLines
      .map((line) => JSON.parse(line) as { msg?: string; err?: { cause?: { code?: string } } })
      .filter((line) => line.msg === 'unhandled error');
    expect(lines.map((line) => line.err?.cause?.code)).toEqual([
      expect.stringMatching(/^22/),
      '22P02',
    ]);
  });
});
