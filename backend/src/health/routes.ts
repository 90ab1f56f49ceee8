import type { FastifyInstance, FastifyPluginAsync } from 'fastify';

/**
 * `GET /health`: the app answers, whether the database does (it alone decides 503), and each LLM
 * provider's circuit breaker.
 */
export const healthRoutes: FastifyPluginAsync = async (app) => {
  app.get('/health', async (request, reply) => {
    const started = performance.now();
    const databaseUp = await app.database.ping().then(
      () => true,
      (error: unknown) => {
        request.log.error({ err: error }, 'health check: database unreachable');
        return false;
      },
    );
    const latencyMs = Math.round((performance.now() - started) * 10) / 10;
    const llm = { providers: await llmBreakers(app) };
    if (!databaseUp) {
      return reply
        .status(503)
        .send({ status: 'unhealthy', database: { status: 'down', kind: app.database.kind }, llm });
    }
    return {
      status: 'healthy',
      database: { status: 'up', kind: app.database.kind, latency_ms: latencyMs },
      llm,
    };
  });
};

/** Each online provider's breaker: closed, open (skipped until open_until) or half_open. */
async function llmBreakers(app: FastifyInstance) {
  const snapshots = (await app.ai?.breakers?.snapshots()) ?? [];
  return snapshots.map((snapshot) => ({
    id: snapshot.providerId,
    state: snapshot.state,
    failures: snapshot.failures,
    open_until: snapshot.openUntil === null ? null : new Date(snapshot.openUntil).toISOString(),
  }));
}
