import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  countRefreshTokens,
  countUsers,
  createAuthTestApp,
  type Identity,
  register,
  uniqueRegistration,
} from './helpers';

/** Every rejected registration: the status, the field(s) named, and nothing stored. */
describe('POST /api/auth/register with bad input', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await createAuthTestApp();
  });
  afterAll(() => app.close());

  async function expectRejected(
    send: () => Promise<{
      statusCode: number;
      json(): { error: Record<string, unknown> };
      headers: Record<string, unknown>;
    }>,
    status: number,
    message: string | RegExp,
    fields?: string[],
    /** The account the request named: only rows it could have made are counted. */
    sent: Identity = {},
  ) {
    const [usersBefore, tokensBefore] = [
      await countUsers(app, sent),
      await countRefreshTokens(app, sent),
    ];
    const response = await send();
    expect(response.statusCode).toBe(status);
    const { error } = response.json();
    expect(error.message).toMatch(message);
    if (fields) expect(error.fields).toEqual(fields);
    expect(response.headers['set-cookie']).toBeUndefined();
    expect(await countUsers(app, sent)).toBe(usersBefore);
    expect(await countRefreshTokens(app, sent)).toBe(tokensBefore);
  }

  const cases: Array<[string, Record<string, unknown>, string, string]> = [
    ['a malformed email', { email: 'not-an-email' }, 'email', 'email: Enter a valid email address'],
    [
      'an email without a domain',
      { email: 'someone@' },
      'email',
      'email: Enter a valid email address',
    ],
    [
      'a 7-character password',
      { password: '1234567' },
      'password',
      'password: Password must be at least 8 characters',
    ],
    [
      'a 129-character password',
      { password: 'x'.repeat(129) },
      'password',
      'password: Password must be at most 128 characters',
    ],
    [
      'programming level 0',
      { programming_level: 0 },
      'programming_level',
      'programming_level: Programming level must be from 1 to 5',
    ],
    [
      'programming level 6',
      { programming_level: 6 },
      'programming_level',
      'programming_level: Programming level must be from 1 to 5',
    ],
    [
      'maths level 0',
      { maths_level: 0 },
      'maths_level',
      'maths_level: Maths level must be from 1 to 5',
    ],
    [
      'maths level 6',
      { maths_level: 6 },
      'maths_level',
      'maths_level: Maths level must be from 1 to 5',
    ],
    [
      'a fractional level',
      { maths_level: 2.5 },
      'maths_level',
      'maths_level: Maths level must be a whole number from 1 to 5',
    ],
    [
      'a level as text',
      { programming_level: '3' },
      'programming_level',
      'programming_level: Programming level must be a number from 1 to 5',
    ],
    [
      'a 2-character username',
      { username: 'ab' },
      'username',
      'username: Username must be at least 3 characters',
    ],
    [
      'a username of 2 characters once trimmed',
      { username: '  ab  ' },
      'username',
      'username: Username must be at least 3 characters',
    ],
    [
      'a 51-character username',
      { username: 'u'.repeat(51) },
      'username',
      'username: Username must be at most 50 characters',
    ],
    [
      'a username with markup',
      { username: '<script>' },
      'username',
      'username: Username may contain only letters, digits, spaces and _ . -',
    ],
  ];
  for (const [name, override, field, message] of cases) {
    it(`rejects ${name}`, async () => {
      const body = uniqueRegistration(override);
      await expectRejected(() => register(app, body), 400, message, [field], body);
    });
  }

  // Weak passwords (issue: "12345678" and "password" were accepted). The estimator's own words.
  const weakPasswords: Array<[string, string]> = [
    ['12345678', 'This is a heavily used password.'],
    ['password', 'This is a heavily used password.'],
    ['p@55w0rd', 'This is similar to a commonly used password.'],
    ['Qx7#vR2m', 'Add more words that are less common.'],
  ];
  for (const [password, advice] of weakPasswords) {
    it(`refuses the guessable password ${JSON.stringify(password)}, saying why`, async () => {
      const body = uniqueRegistration({ password });
      await expectRejected(
        () => register(app, body),
        400,
        `Password is too easy to guess. ${advice}`,
        ['password'],
        body,
      );
    });
  }

  it('refuses the account’s own username as its password', async () => {
    const body = uniqueRegistration();
    body.password = body.username;
    await expectRejected(
      () => register(app, body),
      400,
      /^Password is too easy to guess\./,
      ['password'],
      body,
    );
  });

  it('accepts the boundaries: a 10-character password, 3- and 50-character usernames, levels 1 and 5', async () => {
    for (const override of [
      {
        password: 'Qx7#vR2m!k',
        username: randomUUID().slice(0, 3),
        programming_level: 1,
        maths_level: 5,
      },
      { username: randomUUID().slice(0, 8).padEnd(50, 'u'), programming_level: 5, maths_level: 1 },
    ]) {
      const response = await register(app, uniqueRegistration(override));
      expect(response.statusCode, JSON.stringify(override)).toBe(201);
    }
  });

  it('names every missing field', async () => {
    await expectRejected(
      () => register(app, {}),
      400,
      'email: Email is required; username: Username is required; password: Password is required',
      ['email', 'username', 'password'],
    );
  });

  it('names each missing field when only one is absent', async () => {
    const { password: _password, ...withoutPassword } = uniqueRegistration();
    await expectRejected(
      () => register(app, withoutPassword),
      400,
      'password: Password is required',
      ['password'],
      withoutPassword,
    );
  });

  it('rejects a request without a body as missing fields', async () => {
    await expectRejected(
      () => app.inject({ method: 'POST', url: '/api/auth/register' }),
      400,
      /email: Email is required/,
    );
  });

  it('rejects malformed JSON', async () => {
    await expectRejected(
      () =>
        app.inject({
          method: 'POST',
          url: '/api/auth/register',
          headers: { 'content-type': 'application/json' },
          payload: '{"email": "a@b.c", "password": ',
        }),
      400,
      'Request body is not valid JSON',
    );
  });

  it('rejects a JSON array or string instead of an object', async () => {
    await expectRejected(
      () =>
        app.inject({
          method: 'POST',
          url: '/api/auth/register',
          headers: { 'content-type': 'application/json' },
          payload: '"just a string"',
        }),
      400,
      /expected object/,
    );
  });

  it('rejects a 2 MB body with 413', async () => {
    const big = uniqueRegistration({ username: 'x'.repeat(2 * 1024 * 1024) });
    await expectRejected(
      () => register(app, big),
      413,
      'Request body is too large',
      undefined,
      big,
    );
  });

  it('rejects a duplicate email in another letter case with "Email already registered"', async () => {
    const first = uniqueRegistration();
    expect((await register(app, first)).statusCode).toBe(201);
    const second = uniqueRegistration({ email: first.email.toUpperCase() });
    await expectRejected(
      () => register(app, second),
      400,
      'Email already registered',
      ['email'],
      second,
    );
  });

  it('rejects a username taken in another letter case with "Username already taken"', async () => {
    const first = uniqueRegistration();
    expect((await register(app, first)).statusCode).toBe(201);
    const second = uniqueRegistration({ username: first.username.toUpperCase() });
    await expectRejected(
      () => register(app, second),
      400,
      'Username already taken',
      ['username'],
      second,
    );
  });

  it('creates exactly one account when the same email registers twice at once', async () => {
    const body = uniqueRegistration();
    const before = await countUsers(app, body);
    const responses = await Promise.all([
      register(app, body),
      register(app, { ...body, username: `${body.username}_2` }),
    ]);
    expect(responses.map((r) => r.statusCode).sort()).toEqual([201, 400]);
    const rejected = responses.find((r) => r.statusCode === 400)!;
    expect(rejected.json().error.message).toBe('Email already registered');
    expect(await countUsers(app, body)).toBe(before + 1);
  });
});
