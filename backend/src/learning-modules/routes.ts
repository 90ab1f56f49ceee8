import type { FastifyPluginAsync } from 'fastify';
import { type ModuleIdParams, ModuleIdParamsSchema } from '@tutor/shared/learning-modules';
import type { Database } from '../db/client';
import { notFound } from '../errors/app-error';
import { zodSchema } from '../errors/route-schemas';
import { exercisesForNotebook } from './exercises';
import { ModuleListCache, type ModuleStatusesOf } from './module-list';
import { getModule, toModuleOut } from './service';

/**
 * `/api/modules`: the learning modules, each with the current user's status; and the public
 * catalog (titles and descriptions only) that the landing page shows to visitors.
 */
export const learningModuleRoutes: FastifyPluginAsync<{
  /** Progress's statuses query (learning modules sit below progress and do not import it). */
  prepareModuleStatuses: (db: Database) => ModuleStatusesOf;
}> = async (app, options) => {
  const db = app.database.db;
  const moduleList = new ModuleListCache(
    db,
    options.prepareModuleStatuses(db),
    (notebook) => exercisesForNotebook(app.exercises, notebook).length,
  );
  // ModuleListItem[] as JSON text.
  app.get('/api/modules', { onRequest: app.authenticate }, async (request, reply) =>
    reply.type('application/json; charset=utf-8').send(await moduleList.json(request.user.id)),
  );

  // Public and the same for everyone: shared caches may keep it for a minute.
  app.get('/api/modules/catalog', async (_request, reply) =>
    reply
      .header('cache-control', 'public, max-age=60')
      .type('application/json; charset=utf-8')
      .send(await moduleList.catalogJson()),
  );

  app.get<{ Params: ModuleIdParams }>(
    '/api/modules/:module_id',
    { onRequest: app.authenticate, schema: { params: zodSchema(ModuleIdParamsSchema, 422) } },
    async (request) => {
      const module = await getModule(db, request.params.module_id);
      if (!module) throw notFound('Module not found');
      return toModuleOut(module);
    },
  );
};
