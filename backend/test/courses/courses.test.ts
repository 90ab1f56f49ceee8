// Classes and instructors through the real routes: roles and authorisation, joining, the roster,
// bad input (a clear 4xx, nothing stored), the dashboard, its CSV and one student's history.
import type { FastifyInstance } from 'fastify';
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClassOut } from '@tutor/shared/courses';
import { classes, classMembers, classModules } from '../../src/courses/schema';
import type { LearningModule } from '../../src/learning-modules/schema';
import { listModules } from '../../src/learning-modules/service';
import { connect } from '../chat/socket-client';
import { buildUser, type TestUser } from '../helpers/factories';
import { createTestApp } from '../helpers/test-app';
import { buildInstructor, createClass, join, setPolicy } from './helpers';

const EXERCISE = 'm1-ex6-broadcasting-distances';
const UNKNOWN_ID = '7a1d3f2e-1111-4222-8333-944445555666';

describe('classes and instructors', () => {
  let app: FastifyInstance;
  let numpy: LearningModule;
  let other: LearningModule;

  beforeAll(async () => {
    app = await createTestApp();
    await app.listen({ port: 0, host: '127.0.0.1' });
    const modules = await listModules(app.database.db);
    numpy = modules.find((m) => m.notebookFilename === 'module_01_intro_to_numpy.ipynb')!;
    other = modules.find((m) => m.id !== numpy.id)!;
  });
  afterAll(() => app.close());

  const call = (user: TestUser, method: string, url: string, payload?: unknown) =>
    app.inject({ method: method as 'GET', url, headers: user.headers, payload: payload as object });
  const classCount = async (ownerId: string) =>
    Number(
      (
        await app.database.db
          .select({ n: count() })
          .from(classes)
          .where(eq(classes.ownerId, ownerId))
      )[0]!.n,
    );

  it('roles: /me has the role; admin routes are 403 for others; admins are changed only by the CLI', async () => {
    const student = await buildUser(app);
    const admin = await buildInstructor(app, 'admin');
    expect((await call(student, 'GET', '/api/auth/me')).json().role).toBe('student');
    const refused = await call(student, 'GET', '/api/admin/users');
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.message).toBe('Only administrators can do this');
    const instructor = await buildInstructor(app);
    expect(
      (
        await call(instructor, 'PUT', `/api/admin/users/${student.user.id}/role`, {
          role: 'instructor',
        })
      ).statusCode,
    ).toBe(403);

    const found = await call(
      admin,
      'GET',
      `/api/admin/users?query=${student.user.username.toUpperCase()}&limit=5`,
    );
    expect(found.json().users).toEqual([
      expect.objectContaining({ id: student.user.id, role: 'student', email: student.user.email }),
    ]);
    const granted = await call(admin, 'PUT', `/api/admin/users/${student.user.id}/role`, {
      role: 'instructor',
    });
    expect(granted.json()).toMatchObject({ id: student.user.id, role: 'instructor' });
    expect((await call(student, 'GET', '/api/auth/me')).json().role).toBe('instructor');

    const adminChange = await call(admin, 'PUT', `/api/admin/users/${admin.user.id}/role`, {
      role: 'student',
    });
    expect(adminChange.statusCode).toBe(409);
    expect(adminChange.json().error.message).toBe(
      'Administrators are managed from the command line',
    );
    expect(
      (await call(admin, 'PUT', `/api/admin/users/${UNKNOWN_ID}/role`, { role: 'student' }))
        .statusCode,
    ).toBe(404);
    for (const [url, body] of [
      [`/api/admin/users/${student.user.id}/role`, { role: 'admin' }],
      ['/api/admin/users/not-a-uuid/role', { role: 'student' }],
    ] as const) {
      expect((await call(admin, 'PUT', url, body)).statusCode).toBe(422);
    }
    expect((await call(admin, 'GET', '/api/admin/users?limit=0')).statusCode).toBe(422);
    expect((await call(student, 'GET', '/api/auth/me')).json().role).toBe('instructor');
  });

  it('authorisation: only the owner (or an admin) sees a class; others get 404, students 403 on create', async () => {
    const owner = await buildInstructor(app);
    const rival = await buildInstructor(app);
    const admin = await buildInstructor(app, 'admin');
    const student = await buildUser(app);
    const created = await createClass(app, owner, { name: 'Numerics A', module_ids: [numpy.id] });
    expect(created).toMatchObject({
      name: 'Numerics A',
      joining_open: true,
      conversations_visible: false,
      chat_enabled: true,
      student_count: 0,
      modules: [
        { module_id: numpy.id, max_hint_level: 5, tutor_enabled: true, tutor_off_from: null },
      ],
    });
    expect(created.join_code).toMatch(/^[A-Za-z0-9_-]{22,}$/);
    expect(created.join_url).toBe(`/join/${created.join_code}`);

    const studentCreate = await call(student, 'POST', '/api/classes', {
      name: 'Mine',
      module_ids: [numpy.id],
    });
    expect(studentCreate.statusCode).toBe(403);
    expect(await classCount(student.user.id)).toBe(0);

    const id = created.id;
    const routes: [string, string, unknown?][] = [
      ['GET', `/api/classes/${id}`],
      ['PATCH', `/api/classes/${id}`, { name: 'Taken over' }],
      ['POST', `/api/classes/${id}/join-code`],
      [
        'PUT',
        `/api/classes/${id}/modules/${numpy.id}/policy`,
        { max_hint_level: 1, tutor_enabled: false, tutor_off_from: null, tutor_off_until: null },
      ],
      ['GET', `/api/classes/${id}/students`],
      ['DELETE', `/api/classes/${id}/students/${student.user.id}`],
      ['GET', `/api/classes/${id}/dashboard`],
      ['GET', `/api/classes/${id}/dashboard.csv`],
      ['GET', `/api/classes/${id}/students/${student.user.id}`],
    ];
    for (const user of [rival, student]) {
      for (const [method, url, body] of routes) {
        const response = await call(user, method, url, body);
        expect(response.statusCode, `${method} ${url}`).toBe(404);
      }
    }
    const unchanged = (await call(owner, 'GET', `/api/classes/${id}`)).json() as ClassOut;
    expect(unchanged).toEqual(created);
    expect((await call(rival, 'GET', '/api/classes')).json().teaching).toEqual([]);
    expect(
      (await call(owner, 'GET', '/api/classes')).json().teaching.map((c: ClassOut) => c.id),
    ).toEqual([id]);
    expect((await call(admin, 'GET', `/api/classes/${id}`)).statusCode).toBe(200);
    expect((await call(admin, 'GET', `/api/classes/${id}/dashboard`)).statusCode).toBe(200);
  });

  it('bad input: a clear 4xx and nothing stored', async () => {
    const owner = await buildInstructor(app);
    const bodies: [unknown, string][] = [
      [{ name: 'x'.repeat(101), module_ids: [numpy.id] }, 'name'],
      [{ name: '   ', module_ids: [numpy.id] }, 'name'],
      [{ name: 'Empty', module_ids: [] }, 'module_ids'],
      [{ name: 'Bad id', module_ids: ['not-a-uuid'] }, 'module_ids'],
      [{ name: 'Unknown', module_ids: [UNKNOWN_ID] }, 'Unknown module'],
      [{ name: 'Extra', module_ids: [numpy.id], colour: 'red' }, ''],
    ];
    for (const [body, field] of bodies) {
      const response = await call(owner, 'POST', '/api/classes', body);
      expect(response.statusCode, JSON.stringify(body)).toBe(422);
      expect(response.json().error.message).toContain(field);
    }
    expect(await classCount(owner.user.id)).toBe(0);

    const created = await createClass(app, owner, { name: 'Policies', module_ids: [numpy.id] });
    const policyUrl = `/api/classes/${created.id}/modules/${numpy.id}/policy`;
    const base = {
      max_hint_level: 4,
      tutor_enabled: true,
      tutor_off_from: null,
      tutor_off_until: null,
    };
    const now = Date.now();
    for (const body of [
      { ...base, max_hint_level: 6 },
      { ...base, max_hint_level: 0 },
      { ...base, max_hint_level: 2.5 },
      { ...base, tutor_off_from: new Date(now).toISOString() },
      {
        ...base,
        tutor_off_from: new Date(now).toISOString(),
        tutor_off_until: new Date(now - 1000).toISOString(),
      },
      { ...base, tutor_off_from: 'tomorrow', tutor_off_until: 'later' },
    ]) {
      expect((await call(owner, 'PUT', policyUrl, body)).statusCode, JSON.stringify(body)).toBe(
        422,
      );
    }
    const notInClass = await call(
      owner,
      'PUT',
      `/api/classes/${created.id}/modules/${other.id}/policy`,
      base,
    );
    expect(notInClass.statusCode).toBe(422);
    expect(notInClass.json().error.message).toBe('This module is not part of the class');
    expect((await call(owner, 'GET', `/api/classes/not-a-uuid`)).statusCode).toBe(422);
    for (const body of [{}, { name: '' }, { module_ids: [] }, { module_ids: [UNKNOWN_ID] }]) {
      expect((await call(owner, 'PATCH', `/api/classes/${created.id}`, body)).statusCode).toBe(422);
    }
    const [policyRow] = await app.database.db
      .select()
      .from(classModules)
      .where(eq(classModules.classId, created.id));
    expect(policyRow).toMatchObject({ maxHintLevel: 5, tutorEnabled: true, tutorOffFrom: null });
    expect((await call(owner, 'GET', `/api/classes/${created.id}`)).json()).toEqual(created);
  });

  it('joining: preview, idempotent join, rotation, closed joining, leaving and removal', async () => {
    const owner = await buildInstructor(app);
    const student = await buildUser(app);
    const created = await createClass(app, owner, {
      name: 'Join me',
      module_ids: [numpy.id, other.id],
      conversations_visible: true,
    });
    const preview = await call(student, 'GET', `/api/join/${created.join_code}`);
    expect(preview.json()).toEqual({
      class_id: created.id,
      name: 'Join me',
      instructor_name: owner.user.username,
      modules: [
        { module_id: numpy.id, title: numpy.title },
        { module_id: other.id, title: other.title },
      ],
      conversations_visible: true,
      joining_open: true,
      already_member: false,
    });
    await join(app, student, created.join_code);
    await join(app, student, created.join_code);
    expect(
      (await call(student, 'GET', `/api/join/${created.join_code}`)).json().already_member,
    ).toBe(true);
    const roster = (await call(owner, 'GET', `/api/classes/${created.id}/students`)).json()
      .students;
    expect(roster).toEqual([
      expect.objectContaining({ user_id: student.user.id, last_activity_at: null }),
    ]);
    expect((await call(student, 'GET', '/api/classes')).json().member_of).toEqual([
      expect.objectContaining({
        id: created.id,
        instructor_name: owner.user.username,
        conversations_visible: true,
      }),
    ]);

    const rotated = (await call(owner, 'POST', `/api/classes/${created.id}/join-code`)).json();
    expect(rotated.join_code).not.toBe(created.join_code);
    const late = await buildUser(app);
    expect((await call(late, 'POST', `/api/join/${created.join_code}`)).statusCode).toBe(404);
    await call(owner, 'PATCH', `/api/classes/${created.id}`, { joining_open: false });
    const closed = await call(late, 'POST', `/api/join/${rotated.join_code}`);
    expect(closed.statusCode).toBe(410);
    expect(closed.json().error.message).toBe('This class is not accepting new students');
    expect((await call(late, 'GET', `/api/join/${rotated.join_code}`)).statusCode).toBe(410);

    expect(
      (await call(owner, 'DELETE', `/api/classes/${created.id}/students/${student.user.id}`))
        .statusCode,
    ).toBe(204);
    expect(
      (await call(owner, 'DELETE', `/api/classes/${created.id}/students/${student.user.id}`))
        .statusCode,
    ).toBe(404);
    await call(owner, 'PATCH', `/api/classes/${created.id}`, { joining_open: true });
    await join(app, student, rotated.join_code);
    expect(
      (await call(student, 'DELETE', `/api/classes/${created.id}/membership`)).statusCode,
    ).toBe(204);
    const members = await app.database.db
      .select()
      .from(classMembers)
      .where(eq(classMembers.classId, created.id));
    expect(members).toEqual([]);
  });

  it('join-code guessing is limited per user and per address (429 with Retry-After)', async () => {
    const owner = await buildInstructor(app);
    const created = await createClass(app, owner, { name: 'Guarded', module_ids: [numpy.id] });
    const from = (user: TestUser, method: 'GET' | 'POST', code: string, remoteAddress: string) =>
      app.inject({ method, url: `/api/join/${code}`, headers: user.headers, remoteAddress });
    const guesser = await buildUser(app);
    for (let i = 0; i < 10; i++) {
      const guess = await from(guesser, 'GET', `guess${i}aaaaaaaaaaaaaaaaaa`, '198.51.100.7');
      expect(guess.statusCode).toBe(404);
    }
    // Over the limit even a right code is refused, from this user anywhere and from this address.
    const limited = await from(guesser, 'POST', created.join_code, '203.0.113.9');
    expect(limited.statusCode).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    const neighbour = await buildUser(app);
    expect((await from(neighbour, 'POST', created.join_code, '198.51.100.7')).statusCode).toBe(429);
    const members = await app.database.db
      .select()
      .from(classMembers)
      .where(eq(classMembers.classId, created.id));
    expect(members).toEqual([]);
    expect((await from(neighbour, 'POST', created.join_code, '203.0.113.10')).statusCode).toBe(200);
  });

  it('dashboard, CSV and one student history from data made through the routes', async () => {
    const owner = await buildInstructor(app);
    const created = await createClass(app, owner, { name: 'Dash', module_ids: [numpy.id] });
    const [alice, bob, carol] = await Promise.all([
      buildUser(app, { username: `=cmd|${Date.now()}` }),
      buildUser(app),
      buildUser(app),
    ]);
    for (const student of [alice!, bob!, carol!]) await join(app, student, created.join_code);
    const check = (student: TestUser, passed: boolean) =>
      call(student, 'POST', `/api/progress/${numpy.id}/check-results`, {
        exercise_id: EXERCISE,
        passed,
        message: passed ? '✅ Passed: distances' : '❌ Not yet: `D` is still None',
      });
    await check(alice!, false);
    await check(alice!, true);
    await check(bob!, false);
    for (const student of [alice!, bob!]) {
      const socket = await connect(
        app,
        `/ws/tutor?token=${student.accessToken}&module_id=${numpy.id}`,
      );
      const end = await socket.turn({
        content: 'Why does my distance matrix fail?',
        exercise_id: EXERCISE,
        cell_code: 'D = X - X',
        error_output:
          'Traceback (most recent call last):\nValueError: shapes (3,2) and (2,3) not aligned: 2 (dim 1) != 3 (dim 0)',
      });
      expect(end.at(-1)).toMatchObject({ type: 'done' });
      await socket.close();
    }

    const response = await call(owner, 'GET', `/api/classes/${created.id}/dashboard`);
    expect(response.statusCode).toBe(200);
    const dashboard = response.json();
    expect(dashboard).toMatchObject({
      class: { id: created.id, name: 'Dash' },
      self_reported: true,
    });
    const figures = dashboard.exercises.find(
      (e: { exercise_id: string }) => e.exercise_id === EXERCISE,
    );
    expect(figures).toMatchObject({
      module_id: numpy.id,
      passed_share: 1 / 3,
      common_errors: [{ error: 'ValueError: shapes not aligned', count: 2 }],
    });
    expect(figures.median_hint_level).toBeGreaterThanOrEqual(1);
    const cellOf = (student: TestUser) =>
      dashboard.students.find((s: { user_id: string }) => s.user_id === student.user.id);
    expect(cellOf(alice!).exercises[EXERCISE]).toMatchObject({ state: 'passed', runs: 2 });
    expect(cellOf(bob!).exercises[EXERCISE]).toMatchObject({ state: 'not_yet', runs: 1 });
    expect(cellOf(bob!).exercises[EXERCISE].highest_hint_level).toBeGreaterThanOrEqual(1);
    expect(cellOf(carol!)).toMatchObject({ inactive: true, last_activity_at: null });
    expect(cellOf(carol!).exercises[EXERCISE]).toEqual({
      state: 'not_tried',
      runs: 0,
      highest_hint_level: null,
      last_run_at: null,
    });
    expect(cellOf(alice!).inactive).toBe(false);

    const csv = await call(owner, 'GET', `/api/classes/${created.id}/dashboard.csv`);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.headers['content-disposition']).toContain('attachment');
    const lines = csv.body.trim().split('\r\n');
    expect(lines[0]).toContain(`${EXERCISE} state,${EXERCISE} runs,${EXERCISE} hint level`);
    expect(lines).toHaveLength(4);
    expect(csv.body).toContain(`'=cmd|`);
    expect(csv.body).not.toMatch(/(^|,)=cmd/m);

    const hidden = (
      await call(owner, 'GET', `/api/classes/${created.id}/students/${bob!.user.id}`)
    ).json();
    expect(hidden.conversations).toBeNull();
    expect(
      hidden.modules[0].exercises.find((e: { exercise_id: string }) => e.exercise_id === EXERCISE),
    ).toMatchObject({
      state: 'not_yet',
      runs: 1,
      last_message: '❌ Not yet: `D` is still None',
    });
    await call(owner, 'PATCH', `/api/classes/${created.id}`, { conversations_visible: true });
    const visible = (
      await call(owner, 'GET', `/api/classes/${created.id}/students/${bob!.user.id}`)
    ).json();
    expect(visible.conversations).toHaveLength(1);
    expect(visible.conversations[0].messages[0]).toMatchObject({
      role: 'user',
      content: 'Why does my distance matrix fail?',
    });
    const stranger = await buildUser(app);
    expect(
      (await call(owner, 'GET', `/api/classes/${created.id}/students/${stranger.user.id}`))
        .statusCode,
    ).toBe(404);
  });

  it('policy routes: a window shows in the notice, and changes take effect on the next read', async () => {
    const owner = await buildInstructor(app);
    const student = await buildUser(app);
    const created = await createClass(app, owner, { name: 'Exam', module_ids: [numpy.id] });
    await join(app, student, created.join_code);
    const until = new Date(Date.now() + 60 * 60 * 1000);
    await setPolicy(app, owner, created.id, numpy.id, {
      tutor_off_from: new Date(Date.now() - 1000).toISOString(),
      tutor_off_until: until.toISOString(),
    });
    const policy = (await call(student, 'GET', `/api/modules/${numpy.id}/policy`)).json();
    expect(policy).toMatchObject({
      tutor_enabled: false,
      tutor_off_until: until.toISOString(),
      classes: ['Exam'],
    });
    expect(policy.notice).toContain('(exam)');
    await setPolicy(app, owner, created.id, numpy.id, {});
    expect((await call(student, 'GET', `/api/modules/${numpy.id}/policy`)).json()).toMatchObject({
      tutor_enabled: true,
      notice: null,
    });
    expect((await call(student, 'GET', `/api/modules/${UNKNOWN_ID}/policy`)).statusCode).toBe(404);
  });
});
