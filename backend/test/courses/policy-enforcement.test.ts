// The class policy enforced in the turn pipeline over the real sockets: with the offline tutor
// (no vendor configured) and with the LLM stand-in as the vendor.
import type { FastifyInstance } from 'fastify';
import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chatMessages, chatSessions } from '../../src/conversation/schema';
import type { LearningModule } from '../../src/learning-modules/schema';
import { listModules } from '../../src/learning-modules/service';
import { connect, type TestSocket } from '../chat/socket-client';
import { buildUser, type TestUser } from '../helpers/factories';
import { type LlmStandIn, standInVendorsEnv, startLlmStandIn } from '../helpers/llm-stand-in';
import { createTestApp } from '../helpers/test-app';
import { buildInstructor, createClass, join, setPolicy } from './helpers';

const QUESTIONS = [
  'How do I compute the mean of each column of a NumPy array?',
  'I still do not understand, can you explain more?',
  'Still stuck, please give me more detail.',
  'Can you show me more? I am still lost.',
  'More please, I still cannot do it.',
  'Even more help please, I still do not get it.',
];

async function storedSessions(app: FastifyInstance, userId: string) {
  const [row] = await app.database.db
    .select({ sessions: count() })
    .from(chatSessions)
    .where(eq(chatSessions.userId, userId));
  return Number(row!.sessions);
}

async function storedMessages(app: FastifyInstance, userId: string) {
  const [row] = await app.database.db
    .select({ messages: count() })
    .from(chatMessages)
    .innerJoin(chatSessions, eq(chatSessions.id, chatMessages.sessionId))
    .where(and(eq(chatSessions.userId, userId)));
  return Number(row!.messages);
}

for (const tutor of ['offline tutor', 'LLM stand-in'] as const) {
  describe(`class policy in the turn pipeline (${tutor})`, () => {
    let app: FastifyInstance;
    let standIn: LlmStandIn | undefined;
    let numpy: LearningModule;
    let other: LearningModule;
    let instructor: TestUser;

    beforeAll(async () => {
      if (tutor === 'LLM stand-in') standIn = await startLlmStandIn();
      app = await createTestApp(
        standIn ? { env: standInVendorsEnv(standIn, { maxRetries: 0 }) } : {},
      );
      await app.listen({ port: 0, host: '127.0.0.1' });
      const modules = await listModules(app.database.db);
      numpy = modules.find((m) => m.notebookFilename === 'module_01_intro_to_numpy.ipynb')!;
      other = modules.find((m) => m.id !== numpy.id)!;
      instructor = await buildInstructor(app);
    });
    afterAll(async () => {
      await app.close();
      await standIn?.close();
    });

    const studentIn = async (...policies: Record<string, unknown>[]) => {
      const student = await buildUser(app);
      for (const policy of policies) {
        const created = await createClass(app, instructor, {
          name: 'Numerics',
          module_ids: [numpy.id, other.id],
          chat_enabled: policy.chat_enabled ?? true,
        });
        const { chat_enabled: _chat, ...modulePolicy } = policy;
        if (Object.keys(modulePolicy).length)
          await setPolicy(app, instructor, created.id, numpy.id, modulePolicy);
        await join(app, student, created.join_code);
      }
      return student;
    };
    const tutorSocket = (student: TestUser, moduleId = numpy.id) =>
      connect(app, `/ws/tutor?token=${student.accessToken}&module_id=${moduleId}`);
    const levels = async (socket: TestSocket) => {
      const seen: number[] = [];
      for (const content of QUESTIONS) {
        const end = (await socket.turn({ content })).at(-1) as {
          type: string;
          hint_level?: number;
        };
        expect(end.type).toBe('done');
        seen.push(end.hint_level!);
      }
      return seen;
    };

    it('caps the hint level: with the cap at 4 no answer is level 5; without a class it reaches 5', async () => {
      const free = await tutorSocket(await buildUser(app));
      expect(Math.max(...(await levels(free)))).toBe(5);
      await free.close();

      const capped = await tutorSocket(await studentIn({ max_hint_level: 4 }));
      const seen = await levels(capped);
      expect(Math.max(...seen)).toBe(4);
      await capped.close();
    });

    it('strictest wins across two classes, only on the module the policy is on', async () => {
      const student = await studentIn({ max_hint_level: 4 }, { max_hint_level: 2 });
      const socket = await tutorSocket(student);
      expect(Math.max(...(await levels(socket)))).toBe(2);
      await socket.close();
      const policy = await app.inject({
        method: 'GET',
        url: `/api/modules/${numpy.id}/policy`,
        headers: student.headers,
      });
      expect(policy.json()).toMatchObject({
        max_hint_level: 2,
        tutor_enabled: true,
        notice: 'Your class allows hints up to level 2.',
      });
      expect(policy.json().classes).toHaveLength(2);
      const otherPolicy = await app.inject({
        method: 'GET',
        url: `/api/modules/${other.id}/policy`,
        headers: student.headers,
      });
      expect(otherPolicy.json()).toMatchObject({ max_hint_level: 5, notice: null });
    });

    it('tutor off: an error event, nothing generated or stored; other modules still answer', async () => {
      const student = await studentIn({ tutor_enabled: false });
      const requestsBefore = standIn?.requests.length ?? 0;
      const socket = await tutorSocket(student);
      const events = await socket.turn({ content: QUESTIONS[0] });
      expect(events).toEqual([
        { type: 'error', message: 'Your class has turned the tutor off for this module.' },
      ]);
      expect(await storedMessages(app, student.user.id)).toBe(0);
      expect(await storedSessions(app, student.user.id)).toBe(0);
      expect(standIn?.requests.length ?? 0).toBe(requestsBefore);
      await socket.close();
      const elsewhere = await tutorSocket(student, other.id);
      expect((await elsewhere.turn({ content: QUESTIONS[0] })).at(-1)).toMatchObject({
        type: 'done',
      });
      await elsewhere.close();
    });

    it('a policy changed mid-session applies to the next turn of that session', async () => {
      const student = await buildUser(app);
      const created = await createClass(app, instructor, {
        name: 'Numerics',
        module_ids: [numpy.id],
        chat_enabled: true,
      });
      await join(app, student, created.join_code);
      const socket = await tutorSocket(student);
      const first = await socket.turn({ content: QUESTIONS[0] });
      const sessionId = (first[0] as { session_id: string }).session_id;
      expect(first.at(-1)).toMatchObject({ type: 'done' });

      await setPolicy(app, instructor, created.id, numpy.id, { tutor_enabled: false });
      expect(await socket.turn({ content: QUESTIONS[1], session_id: sessionId })).toEqual([
        { type: 'error', message: 'Your class has turned the tutor off for this module.' },
      ]);
      expect(await storedMessages(app, student.user.id)).toBe(2);

      await setPolicy(app, instructor, created.id, numpy.id, {
        tutor_enabled: true,
        max_hint_level: 1,
      });
      const third = await socket.turn({ content: QUESTIONS[1], session_id: sessionId });
      expect(third[0]).toMatchObject({ type: 'session', session_id: sessionId, continued: true });
      expect(third.at(-1)).toMatchObject({ type: 'done', hint_level: 1 });
      expect(await storedSessions(app, student.user.id)).toBe(1);
      await socket.close();
    });

    it('an exam window: off inside it, on before it', async () => {
      const hour = 60 * 60 * 1000;
      const inside = await studentIn({
        tutor_enabled: true,
        tutor_off_from: new Date(Date.now() - hour).toISOString(),
        tutor_off_until: new Date(Date.now() + hour).toISOString(),
      });
      const socket = await tutorSocket(inside);
      const [event] = await socket.turn({ content: QUESTIONS[0] });
      expect(event).toMatchObject({ type: 'error' });
      expect((event as { message: string }).message).toMatch(
        /^Your class has turned the tutor off until \d\d:\d\d UTC \(exam\)\.$/,
      );
      expect(await storedMessages(app, inside.user.id)).toBe(0);
      await socket.close();

      const later = await studentIn({
        tutor_enabled: false,
        tutor_off_from: new Date(Date.now() + hour).toISOString(),
        tutor_off_until: new Date(Date.now() + 2 * hour).toISOString(),
      });
      const before = await tutorSocket(later);
      expect((await before.turn({ content: QUESTIONS[0] })).at(-1)).toMatchObject({ type: 'done' });
      await before.close();
    });

    it('general chat off on /ws/chat: an error event and nothing stored', async () => {
      const student = await studentIn({ chat_enabled: false });
      const chat = await connect(app, `/ws/chat?token=${student.accessToken}`);
      expect(await chat.turn({ content: QUESTIONS[0] })).toEqual([
        { type: 'error', message: 'Your class has turned general chat off.' },
      ]);
      expect(await storedMessages(app, student.user.id)).toBe(0);
      expect(await storedSessions(app, student.user.id)).toBe(0);
      await chat.close();
      const policy = await app.inject({
        method: 'GET',
        url: '/api/policy',
        headers: student.headers,
      });
      expect(policy.json()).toEqual({
        chat_enabled: false,
        notice: 'Your class has turned general chat off.',
      });
    });
  });
}
