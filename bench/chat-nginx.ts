// `npm run bench -- chat-nginx`: the chat socket through nginx over two server processes (issue
// 21), next to the same load straight to one of them. Both instances run the real server
// (backend/src/server.ts) on one temporary PostgreSQL database and one Redis; the language model
// is the local vendor stand-in (OpenAI's wire format), streaming `tokens` tokens at `rate` per
// second to every socket at once. Prints tokens lost and the added p99 delay between tokens,
// direct and through nginx, and what nginx adds.
// Needs PostgreSQL, Redis (REDIS_URL, default 127.0.0.1:6379) and /usr/sbin/nginx.
// Options: --sockets=400 --tokens=60 --rate=20
import { randomBytes, randomUUID } from 'node:crypto';
import { availableParallelism, loadavg } from 'node:os';
import { Redis } from 'ioredis';
import pino from 'pino';
import { users } from '../backend/src/auth/schema';
import { createTokenSigner } from '../backend/src/auth/tokens';
import { openDatabase } from '../backend/src/db/client';
import { prepareDatabase } from '../backend/src/db/migrate';
import { seeders } from '../backend/src/db/seeders';
import { type AppProcess, startAppProcess } from '../backend/test/helpers/app-process';
import { TEST_JWT_SECRET } from '../backend/test/helpers/build-test-app';
import { startLlmStandIn } from '../backend/test/helpers/llm-stand-in';
import { nginxInstalled, startNginx } from '../backend/test/helpers/nginx';
import { adminQuery } from '../backend/test/helpers/test-database';
import { benchServerUrl } from './lib/databases';
import { runLoad } from './lib/load';
import type { ChatStreamsResult } from './lib/load-jobs';
import { percentile } from './lib/percentile';

const args = Object.fromEntries(
  process.argv.slice(2).map((arg) => arg.replace(/^--/, '').split('=') as [string, string]),
);
const SOCKETS = Number(args.sockets ?? 400);
const TOKENS = Number(args.tokens ?? 60);
const RATE = Number(args.rate ?? 20);
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const QUESTION = 'How do I compute the determinant of a 3x3 matrix with numpy?';

if (!nginxInstalled()) {
  console.log('skipped: /usr/sbin/nginx is missing (apt-get install nginx-light)');
  process.exit(0);
}

const name = `tutor_bench_nginx_${Date.now()}_${randomBytes(3).toString('hex')}`;
const databaseUrl = Object.assign(new URL(benchServerUrl), { pathname: `/${name}` }).toString();
const keyPrefix = `tutor-bench-${randomUUID()}:`;
const cleanups: (() => Promise<unknown>)[] = [];

async function signedUsers(count: number): Promise<string[]> {
  const handle = openDatabase({ kind: 'postgres', url: databaseUrl, poolSize: 2 });
  try {
    // Migrated here once, so both instances start on a ready database.
    await prepareDatabase(handle, pino({ level: 'silent' }), seeders);
    const rows = await handle.db
      .insert(users)
      .values(
        Array.from({ length: count }, (_, i) => ({
          email: `bench-${i}-${randomBytes(3).toString('hex')}@example.com`,
          username: `bench_${i}_${randomBytes(3).toString('hex')}`,
          // Never used to log in: the bench signs access tokens directly.
          passwordHash: 'not-a-password-hash',
        })),
      )
      .returning({ id: users.id, generation: users.tokenGeneration });
    // The server refuses tokens that live longer than ACCESS_TOKEN_TTL_MINUTES (30).
    const signer = createTokenSigner(TEST_JWT_SECRET, 30 * 60);
    return await Promise.all(rows.map((row) => signer.createAccessToken(row.id, row.generation)));
  } finally {
    await handle.close();
  }
}

async function streams(origin: string, tokens: string[]): Promise<ChatStreamsResult> {
  const base = `${origin.replace('http', 'ws')}/ws/chat?token=`;
  return runLoad(
    {
      kind: 'chat-streams',
      urls: tokens.map((token) => base + token),
      question: QUESTION,
      tokens: TOKENS,
    },
    // A stream that never ends (a lost `done`) fails the run instead of hanging it.
    { timeoutMs: (TOKENS / RATE) * 10_000 + 60_000 },
  );
}

try {
  await adminQuery(benchServerUrl, `create database "${name}"`);
  cleanups.push(() => adminQuery(benchServerUrl, `drop database if exists "${name}" with (force)`));
  const tokens = await signedUsers(SOCKETS * 2);

  const standIn = await startLlmStandIn();
  cleanups.push(() => standIn.close());
  standIn.script('openai', {
    reply: Array.from({ length: TOKENS }, (_, i) => `t${i} `),
    tokenDelayMs: 1000 / RATE,
  });
  const env = {
    DATABASE_URL: databaseUrl,
    REDIS_URL: `${REDIS_URL}?keyPrefix=${keyPrefix}`,
    CHAT_MESSAGES_PER_MINUTE: '1000000',
    LLM_PROVIDERS: 'openai',
    OPENAI_API_KEY: 'sk-bench',
    OPENAI_BASE_URL: standIn.baseUrl,
    LLM_TIMEOUT_MS: '30000',
  };
  const instances: AppProcess[] = await Promise.all(
    ['A', 'B'].map(async (instance) => {
      const started = await startAppProcess({ name: instance, env, timeoutMs: 150_000 });
      cleanups.push(() => started.kill()); // each, so one that started is stopped if the other fails
      return started;
    }),
  );
  const nginx = await startNginx({ upstreams: instances.map((instance) => instance.address) });
  cleanups.push(() => nginx.stop());

  console.log(
    `${availableParallelism()} CPUs, Node ${process.version}, load average ${loadavg()[0]!.toFixed(1)} at start; clients in a child process over loopback.\n` +
      `${SOCKETS} sockets at once, ${TOKENS} tokens each at ${RATE} tokens/s (nominal gap ${(1000 / RATE).toFixed(0)} ms), model stand-in in this process\n`,
  );
  let direct: ChatStreamsResult;
  let balanced: ChatStreamsResult;
  try {
    // A few turns first: JIT, connections and caches of both instances warm.
    await streams(nginx.origin, tokens.slice(0, 20));
    direct = await streams(instances[0]!.origin, tokens.slice(0, SOCKETS));
    balanced = await streams(nginx.origin, tokens.slice(SOCKETS));
  } catch (error) {
    for (const instance of instances)
      console.error(`instance ${instance.name}:\n${instance.output()}`);
    throw error;
  }

  const nominal = 1000 / RATE;
  const f = (n: number) => n.toFixed(2);
  const rows = [
    ['straight to instance A', direct],
    ['nginx over A and B', balanced],
  ] as const;
  console.log(
    'path                      tokens lost  out of order  turns done  gap p50 ms  gap p99 ms  added p99 ms',
  );
  for (const [label, r] of rows) {
    console.log(
      [
        label.padEnd(24),
        String(r.expected - r.received).padStart(11),
        String(r.outOfOrder).padStart(12),
        `${r.done}/${SOCKETS}`.padStart(10),
        f(percentile(r.gaps, 50)).padStart(10),
        f(percentile(r.gaps, 99)).padStart(10),
        f(percentile(r.gaps, 99) - nominal).padStart(12),
      ].join('  '),
    );
  }
  const lost = balanced.expected - balanced.received + balanced.outOfOrder;
  console.log(
    `\nnginx adds ${f(percentile(balanced.gaps, 99) - percentile(direct.gaps, 99))} ms to the p99 gap between tokens; ` +
      `no token lost through nginx ${lost === 0 && balanced.errors.length === 0 ? 'MEETS' : 'MISSES'}` +
      (balanced.errors.length > 0 ? `\n  errors: ${balanced.errors.slice(0, 3).join(' | ')}` : ''),
  );
  console.log(
    `load average ${loadavg()[0]!.toFixed(1)} at the end (other work on this machine skews latencies).`,
  );
} finally {
  for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
  const redis = new Redis(REDIS_URL);
  const keys = await redis.keys(`${keyPrefix}*`).catch(() => []);
  if (keys.length > 0) await redis.del(...keys);
  redis.disconnect();
}
