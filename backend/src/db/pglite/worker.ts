// The PGlite worker thread. PGlite runs PostgreSQL as WebAssembly on the thread that calls it, and
// a statement blocks that thread until it ends; on the server's thread that would stall every
// socket and request in the meantime (streamed answers most visibly). Here it blocks only this
// thread. Requests arrive from client.ts; one transaction at a time, as PGlite allows.
import { readFileSync, readlinkSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import {
  serializeError,
  type WorkerData,
  type WorkerMemory,
  type WorkerRequest,
  type WorkerResponse,
  type WorkerStarted,
} from './protocol';
import { PreparedStatements } from './prepared-statements';

const port = parentPort!;
const options = workerData as WorkerData;
const database = new PGlite({
  dataDir: options.dataDir,
  loadDataDir: options.image ? new Blob([readFileSync(options.image)]) : undefined,
  // PGlite's defaults and our memory settings (see WorkerOptions.sharedBuffersMb); wal_buffers
  // follows shared_buffers (1/32 of it).
  startParams: [
    ...PGlite.defaultStartParams,
    '-c',
    `shared_buffers=${options.sharedBuffersMb ?? 32}MB`,
  ],
});

const prepared = new PreparedStatements(database);

interface OpenTransaction {
  handle: Transaction;
  /** Ends the transaction's callback: true commits, false rolls back. */
  end(commit: boolean): void;
  /** Settles once PGlite has committed or rolled back. */
  ended: Promise<void>;
}

const transactions = new Map<number, OpenTransaction>();
let nextTransaction = 1;

function target(transaction: number | undefined) {
  if (transaction === undefined) return database;
  const open = transactions.get(transaction);
  if (!open) throw new Error('The transaction has already ended');
  return open.handle;
}

/** BEGIN, and keep PGlite's transaction open until commit or rollback arrives for it. */
function begin(): Promise<number> {
  return new Promise((resolve, reject) => {
    const id = nextTransaction++;
    let begun = false;
    const ended = database.transaction(async (handle) => {
      const commit = await new Promise<boolean>((end) => {
        transactions.set(id, { handle, end, ended });
        begun = true;
        resolve(id);
      });
      if (!commit) await handle.rollback();
    });
    ended.catch((error: unknown) => {
      if (!begun) reject(error);
    });
  });
}

async function end(id: number, commit: boolean): Promise<void> {
  const open = transactions.get(id);
  if (!open) throw new Error('The transaction has already ended');
  open.end(commit);
  try {
    await open.ended;
  } finally {
    transactions.delete(id);
  }
}

/** Statements run (query and exec requests), for the benchmarks' split of a turn's CPU. */
let statements = 0;

/** This thread's OS id (Linux: /proc/thread-self links to <pid>/task/<tid>); undefined elsewhere. */
function osThreadId(): number | undefined {
  try {
    return Number(readlinkSync('/proc/thread-self').split('/').pop());
  } catch {
    return undefined;
  }
}

async function handle(request: WorkerRequest): Promise<unknown> {
  if (request.op === 'query' || request.op === 'exec') statements += 1;
  switch (request.op) {
    case 'query': {
      const raw = (value: string) => value;
      const parsers = Object.fromEntries(request.rawTypes.map((type) => [type, raw]));
      if (request.transaction !== undefined) target(request.transaction); // throws once it ended
      const { rows, fields, affectedRows } = await prepared.query(
        request.sql,
        request.params,
        { rowMode: request.rowMode, parsers },
        request.transaction !== undefined,
      );
      return { rows, fields, affectedRows };
    }
    case 'exec': {
      const results = await target(request.transaction).exec(request.sql);
      return results.map(({ rows, fields, affectedRows }) => ({ rows, fields, affectedRows }));
    }
    case 'begin':
      return begin();
    case 'commit':
    case 'rollback':
      return end(request.transaction, request.op === 'commit');
    case 'memory':
      return {
        wasmBytes: wasmMemoryBytes(),
        heapUsedBytes: process.memoryUsage().heapUsed,
        threadId: osThreadId(),
        statements,
      } satisfies WorkerMemory;
    case 'close':
      await database.close();
      return null;
  }
}

/** The size of PGlite's WebAssembly memory (it grows, never shrinks; not all of it is resident). */
function wasmMemoryBytes(): number {
  const mod = (database as unknown as { mod?: { HEAPU8?: Uint8Array } }).mod;
  return mod?.HEAPU8?.buffer.byteLength ?? 0;
}

port.on('message', (request: WorkerRequest) => {
  handle(request).then(
    (value) => port.postMessage({ id: request.id, ok: true, value } satisfies WorkerResponse),
    (error: unknown) =>
      port.postMessage({
        id: request.id,
        ok: false,
        error: serializeError(error),
      } satisfies WorkerResponse),
  );
});

database.waitReady.then(
  async () => {
    if (options.createOnly) await database.close();
    port.postMessage({ started: true } satisfies WorkerStarted);
  },
  (error: unknown) =>
    port.postMessage({ started: false, error: serializeError(error) } satisfies WorkerStarted),
);
