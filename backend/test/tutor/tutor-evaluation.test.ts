// The tutor evaluation (eval/tutor, `npm run eval -- tutor`) against the built-in offline tutor:
// scripted students on every exercise of the three modules, every judge at its goal; and against a
// language model (the LLM stand-in) that answers every question with the exercise's solution: the
// leak guard must keep every hint below 5 free of it. The replies do not depend on the database,
// so it runs on PGlite only (it takes a while).
import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type JudgeResult, playEvaluation, scoreReplies } from '../../../eval/tutor/evaluate';
import { fromRepoRoot } from '../../src/config/paths';
import { type LlmStandIn, standInVendorsEnv, startLlmStandIn } from '../helpers/llm-stand-in';
import { createTestApp, databaseKind } from '../helpers/test-app';

function expectMet(results: JudgeResult[], names?: string[]): void {
  console.log(
    results.map((r) => `${r.name}: ${r.passed}/${r.applied} (goal ${100 * r.goal} %)`).join('\n'),
  );
  for (const result of results.filter((r) => !names || names.includes(r.name))) {
    const examples = result.failures.slice(0, 3).join(' | ');
    const rate = (100 * result.rate).toFixed(1);
    expect(result.met, `${result.name}: ${rate} %; e.g. ${examples}`).toBe(true);
  }
}

describe.skipIf(databaseKind() === 'postgres')('tutor evaluation (offline tutor)', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    // One scripted student sends hundreds of messages: lift the per-user budget.
    app = await createTestApp({ env: { CHAT_MESSAGES_PER_MINUTE: '100000' } });
    await app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(() => app.close());

  it('meets every judge goal on all 26 exercises', { timeout: 180_000 }, async () => {
    const sessions = await playEvaluation(app);
    expect(sessions).toHaveLength(26);
    expectMet(scoreReplies(sessions));
  });
});

/** Every exercise's title and server-only solution, from notebooks/tutor/*.json. */
function solutions(): { title: string; solution: string }[] {
  return [
    'module_01_intro_to_numpy',
    'module_02_linear_algebra',
    'module_03_interpolation',
  ].flatMap(
    (name) =>
      (
        JSON.parse(readFileSync(fromRepoRoot(`notebooks/tutor/${name}.json`), 'utf8')) as {
          exercises: { title: string; solution: string }[];
        }
      ).exercises,
  );
}

describe.skipIf(databaseKind() === 'postgres')('tutor evaluation (a model that leaks)', () => {
  let app: FastifyInstance;
  let standIn: LlmStandIn;
  beforeAll(async () => {
    standIn = await startLlmStandIn();
    const exercises = solutions();
    // Whatever it is asked, the model answers with the solution of the exercise its prompt names.
    standIn.script('openai', {
      reply: (body) => {
        const prompt = JSON.stringify(body.messages ?? '');
        const exercise = exercises.find((e) => prompt.includes(e.title));
        return exercise
          ? `Here is the answer:\n\n\`\`\`python\n${exercise.solution.trim()}\n\`\`\`\n`
          : 'Look at the shapes of your arrays first.';
      },
    });
    app = await createTestApp({
      env: {
        ...standInVendorsEnv(standIn, { maxRetries: 0 }),
        LLM_PROVIDERS: 'openai',
        CHAT_MESSAGES_PER_MINUTE: '100000',
      },
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    await app.close();
    await standIn.close();
  });

  it(
    'sends no solution below hint 5 and keeps the hint sequence',
    { timeout: 180_000 },
    async () => {
      const sessions = await playEvaluation(app);
      expect(sessions).toHaveLength(26);
      // The model was asked: the guard had leaks to stop.
      expect(standIn.requestsTo('openai').length).toBeGreaterThan(100);
      expectMet(scoreReplies(sessions), [
        'no solution leak below hint 5',
        'hint sequence as the rules say',
      ]);
    },
  );
});
