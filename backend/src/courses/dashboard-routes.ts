// GET /api/classes/{id}/dashboard(.csv) and /students/{user_id}: owner or admin; anyone else 404.
import {
  ClassIdParamsSchema,
  ClassStudentParamsSchema,
  type StudentHistoryOut,
} from '@tutor/shared/courses';
import type { FastifyInstance } from 'fastify';
import { zodSchema } from '../errors/route-schemas';
import { staffClass } from './class-routes';
import { dashboardCsv } from './csv';
import { classDashboard } from './dashboard';
import { DashboardCache } from './dashboard-cache';
import { studentHistory } from './student-history';

type ClassParams = { id: string };

export async function dashboardRoutes(app: FastifyInstance): Promise<void> {
  const db = app.database.db;
  const staff = staffClass(db);
  const params = { params: zodSchema(ClassIdParamsSchema, 422) };
  const cache = new DashboardCache();
  app.addHook('onRequest', app.authenticate);

  app.get<{ Params: ClassParams }>(
    '/api/classes/:id/dashboard',
    { schema: params },
    async (request, reply) => {
      const row = await staff(request);
      const entry = await cache.get(
        row.id,
        async () => (await classDashboard(db, app.exercises, row)).out,
      );
      reply.header('cache-control', 'no-store').header('content-type', 'application/json');
      reply.header('vary', 'accept-encoding');
      if (/\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''))) {
        return reply.header('content-encoding', 'gzip').send(entry.gzip);
      }
      return reply.send(entry.json);
    },
  );

  app.get<{ Params: ClassParams }>(
    '/api/classes/:id/dashboard.csv',
    { schema: params },
    async (request, reply) => {
      const row = await staff(request);
      const csv = dashboardCsv(await classDashboard(db, app.exercises, row));
      const filename = `class-${row.id}-dashboard.csv`;
      return reply
        .header('cache-control', 'no-store')
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${filename}"`)
        .send(csv);
    },
  );

  app.get<{ Params: ClassParams & { user_id: string } }>(
    '/api/classes/:id/students/:user_id',
    { schema: { params: zodSchema(ClassStudentParamsSchema, 422) } },
    async (request): Promise<StudentHistoryOut> =>
      studentHistory(db, app.exercises, await staff(request), request.params.user_id),
  );
}
