import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser } from '../helpers/factories';
import { createTestApp, databaseKind } from '../helpers/test-app';
import { notebook, seededModuleId } from './helpers';

describe('notebook storage', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await createTestApp();
  });
  afterAll(() => app.close());

  it('compresses notebook_state with lz4 on PostgreSQL, and stores it uncompressed on PGlite (no lz4)', async () => {
    const result = (await app.database.db.execute(
      sql`select attcompression as compression, attstorage as storage from pg_attribute
          where attrelid = 'user_module_progress'::regclass and attname = 'notebook_state'`,
    )) as unknown as { rows: Array<{ compression: string; storage: string }> };
    expect(result.rows[0]).toEqual(
      databaseKind() === 'postgres'
        ? { compression: 'l', storage: 'x' }
        : { compression: '', storage: 'e' },
    );
  });

  it('stores and returns a large, compressible notebook intact', async () => {
    const user = await buildUser(app);
    const moduleId = await seededModuleId(app, 3);
    const big = notebook(
      'x = [' + Array.from({ length: 40_000 }, (_, i) => i % 100).join(', ') + ']',
    );
    const saved = await app.inject({
      method: 'PUT',
      url: `/api/progress/${moduleId}`,
      headers: user.headers,
      payload: { notebook_state: big },
    });
    expect(saved.statusCode).toBe(200);
    const restored = await app.inject({
      method: 'GET',
      url: `/api/progress/${moduleId}`,
      headers: user.headers,
    });
    expect(restored.json().notebook_state).toEqual(big);
  });
});
