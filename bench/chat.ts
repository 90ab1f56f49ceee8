// `npm run bench -- chat` (or `npx tsx bench/chat.ts`): the chat socket through the real app over a
// real WebSocket, with an in-process language model stand-in, on PGlite (on disk, as `npm start`
// runs it) and on PostgreSQL (a temporary database, when one answers).
//  1. Overhead: time from sending a message to its first token (the model answers instantly), next
//     to a bare Fastify WebSocket echo of the same message (the baseline).
//  2. Streaming: 200 sockets at once, each streamed 300 tokens at 50 tokens/s: tokens lost, the
//     added p99 delay between tokens, and the server's peak memory.
// The clients run in a child process (this file with --client), so they do not share the server's
// event loop. Options: --turns=300 --sockets=200 --tokens=300 --rate=50 --only=pglite|postgres
import { fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { availableParallelism, loadavg } from 'node:os';
import websocket from '@fastify/websocket';
import Fastify, { type FastifyInstance } from 'fastify';
import WebSocket from 'ws';
import type { ChatServerEvent } from '@tutor/shared/chat';
import type { GenerateRequest, LlmRouter, MessageClassifier } from '../backend/src/ai/types';
import { buildApp } from '../backend/src/app';
import { users } from '../backend/src/auth/schema';
import { loadEnv } from '../backend/src/config/env';
import { type BenchTarget, benchTargets } from './lib/databases';

const args = Object.fromEntries(
  process.argv.slice(2).map((arg) => arg.replace(/^--/, '').split('=') as [string, string]),
);
const TURNS = Number(args.turns ?? 300);
const SOCKETS = Number(args.sockets ?? 200);
const TOKENS = Number(args.tokens ?? 300);
const RATE = Number(args.rate ?? 50);
/** Pause between a turn's end and the next message (a student reads the answer first). */
const THINK_MS = Number(args.think ?? 0);
const QUESTION = 'How do I compute the determinant of a 3x3 matrix with numpy?';

// ---------------------------------------------------------------- client (child process) ----

interface LatencyJob {
  kind: 'latency';
  url: string;
  turns: number;
  /** Chat: wait for the end of the turn (done) before the next; echo: the first reply is the end. */
  chat: boolean;
  thinkMs: number;
}
interface StreamJob {
  kind: 'stream';
  urls: string[];
  tokens: number;
}
type Job = LatencyJob | StreamJob;

function open(url: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url);
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
  });
}

/** Sequential turns on one socket: ms from send to the first token (or echo). */
async function latency(job: LatencyJob): Promise<number[]> {
  const ws = await open(job.url);
  const samples: number[] = [];
  let sessionId: string | undefined;
  for (let i = 0; i < job.turns; i += 1) {
    if (i % 10 === 0) sessionId = undefined; // a new conversation every 10 turns
    const sample = await new Promise<number>((resolve, reject) => {
      let firstToken: number | undefined;
      const started = performance.now();
      const onMessage = (data: WebSocket.RawData) => {
        const event = JSON.parse(data.toString()) as ChatServerEvent;
        if (event.type === 'session') sessionId = event.session_id;
        if (event.type === 'token' && firstToken === undefined)
          firstToken = performance.now() - started;
        if (event.type === 'error' || event.type === 'canned') {
          ws.off('message', onMessage);
          reject(new Error(`unexpected ${event.type}: ${JSON.stringify(event)}`));
        }
        if (firstToken !== undefined && (!job.chat || event.type === 'done')) {
          ws.off('message', onMessage);
          resolve(firstToken);
        }
      };
      ws.on('message', onMessage);
      ws.send(JSON.stringify({ content: `${QUESTION} (case ${i})`, session_id: sessionId }));
    });
    if (job.thinkMs > 0) await new Promise((resolve) => setTimeout(resolve, job.thinkMs));
    // The first turns warm up the JIT, caches and connections.
    if (i >= Math.min(20, job.turns / 10)) samples.push(sample);
  }
  ws.close();
  return samples;
}

interface StreamResult {
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

async function stream(job: StreamJob): Promise<StreamResult> {
  const sockets = await Promise.all(job.urls.map(open));
  const result: StreamResult = {
    received: 0,
    expected: job.tokens * sockets.length,
    outOfOrder: 0,
    done: 0,
    errors: [],
    gaps: [],
    steadyGaps: [],
  };
  await Promise.all(
    sockets.map(
      (ws, index) =>
        new Promise<void>((resolve) => {
          let next = 0;
          let last: number | undefined;
          ws.on('message', (data) => {
            const event = JSON.parse(data.toString()) as ChatServerEvent;
            if (event.type === 'token') {
              const now = performance.now();
              if (last !== undefined) {
                result.gaps.push(now - last);
                if (next >= 50 && next < job.tokens - 50) result.steadyGaps.push(now - last);
              }
              last = now;
              result.received += 1;
              if (event.content !== `t${next} `) result.outOfOrder += 1;
              next += 1;
            } else if (event.type === 'done') {
              result.done += 1;
              ws.close();
              resolve();
            } else if (event.type === 'error' || event.type === 'canned') {
              result.errors.push(JSON.stringify(event));
              ws.close();
              resolve();
            }
          });
          ws.send(JSON.stringify({ content: `${QUESTION} (stream ${index})` }));
        }),
    ),
  );
  return result;
}

if (process.argv.includes('--client')) {
  process.once('message', (job: Job) => {
    const work = job.kind === 'latency' ? latency(job) : stream(job);
    // Exits when the parent disconnects, once it has the outcome (exiting first could lose it).
    process.once('disconnect', () => process.exit(0));
    work.then(
      (result) => process.send!({ ok: true, result }),
      (error: Error) => process.send!({ ok: false, error: error.stack ?? error.message }),
    );
  });
}

function runClient<T>(job: Job): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = fork(import.meta.filename, ['--client'], { execArgv: ['--import', 'tsx'] });
    child.once('message', (message: { ok: boolean; result?: T; error?: string }) => {
      child.disconnect();
      if (message.ok) resolve(message.result!);
      else reject(new Error(message.error));
    });
    child.once('error', reject);
    child.once('exit', (code) => code !== 0 && reject(new Error(`client exited with ${code}`)));
    child.send(job);
  });
}

// ---------------------------------------------------------------- server side -----------------

/** A model stand-in: every answer is `tokens` pieces, at once or at `rate` per second. */
function benchRouter(tokens: number, rate: number | null): LlmRouter {
  return {
    primaryLabel: 'Bench model',
    offline: false,
    async *stream(request: GenerateRequest) {
      const started = performance.now();
      for (let i = 0; i < tokens; i += 1) {
        if (rate) {
          // Absolute schedule, like tokens arriving from the network: timer drift does not add up.
          const wait = started + (i * 1000) / rate - performance.now();
          if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
        }
        if (request.signal.aborted) return;
        yield `t${i} `;
      }
    },
    complete: async () => null,
  };
}

/** Used only when the app has no AI plugin yet: a constant on-topic classifier. */
const fallbackClassifier: MessageClassifier = {
  embedderId: 'bench-constant',
  classify: async () => ({
    kind: 'new_problem',
    embedding: [1, 0, 0],
    embedderId: 'bench-constant',
    scores: { greeting: 0, topic: 1, sameProblem: null, elaboration: 0 },
  }),
  embedContext: async () => [1, 0, 0],
  estimateDifficulty: () => ({ programming: 3, maths: 3 }),
};

const targets = benchTargets('bench-chat');

const portOf = (app: FastifyInstance) => (app.server.address() as AddressInfo).port;

async function echoBaseline(): Promise<number[]> {
  const echo = Fastify({ logger: false });
  await echo.register(websocket);
  echo.get('/echo', { websocket: true }, (socket) => {
    socket.on('message', (data) => {
      const { content } = JSON.parse(data.toString()) as { content: string };
      socket.send(JSON.stringify({ type: 'token', content }));
    });
  });
  await echo.listen({ host: '127.0.0.1', port: 0 });
  try {
    return await runClient<number[]>({
      kind: 'latency',
      url: `ws://127.0.0.1:${portOf(echo)}/echo`,
      turns: TURNS,
      chat: false,
      thinkMs: THINK_MS,
    });
  } finally {
    await echo.close();
  }
}

async function createUsers(app: FastifyInstance, count: number): Promise<string[]> {
  const rows = await app.database.db
    .insert(users)
    .values(
      Array.from({ length: count }, (_, i) => ({
        email: `bench-${i}-${randomBytes(3).toString('hex')}@example.com`,
        username: `bench_${i}_${randomBytes(3).toString('hex')}`,
        // Never used to log in: the bench signs access tokens directly.
        passwordHash: 'not-a-password-hash',
      })),
    )
    .returning({ id: users.id });
  return Promise.all(rows.map((row) => app.tokens.createAccessToken(row.id)));
}

interface TargetResult {
  target: string;
  classifier: string;
  overhead: number[];
  stream: StreamResult;
  peakRssMb: number;
  peakHeapMb: number;
  baseRssMb: number;
  /** Server CPU time (user + system) per turn in part 1 and per streamed token in part 2, ms. */
  cpuPerTurnMs: number;
  cpuPerTokenUs: number;
}

async function benchTarget(target: BenchTarget): Promise<TargetResult | string> {
  const opened = await target.open();
  if (typeof opened === 'string') return opened;
  const env = loadEnv({
    LOG_LEVEL: 'silent',
    // One user sends the 300 turns of part 1: far over a student's budget of messages per minute.
    CHAT_MESSAGES_PER_MINUTE: '1000000',
    FRONTEND_DIST: 'backend/test/fixtures/no-frontend',
    JUPYTERLITE_DIR: 'backend/test/fixtures/no-jupyterlite',
  });
  const app = await buildApp(
    { env, database: opened.handle, jwtSecret: randomBytes(32).toString('hex') },
    { logger: false },
  );
  try {
    await app.ready();
    // The real pre-filter (local embedder) when the AI plugin is there; only the model is a stand-in.
    const appAi = (app as unknown as { ai?: { classifier?: MessageClassifier } }).ai;
    const classifier = appAi?.classifier ?? fallbackClassifier;
    const setRouter = (router: LlmRouter) => {
      (app as unknown as { ai: object }).ai = { ...appAi, router, classifier };
    };
    await app.listen({ host: '127.0.0.1', port: 0 });
    const base = `ws://127.0.0.1:${portOf(app)}/ws/chat?token=`;
    const tokens = await createUsers(app, SOCKETS + 1);

    setRouter(benchRouter(20, null));
    const cpuBefore = process.cpuUsage();
    const overhead = await runClient<number[]>({
      kind: 'latency',
      url: base + tokens[0],
      turns: TURNS,
      chat: true,
      thinkMs: THINK_MS,
    });

    const turnCpu = process.cpuUsage(cpuBefore);
    setRouter(benchRouter(TOKENS, RATE));
    global.gc?.();
    const streamCpuBefore = process.cpuUsage();
    const baseRss = process.memoryUsage().rss;
    let peakRss = baseRss;
    let peakHeap = process.memoryUsage().heapUsed;
    const sampler = setInterval(() => {
      const usage = process.memoryUsage();
      peakRss = Math.max(peakRss, usage.rss);
      peakHeap = Math.max(peakHeap, usage.heapUsed);
    }, 50);
    const streamed = await runClient<StreamResult>({
      kind: 'stream',
      urls: tokens.slice(1).map((t) => base + t),
      tokens: TOKENS,
    });
    clearInterval(sampler);
    const streamCpu = process.cpuUsage(streamCpuBefore);
    const mb = (bytes: number) => bytes / 1024 / 1024;
    return {
      target: target.name,
      classifier: classifier.embedderId,
      overhead,
      stream: streamed,
      peakRssMb: mb(peakRss),
      peakHeapMb: mb(peakHeap),
      baseRssMb: mb(baseRss),
      cpuPerTurnMs: (turnCpu.user + turnCpu.system) / 1000 / TURNS,
      cpuPerTokenUs: (streamCpu.user + streamCpu.system) / Math.max(1, streamed.received),
    };
  } finally {
    await app.close();
    await opened.cleanup();
  }
}

function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const format = (cells: string[]) =>
    cells
      .map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!)))
      .join('  ');
  return [format(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(format)].join(
    '\n',
  );
}

if (!process.argv.includes('--client')) {
  console.log(
    `${availableParallelism()} CPUs, Node ${process.version}, load average ${loadavg()[0]!.toFixed(1)} at start; clients in a child process over loopback.\n` +
      `1) ${TURNS} sequential turns, model answers instantly (20 tokens); a new session every 10 turns\n` +
      `2) ${SOCKETS} sockets at once, ${TOKENS} tokens each at ${RATE} tokens/s (nominal gap ${(1000 / RATE).toFixed(0)} ms)\n`,
  );
  const echo = await echoBaseline();
  const results: TargetResult[] = [];
  for (const target of targets) {
    if (args.only && args.only !== target.name) continue;
    const outcome = await benchTarget(target);
    if (typeof outcome === 'string') console.log(`skipped ${target.name}: ${outcome}`);
    else results.push(outcome);
  }
  const f = (n: number) => n.toFixed(2);
  const echoP50 = percentile(echo, 50);
  console.log('Time to first token (ms), from the client sending the message:');
  console.log(
    table(
      [
        'server',
        'pre-filter',
        'p50',
        'p99',
        'max',
        'p50 over echo',
        'p99 over echo',
        'server CPU/turn ms',
      ],
      [
        [
          'bare Fastify WebSocket echo',
          '-',
          f(echoP50),
          f(percentile(echo, 99)),
          f(Math.max(...echo)),
          '-',
          '-',
          '-',
        ],
        ...results.map((r) => [
          `/ws/chat on ${r.target}`,
          r.classifier,
          f(percentile(r.overhead, 50)),
          f(percentile(r.overhead, 99)),
          f(Math.max(...r.overhead)),
          f(percentile(r.overhead, 50) - echoP50),
          f(percentile(r.overhead, 99) - percentile(echo, 99)),
          f(r.cpuPerTurnMs),
        ]),
      ],
    ),
  );
  const nominal = 1000 / RATE;
  console.log(`\n${SOCKETS} concurrent streams:`);
  console.log(
    table(
      [
        'database',
        'tokens lost',
        'out of order',
        'turns done',
        'gap p50 ms',
        'gap p99 ms',
        'added p99 ms',
        'steady p99 ms',
        'RSS before MB',
        'peak RSS MB',
        'peak heap MB',
        'server CPU/token µs',
      ],
      results.map((r) => [
        r.target,
        String(r.stream.expected - r.stream.received),
        String(r.stream.outOfOrder),
        `${r.stream.done}/${SOCKETS}`,
        f(percentile(r.stream.gaps, 50)),
        f(percentile(r.stream.gaps, 99)),
        f(percentile(r.stream.gaps, 99) - nominal),
        f(percentile(r.stream.steadyGaps, 99) - nominal),
        r.baseRssMb.toFixed(0),
        r.peakRssMb.toFixed(0),
        r.peakHeapMb.toFixed(0),
        r.cpuPerTokenUs.toFixed(0),
      ]),
    ),
  );
  for (const r of results) {
    const overheadOk = percentile(r.overhead, 50) - echoP50 <= 5;
    const lostOk =
      r.stream.expected === r.stream.received &&
      r.stream.outOfOrder === 0 &&
      r.stream.errors.length === 0;
    const delayOk = percentile(r.stream.gaps, 99) - nominal < 20;
    console.log(
      `${r.target}: overhead p50 within 5 ms of echo ${overheadOk ? 'MEETS' : 'MISSES'}; no token lost ${lostOk ? 'MEETS' : 'MISSES'}; added p99 inter-token delay < 20 ms ${delayOk ? 'MEETS' : 'MISSES'}` +
        (r.stream.errors.length > 0
          ? `\n  errors: ${r.stream.errors.slice(0, 3).join(' | ')}`
          : ''),
    );
  }
  console.log(
    `load average ${loadavg()[0]!.toFixed(1)} at the end (other work on this machine skews latencies).`,
  );
}
