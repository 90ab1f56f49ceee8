import { mkdirSync } from 'node:fs';
import type { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { drizzle as drizzleNodePostgres } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import { PgliteWorkerClient } from './pglite/client';
import type { WorkerMemory } from './pglite/protocol';
import * as schema from './schema';

export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface DatabaseHandle {
  db: Database;
  kind: 'postgres' | 'pglite';
  /** Answers when the database can run a query; throws otherwise. */
  ping(): Promise<void>;
  /** Runs `work` while this process holds the PostgreSQL session advisory lock `key`. */
  withAdvisoryLock<T>(key: number, work: () => Promise<T>): Promise<T>;
  /**
   * PostgreSQL only: a new client on the same database, outside the pool, for a session that
   * stays open (LISTEN). The caller connects and ends it. Absent on PGlite (one process).
   */
  newSessionClient?(): pg.Client;
  /** PGlite only: its WebAssembly memory and its worker thread's heap (the benchmarks print them). */
  pgliteMemory?(): Promise<WorkerMemory>;
  close(): Promise<void>;
}

export type DatabaseTarget =
  | { kind: 'postgres'; url: string; poolSize?: number }
  /** `dataDir` undefined means in memory (tests); `image`, `sharedBuffersMb`: see WorkerOptions. */
  | { kind: 'pglite'; dataDir?: string; image?: string; sharedBuffersMb?: number };

/** `onConnectionError`: an idle PostgreSQL connection or the PGlite worker died (both are replaced). */
export function openDatabase(
  target: DatabaseTarget,
  onConnectionError?: (error: Error) => void,
): DatabaseHandle {
  if (target.kind === 'postgres') {
    const pool = new pg.Pool({ connectionString: target.url, max: target.poolSize ?? 10 });
    // An idle connection the server drops (restart, failover) is reported here; without a listener
    // it would crash the process. The pool discards that connection and opens a new one on demand.
    pool.on('error', (error) => onConnectionError?.(error));
    const db = drizzleNodePostgres({ client: pool, schema }) as unknown as Database;
    return {
      db,
      kind: 'postgres',
      ping: async () => void (await db.execute(sql`select 1`)),
      async withAdvisoryLock(key, work) {
        // A session lock lives on one connection, so it is taken and released on a dedicated one.
        const connection = await pool.connect();
        try {
          await connection.query('select pg_advisory_lock($1)', [key]);
          try {
            return await work();
          } finally {
            await connection.query('select pg_advisory_unlock($1)', [key]);
          }
        } finally {
          connection.release();
        }
      },
      newSessionClient: () => new pg.Client({ connectionString: target.url, keepAlive: true }),
      close: () => pool.end(),
    };
  }
  if (target.dataDir) mkdirSync(target.dataDir, { recursive: true });
  // PGlite runs in a worker thread, so its statements do not block this thread (see pglite/worker.ts).
  const client = new PgliteWorkerClient({
    dataDir: target.dataDir,
    image: target.image,
    sharedBuffersMb: target.sharedBuffersMb,
    onWorkerError: onConnectionError,
  });
  const db = drizzlePglite({ client: client as unknown as PGlite, schema }) as unknown as Database;
  return {
    db,
    kind: 'pglite',
    ping: async () => void (await db.execute(sql`select 1`)),
    // PGlite is one connection in one process: nothing else can run concurrently.
    withAdvisoryLock: (_key, work) => work(),
    pgliteMemory: () => client.memory(),
    close: () => client.close(),
  };
}
