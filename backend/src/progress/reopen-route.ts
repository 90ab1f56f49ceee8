import type { FastifyPluginAsync } from 'fastify';
import { type ModuleIdParams, ModuleIdParamsSchema } from '@tutor/shared/learning-modules';
import type { ProgressOut } from '@tutor/shared/progress';
import { notFound } from '../errors/app-error';
import { zodSchema } from '../errors/route-schemas';
import { toProgressOut } from './responses';
import { reopenProgress } from './service';

/**
 * `POST /api/progress/{module_id}/reopen`: a completed module back to in_progress, on the
 * student's explicit request (status otherwise only moves forward); any other status is returned
 * unchanged.
 */
export const reopenRoute: FastifyPluginAsync = async (app) => {
  app.post<{ Params: ModuleIdParams }>(
    '/api/progress/:module_id/reopen',
    { onRequest: app.authenticate, schema: { params: zodSchema(ModuleIdParamsSchema, 422) } },
    async (request): Promise<ProgressOut> => {
      const { module_id } = request.params;
      const found = await reopenProgress(app.database.db, request.user.id, module_id);
      if (!found) throw notFound('Module not found');
      return toProgressOut(module_id, found.progress, false);
    },
  );
};
