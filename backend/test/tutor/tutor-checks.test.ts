// The tutor knows where the student stands on an exercise (its self-check), and a hint above
// level 3 needs a new run of the exercise since the previous hint.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { LearningModule } from '../../src/learning-modules/schema';
import { listModules } from '../../src/learning-modules/service';
import { PYTHON_DOWN_SECTION } from '../../src/tutor/context';
import { type FakeAi, useFakeAi } from '../chat/fake-ai';
import { connect, type TestSocket } from '../chat/socket-client';
import { buildUser, type TestUser } from '../helpers/factories';
import { createTestApp } from '../helpers/test-app';

const EXERCISE = 'm1-ex6-broadcasting-distances';
const CODE = 'D = None  # your code here\nnearest = None';

describe('/ws/tutor on an exercise with self-checks', () => {
  let app: FastifyInstance;
  let ai: FakeAi;
  let numpy: LearningModule;
  let student: TestUser;
  let socket: TestSocket;

  beforeAll(async () => {
    app = await createTestApp();
    await app.listen({ port: 0, host: '127.0.0.1' });
    const modules = await listModules(app.database.db);
    numpy = modules.find((m) => m.notebookFilename === 'module_01_intro_to_numpy.ipynb')!;
  });
  afterAll(() => app.close());

  beforeEach(async (context) => {
    ai = useFakeAi(app);
    student = await buildUser(app);
    socket = await connect(app, `/ws/tutor?token=${student.accessToken}&module_id=${numpy.id}`);
    context.onTestFinished(() => socket.close());
  });

  const ask = async (content: string) => {
    const events = await socket.turn({ content, exercise_id: EXERCISE, cell_code: CODE });
    return events.at(-1) as { type: string; hint_level: number; needs_attempt?: boolean };
  };
  const runCheck = async (passed: boolean) => {
    const response = await app.inject({
      method: 'POST',
      url: `/api/progress/${numpy.id}/check-results`,
      headers: student.headers,
      payload: {
        exercise_id: EXERCISE,
        passed,
        message: passed ? '✅ Passed: distances' : '❌ Not yet: `D` is still None',
      },
    });
    expect(response.statusCode).toBe(200);
  };
  const exercise = async () => {
    const response = await app.inject({
      method: 'GET',
      url: `/api/progress/${numpy.id}/exercises`,
      headers: student.headers,
    });
    return response
      .json()
      .exercises.find((e: { exercise_id: string }) => e.exercise_id === EXERCISE);
  };

  it('holds at level 3 until the student runs the exercise again, then climbs one level per run', async () => {
    expect(await ask('Why does my code fail?')).toMatchObject({ hint_level: 1 });
    expect(await ask('more')).toMatchObject({ hint_level: 2 });
    expect(await ask('more')).toMatchObject({ hint_level: 3 });
    const held = await ask('more');
    expect(held).toMatchObject({ type: 'done', hint_level: 3, needs_attempt: true });
    expect(ai.router.requests.at(-1)!.system).toContain('has not run the exercise again');
    expect(ai.router.requests.at(-1)!.material.needsAttempt).toBe(true);
    expect(await ask('more')).toMatchObject({ hint_level: 3, needs_attempt: true });

    await runCheck(false);
    const fourth = await ask('more');
    expect(fourth).toMatchObject({ hint_level: 4 });
    expect(fourth.needs_attempt).toBeUndefined();
    expect(await ask('more')).toMatchObject({ hint_level: 4, needs_attempt: true });
    await runCheck(false);
    expect(await ask('more')).toMatchObject({ hint_level: 5 });
    expect(await exercise()).toMatchObject({ highest_hint_level: 5, tutor_answers: 8, runs: 2 });
  });

  it('tells the model the check state and the last message', async () => {
    await ask('How do I start?');
    expect(ai.router.requests[0]!.system).toContain("has not run this exercise's check yet");
    expect(ai.router.requests[0]!.material.checks).toMatchObject({ state: 'not_tried', runs: 0 });
    await runCheck(false);
    await ask('What is wrong now?');
    expect(ai.router.requests[1]!.system).toContain('`D` is still None');
    expect(ai.router.requests[1]!.material.checks).toMatchObject({ state: 'not_yet', runs: 1 });
  });

  it('does not escalate once the check passed, and says so to the model', async () => {
    await runCheck(false);
    expect(await ask('Why does my code fail?')).toMatchObject({ hint_level: 1 });
    await runCheck(true);
    const after = await ask('more');
    expect(after).toMatchObject({ hint_level: 1 });
    expect(ai.router.requests.at(-1)!.system).toContain('self-check has passed');
    expect(ai.router.requests.at(-1)!.material.checks).toMatchObject({ state: 'passed' });
  });

  it("never sends a code block that gives the exercise's solution away below hint 5", async () => {
    const leak = '```python\nD = np.abs(x[:, None] - x[None, :])\n```\n';
    ai.router.script({
      kind: 'answer',
      pieces: ['Look at this:\n', leak.slice(0, 25), leak.slice(25)],
    });
    ai.router.summary = null; // the stricter rewrite fails: the authored hint of the level is sent
    const events = await socket.turn({
      content: 'How do I start?',
      exercise_id: EXERCISE,
      cell_code: CODE,
    });
    const sent = events
      .filter((e) => e.type === 'token')
      .map((e) => (e as { content: string }).content)
      .join('');
    expect(sent).not.toContain('x[:, None]');
    expect(sent).toContain('Look at this:');
    const hint = app.exercises.byId.get(EXERCISE)!.hints[0];
    expect(sent).toContain(hint);
    expect(events.at(-1)).toMatchObject({ type: 'done', hint_level: 1 });
  });

  it('tells the model when Python is not running in the notebook', async () => {
    await socket.turn({ content: 'How do I start?', exercise_id: EXERCISE, python_ready: false });
    await socket.turn({ content: 'And now?', exercise_id: EXERCISE, python_ready: true });
    expect(ai.router.requests[0]!.system).toContain(PYTHON_DOWN_SECTION);
    expect(ai.router.requests[0]!.material.pythonDown).toBe(true);
    expect(ai.router.requests[1]!.system).not.toContain(PYTHON_DOWN_SECTION);
  });

  it('says why the ladder starts where it does, and starts over from hint 1 on request', async () => {
    ai.classifier.difficulty = { programming: 5, maths: 3 };
    const first = (await ask('Why does my code fail?')) as {
      hint_level: number;
      start_reason?: string;
    };
    expect(first.hint_level).toBeGreaterThan(1);
    expect(first.start_reason).toMatch(
      new RegExp(
        `^Starting at hint ${first.hint_level}: this looks hard for your level in programming \\(difficulty 5 of 5`,
      ),
    );
    const next = (await ask('more')) as { start_reason?: string };
    expect(next.start_reason).toBeUndefined();
    const events = await socket.turn({
      content: 'Please start from the first hint.',
      exercise_id: EXERCISE,
      cell_code: CODE,
      from_first_hint: true,
    });
    expect(events.at(-1)).toMatchObject({
      type: 'done',
      hint_level: 1,
      start_reason: 'Starting again from hint 1, as you asked.',
    });
    expect(await ask('more')).toMatchObject({ hint_level: 2 });
  });

  it('keeps the general chat rule in /ws/chat (no checks there)', async () => {
    const chat = await connect(app, `/ws/chat?token=${student.accessToken}`);
    const levels: number[] = [];
    let sessionId: string | undefined;
    for (const content of [
      'Why does broadcasting fail here?',
      'same problem',
      'same problem',
      'same problem',
    ]) {
      const events = await chat.turn({ content, ...(sessionId && { session_id: sessionId }) });
      sessionId ??= (events.find((e) => e.type === 'session') as { session_id: string }).session_id;
      levels.push((events.at(-1) as { hint_level: number }).hint_level);
    }
    await chat.close();
    expect(levels).toEqual([1, 2, 3, 4]);
  });
});
