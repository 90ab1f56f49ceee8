// The tutor evaluation as functions: play the scripted students of every exercise through the
// real app's /ws/tutor, then score the replies with the judges. run.ts prints it; the integration
// test backend/test/tutor/tutor-evaluation.test.ts holds the offline tutor to the goals.
import type { FastifyInstance } from 'fastify';
import type { ChatServerEvent } from '@tutor/shared/chat';
import { listModules } from '../../backend/src/learning-modules/service';
import { connect } from '../../backend/test/chat/socket-client';
import { cellsOf, readNotebook, sourceOf } from '../../notebooks/test/notebook-tools';
import { type Reply, JUDGES } from './judges';
import { scriptFor } from './student-scripts';

export interface JudgeResult {
  name: string;
  goal: number;
  applied: number;
  passed: number;
  rate: number;
  met: boolean;
  /** Why replies failed, in order. */
  failures: string[];
}

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
  module: { id: string; notebookFilename: string },
  offset: number,
  only?: string,
) {
  const { id: moduleId, notebookFilename: notebook } = module;
  const nb = readNotebook(notebook);
  const replies: Reply[][] = [];
  const exercises = app.exercises.byNotebook.get(notebook) ?? [];
  for (const [i, exercise] of exercises.entries()) {
    if (only && !exercise.id.startsWith(only)) continue;
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

/** Plays every exercise's scripted student (those whose id starts with `only`, if given). */
export async function playEvaluation(app: FastifyInstance, only?: string): Promise<Reply[][]> {
  const token = await register(app);
  const sessions: Reply[][] = [];
  for (const module of await listModules(app.database.db)) {
    sessions.push(...(await playModule(app, token, module, sessions.length, only)));
  }
  return sessions;
}

/** Every judge over every reply it applies to. */
export function scoreReplies(sessions: Reply[][]): JudgeResult[] {
  return JUDGES.map((judge) => {
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
    const passed = applied - failures.length;
    const rate = applied === 0 ? 1 : passed / applied;
    return {
      name: judge.name,
      goal: judge.goal,
      applied,
      passed,
      rate,
      met: rate >= judge.goal,
      failures,
    };
  });
}
