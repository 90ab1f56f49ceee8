import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { type DatabaseHandle, openDatabase } from '../../backend/src/db/client';

/** The PostgreSQL server the benchmarks create their temporary databases on. */
export const benchServerUrl =
  process.env.BENCH_DATABASE_URL ??
  process.env.TEST_DATABASE_URL ??
  'postgres://postgres@127.0.0.1:5432/postgres';

export interface OpenedDatabase {
  handle: DatabaseHandle;
  /** Drops what the benchmark created (the temporary database or folder). */
  cleanup(): Promise<void>;
}

export interface BenchTarget {
  name: 'pglite' | 'postgres';
  /** How the benchmark names it (PGlite with a shared_buffers other than the default says so). */
  label: string;
  /** The opened database, or the reason it cannot be (no PostgreSQL answering). */
  open(): Promise<OpenedDatabase | string>;
}

/** A fresh PGlite under a temporary folder (one per `pgliteSharedBuffersMb`, default: the app's). */
function pgliteTarget(prefix: string, sharedBuffersMb?: number): BenchTarget {
  return {
    name: 'pglite',
    label:
      sharedBuffersMb === undefined ? 'pglite' : `pglite (shared_buffers ${sharedBuffersMb} MB)`,
    async open() {
      const dir = mkdtempSync(join(tmpdir(), `${prefix}-`));
      const handle = openDatabase({
        kind: 'pglite',
        dataDir: join(dir, 'pglite'),
        sharedBuffersMb,
      });
      return { handle, cleanup: async () => rmSync(dir, { recursive: true, force: true }) };
    },
  };
}

/**
 * PGlite and a temporary database on PostgreSQL. `pgliteSharedBuffersMb` runs PGlite once per
 * value, to compare settings in one run.
 */
export function benchTargets(prefix: string, pgliteSharedBuffersMb: number[] = []): BenchTarget[] {
  const pglite =
    pgliteSharedBuffersMb.length === 0
      ? [pgliteTarget(prefix)]
      : pgliteSharedBuffersMb.map((mb) => pgliteTarget(prefix, mb));
  return [
    ...pglite,
    {
      name: 'postgres',
      label: 'postgres',
      async open() {
        const name = `tutor_bench_${Date.now()}_${randomBytes(3).toString('hex')}`;
        const admin = new pg.Client({
          connectionString: benchServerUrl,
          connectionTimeoutMillis: 2000,
        });
        try {
          await admin.connect();
        } catch (error) {
          return `no PostgreSQL at ${benchServerUrl} (${(error as Error).message})`;
        }
        await admin.query(`create database "${name}"`);
        await admin.end();
        const url = new URL(benchServerUrl);
        url.pathname = `/${name}`;
        const handle = openDatabase({ kind: 'postgres', url: url.toString() });
        return {
          handle,
          async cleanup() {
            const client = new pg.Client({ connectionString: benchServerUrl });
            await client.connect();
            await client.query(`drop database if exists "${name}" with (force)`);
            await client.end();
          },
        };
      },
    },
  ];
}
