// `npm run bench -- auth` (or `npx tsx bench/auth.ts`): the accounts API through the real app
// over loopback HTTP, on PGlite (on disk, as `npm start` runs it) and on PostgreSQL (a temporary
// database, when one answers). Prints p50/p99 of GET /api/auth/me at a fixed rate, of login under
// a closed loop (bounded by the password hash), and the argon2id cost. Beside GET /me, its floor:
// the same token check and profile read in a bare node:http server (lib/floor-me-server.ts), so
// the app's p99 reads against what this machine allows at that rate in the same run.
// GET /me and its floor run in turn for --rounds rounds (app, floor, app, floor...): the machine's
// noise moves a single p99 by a factor of two, so the verdict reads the median round.
// Options: --seconds=10 --rate=500 --rounds=3 --login-clients=4 --only=pglite|postgres
import { randomBytes } from 'node:crypto';
import { availableParallelism, loadavg } from 'node:os';
import type { AddressInfo } from 'node:net';
import { hashPassword, verifyPassword } from '../backend/src/auth/passwords';
import { buildTestApp } from '../backend/test/helpers/build-test-app';
import { type HttpLoadResult, runHttpLoad } from './lib/load';
import { type BenchTarget, benchTargets } from './lib/databases';
import { startMeFloorServer } from './lib/floor-me-server';

const args = Object.fromEntries(
  process.argv.slice(2).map((arg) => arg.replace(/^--/, '').split('=') as [string, string]),
);
const seconds = Number(args.seconds ?? 10);
const meRate = Number(args.rate ?? 500);
const loginClients = Number(args['login-clients'] ?? 4);
const rounds = Number(args.rounds ?? 3);
const PASSWORD = 'bench password 123';

const targets = benchTargets('bench-auth');

/** Milliseconds per argon2id hash and verify, one at a time, after a warm-up. */
async function hashCost(rounds = 20) {
  const hash = await hashPassword(PASSWORD);
  await verifyPassword(hash, PASSWORD);
  let started = performance.now();
  for (let i = 0; i < rounds; i += 1) await hashPassword(PASSWORD);
  const hashMs = (performance.now() - started) / rounds;
  started = performance.now();
  for (let i = 0; i < rounds; i += 1) await verifyPassword(hash, PASSWORD);
  return { hashMs, verifyMs: (performance.now() - started) / rounds };
}

interface Row {
  target: string;
  scenario: string;
  /** Its server CPU figure is this process's (the server, and PGlite when embedded). */
  result: HttpLoadResult;
}

async function benchTarget(target: BenchTarget): Promise<Row[] | string> {
  const opened = await target.open();
  if (typeof opened === 'string') return opened;
  const app = await buildTestApp(opened.handle, {
    // The bench is one client hammering login: the auth rate limit would answer 429s.
    env: { AUTH_RATE_LIMIT_PER_MINUTE: '100000000' },
  });
  try {
    await app.listen({ host: '127.0.0.1', port: 0 });
    // The steady state: token generations are kept in memory once revocations are shared.
    await app.tokens.revocationsShared();
    const origin = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    const base = `${origin}/api/auth`;
    const email = `bench-${randomBytes(4).toString('hex')}@example.com`;
    const registered = await fetch(`${base}/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        email,
        username: `bench ${randomBytes(3).toString('hex')}`,
        password: PASSWORD,
      }),
    });
    if (registered.status !== 201)
      throw new Error(`register answered ${registered.status}: ${await registered.text()}`);
    const { access_token } = (await registered.json()) as { access_token: string };

    // Latency from the moment a request is sent; how late the client was shows as client lag.
    const meAt = (at: string, path: string) =>
      runHttpLoad({
        origin: at,
        requests: [{ method: 'GET', path, headers: { authorization: `Bearer ${access_token}` } }],
        rate: meRate,
        durationMs: seconds * 1000,
        connections: 32,
        latencyFrom: 'sent',
      });
    const floorServer = await startMeFloorServer(app);
    const me: HttpLoadResult[] = [];
    const floor: HttpLoadResult[] = [];
    try {
      for (let round = 0; round < rounds; round += 1) {
        me.push(await meAt(origin, '/api/auth/me'));
        floor.push(await meAt(floorServer.origin, '/floor/me'));
      }
    } finally {
      await floorServer.close();
    }
    const login = await runHttpLoad({
      origin,
      requests: [
        {
          method: 'POST',
          path: '/api/auth/login',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email, password: PASSWORD }),
        },
      ],
      durationMs: seconds * 1000,
      connections: loginClients,
    });
    const roundRows = (scenario: string, results: HttpLoadResult[]) =>
      results.map((result, round) => ({
        target: target.name,
        scenario: `${scenario} @ ${meRate}/s, round ${round + 1}`,
        result,
      }));
    return [
      ...roundRows('GET /me', me),
      ...roundRows('floor /me', floor),
      { target: target.name, scenario: `POST /login, ${loginClients} clients`, result: login },
    ];
  } finally {
    await app.close();
    await opened.cleanup();
  }
}

/** Answers other than 2xx, and transport errors. */
const errorsOf = (result: HttpLoadResult) =>
  Object.values(result.failures).reduce((sum, n) => sum + n, 0);

function table(rows: Row[]): string {
  const header = [
    'database',
    'scenario',
    'req/s',
    'p50 ms',
    'p90 ms',
    'p99 ms',
    'max ms',
    'errors',
    'client lag ms',
    'server CPU ms/req',
  ];
  const lines = rows.map(({ target, scenario, result }) => [
    target,
    scenario,
    (result.requests / result.seconds).toFixed(0),
    result.p50.toFixed(2),
    result.p90.toFixed(2),
    result.p99.toFixed(2),
    result.max.toFixed(1),
    errorsOf(result) === 0 ? '0' : `${errorsOf(result)} ${JSON.stringify(result.statuses)}`,
    result.maxLagMs ? result.maxLagMs.toFixed(1) : '-',
    result.serverCpuMsPerRequest.toFixed(2),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((line) => line[i]!.length)));
  const format = (cells: string[]) =>
    cells
      .map((cell, i) => (i < 2 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!)))
      .join('  ');
  return [format(header), widths.map((w) => '-'.repeat(w)).join('  '), ...lines.map(format)].join(
    '\n',
  );
}

const load = () =>
  loadavg()
    .map((value) => value.toFixed(1))
    .join(' ');
console.log(`load average at start: ${load()} (other work on the machine inflates the latencies)`);
const cost = await hashCost();
console.log(
  `argon2id (19 MiB, t=2, p=1): hash ${cost.hashMs.toFixed(1)} ms, verify ${cost.verifyMs.toFixed(1)} ms, one at a time; ` +
    `${availableParallelism()} CPUs, so login tops out near ${((1000 / cost.verifyMs) * availableParallelism()).toFixed(0)}/s`,
);
console.log(
  `${seconds} s of load per scenario (after 1 s warm-up), client in its own process over keep-alive sockets\n`,
);

const rows: Row[] = [];
for (const target of targets) {
  if (args.only && args.only !== target.name) continue;
  const outcome = await benchTarget(target);
  if (typeof outcome === 'string') console.log(`skipped ${target.name}: ${outcome}`);
  else rows.push(...outcome);
}
console.log(table(rows));
console.log(`load average at end: ${load()}`);
console.log(
  'client lag: how late the open-loop client sent a request at worst (a starved client); server CPU excludes the PostgreSQL server process.',
);
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)]!;
};
for (const target of new Set(rows.map((row) => row.target))) {
  const of = (scenario: string) =>
    rows.filter((row) => row.target === target && row.scenario.startsWith(scenario));
  const me = of('GET /me');
  const floor = of('floor /me');
  const p99 = median(me.map((row) => row.result.p99));
  const floorP99 = median(floor.map((row) => row.result.p99));
  const cpu = median(me.map((row) => row.result.serverCpuMsPerRequest));
  const floorCpu = median(floor.map((row) => row.result.serverCpuMsPerRequest));
  const errors = me.reduce((sum, row) => sum + errorsOf(row.result), 0);
  const verdict = p99 < 5 && errors === 0 ? 'meets' : 'MISSES';
  console.log(
    `${target}: GET /me median p99 over ${me.length} rounds ${p99.toFixed(2)} ms at ${meRate}/s ${verdict} the goal (p99 < 5 ms at 500/s); ` +
      `floor ${floorP99.toFixed(2)} ms, app/floor ${(p99 / floorP99).toFixed(2)}x p99, ` +
      `CPU ${cpu.toFixed(2)} vs ${floorCpu.toFixed(2)} ms/req (${(cpu / floorCpu).toFixed(2)}x)`,
  );
}
