import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ModuleCatalogItemSchema,
  ModuleListItemSchema,
  ModuleListSchema,
  ModuleOutSchema,
} from '@tutor/shared/learning-modules';
import { findExercise } from '../../src/learning-modules/exercises';
import { buildUser } from '../helpers/factories';
import { createTestApp } from '../helpers/test-app';
import { notebook, seededModuleId, UNKNOWN_MODULE_ID } from '../progress/helpers';

const seededFilenames = [
  'module_01_intro_to_numpy.ipynb',
  'module_02_linear_algebra.ipynb',
  'module_03_interpolation.ipynb',
];

/** Counts the SQL statements the database client runs while `work` runs. */
async function countQueries(app: FastifyInstance, work: () => Promise<unknown>): Promise<number> {
  const client = (
    app.database.db as unknown as { $client: { query: (...args: unknown[]) => unknown } }
  ).$client;
  const original = client.query;
  let queries = 0;
  client.query = function (this: unknown, ...args: unknown[]) {
    queries += 1;
    return original.apply(this, args);
  };
  try {
    await work();
  } finally {
    client.query = original;
  }
  return queries;
}

describe('module routes', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await createTestApp();
  });
  afterAll(() => app.close());

  it('require authentication', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/modules' })).statusCode).toBe(401);
    const id = await seededModuleId(app, 1);
    expect((await app.inject({ method: 'GET', url: `/api/modules/${id}` })).statusCode).toBe(401);
  });

  it('lists the three seeded modules in order, with descriptions and the not_started status', async () => {
    const user = await buildUser(app);
    const response = await app.inject({
      method: 'GET',
      url: '/api/modules',
      headers: user.headers,
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
    // Exactly the fields of ModuleListItem, nothing more.
    for (const item of response.json() as unknown[]) ModuleListItemSchema.strict().parse(item);
    const modules = ModuleListSchema.parse(response.json()).filter((m) =>
      seededFilenames.includes(m.notebook_filename),
    );
    expect(modules.map((m) => [m.order, m.title, m.notebook_filename, m.status])).toEqual([
      [1, 'Introduction to NumPy', 'module_01_intro_to_numpy.ipynb', 'not_started'],
      [2, 'Linear Algebra Basics', 'module_02_linear_algebra.ipynb', 'not_started'],
      [3, 'Interpolation Methods', 'module_03_interpolation.ipynb', 'not_started'],
    ]);
    expect(modules[0]!.description).toMatch(/broadcasting/);
    expect(modules[1]!.description).toMatch(/eigenvalue/);
    expect(modules[2]!.description).toMatch(/Lagrange/);
    const orders = (response.json() as Array<{ order: number }>).map((m) => m.order);
    expect(orders).toEqual([...orders].sort((a, b) => a - b));
  });

  it('publishes a catalog without an account: order, title and description only', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/modules/catalog' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(response.headers['cache-control']).toBe('public, max-age=60');
    const items = response.json() as unknown[];
    // Exactly the public fields: no status, no notebook file, no id.
    for (const item of items) ModuleCatalogItemSchema.strict().parse(item);
    const catalog = items.map((item) => ModuleCatalogItemSchema.parse(item));
    const seeded = catalog.filter((m) =>
      ['Introduction to NumPy', 'Linear Algebra Basics', 'Interpolation Methods'].includes(m.title),
    );
    expect(seeded.map((m) => [m.order, m.title])).toEqual([
      [1, 'Introduction to NumPy'],
      [2, 'Linear Algebra Basics'],
      [3, 'Interpolation Methods'],
    ]);
    expect(seeded[0]!.description).toMatch(/broadcasting/);
    expect(seeded[2]!.description).toMatch(/Lagrange/);

    // The same modules, in the same order, as a signed-in student's list.
    const user = await buildUser(app);
    const list = ModuleListSchema.parse(
      (await app.inject({ method: 'GET', url: '/api/modules', headers: user.headers })).json(),
    );
    expect(catalog).toEqual(
      list.map(({ order, title, description }) => ({ order, title, description })),
    );
  });

  it('shows each user their own status, in one query', async () => {
    const alice = await buildUser(app);
    const bob = await buildUser(app);
    const [m1, m2, m3] = [
      await seededModuleId(app, 1),
      await seededModuleId(app, 2),
      await seededModuleId(app, 3),
    ];
    const save = (headers: object, id: string, body: object) =>
      app.inject({
        method: 'PUT',
        url: `/api/progress/${id}`,
        headers: headers as never,
        payload: body,
      });
    await save(alice.headers, m1, { notebook_state: notebook() });
    await save(alice.headers, m2, { status: 'completed' });
    await save(bob.headers, m3, { status: 'in_progress' });

    const statuses = async (headers: object) => {
      const list = (
        await app.inject({ method: 'GET', url: '/api/modules', headers: headers as never })
      ).json() as Array<{ id: string; status: string }>;
      return Object.fromEntries(
        list.filter((m) => [m1, m2, m3].includes(m.id)).map((m) => [m.id, m.status]),
      );
    };
    expect(await statuses(alice.headers)).toEqual({
      [m1]: 'in_progress',
      [m2]: 'completed',
      [m3]: 'not_started',
    });
    expect(await statuses(bob.headers)).toEqual({
      [m1]: 'not_started',
      [m2]: 'not_started',
      [m3]: 'in_progress',
    });

    const queries = await countQueries(app, () =>
      app.inject({ method: 'GET', url: '/api/modules', headers: alice.headers }),
    );
    expect(queries).toBe(1);
  });

  it('returns one module', async () => {
    const user = await buildUser(app);
    const id = await seededModuleId(app, 2);
    const response = await app.inject({
      method: 'GET',
      url: `/api/modules/${id}`,
      headers: user.headers,
    });
    expect(response.statusCode).toBe(200);
    expect(ModuleOutSchema.strict().parse(response.json())).toEqual({
      id,
      title: 'Linear Algebra Basics',
      description: expect.stringContaining('numpy.linalg'),
      notebook_filename: 'module_02_linear_algebra.ipynb',
      order: 2,
    });
  });

  it('answers 404 for an unknown module and 422 for an id that is not a UUID', async () => {
    const user = await buildUser(app);
    const unknown = await app.inject({
      method: 'GET',
      url: `/api/modules/${UNKNOWN_MODULE_ID}`,
      headers: user.headers,
    });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toEqual({ error: { code: 'not_found', message: 'Module not found' } });
    for (const bad of ['42', 'not-a-uuid', `${UNKNOWN_MODULE_ID}x`, "1' or '1'='1"]) {
      const response = await app.inject({
        method: 'GET',
        url: `/api/modules/${encodeURIComponent(bad)}`,
        headers: user.headers,
      });
      expect(response.statusCode).toBe(422);
      expect(response.json()).toMatchObject({
        error: { code: 'unprocessable_entity', message: 'module_id: must be a UUID' },
      });
    }
  });

  it('never sends the authored solutions to the browser', async () => {
    const exercise = findExercise(app.exercises, 'm1-ex1-create-arrays');
    expect(exercise?.solution).toBeTruthy();
    const user = await buildUser(app);
    const id = await seededModuleId(app, 1);
    const bodies = await Promise.all(
      ['/api/modules', '/api/modules/catalog', `/api/modules/${id}`, `/api/progress/${id}`].map(
        async (url) => (await app.inject({ method: 'GET', url, headers: user.headers })).body,
      ),
    );
    for (const body of bodies) {
      expect(body).not.toContain(exercise!.solution.trim());
      expect(body).not.toContain('"solution"');
    }
  });
});
