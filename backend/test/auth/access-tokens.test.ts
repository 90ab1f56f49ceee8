import type { FastifyInstance } from 'fastify';
import { SignJWT, UnsecuredJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser, type TestUser } from '../helpers/factories';
import { TEST_JWT_SECRET } from '../helpers/test-app';
import { bearer, createAuthTestApp, refreshCookieOf, register } from './helpers';

const key = (secret: string) => new TextEncoder().encode(secret);

describe('access tokens on protected routes', () => {
  let app: FastifyInstance;
  let student: TestUser;
  beforeAll(async () => {
    app = await createAuthTestApp();
    student = await buildUser(app);
  });
  afterAll(() => app.close());

  const me = (headers: Record<string, string> = {}) =>
    app.inject({ method: 'GET', url: '/api/auth/me', headers });

  async function expectUnauthorized(headers: Record<string, string>) {
    const response = await me(headers);
    expect(response.statusCode).toBe(401);
    expect(response.json().error.code).toBe('unauthorized');
    expect(response.headers['www-authenticate']).toBe('Bearer');
  }

  it('accepts a valid access token', async () => {
    const response = await me(student.headers);
    expect(response.statusCode).toBe(200);
    expect(response.json().id).toBe(student.user.id);
  });

  it('rejects a request without a token', async () => {
    await expectUnauthorized({});
    await expectUnauthorized({ authorization: 'Basic abc' });
  });

  it('rejects the opaque refresh token used as an access token', async () => {
    const refreshToken = refreshCookieOf(await register(app));
    await expectUnauthorized(bearer(refreshToken));
  });

  it('rejects a correctly signed JWT whose token_type is "refresh"', async () => {
    const token = await new SignJWT({ token_type: 'refresh' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(student.user.id)
      .setIssuedAt()
      .setExpirationTime('10m')
      .sign(key(TEST_JWT_SECRET));
    await expectUnauthorized(bearer(token));
  });

  it('rejects an expired access token', async () => {
    const now = Math.floor(Date.now() / 1000);
    const token = await new SignJWT({ token_type: 'access' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(student.user.id)
      .setIssuedAt(now - 3600)
      .setExpirationTime(now - 60)
      .sign(key(TEST_JWT_SECRET));
    await expectUnauthorized(bearer(token));
  });

  it('rejects a token signed with another secret', async () => {
    const token = await new SignJWT({ token_type: 'access' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(student.user.id)
      .setExpirationTime('10m')
      .sign(key('another-secret-that-is-at-least-32-characters'));
    await expectUnauthorized(bearer(token));
  });

  it('rejects an alg "none" token', async () => {
    const token = new UnsecuredJWT({ token_type: 'access' })
      .setSubject(student.user.id)
      .setExpirationTime('10m')
      .encode();
    expect(token.endsWith('.')).toBe(true);
    await expectUnauthorized(bearer(token));
  });

  it('rejects an HS256 token whose payload was altered after signing', async () => {
    const other = await buildUser(app);
    const [header, , signature] = student.accessToken.split('.');
    const [, otherPayload] = other.accessToken.split('.');
    await expectUnauthorized(bearer(`${header}.${otherPayload}.${signature}`));
  });

  it('rejects garbage', async () => {
    await expectUnauthorized(bearer('not.a.jwt'));
    await expectUnauthorized(bearer('x'));
  });

  describe('claims of a token signed with the right secret', () => {
    const now = () => Math.floor(Date.now() / 1000);
    /** A token like the app's own (the claims the app signs), with `change` applied. */
    async function craft(
      change: {
        header?: Record<string, unknown>;
        claims?: Record<string, unknown>;
        omit?: string[];
        alg?: string;
      } = {},
    ) {
      const [, payload] = student.accessToken.split('.');
      const claims: Record<string, unknown> = {
        ...(JSON.parse(Buffer.from(payload!, 'base64url').toString()) as object),
        ...change.claims,
      };
      for (const name of change.omit ?? []) delete claims[name];
      const alg = change.alg ?? 'HS256';
      return new SignJWT(claims)
        .setProtectedHeader({ alg, typ: 'JWT', ...change.header })
        .sign(key(TEST_JWT_SECRET));
    }

    it("accepts a copy of the app's own token (the baseline of the cases below)", async () => {
      const response = await me(bearer(await craft()));
      expect(response.statusCode).toBe(200);
      expect(response.json().id).toBe(student.user.id);
    });

    it.each([
      ['without exp', { omit: ['exp'] }],
      ['without iat', { omit: ['iat'] }],
      ['without sub', { omit: ['sub'] }],
      ['without token_type', { omit: ['token_type'] }],
      ['with exp as a string', { claims: { exp: String(now() + 600) } }],
      ['with a lifetime longer than the app gives', { claims: { exp: now() + 10 * 24 * 3600 } }],
      ['with iat in the future', { claims: { iat: now() + 3600, exp: now() + 3600 + 60 } }],
      ['with nbf in the future', { claims: { nbf: now() + 3600 } }],
      ['of another token_type', { claims: { token_type: 'progress_save' } }],
      ['signed with HS512', { alg: 'HS512' }],
      ['signed with HS384', { alg: 'HS384' }],
    ])('rejects one %s', async (_name, change) => {
      await expectUnauthorized(bearer(await craft(change)));
    });

    it.each([
      ['not a UUID', 'not-a-uuid'],
      ['a number', 42],
      ['an SQL fragment', "' or 1=1 --"],
      ['empty', ''],
    ])('answers 401, not 500, when sub is %s', async (_name, sub) => {
      await expectUnauthorized(bearer(await craft({ claims: { sub } })));
    });

    it('rejects a token without exp again on the next request (nothing about it is remembered)', async () => {
      const token = await craft({ omit: ['exp'] });
      await expectUnauthorized(bearer(token));
      await expectUnauthorized(bearer(token));
    });
  });

  it('answers 401 when the account behind a valid token no longer exists', async () => {
    const token = await app.tokens.createAccessToken('00000000-0000-4000-8000-000000000000');
    const response = await me(bearer(token));
    expect(response.statusCode).toBe(401);
    expect(response.json().error.message).toBe('Account no longer exists');
  });
});
