// The benchmarks' one load generator, its child-process protocol: the parent (load.ts) forks
// load-worker.ts and sends it one job; the worker runs it and sends back `result` or `error`.
// HTTP jobs also send `measuring` and `stopped` at the edges of their measured window, so that the
// parent can time its own CPU and garbage collection (the server's) over exactly that window.

export interface HttpRequestTemplate {
  method: string;
  /** Path and query, on the job's origin. */
  path: string;
  headers?: Record<string, string>;
  /** Sent as is (set content-type in headers). */
  body?: string | Uint8Array;
}

/** HTTP requests over keep-alive sockets: an open loop at `rate` per second, or a closed loop. */
export interface HttpJob {
  kind: 'http';
  /** e.g. http://127.0.0.1:3000 */
  origin: string;
  /** Used in turn (e.g. one per user, so that each save writes its own row). */
  requests: HttpRequestTemplate[];
  /** Sockets; in a closed loop also the clients, each sending its next request after an answer. */
  connections: number;
  /** Requests per second, open loop; omit for a closed loop. */
  rate?: number;
  durationMs: number;
  /** Requests before the measured window are sent but not counted (JIT, caches, pools). */
  warmupMs: number;
  /**
   * Open loop: a request's latency runs from when it was due ('due': a late client counts against
   * the server) or from when the client got to send it ('sent': lateness is reported apart, as
   * maxLagMs). Either way the wait for a free socket counts. A closed loop sends when due.
   */
  latencyFrom: 'due' | 'sent';
}

export interface HttpJobResult {
  /** Latencies (ms) of the requests started within the measured window: the sample. */
  latencies: number[];
  /** Those requests by status ("error" for transport errors), in order of first appearance. */
  statuses: Record<string, number>;
  /** Answers completed within the measured window (requests per second = this / seconds). */
  completed: number;
  seconds: number;
  /** Open loop: how late the client sent a request at worst (a starved client shows here). */
  maxLagMs: number;
}

/** Chat turns one after another on one WebSocket: ms from sending to the first token. */
export interface ChatTurnsJob {
  kind: 'chat-turns';
  url: string;
  turns: number;
  /** The first turns are not sampled (JIT, caches, connections). */
  warmupTurns: number;
  /** Each turn sends `${question} (case ${i})`; a new session every 10 turns. */
  question: string;
  /** Wait for the turn's `done` before the next; false for an echo, whose first reply ends it. */
  waitForDone: boolean;
  /** Pause between a turn's end and the next message. */
  thinkMs: number;
}

/** One turn on each of `urls` at once, streamed; the model's tokens read `t0 `, `t1 `, ... */
export interface ChatStreamsJob {
  kind: 'chat-streams';
  urls: string[];
  question: string;
  /** Tokens each answer should have. */
  tokens: number;
}

export interface ChatStreamsResult {
  received: number;
  expected: number;
  outOfOrder: number;
  done: number;
  errors: string[];
  /** Arrival gaps between consecutive tokens of one answer, ms. */
  gaps: number[];
  /** The same, away from the start and end bursts (tokens 50 to tokens-50 of each answer). */
  steadyGaps: number[];
}

export type LoadJob = HttpJob | ChatTurnsJob | ChatStreamsJob;

export type ResultOf<J extends LoadJob> = J extends HttpJob
  ? HttpJobResult
  : J extends ChatTurnsJob
    ? number[]
    : ChatStreamsResult;

/** What the worker sends back: window edges (HTTP jobs), then one result or one error. */
export type WorkerMessage =
  | { type: 'measuring' }
  | { type: 'stopped' }
  | { type: 'result'; result: ResultOf<LoadJob> }
  | { type: 'error'; error: string };
