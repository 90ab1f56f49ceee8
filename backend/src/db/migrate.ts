import { migrate as migrateNodePostgres } from 'drizzle-orm/node-postgres/migrator';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import type { FastifyBaseLogger } from 'fastify';
import { fromRepoRoot } from '../config/paths';
import type { Database, DatabaseHandle } from './client';

const migrationsFolder = fromRepoRoot('backend/drizzle');

/** An arbitrary constant shared by every instance of this app: the key of the advisory lock. */
const MIGRATION_LOCK_KEY = 727_274_001;

/** A step run after migrations, under the same lock (seeding reference data). */
export type DatabaseSeeder = (db: Database, log: FastifyBaseLogger) => Promise<void>;

/**
 * Applies the committed SQL migrations, then the seeders, while holding a PostgreSQL advisory
 * lock, so instances that start together run them one after the other.
 */
export async function prepareDatabase(
  handle: DatabaseHandle,
  log: FastifyBaseLogger,
  seeders: DatabaseSeeder[] = [],
): Promise<void> {
  const { db } = handle;
  const started = Date.now();
  await handle.withAdvisoryLock(MIGRATION_LOCK_KEY, async () => {
    if (handle.kind === 'postgres') {
      await migrateNodePostgres(db as never, { migrationsFolder });
    } else {
      await migratePglite(db as never, { migrationsFolder });
    }
    for (const seed of seeders) await seed(db, log);
  });
  log.info({ ms: Date.now() - started, database: handle.kind }, 'database ready');
}
