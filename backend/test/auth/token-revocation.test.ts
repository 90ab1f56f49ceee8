import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { type DatabaseHandle, openDatabase } from '../../src/db/client';
import WebSocket from 'ws';
import { socketUrl } from '../chat/socket-client';
import { databaseKind, openTestDatabase } from '../helpers/test-app';
import { testDatabaseUrl } from '../helpers/test-database';
import {
  bearer,
  createAuthTestApp,
  login,
  refresh,
  refreshCookieOf,
  register,
  uniqueRegistration,
} from './helpers';

const me = (app: FastifyInstance, token: string) =>
  app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer(token) });

const logout = (app: FastifyInstance, refreshToken: string) =>
  app.inject({ method: 'POST', url: '/api/auth/logout', cookies: { refresh_token: refreshToken } });

/** A signed-in user: the access token (already used once, so every cache knows it) and cookie. */
async function signedIn(app: FastifyInstance, body = uniqueRegistration()) {
  const response = await register(app, body);
  expect(response.statusCode).toBe(201);
  const accessToken: string = response.json().access_token;
  expect((await me(app, accessToken)).statusCode).toBe(200);
  return { body, accessToken, refreshToken: refreshCookieOf(response) };
}

async function expectRevoked(app: FastifyInstance, accessToken: string) {
  const response = await me(app, accessToken);
  expect(response.statusCode).toBe(401);
  expect(response.json().error.code).toBe('unauthorized');
  expect(await socketOutcome(app, accessToken)).toEqual({
    code: 4001,
    reason: 'Invalid or expired token',
  });
}

/**
 * How /ws/chat answers a token: closed with a code, or 'open' once it answers a frame. The frame
 * ({} lacks content) is answered with an error event only after the socket is authenticated (frames
 * wait until then), so no timer decides: a slow machine cannot turn a rejection into 'open'.
 */
function socketOutcome(app: FastifyInstance, token: string) {
  return new Promise<{ code: number; reason: string } | 'open'>((resolve, reject) => {
    const ws = new WebSocket(socketUrl(app, `/ws/chat?token=${token}`));
    ws.once('open', () => ws.send('{}'));
    ws.once('message', () => {
      resolve('open');
      ws.close();
    });
    ws.once('close', (code, reason) => resolve({ code, reason: reason.toString() }));
    ws.once('error', reject);
  });
}

describe('access tokens stop working at once', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await createAuthTestApp();
    await app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(() => app.close());

  it('after logout', async () => {
    const session = await signedIn(app);
    expect((await logout(app, session.refreshToken)).statusCode).toBe(200);
    await expectRevoked(app, session.accessToken);
  });

  it('after a password change, while the token it returns works', async () => {
    const session = await signedIn(app);
    const changed = await app.inject({
      method: 'PUT',
      url: '/api/auth/me/password',
      headers: bearer(session.accessToken),
      payload: { current_password: session.body.password, new_password: 'another long password' },
    });
    expect(changed.statusCode).toBe(200);
    await expectRevoked(app, session.accessToken);
    const fresh: string = changed.json().access_token;
    expect((await me(app, fresh)).statusCode).toBe(200);
    expect(await socketOutcome(app, fresh)).toBe('open');
  });

  it('after a refresh token is reused: the tokens of that family and the newest one', async () => {
    const session = await signedIn(app);
    const rotated = await refresh(app, session.refreshToken);
    expect(rotated.statusCode).toBe(200);
    // The successor is used: presenting the first token again can only be a stolen copy.
    const successor = await refresh(app, refreshCookieOf(rotated));
    const newer: string = successor.json().access_token;
    expect((await me(app, newer)).statusCode).toBe(200);
    expect((await refresh(app, session.refreshToken)).statusCode).toBe(401);
    await expectRevoked(app, session.accessToken);
    await expectRevoked(app, newer);
  });

  it('a socket opened with a valid token is accepted (the control of the cases above)', async () => {
    const session = await signedIn(app);
    expect(await socketOutcome(app, session.accessToken)).toBe('open');
  });

  it('the user signed in elsewhere gets a new access token by refreshing', async () => {
    const session = await signedIn(app);
    const elsewhere = await login(app, session.body.email, session.body.password);
    const elsewhereRefresh = refreshCookieOf(elsewhere);
    expect((await logout(app, session.refreshToken)).statusCode).toBe(200);
    // Every access token of the account ends; the other device's session goes on after a refresh.
    expect((await me(app, elsewhere.json().access_token)).statusCode).toBe(401);
    const refreshed = await refresh(app, elsewhereRefresh);
    expect(refreshed.statusCode).toBe(200);
    expect((await me(app, refreshed.json().access_token)).statusCode).toBe(200);
  });

  it("a logout with an unknown refresh token ends no one's access token", async () => {
    const session = await signedIn(app);
    expect((await logout(app, 'not-a-known-token')).statusCode).toBe(200);
    expect((await me(app, session.accessToken)).statusCode).toBe(200);
  });
});

/**
 * Two instances of the app on one database: on PostgreSQL each with its own connections (as two
 * servers would be), on PGlite sharing the one embedded database (PGlite is one process).
 */
describe(`two app instances on one database (${databaseKind()})`, () => {
  let first: FastifyInstance;
  let second: FastifyInstance;
  let shared: DatabaseHandle | undefined;
  beforeAll(async () => {
    if (databaseKind() === 'postgres') {
      first = await createAuthTestApp();
      second = await createAuthTestApp();
    } else {
      shared = openTestDatabase();
      first = await createAuthTestApp({ database: shared });
      second = await createAuthTestApp({ database: shared });
    }
    await Promise.all([first.tokens.revocationsShared(), second.tokens.revocationsShared()]);
  });
  afterAll(async () => {
    await first?.close();
    await second?.close();
    await shared?.close();
  });

  it('a logout on one is seen by the other', async () => {
    const session = await signedIn(first);
    // The other instance has checked the token once, so it knows it from memory.
    expect((await me(second, session.accessToken)).statusCode).toBe(200);
    expect((await me(second, session.accessToken)).statusCode).toBe(200);
    expect((await logout(first, session.refreshToken)).statusCode).toBe(200);
    expect((await me(first, session.accessToken)).statusCode).toBe(401);
    // PostgreSQL delivers the notification after the commit, within milliseconds.
    const started = performance.now();
    await expect
      .poll(async () => (await me(second, session.accessToken)).statusCode, {
        timeout: 2000,
        interval: 5,
      })
      .toBe(401);
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('a password change on one is seen by the other', async () => {
    const session = await signedIn(first);
    expect((await me(second, session.accessToken)).statusCode).toBe(200);
    const changed = await second.inject({
      method: 'PUT',
      url: '/api/auth/me/password',
      headers: bearer(session.accessToken),
      payload: { current_password: session.body.password, new_password: 'another long password' },
    });
    expect(changed.statusCode).toBe(200);
    await expect
      .poll(async () => (await me(first, session.accessToken)).statusCode, {
        timeout: 2000,
        interval: 5,
      })
      .toBe(401);
    expect((await me(first, changed.json().access_token)).statusCode).toBe(200);
  });
});

const databaseUrl = testDatabaseUrl();

describe.skipIf(!databaseUrl)('an instance whose PostgreSQL connections are cut', () => {
  // Its own application name, so only this instance's connections are cut.
  const applicationName = `revocation_test_${randomBytes(4).toString('hex')}`;
  const handle = databaseUrl
    ? openDatabase({
        kind: 'postgres',
        url: `${databaseUrl}?application_name=${applicationName}`,
        poolSize: 2,
      })
    : undefined;
  let cut: FastifyInstance;
  let other: FastifyInstance;
  beforeAll(async () => {
    cut = await createAuthTestApp({ database: handle });
    other = await createAuthTestApp();
    await cut.tokens.revocationsShared();
  });
  afterAll(async () => {
    await cut?.close();
    await other?.close();
    await handle?.close();
  });

  async function terminateConnections() {
    const admin = new pg.Client({ connectionString: databaseUrl });
    await admin.connect();
    try {
      const { rows } = await admin.query<{ terminated: boolean }>(
        'select pg_terminate_backend(pid) as terminated from pg_stat_activity where application_name = $1',
        [applicationName],
      );
      expect(rows.some((row) => row.terminated)).toBe(true);
    } finally {
      await admin.end();
    }
  }

  it('sees revocations made while it was not listening, and again once it listens', async () => {
    const during = await signedIn(other);
    expect((await me(cut, during.accessToken)).statusCode).toBe(200);
    expect((await me(cut, during.accessToken)).statusCode).toBe(200);
    await terminateConnections();
    await new Promise((resolve) => setTimeout(resolve, 200));
    // A revocation it could not hear of: it must not answer from memory.
    expect((await logout(other, during.refreshToken)).statusCode).toBe(200);
    expect((await me(cut, during.accessToken)).statusCode).toBe(401);

    await cut.tokens.revocationsShared();
    const after = await signedIn(other);
    expect((await me(cut, after.accessToken)).statusCode).toBe(200);
    expect((await me(cut, after.accessToken)).statusCode).toBe(200);
    expect((await logout(other, after.refreshToken)).statusCode).toBe(200);
    await expect
      .poll(async () => (await me(cut, after.accessToken)).statusCode, {
        timeout: 2000,
        interval: 5,
      })
      .toBe(401);
  });
});
