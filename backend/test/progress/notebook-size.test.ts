/**
 * The notebook size limit, exactly: `notebook_state` may be NOTEBOOK_STATE_MAX_BYTES (5 MiB) of JSON
 * as sent (UTF-8 bytes, after any gzip is undone); one byte more is refused with 413, and nothing
 * stored changes.
 */
import { gzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NOTEBOOK_STATE_MAX_BYTES } from '@tutor/shared/progress';
import { buildUser, type TestUser } from '../helpers/factories';
import { createTestApp } from '../helpers/test-app';
import { beacon, notebook, saveToken, seededModuleId, storedProgress } from './helpers';

const LIMIT = NOTEBOOK_STATE_MAX_BYTES;

/**
 * A notebook whose JSON text (JSON.stringify, UTF-8) is exactly `bytes` long, its code cell filled
 * with `fill` (a character of 1 to 3 UTF-8 bytes; the rest is made up with '#').
 */
function notebookOfSize(bytes: number, fill = '#') {
  const empty = Buffer.byteLength(JSON.stringify(notebook('')));
  const fillBytes = Buffer.byteLength(fill);
  const room = bytes - empty;
  const code = fill.repeat(Math.floor(room / fillBytes)) + '#'.repeat(room % fillBytes);
  const nb = notebook(code);
  expect(Buffer.byteLength(JSON.stringify(nb))).toBe(bytes);
  return nb;
}

describe('the notebook size limit', () => {
  let app: FastifyInstance;
  let moduleId: string;
  let user: TestUser;
  beforeAll(async () => {
    app = await createTestApp();
    moduleId = await seededModuleId(app, 3);
    user = await buildUser(app);
    expect((await put(JSON.stringify({ notebook_state: notebook('kept') }))).statusCode).toBe(200);
  });
  afterAll(() => app.close());

  const put = (body: string | Buffer, headers: Record<string, string> = {}) =>
    app.inject({
      method: 'PUT',
      url: `/api/progress/${moduleId}`,
      headers: { ...user.headers, 'content-type': 'application/json', ...headers },
      payload: body,
    });

  const expectRefused = async (response: Awaited<ReturnType<typeof put>>, before: unknown) => {
    expect(response.statusCode).toBe(413);
    expect(response.json()).toEqual({
      error: {
        code: 'payload_too_large',
        message: `notebook_state is ${(LIMIT + 1).toLocaleString('en')} bytes of JSON; the largest accepted is ${LIMIT.toLocaleString('en')} bytes (5 MiB)`,
      },
    });
    expect(await storedProgress(app, user.user.id, moduleId)).toEqual(before);
  };

  it('accepts a notebook of exactly the limit', async () => {
    const nb = notebookOfSize(LIMIT);
    const response = await put(JSON.stringify({ notebook_state: nb, base_version: 1 }));
    expect(response.statusCode, response.body).toBe(200);
    expect((await storedProgress(app, user.user.id, moduleId))!.notebookState).toEqual(nb);
  });

  it('refuses one byte more with 413, storing nothing', async () => {
    const before = await storedProgress(app, user.user.id, moduleId);
    await expectRefused(
      await put(JSON.stringify({ notebook_state: notebookOfSize(LIMIT + 1) })),
      before,
    );
  });

  it('counts UTF-8 bytes, not characters', async () => {
    const before = await storedProgress(app, user.user.id, moduleId);
    await expectRefused(
      await put(JSON.stringify({ notebook_state: notebookOfSize(LIMIT + 1, 'é') })),
      before,
    );
    const nb = notebookOfSize(LIMIT, '€');
    const response = await put(JSON.stringify({ notebook_state: nb }));
    expect(response.statusCode, response.body).toBe(200);
    expect((await storedProgress(app, user.user.id, moduleId))!.notebookState).toEqual(nb);
  });

  it('counts the JSON as sent, whatever comes around it in the body', async () => {
    const before = await storedProgress(app, user.user.id, moduleId);
    const text = JSON.stringify(notebookOfSize(LIMIT + 1));
    // Other members before and after, spaces, and a key written with an escape.
    const body = `{ "status" : "in_progress" ,\n "notebook\\u005fstate" :  ${text} , "base_version": 4 }`;
    await expectRefused(await put(body), before);
  });

  it('applies to a gzip-compressed body once inflated', async () => {
    const before = await storedProgress(app, user.user.id, moduleId);
    const body = gzipSync(JSON.stringify({ notebook_state: notebookOfSize(LIMIT + 1) }));
    await expectRefused(await put(body, { 'content-encoding': 'gzip' }), before);
  });

  it('applies to the final save sent by sendBeacon', async () => {
    const before = await storedProgress(app, user.user.id, moduleId);
    const token = await saveToken(app, user, moduleId);
    const response = await beacon(
      app,
      moduleId,
      gzipSync(JSON.stringify({ save_token: token, notebook_state: notebookOfSize(LIMIT + 1) })),
    );
    await expectRefused(response, before);
  });
});
