// CHAT_MESSAGES_PER_MINUTE: one budget per user over all their chat and tutor sockets.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildUser } from '../helpers/factories';
import { createTestApp } from '../helpers/test-app';
import { seededModuleId } from '../progress/helpers';
import { storedChat } from './db';
import { useFakeAi } from './fake-ai';
import { connect } from './socket-client';

let app: FastifyInstance;
beforeAll(async () => {
  app = await createTestApp({ env: { CHAT_MESSAGES_PER_MINUTE: '2' } });
  await app.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(() => app.close());

it('refuses a message over the budget, on any of the user’s sockets, storing nothing', async () => {
  useFakeAi(app);
  const student = await buildUser(app);
  const moduleId = await seededModuleId(app, 1);
  const chat = await connect(app, `/ws/chat?token=${student.accessToken}`);
  const tutor = await connect(app, `/ws/tutor?token=${student.accessToken}&module_id=${moduleId}`);
  const second = await connect(app, `/ws/chat?token=${student.accessToken}`);
  try {
    expect((await chat.turn({ content: 'What is a determinant?' })).at(-1)).toMatchObject({
      type: 'done',
    });
    expect((await tutor.turn({ content: 'Why is my array empty?' })).at(-1)).toMatchObject({
      type: 'done',
    });
    const before = await storedChat(app, student.user.id);

    for (const socket of [second, chat, tutor]) {
      const events = await socket.turn({ content: 'And what about eigenvalues?' });
      expect(events).toEqual([
        {
          type: 'error',
          message: expect.stringMatching(
            /^You have sent 2 messages in the last minute\. Wait \d+ s, then send it again\.$/,
          ),
        },
      ]);
    }
    expect(await storedChat(app, student.user.id)).toEqual(before);

    // Invalid frames are refused for what they are, not counted against the budget.
    expect(await second.turn({ content: '' })).toEqual([
      { type: 'error', message: 'content must not be empty' },
    ]);

    // Another student has a budget of their own.
    const other = await buildUser(app);
    const theirs = await connect(app, `/ws/chat?token=${other.accessToken}`);
    expect((await theirs.turn({ content: 'What is a matrix?' })).at(-1)).toMatchObject({
      type: 'done',
    });
    await theirs.close();
  } finally {
    await Promise.all([chat.close(), tutor.close(), second.close()]);
  }
});
