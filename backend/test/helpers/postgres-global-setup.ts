import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import pino from 'pino';
import { openDatabase } from '../../src/db/client';
import { prepareDatabase } from '../../src/db/migrate';
import { seeders } from '../../src/db/seeders';
import { adminQuery } from './test-database';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The PostgreSQL server's maintenance database (for CREATE/DROP DATABASE), on PostgreSQL runs. */
    databaseServerUrl: string | undefined;
    /** A migrated and seeded database that each test file copies into a database of its own. */
    databaseTemplate: string | undefined;
  }
}

/**
 * PostgreSQL runs: migrates and seeds one template database; every test file then gets a copy of
 * its own (see file-database.ts), so no file sees another's rows. Drops them all afterwards.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const serverUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const run = `tutor_test_${Date.now()}_${randomBytes(3).toString('hex')}`;
  const template = `${run}_t`;
  await adminQuery(serverUrl, `create database "${template}"`);

  const url = new URL(serverUrl);
  url.pathname = `/${template}`;
  const handle = openDatabase({ kind: 'postgres', url: url.toString(), poolSize: 2 });
  await prepareDatabase(handle, pino({ level: 'silent' }), seeders);
  await handle.close();
  project.provide('databaseServerUrl', serverUrl);
  project.provide('databaseTemplate', template);

  return async () => {
    // Each file drops its own copy; this also catches those of a file that crashed.
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    try {
      const { rows } = await client.query<{ datname: string }>(
        `select datname from pg_database where starts_with(datname, $1)`,
        [run],
      );
      for (const { datname } of rows)
        await client.query(`drop database if exists "${datname}" with (force)`);
    } finally {
      await client.end();
    }
  };
}
