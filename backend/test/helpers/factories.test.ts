import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildMessage, buildModule, buildProgress, buildSession, buildUser } from './factories';
import { createTestApp } from './test-app';

let app: FastifyInstance;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(() => app.close());

it('builds a user, module, progress row, chat session and message that reference each other', async () => {
  const { user } = await buildUser(app);
  const module = await buildModule(app, { order: 7 });
  const progress = await buildProgress(app, {
    userId: user.id,
    moduleId: module.id,
    status: 'in_progress',
  });
  const session = await buildSession(app, {
    userId: user.id,
    moduleId: module.id,
    sessionType: 'module',
  });
  const message = await buildMessage(app, { sessionId: session.id });
  expect(module.order).toBe(7);
  expect(progress).toMatchObject({
    userId: user.id,
    moduleId: module.id,
    status: 'in_progress',
    version: 1,
  });
  expect(session).toMatchObject({ userId: user.id, moduleId: module.id, sessionType: 'module' });
  expect(message).toMatchObject({ sessionId: session.id, role: 'user', status: 'complete' });
});

it('gives every built module its own title and notebook file name', async () => {
  const [first, second] = await Promise.all([buildModule(app), buildModule(app)]);
  expect(first!.notebookFilename).not.toBe(second!.notebookFilename);
  expect(first!.title).not.toBe(second!.title);
});
