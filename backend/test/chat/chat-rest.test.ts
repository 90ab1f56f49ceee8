import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChatMessageListSchema, ChatSessionListSchema } from '@tutor/shared/chat';
import { buildUser, type TestUser } from '../helpers/factories';
import { createTestApp } from '../helpers/test-app';
import { storedChat } from './db';
import { useFakeAi } from './fake-ai';
import { connect } from './socket-client';

describe('chat REST', () => {
  let app: FastifyInstance;
  let student: TestUser;
  let stranger: TestUser;
  let sessionIds: string[];

  async function converse(user: TestUser, messages: string[]): Promise<string> {
    const socket = await connect(app, `/ws/chat?token=${user.accessToken}`);
    let sessionId: string | undefined;
    for (const content of messages) {
      const events = await socket.turn({ content, session_id: sessionId });
      sessionId = (events[0] as { session_id: string }).session_id;
    }
    await socket.close();
    return sessionId!;
  }

  beforeAll(async () => {
    app = await createTestApp();
    await app.listen({ port: 0, host: '127.0.0.1' });
    useFakeAi(app);
    student = await buildUser(app);
    stranger = await buildUser(app);
    const long = `How do I solve a tridiagonal system efficiently? ${'Details. '.repeat(20)}`;
    sessionIds = [
      await converse(student, [long, "I don't understand"]),
      await converse(student, ['hello', 'What is a norm?']),
    ];
    await converse(stranger, ['What is an eigenvector?']);
  });
  afterAll(() => app.close());

  it('lists the user’s sessions newest first with an 80-character preview of the first user message', async () => {
    const response = await app.inject({
      method: 'GET',
      url: '/api/chat/sessions',
      headers: student.headers,
    });
    expect(response.statusCode).toBe(200);
    const sessions = ChatSessionListSchema.parse(response.json());
    expect(sessions.map((s) => s.id)).toEqual([sessionIds[1], sessionIds[0]]);
    expect(sessions[1]!.preview).toBe(
      `How do I solve a tridiagonal system efficiently? ${'Details. '.repeat(20)}`.slice(0, 80),
    );
    expect(sessions[0]).toMatchObject({
      preview: 'hello',
      session_type: 'general',
      module_id: null,
    });
  });

  it('names each session after its first real question, not a greeting', async () => {
    const response = await app.inject({
      method: 'GET',
      url: '/api/chat/sessions',
      headers: student.headers,
    });
    const [greeted, long] = ChatSessionListSchema.parse(response.json());
    expect(greeted!.title).toBe('What is a norm?');
    expect(long!.title).toMatch(/^How do I solve a tridiagonal system efficiently\? Details\..*…$/);
    expect(long!.title!.length).toBeLessThanOrEqual(80);

    // Only greetings so far: no name yet; the first question names it, a later one does not rename it.
    const newcomer = await buildUser(app);
    const socket = await connect(app, `/ws/chat?token=${newcomer.accessToken}`);
    const first = await socket.turn({ content: 'hi!' });
    const sessionId = (first[0] as { session_id: string }).session_id;
    const titleOf = async () => {
      const list = await app.inject({
        method: 'GET',
        url: '/api/chat/sessions',
        headers: newcomer.headers,
      });
      return ChatSessionListSchema.parse(list.json()).find((s) => s.id === sessionId)!.title;
    };
    expect(await titleOf()).toBeNull();
    await socket.turn({ content: 'What does LU decomposition do?', session_id: sessionId });
    expect(await titleOf()).toBe('What does LU decomposition do?');
    await socket.turn({ content: 'And what is a Cholesky factor?', session_id: sessionId });
    expect(await titleOf()).toBe('What does LU decomposition do?');
    await socket.close();
  });

  it('filters by type', async () => {
    const tutor = await app.inject({
      method: 'GET',
      url: '/api/chat/sessions?type=tutor',
      headers: student.headers,
    });
    expect(tutor.json()).toEqual([]);
    const general = await app.inject({
      method: 'GET',
      url: '/api/chat/sessions?type=general',
      headers: student.headers,
    });
    expect(general.json()).toHaveLength(2);
    const bad = await app.inject({
      method: 'GET',
      url: '/api/chat/sessions?type=secret',
      headers: student.headers,
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.message).toMatch(/^type:/);
  });

  it('reads a session’s messages in order', async () => {
    const response = await app.inject({
      method: 'GET',
      url: `/api/chat/sessions/${sessionIds[0]}/messages`,
      headers: student.headers,
    });
    expect(response.statusCode).toBe(200);
    const messages = ChatMessageListSchema.parse(response.json());
    expect(messages.map((m) => [m.role, m.hint_level_used, m.status, m.tutor_label])).toEqual([
      ['user', null, 'complete', null],
      ['assistant', 1, 'complete', 'Fake tutor'],
      ['user', null, 'complete', null],
      ['assistant', 2, 'complete', 'Fake tutor'],
    ]);
  });

  it.each([
    ['GET', (id: string) => `/api/chat/sessions/${id}/messages`],
    ['DELETE', (id: string) => `/api/chat/sessions/${id}`],
  ] as const)(
    "%s on another user's session or an unknown one is 404, a non-UUID is 422",
    async (method, url) => {
      const theirs = await app.inject({
        method,
        url: url(sessionIds[0]!),
        headers: stranger.headers,
      });
      expect(theirs.statusCode).toBe(404);
      expect(theirs.json()).toEqual({
        error: { code: 'not_found', message: 'Chat session not found' },
      });
      const unknown = await app.inject({
        method,
        url: url('7a1d3f2e-1111-4222-8333-944445555666'),
        headers: student.headers,
      });
      expect(unknown.statusCode).toBe(404);
      const malformed = await app.inject({
        method,
        url: url('not-a-uuid'),
        headers: student.headers,
      });
      expect(malformed.statusCode).toBe(422);
      expect(malformed.json().error.message).toBe('id must be a UUID');
      expect((await storedChat(app, student.user.id)).sessions).toHaveLength(2);
    },
  );

  it('requires authentication', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/chat/sessions' });
    expect(response.statusCode).toBe(401);
  });

  it('deletes a session with its messages', async () => {
    const id = await converse(student, ['What is a condition number?']);
    const response = await app.inject({
      method: 'DELETE',
      url: `/api/chat/sessions/${id}`,
      headers: student.headers,
    });
    expect(response.statusCode).toBe(204);
    const { sessions, messages } = await storedChat(app, student.user.id);
    expect(sessions.map((s) => s.id)).not.toContain(id);
    expect(messages.filter((m) => m.sessionId === id)).toEqual([]);
    const again = await app.inject({
      method: 'DELETE',
      url: `/api/chat/sessions/${id}`,
      headers: student.headers,
    });
    expect(again.statusCode).toBe(404);
  });
});
