// The server thread's side of the PGlite worker (worker.ts): the part of PGlite's interface that
// Drizzle's PGlite driver uses (query, exec, transaction), each call a message to the worker.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import {
  deserializeError,
  type QueryResult,
  type RowMode,
  type WorkerData,
  type WorkerMemory,
  type WorkerOptions,
  type WorkerRequest,
  type WorkerResponse,
  type WorkerStarted,
} from './protocol';
import { esModuleUrl, sourceWorkerUrl } from '../../workers/source-worker';
import { BYTEA_OID, byteaFromText, byteaParam } from './bytea';

type Parser = (value: string, type: number) => unknown;
type Request = WorkerRequest extends infer R
  ? R extends { id: number }
    ? Omit<R, 'id'>
    : never
  : never;

export interface QueryOptions {
  rowMode?: RowMode;
  parsers?: Record<number, Parser>;
}

/** What a transaction callback is given: queries inside that transaction. */
export interface WorkerTransaction {
  query<Row>(sql: string, params?: unknown[], options?: QueryOptions): Promise<QueryResult<Row>>;
  exec(sql: string): Promise<QueryResult<Record<string, unknown>>[]>;
}

/**
 * From the bundle (dist/server.js) the worker is dist/pglite-worker.js; from the TypeScript source
 * (tests, benchmarks, tsx) it is worker.ts, bundled in memory (workers/source-worker.ts); PGlite
 * stays a module of its own, as it finds its .wasm and .data files beside itself.
 */
function startWorker(data: WorkerData): Worker {
  const url = import.meta.url.endsWith('.ts')
    ? sourceWorkerUrl(new URL('./worker.ts', import.meta.url), {
        '@electric-sql/pglite': esModuleUrl('@electric-sql/pglite', '.js'),
      })
    : new URL('./pglite-worker.js', import.meta.url);
  // An 8 MB young generation (V8 sizes it for the machine): the worker's garbage is short-lived
  // result objects, and the server's peak memory under 200 chat streams was 25-35 MB lower with it
  // (bench/chat-memory.ts), at the same CPU per turn.
  return new Worker(url, { workerData: data, resourceLimits: { maxYoungGenerationSizeMb: 8 } });
}

/** Applies the caller's parsers to the columns of the types the worker left as text. */
function parseRows<Row>(
  result: QueryResult<unknown>,
  rowMode: RowMode,
  parsers: Record<number, Parser>,
) {
  const columns = result.fields
    .map((field, index) => ({
      index,
      name: field.name,
      type: field.dataTypeID,
      parse: parsers[field.dataTypeID],
    }))
    .filter((column) => column.parse);
  if (columns.length === 0) return result as QueryResult<Row>;
  for (const row of result.rows as Record<string | number, unknown>[]) {
    for (const { index, name, type, parse } of columns) {
      const key = rowMode === 'array' ? index : name;
      const value = row[key];
      if (typeof value === 'string') row[key] = parse!(value, type);
    }
  }
  return result as QueryResult<Row>;
}

export interface PgliteWorkerClientOptions extends WorkerOptions {
  /** Told when the worker dies unexpectedly (it is started again). */
  onWorkerError?: (error: Error) => void;
}

export class PgliteWorkerClient {
  /** Resolves when PGlite is open in the first worker; rejects if it cannot open. */
  readonly waitReady: Promise<void>;
  /** Undefined until the first worker starts (after the cluster is created, on a new directory). */
  private worker: Worker | undefined;
  private readonly pending = new Map<
    number,
    { resolve(value: unknown): void; reject(error: Error): void }
  >();
  private nextId = 1;
  private closing = false;
  /** Why the worker is gone, until the next one is started. */
  private down: Error | undefined;
  private restartDelayMs = 100;

  constructor(private readonly options: PgliteWorkerClientOptions = {}) {
    this.waitReady = this.start();
    this.waitReady.catch(() => {}); // reported to whoever awaits a call
  }

  /** PGlite's WebAssembly memory and the worker thread's heap, for the benchmarks. */
  memory(): Promise<WorkerMemory> {
    return this.call<WorkerMemory>({ op: 'memory' });
  }

  query<Row>(
    sql: string,
    params: unknown[] = [],
    options: QueryOptions = {},
    transaction?: number,
  ) {
    const rowMode = options.rowMode ?? 'object';
    const parsers = { [BYTEA_OID]: byteaFromText, ...options.parsers };
    const rawTypes = Object.keys(parsers).map(Number);
    return this.call<QueryResult<unknown>>({
      op: 'query',
      sql,
      params: params.map(byteaParam),
      rowMode,
      rawTypes,
      transaction,
    }).then((result) => parseRows<Row>(result, rowMode, parsers));
  }

  exec(sql: string, transaction?: number) {
    return this.call<QueryResult<Record<string, unknown>>[]>({ op: 'exec', sql, transaction });
  }

  /** Runs `work` in a transaction: committed when it resolves, rolled back when it throws. */
  async transaction<T>(work: (transaction: WorkerTransaction) => Promise<T>): Promise<T> {
    const id = await this.call<number>({ op: 'begin' });
    const transaction: WorkerTransaction = {
      query: (sql, params, options) => this.query(sql, params, options, id),
      exec: (sql) => this.exec(sql, id),
    };
    let result: T;
    try {
      result = await work(transaction);
    } catch (error) {
      await this.call({ op: 'rollback', transaction: id });
      throw error;
    }
    await this.call({ op: 'commit', transaction: id });
    return result;
  }

  async close(): Promise<void> {
    if (this.closing) return;
    await this.call({ op: 'close' }).catch(() => {});
    this.closing = true;
    await this.worker?.terminate();
  }

  private async start(): Promise<void> {
    const { dataDir } = this.options;
    if (dataDir && !existsSync(join(dataDir, 'PG_VERSION'))) await this.createCluster();
    return this.spawn();
  }

  /** Creates the cluster of a new data directory in a thread of its own (see WorkerData.createOnly). */
  private async createCluster(): Promise<void> {
    const { onWorkerError: _onWorkerError, ...workerOptions } = this.options;
    const worker = startWorker({ ...workerOptions, createOnly: true });
    try {
      await new Promise<void>((resolve, reject) => {
        worker.once('message', (message: WorkerStarted) =>
          message.started ? resolve() : reject(deserializeError(message.error)),
        );
        worker.once('error', reject);
        worker.once('exit', (code) =>
          reject(new Error(`The PGlite worker exited (code ${code}) creating the database`)),
        );
      });
    } finally {
      await worker.terminate();
    }
  }

  /**
   * Starts a worker. If it dies (a crash in PGlite), the calls waiting for it fail with why and a
   * new one opens the same data directory (PostgreSQL recovers from its write-ahead log), later
   * each time it dies again soon, up to 30 s.
   */
  private spawn(): Promise<void> {
    const { onWorkerError, image, ...workerOptions } = this.options;
    // On disk the image only seeds a new directory (createCluster); in memory every worker loads it.
    const worker = startWorker({
      ...workerOptions,
      image: workerOptions.dataDir ? undefined : image,
    });
    this.worker = worker;
    this.down = undefined;
    // The worker keeps the process alive only while a call is waiting for it.
    if (this.pending.size === 0) worker.unref();
    const startedAt = Date.now();
    worker.on('exit', (code) => {
      const error = new Error(`The PGlite worker exited (code ${code})`);
      this.down = error;
      this.failPending(error);
      if (this.closing) return;
      onWorkerError?.(error);
      const ranLong = Date.now() - startedAt > 60_000;
      this.restartDelayMs = ranLong ? 100 : Math.min(this.restartDelayMs * 2, 30_000);
      setTimeout(() => {
        if (!this.closing) this.spawn().catch(() => {});
      }, this.restartDelayMs).unref();
    });
    worker.on('error', (error) => onWorkerError?.(error));
    return new Promise((resolve, reject) => {
      worker.once('message', (message: WorkerStarted) => {
        if (message.started) resolve();
        else reject(deserializeError(message.error));
        worker.on('message', (response: WorkerResponse) => this.settle(response));
      });
      worker.once('error', reject);
    });
  }

  private call<T>(request: Request): Promise<T> {
    if (this.closing) return Promise.reject(new Error('The database is closed'));
    const worker = this.worker;
    // Still creating the cluster: the call waits for the first worker (or fails as it did).
    if (!worker) return this.waitReady.then(() => this.call<T>(request));
    if (this.down) return Promise.reject(this.down);
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      if (this.pending.size === 1) worker.ref();
      worker.postMessage({ ...request, id });
    });
  }

  private settle(response: WorkerResponse) {
    const waiting = this.pending.get(response.id);
    if (!waiting) return;
    this.pending.delete(response.id);
    if (this.pending.size === 0) this.worker?.unref();
    if (response.ok) waiting.resolve(response.value);
    else waiting.reject(deserializeError(response.error));
  }

  private failPending(error: Error) {
    for (const waiting of this.pending.values()) waiting.reject(error);
    this.pending.clear();
  }
}
