import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import type { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createAiServices, type AiServices } from '../../src/ai';
import { connectBreakerRedis } from '../../src/ai/circuit-breaker';
import type { GenerateRequest } from '../../src/ai/types';
import { loadEnv } from '../../src/config/env';
import { guardOutboundFetch, startLlmStandIn, type LlmStandIn } from '../helpers/llm-stand-in';
import { databaseKind } from '../helpers/test-app';

// The circuit breaker through the real router and the real AI SDK client, against the stand-in
// refusing, hanging or failing, then recovering; shared through the real Redis at 127.0.0.1:6379.
// The breakers' clock is injected, so a cool-down passes at once. Nothing here touches the
// database, so it runs on PGlite only. The breaker in the app (a chat turn, then /health) is tested
// in ../health.test.ts.

const REDIS_URL = 'redis://127.0.0.1:6379';
const QUESTION = 'How do I compute the determinant of a 3x3 matrix with numpy?';
const COOLDOWN_MS = 30_000;

let standIn: LlmStandIn;
let guard: ReturnType<typeof guardOutboundFetch>;

interface LogEntry {
  level: 'info' | 'warn';
  object: Record<string, unknown>;
  message: string;
}

function capturingLog() {
  const entries: LogEntry[] = [];
  const add = (level: LogEntry['level']) => (object: object, message: string) =>
    entries.push({ level, object: object as Record<string, unknown>, message });
  return { entries, info: add('info'), warn: add('warn') };
}

/** `LLM_PROVIDERS=openai,offline` against the stand-in, with a test clock for the breakers. */
function instance(
  overrides: Record<string, string>,
  options: { redis?: Redis; breakerKeyPrefix?: string; clock?: { now: number } } = {},
) {
  const clock = options.clock ?? { now: Date.now() };
  const log = capturingLog();
  const env = loadEnv({
    LLM_PROVIDERS: 'openai,offline',
    OPENAI_API_KEY: 'sk-openai-test',
    OPENAI_BASE_URL: standIn.baseUrl,
    OPENAI_MODEL: 'gpt-test',
    LLM_TIMEOUT_MS: '1500', // generous: a loaded CI machine is slow to the first token too
    LLM_BREAKER_FAILURES: '2',
    LLM_BREAKER_COOLDOWN_MS: String(COOLDOWN_MS),
    ...overrides,
  });
  const { redis, breakerKeyPrefix } = options;
  const services = createAiServices(env, log, { redis, breakerKeyPrefix, now: () => clock.now });
  return { ...services, clock, log, turn: (signal?: AbortSignal) => turn(services, signal) };
}

/** One tutor turn: who answered and the answer. */
async function turn(services: AiServices, signal = new AbortController().signal) {
  let answeredBy = '';
  const request: GenerateRequest = {
    system: 'You are a tutor.',
    messages: [{ role: 'user', content: QUESTION }],
    hintLevel: 2,
    material: { question: QUESTION, programmingLevel: 3, mathsLevel: 3 },
    signal,
    onProvider: (provider) => (answeredBy = provider.id),
  };
  let text = '';
  for await (const piece of services.router.stream(request)) text += piece;
  return { answeredBy, text };
}

const stateOf = async (services: AiServices) => (await services.breakers.snapshots())[0];

/** The router's record of each try of the vendor that failed (refused attempts never reach it). */
const failedAttempts = (log: ReturnType<typeof capturingLog>) =>
  log.entries.filter((entry) => entry.message === 'LLM provider failed before its first token');

async function sharedRedis(): Promise<Redis> {
  const redis = connectBreakerRedis(REDIS_URL);
  await once(redis, 'ready');
  return redis;
}

async function deleteKeys(redis: Redis, prefix: string) {
  const keys = await redis.keys(`${prefix}*`);
  if (keys.length > 0) await redis.del(...keys);
}

describe.skipIf(databaseKind() === 'postgres')('LLM circuit breaker', () => {
  beforeAll(async () => {
    (globalThis as { AI_SDK_LOG_WARNINGS?: boolean }).AI_SDK_LOG_WARNINGS = false;
    guard = guardOutboundFetch();
    standIn = await startLlmStandIn();
  });
  afterEach(async () => {
    await standIn.acceptConnections();
    standIn.reset();
  });
  afterAll(async () => {
    guard.restore();
    await standIn.close();
    expect(guard.blocked).toEqual([]);
  });

  it('opens on a vendor refusing connections, skips it, and closes when a probe is answered', async () => {
    const ai = instance({ LLM_MAX_RETRIES: '1' });
    await standIn.refuseConnections();
    for (let i = 0; i < 2; i++) expect((await ai.turn()).answeredBy).toBe('offline');
    expect(failedAttempts(ai.log)).toHaveLength(4); // two turns of a try and a retry
    expect(await stateOf(ai)).toMatchObject({ state: 'open', failures: 2 });

    const skipped = await ai.turn();
    expect(skipped.answeredBy).toBe('offline');
    expect(skipped.text.toLowerCase()).toContain('determinant');
    expect(failedAttempts(ai.log)).toHaveLength(4); // no try, no retry, no wait

    await standIn.acceptConnections();
    standIn.script('openai', { reply: 'The vendor is back.' });
    expect((await ai.turn()).answeredBy).toBe('offline'); // back, but the cool-down is not over
    expect(standIn.requestsTo('openai')).toHaveLength(0);
    ai.clock.now += COOLDOWN_MS;
    expect(await ai.turn()).toEqual({ answeredBy: 'openai:gpt-test', text: 'The vendor is back.' });
    expect(await ai.turn()).toEqual({ answeredBy: 'openai:gpt-test', text: 'The vendor is back.' });
    expect(standIn.requestsTo('openai')).toHaveLength(2);
    expect(await stateOf(ai)).toEqual({
      providerId: 'openai:gpt-test',
      state: 'closed',
      failures: 0,
      openUntil: null,
    });
    const changes = ai.log.entries.filter((entry) => entry.message.includes('circuit breaker'));
    expect(changes.map((entry) => [entry.level, entry.object])).toEqual([
      ['warn', { provider: 'openai:gpt-test', failures: 2, open_until: expect.any(String) }],
      ['info', { provider: 'openai:gpt-test' }],
      ['info', { provider: 'openai:gpt-test' }],
    ]);
    expect(changes.map((entry) => entry.message).join(' ')).toMatch(/open.*half-open.*closed/);
    expect(JSON.stringify(ai.log.entries)).not.toMatch(/determinant|tutor/i);
  });

  it('on a vendor that hangs: one probe among simultaneous turns, and a still-failing probe re-opens it', async () => {
    const ai = instance({ LLM_MAX_RETRIES: '0', LLM_TIMEOUT_MS: '400' });
    standIn.script('openai', { hang: true });
    for (let i = 0; i < 2; i++) expect((await ai.turn()).answeredBy).toBe('offline');
    expect(standIn.requestsTo('openai')).toHaveLength(2);
    expect((await ai.turn()).answeredBy).toBe('offline');
    expect(standIn.requestsTo('openai')).toHaveLength(2);

    ai.clock.now += COOLDOWN_MS;
    const together = await Promise.all([ai.turn(), ai.turn(), ai.turn()]);
    expect(together.map((answer) => answer.answeredBy)).toEqual(['offline', 'offline', 'offline']);
    expect(standIn.requestsTo('openai')).toHaveLength(3); // exactly one probe
    expect(await stateOf(ai)).toMatchObject({
      state: 'open',
      failures: 3,
      openUntil: ai.clock.now + COOLDOWN_MS,
    });
    expect(ai.log.entries.at(-1)?.message).toBe('LLM circuit breaker open again: the probe failed');
    expect((await ai.turn()).answeredBy).toBe('offline');
    expect(standIn.requestsTo('openai')).toHaveLength(3);
  });

  it('gives the probe back when the student stops it, so the next turn probes', async () => {
    const ai = instance({ LLM_MAX_RETRIES: '0' });
    standIn.script('openai', { status: 503 }, { status: 503 }, { hang: true }, { reply: 'Back.' });
    for (let i = 0; i < 2; i++) await ai.turn();
    ai.clock.now += COOLDOWN_MS;
    const stop = new AbortController();
    const stopped = ai.turn(stop.signal);
    await expect.poll(() => standIn.requestsTo('openai').length).toBe(3);
    stop.abort();
    expect(await stopped).toEqual({ answeredBy: '', text: '' });
    expect(await ai.turn()).toEqual({ answeredBy: 'openai:gpt-test', text: 'Back.' });
    expect((await stateOf(ai))?.state).toBe('closed');
  });

  it('shares the open state between two instances through Redis', async () => {
    const prefix = `test:llm-breaker:${randomUUID()}:`;
    const [redisA, redisB] = [await sharedRedis(), await sharedRedis()];
    try {
      const clock = { now: Date.now() };
      const a = instance(
        { LLM_MAX_RETRIES: '0' },
        { redis: redisA, breakerKeyPrefix: prefix, clock },
      );
      const b = instance(
        { LLM_MAX_RETRIES: '0' },
        { redis: redisB, breakerKeyPrefix: prefix, clock },
      );
      standIn.script('openai', { status: 503 });
      await a.turn();
      await b.turn();
      expect(standIn.requestsTo('openai')).toHaveLength(2);
      for (const ai of [a, b])
        expect(await stateOf(ai)).toMatchObject({ state: 'open', failures: 2 });
      // Exactly one of the two logged the opening.
      const openings = [...a.log.entries, ...b.log.entries].filter((entry) =>
        entry.message.startsWith('LLM circuit breaker open:'),
      );
      expect(openings).toHaveLength(1);
      expect((await b.turn()).answeredBy).toBe('offline');
      expect((await a.turn()).answeredBy).toBe('offline');
      expect(standIn.requestsTo('openai')).toHaveLength(2);
      expect(await redisA.pttl(`${prefix}openai:gpt-test:open-until`)).toBeGreaterThan(COOLDOWN_MS);

      clock.now += COOLDOWN_MS;
      standIn.script('openai', { hang: true }, { reply: 'Back.' });
      const [fromA, fromB] = await Promise.all([a.turn(), b.turn()]);
      expect([fromA.answeredBy, fromB.answeredBy]).toEqual(['offline', 'offline']);
      expect(standIn.requestsTo('openai')).toHaveLength(3); // one probe over both instances
      clock.now += COOLDOWN_MS;
      expect((await b.turn()).answeredBy).toBe('openai:gpt-test');
      expect((await a.turn()).answeredBy).toBe('openai:gpt-test');
      expect(await stateOf(a)).toMatchObject({ state: 'closed', failures: 0 });
    } finally {
      await deleteKeys(redisA, prefix);
      redisA.disconnect();
      redisB.disconnect();
    }
  });

  it('keeps working on the local state when Redis fails, and says so once', async () => {
    const unreachable = connectBreakerRedis('redis://127.0.0.1:1');
    try {
      const ai = instance({ LLM_MAX_RETRIES: '0' }, { redis: unreachable });
      standIn.script('openai', { status: 503 });
      for (let i = 0; i < 3; i++) expect((await ai.turn()).answeredBy).toBe('offline');
      expect(standIn.requestsTo('openai')).toHaveLength(2);
      expect(await stateOf(ai)).toMatchObject({ state: 'open', failures: 2 });
      const redisLogs = ai.log.entries.filter((entry) => entry.message.includes('Redis'));
      expect(redisLogs).toEqual([
        expect.objectContaining({
          level: 'warn',
          message:
            'LLM circuit breakers: Redis failed, keeping the state in this instance meanwhile',
        }),
      ]);
    } finally {
      unreachable.disconnect();
    }
  });
});
