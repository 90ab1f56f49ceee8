import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ModuleCatalogSchema, ModuleListSchema } from '@tutor/shared/learning-modules';
import { MODULE_DETAILS_TTL_MS, ModuleListCache } from '../../src/learning-modules/module-list';
import { prepareModuleStatuses } from '../../src/progress/module-statuses';
import { learningModules } from '../../src/learning-modules/schema';
import { buildModule, buildUser, type TestUser } from '../helpers/factories';
import { createTestApp } from '../helpers/test-app';

/** The module list keeps each module's serialised fields; these tests change modules under it. */
describe('module list served from kept module details', () => {
  let app: FastifyInstance;
  let user: TestUser;
  const filename = `module_list_cache_${Date.now()}.ipynb`;
  const catalogFile = `module_catalog_cache_${Date.now()}.ipynb`;
  const db = () => app.database.db;

  beforeAll(async () => {
    app = await createTestApp();
    user = await buildUser(app);
  });
  afterAll(async () => {
    for (const file of [filename, catalogFile]) {
      await db().delete(learningModules).where(eq(learningModules.notebookFilename, file));
    }
    await app.close();
  });

  const listed = async () => {
    const response = await app.inject({
      method: 'GET',
      url: '/api/modules',
      headers: user.headers,
    });
    expect(response.statusCode).toBe(200);
    return ModuleListSchema.parse(response.json()).filter((m) => m.notebook_filename === filename);
  };

  it('shows a module added after the list was served, then hides it once deleted', async () => {
    expect(await listed()).toEqual([]);
    const added = await buildModule(app, {
      title: 'Added "later"',
      description: 'Línea\nnueva',
      notebookFilename: filename,
      order: 900,
    });
    expect(await listed()).toEqual([
      {
        id: added!.id,
        title: 'Added "later"',
        description: 'Línea\nnueva',
        notebook_filename: filename,
        order: 900,
        status: 'not_started',
        exercises_passed: 0,
        exercises_total: 0,
      },
    ]);
    await db().delete(learningModules).where(eq(learningModules.id, added!.id));
    expect(await listed()).toEqual([]);
  });

  it('shows an edited title once the kept details are older than MODULE_DETAILS_TTL_MS', async () => {
    let now = 0;
    const cache = new ModuleListCache(
      db(),
      prepareModuleStatuses(db()),
      () => 0,
      () => now,
    );
    const module = await buildModule(app, {
      title: 'Before',
      description: 'd',
      notebookFilename: filename,
      order: 901,
    });
    const titleIn = async () =>
      ModuleListSchema.parse(JSON.parse(await cache.json(user.user.id))).find(
        (m) => m.id === module!.id,
      )?.title;
    expect(await titleIn()).toBe('Before');
    await db()
      .update(learningModules)
      .set({ title: 'After' })
      .where(eq(learningModules.id, module!.id));
    now += MODULE_DETAILS_TTL_MS - 1;
    expect(await titleIn()).toBe('Before');
    now += 2;
    expect(await titleIn()).toBe('After');
  });

  it('serves the public catalog from the same kept details, renewed after MODULE_DETAILS_TTL_MS', async () => {
    let now = 0;
    const cache = new ModuleListCache(
      db(),
      prepareModuleStatuses(db()),
      () => 0,
      () => now,
    );
    await buildModule(app, {
      title: 'Catalog before',
      description: 'd',
      notebookFilename: catalogFile,
      order: 902,
    });
    const titles = async () =>
      ModuleCatalogSchema.parse(JSON.parse(await cache.catalogJson()))
        .filter((m) => m.order === 902)
        .map((m) => m.title);
    expect(await titles()).toEqual(['Catalog before']);
    await db()
      .update(learningModules)
      .set({ title: 'Catalog after' })
      .where(eq(learningModules.notebookFilename, catalogFile));
    now += MODULE_DETAILS_TTL_MS - 1;
    expect(await titles()).toEqual(['Catalog before']);
    now += 2;
    expect(await titles()).toEqual(['Catalog after']);
  });
});
