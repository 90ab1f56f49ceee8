import type { Redis } from 'ioredis';
import type { Env } from '../config/env';
import { createProviderBreakers, type ProviderBreakers } from './circuit-breaker';
import { createMessageClassifier, type PrefilterClassifier } from './prefilter/classifier';
import { withLocalFallback } from './prefilter/resilient-classifier';
import { withEmbeddingCache } from './embeddings/cached-embedder';
import { createLocalEmbedder, LOCAL_THRESHOLDS } from './embeddings/local/local-embedder';
import { createRemoteEmbedder, parseThresholds } from './embeddings/remote-embedders';
import { createProviders } from './providers/models';
import { createLlmRouter } from './router';
import type { Embedder, LlmRouter } from './types';

export interface AiLogger {
  info(object: object, message: string): void;
  warn(object: object, message: string): void;
}

export interface AiServices {
  router: LlmRouter;
  classifier: PrefilterClassifier;
  embedder: Embedder;
  /** Each online provider's circuit breaker (for `GET /health`). */
  breakers: ProviderBreakers;
}

export interface AiServicesOptions {
  /** Shares the circuit breakers' state between instances. */
  redis?: Redis;
  /** Prefix of the breakers' Redis keys (tests use their own). */
  breakerKeyPrefix?: string;
  /** The breakers' clock (tests). */
  now?: () => number;
}

export function createEmbedder(env: Env): Embedder {
  if (env.EMBEDDING_PROVIDER === 'local') {
    const local = createLocalEmbedder();
    return { ...local, thresholds: parseThresholds(env.EMBEDDING_THRESHOLDS, LOCAL_THRESHOLDS) };
  }
  return createRemoteEmbedder(env);
}

/** The AI layer from configuration: providers with failover, the embedder and the pre-filter. */
export function createAiServices(
  env: Env,
  log: AiLogger,
  options: AiServicesOptions = {},
): AiServices {
  const providers = createProviders(env);
  const breakers = createProviderBreakers(providers, {
    settings: {
      failures: env.LLM_BREAKER_FAILURES,
      cooldownMs: env.LLM_BREAKER_COOLDOWN_MS,
      // A probe learns its verdict by its first token, within LLM_TIMEOUT_MS.
      probeLeaseMs: env.LLM_TIMEOUT_MS + 5_000,
    },
    log,
    redis: options.redis,
    keyPrefix: options.breakerKeyPrefix,
    now: options.now,
  });
  const router = createLlmRouter(providers, {
    timeoutMs: env.LLM_TIMEOUT_MS,
    maxRetries: env.LLM_MAX_RETRIES,
    breakers,
    log,
  });
  const embedder = withEmbeddingCache(createEmbedder(env));
  const primary = createMessageClassifier(embedder);
  const classifier =
    env.EMBEDDING_PROVIDER === 'local'
      ? primary
      : withLocalFallback(
          primary,
          createMessageClassifier(withEmbeddingCache(createLocalEmbedder())),
          log,
        );
  log.info(
    { providers: providers.map((provider) => provider.id), embedder: embedder.id },
    providers.every((provider) => provider.offline)
      ? 'AI: built-in offline tutor only'
      : 'AI providers configured',
  );
  return { router, classifier, embedder, breakers };
}
