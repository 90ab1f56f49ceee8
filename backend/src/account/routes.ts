import type { FastifyPluginAsync } from 'fastify';
import type { AccountExport } from '@tutor/shared/account';
import { perIpRouteLimit } from '../rate-limit/limits';
import { exportAccount } from './export';

/** `GET /api/auth/me/export`: the signed-in student's data, as a file to download. */
export const accountExportRoutes: FastifyPluginAsync = async (app) => {
  // Each export reads every table of the student: a handful per minute is plenty.
  const limit = perIpRouteLimit(app.config.AUTH_RATE_LIMIT_PER_MINUTE, 60_000);
  app.get(
    '/me/export',
    { config: limit, onRequest: app.authenticate },
    async (request, reply): Promise<AccountExport> => {
      const data = await exportAccount(app, request.user.id);
      const day = data.exported_at.slice(0, 10);
      reply
        .header('cache-control', 'no-store')
        .header('content-disposition', `attachment; filename="numerical-tutor-data-${day}.json"`);
      return data;
    },
  );
};
