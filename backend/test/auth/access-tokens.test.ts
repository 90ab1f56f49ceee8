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

  it('answers 401 when the account behind a valid token no longer exists', async () => {
    const token = await app.tokens.createAccessToken('00000000-0000-4000-8000-000000000000');
    const response = await me(bearer(token));
    expect(response.statusCode).toBe(401);
    expect(response.json().error.message).toBe('Account no longer exists');
  });
});
