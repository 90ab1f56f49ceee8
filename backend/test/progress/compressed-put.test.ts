import { gzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser } from '../helpers/factories';
import { createTestApp } from '../helpers/test-app';
import { notebook, seededModuleId, storedProgress } from './helpers';

describe('PUT /api/progress with a gzip-encoded body', () => {
  let app: FastifyInstance;
  let moduleId: string;
  beforeAll(async () => {
    app = await createTestApp();
    moduleId = await seededModuleId(app, 2);
  });
  afterAll(() => app.close());

  it('is accepted (Content-Encoding: gzip)', async () => {
    const user = await buildUser(app);
    const response = await app.inject({
      method: 'PUT',
      url: `/api/progress/${moduleId}`,
      headers: { ...user.headers, 'content-type': 'application/json', 'content-encoding': 'gzip' },
      payload: gzipSync(JSON.stringify({ notebook_state: notebook('zipped') })),
    });
    expect(response.statusCode).toBe(200);
    expect((await storedProgress(app, user.user.id, moduleId))!.notebookState).toEqual(
      notebook('zipped'),
    );
  });

  it('is refused with 413 when it inflates beyond the limit, writing nothing', async () => {
    const user = await buildUser(app);
    const bomb = gzipSync(
      JSON.stringify({ notebook_state: notebook(' '.repeat(64 * 1024 * 1024)) }),
    );
    const response = await app.inject({
      method: 'PUT',
      url: `/api/progress/${moduleId}`,
      headers: { ...user.headers, 'content-type': 'application/json', 'content-encoding': 'gzip' },
      payload: bomb,
    });
    expect(response.statusCode).toBe(413);
    expect(await storedProgress(app, user.user.id, moduleId)).toBeUndefined();
  });
});
