import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, tokens } from './chat/socket-client';
import { buildUser } from './helpers/factories';
import { guardOutboundFetch, startLlmStandIn, type LlmStandIn } from './helpers/llm-stand-in';
import { createTestApp, databaseKind } from './helpers/test-app';

describe('GET /health', () => {
  // The tutor is `openai,offline` with the vendor played by the stand-in, so /health has an LLM
  // circuit breaker to show.
  let app: FastifyInstance;
  let standIn: LlmStandIn;
  let guard: ReturnType<typeof guardOutboundFetch>;
  beforeAll(async () => {
    (globalThis as { AI_SDK_LOG_WARNINGS?: boolean }).AI_SDK_LOG_WARNINGS = false;
    guard = guardOutboundFetch();
    standIn = await startLlmStandIn();
    app = await createTestApp({
      env: {
        LLM_PROVIDERS: 'openai,offline',
        OPENAI_API_KEY: 'sk-openai-test',
        OPENAI_BASE_URL: standIn.baseUrl,
        LLM_TIMEOUT_MS: '1500',
        LLM_MAX_RETRIES: '0',
        LLM_BREAKER_FAILURES: '1',
      },
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    await app.close();
    await standIn.close();
    guard.restore();
    expect(guard.blocked).toEqual([]);
  });

  it('reports the app and the database', async () => {
    const response = await app.inject({ method: 'GET', url: '/health' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      status: 'healthy',
      database: { status: 'up', kind: databaseKind() },
    });
  });

  it('answers unknown API routes with the one error format', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/nothing-here' });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toEqual({
      error: { code: 'not_found', message: 'No route for GET /api/nothing-here' },
    });
  });

  it('sends security headers', async () => {
    const response = await app.inject({ method: 'GET', url: '/health' });
    expect(response.headers['content-security-policy']).toContain("default-src 'self'");
    expect(response.headers['x-content-type-options']).toBe('nosniff');
  });

  it('shows an LLM provider skipped by its open circuit breaker, still healthy', async () => {
    const before = await app.inject({ method: 'GET', url: '/health' });
    expect(before.json().llm).toEqual({
      providers: [{ id: 'openai:gpt-4o-mini', state: 'closed', failures: 0, open_until: null }],
    });

    standIn.script('openai', { status: 500 });
    const student = await buildUser(app, { username: 'ada_breaker' });
    const socket = await connect(app, `/ws/chat?token=${student.accessToken}`);
    try {
      const question = 'How do I compute the determinant of a 3x3 matrix with numpy?';
      const first = await socket.turn({ content: question });
      expect(first.at(-1)).toMatchObject({ type: 'done', offline: true });
      expect(standIn.requestsTo('openai')).toHaveLength(1);

      const health = await app.inject({ method: 'GET', url: '/health' });
      expect(health.statusCode).toBe(200);
      expect(health.json().status).toBe('healthy');
      const [breaker] = health.json().llm.providers;
      expect(breaker).toMatchObject({ id: 'openai:gpt-4o-mini', state: 'open', failures: 1 });
      expect(Date.parse(breaker.open_until)).toBeGreaterThan(Date.now());

      const second = await socket.turn({ content: 'And how do I invert that matrix?' });
      expect(second.at(-1)).toMatchObject({ type: 'done', offline: true });
      expect(tokens(second).length).toBeGreaterThan(0);
      expect(standIn.requestsTo('openai')).toHaveLength(1); // skipped: no request
    } finally {
      await socket.close();
    }
  });
});
