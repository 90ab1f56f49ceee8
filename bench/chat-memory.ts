// `npm run bench -- chat-memory` (also run by `npm run bench -- chat`): the server's memory as
// `npm start` runs it: `node backend/dist/server.js` on the embedded PGlite, in a process of its
// own, so tsx and the bench are not counted (bench/chat.ts runs the app inside its own tsx
// process, which adds about 200 MB). The language model is the local vendor stand-in (OpenAI's
// wire format) streaming `tokens` tokens at `rate` per second to `sockets` sockets at once.
// Prints the resident memory (the process with all its threads, /proc VmRSS) 3 s after it answers
// /health, before the streams (after the sign-ups) and at its peak during them.
// The database is created by a first start that is then stopped: the figures are those of every
// later start (a first start's initdb leaves the C library holding memory it freed).
// The server runs with `npm start`'s node flags and malloc settings (scripts/lib/server-process.ts);
// --bare runs it without them, for comparison.
// Options: --sockets=200 --tokens=300 --rate=50 --node-args="..." (more node flags for the server)
// --bare
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { startLlmStandIn } from '../backend/test/helpers/llm-stand-in';
import { freePort } from '../backend/test/helpers/nginx';
import { buildBackend } from '../scripts/lib/builds';
import { serverMallocEnv, serverNodeArgs } from '../scripts/lib/server-process';
import { repoRoot } from '../scripts/lib/stamps';
import { processCpuMs } from './lib/cpu';
import { runLoad } from './lib/load';
import { percentile } from './lib/percentile';

const args = Object.fromEntries(
  process.argv.slice(2).map((arg) => {
    const [name, ...value] = arg.replace(/^--/, '').split('=');
    return [name!, value.join('=')];
  }),
);
const SOCKETS = Number(args.sockets ?? 200);
const TOKENS = Number(args.tokens ?? 300);
const RATE = Number(args.rate ?? 50);
const QUESTION = 'How do I compute the determinant of a 3x3 matrix with numpy?';
const PASSWORD = 'violet quantum harbour spoon';
const BARE = 'bare' in args;
const nodeArgs = [...(BARE ? [] : serverNodeArgs), ...(args['node-args']?.split(' ') ?? [])].filter(
  Boolean,
);

/** Resident memory of a process with all its threads, MB (Linux). */
const rssMbOf = (pid: number) =>
  Number(/^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]) / 1024;

async function waitForHealth(origin: string, exited: () => boolean): Promise<void> {
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (exited()) throw new Error('the server exited during start-up');
    const healthy = await fetch(`${origin}/health`)
      .then((response) => response.ok)
      .catch(() => false);
    if (healthy) return;
    await sleep(250);
  }
  throw new Error('the server did not answer /health within 180 s');
}

/** Signs up `count` students, four at a time; their access tokens. */
async function signUp(origin: string, count: number): Promise<string[]> {
  const tokens: string[] = [];
  const next = async (): Promise<void> => {
    while (tokens.length + pending < count) {
      pending += 1;
      const id = randomBytes(4).toString('hex');
      const response = await fetch(`${origin}/api/auth/register`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          email: `memory-${id}@example.com`,
          username: `memory ${id}`,
          password: PASSWORD,
        }),
      });
      pending -= 1;
      if (response.status !== 201)
        throw new Error(`register answered ${response.status}: ${await response.text()}`);
      tokens.push(((await response.json()) as { access_token: string }).access_token);
    }
  };
  let pending = 0;
  await Promise.all(Array.from({ length: 4 }, next));
  return tokens;
}

await buildBackend();
const standIn = await startLlmStandIn();
standIn.script('openai', {
  reply: Array.from({ length: TOKENS }, (_, i) => `t${i} `),
  tokenDelayMs: 1000 / RATE,
});
const dataDir = await mkdtemp(join(tmpdir(), 'bench-chat-memory-'));
const port = await freePort();
const origin = `http://127.0.0.1:${port}`;
const startServer = () =>
  spawn(process.execPath, [...nodeArgs, 'backend/dist/server.js'], {
    cwd: repoRoot,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      ...(BARE ? {} : serverMallocEnv),
      HOST: '127.0.0.1',
      PORT: String(port),
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      AUTH_RATE_LIMIT_PER_MINUTE: '100000',
      CHAT_MESSAGES_PER_MINUTE: '1000000',
      LLM_PROVIDERS: 'openai',
      OPENAI_API_KEY: 'sk-bench',
      OPENAI_BASE_URL: standIn.baseUrl,
      LLM_TIMEOUT_MS: '30000',
    },
  });
const stop = async (process: ReturnType<typeof startServer>) => {
  if (process.exitCode !== null) return;
  process.kill('SIGTERM');
  await new Promise((resolve) => process.once('exit', resolve));
};
let server: ReturnType<typeof startServer> | undefined;
try {
  const first = startServer();
  await waitForHealth(origin, () => first.exitCode !== null).finally(() => stop(first));
  server = startServer();
  await waitForHealth(origin, () => server!.exitCode !== null);
  await sleep(3000);
  const pid = server.pid!;
  const afterStart = rssMbOf(pid);
  const tokens = await signUp(origin, SOCKETS);
  const beforeStreams = rssMbOf(pid);
  const cpuBeforeStreams = processCpuMs(pid);
  let peak = beforeStreams;
  const sampler = setInterval(() => (peak = Math.max(peak, rssMbOf(pid))), 50);
  const streamed = await runLoad({
    kind: 'chat-streams',
    urls: tokens.map((token) => `ws://127.0.0.1:${port}/ws/chat?token=${token}`),
    question: QUESTION,
    tokens: TOKENS,
  }).finally(() => clearInterval(sampler));
  await sleep(1000);
  const afterStreams = rssMbOf(pid);
  const streamsCpuMs = processCpuMs(pid) - cpuBeforeStreams;

  const nominal = 1000 / RATE;
  console.log(
    `node ${nodeArgs.join(' ')} backend/dist/server.js${BARE ? ' (bare: no malloc settings)' : ''} on PGlite (an existing database), ${SOCKETS} sockets × ${TOKENS} tokens at ${RATE}/s from the OpenAI-format stand-in:`,
  );
  console.log(
    `  tokens lost ${streamed.expected - streamed.received}, out of order ${streamed.outOfOrder}, ` +
      `turns done ${streamed.done}/${SOCKETS}, added p99 gap ${(percentile(streamed.gaps, 99) - nominal).toFixed(2)} ms` +
      (streamed.errors.length > 0 ? `, errors: ${streamed.errors.slice(0, 3).join(' | ')}` : ''),
  );
  console.log(
    `  RSS MB: ${afterStart.toFixed(0)} 3 s after /health, ${beforeStreams.toFixed(0)} after ${SOCKETS} sign-ups, ` +
      `${peak.toFixed(0)} at the peak of the streams, ${afterStreams.toFixed(0)} 1 s after`,
  );
  console.log(
    `  server CPU during the streams (with the second after): ${streamsCpuMs.toFixed(0)} ms, ` +
      `${(streamsCpuMs / SOCKETS).toFixed(1)} ms per turn`,
  );
  const verdict = (ok: boolean) => (ok ? 'MEETS' : 'MISSES');
  console.log(
    `pglite (built server): RSS ≤ 250 MB after start ${verdict(afterStart <= 250)}; ` +
      `peak RSS ≤ 400 MB during the streams ${verdict(peak <= 400)}`,
  );
} finally {
  if (server) await stop(server);
  await standIn.close();
  await rm(dataDir, { recursive: true, force: true });
}
