// Messages between the server's thread and the PGlite worker thread (see worker.ts).

export type RowMode = 'array' | 'object';

export type WorkerRequest =
  | {
      id: number;
      op: 'query';
      sql: string;
      params: unknown[];
      rowMode: RowMode;
      /** Types the caller parses itself (its parsers are functions, which cannot cross threads). */
      rawTypes: number[];
      transaction?: number;
    }
  | { id: number; op: 'exec'; sql: string; transaction?: number }
  | { id: number; op: 'begin' }
  | { id: number; op: 'commit' | 'rollback'; transaction: number }
  | { id: number; op: 'memory' }
  | { id: number; op: 'close' };

/** What can be posted of a PostgreSQL error: its message and its scalar fields (code, constraint...). */
export interface SerializedError {
  message: string;
  fields: Record<string, string | number | boolean | null>;
}

export type WorkerResponse =
  { id: number; ok: true; value: unknown } | { id: number; ok: false; error: SerializedError };

/** The worker's first message: PGlite is open, or why it could not be. */
export type WorkerStarted = { started: true } | { started: false; error: SerializedError };

export interface WorkerOptions {
  /** Undefined: in memory (tests). */
  dataDir?: string;
  /**
   * A file holding a data directory image (PGlite's `dumpDataDir` tarball) to start from instead of
   * creating a new cluster: the tests make one at the start of a run, and every in-memory database
   * of the run opens it (a new cluster takes seconds to create; loading the image, one).
   */
  image?: string;
  /**
   * PostgreSQL's shared_buffers in MB (default 32). PGlite's own default, 128 MB, fills most of
   * its WebAssembly memory, which never shrinks; the pages then stay resident for good.
   */
  sharedBuffersMb?: number;
}

/** What a worker is started with: its options, and whether it only creates the cluster. */
export interface WorkerData extends WorkerOptions {
  /**
   * Create the cluster in `dataDir`, close and say so. PGlite's initdb runs a second PostgreSQL
   * and its own WebAssembly module beside the first, about 500 MB, which the thread kept long
   * after (929 MB resident after a first start, 412 MB on an existing database); a thread of its
   * own gives it back when it ends.
   */
  createOnly?: boolean;
}

/**
 * The worker thread's memory (PGlite's WebAssembly memory and the thread's JavaScript heap) and
 * what the benchmarks need to split CPU time: its OS thread id and the statements it has run.
 */
export interface WorkerMemory {
  wasmBytes: number;
  heapUsedBytes: number;
  /** Linux only. */
  threadId?: number;
  statements: number;
}

export interface QueryField {
  name: string;
  dataTypeID: number;
}

export interface QueryResult<Row> {
  rows: Row[];
  fields: QueryField[];
  affectedRows?: number;
}

export function serializeError(error: unknown): SerializedError {
  const fields: SerializedError['fields'] = {};
  if (error && typeof error === 'object') {
    for (const [key, value] of Object.entries(error)) {
      // PGlite attaches the query options (with functions) and params: scalars only cross.
      if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) {
        fields[key] = value as string | number | boolean | null;
      }
    }
  }
  return { message: error instanceof Error ? error.message : String(error), fields };
}

/** An Error carrying the PostgreSQL fields (code, constraint, detail...) as the driver's does. */
export function deserializeError({ message, fields }: SerializedError): Error {
  const error = new Error(message);
  Object.assign(error, fields);
  if (typeof fields.name !== 'string') error.name = 'DatabaseError';
  return error;
}
