import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { chatSessions } from '../../src/conversation/schema';
import { buildUser } from '../helpers/factories';
import { createTestApp } from '../helpers/test-app';
import { type FakeAi, useFakeAi } from './fake-ai';
import { connect } from './socket-client';

let app: FastifyInstance;
beforeAll(async () => {
  app = await createTestApp({ env: { CHAT_HISTORY_BUDGET_CHARS: '1000' } });
  await app.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(() => app.close());

const QUESTION = `I don't understand ${'why '.repeat(50)}`; // ~220 characters

async function storedSummary(sessionId: string) {
  const [row] = await app.database.db
    .select({ summary: chatSessions.historySummary, until: chatSessions.historySummaryUntil })
    .from(chatSessions)
    .where(eq(chatSessions.id, sessionId));
  return row!;
}

/** Runs `turns` turns of ~520 characters each; returns the session id. */
async function converse(
  ai: FakeAi,
  turns: number,
  afterEach?: (turn: number, sessionId: string) => Promise<void>,
) {
  ai.router.script({ kind: 'answer', pieces: ['A'.repeat(300)] });
  const student = await buildUser(app);
  const socket = await connect(app, `/ws/chat?token=${student.accessToken}`);
  let sessionId: string | undefined;
  for (let turn = 0; turn < turns; turn += 1) {
    const events = await socket.turn({ content: QUESTION, session_id: sessionId });
    sessionId = (events[0] as { session_id: string }).session_id;
    await afterEach?.(turn, sessionId);
  }
  await socket.close();
  return sessionId!;
}

const waitFor = async (condition: () => Promise<boolean>) => {
  for (let i = 0; i < 200 && !(await condition()); i += 1)
    await new Promise((r) => setTimeout(r, 10));
};

it('replaces old turns with a summary written after the answer, never before the first token', async () => {
  const ai = useFakeAi(app);
  ai.router.summary = 'SUMMARY ONE';
  const sessionId = await converse(ai, 5, async (turn, id) => {
    // Turn 3 is the first past the budget: it drops old turns, then summarises them afterwards.
    if (turn >= 2) await waitFor(async () => (await storedSummary(id)).summary !== null);
  });
  const requests = ai.router.requests;
  expect(requests[0]!.messages).toHaveLength(1);
  expect(requests[1]!.messages).toHaveLength(3);
  expect(requests[2]!.system).not.toContain('Earlier in this conversation');
  expect(requests[2]!.messages.length).toBeLessThan(5);
  expect(ai.router.completeCalls[0]!.prompt).toMatch(/^Student: I don't understand/);
  expect(requests[3]!.system).toContain('## Earlier in this conversation (summary)\nSUMMARY ONE');
  expect(requests[3]!.messages.length).toBeLessThan(7);
  // Later summaries extend the previous one with the turns it does not cover yet.
  expect(ai.router.completeCalls.at(-1)!.prompt).toMatch(
    /^Summary so far:\nSUMMARY ONE\n\nLater turns:\nStudent: /,
  );
  const stored = await storedSummary(sessionId);
  expect(stored.until).toBeInstanceOf(Date);
});

it('drops old turns when summarising fails', async () => {
  const ai = useFakeAi(app);
  ai.router.summary = null;
  const sessionId = await converse(ai, 4);
  const last = ai.router.requests.at(-1)!;
  expect(ai.router.completeCalls.length).toBeGreaterThan(0);
  expect(last.system).not.toContain('Earlier in this conversation');
  expect(last.messages.length).toBeLessThan(7);
  expect((await storedSummary(sessionId)).summary).toBeNull();
});
