/**
 * The load generator's own process (forked by load.ts), so the client never competes with the
 * server for one event loop. It receives the LoadOptions, runs, and sends back the LoadResult.
 */
import http from 'node:http';
import type { LoadOptions, LoadResult } from './load';

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function run(options: LoadOptions): Promise<LoadResult> {
  const url = new URL(options.url);
  const concurrency = options.concurrency ?? 64;
  const warmupMs = options.warmupMs ?? 1000;
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const body = options.body === undefined ? undefined : Buffer.from(options.body);
  const headers: Record<string, string | number> = { ...options.headers };
  if (body) headers['content-length'] = body.length;

  const latencies: number[] = [];
  const statusCounts: Record<string, number> = {};
  let errors = 0;
  let maxLagMs = 0;
  const start = performance.now();
  const measureFrom = start + warmupMs;
  const end = measureFrom + options.durationMs;

  const send = () =>
    new Promise<void>((resolve) => {
      const sentAt = performance.now();
      const done = (status: string) => {
        const finishedAt = performance.now();
        if (sentAt >= measureFrom && sentAt < end) {
          latencies.push(finishedAt - sentAt);
          statusCounts[status] = (statusCounts[status] ?? 0) + 1;
          if (!status.startsWith('2')) errors += 1;
        }
        resolve();
      };
      const request = http.request(
        {
          agent,
          host: url.hostname,
          port: url.port,
          path: url.pathname + url.search,
          method: options.method ?? 'GET',
          headers,
        },
        (response) => {
          response.resume();
          response.on('end', () => done(String(response.statusCode)));
          response.on('error', () => done('error'));
        },
      );
      request.on('error', () => done('error'));
      request.end(body);
    });

  const pending = new Set<Promise<void>>();
  const track = (promise: Promise<void>) => {
    pending.add(promise);
    void promise.then(() => pending.delete(promise));
  };

  if (options.rate) {
    // Open loop: requests are due at fixed times whatever the server does; a tick sends every
    // request that has come due (so a late timer catches up) and records how late it was.
    const interval = 1000 / options.rate;
    let sent = 0;
    while (performance.now() < end) {
      const now = performance.now();
      while (start + sent * interval <= now) {
        maxLagMs = Math.max(maxLagMs, now - (start + sent * interval));
        track(send());
        sent += 1;
      }
      await new Promise((resolve) =>
        setTimeout(resolve, Math.max(0, start + sent * interval - performance.now())),
      );
    }
  } else {
    // Closed loop: `concurrency` clients, each sending its next request when the last answers.
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (performance.now() < end) await send();
      }),
    );
  }
  await Promise.all(pending);
  agent.destroy();

  const sorted = Float64Array.from(latencies).sort();
  return {
    count: sorted.length,
    errors,
    statusCounts,
    rps: sorted.length / (options.durationMs / 1000),
    p50: percentile(sorted, 50),
    p90: percentile(sorted, 90),
    p99: percentile(sorted, 99),
    max: sorted.length ? sorted[sorted.length - 1]! : NaN,
    maxLagMs,
  };
}

process.once('message', (options: LoadOptions) => {
  run(options).then(
    (result) => {
      // Exits when the parent disconnects, once it has the result (exiting first could lose it).
      process.once('disconnect', () => process.exit(0));
      process.send!(result);
    },
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
});
