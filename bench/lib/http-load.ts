// A small HTTP load generator for loopback benchmarks, closed loop (N connections, each sending
// its next request when the last is answered) or open loop (a fixed rate). It runs in a child
// process, so it shares neither the server's event loop nor its CPU accounting, and the server
// process's own CPU time per request is reported beside the latencies. Unlike lib/load.ts it
// cycles through several request templates (one per user, so each save writes its own row).
import { spawn } from 'node:child_process';
import { constants, PerformanceObserver } from 'node:perf_hooks';

export interface LoadRequest {
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: Buffer;
}

export interface LoadOptions {
  port: number;
  /** Request templates, used in turn (e.g. one per user, so that each saves their own row). */
  requests: LoadRequest[];
  connections: number;
  durationMs: number;
  /** Requests before this are sent but not measured (JIT, caches, pools). */
  warmupMs?: number;
  /** Requests per second, open loop (over at most `connections` sockets); omit for a closed loop. */
  rate?: number;
  /** Another CPU counter in ms (e.g. the database server's processes), reported per request. */
  otherCpuMs?: () => number;
}

export interface LoadResult {
  /** Requests due (open loop) or sent (closed loop) in the measured window: the latency sample. */
  requests: number;
  /** Answers whose status was not 2xx, by status; transport errors under "error". */
  failures: Record<string, number>;
  seconds: number;
  /** Answers completed within the measured window, per second. */
  perSecond: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  /** CPU time (user + system) of this process, the server, per measured request. */
  serverCpuMsPerRequest: number;
  /** `otherCpuMs` per measured request, when given. */
  otherCpuMsPerRequest?: number;
  /** Garbage collections in this process (the server) while measuring, and their pauses in ms. */
  gc: { minor: number; minorMs: number; major: number; majorMs: number };
}

/** Counts this process's garbage collections (and their pauses) between `start` and `stop`. */
function watchGarbageCollection() {
  const counts: LoadResult['gc'] = { minor: 0, minorMs: 0, major: 0, majorMs: 0 };
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

// Plain JavaScript run by the child process: it needs nothing but node:http.
const clientSource = `
const http = require('node:http');
process.once('message', (options) => run(options));
function run({ port, requests, connections, durationMs, warmupMs, rate }) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const bodies = requests.map((r) => (r.body ? Buffer.from(r.body) : undefined));
  const latencies = [];
  const failures = {};
  const start = performance.now();
  const measureFrom = start + warmupMs;
  const end = measureFrom + durationMs;
  let inFlight = 0;
  let sent = 0;
  let completedInWindow = 0;
  let stopped = false;
  // Latency runs from when the request was due (open loop) or sent (closed loop) to the end of
  // the answer, so time spent waiting for a free socket counts too.
  function send(dueAt, after) {
    const index = sent++ % requests.length;
    const template = requests[index];
    const body = bodies[index];
    const headers = Object.assign({}, template.headers, body ? { 'content-length': String(body.length) } : {});
    inFlight++;
    let finished = false;
    const done = (status) => {
      if (finished) return; // an error after the answer (or a second error) counts once
      finished = true;
      inFlight--;
      const now = performance.now();
      if (now >= measureFrom && now < end) completedInWindow++;
      if (dueAt >= measureFrom && dueAt < end) {
        latencies.push(now - dueAt);
        if (!(status >= 200 && status < 300)) failures[status] = (failures[status] || 0) + 1;
      }
      after();
    };
    const request = http.request({ host: '127.0.0.1', port, path: template.path, method: template.method, headers, agent }, (response) => {
      response.resume();
      response.on('end', () => done(response.statusCode));
    });
    request.on('error', () => done('error'));
    request.setTimeout(60000, () => request.destroy(new Error('timeout')));
    request.end(body);
  }
  function stop() {
    if (!stopped) process.send({ type: 'stopped' });
    stopped = true;
  }
  function finish() {
    stop();
    agent.destroy();
    // Exits when the parent disconnects, once it has the result (exiting first could lose it).
    process.once('disconnect', () => process.exit(0));
    process.send({ type: 'done', latencies, failures, completedInWindow, seconds: durationMs / 1000 });
  }
  setTimeout(() => process.send({ type: 'measuring' }), warmupMs);
  // The last request may be answered a moment before the window closes: settle again at its end.
  setTimeout(() => { stop(); settle(); }, warmupMs + durationMs);
  const settle = () => { if (performance.now() >= end && inFlight === 0) finish(); };
  if (rate) {
    // Open loop: requests are due at fixed times whatever the server does.
    const interval = 1000 / rate;
    let due = 0;
    const tick = () => {
      const now = performance.now();
      while (start + due * interval <= now && start + due * interval < end) send(start + due++ * interval, settle);
      if (start + due * interval < end) setTimeout(tick, Math.max(0, start + due * interval - performance.now()));
      else settle();
    };
    tick();
  } else {
    // Closed loop: each connection sends its next request when the previous answer has arrived.
    const loop = () => (performance.now() < end ? send(performance.now(), loop) : settle());
    for (let i = 0; i < connections; i++) loop();
  }
}
`;

type ClientMessage =
  | { type: 'measuring' }
  | { type: 'stopped' }
  | {
      type: 'done';
      latencies: number[];
      failures: Record<string, number>;
      completedInWindow: number;
      seconds: number;
    };

const percentile = (sorted: number[], p: number) =>
  sorted.length === 0
    ? NaN
    : sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

export function runLoad(options: LoadOptions): Promise<LoadResult> {
  const clientOptions = {
    port: options.port,
    requests: options.requests.map((r) => ({
      ...r,
      body: r.body ? new Uint8Array(r.body) : undefined,
    })),
    connections: options.connections,
    durationMs: options.durationMs,
    warmupMs: options.warmupMs ?? 1000,
    rate: options.rate,
  };
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', clientSource], {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      serialization: 'advanced',
    });
    let cpuAtStart = process.cpuUsage();
    let cpuMeasured = 0;
    const gc = watchGarbageCollection();
    let otherAtStart = options.otherCpuMs?.() ?? 0;
    let otherMeasured = 0;
    child.once('error', reject);
    // A run never takes much longer than planned: a stuck client is killed and reported.
    const deadline = setTimeout(
      () => child.kill(),
      (options.warmupMs ?? 1000) + options.durationMs + 120_000,
    );
    let answered = false;
    // The child exits only after the parent has its result and disconnects. 'close' never fires
    // for a child whose channel the parent closed, so the deadline is cleared on 'exit'; the
    // channel's end ('disconnect', after every message it carried) tells whether a result came.
    child.once('exit', () => clearTimeout(deadline));
    child.once('disconnect', () => {
      if (!answered) reject(new Error('the load client ended without a result'));
    });
    child.send(clientOptions);
    child.on('message', (message: ClientMessage) => {
      if (message.type === 'measuring') {
        cpuAtStart = process.cpuUsage();
        gc.start();
        otherAtStart = options.otherCpuMs?.() ?? 0;
        return;
      }
      if (message.type === 'stopped') {
        const used = process.cpuUsage(cpuAtStart);
        cpuMeasured = (used.user + used.system) / 1000;
        gc.stop();
        otherMeasured = (options.otherCpuMs?.() ?? 0) - otherAtStart;
        return;
      }
      answered = true;
      child.disconnect();
      const sorted = Float64Array.from(message.latencies).sort();
      const values = Array.from(sorted);
      resolve({
        requests: values.length,
        failures: message.failures,
        seconds: message.seconds,
        perSecond: message.completedInWindow / message.seconds,
        p50: percentile(values, 50),
        p90: percentile(values, 90),
        p99: percentile(values, 99),
        max: values.at(-1) ?? NaN,
        serverCpuMsPerRequest: cpuMeasured / Math.max(1, message.completedInWindow),
        gc: gc.counts,
        otherCpuMsPerRequest: options.otherCpuMs
          ? otherMeasured / Math.max(1, message.completedInWindow)
          : undefined,
      });
    });
  });
}

export function formatResult(name: string, load: string, result: LoadResult): string {
  const failed = Object.entries(result.failures)
    .map(([status, n]) => `${n}×${status}`)
    .join(' ');
  return (
    `${name.padEnd(40)} ${load.padEnd(12)} ${result.perSecond.toFixed(0).padStart(6)} req/s  ` +
    `p50 ${result.p50.toFixed(2).padStart(7)} ms  p90 ${result.p90.toFixed(2).padStart(7)} ms  ` +
    `p99 ${result.p99.toFixed(2).padStart(7)} ms  max ${result.max.toFixed(1).padStart(7)} ms  ` +
    `app CPU ${result.serverCpuMsPerRequest.toFixed(2)} ms/req  ` +
    (result.otherCpuMsPerRequest === undefined
      ? ''
      : `db CPU ${result.otherCpuMsPerRequest.toFixed(2)} ms/req  `) +
    `GC pauses ${result.gc.minor}×minor ${result.gc.minorMs.toFixed(0)} ms, ` +
    `${result.gc.major}×major ${result.gc.majorMs.toFixed(0)} ms  ` +
    `(${result.requests} in ${result.seconds.toFixed(1)} s${failed ? `; failed: ${failed}` : ''})`
  );
}
