// GET /api/modules/{module_id}/policy and GET /api/policy: what the student's classes allow, for
// the workspace and the chat page to tell the student (the server enforces it in the turns).
import type { ChatPolicyOut, EffectivePolicyOut } from '@tutor/shared/courses';
import { type ModuleIdParams, ModuleIdParamsSchema } from '@tutor/shared/learning-modules';
import type { FastifyInstance } from 'fastify';
import { notFound } from '../errors/app-error';
import { zodSchema } from '../errors/route-schemas';
import { getModule } from '../learning-modules/service';
import { studentChatPolicy, studentPolicy } from './policy';

export async function policyRoutes(app: FastifyInstance): Promise<void> {
  const db = app.database.db;
  app.addHook('onRequest', app.authenticate);

  app.get<{ Params: ModuleIdParams }>(
    '/api/modules/:module_id/policy',
    { schema: { params: zodSchema(ModuleIdParamsSchema, 422) } },
    async (request): Promise<EffectivePolicyOut> => {
      if (!(await getModule(db, request.params.module_id))) throw notFound('Module not found');
      return studentPolicy(db, request.user.id, request.params.module_id);
    },
  );

  app.get('/api/policy', async (request): Promise<ChatPolicyOut> =>
    studentChatPolicy(db, request.user.id),
  );
}
