import { fork } from 'node:child_process';

export interface LoadOptions {
  url: string;
  method?: string;
  headers?: Record<string, string>;
  /** Sent as is (set content-type in headers). */
  body?: string;
  /** Requests per second, open loop. Omit for a closed loop of `concurrency` clients. */
  rate?: number;
  /** Measured duration; requests sent during the warm-up before it are not counted. */
  durationMs: number;
  warmupMs?: number;
  /** Keep-alive sockets (and, closed loop, clients). Default 64. */
  concurrency?: number;
}

export interface LoadResult {
  /** Requests sent within the measured window that completed. */
  count: number;
  /** Of those, answers other than 2xx, and transport errors. */
  errors: number;
  statusCounts: Record<string, number>;
  rps: number;
  /** Latency in ms, from the moment the request was written to the end of the response. */
  p50: number;
  p90: number;
  p99: number;
  max: number;
  /** Open loop: how late the client sent a request at worst (a busy client shows here). */
  maxLagMs: number;
}

/**
 * Runs HTTP load against a local server from a separate process (keep-alive sockets), so the
 * generator does not share the server's event loop, and returns latency percentiles.
 */
export function runLoad(options: LoadOptions): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const child = fork(new URL('./load-worker.ts', import.meta.url), [], {
      execArgv: ['--import', 'tsx'],
    });
    let result: LoadResult | undefined;
    child.once('message', (message) => {
      result = message as LoadResult;
      child.disconnect();
    });
    child.once('error', reject);
    child.once('exit', (code) => {
      if (result) resolve(result);
      else reject(new Error(`load generator exited with code ${code}`));
    });
    child.send(options);
  });
}
