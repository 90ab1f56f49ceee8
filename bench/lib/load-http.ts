// The load worker's HTTP runner (runs in the child process, see load-jobs.ts).
import http from 'node:http';
import type { HttpJob, HttpJobResult } from './load-jobs';

/** Runs `job`, calling `onWindow` as the measured window opens and closes. */
export function runHttpJob(
  job: HttpJob,
  onWindow: (edge: 'measuring' | 'stopped') => void,
): Promise<HttpJobResult> {
  const { hostname, port } = new URL(job.origin);
  const agent = new http.Agent({ keepAlive: true, maxSockets: job.connections });
  const bodies = job.requests.map((r) => (r.body === undefined ? undefined : Buffer.from(r.body)));
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  const start = performance.now();
  const measureFrom = start + job.warmupMs;
  const end = measureFrom + job.durationMs;
  let inFlight = 0;
  let sent = 0;
  let completed = 0;
  let maxLagMs = 0;
  let stopped = false;

  return new Promise((resolve) => {
    const stop = () => {
      if (!stopped) onWindow('stopped');
      stopped = true;
    };
    const settle = () => {
      if (performance.now() < end || inFlight > 0) return;
      stop();
      agent.destroy();
      resolve({ latencies, statuses, completed, seconds: job.durationMs / 1000, maxLagMs });
    };

    /** Sends the next template; the latency counts from `from` (see HttpJob.latencyFrom). */
    const send = (from: number, after: () => void) => {
      const index = sent++ % job.requests.length;
      const template = job.requests[index]!;
      const body = bodies[index];
      const headers = { ...template.headers, ...(body && { 'content-length': body.length }) };
      inFlight++;
      let finished = false;
      const done = (status: string) => {
        if (finished) return; // an error after the answer (or a second error) counts once
        finished = true;
        inFlight--;
        const now = performance.now();
        if (now >= measureFrom && now < end) completed++;
        if (from >= measureFrom && from < end) {
          latencies.push(now - from);
          statuses[status] = (statuses[status] ?? 0) + 1;
        }
        after();
      };
      const request = http.request(
        { host: hostname, port, path: template.path, method: template.method, headers, agent },
        (response) => {
          response.resume();
          response.on('end', () => done(String(response.statusCode)));
          response.on('error', () => done('error'));
        },
      );
      request.on('error', () => done('error'));
      request.setTimeout(60_000, () => request.destroy(new Error('timeout')));
      request.end(body);
    };

    setTimeout(() => onWindow('measuring'), job.warmupMs);
    // The last request may be answered a moment before the window closes: settle again at its end.
    setTimeout(() => {
      stop();
      settle();
    }, job.warmupMs + job.durationMs);

    if (job.rate) {
      // Open loop: requests are due at fixed times whatever the server does; a tick sends every
      // request that has come due (so a late timer catches up) and records how late it was.
      const interval = 1000 / job.rate;
      let due = 0;
      const tick = () => {
        const now = performance.now();
        for (let at = start + due * interval; at <= now && at < end; at = start + due * interval) {
          maxLagMs = Math.max(maxLagMs, now - at);
          due++;
          send(job.latencyFrom === 'due' ? at : performance.now(), settle);
        }
        const next = start + due * interval;
        if (next < end) setTimeout(tick, Math.max(0, next - performance.now()));
        else settle();
      };
      tick();
    } else {
      // Closed loop: each connection sends its next request when the previous answer has arrived.
      const loop = () => (performance.now() < end ? send(performance.now(), loop) : settle());
      for (let i = 0; i < job.connections; i++) loop();
    }
  });
}
