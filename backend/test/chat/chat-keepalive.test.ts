import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import WebSocket from 'ws';
import { buildUser } from '../helpers/factories';
import { createTestApp } from '../helpers/test-app';
import { useFakeAi } from './fake-ai';
import { connect, socketUrl } from './socket-client';

let app: FastifyInstance;
beforeAll(async () => {
  app = await createTestApp({ env: { CHAT_SOCKET_PING_MS: '100' } });
  await app.listen({ port: 0, host: '127.0.0.1' });
  useFakeAi(app);
});
afterAll(() => app.close());

it('keeps a client that answers pings, drops one that does not', async () => {
  const student = await buildUser(app);
  const healthy = await connect(app, `/ws/chat?token=${student.accessToken}`);
  const silent = new WebSocket(socketUrl(app, `/ws/chat?token=${student.accessToken}`), {
    autoPong: false,
  });
  const dropped = new Promise<number>((resolve) => silent.once('close', (code) => resolve(code)));
  expect(await dropped).toBe(1006);
  await new Promise((resolve) => setTimeout(resolve, 300));
  expect(healthy.ws.readyState).toBe(WebSocket.OPEN);
  expect((await healthy.turn({ content: 'What is a matrix?' })).at(-1)).toMatchObject({
    type: 'done',
  });
  await healthy.close();
});
