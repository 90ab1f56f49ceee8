import type { FastifyInstance } from 'fastify';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '../../src/auth/schema';
import { verifyPassword } from '../../src/auth/passwords';
import { buildUser, DEFAULT_TEST_PASSWORD } from '../helpers/factories';
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

describe('profile and password', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await createAuthTestApp();
  });
  afterAll(() => app.close());

  const userRow = async (id: string) =>
    (await app.database.db.select().from(users).where(eq(users.id, id)))[0]!;
  const putMe = (headers: Record<string, string>, payload: unknown) =>
    app.inject({ method: 'PUT', url: '/api/auth/me', headers, payload: payload as object });
  const putPassword = (headers: Record<string, string>, payload: unknown) =>
    app.inject({
      method: 'PUT',
      url: '/api/auth/me/password',
      headers,
      payload: payload as object,
    });

  it('GET /me never includes the password hash or the hidden levels', async () => {
    const student = await buildUser(app, { effectiveMathsLevel: 4.2 });
    const response = await app.inject({
      method: 'GET',
      url: '/api/auth/me',
      headers: student.headers,
    });
    expect(Object.keys(response.json()).sort()).toEqual(
      ['created_at', 'email', 'id', 'maths_level', 'programming_level', 'role', 'username'].sort(),
    );
    expect(response.body).not.toContain(student.user.passwordHash);
    // (Not a substring check: created_at may well contain "4.2".)
    expect(Object.values(response.json())).not.toContain(4.2);
  });

  it('PUT /me updates username and levels and resets the changed effective level only', async () => {
    const student = await buildUser(app, {
      effectiveProgrammingLevel: 2.7,
      effectiveMathsLevel: 3.4,
    });
    const newName = `renamed ${student.user.id.slice(0, 6)}`;
    const response = await putMe(student.headers, {
      username: `  ${newName} `,
      programming_level: 5,
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      username: newName,
      programming_level: 5,
      maths_level: 3,
    });
    const row = await userRow(student.user.id);
    expect(row.effectiveProgrammingLevel).toBe(5);
    expect(row.effectiveMathsLevel).toBeCloseTo(3.4);
  });

  it('PUT /me with an unchanged level keeps the effective level', async () => {
    const student = await buildUser(app, { effectiveMathsLevel: 3.9 });
    const response = await putMe(student.headers, { maths_level: 3 });
    expect(response.statusCode).toBe(200);
    expect((await userRow(student.user.id)).effectiveMathsLevel).toBeCloseTo(3.9);
  });

  it('PUT /me ignores the email (it is not editable)', async () => {
    const student = await buildUser(app);
    const response = await putMe(student.headers, { email: 'changed@example.com', maths_level: 4 });
    expect(response.statusCode).toBe(200);
    expect(response.json().email).toBe(student.user.email);
  });

  it('PUT /me lets a user change the letter case of their own username', async () => {
    const student = await buildUser(app);
    const response = await putMe(student.headers, {
      username: student.user.username.toUpperCase(),
    });
    expect(response.statusCode).toBe(200);
    expect(response.json().username).toBe(student.user.username.toUpperCase());
  });

  it('PUT /me rejects a username taken by someone else (any case) and changes nothing', async () => {
    const [student, other] = [await buildUser(app), await buildUser(app)];
    const response = await putMe(student.headers, {
      username: other.user.username.toUpperCase(),
      maths_level: 5,
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({
      message: 'Username already taken',
      fields: ['username'],
    });
    expect(await userRow(student.user.id)).toEqual(student.user);
  });

  for (const [name, payload, field] of [
    ['a 2-character username', { username: 'ab' }, 'username'],
    ['a 51-character username', { username: 'u'.repeat(51) }, 'username'],
    ['level 0', { programming_level: 0 }, 'programming_level'],
    ['level 6', { maths_level: 6 }, 'maths_level'],
  ] as const) {
    it(`PUT /me rejects ${name} and changes nothing`, async () => {
      const student = await buildUser(app);
      const response = await putMe(student.headers, {
        ...payload,
        programming_level: payload.programming_level ?? 4,
      });
      expect(response.statusCode).toBe(400);
      expect(response.json().error.fields).toContain(field);
      expect(response.json().error.message).toContain(`${field}:`);
      expect(await userRow(student.user.id)).toEqual(student.user);
    });
  }

  it('PUT /me needs a token', async () => {
    expect((await putMe({}, { maths_level: 2 })).statusCode).toBe(401);
  });

  it('PUT /me/password rejects a wrong current password and keeps the hash', async () => {
    const student = await buildUser(app);
    const response = await putPassword(student.headers, {
      current_password: 'wrong password',
      new_password: 'brand new password',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({
      message: 'Current password is incorrect',
      fields: ['current_password'],
    });
    expect((await userRow(student.user.id)).passwordHash).toBe(student.user.passwordHash);
  });

  it('PUT /me/password rejects a 7-character new password and keeps the hash', async () => {
    const student = await buildUser(app);
    const response = await putPassword(student.headers, {
      current_password: DEFAULT_TEST_PASSWORD,
      new_password: '1234567',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.message).toBe(
      'new_password: New password must be at least 8 characters',
    );
    expect((await userRow(student.user.id)).passwordHash).toBe(student.user.passwordHash);
  });

  it('PUT /me/password refuses a guessable new password and keeps the hash and the sessions', async () => {
    const student = await buildUser(app);
    const tokensBefore = await countRefreshTokens(app, student.user);
    const response = await putPassword(student.headers, {
      current_password: DEFAULT_TEST_PASSWORD,
      new_password: 'password1',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({
      message: expect.stringMatching(/^New password is too easy to guess\. \S/),
      fields: ['new_password'],
    });
    expect(response.headers['set-cookie']).toBeUndefined();
    expect((await userRow(student.user.id)).passwordHash).toBe(student.user.passwordHash);
    expect(await countRefreshTokens(app, student.user)).toBe(tokensBefore);
    const me = await app.inject({ method: 'GET', url: '/api/auth/me', headers: student.headers });
    expect(me.statusCode).toBe(200);
  });

  it('PUT /me/password rejects missing fields', async () => {
    const student = await buildUser(app);
    const response = await putPassword(student.headers, {});
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields).toEqual(['current_password', 'new_password']);
  });

  it('PUT /me/password changes the password, signs out other sessions and keeps this one', async () => {
    const body = uniqueRegistration();
    const registered = await register(app, body);
    const thisSession = refreshCookieOf(registered);
    const otherSession = refreshCookieOf(await login(app, body.email, body.password));
    const response = await putPassword(bearer(registered.json().access_token), {
      current_password: body.password,
      new_password: 'the new password',
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ access_token: expect.any(String), token_type: 'bearer' });
    const fresh = refreshCookieOf(response);

    expect((await refresh(app, otherSession)).statusCode).toBe(401);
    expect((await refresh(app, thisSession)).statusCode).toBe(401);
    expect((await refresh(app, fresh)).statusCode).toBe(200);
    expect((await login(app, body.email, body.password)).statusCode).toBe(401);
    expect((await login(app, body.email, 'the new password')).statusCode).toBe(200);
    const row = (await app.database.db.select().from(users).where(eq(users.email, body.email)))[0]!;
    expect(await verifyPassword(row.passwordHash, 'the new password')).toBe(true);
  });

  it('a failed password change issues no tokens', async () => {
    const student = await buildUser(app);
    const before = await countRefreshTokens(app, student.user);
    const response = await putPassword(student.headers, {
      current_password: 'nope nope',
      new_password: 'a brand new password',
    });
    expect(response.statusCode).toBe(400);
    expect(response.headers['set-cookie']).toBeUndefined();
    expect(await countRefreshTokens(app, student.user)).toBe(before);
  });
});
