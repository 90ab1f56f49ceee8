import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createAiServices } from '../../src/ai';
import {
  AllProvidersFailedError,
  StreamInterruptedError,
  type GenerateRequest,
  type LlmRouter,
} from '../../src/ai/types';
import { loadEnv } from '../../src/config/env';
import {
  guardOutboundFetch,
  startLlmStandIn,
  tokensOf,
  type LlmStandIn,
} from '../helpers/llm-stand-in';

// The real AI SDK provider code (Anthropic, OpenAI, OpenAI-compatible) against a local stand-in
// speaking each vendor's streaming wire format. Any non-loopback request fails the suite.

let standIn: LlmStandIn;
let guard: ReturnType<typeof guardOutboundFetch>;
const silent = { info() {}, warn() {} };

beforeAll(async () => {
  (globalThis as { AI_SDK_LOG_WARNINGS?: boolean }).AI_SDK_LOG_WARNINGS = false;
  guard = guardOutboundFetch();
  standIn = await startLlmStandIn();
});
afterEach(() => standIn.reset());
afterAll(async () => {
  guard.restore();
  await standIn.close();
  expect(guard.blocked).toEqual([]);
});

function routerFor(providers: string, overrides: Record<string, string> = {}): LlmRouter {
  const env = loadEnv({
    LLM_PROVIDERS: providers,
    ANTHROPIC_API_KEY: 'sk-ant-test',
    ANTHROPIC_BASE_URL: standIn.baseUrl,
    ANTHROPIC_MODEL: 'claude-test',
    OPENAI_API_KEY: 'sk-openai-test',
    OPENAI_BASE_URL: standIn.baseUrl,
    OPENAI_MODEL: 'gpt-test',
    GOOGLE_API_KEY: 'g-test',
    GOOGLE_BASE_URL: standIn.baseUrl,
    GOOGLE_MODEL: 'gemini-test',
    OPENAI_COMPATIBLE_BASE_URL: standIn.baseUrl,
    OPENAI_COMPATIBLE_MODEL: 'llama-test',
    LLM_TIMEOUT_MS: '1500', // generous: a loaded CI machine is slow to the first token too
    LLM_MAX_RETRIES: '1',
    ...overrides,
  });
  return createAiServices(env, silent).router;
}

function request(signal = new AbortController().signal): GenerateRequest {
  return {
    system: 'You are a tutor.',
    messages: [{ role: 'user', content: 'What is a determinant?' }],
    hintLevel: 2,
    material: { question: 'What is a determinant?', programmingLevel: 3, mathsLevel: 3 },
    signal,
  };
}

async function collect(router: LlmRouter, req = request()): Promise<string[]> {
  const pieces: string[] = [];
  for await (const piece of router.stream(req)) pieces.push(piece);
  return pieces;
}

const REPLY = 'The determinant measures how a matrix scales volume.';

describe('LLM providers through the AI SDK', () => {
  it('streams an OpenAI chat completion token by token', async () => {
    standIn.script('openai', { reply: REPLY, tokenDelayMs: 5 });
    const router = routerFor('openai');
    expect(router.offline).toBe(false);
    const pieces = await collect(router);
    expect(pieces).toEqual(tokensOf(REPLY));
    const [sent] = standIn.requestsTo('openai');
    expect(sent?.headers.authorization).toBe('Bearer sk-openai-test');
    expect(sent?.body).toMatchObject({ model: 'gpt-test', stream: true });
    expect(sent?.body.messages).toEqual([
      { role: 'system', content: 'You are a tutor.' },
      { role: 'user', content: 'What is a determinant?' },
    ]);
  });

  it('streams an Anthropic message token by token', async () => {
    standIn.script('anthropic', { reply: REPLY });
    const pieces = await collect(routerFor('anthropic'));
    expect(pieces.join('')).toBe(REPLY);
    expect(pieces.length).toBe(tokensOf(REPLY).length);
    const [sent] = standIn.requestsTo('anthropic');
    expect(sent?.headers['x-api-key']).toBe('sk-ant-test');
    expect(sent?.body).toMatchObject({
      model: 'claude-test',
      stream: true,
      system: [{ type: 'text', text: 'You are a tutor.' }],
    });
  });

  it('streams a Google Gemini answer token by token', async () => {
    standIn.script('google', { reply: REPLY });
    const pieces = await collect(routerFor('google'));
    expect(pieces).toEqual(tokensOf(REPLY));
    const [sent] = standIn.requestsTo('google');
    expect(sent?.path).toBe('/v1/models/gemini-test:streamGenerateContent');
    expect(sent?.headers['x-goog-api-key']).toBe('g-test');
    expect(sent?.body).toMatchObject({
      systemInstruction: { parts: [{ text: 'You are a tutor.' }] },
    });
  });

  it('fails over from Google on a 503 and on a dropped stream throws StreamInterruptedError', async () => {
    standIn.script('google', { status: 503 });
    standIn.script('openai', { reply: REPLY });
    expect((await collect(routerFor('google,openai', { LLM_MAX_RETRIES: '0' }))).join('')).toBe(
      REPLY,
    );
    standIn.script('google', { reply: REPLY, dropAfter: 2 });
    const pieces: string[] = [];
    await expect(async () => {
      for await (const piece of routerFor('google,openai').stream(request())) pieces.push(piece);
    }).rejects.toBeInstanceOf(StreamInterruptedError);
    expect(pieces).toEqual(tokensOf(REPLY).slice(0, 2));
  });

  it('streams from an OpenAI-compatible server (Ollama, vLLM, LM Studio)', async () => {
    standIn.script('openai', { reply: 'From a local model.' });
    expect((await collect(routerFor('openai-compatible'))).join('')).toBe('From a local model.');
    expect(standIn.requestsTo('openai')[0]?.body.model).toBe('llama-test');
  });

  it('retries a 500 with backoff, then fails over to the next provider', async () => {
    standIn.script('anthropic', { status: 500 });
    standIn.script('openai', { reply: REPLY });
    const pieces = await collect(routerFor('anthropic,openai'));
    expect(pieces.join('')).toBe(REPLY);
    expect(standIn.requestsTo('anthropic')).toHaveLength(2); // first try + LLM_MAX_RETRIES=1
    expect(standIn.requestsTo('openai')).toHaveLength(1);
  });

  it('retries a 429 on the same provider and succeeds there', async () => {
    standIn.script('openai', { status: 429 }, { reply: REPLY });
    expect((await collect(routerFor('openai,anthropic'))).join('')).toBe(REPLY);
    expect(standIn.requestsTo('openai')).toHaveLength(2);
    expect(standIn.requestsTo('anthropic')).toHaveLength(0);
  });

  it('does not retry a non-retryable 401 but moves straight to the next provider', async () => {
    standIn.script('anthropic', { status: 401 });
    standIn.script('openai', { reply: REPLY });
    expect((await collect(routerFor('anthropic,openai'))).join('')).toBe(REPLY);
    expect(standIn.requestsTo('anthropic')).toHaveLength(1);
  });

  it('fails over when a provider hangs past the first-token timeout', async () => {
    standIn.script('anthropic', { hang: true });
    standIn.script('openai', { reply: REPLY });
    const started = Date.now();
    const pieces = await collect(routerFor('anthropic,openai', { LLM_MAX_RETRIES: '0' }));
    expect(pieces.join('')).toBe(REPLY);
    expect(Date.now() - started).toBeGreaterThanOrEqual(400);
    expect(Date.now() - started).toBeLessThan(3000);
    // The hung request was abandoned: its connection is closed, not left open.
    await expect.poll(() => standIn.requestsTo('anthropic')[0]?.closedEarly).toBe(true);
  });

  it('fails over when the headers arrive but no token does', async () => {
    standIn.script('openai', { hangAfterHeaders: true });
    standIn.script('anthropic', { reply: REPLY });
    expect((await collect(routerFor('openai,anthropic', { LLM_MAX_RETRIES: '0' }))).join('')).toBe(
      REPLY,
    );
  });

  it('throws StreamInterruptedError after delivering the partial answer when the stream drops', async () => {
    standIn.script('openai', { reply: REPLY, dropAfter: 3 });
    standIn.script('anthropic', { reply: 'Never used.' });
    const pieces: string[] = [];
    let caught: unknown;
    try {
      for await (const piece of routerFor('openai,anthropic').stream(request())) pieces.push(piece);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(StreamInterruptedError);
    expect((caught as StreamInterruptedError).providerId).toBe('openai:gpt-test');
    expect(pieces).toEqual(tokensOf(REPLY).slice(0, 3));
    // Never a half-answer continued by another vendor.
    expect(standIn.requestsTo('anthropic')).toHaveLength(0);
    expect(standIn.requestsTo('openai')).toHaveLength(1);
  });

  it('throws StreamInterruptedError when an Anthropic stream drops too', async () => {
    standIn.script('anthropic', { reply: REPLY, dropAfter: 2 });
    const pieces: string[] = [];
    await expect(async () => {
      for await (const piece of routerFor('anthropic').stream(request())) pieces.push(piece);
    }).rejects.toBeInstanceOf(StreamInterruptedError);
    expect(pieces.join('')).toBe(tokensOf(REPLY).slice(0, 2).join(''));
  });

  it('throws AllProvidersFailedError with every cause when all providers fail', async () => {
    standIn.script('anthropic', { status: 503 });
    standIn.script('openai', { status: 500 });
    let caught: unknown;
    try {
      await collect(routerFor('anthropic,openai'));
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(AllProvidersFailedError);
    expect((caught as AllProvidersFailedError).causes).toHaveLength(4);
  });

  it('fails over on a refused connection', async () => {
    standIn.script('openai', { reply: REPLY });
    const router = routerFor('anthropic,openai', {
      ANTHROPIC_BASE_URL: 'http://127.0.0.1:9/v1',
      LLM_MAX_RETRIES: '0',
    });
    expect((await collect(router)).join('')).toBe(REPLY);
  });

  it('uses the offline tutor listed as the last resort', async () => {
    standIn.script('openai', { status: 500 });
    const pieces = await collect(routerFor('openai,offline', { LLM_MAX_RETRIES: '0' }));
    expect(pieces.join('')).toContain('determinant');
    expect(pieces.length).toBeGreaterThan(10);
  });

  it('stops the vendor stream when the student presses stop', async () => {
    standIn.script('openai', { reply: REPLY, tokenDelayMs: 30 });
    const controller = new AbortController();
    const pieces: string[] = [];
    for await (const piece of routerFor('openai').stream(request(controller.signal))) {
      pieces.push(piece);
      if (pieces.length === 2) controller.abort();
    }
    expect(pieces).toHaveLength(2);
    await expect.poll(() => standIn.requestsTo('openai')[0]?.closedEarly).toBe(true);
  });

  it('complete() returns a short answer, and null when it cannot make the deadline', async () => {
    standIn.script('openai', { reply: '3' });
    const router = routerFor('openai');
    expect(
      await router.complete({ system: 'Rate 1-5.', prompt: 'What is 2+2?', timeoutMs: 1000 }),
    ).toBe('3');
    standIn.script('openai', { hang: true });
    const started = Date.now();
    expect(
      await router.complete({ system: 'Rate 1-5.', prompt: 'What is 2+2?', timeoutMs: 150 }),
    ).toBeNull();
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('complete() is null with only the offline tutor', async () => {
    const router = routerFor('');
    expect(router.offline).toBe(true);
    expect(router.primaryLabel).toBe('Offline tutor');
    expect(await router.complete({ system: '', prompt: 'x', timeoutMs: 100 })).toBeNull();
  });
});
