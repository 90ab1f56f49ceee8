import { and, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { LearningModule } from '../../src/learning-modules/schema';
import { listModules } from '../../src/learning-modules/service';
import { userModuleProgress } from '../../src/progress/schema';
import { storedChat } from '../chat/db';
import { connect, tokens } from '../chat/socket-client';
import { buildUser } from '../helpers/factories';
import {
  guardOutboundFetch,
  type LlmStandIn,
  standInVendorsEnv,
  startLlmStandIn,
  tokensOf,
} from '../helpers/llm-stand-in';
import { createTestApp } from '../helpers/test-app';

// /ws/tutor with the real AI layer, vendors played by the local stand-in (no other outbound request).

let guard: ReturnType<typeof guardOutboundFetch>;
let app: FastifyInstance;
let standIn: LlmStandIn;
let module: LearningModule;

beforeAll(async () => {
  (globalThis as { AI_SDK_LOG_WARNINGS?: boolean }).AI_SDK_LOG_WARNINGS = false;
  guard = guardOutboundFetch();
  standIn = await startLlmStandIn();
  app = await createTestApp({ env: standInVendorsEnv(standIn, { maxRetries: 0 }) });
  await app.listen({ port: 0, host: '127.0.0.1' });
  module = (await listModules(app.database.db))[0]!;
});
afterAll(async () => {
  await app.close();
  await standIn.close();
  guard.restore();
  expect(guard.blocked).toEqual([]);
});

async function attempts(userId: string): Promise<number> {
  const [row] = await app.database.db
    .select({ count: userModuleProgress.attemptCount })
    .from(userModuleProgress)
    .where(and(eq(userModuleProgress.userId, userId), eq(userModuleProgress.moduleId, module.id)));
  return row?.count ?? 0;
}

it('fails over from a hanging vendor before the first token, names who answered, counts one attempt', async () => {
  standIn.reset();
  const reply = 'Check which names your cell defines before it uses them.';
  standIn.script('anthropic', { hang: true });
  standIn.script('openai', { reply });
  const student = await buildUser(app);
  const socket = await connect(
    app,
    `/ws/tutor?token=${student.accessToken}&module_id=${module.id}`,
  );
  try {
    const events = await socket.turn({
      content: 'Why does my cell fail?',
      cell_code: 'print(A @ B)',
      error_output: "NameError: name 'B' is not defined",
    });
    expect(events[0]).toMatchObject({ type: 'session', tutor_label: 'Claude' });
    expect(tokens(events)).toBe(reply);
    const done = events.at(-1) as { type: string; tutor_label?: string };
    expect(done.type).toBe('done');
    expect(done.tutor_label).not.toBe('Claude');
    expect(await attempts(student.user.id)).toBe(1);
    // The vendor received the cell as delimited data in the system prompt, not as a message.
    const body = standIn.requestsTo('openai')[0]!.body as {
      messages: { role: string; content: string }[];
    };
    expect(body.messages.find((m) => m.role === 'system')?.content).toContain(
      "NameError: name 'B' is not defined",
    );
    expect(body.messages.filter((m) => m.role === 'user')).toEqual([
      { role: 'user', content: 'Why does my cell fail?' },
    ]);
  } finally {
    await socket.close();
  }
});

it('stops a real stream: the vendor request is cancelled, the partial answer stored as stopped, no attempt counted', async () => {
  standIn.reset();
  const reply = Array.from({ length: 60 }, (_, i) => `word${i} `).join('');
  standIn.script('anthropic', { reply, tokenDelayMs: 30 });
  const student = await buildUser(app);
  const socket = await connect(
    app,
    `/ws/tutor?token=${student.accessToken}&module_id=${module.id}`,
  );
  try {
    const ended = socket.untilEnd();
    socket.send({ content: 'Explain broadcasting step by step' });
    while (socket.events.filter((e) => e.type === 'token').length < 3)
      await new Promise((r) => setTimeout(r, 5));
    socket.send({ type: 'stop' });
    const events = await ended;
    expect(events.at(-1)).toMatchObject({ type: 'done', status: 'stopped' });
    const partial = tokens(events);
    expect(tokensOf(reply).join('').startsWith(partial)).toBe(true);
    expect(partial.length).toBeLessThan(reply.length);
    const { messages } = await storedChat(app, student.user.id);
    expect(messages.at(-1)).toMatchObject({
      role: 'assistant',
      content: partial,
      status: 'stopped',
    });
    expect(await attempts(student.user.id)).toBe(0);
    await new Promise((r) => setTimeout(r, 100));
    expect(standIn.requestsTo('anthropic')[0]!.closedEarly).toBe(true);
  } finally {
    await socket.close();
  }
});

it('with no configuration the offline tutor answers from the cell, the error and the exercise', async () => {
  const offline = await createTestApp();
  await offline.listen({ port: 0, host: '127.0.0.1' });
  try {
    const numpy = (await listModules(offline.database.db)).find(
      (m) => m.notebookFilename === 'module_01_intro_to_numpy.ipynb',
    )!;
    const student = await buildUser(offline);
    const socket = await connect(
      offline,
      `/ws/tutor?token=${student.accessToken}&module_id=${numpy.id}`,
    );
    try {
      const events = await socket.turn({
        content: 'Why does my cell fail?',
        cell_code: 'zeros_3x4 = np.zeros((3, 4))\nprint(totl)',
        error_output: "NameError: name 'totl' is not defined",
        exercise_id: 'm1-ex1-create-arrays',
      });
      expect(events[0]).toMatchObject({
        type: 'session',
        tutor_label: 'Offline tutor',
        offline: true,
      });
      expect(events.at(-1)).toMatchObject({ type: 'done', status: 'complete' });
      expect(tokens(events)).toMatch(/totl|NameError|defined/);
      const [row] = await offline.database.db
        .select({ count: userModuleProgress.attemptCount })
        .from(userModuleProgress)
        .where(
          and(
            eq(userModuleProgress.userId, student.user.id),
            eq(userModuleProgress.moduleId, numpy.id),
          ),
        );
      expect(row?.count).toBe(1);
    } finally {
      await socket.close();
    }
  } finally {
    await offline.close();
  }
});
