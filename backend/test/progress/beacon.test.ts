import type { FastifyInstance } from 'fastify';
import { gzipSync } from 'node:zlib';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSaveTokenSigner } from '../../src/progress/save-token';
import { buildUser, type TestUser } from '../helpers/factories';
import { createTestApp, TEST_JWT_SECRET } from '../helpers/test-app';
import {
  beacon as sendBeacon,
  notebook,
  saveToken,
  seededModuleId,
  storedProgress,
  UNKNOWN_MODULE_ID,
} from './helpers';

describe('final save by navigator.sendBeacon', () => {
  let app: FastifyInstance;
  let moduleId: string;
  let otherModuleId: string;
  beforeAll(async () => {
    app = await createTestApp();
    moduleId = await seededModuleId(app, 1);
    otherModuleId = await seededModuleId(app, 2);
  });
  afterAll(() => app.close());

  const tokenFor = (user: TestUser, id = moduleId) => saveToken(app, user, id);
  const beacon = (body: unknown, id = moduleId, contentType?: string) =>
    sendBeacon(app, id, body, contentType);

  it('issues a save token only to an authenticated user for a known module', async () => {
    const user = await buildUser(app);
    const response = await app.inject({
      method: 'POST',
      url: `/api/progress/${moduleId}/save-token`,
      headers: user.headers,
    });
    expect(response.json()).toEqual({ save_token: expect.any(String), expires_in: 600 });
    expect(
      (await app.inject({ method: 'POST', url: `/api/progress/${moduleId}/save-token` }))
        .statusCode,
    ).toBe(401);
    const unknown = await app.inject({
      method: 'POST',
      url: `/api/progress/${UNKNOWN_MODULE_ID}/save-token`,
      headers: user.headers,
    });
    expect(unknown.statusCode).toBe(404);
    const bad = await app.inject({
      method: 'POST',
      url: '/api/progress/nope/save-token',
      headers: user.headers,
    });
    expect(bad.statusCode).toBe(422);
  });

  it('saves a text/plain beacon body authenticated by its save token', async () => {
    const user = await buildUser(app);
    const token = await tokenFor(user);
    const response = await beacon({
      save_token: token,
      notebook_state: notebook('closing'),
      base_version: 0,
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      module_id: moduleId,
      status: 'in_progress',
      version: 1,
    });
    expect((await storedProgress(app, user.user.id, moduleId))!.notebookState).toEqual(
      notebook('closing'),
    );
  });

  it('saves a beacon over an existing record with the notebook first, as the page sends it', async () => {
    const user = await buildUser(app);
    const token = await tokenFor(user);
    const first = { notebook_state: notebook('open'), base_version: 0, save_token: token };
    expect((await beacon(first)).statusCode).toBe(200);
    const response = await beacon({
      ...first,
      notebook_state: notebook('closing'),
      base_version: 1,
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ status: 'in_progress', version: 2 });
    expect((await storedProgress(app, user.user.id, moduleId))!.notebookState).toEqual(
      notebook('closing'),
    );
  });

  it('accepts a gzip-compressed text/plain beacon, so a 280 KB notebook fits the 64 KiB beacon limit', async () => {
    const user = await buildUser(app);
    const large = notebook(
      Array.from({ length: 25_000 }, (_, i) => `x${i} = ${i % 10}`).join('\n'),
    );
    const json = JSON.stringify({
      save_token: await tokenFor(user),
      notebook_state: large,
      base_version: 0,
    });
    const compressed = gzipSync(json);
    expect(json.length).toBeGreaterThan(280 * 1000);
    expect(compressed.length).toBeLessThan(64 * 1024);
    const response = await app.inject({
      method: 'POST',
      url: `/api/progress/${moduleId}/beacon`,
      headers: { 'content-type': 'text/plain;charset=UTF-8' },
      payload: compressed,
    });
    expect(response.statusCode).toBe(200);
    expect((await storedProgress(app, user.user.id, moduleId))!.notebookState).toEqual(large);
  });

  it('also accepts an application/json beacon', async () => {
    const user = await buildUser(app);
    const response = await beacon(
      { save_token: await tokenFor(user), notebook_state: notebook() },
      moduleId,
      'application/json',
    );
    expect(response.statusCode).toBe(200);
  });

  it('refuses a stale beacon with 409 like PUT', async () => {
    const user = await buildUser(app);
    const token = await tokenFor(user);
    await beacon({ save_token: token, notebook_state: notebook('1') });
    await beacon({ save_token: token, notebook_state: notebook('2'), base_version: 1 });
    const response = await beacon({
      save_token: token,
      notebook_state: notebook('old tab'),
      base_version: 1,
    });
    expect(response.statusCode).toBe(409);
    expect(response.json().error).toMatchObject({ code: 'conflict', current_version: 2 });
    expect((await storedProgress(app, user.user.id, moduleId))!.notebookState).toEqual(
      notebook('2'),
    );
  });

  describe('refuses, writing nothing', () => {
    let user: TestUser;
    let token: string;
    let before: Awaited<ReturnType<typeof storedProgress>>;
    beforeAll(async () => {
      user = await buildUser(app);
      token = await tokenFor(user);
      await beacon({ save_token: token, notebook_state: notebook('kept') });
      before = await storedProgress(app, user.user.id, moduleId);
    });
    const unchanged = async () =>
      expect(await storedProgress(app, user.user.id, moduleId)).toEqual(before);

    it('no save token', async () => {
      const response = await beacon({ notebook_state: notebook('x') });
      expect(response.statusCode).toBe(401);
      expect(response.json().error.message).toBe('A valid save token for this module is required');
      await unchanged();
    });

    it('an access token in place of the save token', async () => {
      const response = await beacon({
        save_token: user.accessToken,
        notebook_state: notebook('x'),
      });
      expect(response.statusCode).toBe(401);
      await unchanged();
    });

    it('an access token in the Authorization header (the beacon route reads only the body)', async () => {
      const response = await app.inject({
        method: 'POST',
        url: `/api/progress/${moduleId}/beacon`,
        headers: { ...user.headers, 'content-type': 'text/plain' },
        payload: JSON.stringify({ notebook_state: notebook('x') }),
      });
      expect(response.statusCode).toBe(401);
      await unchanged();
    });

    it("another module's save token", async () => {
      const otherToken = await tokenFor(user, otherModuleId);
      const response = await beacon({ save_token: otherToken, notebook_state: notebook('x') });
      expect(response.statusCode).toBe(401);
      await unchanged();
      expect(await storedProgress(app, user.user.id, otherModuleId)).toBeUndefined();
    });

    it('an expired save token', async () => {
      const signer = createSaveTokenSigner(TEST_JWT_SECRET, 1);
      const expired = await signer.create(user.user.id, moduleId);
      await new Promise((resolve) => setTimeout(resolve, 2100));
      const response = await beacon({ save_token: expired, notebook_state: notebook('x') });
      expect(response.statusCode).toBe(401);
      await unchanged();
    });

    it('a token signed with the JWT secret itself (not the save-token key)', async () => {
      const forged = await new SignJWT({ token_type: 'progress_save', module_id: moduleId })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject(user.user.id)
        .setExpirationTime('5m')
        .sign(new TextEncoder().encode(TEST_JWT_SECRET));
      expect((await beacon({ save_token: forged, notebook_state: notebook('x') })).statusCode).toBe(
        401,
      );
      await unchanged();
    });

    it('a save token used as an access token elsewhere', async () => {
      const response = await app.inject({
        method: 'GET',
        url: `/api/progress/${moduleId}`,
        headers: { authorization: `Bearer ${token}` },
      });
      expect(response.statusCode).toBe(401);
    });

    it('malformed JSON', async () => {
      const response = await beacon('{"save_token": "x", ');
      expect(response.statusCode).toBe(400);
      expect(response.json().error.code).toBe('malformed_json');
      await unchanged();
    });

    it('an invalid notebook, with the same messages as PUT', async () => {
      const response = await beacon({
        save_token: token,
        notebook_state: { cells: 'nope', metadata: {}, nbformat: 4 },
      });
      expect(response.statusCode).toBe(422);
      expect(response.json().error.message).toMatch(
        /^notebook_state\.cells: must be an array of notebook cells/,
      );
      await unchanged();
    });

    it('a body with a "__proto__" key (400, as for PUT)', async () => {
      const body = JSON.stringify({ save_token: token, notebook_state: notebook('x') }).replace(
        '"metadata":{}',
        '"metadata":{"__proto__":{"trusted":true}}',
      );
      const response = await beacon(body);
      expect(response.statusCode).toBe(400);
      expect(response.json().error.code).toBe('malformed_json');
      await unchanged();
    });

    it('a body with neither status nor notebook_state', async () => {
      const response = await beacon({ save_token: token });
      expect(response.statusCode).toBe(422);
      expect(response.json().error.message).toMatch(/status or notebook_state/);
      await unchanged();
    });

    it('gzip that inflates beyond the limit (a zip bomb), or that is corrupt', async () => {
      const bomb = gzipSync(
        JSON.stringify({
          save_token: token,
          notebook_state: notebook(' '.repeat(64 * 1024 * 1024)),
        }),
      );
      expect(bomb.length).toBeLessThan(200 * 1024);
      const inflated = await beacon(bomb.toString('latin1'), moduleId);
      const response = await app.inject({
        method: 'POST',
        url: `/api/progress/${moduleId}/beacon`,
        headers: { 'content-type': 'text/plain' },
        payload: bomb,
      });
      expect(response.statusCode).toBe(413);
      expect(response.json().error.message).toBe('Request body is too large once decompressed');
      expect(inflated.statusCode).toBe(400);
      const corrupt = Buffer.concat([Buffer.from([0x1f, 0x8b]), Buffer.from('not really gzip')]);
      const bad = await app.inject({
        method: 'POST',
        url: `/api/progress/${moduleId}/beacon`,
        headers: { 'content-type': 'text/plain' },
        payload: corrupt,
      });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.message).toBe('Request body is not valid gzip');
      await unchanged();
    });

    it('6 MB of body', async () => {
      const response = await beacon({
        save_token: token,
        notebook_state: notebook('#'.repeat(6 * 1024 * 1024)),
      });
      expect(response.statusCode).toBe(413);
      await unchanged();
    });

    it('a module id that is not a UUID, or another content type', async () => {
      expect((await beacon({ save_token: token, status: 'completed' }, 'abc')).statusCode).toBe(
        422,
      );
      const form = await beacon('save_token=x', moduleId, 'application/x-www-form-urlencoded');
      expect(form.statusCode).toBe(415);
      await unchanged();
    });
  });

  it("cannot write another user's progress: the token says whose row it is", async () => {
    const alice = await buildUser(app);
    const bob = await buildUser(app);
    const bobToken = await tokenFor(bob);
    await beacon({ save_token: bobToken, notebook_state: notebook('bob') });
    expect(await storedProgress(app, alice.user.id, moduleId)).toBeUndefined();
    expect((await storedProgress(app, bob.user.id, moduleId))!.notebookState).toEqual(
      notebook('bob'),
    );
  });
});
