import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { incrementAttempt } from '../../src/progress/service';
import { buildUser, type TestUser } from '../helpers/factories';
import { createTestApp } from '../helpers/test-app';
import { notebook, seededModuleId, storedProgress, UNKNOWN_MODULE_ID } from './helpers';

describe('progress routes', () => {
  let app: FastifyInstance;
  let moduleId: string;
  beforeAll(async () => {
    app = await createTestApp();
    moduleId = await seededModuleId(app, 1);
  });
  afterAll(() => app.close());

  const put = (user: TestUser, body: unknown, id = moduleId) =>
    app.inject({
      method: 'PUT',
      url: `/api/progress/${id}`,
      headers: user.headers,
      payload: body as object,
    });
  const get = (user: TestUser, id = moduleId) =>
    app.inject({ method: 'GET', url: `/api/progress/${id}`, headers: user.headers });

  it('requires authentication', async () => {
    expect((await app.inject({ method: 'GET', url: `/api/progress/${moduleId}` })).statusCode).toBe(
      401,
    );
    const response = await app.inject({
      method: 'PUT',
      url: `/api/progress/${moduleId}`,
      payload: { status: 'in_progress' },
    });
    expect(response.statusCode).toBe(401);
  });

  it('returns a default not_started object before any save', async () => {
    const user = await buildUser(app);
    const response = await get(user);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      id: null,
      module_id: moduleId,
      status: 'not_started',
      attempt_count: 0,
      updated_at: null,
      version: 0,
      notebook_state: null,
    });
  });

  it('saves a notebook, returns the record without it, and restores it on GET', async () => {
    const user = await buildUser(app);
    const saved = await put(user, { notebook_state: notebook('y = 2'), base_version: 0 });
    expect(saved.statusCode).toBe(200);
    const out = saved.json();
    expect(out).toMatchObject({
      module_id: moduleId,
      status: 'in_progress',
      attempt_count: 0,
      version: 1,
    });
    expect(out.id).toEqual(expect.any(String));
    expect(Date.parse(out.updated_at)).not.toBeNaN();
    expect(out).not.toHaveProperty('notebook_state');

    const restored = (await get(user)).json();
    expect(restored).toMatchObject({
      id: out.id,
      status: 'in_progress',
      version: 1,
      updated_at: out.updated_at,
    });
    expect(restored.notebook_state).toEqual(notebook('y = 2'));
  });

  it('raises the version and updated_at on every notebook save; status changes keep the version', async () => {
    const user = await buildUser(app);
    const first = (await put(user, { notebook_state: notebook('a') })).json();
    const second = (await put(user, { notebook_state: notebook('b'), base_version: 1 })).json();
    expect(second.version).toBe(2);
    expect(Date.parse(second.updated_at)).toBeGreaterThanOrEqual(Date.parse(first.updated_at));
    const completed = (await put(user, { status: 'completed' })).json();
    expect(completed).toMatchObject({ status: 'completed', version: 2 });
    expect(Date.parse(completed.updated_at)).toBeGreaterThanOrEqual(Date.parse(second.updated_at));
    expect(
      (await put(user, { notebook_state: notebook('c'), base_version: 2 })).json().version,
    ).toBe(3);
  });

  it('accepts a save without base_version (last writer wins)', async () => {
    const user = await buildUser(app);
    await put(user, { notebook_state: notebook('one') });
    await put(user, { notebook_state: notebook('two') });
    const response = await put(user, { notebook_state: notebook('three') });
    expect(response.statusCode).toBe(200);
    expect(response.json().version).toBe(3);
    expect((await storedProgress(app, user.user.id, moduleId))!.notebookState).toEqual(
      notebook('three'),
    );
  });

  it('refuses a stale save with 409 and the current version, and writes nothing', async () => {
    const user = await buildUser(app);
    await put(user, { notebook_state: notebook('v1') });
    await put(user, { notebook_state: notebook('v2'), base_version: 1 });
    const before = await storedProgress(app, user.user.id, moduleId);
    const response = await put(user, { notebook_state: notebook('stale'), base_version: 1 });
    expect(response.statusCode).toBe(409);
    expect(response.json()).toEqual({
      error: {
        code: 'conflict',
        message: expect.stringContaining('version 2'),
        current_version: 2,
        updated_at: before!.updatedAt.toISOString(),
      },
    });
    expect(await storedProgress(app, user.user.id, moduleId)).toEqual(before);
  });

  it('lets exactly one of two concurrent saves from the same base version win', async () => {
    const user = await buildUser(app);
    await put(user, { notebook_state: notebook('base') });
    const responses = await Promise.all([
      put(user, { notebook_state: notebook('tab A'), base_version: 1 }),
      put(user, { notebook_state: notebook('tab B'), base_version: 1 }),
    ]);
    const codes = responses.map((r) => r.statusCode).sort();
    expect(codes).toEqual([200, 409]);
    const winner = responses.find((r) => r.statusCode === 200)!;
    const stored = await storedProgress(app, user.user.id, moduleId);
    expect(stored!.version).toBe(2);
    expect(stored!.notebookState).toEqual(notebook(responses[0] === winner ? 'tab A' : 'tab B'));
  });

  it('lets exactly one of two concurrent first saves (base_version 0) win', async () => {
    const user = await buildUser(app);
    const responses = await Promise.all([
      put(user, { notebook_state: notebook('A'), base_version: 0 }),
      put(user, { notebook_state: notebook('B'), base_version: 0 }),
    ]);
    expect(responses.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect((await storedProgress(app, user.user.id, moduleId))!.version).toBe(1);
  });

  describe('status', () => {
    it('moves forward: not_started → in_progress → completed', async () => {
      const user = await buildUser(app);
      expect((await put(user, { status: 'not_started' })).json().status).toBe('not_started');
      expect((await put(user, { status: 'in_progress' })).json().status).toBe('in_progress');
      expect((await put(user, { status: 'completed' })).json().status).toBe('completed');
      expect((await put(user, { status: 'completed' })).statusCode).toBe(200);
    });

    it('may skip straight to completed', async () => {
      const user = await buildUser(app);
      expect((await put(user, { status: 'completed' })).json()).toMatchObject({
        status: 'completed',
        version: 0,
      });
    });

    it('refuses a status-only move backward with 422, writing nothing', async () => {
      const user = await buildUser(app);
      await put(user, { notebook_state: notebook() });
      await put(user, { status: 'completed' });
      const before = await storedProgress(app, user.user.id, moduleId);
      const response = await put(user, { status: 'in_progress' });
      expect(response.statusCode).toBe(422);
      expect(response.json().error.message).toMatch(/^status: .*completed.*only moves forward/);
      expect(await storedProgress(app, user.user.id, moduleId)).toEqual(before);
    });

    it('never moves a completed module back when a notebook is saved', async () => {
      const user = await buildUser(app);
      await put(user, { status: 'completed' });
      const plain = await put(user, { notebook_state: notebook('after completion') });
      expect(plain.json()).toMatchObject({ status: 'completed', version: 1 });
      const withLowerStatus = await put(user, {
        notebook_state: notebook('again'),
        status: 'in_progress',
      });
      expect(withLowerStatus.statusCode).toBe(200);
      expect(withLowerStatus.json()).toMatchObject({ status: 'completed', version: 2 });
    });

    it('moves not_started to in_progress on the first notebook save', async () => {
      const user = await buildUser(app);
      await put(user, { status: 'not_started' });
      expect((await put(user, { notebook_state: notebook() })).json().status).toBe('in_progress');
    });
  });

  describe('bad input leaves the stored row unchanged', () => {
    let user: TestUser;
    let before: Awaited<ReturnType<typeof storedProgress>>;
    beforeAll(async () => {
      user = await buildUser(app);
      await put(user, { notebook_state: notebook('precious work'), status: 'in_progress' });
      before = await storedProgress(app, user.user.id, moduleId);
      expect(before!.version).toBe(1);
    });

    const cases: Array<[string, unknown, RegExp]> = [
      ['an empty object', {}, /status or notebook_state/],
      ['status "done"', { status: 'done' }, /^status: must be one of/],
      [
        'notebook_state []',
        { notebook_state: [] },
        /^notebook_state: must be an nbformat 4 notebook/,
      ],
      [
        'notebook_state null',
        { notebook_state: null },
        /^notebook_state: must be an nbformat 4 notebook/,
      ],
      [
        'a notebook without cells',
        { notebook_state: { ...notebook(), cells: undefined } },
        /^notebook_state\.cells: must be an array of notebook cells/,
      ],
      [
        'a notebook of nbformat 3',
        { notebook_state: { ...notebook(), nbformat: 3 } },
        /^notebook_state\.nbformat: must be 4/,
      ],
      [
        'a notebook without metadata',
        { notebook_state: { ...notebook(), metadata: undefined } },
        /^notebook_state\.metadata: must be an object/,
      ],
      [
        'a cell of an unknown type',
        { notebook_state: { ...notebook(), cells: [{ cell_type: 'widget', source: '' }] } },
        /^notebook_state\.cells\.0\.cell_type: must be "raw", "markdown" or "code" \(not "widget"\)/,
      ],
      [
        'a cell whose source is a number',
        { notebook_state: { ...notebook(), cells: [{ cell_type: 'code', source: 42 }] } },
        /^notebook_state\.cells\.0\.source: must be a string or an array of strings/,
      ],
      [
        'a cell that is a string',
        { notebook_state: { ...notebook(), cells: ['print(1)'] } },
        /^notebook_state\.cells\.0: must be a notebook cell object/,
      ],
      [
        'a negative base_version',
        { notebook_state: notebook(), base_version: -1 },
        /^base_version:/,
      ],
      [
        'a string base_version',
        { notebook_state: notebook(), base_version: '1' },
        /^base_version: must be a number/,
      ],
      ['an unknown field', { notebookState: notebook() }, /notebookState/],
      ['a JSON array body', [notebook()], /the body must be a JSON object/],
    ];

    it.each(cases)('422 for %s', async (_name, body, message) => {
      const response = await put(user, body);
      expect(response.statusCode).toBe(422);
      expect(response.json().error.code).toBe('unprocessable_entity');
      expect(response.json().error.message).toMatch(message);
      expect(await storedProgress(app, user.user.id, moduleId)).toEqual(before);
    });

    it('422 for a notebook nested 10,000 levels deep (which JSON.stringify cannot even write)', async () => {
      const deep = '['.repeat(10_000) + ']'.repeat(10_000);
      const payload = JSON.stringify({ notebook_state: notebook() }).replace(
        '"metadata":{',
        `"metadata":{"deep":${deep},`,
      );
      const response = await app.inject({
        method: 'PUT',
        url: `/api/progress/${moduleId}`,
        headers: { ...user.headers, 'content-type': 'application/json' },
        payload,
      });
      expect(response.statusCode).toBe(422);
      expect(response.json().error.message).toBe(
        'notebook_state: must not nest objects and arrays more than 100 levels deep',
      );
      expect(await storedProgress(app, user.user.id, moduleId)).toEqual(before);
    });

    it('400 for malformed JSON', async () => {
      const response = await app.inject({
        method: 'PUT',
        url: `/api/progress/${moduleId}`,
        headers: { ...user.headers, 'content-type': 'application/json' },
        payload: '{"status": "completed", "notebook_state": {',
      });
      expect(response.statusCode).toBe(400);
      expect(response.json()).toEqual({
        error: { code: 'malformed_json', message: 'Request body is not valid JSON' },
      });
      expect(await storedProgress(app, user.user.id, moduleId)).toEqual(before);
    });

    // Keys that would reach a prototype if the body were copied by assignment: refused as
    // Fastify's default JSON parser refuses them, wherever they are and however they are escaped.
    const prototypeBodies: Array<[string, string]> = [
      ['"__proto__" at the top', '{"__proto__": {"status": "completed"}, "status": "completed"}'],
      [
        '"__proto__" in a cell\'s metadata',
        JSON.stringify({ notebook_state: notebook() }).replace(
          '"metadata":{}',
          '"metadata":{"__proto__":{"trusted":true}}',
        ),
      ],
      [
        'an escaped "__proto__" in an output',
        JSON.stringify({ notebook_state: notebook() }).replace(
          '"outputs":[]',
          String.raw`"outputs":[{"output_type":"stream","name":"stdout","text":"x","\u005f_proto__":{}}]`,
        ),
      ],
      [
        '"constructor" holding a "prototype"',
        JSON.stringify({ notebook_state: notebook() }).replace(
          '"metadata":{}',
          '"metadata":{"constructor":{"prototype":{"polluted":true}}}',
        ),
      ],
    ];

    it.each(prototypeBodies)('400 for %s', async (_name, payload) => {
      const response = await app.inject({
        method: 'PUT',
        url: `/api/progress/${moduleId}`,
        headers: { ...user.headers, 'content-type': 'application/json' },
        payload,
      });
      expect(response.statusCode).toBe(400);
      expect(response.json()).toEqual({
        error: { code: 'malformed_json', message: 'Request body is not valid JSON' },
      });
      expect(await storedProgress(app, user.user.id, moduleId)).toEqual(before);
      expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    });

    it('400 for an empty JSON body', async () => {
      const response = await app.inject({
        method: 'PUT',
        url: `/api/progress/${moduleId}`,
        headers: { ...user.headers, 'content-type': 'application/json' },
        payload: '',
      });
      expect(response.statusCode).toBe(400);
      expect(response.json().error.message).toMatch(/empty/);
      expect(await storedProgress(app, user.user.id, moduleId)).toEqual(before);
    });

    it('413 for 6 MB of JSON', async () => {
      const big = notebook('#'.repeat(6 * 1024 * 1024));
      const response = await put(user, { notebook_state: big });
      expect(response.statusCode).toBe(413);
      expect(response.json()).toEqual({
        error: { code: 'payload_too_large', message: 'Request body is too large' },
      });
      expect(await storedProgress(app, user.user.id, moduleId)).toEqual(before);
    });

    it('accepts a notebook just under 5 MB', async () => {
      const other = await buildUser(app);
      const response = await put(other, {
        notebook_state: notebook('#'.repeat(5 * 1024 * 1024 - 2048)),
      });
      expect(response.statusCode).toBe(200);
    });

    it('422 for a module id that is not a UUID', async () => {
      const response = await put(user, { status: 'completed' }, 'not-a-uuid');
      expect(response.statusCode).toBe(422);
      expect(response.json().error.message).toBe('module_id: must be a UUID');
      expect((await get(user, 'not-a-uuid')).statusCode).toBe(422);
      expect(await storedProgress(app, user.user.id, moduleId)).toEqual(before);
    });

    it('404 for an unknown module', async () => {
      const response = await put(user, { notebook_state: notebook() }, UNKNOWN_MODULE_ID);
      expect(response.statusCode).toBe(404);
      expect(response.json()).toEqual({
        error: { code: 'not_found', message: 'Module not found' },
      });
      expect((await get(user, UNKNOWN_MODULE_ID)).statusCode).toBe(404);
      expect(await storedProgress(app, user.user.id, UNKNOWN_MODULE_ID)).toBeUndefined();
    });
  });

  it("keeps each user's progress to themselves", async () => {
    const alice = await buildUser(app);
    const bob = await buildUser(app);
    await put(alice, { notebook_state: notebook('alice secret'), status: 'completed' });
    const bobView = (await get(bob)).json();
    expect(bobView).toMatchObject({
      id: null,
      status: 'not_started',
      version: 0,
      notebook_state: null,
    });

    // Bob's save (even with Alice's version) creates Bob's own row; Alice's is untouched.
    const aliceBefore = await storedProgress(app, alice.user.id, moduleId);
    const bobSave = await put(bob, { notebook_state: notebook('bob work'), base_version: 1 });
    expect(bobSave.statusCode).toBe(200);
    expect(bobSave.json().id).not.toBe(aliceBefore!.id);
    expect(await storedProgress(app, alice.user.id, moduleId)).toEqual(aliceBefore);
    expect((await get(alice)).json().notebook_state).toEqual(notebook('alice secret'));
    expect((await get(bob)).json().notebook_state).toEqual(notebook('bob work'));
  });

  it('saves a notebook holding NUL characters or lone surrogates (jsonb refuses both) with U+FFFD in their place', async () => {
    const user = await buildUser(app);
    const response = await put(user, { notebook_state: notebook('print("a\u0000b\uD800")') });
    expect(response.statusCode).toBe(200);
    const restored = (await get(user)).json();
    expect(restored.notebook_state).toEqual(notebook('print("a\uFFFDb\uFFFD")'));
  });

  it('stores the notebook as sent in JSON text, escapes included (an escaped pair kept, NUL and lone surrogates replaced)', async () => {
    const user = await buildUser(app);
    const source = String.raw`"x = 1.25  # \u00e9t\u00E9 \uD83D\uDE00 \\u0000 typed"`;
    const raw = (text: string) =>
      `{"notebook_state": {"nbformat": 4, "nbformat_minor": 5, "metadata": {"n": 12345678901234567890},` +
      ` "cells": [{"cell_type": "code", "id": "c", "source": ${text}, "metadata": {}, "outputs": [], "execution_count": null}]}}`;
    const send = (text: string) =>
      app.inject({
        method: 'PUT',
        url: `/api/progress/${moduleId}`,
        headers: { ...user.headers, 'content-type': 'application/json' },
        payload: raw(text),
      });
    expect((await send(source)).statusCode).toBe(200);
    const cellSource = async () =>
      (
        (await storedProgress(app, user.user.id, moduleId))!.notebookState as {
          cells: { source: string }[];
        }
      ).cells[0]!.source;
    expect(await cellSource()).toBe('x = 1.25  # \u00e9t\u00e9 \uD83D\uDE00 \\u0000 typed');
    // Escapes jsonb refuses, in either case: the save still succeeds, with U+FFFD in their place.
    expect((await send(String.raw`"a\u0000b \uD800 \udfff \uD83D\uDE00"`)).statusCode).toBe(200);
    expect(await cellSource()).toBe('a\uFFFDb \uFFFD \uFFFD \uD83D\uDE00');
    // The refused first attempt wrote nothing: two saves, two versions.
    expect((await storedProgress(app, user.user.id, moduleId))!.version).toBe(2);
  });

  it('stores characters sent as UTF-8 bytes, and invalid UTF-8 as U+FFFD', async () => {
    const user = await buildUser(app);
    const send = (source: Buffer) =>
      app.inject({
        method: 'PUT',
        url: `/api/progress/${moduleId}`,
        headers: { ...user.headers, 'content-type': 'application/json' },
        payload: Buffer.concat([
          Buffer.from(
            '{"notebook_state": {"nbformat": 4, "nbformat_minor": 4, "metadata": {}, "cells": [{"cell_type": "code", "metadata": {}, "outputs": [], "execution_count": null, "source": "',
          ),
          source,
          Buffer.from('"}]}}'),
        ]),
      });
    const stored = async () =>
      ((await get(user)).json().notebook_state as { cells: { source: string }[] }).cells[0]!.source;
    expect((await send(Buffer.from('# ñandú, 😀, Ωmega', 'utf8'))).statusCode).toBe(200);
    expect(await stored()).toBe('# ñandú, 😀, Ωmega');
    expect((await send(Buffer.from([0x61, 0xff, 0x62]))).statusCode).toBe(200);
    expect(await stored()).toBe('a\uFFFDb');
    // PostgreSQL refuses the bytes as sent; that first attempt wrote nothing: two saves, two versions.
    expect((await storedProgress(app, user.user.id, moduleId))!.version).toBe(2);
  });

  it('saves a body that starts with a UTF-8 byte order mark', async () => {
    const user = await buildUser(app);
    const response = await app.inject({
      method: 'PUT',
      url: `/api/progress/${moduleId}`,
      headers: { ...user.headers, 'content-type': 'application/json' },
      payload: Buffer.concat([
        Buffer.from([0xef, 0xbb, 0xbf]),
        Buffer.from(JSON.stringify({ notebook_state: notebook('bom') })),
      ]),
    });
    expect(response.statusCode).toBe(200);
    expect((await get(user)).json().notebook_state).toEqual(notebook('bom'));
  });

  describe('stores the notebook as sent, whatever the shape of the body', () => {
    const send = (user: TestUser, payload: string) =>
      app.inject({
        method: 'PUT',
        url: `/api/progress/${moduleId}`,
        headers: { ...user.headers, 'content-type': 'application/json' },
        payload,
      });
    const nb = (code: string) => JSON.stringify(notebook(code));
    // Each body saved twice: the first save creates the record, the second updates it.
    const bodies: Array<[string, (code: string) => string, string]> = [
      ['the notebook alone', (c) => `{"notebook_state":${nb(c)}}`, 'in_progress'],
      [
        'the notebook, then base_version',
        (c) => `{"notebook_state":${nb(c)},"base_version":VERSION}`,
        'in_progress',
      ],
      [
        'base_version, then the notebook',
        (c) => `{"base_version":VERSION,"notebook_state":${nb(c)}}`,
        'in_progress',
      ],
      [
        'the notebook, then a status',
        (c) => `{"notebook_state":${nb(c)},"status":"completed"}`,
        'completed',
      ],
      [
        'pretty-printed, with spaces and line breaks',
        (c) =>
          `{"notebook_state" :\n${JSON.stringify(notebook(c), null, 2)} ,\n "base_version": VERSION }\n`,
        'in_progress',
      ],
      [
        'the member repeated (the last one counts, as JSON.parse reads it)',
        (c) => `{"notebook_state":${nb('not this one')},"notebook_state":${nb(c)}}`,
        'in_progress',
      ],
      [
        'a "constructor" key that holds no prototype',
        (c) =>
          `{"notebook_state":${nb(c).replace('"metadata":{}', '"metadata":{"constructor":"x"}')}}`,
        'in_progress',
      ],
    ];

    it.each(bodies)('%s', async (_name, body, status) => {
      const user = await buildUser(app);
      for (const [i, code] of ['first', 'second'].entries()) {
        const response = await send(user, body(code).replace('VERSION', String(i)));
        expect(response.statusCode).toBe(200);
        expect(response.json()).toMatchObject({ version: i + 1, status });
        expect(response.json()).not.toHaveProperty('notebook_state');
        const stored = (await storedProgress(app, user.user.id, moduleId))!;
        expect(stored.version).toBe(i + 1);
        expect(JSON.stringify(stored.notebookState)).toContain(JSON.stringify(code));
        expect(JSON.stringify(stored.notebookState)).not.toContain('not this one');
      }
    });

    it('replaces NUL and lone surrogates on a save over an existing record too', async () => {
      const user = await buildUser(app);
      expect((await put(user, { notebook_state: notebook('clean') })).statusCode).toBe(200);
      const response = await put(user, {
        notebook_state: notebook('a\u0000b\uD800'),
        base_version: 1,
      });
      expect(response.statusCode).toBe(200);
      expect(response.json().version).toBe(2);
      expect((await get(user)).json().notebook_state).toEqual(notebook('a\uFFFDb\uFFFD'));
    });
  });

  it('stores notebook_state as a JSON object, not a string', async () => {
    const user = await buildUser(app);
    await put(user, { notebook_state: notebook() });
    const stored = await storedProgress(app, user.user.id, moduleId);
    expect(typeof stored!.notebookState).toBe('object');
    expect(stored!.notebookState).toEqual(notebook());
  });

  describe('incrementAttempt', () => {
    it('counts 50 concurrent calls exactly, creating the record', async () => {
      const user = await buildUser(app);
      const counts = await Promise.all(
        Array.from({ length: 50 }, () => incrementAttempt(app.database.db, user.user.id, moduleId)),
      );
      expect([...counts].sort((a, b) => a - b)).toEqual(
        Array.from({ length: 50 }, (_, i) => i + 1),
      );
      const stored = await storedProgress(app, user.user.id, moduleId);
      expect(stored).toMatchObject({
        attemptCount: 50,
        version: 0,
        status: 'not_started',
        notebookState: null,
      });
      expect((await get(user)).json()).toMatchObject({ attempt_count: 50, version: 0 });
    });

    it('adds to an existing record without touching the notebook or its version', async () => {
      const user = await buildUser(app);
      await put(user, { notebook_state: notebook('kept') });
      const before = await storedProgress(app, user.user.id, moduleId);
      await Promise.all(
        Array.from({ length: 50 }, () => incrementAttempt(app.database.db, user.user.id, moduleId)),
      );
      const after = await storedProgress(app, user.user.id, moduleId);
      expect(after).toMatchObject({
        attemptCount: 50,
        version: 1,
        notebookState: notebook('kept'),
        status: 'in_progress',
      });
      expect(after!.updatedAt.getTime()).toBeGreaterThanOrEqual(before!.updatedAt.getTime());
      // A save based on the version read before the attempts is not stale.
      expect(
        (await put(user, { notebook_state: notebook('next'), base_version: 1 })).statusCode,
      ).toBe(200);
    });
  });
});
