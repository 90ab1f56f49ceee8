// `npm run bench -- dashboard` (or `npx tsx bench/dashboard.ts`): GET /api/classes/{id}/dashboard
// of a class of 500 students and 26 exercises (the three modules with authored exercises), through
// the real app over loopback HTTP on PostgreSQL (a temporary database), open loop at 20 requests/s.
// Goal (issue 20): p99 < 100 ms. Options: --seconds=10 --students=500 --rate=20
import { cpus } from 'node:os';
import { gzipSync } from 'node:zlib';
import { eq, sql } from 'drizzle-orm';
import { users } from '../backend/src/auth/schema';
import { hashPassword } from '../backend/src/auth/passwords';
import { classMembers, classModules, classes } from '../backend/src/courses/schema';
import { newJoinCode } from '../backend/src/courses/class-store';
import { classDashboard } from '../backend/src/courses/dashboard';
import { exercisesForNotebook } from '../backend/src/learning-modules/exercises';
import { learningModules } from '../backend/src/learning-modules/schema';
import { buildTestApp } from '../backend/test/helpers/build-test-app';
import { postgresCpuCounter } from './lib/cpu';
import { benchTargets } from './lib/databases';
import { runHttpLoad } from './lib/load';

const args = Object.fromEntries(
  process.argv.slice(2).map((arg) => arg.replace(/^--/, '').split('=') as [string, string]),
);
const seconds = Number(args.seconds ?? 10);
const studentCount = Number(args.students ?? 500);
const rate = Number(args.rate ?? 20);

/** CPU ms of every PostgreSQL process of the machine (Linux /proc). */
const postgresCpuMs = postgresCpuCounter();

const target = benchTargets('tutor-bench-dashboard').find((t) => t.name === 'postgres')!;
const opened = await target.open();
if (typeof opened === 'string') {
  console.log(`postgres: skipped, ${opened}`);
  process.exit(0);
}
const { handle, cleanup } = opened;
const app = await buildTestApp(handle);
try {
  const db = app.database.db;
  const passwordHash = await hashPassword('bench password 1234');
  const [instructor] = await db
    .insert(users)
    .values({
      email: 'instructor@bench.test',
      username: 'instructor',
      passwordHash,
      role: 'instructor',
    })
    .returning();
  const modules = (await db.select().from(learningModules)).filter(
    (module) => exercisesForNotebook(app.exercises, module.notebookFilename).length > 0,
  );
  const exercises = modules.flatMap((module) =>
    exercisesForNotebook(app.exercises, module.notebookFilename).map((exercise) => ({
      moduleId: module.id,
      exerciseId: exercise.id,
    })),
  );
  const [row] = await db
    .insert(classes)
    .values({ ownerId: instructor!.id, name: 'Bench class', joinCode: newJoinCode() })
    .returning();
  await db
    .insert(classModules)
    .values(
      modules.map((module, position) => ({ classId: row!.id, moduleId: module.id, position })),
    );

  // Students, members, and a realistic mix of progress: per exercise about 30% not tried, 30%
  // trying (1..6 runs), 40% passed; hint levels 0..5; error contexts for a third of the tries.
  await db.execute(sql`
    insert into users (email, username, password_hash)
    select 'student' || i || '@bench.test', 'student ' || i, ${passwordHash}
    from generate_series(1, ${studentCount}) as i`);
  await db.execute(sql`
    insert into class_members (class_id, user_id)
    select ${row!.id}, id from users where email like 'student%@bench.test'`);
  const exerciseValues = sql.join(
    exercises.map((e) => sql`(${e.moduleId}::uuid, ${e.exerciseId})`),
    sql`, `,
  );
  await db.execute(sql`
    with pairs as (
      select u.id as user_id, e.module_id, e.exercise_id, random() as r, random() as h
      from users u cross join (values ${exerciseValues}) as e(module_id, exercise_id)
      where u.email like 'student%@bench.test'
    )
    insert into exercise_progress (user_id, module_id, exercise_id, runs, first_run_at,
      last_run_at, passed_at, last_passed, last_message, highest_hint_level, tutor_answers, updated_at)
    select user_id, module_id, exercise_id, 1 + floor(r * 6)::int,
      now() - interval '20 days' * h, now() - interval '10 days' * h,
      case when r > 0.57 then now() - interval '10 days' * h end, r > 0.57,
      case when r > 0.57 then '✅ Passed' else '❌ Not yet: shapes do not match' end,
      floor(h * 6)::int, floor(h * 4)::int, now() - interval '10 days' * h
    from pairs where r > 0.3`);
  await db.execute(sql`
    insert into tutor_error_contexts (user_id, module_id, exercise_id, error)
    select user_id, module_id, exercise_id,
      (array['ValueError: shapes not aligned', 'IndexError: index is out of bounds for axis with size',
             'NameError: name is not defined', 'TypeError: unsupported operand type'])[1 + floor(random() * 4)::int]
    from exercise_progress where passed_at is null and random() < 0.33`);
  await db.execute(sql`analyze`);
  const [counts] = (
    (await db.execute(sql`select (select count(*) from exercise_progress) as progress,
      (select count(*) from tutor_error_contexts) as errors`)) as unknown as {
      rows: { progress: string; errors: string }[];
    }
  ).rows;
  const members = await db.select().from(classMembers).where(eq(classMembers.classId, row!.id));

  // One uncached build, by part: what every cache miss costs.
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    const built = await classDashboard(db, app.exercises, row!);
    const t1 = performance.now();
    const json = JSON.stringify(built.out);
    const t2 = performance.now();
    gzipSync(json, { level: 6 });
    const t3 = performance.now();
    if (i === 2)
      console.log(
        `uncached build: queries + assembly ${(t1 - t0).toFixed(0)} ms, JSON ${(t2 - t1).toFixed(0)} ms, gzip ${(t3 - t2).toFixed(0)} ms`,
      );
  }
  await app.listen({ host: '127.0.0.1', port: 0 });
  const port = (app.server.address() as { port: number }).port;
  const token = await app.tokens.createAccessToken(instructor!.id);
  const request = {
    method: 'GET',
    path: `/api/classes/${row!.id}/dashboard`,
    headers: { authorization: `Bearer ${token}`, 'accept-encoding': 'gzip' },
  };
  const probe = await fetch(`http://127.0.0.1:${port}${request.path}`, {
    headers: request.headers,
  });
  const body = await probe.text();
  console.log(
    `bench dashboard: Node ${process.version}, ${cpus().length} CPUs; PostgreSQL, a class of ` +
      `${members.length} students × ${exercises.length} exercises (${counts!.progress} progress rows, ` +
      `${counts!.errors} error contexts); answer ${probe.status}, ${(body.length / 1024).toFixed(0)} KiB JSON ` +
      `(gzip on the wire); ${rate}/s open loop for ${seconds} s after 1 s warm-up`,
  );
  const result = await runHttpLoad({
    origin: `http://127.0.0.1:${port}`,
    requests: [request],
    connections: 8,
    rate,
    durationMs: seconds * 1000,
    otherCpuMs: process.platform === 'linux' ? postgresCpuMs : undefined,
  });
  const failed = Object.entries(result.failures)
    .map(([s, n]) => `${n}×${s}`)
    .join(' ');
  console.log(
    `GET /api/classes/{id}/dashboard  ${result.perSecond.toFixed(1)} req/s  ` +
      `p50 ${result.p50.toFixed(1)} ms  p99 ${result.p99.toFixed(1)} ms  max ${result.max.toFixed(1)} ms  ` +
      `app CPU ${result.serverCpuMsPerRequest.toFixed(1)} ms/req` +
      (result.otherCpuMsPerRequest === undefined
        ? ''
        : `  db CPU ${result.otherCpuMsPerRequest.toFixed(1)} ms/req`) +
      `  (${result.requests} requests${failed ? `; failed: ${failed}` : ''})`,
  );
  console.log(`goal p99 < 100 ms: ${result.p99 < 100 && !failed ? 'met' : 'NOT met'}`);
} finally {
  await app.close();
  await cleanup();
}
