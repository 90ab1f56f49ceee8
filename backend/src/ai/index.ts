import type { Env } from '../config/env';
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
}

export function createEmbedder(env: Env): Embedder {
  if (env.EMBEDDING_PROVIDER === 'local') {
    const local = createLocalEmbedder();
    return { ...local, thresholds: parseThresholds(env.EMBEDDING_THRESHOLDS, LOCAL_THRESHOLDS) };
  }
  return createRemoteEmbedder(env);
}

/** The AI layer from configuration: providers with failover, the embedder and the pre-filter. */
export function createAiServices(env: Env, log: AiLogger): AiServices {
  const providers = createProviders(env);
  const router = createLlmRouter(providers, {
    timeoutMs: env.LLM_TIMEOUT_MS,
    maxRetries: env.LLM_MAX_RETRIES,
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
  return { router, classifier, embedder };
}
