import type { FastifyInstance } from 'fastify';
import { inject } from 'vitest';
import { type DatabaseHandle, openDatabase } from '../../src/db/client';
import { type BuildTestAppOptions, buildTestApp } from './build-test-app';
import { testDatabaseUrl } from './test-database';

export { TEST_JWT_SECRET } from './build-test-app';

export interface TestAppOptions extends Omit<BuildTestAppOptions, 'closeDatabase'> {
  /** Reuse a database (to restart an app on the same data). */
  database?: DatabaseHandle;
}

/**
 * Opens the database this test file targets: its own PostgreSQL database (see file-database.ts),
 * or a fresh in-memory PGlite (a new cluster, from the run's image).
 */
export function openTestDatabase(): DatabaseHandle {
  const url = testDatabaseUrl();
  return url ? openDatabase({ kind: 'postgres', url, poolSize: 5 }) : openNewPglite();
}

/** A new, empty in-memory PGlite cluster, whichever project runs the test. */
export function openNewPglite(): DatabaseHandle {
  return openDatabase({ kind: 'pglite', image: inject('pgliteImage') });
}

/** The real app on the test database, migrated and ready for `inject()` or `listen()`. */
export async function createTestApp(options: TestAppOptions = {}): Promise<FastifyInstance> {
  const { database, ...rest } = options;
  return await buildTestApp(database ?? openTestDatabase(), { ...rest, closeDatabase: !database });
}

export function databaseKind(): 'postgres' | 'pglite' {
  return testDatabaseUrl() ? 'postgres' : 'pglite';
}
