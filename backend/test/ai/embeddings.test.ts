import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createAiServices } from '../../src/ai';
import { AllProvidersFailedError } from '../../src/ai/types';
import { offTopicRule } from '../../src/ai/prefilter/thresholds';
import { loadEnv } from '../../src/config/env';
import {
  guardOutboundFetch,
  hashEmbedding,
  startLlmStandIn,
  type LlmStandIn,
} from '../helpers/llm-stand-in';

// Remote embedders through the AI SDK's embedMany, against the stand-in's OpenAI-style
// /v1/embeddings endpoint, and the outbound guard itself.

let standIn: LlmStandIn;
let guard: ReturnType<typeof guardOutboundFetch>;
const silent = { info() {}, warn() {} };

beforeAll(async () => {
  guard = guardOutboundFetch();
  standIn = await startLlmStandIn();
});
afterEach(() => standIn.reset());
afterAll(async () => {
  guard.restore();
  await standIn.close();
  expect(guard.blocked).toEqual([]);
});

function services(overrides: Record<string, string>) {
  return createAiServices(
    loadEnv({
      OPENAI_API_KEY: 'sk-openai-test',
      VOYAGE_API_KEY: 'pa-voyage-test',
      EMBEDDING_BASE_URL: standIn.baseUrl,
      ...overrides,
    }),
    silent,
  );
}

describe('remote embedders', () => {
  it('embeds with OpenAI: anchors in one batch, then one call per new message, cached after', async () => {
    const { classifier, embedder } = services({ EMBEDDING_PROVIDER: 'openai' });
    expect(embedder.id).toBe('openai:text-embedding-3-small');
    const first = await classifier.classify({ message: 'How do I invert a matrix?' });
    expect(first.embedderId).toBe('openai:text-embedding-3-small');
    expect(first.embedding).toEqual(hashEmbedding('How do I invert a matrix?'));
    const calls = standIn.requestsTo('embeddings');
    expect(calls.length).toBe(2); // the anchors, and the message (in parallel)
    const batchSizes = calls
      .map((call) => (call.body.input as string[]).length)
      .sort((a, b) => a - b);
    expect(batchSizes[0]).toBe(1);
    expect(batchSizes[1]).toBeGreaterThan(50);
    expect(calls[0]?.headers.authorization).toBe('Bearer sk-openai-test');
    expect(calls[0]?.body.model).toBe('text-embedding-3-small');

    await classifier.classify({ message: 'How do I invert a matrix?' });
    expect(standIn.requestsTo('embeddings')).toHaveLength(2); // cached: no new request
  });

  it("uses the embedder's own thresholds, overridable by EMBEDDING_THRESHOLDS", () => {
    const defaults = services({ EMBEDDING_PROVIDER: 'openai' }).embedder.thresholds;
    expect(defaults.offTopic).toBeGreaterThan(0);
    const tuned = services({
      EMBEDDING_PROVIDER: 'openai',
      EMBEDDING_THRESHOLDS: '{"offTopic":0.31}',
    }).embedder.thresholds;
    expect(tuned).toEqual({ ...defaults, offTopic: 0.31 });
  });

  it('takes the off-topic rule from EMBEDDING_THRESHOLDS as the calibration prints it, and refuses unknown keys', () => {
    const calibrated = services({
      EMBEDDING_PROVIDER: 'openai',
      EMBEDDING_THRESHOLDS: '{"offTopic":0.3,"offTopicMatch":0.22,"offTopicMargin":0.07}',
    }).embedder.thresholds;
    expect(offTopicRule(calibrated)).toEqual({ match: 0.22, margin: 0.07 });
    expect(() =>
      services({ EMBEDDING_PROVIDER: 'openai', EMBEDDING_THRESHOLDS: '{"offtopic":0.3}' }),
    ).toThrow('EMBEDDING_THRESHOLDS.offtopic is not a threshold');
  });

  it('embeds with an OpenAI-compatible server such as Ollama (nomic-embed-text)', async () => {
    const { embedder } = services({
      EMBEDDING_PROVIDER: 'openai-compatible',
      EMBEDDING_MODEL: 'nomic-embed-text',
    });
    const [vector] = await embedder.embed(['eigenvalues of a symmetric matrix']);
    expect(vector).toEqual(hashEmbedding('eigenvalues of a symmetric matrix'));
    expect(standIn.requestsTo('embeddings')[0]?.body).toMatchObject({
      model: 'nomic-embed-text',
      input: ['eigenvalues of a symmetric matrix'],
    });
  });

  it('embeds with Cohere (v2 /embed), as classification inputs', async () => {
    const { embedder } = services({ EMBEDDING_PROVIDER: 'cohere', COHERE_API_KEY: 'co-test' });
    expect(embedder.id).toBe('cohere:embed-english-v3.0');
    const [vector] = await embedder.embed(['a determinant']);
    expect(vector).toEqual(hashEmbedding('a determinant'));
    const [call] = standIn.requestsTo('embeddings');
    expect(call?.path).toBe('/v1/embed');
    expect(call?.headers.authorization).toBe('Bearer co-test');
    expect(call?.body).toMatchObject({
      texts: ['a determinant'],
      input_type: 'classification',
      embedding_types: ['float'],
    });
  });

  it('embeds with Google (batchEmbedContents), for semantic similarity', async () => {
    const { embedder } = services({ EMBEDDING_PROVIDER: 'google', GOOGLE_API_KEY: 'g-test' });
    const vectors = await embedder.embed(['a matrix', 'a vector']);
    expect(vectors).toEqual([hashEmbedding('a matrix'), hashEmbedding('a vector')]);
    const [call] = standIn.requestsTo('embeddings');
    expect(call?.path).toBe('/v1/models/gemini-embedding-001:batchEmbedContents');
    expect(call?.headers['x-goog-api-key']).toBe('g-test');
    expect((call?.body.requests as { taskType?: string }[])[0]?.taskType).toBe(
      'SEMANTIC_SIMILARITY',
    );
  });

  it('embeds with Voyage through its OpenAI-style endpoint, without encoding_format', async () => {
    const { embedder } = services({ EMBEDDING_PROVIDER: 'voyage' });
    expect(embedder.id).toBe('voyage:voyage-3.5-lite');
    await embedder.embed(['a', 'b']);
    const [call] = standIn.requestsTo('embeddings');
    expect(call?.headers.authorization).toBe('Bearer pa-voyage-test');
    expect(call?.body).not.toHaveProperty('encoding_format');
    expect(call?.body.input).toEqual(['a', 'b']);
  });

  it('falls back to the local embedder when the embedding endpoint fails, and recovers after', async () => {
    standIn.script('embeddings', { status: 500 }, { status: 500 }, {});
    const { classifier } = services({ EMBEDDING_PROVIDER: 'openai' });
    const degraded = await classifier.classify({ message: 'best pizza in London' });
    expect(degraded.embedderId).toBe('local-v1');
    expect(degraded.kind).toBe('off_topic');
    const recovered = await classifier.classify({ message: 'What is a vector?' });
    expect(recovered.embedderId).toBe('openai:text-embedding-3-small');
    expect(recovered.embedding).toHaveLength(64);
  });

  it('falls back when the embedding endpoint hangs past EMBEDDING_TIMEOUT_MS', async () => {
    standIn.script('embeddings', { hang: true });
    const { classifier } = services({ EMBEDDING_PROVIDER: 'openai', EMBEDDING_TIMEOUT_MS: '200' });
    const started = Date.now();
    const result = await classifier.classify({ message: 'hello' });
    expect(result).toMatchObject({ embedderId: 'local-v1', kind: 'greeting' });
    expect(Date.now() - started).toBeLessThan(1500);
    expect(classifier.estimateDifficulty(result.embedding)).toMatchObject({
      programming: expect.any(Number),
    });
  });
});

describe('outbound guard', () => {
  it('blocks a provider that would call the real vendor, so no test can reach the internet', async () => {
    const { router } = createAiServices(
      loadEnv({ LLM_PROVIDERS: 'google', GOOGLE_API_KEY: 'g-test', LLM_MAX_RETRIES: '0' }),
      silent,
    );
    const stream = router.stream({
      system: '',
      messages: [{ role: 'user', content: 'hi' }],
      hintLevel: 1,
      material: { question: 'hi', programmingLevel: 3, mathsLevel: 3 },
      signal: new AbortController().signal,
    });
    await expect(async () => {
      for await (const _ of stream) void _;
    }).rejects.toBeInstanceOf(AllProvidersFailedError);
    expect(guard.blocked).toHaveLength(1);
    expect(guard.blocked[0]).toMatch(/^https:\/\/generativelanguage\.googleapis\.com\//);
    guard.blocked.length = 0; // expected here; any other blocked request fails the suite
  });
});
