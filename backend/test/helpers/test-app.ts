import type { FastifyInstance, FastifyServerOptions } from 'fastify';
import { inject } from 'vitest';
import { buildApp } from '../../src/app';
import { type Env, loadEnv } from '../../src/config/env';
import { type DatabaseHandle, openDatabase } from '../../src/db/client';
import { testDatabaseUrl } from './test-database';

export const TEST_JWT_SECRET = 'test-secret-that-is-at-least-32-characters-long';

export interface TestAppOptions {
  env?: Partial<Record<keyof Env, string>>;
  serverOptions?: FastifyServerOptions;
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
  const env = loadEnv({
    LOG_LEVEL: 'silent',
    FRONTEND_DIST: 'backend/test/fixtures/no-frontend',
    JUPYTERLITE_DIR: 'backend/test/fixtures/no-jupyterlite',
    ...options.env,
  });
  const app = await buildApp(
    {
      env,
      database: options.database ?? openTestDatabase(),
      closeDatabase: !options.database,
      jwtSecret: TEST_JWT_SECRET,
    },
    { logger: false, ...options.serverOptions },
  );
  await app.ready();
  return app;
}

export function databaseKind(): 'postgres' | 'pglite' {
  return testDatabaseUrl() ? 'postgres' : 'pglite';
}
