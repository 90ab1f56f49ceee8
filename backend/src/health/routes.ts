import type { FastifyPluginAsync } from 'fastify';

/** `GET /health`: the app answers, and whether the database does. */
export const healthRoutes: FastifyPluginAsync = async (app) => {
  app.get('/health', async (request, reply) => {
    const started = performance.now();
    try {
      await app.database.ping();
      return {
        status: 'healthy',
        database: { status: 'up', kind: app.database.kind, latency_ms: Math.round((performance.now() - started) * 10) / 10 },
      };
    } catch (error) {
      request.log.error({ err: error }, 'health check: database unreachable');
      return reply.status(503).send({ status: 'unhealthy', database: { status: 'down', kind: app.database.kind } });
    }
  });
};
