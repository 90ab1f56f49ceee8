import { join } from 'node:path';
import type { Env } from '../config/env';
import { fromRepoRoot } from '../config/paths';
import type { DatabaseTarget } from './client';

/** PostgreSQL when DATABASE_URL is set; otherwise the embedded PGlite under DATA_DIR. */
export function databaseTargetFromEnv(env: Env): DatabaseTarget {
  if (env.DATABASE_URL) return { kind: 'postgres', url: env.DATABASE_URL };
  return {
    kind: 'pglite',
    dataDir: join(fromRepoRoot(env.DATA_DIR), 'pglite'),
    sharedBuffersMb: env.PGLITE_SHARED_BUFFERS_MB,
  };
}
