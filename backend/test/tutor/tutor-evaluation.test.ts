// The tutor evaluation (eval/tutor, `npm run eval -- tutor`) against the built-in offline tutor:
// scripted students on every exercise of the three modules, every judge at its goal. The replies do
// not depend on the database, so it runs on PGlite only (it takes a while).
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { playEvaluation, scoreReplies } from '../../../eval/tutor/evaluate';
import { createTestApp, databaseKind } from '../helpers/test-app';

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
    const results = scoreReplies(sessions);
    console.log(
      results.map((r) => `${r.name}: ${r.passed}/${r.applied} (goal ${100 * r.goal} %)`).join('\n'),
    );
    for (const result of results) {
      const examples = result.failures.slice(0, 3).join(' | ');
      const rate = (100 * result.rate).toFixed(1);
      expect(result.met, `${result.name}: ${rate} %; e.g. ${examples}`).toBe(true);
    }
  });
});
