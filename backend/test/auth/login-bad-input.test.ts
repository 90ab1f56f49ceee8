import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser } from '../helpers/factories';
import { countRefreshTokens, createAuthTestApp } from './helpers';

describe('bad input to login and the profile routes', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await createAuthTestApp();
  });
  afterAll(() => app.close());

  for (const [name, payload, message, fields] of [
    [
      'no fields',
      {},
      'email: Email is required; password: Password is required',
      ['email', 'password'],
    ],
    [
      'a malformed email',
      { email: 'nope', password: 'whatever1' },
      'email: Enter a valid email address',
      ['email'],
    ],
    [
      'an empty password',
      { email: 'a@example.com', password: '' },
      'password: Password is required',
      ['password'],
    ],
    [
      'a numeric password',
      { email: 'a@example.com', password: 12345678 },
      'password: Password must be text',
      ['password'],
    ],
  ] as const) {
    it(`login rejects ${name} with 400 and starts no session`, async () => {
      const before = await countRefreshTokens(app, payload);
      const response = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: payload as object,
      });
      expect(response.statusCode).toBe(400);
      expect(response.json()).toEqual({ error: { code: 'bad_request', message, fields } });
      expect(response.headers['set-cookie']).toBeUndefined();
      expect(await countRefreshTokens(app, payload)).toBe(before);
    });
  }

  it('PUT /me rejects malformed JSON and a 2 MB body, and changes nothing', async () => {
    const student = await buildUser(app);
    const malformed = await app.inject({
      method: 'PUT',
      url: '/api/auth/me',
      headers: { ...student.headers, 'content-type': 'application/json' },
      payload: '{"username": ',
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error).toEqual({
      code: 'malformed_json',
      message: 'Request body is not valid JSON',
    });
    const huge = await app.inject({
      method: 'PUT',
      url: '/api/auth/me',
      headers: student.headers,
      payload: { username: 'x'.repeat(2 * 1024 * 1024) },
    });
    expect(huge.statusCode).toBe(413);
    const me = await app.inject({ method: 'GET', url: '/api/auth/me', headers: student.headers });
    expect(me.json()).toMatchObject({
      username: student.user.username,
      programming_level: 3,
      maths_level: 3,
    });
  });
});
