import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { sql } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import { refreshTokens, users } from '../../src/auth/schema';
import { createTestApp, type TestAppOptions } from '../helpers/test-app';

/** The auth tests' app: the real one, with the auth rate limit out of the way. */
export function createAuthTestApp(options: TestAppOptions = {}): Promise<FastifyInstance> {
  return createTestApp({
    ...options,
    env: { AUTH_RATE_LIMIT_PER_MINUTE: '100000', ...options.env },
  });
}

export function uniqueRegistration(overrides: Record<string, unknown> = {}) {
  const suffix = randomUUID().slice(0, 8);
  return {
    email: `learner-${suffix}@example.com`,
    username: `learner_${suffix}`,
    password: 'a long enough password',
    ...overrides,
  };
}

export async function countUsers(app: FastifyInstance): Promise<number> {
  const [row] = await app.database.db.select({ n: sql<number>`count(*)::int` }).from(users);
  return row!.n;
}

export async function countRefreshTokens(app: FastifyInstance): Promise<number> {
  const [row] = await app.database.db.select({ n: sql<number>`count(*)::int` }).from(refreshTokens);
  return row!.n;
}

/** The refresh token a response set in its cookie (asserting the cookie's attributes). */
export function refreshCookieOf(response: LightMyRequestResponse): string {
  const cookie = response.cookies.find((c) => c.name === 'refresh_token');
  expect(cookie, 'a refresh_token cookie').toBeDefined();
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/api/auth' });
  return cookie!.value;
}

export function register(app: FastifyInstance, body: unknown = uniqueRegistration()) {
  return app.inject({ method: 'POST', url: '/api/auth/register', payload: body as object });
}

export function login(app: FastifyInstance, email: string, password: string) {
  return app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });
}

export function refresh(app: FastifyInstance, token: string | undefined) {
  return app.inject({
    method: 'POST',
    url: '/api/auth/refresh',
    ...(token ? { cookies: { refresh_token: token } } : {}),
  });
}

export function bearer(token: string) {
  return { authorization: `Bearer ${token}` };
}
