import type { FastifyInstance } from 'fastify';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REUSE_GRACE_SECONDS } from '../../src/auth/refresh-sessions';
import { refreshTokens, users } from '../../src/auth/schema';
import { hashRefreshToken } from '../../src/auth/tokens';
import {
  bearer,
  countRefreshTokens,
  createAuthTestApp,
  login,
  refresh,
  refreshCookieOf,
  register,
  uniqueRegistration,
} from './helpers';

describe('register, login, refresh, logout', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await createAuthTestApp();
  });
  afterAll(() => app.close());

  it('registers with normalised email and default levels, and signs the user in', async () => {
    const body = uniqueRegistration({
      email: '  New.Learner@Example.COM ',
      username: '  Ada L.  ',
    });
    const response = await register(app, body);
    expect(response.statusCode).toBe(201);
    const json = response.json();
    expect(json).toEqual({ access_token: expect.any(String), token_type: 'bearer' });
    const cookie = response.cookies.find((c) => c.name === 'refresh_token')!;
    expect(cookie.maxAge).toBe(7 * 24 * 60 * 60);
    expect(cookie.secure).toBeUndefined();
    refreshCookieOf(response);

    const me = await app.inject({
      method: 'GET',
      url: '/api/auth/me',
      headers: bearer(json.access_token),
    });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toEqual({
      id: expect.any(String),
      email: 'new.learner@example.com',
      username: 'Ada L.',
      programming_level: 3,
      maths_level: 3,
      role: 'student',
      created_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });
    const [row] = await app.database.db
      .select()
      .from(users)
      .where(eq(users.email, 'new.learner@example.com'));
    expect(row!.passwordHash).toMatch(/^\$argon2id\$/);
    expect(row!.effectiveProgrammingLevel).toBe(3);
  });

  it('stores the chosen levels', async () => {
    const response = await register(
      app,
      uniqueRegistration({ programming_level: 1, maths_level: 5 }),
    );
    expect(response.statusCode).toBe(201);
    const me = await app.inject({
      method: 'GET',
      url: '/api/auth/me',
      headers: bearer(response.json().access_token),
    });
    expect(me.json()).toMatchObject({ programming_level: 1, maths_level: 5 });
  });

  it('logs in with the email in any letter case', async () => {
    const body = uniqueRegistration();
    await register(app, body);
    const response = await login(app, body.email.toUpperCase(), body.password);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ access_token: expect.any(String), token_type: 'bearer' });
    refreshCookieOf(response);
  });

  it('answers a wrong password and an unknown email with the same 401', async () => {
    const body = uniqueRegistration();
    await register(app, body);
    const before = await countRefreshTokens(app, body);
    const wrongPassword = await login(app, body.email, 'not the password');
    const unknownEmail = await login(app, 'nobody-here@example.com', body.password);
    for (const response of [wrongPassword, unknownEmail]) {
      expect(response.statusCode).toBe(401);
      expect(response.json()).toEqual({
        error: { code: 'unauthorized', message: 'Incorrect email or password' },
      });
      expect(response.headers['set-cookie']).toBeUndefined();
    }
    expect(await countRefreshTokens(app, body)).toBe(before);
  });

  it('restores the session on reload: /refresh returns a new access token and rotates the cookie', async () => {
    const registered = await register(app);
    const first = refreshCookieOf(registered);
    const response = await refresh(app, first);
    expect(response.statusCode).toBe(200);
    const { access_token } = response.json();
    const second = refreshCookieOf(response);
    expect(second).not.toBe(first);
    const me = await app.inject({
      method: 'GET',
      url: '/api/auth/me',
      headers: bearer(access_token),
    });
    expect(me.statusCode).toBe(200);
    // The successor keeps working.
    expect((await refresh(app, second)).statusCode).toBe(200);
  });

  it('rejects a refresh token reused after its successor was used, and revokes its whole family', async () => {
    const first = refreshCookieOf(await register(app));
    const second = refreshCookieOf(await refresh(app, first));
    const third = refreshCookieOf(await refresh(app, second));
    const reused = await refresh(app, first);
    expect(reused.statusCode).toBe(401);
    expect(reused.json().error.code).toBe('unauthorized');
    // The family's newest token was revoked with it.
    expect((await refresh(app, third)).statusCode).toBe(401);
  });

  it('accepts a token again moments after its rotation while its successor is unused (a reply lost to a navigation)', async () => {
    const first = refreshCookieOf(await register(app));
    const lost = await refresh(app, first);
    expect(lost.statusCode).toBe(200);
    const again = await refresh(app, first);
    expect(again.statusCode).toBe(200);
    const next = refreshCookieOf(again);
    expect(next).not.toBe(first);
    expect((await refresh(app, next)).statusCode).toBe(200);
  });

  it(`treats a token presented again more than ${REUSE_GRACE_SECONDS} s after its rotation as reuse`, async () => {
    const first = refreshCookieOf(await register(app));
    const second = refreshCookieOf(await refresh(app, first));
    await app.database.db
      .update(refreshTokens)
      .set({ rotatedAt: sql`now() - make_interval(secs => ${REUSE_GRACE_SECONDS + 1})` })
      .where(eq(refreshTokens.tokenHash, hashRefreshToken(first)));
    expect((await refresh(app, first)).statusCode).toBe(401);
    expect((await refresh(app, second)).statusCode).toBe(401);
  });

  it('gives two concurrent refreshes with one token (two tabs) each a working session', async () => {
    const token = refreshCookieOf(await register(app));
    const results = await Promise.all([refresh(app, token), refresh(app, token)]);
    expect(results.map((r) => r.statusCode)).toEqual([200, 200]);
    for (const result of results) {
      expect((await refresh(app, refreshCookieOf(result))).statusCode).toBe(200);
    }
  });

  it('does not accept unknown, missing or garbage refresh cookies', async () => {
    const missing = await refresh(app, undefined);
    expect(missing.statusCode).toBe(401);
    expect(missing.json()).toEqual({
      error: { code: 'unauthorized', message: 'No session, please sign in' },
    });
    const garbage = await refresh(app, 'not-a-token');
    expect(garbage.statusCode).toBe(401);
  });

  it('logout revokes the refresh token and clears the cookie', async () => {
    const token = refreshCookieOf(await register(app));
    const response = await app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      cookies: { refresh_token: token },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok' });
    const cleared = response.cookies.find((c) => c.name === 'refresh_token')!;
    expect(cleared.value).toBe('');
    expect(cleared.path).toBe('/api/auth');
    expect((await refresh(app, token)).statusCode).toBe(401);
  });

  it('logout without a cookie still answers ok', async () => {
    const response = await app.inject({ method: 'POST', url: '/api/auth/logout' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok' });
  });

  it('refresh fails once the account is gone', async () => {
    const body = uniqueRegistration();
    const token = refreshCookieOf(await register(app, body));
    await app.database.db.delete(users).where(eq(users.email, body.email));
    expect((await refresh(app, token)).statusCode).toBe(401);
  });

  it('marks the cookie Secure over HTTPS', async () => {
    const secureApp = await createAuthTestApp({ env: { TRUST_PROXY: 'true' } });
    try {
      const response = await secureApp.inject({
        method: 'POST',
        url: '/api/auth/register',
        headers: { 'x-forwarded-proto': 'https' },
        payload: uniqueRegistration(),
      });
      expect(response.statusCode).toBe(201);
      expect(response.cookies.find((c) => c.name === 'refresh_token')!.secure).toBe(true);
    } finally {
      await secureApp.close();
    }
  });
});
