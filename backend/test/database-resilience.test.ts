import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../src/db/client';
import { createTestApp } from './helpers/test-app';
import { testDatabaseUrl } from './helpers/test-database';

const databaseUrl = testDatabaseUrl();

describe.skipIf(!databaseUrl)('PostgreSQL connections dropped by the server', () => {
  let app: FastifyInstance;
  // Its own application name, so only this app's connections are cut, not other test files'.
  const database = databaseUrl
    ? openDatabase({
        kind: 'postgres',
        url: `${databaseUrl}?application_name=resilience_test`,
        poolSize: 2,
      })
    : undefined;
  beforeAll(async () => {
    app = await createTestApp({ database });
  });
  afterAll(async () => {
    await app.close();
    await database?.close();
  });

  it('keeps serving after its idle connections are terminated', async () => {
    expect((await app.inject({ url: '/health' })).statusCode).toBe(200);
    const admin = new pg.Client({ connectionString: databaseUrl });
    await admin.connect();
    const { rows } = await admin.query<{ terminated: boolean }>(
      `select pg_terminate_backend(pid) as terminated from pg_stat_activity
       where application_name = 'resilience_test'`,
    );
    await admin.end();
    expect(rows.some((row) => row.terminated)).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const response = await app.inject({ url: '/health' });
    expect(response.statusCode).toBe(200);
  });
});
