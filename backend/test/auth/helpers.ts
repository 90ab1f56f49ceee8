import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { eq, or, sql } from 'drizzle-orm';
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

/** Who a request could have created: its email and username, matched in any letter case. */
export interface Identity {
  email?: unknown;
  username?: unknown;
  [otherField: string]: unknown;
}

function sameIdentity({ email, username }: Identity) {
  const matches = [
    typeof email === 'string' ? sql`lower(${users.email}) = lower(${email.trim()})` : undefined,
    typeof username === 'string'
      ? sql`lower(${users.username}) = lower(${username.trim()})`
      : undefined,
  ].filter((match) => match !== undefined);
  return matches.length > 0 ? or(...matches) : undefined;
}

/** Users with that email or username; with no identity, every user in this file's database. */
export async function countUsers(app: FastifyInstance, identity: Identity = {}): Promise<number> {
  const [row] = await app.database.db
    .select({ n: sql<number>`count(*)::int` })
    .from(users)
    .where(sameIdentity(identity));
  return row!.n;
}

/** Refresh tokens of the users with that email or username (of every user with no identity). */
export async function countRefreshTokens(
  app: FastifyInstance,
  identity: Identity = {},
): Promise<number> {
  const [row] = await app.database.db
    .select({ n: sql<number>`count(*)::int` })
    .from(refreshTokens)
    .innerJoin(users, eq(users.id, refreshTokens.userId))
    .where(sameIdentity(identity));
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
