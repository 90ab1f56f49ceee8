// The benchmarks' one load generator, parent side: runLoad() runs any job (load-jobs.ts) in a child
// process (load-worker.ts), so the client shares neither the server's event loop nor its CPU
// accounting; runHttpLoad() adds latency percentiles and this process's (the server's) CPU time
// and garbage collections over the measured window.
import { fork } from 'node:child_process';
import { constants, PerformanceObserver } from 'node:perf_hooks';
import type { HttpJob, LoadJob, ResultOf, WorkerMessage } from './load-jobs';
import { processCpuMs } from './cpu';
import { percentile } from './percentile';

/** Runs `job` in a new worker process; `onWindow` hears the edges of an HTTP job's window. */
export function runLoad<J extends LoadJob>(
  job: J,
  options: { onWindow?: (edge: 'measuring' | 'stopped') => void; timeoutMs?: number } = {},
): Promise<ResultOf<J>> {
  return new Promise((resolve, reject) => {
    const child = fork(new URL('./load-worker.ts', import.meta.url), [], {
      execArgv: ['--import', 'tsx'],
      // Request bodies travel as bytes.
      serialization: 'advanced',
    });
    let settled = false;
    // A run never takes much longer than planned: a stuck worker is killed and reported.
    const deadline = options.timeoutMs
      ? setTimeout(() => child.kill(), options.timeoutMs)
      : undefined;
    child.on('message', (message: WorkerMessage) => {
      if (message.type === 'measuring' || message.type === 'stopped') {
        options.onWindow?.(message.type);
        return;
      }
      settled = true;
      // The worker exits once disconnected, so it never exits before its answer has arrived.
      child.disconnect();
      if (message.type === 'result') resolve(message.result as ResultOf<J>);
      else reject(new Error(`load worker: ${message.error}`));
    });
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      clearTimeout(deadline);
      if (!settled) reject(new Error(`the load worker ended without a result (${code ?? signal})`));
    });
    child.send(job);
  });
}

/** Counts this process's garbage collections (and their pauses) between `start` and `stop`. */
function watchGarbageCollection() {
  const counts = { minor: 0, minorMs: 0, major: 0, majorMs: 0 };
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      const kind = (entry as unknown as { detail?: { kind?: number } }).detail?.kind;
      if (kind === constants.NODE_PERFORMANCE_GC_MINOR) {
        counts.minor++;
        counts.minorMs += entry.duration;
      } else if (kind === constants.NODE_PERFORMANCE_GC_MAJOR) {
        counts.major++;
        counts.majorMs += entry.duration;
      }
    }
  });
  return {
    counts,
    start: () => observer.observe({ entryTypes: ['gc'] }),
    stop: () => observer.disconnect(),
  };
}

export type HttpLoadOptions = Omit<HttpJob, 'kind' | 'warmupMs' | 'latencyFrom'> &
  Partial<Pick<HttpJob, 'warmupMs' | 'latencyFrom'>> & {
    /** Another CPU counter in ms (e.g. the database server's processes), reported per request. */
    otherCpuMs?: () => number;
    /** The server runs in this other process: its CPU time is read from /proc, its GC not seen. */
    serverPid?: number;
  };

export interface HttpLoadResult {
  /** Requests started in the measured window: the latency sample. */
  requests: number;
  /** Those requests by status, 2xx included; transport errors under "error". */
  statuses: Record<string, number>;
  /** The statuses other than 2xx. */
  failures: Record<string, number>;
  seconds: number;
  /** Answers completed within the measured window, per second. */
  perSecond: number;
  /** Latency in ms (see HttpJob.latencyFrom) to the end of the answer. */
  p50: number;
  p90: number;
  p99: number;
  max: number;
  maxLagMs: number;
  /** CPU time (user + system) of the server's process, per answer in the window. */
  serverCpuMsPerRequest: number;
  /** `otherCpuMs` per answer in the window, when given. */
  otherCpuMsPerRequest?: number;
  /**
   * Garbage collections in this process (the server) while measuring, and their pauses in ms;
   * undefined for a server in another process.
   */
  gc?: { minor: number; minorMs: number; major: number; majorMs: number };
}

/** HTTP load on a server in this process; defaults: 1 s warm-up, latency from the due time. */
export async function runHttpLoad(options: HttpLoadOptions): Promise<HttpLoadResult> {
  const { otherCpuMs, serverPid, ...rest } = options;
  const job: HttpJob = { kind: 'http', warmupMs: 1000, latencyFrom: 'due', ...rest };
  const gc = watchGarbageCollection();
  /** The server's CPU ms so far: this process's, or the other process's from /proc. */
  const serverCpuMs = () => {
    if (serverPid !== undefined) return processCpuMs(serverPid);
    const used = process.cpuUsage();
    return (used.user + used.system) / 1000;
  };
  let cpuAtStart = 0;
  let otherAtStart = 0;
  let cpuMs = 0;
  let otherMs = 0;
  const result = await runLoad(job, {
    timeoutMs: job.warmupMs + job.durationMs + 120_000,
    onWindow(edge) {
      if (edge === 'measuring') {
        cpuAtStart = serverCpuMs();
        if (serverPid === undefined) gc.start();
        otherAtStart = otherCpuMs?.() ?? 0;
      } else {
        cpuMs = serverCpuMs() - cpuAtStart;
        gc.stop();
        otherMs = (otherCpuMs?.() ?? 0) - otherAtStart;
      }
    },
  });
  const { latencies } = result;
  const answered = Math.max(1, result.completed);
  return {
    requests: latencies.length,
    statuses: result.statuses,
    failures: Object.fromEntries(
      Object.entries(result.statuses).filter(([status]) => !status.startsWith('2')),
    ),
    seconds: result.seconds,
    perSecond: result.completed / result.seconds,
    p50: percentile(latencies, 50),
    p90: percentile(latencies, 90),
    p99: percentile(latencies, 99),
    max: percentile(latencies, 100),
    maxLagMs: result.maxLagMs,
    serverCpuMsPerRequest: cpuMs / answered,
    otherCpuMsPerRequest: otherCpuMs ? otherMs / answered : undefined,
    gc: serverPid === undefined ? gc.counts : undefined,
  };
}
