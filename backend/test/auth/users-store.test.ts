import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { effectiveLevelsUpdate, loadLearnerWith } from '../../src/auth/users-store';
import { buildUser } from '../helpers/factories';
import { createTestApp } from '../helpers/test-app';

let app: FastifyInstance;
const loadLearner = async (userId: string) =>
  (await loadLearnerWith(app.database.db, userId, { beside: sql<number>`41 + 1` }))?.learner;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(() => app.close());

it('reads a learner (with what a caller selects beside it) and moves their effective levels inside the caller statement', async () => {
  const { user } = await buildUser(app, { username: 'lea_levels', programmingLevel: 2 });
  expect(await loadLearnerWith(app.database.db, user.id, { beside: sql<number>`41 + 1` })).toEqual({
    beside: 42,
    learner: {
      username: 'lea_levels',
      programmingLevel: 2,
      mathsLevel: 3,
      effectiveProgrammingLevel: null,
      effectiveMathsLevel: null,
    },
  });
  expect(await loadLearner(user.id)).toEqual({
    username: 'lea_levels',
    programmingLevel: 2,
    mathsLevel: 3,
    effectiveProgrammingLevel: null,
    effectiveMathsLevel: null,
  });
  const update = effectiveLevelsUpdate(user.id, { programming: 2.5, maths: 3.25 });
  await app.database.db.execute(sql`with moved as (${update}) select 1`);
  expect(await loadLearner(user.id)).toMatchObject({
    effectiveProgrammingLevel: 2.5,
    effectiveMathsLevel: 3.25,
  });
  expect(await loadLearner('00000000-0000-4000-8000-000000000000')).toBeUndefined();
});
