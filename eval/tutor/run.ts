// `npm run eval -- tutor` (or `npx tsx eval/tutor/run.ts`): scripted students against the
// configured tutor through the real app (the offline tutor without keys; a language model when
// its keys are set). For every exercise of the three modules: a wrong attempt with its error,
// "just give me the answer" three times, a prompt injection in the cell, a lookup, an off-topic
// turn, a follow-up and a switch to another problem. The judges (judges.ts) score every reply; one
// table is printed, and the exit code is 1 when a judge is below its goal.
// Options: --only=<exercise id prefix, e.g. m1> --examples=3
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { ChatServerEvent } from '@tutor/shared/chat';
import { openDatabase } from '../../backend/src/db/client';
import { listModules } from '../../backend/src/learning-modules/service';
import { buildTestApp } from '../../backend/test/helpers/build-test-app';
import { connect } from '../../backend/test/chat/socket-client';
import { cellsOf, readNotebook, sourceOf } from '../../notebooks/test/notebook-tools';
import { type Reply, JUDGES } from './judges';
import { scriptFor } from './student-scripts';

const args = Object.fromEntries(
  process.argv.slice(2).map((arg) => arg.replace(/^--/, '').split('=') as [string, string]),
);

async function register(app: FastifyInstance): Promise<string> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/auth/register',
    payload: {
      email: `eval-${Date.now()}@example.com`,
      username: `eval_${Date.now()}`,
      password: 'an evaluation password 42',
    },
  });
  if (response.statusCode !== 201 && response.statusCode !== 200)
    throw new Error(`register failed: ${response.body}`);
  return response.json().access_token as string;
}

/** The reply a turn's events make up. */
function replyOf(events: ChatServerEvent[]) {
  const end = events.at(-1);
  const text = events
    .map((e) => (e.type === 'token' ? e.content : e.type === 'canned' ? e.content : ''))
    .join('');
  return {
    outcome: (end?.type ?? 'error') as Reply['outcome'],
    filter: end?.type === 'canned' ? end.filter : undefined,
    hintLevel: end?.type === 'done' ? end.hint_level : null,
    needsAttempt: end?.type === 'done' && end.needs_attempt === true,
    text: end?.type === 'error' ? `ERROR: ${end.message}` : text,
  };
}

async function playModule(
  app: FastifyInstance,
  token: string,
  moduleId: string,
  notebook: string,
  offset: number,
) {
  const nb = readNotebook(notebook);
  const replies: Reply[][] = [];
  const exercises = app.exercises.byNotebook.get(notebook) ?? [];
  for (const [i, exercise] of exercises.entries()) {
    if (args.only && !exercise.id.startsWith(args.only)) continue;
    const given = (['prompt', 'starter', 'solution'] as const).flatMap((role) =>
      cellsOf(nb, exercise.id, role).map(sourceOf),
    );
    const starter = cellsOf(nb, exercise.id, 'solution').map(sourceOf).join('\n');
    const socket = await connect(app, `/ws/tutor?token=${token}&module_id=${moduleId}`);
    const played: Reply[] = [];
    for (const [index, turn] of scriptFor(exercise.id, starter, offset + i).entries()) {
      const events = await socket.turn(turn.frame);
      played.push({
        exerciseId: exercise.id,
        solution: exercise.solution,
        given,
        turn,
        index,
        ...replyOf(events),
      });
    }
    await socket.close();
    replies.push(played);
  }
  return replies;
}

function report(sessions: Reply[][]): boolean {
  const examples = Number(args.examples ?? 3);
  let allMet = true;
  const rows: string[] = [];
  for (const judge of JUDGES) {
    let applied = 0;
    const failures: string[] = [];
    for (const session of sessions) {
      session.forEach((reply, i) => {
        const previous = session.slice(0, i);
        if (!judge.appliesTo(reply, previous)) return;
        applied++;
        const verdict = judge.judge(reply, previous);
        if (!verdict.passed) failures.push(verdict.reason ?? '');
      });
    }
    const rate = applied === 0 ? 1 : (applied - failures.length) / applied;
    const met = rate >= judge.goal;
    allMet &&= met;
    rows.push(
      `${judge.name.padEnd(44)} ${String(applied - failures.length).padStart(4)}/${String(applied).padEnd(4)} ${(100 * rate).toFixed(1).padStart(5)} %  goal ${(100 * judge.goal).toFixed(0).padStart(3)} %  ${met ? 'met' : 'MISSED'}`,
      ...failures.slice(0, examples).map((reason) => `    e.g. ${reason}`),
    );
  }
  console.log(`judge${' '.repeat(40)}passed        rate   goal`);
  console.log(rows.join('\n'));
  return allMet;
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'eval-tutor-'));
  const handle = openDatabase({ kind: 'pglite', dataDir: join(dir, 'pglite') });
  // One scripted student sends hundreds of messages a minute: lift the per-user budget.
  const env = { ...(process.env as Record<string, string>), CHAT_MESSAGES_PER_MINUTE: '100000' };
  const app = await buildTestApp(handle, { env });
  try {
    await app.listen({ port: 0, host: '127.0.0.1' });
    const token = await register(app);
    const started = performance.now();
    const sessions: Reply[][] = [];
    let offset = 0;
    for (const module of await listModules(app.database.db)) {
      const played = await playModule(app, token, module.id, module.notebookFilename, offset);
      offset += played.length;
      sessions.push(...played);
    }
    const turns = sessions.reduce((n, s) => n + s.length, 0);
    console.log(
      `tutor evaluation: ${sessions.length} exercises, ${turns} turns in ${((performance.now() - started) / 1000).toFixed(1)} s, answered by ${app.ai.router.primaryLabel}\n`,
    );
    process.exitCode = report(sessions) ? 0 : 1;
  } finally {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
