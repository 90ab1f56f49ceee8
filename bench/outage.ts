// `npm run bench -- outage` (or `npx tsx bench/outage.ts`): what a vendor outage costs a turn with
// LLM_PROVIDERS=openai,offline, next to LLM_PROVIDERS=offline alone. Time from sending a message
// on the chat socket to its first token, through the real app (on PGlite), the real router and AI
// SDK client, against the LLM stand-in playing a vendor that (a) refuses connections, (b) accepts
// and never answers (LLM_TIMEOUT_MS=2000 by default). For each outage: the turns before the circuit
// breaker opens (the first LLM_BREAKER_FAILURES turns pay every try, retry and backoff), then the
// turns once it is open. Retries and the threshold are the defaults (LLM_MAX_RETRIES=2,
// LLM_BREAKER_FAILURES=3); the cool-down is long so no probe falls into the sample (a probe costs
// its one turn up to LLM_TIMEOUT_MS, once per cool-down over all instances).
// The clients run in a child process (lib/load.ts). Options: --turns=60 --timeout=2000
import type { AddressInfo } from 'node:net';
import { availableParallelism, loadavg } from 'node:os';
import type { FastifyInstance } from 'fastify';
import { createAiServices } from '../backend/src/ai';
import { loadEnv } from '../backend/src/config/env';
import { buildTestApp } from '../backend/test/helpers/build-test-app';
import { buildUser } from '../backend/test/helpers/factories';
import { startLlmStandIn, type LlmStandIn } from '../backend/test/helpers/llm-stand-in';
import { benchTargets } from './lib/databases';
import { runLoad } from './lib/load';
import { percentile } from './lib/percentile';

const args = Object.fromEntries(
  process.argv.slice(2).map((arg) => arg.replace(/^--/, '').split('=') as [string, string]),
);
const TURNS = Number(args.turns ?? 60);
const TIMEOUT_MS = Number(args.timeout ?? 2000);
const WARMUP = 5;
const GOAL_MS = 50;
const QUESTION = 'How do I compute the determinant of a 3x3 matrix with numpy?';

interface Phase {
  name: string;
  samples: number[];
  /** Requests that reached the vendor stand-in during the phase (refused ones never do). */
  vendorRequests: number | null;
}

/** Swaps the app's router (and breakers) for one built from `providers`; keeps its pre-filter. */
function useProviders(app: FastifyInstance, standIn: LlmStandIn, providers: string) {
  const env = loadEnv({
    LLM_PROVIDERS: providers,
    OPENAI_API_KEY: 'sk-bench',
    OPENAI_BASE_URL: standIn.baseUrl,
    LLM_TIMEOUT_MS: String(TIMEOUT_MS),
    LLM_BREAKER_COOLDOWN_MS: '3600000',
  });
  const { router, breakers } = createAiServices(env, app.log);
  app.ai = { ...app.ai, router, breakers };
  return env.LLM_BREAKER_FAILURES;
}

async function firstTokenTimes(url: string, turns: number, warmupTurns: number) {
  return runLoad({
    kind: 'chat-turns',
    url,
    turns: turns + warmupTurns,
    warmupTurns,
    question: QUESTION,
    waitForDone: true,
    thinkMs: 0,
  });
}

async function outage(
  app: FastifyInstance,
  standIn: LlmStandIn,
  url: string,
  kind: 'refuses' | 'hangs',
): Promise<Phase[]> {
  standIn.reset();
  if (kind === 'refuses') await standIn.refuseConnections();
  else {
    await standIn.acceptConnections();
    standIn.script('openai', { hang: true });
  }
  const failures = useProviders(app, standIn, 'openai,offline');
  const before = await firstTokenTimes(url, failures, 0);
  const [breaker] = await app.ai.breakers.snapshots();
  if (breaker?.state !== 'open') console.log(`! the breaker is ${breaker?.state} after ${kind}`);
  const requestsBefore = standIn.requests.length;
  const open = await firstTokenTimes(url, TURNS, WARMUP);
  const vendor = (count: number) => (kind === 'refuses' ? null : count);
  return [
    {
      name: `vendor ${kind}, before the breaker opens`,
      samples: before,
      vendorRequests: vendor(requestsBefore),
    },
    {
      name: `vendor ${kind}, breaker open`,
      samples: open,
      vendorRequests: vendor(standIn.requests.length - requestsBefore),
    },
  ];
}

function report(phases: Phase[]) {
  const [alone] = phases;
  const f = (n: number) => n.toFixed(1);
  const columns = [
    'turns',
    'p50 ms',
    'p99 ms',
    'max ms',
    'p50 over alone',
    'p99 over alone',
    'vendor requests',
  ];
  const width = Math.max(...phases.map((phase) => phase.name.length));
  console.log(['LLM_PROVIDERS / phase'.padEnd(width), ...columns].join('  '));
  for (const phase of phases) {
    const cells = [
      String(phase.samples.length),
      f(percentile(phase.samples, 50)),
      f(percentile(phase.samples, 99)),
      f(percentile(phase.samples, 100)),
      phase === alone ? '-' : f(percentile(phase.samples, 50) - percentile(alone!.samples, 50)),
      phase === alone ? '-' : f(percentile(phase.samples, 99) - percentile(alone!.samples, 99)),
      phase.vendorRequests === null ? 'refused' : String(phase.vendorRequests),
    ];
    console.log(
      [phase.name.padEnd(width), ...cells.map((cell, i) => cell.padStart(columns[i]!.length))].join(
        '  ',
      ),
    );
  }
  for (const phase of phases.filter((p) => p.name.endsWith('breaker open'))) {
    const p50 = percentile(phase.samples, 50) - percentile(alone!.samples, 50);
    const p99 = percentile(phase.samples, 99) - percentile(alone!.samples, 99);
    const meets = p50 <= GOAL_MS && p99 <= GOAL_MS;
    console.log(
      `${phase.name}: p50 and p99 within ${GOAL_MS} ms of the offline tutor alone ${meets ? 'MEETS' : 'MISSES'}`,
    );
  }
}

console.log(
  `${availableParallelism()} CPUs, Node ${process.version}, load average ${loadavg()[0]!.toFixed(1)} at start; ` +
    `LLM_TIMEOUT_MS=${TIMEOUT_MS}, ${TURNS} sampled turns after ${WARMUP} warm-up turns (${6 * WARMUP} for the offline tutor alone, measured first); first token over the chat socket.\n`,
);
const standIn = await startLlmStandIn();
const [pglite] = benchTargets('bench-outage');
const opened = await pglite!.open();
if (typeof opened === 'string') throw new Error(opened);
const app = await buildTestApp(opened.handle, { env: { CHAT_MESSAGES_PER_MINUTE: '1000000' } });
try {
  await app.listen({ host: '127.0.0.1', port: 0 });
  const student = await buildUser(app);
  const url = `ws://127.0.0.1:${(app.server.address() as AddressInfo).port}/ws/chat?token=${student.accessToken}`;
  useProviders(app, standIn, 'offline');
  const alone: Phase = {
    name: 'offline alone',
    // Measured first, so with a longer warm-up (JIT, caches, the pre-filter's embeddings).
    samples: await firstTokenTimes(url, TURNS, 6 * WARMUP),
    vendorRequests: 0,
  };
  const refuses = await outage(app, standIn, url, 'refuses');
  const hangs = await outage(app, standIn, url, 'hangs');
  report([alone, ...refuses, ...hangs]);
} finally {
  await app.close();
  await opened.cleanup();
  await standIn.close();
}
console.log(
  `load average ${loadavg()[0]!.toFixed(1)} at the end (other work on this machine skews latencies).`,
);
