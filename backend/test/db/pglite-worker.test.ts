// The PGlite worker client (src/db/pglite): what Drizzle relies on, through Drizzle and directly.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import type { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { inject } from 'vitest';
import { type DatabaseHandle, openDatabase } from '../../src/db/client';
import { PgliteWorkerClient } from '../../src/db/pglite/client';

// The PostgreSQL project runs the same files: this client is PGlite's only, so once is enough.
describe.skipIf(inject('databaseServerUrl'))('PGlite in a worker thread', () => {
  let client: PgliteWorkerClient;
  beforeAll(async () => {
    client = new PgliteWorkerClient({ image: inject('pgliteImage') });
    await client.waitReady;
    await client.exec(
      `create table item (id int primary key, name text not null, at timestamptz default now())`,
    );
  });
  afterAll(() => client.close());

  it('returns rows as objects or arrays, with the fields and the affected row count', async () => {
    const inserted = await client.query(`insert into item (id, name) values ($1, $2), ($3, $4)`, [
      1,
      'a',
      2,
      'b',
    ]);
    expect(inserted.affectedRows).toBe(2);
    const objects = await client.query<{ id: number; name: string }>(
      `select id, name from item order by id`,
    );
    expect(objects.rows).toEqual([
      { id: 1, name: 'a' },
      { id: 2, name: 'b' },
    ]);
    expect(objects.fields.map((f) => f.name)).toEqual(['id', 'name']);
    const arrays = await client.query(`select id, name from item order by id`, [], {
      rowMode: 'array',
    });
    expect(arrays.rows).toEqual([
      [1, 'a'],
      [2, 'b'],
    ]);
  });

  it("applies the caller's parsers (functions stay on this thread) to the columns of their types", async () => {
    const TIMESTAMPTZ = 1184;
    const result = await client.query<{ at: unknown; id: number }>(
      `select at, id from item where id = 1`,
      [],
      { parsers: { [TIMESTAMPTZ]: (value: string) => `parsed:${value}` } },
    );
    expect(result.rows[0]!.at).toMatch(/^parsed:\d{4}-\d\d-\d\d /);
    expect(result.rows[0]!.id).toBe(1);
  });

  it('keeps a statement prepared across calls, errors and a schema change under it', async () => {
    await client.exec(`create table kept (id int primary key)`);
    const insert = `insert into kept (id) values ($1) returning id`;
    expect((await client.query(insert, [1])).rows).toEqual([{ id: 1 }]);
    // The same statement failing (a duplicate) and then succeeding again.
    await expect(client.query(insert, [1])).rejects.toMatchObject({ code: '23505' });
    expect((await client.query(insert, [2])).rows).toEqual([{ id: 2 }]);
    // `select *` prepared before a new column: PostgreSQL refuses the old plan (0A000), the
    // statement is prepared again and the answer has the new column.
    const all = `select * from kept where id = $1`;
    expect((await client.query(all, [1])).rows).toEqual([{ id: 1 }]);
    await client.exec(`alter table kept add column note text default 'n'`);
    expect((await client.query(all, [1])).rows).toEqual([{ id: 1, note: 'n' }]);
  });

  it('passes bytea both ways as bytes (empty, NUL bytes, a view into a larger buffer)', async () => {
    await client.exec(`create table blob (id int primary key, data bytea)`);
    const bytes = Buffer.from(Array.from({ length: 5000 }, (_, i) => (i * 7) % 256));
    const view = new Uint8Array(bytes.buffer, bytes.byteOffset + 10, 100);
    await client.query(`insert into blob values (1, $1), (2, $2), (3, $3), (4, null)`, [
      bytes,
      new Uint8Array(0),
      view,
    ]);
    const { rows } = await client.query<{ id: number; data: Uint8Array | null }>(
      `select id, data from blob order by id`,
    );
    expect(rows.map((row) => row.data && [...row.data])).toEqual([[...bytes], [], [...view], null]);
    const lengths = await client.query<{ n: number }>(
      `select length(data) as n from blob where id = 1`,
    );
    expect(lengths.rows).toEqual([{ n: 5000 }]);
  });

  it('carries the PostgreSQL error fields (code, constraint) across the thread', async () => {
    const error = await client
      .query(`insert into item (id, name) values (1, 'again')`)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({ code: '23505', constraint: 'item_pkey' });
    // The worker is still usable.
    expect((await client.query(`select count(*)::int as n from item`)).rows).toEqual([{ n: 2 }]);
  });

  it('commits a transaction that resolves and rolls back one that throws', async () => {
    await client.transaction(async (tx) => {
      await tx.query(`insert into item (id, name) values (10, 'kept')`);
    });
    await expect(
      client.transaction(async (tx) => {
        await tx.query(`insert into item (id, name) values (11, 'dropped')`);
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    const { rows } = await client.query<{ id: number }>(
      `select id from item where id >= 10 order by id`,
    );
    expect(rows).toEqual([{ id: 10 }]);
  });

  it('keeps a statement from outside a transaction out of it until it ends', async () => {
    let releaseTransaction!: () => void;
    const held = new Promise<void>((resolve) => (releaseTransaction = resolve));
    const transaction = client.transaction(async (tx) => {
      await tx.query(`insert into item (id, name) values (20, 'in transaction')`);
      await held;
      throw new Error('roll back');
    });
    const outside = client.query(`insert into item (id, name) values (21, 'outside')`);
    await new Promise((resolve) => setTimeout(resolve, 50));
    releaseTransaction();
    await expect(transaction).rejects.toThrow('roll back');
    await outside;
    const { rows } = await client.query<{ id: number }>(
      `select id from item where id >= 20 order by id`,
    );
    // Had the outside insert run inside the transaction, the rollback would have removed it too.
    expect(rows).toEqual([{ id: 21 }]);
  });

  it('runs PostgreSQL with 32 MB of shared buffers and reports its WebAssembly memory', async () => {
    const { rows } = await client.query<{ shared_buffers: string }>(`show shared_buffers`);
    expect(rows).toEqual([{ shared_buffers: '32MB' }]);
    const memory = await client.memory();
    // PGlite's module asks for 128 MB at least; what it uses of it is another matter.
    expect(memory.wasmBytes).toBeGreaterThanOrEqual(128 * 1024 * 1024);
    expect(memory.heapUsedBytes).toBeGreaterThan(0);
  });

  it('fails every call with a clear error once closed', async () => {
    const closed = new PgliteWorkerClient({ image: inject('pgliteImage') });
    await closed.waitReady;
    await closed.close();
    await expect(closed.query('select 1')).rejects.toThrow('The database is closed');
  });
});

describe.skipIf(inject('databaseServerUrl'))('PGlite on disk through the worker', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'pglite-worker-test-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps what was written when the database is closed and opened again (Drizzle on top)', async () => {
    // A new directory: its cluster is created in a thread of its own, then served by another.
    const open = (sharedBuffersMb?: number): DatabaseHandle =>
      openDatabase({ kind: 'pglite', dataDir: join(dir, 'data'), sharedBuffersMb });
    const first = open();
    await first.db.execute(sql`create table note (body text)`);
    await first.db.transaction(async (tx) => {
      await tx.execute(sql`insert into note values ('survives a restart')`);
    });
    await first.close();
    const second = open(8);
    try {
      const result = await second.db.execute(sql`select body from note`);
      expect((result as unknown as { rows: unknown[] }).rows).toEqual([
        { body: 'survives a restart' },
      ]);
      const setting = await second.db.execute(sql`show shared_buffers`);
      expect((setting as unknown as { rows: unknown[] }).rows).toEqual([{ shared_buffers: '8MB' }]);
    } finally {
      await second.close();
    }
    // initdb takes a few seconds alone, far longer on a busy machine.
  }, 90_000);

  it('starts a new worker on the same data when the worker dies, failing only the calls in flight', async () => {
    const errors: Error[] = [];
    // The image seeds the new directory (no initdb); the worker started after the crash must open
    // the directory as it is, not load the image again.
    const client = new PgliteWorkerClient({
      dataDir: join(dir, 'crash'),
      image: inject('pgliteImage'),
      onWorkerError: (error) => errors.push(error),
    });
    try {
      await client.exec(`create table saved (n int)`);
      await client.query(`insert into saved values (1)`);
      // A crash inside PGlite ends the worker thread the same way.
      const worker = (client as unknown as { worker: Worker }).worker;
      const inFlight = client.query(`select pg_sleep(0.2)`);
      await worker.terminate();
      await expect(inFlight).rejects.toThrow(/PGlite worker exited/);
      expect(errors.map((e) => e.message)).toEqual([expect.stringMatching(/exited/)]);
      await vi.waitFor(
        async () => {
          const { rows } = await client.query<{ n: number }>(`select n from saved`);
          expect(rows).toEqual([{ n: 1 }]);
        },
        { timeout: 20_000, interval: 200 },
      );
    } finally {
      await client.close();
    }
  });
});
