import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { connectBreakerRedis } from './circuit-breaker';
import { createAiServices, type AiServices } from './index';

declare module 'fastify' {
  interface FastifyInstance {
    ai: AiServices;
  }
}

export interface AiPluginOptions {
  /** Services to use instead of building them from `app.config` (tests, benchmarks). */
  services?: AiServices;
}

/**
 * Decorates `app.ai` with the LLM router, the message classifier and the embedder. The anchors are
 * embedded at start-up when that is cheap (the local embedder); a remote embedder embeds them on
 * the first message instead, so a vendor outage never blocks start-up. With REDIS_URL the LLM
 * circuit breakers share their state through Redis.
 */
export const aiPlugin = fp<AiPluginOptions>(
  async (app, options) => {
    const services = options.services ?? createAiServices(app.config, app.log, sharedState(app));
    if (services.embedder.id.startsWith('local')) await services.classifier.warmUp();
    app.decorate('ai', services);
  },
  { name: 'ai', decorators: { fastify: ['config'] } },
);

/** With REDIS_URL, a client of its own for the circuit breakers, closed with the app. */
function sharedState(app: FastifyInstance) {
  if (!app.config.REDIS_URL) return {};
  const redis = connectBreakerRedis(app.config.REDIS_URL);
  app.addHook('onClose', async () => void redis.disconnect());
  return { redis };
}
