import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JOIN_GUESSES_PER_WINDOW } from '@tutor/shared/courses';
import { buildUser, DEFAULT_TEST_PASSWORD } from '../helpers/factories';
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

    const login = (email: string, remoteAddress: string, password = 'some password') =>
      app.inject({
        method: 'POST',
        url: '/api/auth/login',
        remoteAddress,
        payload: { email, password },
      });
    const register = (body: object, remoteAddress: string) =>
      app.inject({ method: 'POST', url: '/api/auth/register', remoteAddress, payload: body });
    const changePassword = (
      headers: Record<string, string>,
      remoteAddress: string,
      current: string,
    ) =>
      app.inject({
        method: 'PUT',
        url: '/api/auth/me/password',
        remoteAddress,
        headers,
        payload: { current_password: current, new_password: 'a brand new password' },
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

    it('limits guesses at one account spread over many addresses (any letter case)', async () => {
      const email = `target-${Date.now()}@example.com`;
      for (let i = 0; i < LIMIT; i += 1) {
        expect(
          (await login(i % 2 ? email.toUpperCase() : email, `10.1.0.${i + 1}`)).statusCode,
        ).toBe(401);
      }
      // The account has had its share of failures: an address that already failed is refused...
      expectTooManyRequests(await login(email, '10.1.0.1'));
      expectTooManyRequests(await login(email.toUpperCase(), `10.1.0.${LIMIT}`));
      // ...and a new address gets one guess, then is refused too.
      expect((await login(email, '10.1.0.99')).statusCode).toBe(401);
      expectTooManyRequests(await login(email, '10.1.0.99'));
      // Other accounts are not affected, even from those addresses.
      expect((await login(`other-${Date.now()}@example.com`, '10.1.0.99')).statusCode).toBe(401);
    });

    it('does not let failed guesses from other addresses lock the owner out', async () => {
      const owner = uniqueRegistration();
      expect((await register(owner, '10.5.0.1')).statusCode).toBe(201);
      // A stranger fails more often than the limit, from as many addresses.
      for (let i = 0; i < LIMIT + 2; i += 1) {
        const response = await login(owner.email, `10.5.1.${i + 1}`);
        expect(response.statusCode === 401 || response.statusCode === 429).toBe(true);
      }
      expectTooManyRequests(await login(owner.email, '10.5.1.1'));
      // The owner, from an address that has not failed, signs in.
      const signedIn = await login(owner.email, '10.5.2.1', owner.password);
      expect(signedIn.statusCode).toBe(200);
      expect(signedIn.json()).toMatchObject({ token_type: 'bearer' });
    });

    it('counts addresses of one IPv6 /64 as one address', async () => {
      const email = `v6-${Date.now()}@example.com`;
      for (let i = 0; i < LIMIT; i += 1) {
        expect((await login(email, `2001:db8:${i}::1`)).statusCode).toBe(401);
      }
      expect((await login(email, '2001:db8:77::1')).statusCode).toBe(401);
      // Another address of that /64 is not a new address.
      expectTooManyRequests(await login(email, '2001:db8:77::2'));
    });

    it('limits password changes per user, whatever the address', async () => {
      const student = await buildUser(app);
      const change = (i: number, current = 'not the password') =>
        changePassword(student.headers, `10.6.0.${i + 1}`, current);
      for (let i = 0; i < LIMIT; i += 1) {
        const response = await change(i);
        expect(response.statusCode).toBe(400);
        expect(response.json().error.fields).toEqual(['current_password']);
      }
      expectTooManyRequests(await change(LIMIT));
      // Even the right password waits: guessing costs the same as knowing.
      expectTooManyRequests(await change(LIMIT + 1, DEFAULT_TEST_PASSWORD));
      const other = await buildUser(app);
      expect((await changePassword(other.headers, '10.6.0.1', 'not it')).statusCode).toBe(400);
    });

    it('limits password changes per address, whatever the user', async () => {
      const ip = '10.7.0.1';
      for (let i = 0; i < LIMIT; i += 1) {
        const student = await buildUser(app);
        expect((await changePassword(student.headers, ip, 'not the password')).statusCode).toBe(
          400,
        );
      }
      const next = await buildUser(app);
      expectTooManyRequests(await changePassword(next.headers, ip, 'not the password'));
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

  it('two instances on one Redis share the counts of an account and of an address', async () => {
    const env = {
      AUTH_RATE_LIMIT_PER_MINUTE: String(LIMIT),
      REDIS_URL: `redis://127.0.0.1:${port}`,
    };
    const first = await createAuthTestApp({ env });
    const second = await createAuthTestApp({ env, database: first.database });
    try {
      const owner = uniqueRegistration();
      const login = (app: FastifyInstance, remoteAddress: string, password = 'wrong guess') =>
        app.inject({
          method: 'POST',
          url: '/api/auth/login',
          remoteAddress,
          payload: { email: owner.email, password },
        });
      expect(
        (
          await first.inject({
            method: 'POST',
            url: '/api/auth/register',
            remoteAddress: '10.8.0.1',
            payload: owner,
          })
        ).statusCode,
      ).toBe(201);
      for (let i = 0; i < LIMIT; i += 1) {
        expect((await login(i % 2 ? second : first, `10.8.1.${i + 1}`)).statusCode).toBe(401);
      }
      // What one instance counted, the other refuses...
      expectTooManyRequests(await login(second, '10.8.1.1'));
      expectTooManyRequests(await login(first, '10.8.1.2'));
      // ...and on either the owner signs in from an address that has not tried.
      expect((await login(second, '10.8.2.1', owner.password)).statusCode).toBe(200);
      // The per-address limit is shared too.
      for (let i = 0; i < LIMIT; i += 1) {
        const other = `someone-${i}-${Date.now()}@example.com`;
        const app = i % 2 ? second : first;
        expect(
          (
            await app.inject({
              method: 'POST',
              url: '/api/auth/login',
              remoteAddress: '10.8.3.1',
              payload: { email: other, password: 'x' },
            })
          ).statusCode,
        ).toBe(401);
      }
      expectTooManyRequests(await login(second, '10.8.3.1'));
    } finally {
      await second.close();
      await first.close();
    }
  });

  it('join-code guesses counted on one instance are refused on the other at once', async () => {
    const env = { REDIS_URL: `redis://127.0.0.1:${port}` };
    const first = await createAuthTestApp({ env });
    const second = await createAuthTestApp({ env, database: first.database });
    try {
      const guesser = await buildUser(first);
      const guess = (app: FastifyInstance, i: number) =>
        app.inject({
          method: 'GET',
          url: `/api/join/guess${i}-${Date.now()}aaaaaaaaaaaaaaaa`,
          headers: guesser.headers,
          remoteAddress: '10.9.0.1',
        });
      for (let i = 0; i < JOIN_GUESSES_PER_WINDOW; i += 1) {
        expect((await guess(first, i)).statusCode).toBe(404);
      }
      const refused = await guess(second, JOIN_GUESSES_PER_WINDOW);
      expect(refused.statusCode).toBe(429);
      expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    } finally {
      await second.close();
      await first.close();
    }
  });
});
