import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countUsers, createAuthTestApp, uniqueRegistration } from './helpers';

const LIMIT = 3;

function expectTooManyRequests(response: LightMyRequestResponse) {
  expect(response.statusCode).toBe(429);
  const retryAfter = Number(response.headers['retry-after']);
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(retryAfter).toBeLessThanOrEqual(60);
  expect(response.json()).toEqual({
    error: {
      code: 'too_many_requests',
      message: `Too many attempts. Try again in ${retryAfter} seconds.`,
    },
  });
}

/** The same scenarios against the in-process store and, when a redis-server binary exists, Redis. */
function rateLimitSuite(name: string, env: () => Record<string, string>) {
  describe(`auth rate limits (${name})`, () => {
    let app: FastifyInstance;
    beforeAll(async () => {
      app = await createAuthTestApp({
        env: { AUTH_RATE_LIMIT_PER_MINUTE: String(LIMIT), ...env() },
      });
    });
    afterAll(() => app.close());

    const login = (email: string, remoteAddress: string) =>
      app.inject({
        method: 'POST',
        url: '/api/auth/login',
        remoteAddress,
        payload: { email, password: 'some password' },
      });

    it('limits login attempts per IP, whatever the email', async () => {
      const ip = '10.0.0.1';
      for (let i = 0; i < LIMIT; i += 1) {
        expect((await login(`ip-${i}-${Date.now()}@example.com`, ip)).statusCode).toBe(401);
      }
      expectTooManyRequests(await login('yet-another@example.com', ip));
      // Another client is not affected.
      expect((await login('yet-another@example.com', '10.0.0.2')).statusCode).toBe(401);
    });

    it('limits login attempts per email (any letter case), whatever the IP', async () => {
      const email = `target-${Date.now()}@example.com`;
      for (let i = 0; i < LIMIT; i += 1) {
        expect(
          (await login(i % 2 ? email.toUpperCase() : email, `10.1.0.${i + 1}`)).statusCode,
        ).toBe(401);
      }
      expectTooManyRequests(await login(email, '10.1.0.99'));
      expect((await login(`other-${Date.now()}@example.com`, '10.1.0.99')).statusCode).toBe(401);
    });

    it('limits registrations per IP and creates no user once limited', async () => {
      const ip = '10.2.0.1';
      for (let i = 0; i < LIMIT; i += 1) {
        const response = await app.inject({
          method: 'POST',
          url: '/api/auth/register',
          remoteAddress: ip,
          payload: uniqueRegistration(),
        });
        expect(response.statusCode).toBe(201);
      }
      const refused = uniqueRegistration();
      expectTooManyRequests(
        await app.inject({
          method: 'POST',
          url: '/api/auth/register',
          remoteAddress: ip,
          payload: refused,
        }),
      );
      expect(await countUsers(app, refused)).toBe(0);
    });

    it('limits registrations per email, whatever the IP', async () => {
      const body = uniqueRegistration();
      const attempt = (i: number) =>
        app.inject({
          method: 'POST',
          url: '/api/auth/register',
          remoteAddress: `10.3.0.${i + 1}`,
          payload: { ...body, username: `${body.username}${i}` },
        });
      expect((await attempt(0)).statusCode).toBe(201);
      for (let i = 1; i < LIMIT; i += 1) expect((await attempt(i)).statusCode).toBe(400);
      expectTooManyRequests(await attempt(LIMIT));
    });

    it('does not limit the other auth routes', async () => {
      for (let i = 0; i < LIMIT + 2; i += 1) {
        expect(
          (await app.inject({ method: 'POST', url: '/api/auth/logout', remoteAddress: '10.4.0.1' }))
            .statusCode,
        ).toBe(200);
      }
    });
  });
}

rateLimitSuite('in-process store', () => ({}));

const hasRedisServer = spawnSync('redis-server', ['--version']).status === 0;

describe.skipIf(!hasRedisServer)('with REDIS_URL', () => {
  let redis: ChildProcess | undefined;
  let port = 0;
  beforeAll(async () => {
    port = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const { port: free } = probe.address() as { port: number };
        probe.close(() => resolve(free));
      });
    });
    redis = spawn(
      'redis-server',
      ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    await new Promise<void>((resolve, reject) => {
      redis!.stdout!.on('data', (chunk: Buffer) => {
        if (chunk.toString().includes('Ready to accept connections')) resolve();
      });
      redis!.once('exit', (code) => reject(new Error(`redis-server exited with ${code}`)));
    });
  });
  afterAll(() => {
    redis?.kill();
  });

  rateLimitSuite('Redis store', () => ({ REDIS_URL: `redis://127.0.0.1:${port}` }));
});
