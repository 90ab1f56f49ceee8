import { Writable } from 'node:stream';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '../../src/auth/schema';
import { loadEnv } from '../../src/config/env';
import { loggerOptions } from '../../src/logging/logger';
import { createAuthTestApp, uniqueRegistration } from './helpers';

/**
 * Drives every auth route (successes and failures) with the real logger configuration at trace
 * level, then checks that no log line contains a password, a password hash or a token, and that
 * no response contains one other than the token that response is issuing.
 */
describe('no secret in logs or responses', () => {
  let app: FastifyInstance;
  const logLines: string[] = [];
  const exchanges: Array<{ response: LightMyRequestResponse; issued: string[] }> = [];

  beforeAll(async () => {
    const stream = new Writable({
      write(chunk, _encoding, done) {
        logLines.push(String(chunk));
        done();
      },
    });
    const env = loadEnv({ LOG_LEVEL: 'trace', LOG_PRETTY: 'false' });
    app = await createAuthTestApp({
      serverOptions: { logger: { ...(loggerOptions(env) as object), stream } },
    });
  });
  afterAll(() => app.close());

  /** Sends a request and records the tokens the response issued (body token, refresh cookie). */
  async function send(options: InjectOptions) {
    const response = await app.inject(options);
    const issued: string[] = [];
    const cookie = response.cookies.find((c) => c.name === 'refresh_token')?.value;
    if (cookie) issued.push(cookie);
    try {
      const token = (response.json() as { access_token?: string }).access_token;
      if (token) issued.push(token);
    } catch {
      // Not JSON.
    }
    exchanges.push({ response, issued });
    return { response, cookie, accessToken: issued.find((t) => t !== cookie) };
  }

  it('keeps passwords, hashes and tokens out of every log line and foreign response', async () => {
    const account = uniqueRegistration({ password: 'first-secret-password' });
    const newPassword = 'second-secret-password';
    const registered = await send({ method: 'POST', url: '/api/auth/register', payload: account });
    expect(registered.response.statusCode).toBe(201);
    const tokens = [registered.cookie!, registered.accessToken!];
    const hashOf = async () =>
      (await app.database.db.select().from(users).where(eq(users.email, account.email)))[0]!
        .passwordHash;
    const firstHash = await hashOf();
    let auth = { authorization: `Bearer ${registered.accessToken}` };

    await send({ method: 'POST', url: '/api/auth/register', payload: account }); // duplicate
    await send({
      method: 'POST',
      url: '/api/auth/register',
      payload: { ...account, email: 'x', password: 'short' },
    });
    await send({
      method: 'POST',
      url: '/api/auth/register',
      headers: { 'content-type': 'application/json' },
      payload: `{"password": "${account.password}", `,
    });
    await send({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: account.email, password: 'wrong-secret-guess' },
    });
    const loggedIn = await send({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: account.email, password: account.password },
    });
    tokens.push(loggedIn.cookie!, loggedIn.accessToken!);

    const refreshed = await send({
      method: 'POST',
      url: '/api/auth/refresh',
      cookies: { refresh_token: loggedIn.cookie! },
    });
    tokens.push(refreshed.cookie!, refreshed.accessToken!);
    const refreshedAgain = await send({
      method: 'POST',
      url: '/api/auth/refresh',
      cookies: { refresh_token: refreshed.cookie! },
    });
    tokens.push(refreshedAgain.cookie!, refreshedAgain.accessToken!);
    await send({
      method: 'POST',
      url: '/api/auth/refresh',
      cookies: { refresh_token: loggedIn.cookie! },
    }); // reuse (its successor was used)
    // The reuse ended every access token of the account: sign in again for the routes below.
    const signedInAgain = await send({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: account.email, password: account.password },
    });
    tokens.push(signedInAgain.cookie!, signedInAgain.accessToken!);
    auth = { authorization: `Bearer ${signedInAgain.accessToken}` };

    await send({ method: 'GET', url: '/api/auth/me', headers: auth });
    await send({
      method: 'PUT',
      url: '/api/auth/me',
      headers: auth,
      payload: { maths_level: 4, password: account.password },
    });
    await send({
      method: 'PUT',
      url: '/api/auth/me/password',
      headers: auth,
      payload: { current_password: 'wrong-secret-guess', new_password: newPassword },
    });
    const changed = await send({
      method: 'PUT',
      url: '/api/auth/me/password',
      headers: auth,
      payload: { current_password: account.password, new_password: newPassword },
    });
    expect(changed.response.statusCode).toBe(200);
    tokens.push(changed.cookie!, changed.accessToken!);
    await send({
      method: 'POST',
      url: '/api/auth/logout',
      cookies: { refresh_token: changed.cookie! },
    });
    // A WebSocket-style URL carrying the token in its query string.
    await send({
      method: 'GET',
      url: `/ws/chat?token=${registered.accessToken}&x=1`,
      headers: auth,
    });

    // Should a handler ever log a request body or headers, the redaction paths still blank them.
    app.log.info(
      {
        body: account,
        headers: {
          authorization: auth.authorization,
          cookie: `refresh_token=${registered.cookie}`,
        },
      },
      'a careless debug line',
    );

    const secondHash = await hashOf();
    expect(secondHash).not.toBe(firstHash);
    const secrets = [
      account.password,
      newPassword,
      'wrong-secret-guess',
      firstHash,
      secondHash,
      ...tokens,
    ];
    const logs = logLines.join('');
    expect(logLines.length).toBeGreaterThan(exchanges.length); // the logger really was capturing
    expect(logs).toContain('[REDACTED]'); // and redaction really ran on this output
    for (const secret of secrets) expect(logs, 'a log line carries a secret').not.toContain(secret);
    expect(logs).not.toMatch(/\$argon2id\$/);

    for (const { response, issued } of exchanges) {
      const text = `${response.body}\n${JSON.stringify(response.headers)}`;
      for (const secret of secrets) {
        if (issued.includes(secret)) continue;
        expect(
          text,
          `${response.raw.req.method} ${response.raw.req.url} leaks a secret`,
        ).not.toContain(secret);
      }
      expect(text).not.toMatch(/\$argon2id\$/);
    }
  });
});
