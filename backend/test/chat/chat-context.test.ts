import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildUser } from '../helpers/factories';
import { createTestApp } from '../helpers/test-app';
import { useFakeAi } from './fake-ai';
import { connect } from './socket-client';

let app: FastifyInstance;
beforeAll(async () => {
  app = await createTestApp({ env: { CHAT_HISTORY_BUDGET_CHARS: '1000' } });
  await app.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(() => app.close());

async function longConversation(summary: string | null) {
  const ai = useFakeAi(app);
  ai.router.summary = summary;
  ai.router.script({ kind: 'answer', pieces: ['A'.repeat(300)] });
  const student = await buildUser(app);
  const socket = await connect(app, `/ws/chat?token=${student.accessToken}`);
  let sessionId: string | undefined;
  for (let turn = 0; turn < 4; turn += 1) {
    const events = await socket.turn({
      content: `${"I don't understand "}${'why '.repeat(50)}`,
      session_id: sessionId,
    });
    sessionId = (events[0] as { session_id: string }).session_id;
  }
  await socket.close();
  return ai;
}

it('summarises older turns near the budget and keeps recent ones', async () => {
  const ai = await longConversation('SUMMARY OF EARLIER TURNS');
  const last = ai.router.requests.at(-1)!;
  expect(ai.router.completeCalls.length).toBeGreaterThan(0);
  expect(ai.router.completeCalls.at(-1)!.prompt).toContain('Student: I don');
  expect(last.system).toContain(
    '## Earlier in this conversation (summary)\nSUMMARY OF EARLIER TURNS',
  );
  // 6 stored messages before the 4th question; only the recent ones are sent in full.
  expect(last.messages.length).toBeLessThan(7);
  expect(last.messages.at(-1)!.role).toBe('user');
});

it('drops older turns when summarising fails', async () => {
  const ai = await longConversation(null);
  const last = ai.router.requests.at(-1)!;
  expect(ai.router.completeCalls.length).toBeGreaterThan(0);
  expect(last.system).not.toContain('Earlier in this conversation');
  expect(last.messages.length).toBeLessThan(7);
});
