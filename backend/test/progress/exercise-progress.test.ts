import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CHECK_RESULTS_PER_SECOND,
  ModuleExercisesOutSchema,
} from '@tutor/shared/exercise-progress';
import { ModuleListSchema } from '@tutor/shared/learning-modules';
import { exerciseProgress } from '../../src/progress/exercises/schema';
import { buildUser, type TestUser } from '../helpers/factories';
import { createTestApp } from '../helpers/test-app';
import { seededModuleId, storedProgress, UNKNOWN_MODULE_ID } from './helpers';

const EX1 = 'm1-ex1-create-arrays';
const EX6 = 'm1-ex6-broadcasting-distances';

describe('per-exercise progress: /api/progress/{id}/exercises and /check-results', () => {
  let app: FastifyInstance;
  let moduleId: string;
  let otherModuleId: string;
  beforeAll(async () => {
    app = await createTestApp();
    moduleId = await seededModuleId(app, 1);
    otherModuleId = await seededModuleId(app, 2);
  });
  afterAll(() => app.close());

  const post = (user: TestUser, body: unknown, id = moduleId) =>
    app.inject({
      method: 'POST',
      url: `/api/progress/${id}/check-results`,
      headers: user.headers,
      payload: body as object,
    });
  const exercises = async (user: TestUser, id = moduleId) => {
    const response = await app.inject({
      method: 'GET',
      url: `/api/progress/${id}/exercises`,
      headers: user.headers,
    });
    expect(response.statusCode).toBe(200);
    return ModuleExercisesOutSchema.parse(response.json());
  };
  const rowsOf = (user: TestUser) =>
    app.database.db
      .select()
      .from(exerciseProgress)
      .where(eq(exerciseProgress.userId, user.user.id));
  const moduleCard = async (user: TestUser) => {
    const response = await app.inject({
      method: 'GET',
      url: '/api/modules',
      headers: user.headers,
    });
    return ModuleListSchema.parse(response.json()).find((m) => m.id === moduleId)!;
  };

  it('requires authentication', async () => {
    for (const [method, url] of [
      ['GET', `/api/progress/${moduleId}/exercises`],
      ['POST', `/api/progress/${moduleId}/check-results`],
      ['POST', `/api/progress/${moduleId}/reopen`],
    ] as const) {
      expect((await app.inject({ method, url, payload: {} })).statusCode, url).toBe(401);
    }
  });

  it("lists the module's exercises in notebook order, all not tried for a new student", async () => {
    const user = await buildUser(app);
    const out = await exercises(user);
    expect(out).toMatchObject({ module_id: moduleId, passed: 0, total: 9, self_reported: true });
    expect(out.exercises[0]).toEqual({
      exercise_id: EX1,
      title: expect.any(String),
      state: 'not_tried',
      last_passed: null,
      last_message: null,
      runs: 0,
      first_run_at: null,
      last_run_at: null,
      passed_at: null,
      highest_hint_level: 0,
      tutor_answers: 0,
    });
    expect(out.exercises.map((e) => e.exercise_id)).toContain(EX6);
    expect((await moduleCard(user)).exercises_passed).toBe(0);
    expect((await moduleCard(user)).exercises_total).toBe(9);
  });

  it('records a failing then a passing run; a passed exercise stays passed', async () => {
    const user = await buildUser(app);
    const failed = await post(user, {
      exercise_id: EX6,
      passed: false,
      message: '❌ Not yet: `D` has negative entries',
    });
    expect(failed.statusCode).toBe(200);
    expect(failed.json()).toMatchObject({
      exercise_id: EX6,
      state: 'not_yet',
      runs: 1,
      last_passed: false,
      last_message: '❌ Not yet: `D` has negative entries',
      passed_at: null,
    });
    expect((await moduleCard(user)).exercises_passed).toBe(0);

    const passed = (
      await post(user, { exercise_id: EX6, passed: true, message: '✅ Passed: D' })
    ).json();
    expect(passed).toMatchObject({ state: 'passed', runs: 2, last_passed: true });
    expect(Date.parse(passed.passed_at)).toBeGreaterThanOrEqual(Date.parse(passed.first_run_at));
    expect((await moduleCard(user)).exercises_passed).toBe(1);

    const again = (
      await post(user, { exercise_id: EX6, passed: false, message: '❌ Not yet: x' })
    ).json();
    expect(again).toMatchObject({ state: 'passed', runs: 3, last_passed: false });
    expect(again.passed_at).toBe(passed.passed_at);
    const listed = await exercises(user);
    expect(listed.passed).toBe(1);
    expect(listed.exercises.find((e) => e.exercise_id === EX6)).toEqual(again);
  });

  it.each([
    [
      'an unknown exercise',
      { exercise_id: 'm1-ex99-nothing', passed: true, message: '✅' },
      'exercise_id',
    ],
    [
      "another module's exercise",
      { exercise_id: 'm2-ex1-dot-norm-angle', passed: true, message: '✅' },
      'exercise_id',
    ],
    ['a missing field', { exercise_id: EX1, message: '✅' }, 'passed'],
    ['an unknown key', { exercise_id: EX1, passed: true, message: '✅', user_id: 'x' }, 'user_id'],
    ['a wrong type', { exercise_id: EX1, passed: 'yes', message: '✅' }, 'passed'],
    ['a malformed id', { exercise_id: '../etc', passed: true, message: '✅' }, 'exercise_id'],
    [
      'an overlong message',
      { exercise_id: EX1, passed: true, message: 'x'.repeat(2001) },
      'message',
    ],
  ])('refuses %s with 422 and stores nothing', async (_name, body, field) => {
    const user = await buildUser(app);
    const response = await post(user, body);
    expect(response.statusCode).toBe(422);
    expect(response.json().error.message).toContain(field);
    expect(await rowsOf(user)).toEqual([]);
  });

  it('answers 404 for an unknown module, 422 for a malformed id or the wrong module, storing nothing', async () => {
    const user = await buildUser(app);
    const body = { exercise_id: EX1, passed: true, message: '✅ Passed' };
    expect((await post(user, body, UNKNOWN_MODULE_ID)).statusCode).toBe(404);
    expect((await post(user, body, 'not-a-uuid')).statusCode).toBe(422);
    // Module 1's exercise posted to module 2.
    expect((await post(user, body, otherModuleId)).statusCode).toBe(422);
    expect(await rowsOf(user)).toEqual([]);
  });

  it("never touches another student's rows", async () => {
    const [alice, bob] = [await buildUser(app), await buildUser(app)];
    await post(bob, { exercise_id: EX1, passed: true, message: '✅ Passed' });
    expect((await exercises(alice)).passed).toBe(0);
    expect(await rowsOf(alice)).toEqual([]);
    expect((await exercises(bob)).passed).toBe(1);
  });

  it('keeps a NUL in a message as U+FFFD', async () => {
    const user = await buildUser(app);
    const response = await post(user, {
      exercise_id: EX1,
      passed: false,
      message: '❌ Not yet: a\u0000b',
    });
    expect(response.statusCode).toBe(200);
    expect(response.json().last_message).toBe('❌ Not yet: a\uFFFDb');
  });

  it(`limits a student to ${CHECK_RESULTS_PER_SECOND} results a second (429), counting only those accepted`, async () => {
    const user = await buildUser(app);
    const body = { exercise_id: EX1, passed: false, message: '❌ Not yet' };
    // Three windows' worth at once: a fixed window can split them, never let them all through.
    const responses = await Promise.all(
      Array.from({ length: 3 * CHECK_RESULTS_PER_SECOND }, () => post(user, body)),
    );
    const ok = responses.filter((r) => r.statusCode === 200).length;
    const limited = responses.filter((r) => r.statusCode === 429);
    expect(limited.length).toBeGreaterThan(0);
    expect(Number(limited[0]!.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(ok + limited.length).toBe(responses.length);
    const [row] = await rowsOf(user);
    expect(row?.runs).toBe(ok);
  });
});

describe('POST /api/progress/{id}/reopen', () => {
  let app: FastifyInstance;
  let moduleId: string;
  beforeAll(async () => {
    app = await createTestApp();
    moduleId = await seededModuleId(app, 1);
  });
  afterAll(() => app.close());

  const reopen = (user: TestUser, id = moduleId) =>
    app.inject({ method: 'POST', url: `/api/progress/${id}/reopen`, headers: user.headers });

  it('moves a completed module back to in_progress, only on this request', async () => {
    const user = await buildUser(app);
    const completed = await app.inject({
      method: 'PUT',
      url: `/api/progress/${moduleId}`,
      headers: user.headers,
      payload: { status: 'completed' },
    });
    expect(completed.json().status).toBe('completed');
    // Status otherwise only moves forward.
    const backward = await app.inject({
      method: 'PUT',
      url: `/api/progress/${moduleId}`,
      headers: user.headers,
      payload: { status: 'in_progress' },
    });
    expect(backward.statusCode).toBe(422);

    const reopened = await reopen(user);
    expect(reopened.statusCode).toBe(200);
    expect(reopened.json()).toMatchObject({ module_id: moduleId, status: 'in_progress' });
    expect((await storedProgress(app, user.user.id, moduleId))?.status).toBe('in_progress');
    // Again: nothing to reopen, the record comes back unchanged.
    expect((await reopen(user)).json()).toMatchObject({ status: 'in_progress' });
  });

  it('leaves a module never started as it is, and answers 404 for an unknown one', async () => {
    const user = await buildUser(app);
    expect((await reopen(user)).json()).toMatchObject({ status: 'not_started', id: null });
    expect(await storedProgress(app, user.user.id, moduleId)).toBeUndefined();
    expect((await reopen(user, UNKNOWN_MODULE_ID)).statusCode).toBe(404);
  });
});
