import { createCohere } from '@ai-sdk/cohere';
import { createGoogleGenerativeAI } from '@ai-sdk/google';
import { createOpenAI } from '@ai-sdk/openai';
import { createOpenAICompatible } from '@ai-sdk/openai-compatible';
import { type EmbeddingModel, embedMany } from 'ai';
import type { Env } from '../../config/env';
import type { Embedder, EmbeddingThresholds } from '../types';

/**
 * Starting thresholds for remote embedding models. Each model has its own similarity scale
 * (OpenAI's text-embedding-3 rarely goes below 0.1 between unrelated texts; nomic-embed-text sits
 * higher), so these are conservative values in the spirit of the local embedder's calibration
 * (lenient off-topic, strict greeting). They have not been calibrated here, since no vendor is
 * reachable: run ai/prefilter/calibration/cli.ts against the model and set
 * EMBEDDING_THRESHOLDS to what it suggests.
 */
export const REMOTE_DEFAULT_THRESHOLDS: Record<string, EmbeddingThresholds> = {
  openai: {
    greeting: 0.6,
    offTopic: 0.2,
    sameProblem: 0.45,
    elaboration: 0.5,
    elaborationMaxTopic: 0.35,
  },
  cohere: {
    greeting: 0.6,
    offTopic: 0.2,
    sameProblem: 0.45,
    elaboration: 0.5,
    elaborationMaxTopic: 0.35,
  },
  google: {
    greeting: 0.7,
    offTopic: 0.45,
    sameProblem: 0.65,
    elaboration: 0.7,
    elaborationMaxTopic: 0.6,
  },
  voyage: {
    greeting: 0.65,
    offTopic: 0.3,
    sameProblem: 0.5,
    elaboration: 0.6,
    elaborationMaxTopic: 0.45,
  },
  'openai-compatible': {
    greeting: 0.7,
    offTopic: 0.4,
    sameProblem: 0.6,
    elaboration: 0.65,
    elaborationMaxTopic: 0.55,
  },
};

/**
 * Vendors that embed queries and documents differently are told that both sides are the same
 * kind of short text being compared with each other.
 */
const SYMMETRIC_SIMILARITY: Record<string, Parameters<typeof embedMany>[0]['providerOptions']> = {
  cohere: { cohere: { inputType: 'classification' } },
  google: { google: { taskType: 'SEMANTIC_SIMILARITY' } },
};

const DEFAULT_MODELS: Record<string, string> = {
  openai: 'text-embedding-3-small',
  cohere: 'embed-english-v3.0',
  google: 'gemini-embedding-001',
  voyage: 'voyage-3.5-lite',
  'openai-compatible': 'nomic-embed-text',
};

function remoteModel(env: Env, provider: string, model: string): EmbeddingModel {
  switch (provider) {
    case 'openai':
      return createOpenAI({
        apiKey: env.OPENAI_API_KEY,
        baseURL: env.EMBEDDING_BASE_URL ?? env.OPENAI_BASE_URL,
      }).embedding(model);
    case 'cohere':
      return createCohere({
        apiKey: env.COHERE_API_KEY,
        baseURL: env.EMBEDDING_BASE_URL,
      }).embedding(model);
    case 'google':
      return createGoogleGenerativeAI({
        apiKey: env.GOOGLE_API_KEY,
        baseURL: env.EMBEDDING_BASE_URL,
      }).embedding(model);
    case 'voyage':
      // Voyage's /v1/embeddings takes {input, model} and answers {data: [{embedding}]} like
      // OpenAI's, but rejects encoding_format "float", which the compatible client sends.
      return createOpenAICompatible({
        name: 'voyage',
        baseURL: env.EMBEDDING_BASE_URL ?? 'https://api.voyageai.com/v1',
        apiKey: env.VOYAGE_API_KEY,
        fetch: withoutEncodingFormat,
      }).embeddingModel(model);
    default:
      return createOpenAICompatible({
        name: 'openai-compatible',
        baseURL: env.EMBEDDING_BASE_URL ?? '',
        apiKey: env.OPENAI_COMPATIBLE_API_KEY,
      }).embeddingModel(model);
  }
}

const withoutEncodingFormat: typeof fetch = (input, init) => {
  if (init && typeof init.body === 'string') {
    const body = JSON.parse(init.body) as Record<string, unknown>;
    delete body.encoding_format;
    return fetch(input, { ...init, body: JSON.stringify(body) });
  }
  return fetch(input, init);
};

/**
 * Every key EMBEDDING_THRESHOLDS may set: the embedder's own, and the pre-filter's off-topic rule
 * (`offTopicMatch`, `offTopicMargin`, as the calibration prints them).
 */
const THRESHOLD_KEYS = [
  'greeting',
  'offTopic',
  'sameProblem',
  'elaboration',
  'elaborationMaxTopic',
  'offTopicMatch',
  'offTopicMargin',
] as const;

/** `base` with the values of EMBEDDING_THRESHOLDS (JSON); an unknown key or a non-number throws. */
export function parseThresholds(
  json: string | undefined,
  base: EmbeddingThresholds,
): EmbeddingThresholds {
  if (!json) return base;
  const parsed = JSON.parse(json) as Record<string, unknown>;
  const result: EmbeddingThresholds & Record<string, number | undefined> = { ...base };
  for (const [key, value] of Object.entries(parsed)) {
    if (!(THRESHOLD_KEYS as readonly string[]).includes(key)) {
      throw new Error(
        `EMBEDDING_THRESHOLDS.${key} is not a threshold (known: ${THRESHOLD_KEYS.join(', ')})`,
      );
    }
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      throw new Error(`EMBEDDING_THRESHOLDS.${key} must be a number`);
    }
    result[key] = value;
  }
  return result;
}

/** An embedder over the AI SDK's embedMany, with the model's own thresholds. */
export function createRemoteEmbedder(env: Env): Embedder {
  const provider = env.EMBEDDING_PROVIDER;
  const model = env.EMBEDDING_MODEL ?? DEFAULT_MODELS[provider] ?? '';
  const embeddingModel = remoteModel(env, provider, model);
  const base =
    REMOTE_DEFAULT_THRESHOLDS[provider] ??
    (REMOTE_DEFAULT_THRESHOLDS.openai as EmbeddingThresholds);
  return {
    id: `${provider}:${model}`,
    thresholds: parseThresholds(env.EMBEDDING_THRESHOLDS, base),
    async embed(texts, signal) {
      if (texts.length === 0) return [];
      // No retries and a firm timeout: the pre-filter runs before the first token, and the
      // classifier falls back to the local embedder rather than keep the student waiting.
      const timeout = AbortSignal.timeout(env.EMBEDDING_TIMEOUT_MS);
      const { embeddings } = await embedMany({
        model: embeddingModel,
        values: texts,
        abortSignal: signal ? AbortSignal.any([signal, timeout]) : timeout,
        maxRetries: 0,
        providerOptions: SYMMETRIC_SIMILARITY[provider],
      });
      return embeddings;
    },
  };
}
