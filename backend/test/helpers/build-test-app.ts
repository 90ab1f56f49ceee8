// The app as the tests and the benchmarks run it. Kept free of Vitest (test-app.ts adds the test
// database on top) so that bench/ can build the same app on its own databases.
import type { FastifyInstance, FastifyServerOptions } from 'fastify';
import { buildApp } from '../../src/app';
import { type Env, loadEnv } from '../../src/config/env';
import type { DatabaseHandle } from '../../src/db/client';

export const TEST_JWT_SECRET = 'test-secret-that-is-at-least-32-characters-long';

export interface BuildTestAppOptions {
  /** Environment variables over the defaults (silent logs, no frontend or JupyterLite build). */
  env?: Partial<Record<keyof Env, string>>;
  serverOptions?: FastifyServerOptions;
  /** Close the database with the app (default true). */
  closeDatabase?: boolean;
}

/** The real app on `database`, migrated and ready for `inject()` or `listen()`. */
export async function buildTestApp(
  database: DatabaseHandle,
  options: BuildTestAppOptions = {},
): Promise<FastifyInstance> {
  const env = loadEnv({
    LOG_LEVEL: 'silent',
    // Paths that do not exist: the API without the built pages.
    FRONTEND_DIST: 'backend/test/fixtures/no-frontend',
    JUPYTERLITE_DIR: 'backend/test/fixtures/no-jupyterlite',
    ...options.env,
  });
  const app = await buildApp(
    { env, database, closeDatabase: options.closeDatabase, jwtSecret: TEST_JWT_SECRET },
    { logger: false, ...options.serverOptions },
  );
  await app.ready();
  return app;
}
