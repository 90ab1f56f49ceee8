// `npm run bench -- progress` (or `npx tsx bench/progress.ts`): progress saves and the module list
// through the real app over loopback HTTP, on PostgreSQL (a temporary database) and on PGlite (on
// disk, as `npm start` runs it). Closed loops give the most requests/s; open loops at a fixed rate
// give the latency at that rate (the goals). Options: --seconds=10 --only=postgres|pglite
// --c200=8 --c2m=4 --clist=4 --listrate=N (default: 500/s or half the measured capacity)
// --phases=saves,saves-at-rate,large-saves,list,list-at-rate,floor (default: all, in this order)
// --rates=150,300: the open-loop rates of the 200 KB saves --rounds=N: app and floor N times in turn
// --floor-save=body|jsonb: the floor's save statement, the original (convert_from of the body's
// bytes, -> 'notebook_state') or the app's (the notebook's text as binary jsonb, prepared once)
// --pglite-shared-buffers=128,16: PGlite once per shared_buffers value (MB), to compare settings in
// one run (the saves' throughput of each against the first is printed at the end).
// Each database's memory is printed too (lib/memory.ts): RSS after start and its peak over the runs.
// The floor (PostgreSQL only) runs the same loads against a bare node:http server doing only the
// database work (lib/floor-server.ts): what this machine allows at all, beside the app's figures.
// It runs right after the app under each load (alternating, --rounds times), and the app's figures
// against the floor's are printed at the end with the goals: closed-loop saves at least 0.9x the
// floor's, p99 at 150 saves/s at most 1.5x, the module list's p99 at most the floor's.
// The floor runs in a process of its own with a pool of the app's size (lib/floor-process.ts): in
// this one it collected the app's garbage during its runs. Its CPU is read from /proc.
import { randomBytes } from 'node:crypto';
import { cpus } from 'node:os';
import { eq, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { users } from '../backend/src/auth/schema';
import { learningModules } from '../backend/src/learning-modules/schema';
import { userModuleProgress } from '../backend/src/progress/schema';
import { buildTestApp } from '../backend/test/helpers/build-test-app';
import type { Pool } from 'pg';
import { postgresCpuCounter } from './lib/cpu';
import { type BenchTarget, benchTargets } from './lib/databases';
import { type FloorProcess, startFloorProcess } from './lib/floor-process';
import type { FloorSave } from './lib/floor-server';
import { type HttpLoadResult, runHttpLoad } from './lib/load';
import type { HttpRequestTemplate } from './lib/load-jobs';
import { formatMb, memoryNow, pgliteWasmMb, sampleMemoryPeak } from './lib/memory';

const args = Object.fromEntries(
  process.argv.slice(2).map((arg) => arg.replace(/^--/, '').split('=') as [string, string]),
);
const seconds = Number(args.seconds ?? 10);
/** Runs of the app and the floor in turn under each load (the ratios use their medians). */
const rounds = Number(args.rounds ?? 1);
/** The open-loop rates of the 200 KB saves (150/s: the goal's; 300/s: the earlier goal's). */
const saveRates = (args.rates ?? '150,300').split(',').map(Number);
/** The floor's save statement: 'body' (the original, default) or 'jsonb' (the app's way). */
const floorSave = (args['floor-save'] ?? 'body') as FloorSave;
if (floorSave !== 'body' && floorSave !== 'jsonb') throw new Error('--floor-save is body or jsonb');
const PHASES = ['saves', 'saves-at-rate', 'large-saves', 'list', 'list-at-rate', 'floor'] as const;
const phases = new Set(args.phases ? args.phases.split(',') : PHASES);
for (const phase of phases) {
  if (!(PHASES as readonly string[]).includes(phase)) throw new Error(`unknown phase ${phase}`);
}

/** A plausible notebook of about `bytes`: markdown, code cells with printed output, some plots. */
function benchNotebook(bytes: number) {
  const cells: Record<string, unknown>[] = [];
  const filler = 'Broadcasting stretches the smaller array along the missing axes. ';
  const image = randomBytes(24 * 1024).toString('base64');
  let size = 200;
  for (let i = 0; size < bytes; i++) {
    const markdown = {
      cell_type: 'markdown',
      id: `md-${i}`,
      metadata: {},
      source: [`## Step ${i}\n`, filler.repeat(6)],
    };
    const outputs: Record<string, unknown>[] = [
      {
        output_type: 'stream',
        name: 'stdout',
        text: [`[${Array.from({ length: 40 }, (_, k) => (k * i) % 97).join(', ')}]\n`.repeat(6)],
      },
    ];
    if (i % 10 === 9)
      outputs.push({
        output_type: 'display_data',
        metadata: {},
        data: { 'image/png': image, 'text/plain': ['<Figure>'] },
      });
    const code = {
      cell_type: 'code',
      id: `code-${i}`,
      metadata: { tutor: { exercise: `m1-ex${i % 9}` } },
      execution_count: i + 1,
      source: [
        'import numpy as np\n',
        `a = np.arange(${i}, ${i + 12}).reshape(3, 4)\n`,
        'b = a * 2 + np.ones((3, 1))\n',
        'print(b.sum(axis=0))',
      ],
      outputs,
    };
    cells.push(markdown, code);
    size += JSON.stringify(markdown).length + JSON.stringify(code).length + 2;
  }
  return {
    nbformat: 4,
    nbformat_minor: 5,
    metadata: { kernelspec: { name: 'python', display_name: 'Python (Pyodide)' } },
    cells,
  };
}

const postgresCpuMs = postgresCpuCounter();
postgresCpuMs();

// PostgreSQL first: its goals are the ones the issue sets.
const pgliteSharedBuffers = args['pglite-shared-buffers']?.split(',').map(Number) ?? [];
if (pgliteSharedBuffers.some((mb) => !Number.isInteger(mb) || mb < 2)) {
  throw new Error('--pglite-shared-buffers takes whole numbers of MB, at least 2 (e.g. 128,16)');
}
const allTargets = benchTargets('tutor-bench-progress', pgliteSharedBuffers);
const targets = [
  ...allTargets.filter((t) => t.name === 'postgres'),
  ...allTargets.filter((t) => t.name === 'pglite'),
];
/** The closed-loop saves of each target, for the comparison at the end. */
const savesByTarget = new Map<string, { small?: HttpLoadResult; large?: HttpLoadResult }>();

/** One line per run: throughput, latencies, CPU per request and GC pauses of the server. */
function formatResult(name: string, load: string, result: HttpLoadResult): string {
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
    (result.gc
      ? `GC pauses ${result.gc.minor}×minor ${result.gc.minorMs.toFixed(0)} ms, ` +
        `${result.gc.major}×major ${result.gc.majorMs.toFixed(0)} ms  `
      : 'GC pauses: its own process  ') +
    `(${result.requests} in ${result.seconds.toFixed(1)} s${failed ? `; failed: ${failed}` : ''})`
  );
}

/** The run whose `key` is the median of `runs` (the lower middle one of an even count). */
function median(
  runs: HttpLoadResult[],
  key: (r: HttpLoadResult) => number,
): HttpLoadResult | undefined {
  return [...runs].sort((a, b) => key(a) - key(b))[Math.floor((runs.length - 1) / 2)];
}

interface Comparison {
  what: string;
  runs: { app: HttpLoadResult[]; floor: HttpLoadResult[] };
}

/** The median of `values` (the mean of the middle two of an even count). */
function middle(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const half = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[half]! : (sorted[half - 1]! + sorted[half]!) / 2;
}

/**
 * The app's figures against the floor's with the issue's goals. Each round's app run is compared
 * with the floor run right after it (the same moment of a noisy machine), and the ratios' median
 * is the verdict; the figures beside it are the medians of each side.
 */
function printAgainstFloor(comparisons: Comparison[]): void {
  const measured = comparisons.filter((c) => c.runs.floor.length > 0);
  if (measured.length === 0) return;
  console.log(
    `\napp against the floor (${rounds} round(s) in turn; median of the rounds' ratios):`,
  );
  for (const { what, runs } of measured) {
    const closed = what === 'closed-loop saves';
    const figure = (r: HttpLoadResult) => (closed ? r.perSecond : r.p99);
    const ratio = middle(runs.app.map((app, i) => figure(app) / figure(runs.floor[i]!)));
    const app = middle(runs.app.map(figure));
    const floor = middle(runs.floor.map(figure));
    const cpu = (r: HttpLoadResult[]) => middle(r.map((x) => x.serverCpuMsPerRequest)).toFixed(2);
    const limit = closed
      ? 0.9
      : what.startsWith('saves at 150/')
        ? 1.5
        : what.startsWith('module list')
          ? 1
          : 0;
    const met = closed ? ratio >= limit : ratio <= limit;
    const goal = limit
      ? ` (goal ${closed ? '≥' : '≤'} ${limit.toFixed(2)}x: ${met ? 'met' : 'NOT met'})`
      : '';
    const figures = closed
      ? `${app.toFixed(0)} vs ${floor.toFixed(0)} req/s`
      : `p99 ${app.toFixed(2)} vs ${floor.toFixed(2)} ms`;
    console.log(
      `  ${what.padEnd(24)} ${figures} = ${ratio.toFixed(2)}x${goal}; ` +
        `server CPU ${cpu(runs.app)} vs ${cpu(runs.floor)} ms/req`,
    );
  }
}

let userSeq = 0;
async function createUsers(app: FastifyInstance, count: number) {
  const start = userSeq;
  userSeq += count;
  const rows = await app.database.db
    .insert(users)
    .values(
      Array.from({ length: count }, (_, k) => ({
        email: `bench-${start + k}@example.com`,
        username: `bench_${start + k}`,
        passwordHash: 'not-a-real-hash',
      })),
    )
    .returning({ id: users.id });
  return Promise.all(
    rows.map(async ({ id }) => ({
      id,
      authorization: `Bearer ${await app.tokens.createAccessToken(id)}`,
    })),
  );
}

/** 100 modules, 2,000 other users' progress rows, and each list user's progress on 30 modules. */
async function populate(app: FastifyInstance, listUsers: { id: string }[]) {
  const db = app.database.db;
  await db.insert(learningModules).values(
    Array.from({ length: 97 }, (_, i) => ({
      title: `Bench module ${i + 4}`,
      description: 'A module that exists to make the list long. '.repeat(4),
      notebookFilename: `bench_module_${i + 4}.ipynb`,
      order: i + 4,
    })),
  );
  const modules = await db.select({ id: learningModules.id }).from(learningModules);
  const others = await createUsers(app, 200);
  const statuses = ['in_progress', 'completed'] as const;
  await db
    .insert(userModuleProgress)
    .values(
      others.flatMap((user, u) =>
        modules
          .slice(0, 10)
          .map((m, k) => ({ userId: user.id, moduleId: m.id, status: statuses[(u + k) % 2]! })),
      ),
    );
  for (const user of listUsers) {
    await db.insert(userModuleProgress).values(
      modules.slice(0, 30).map((m, k) => ({
        userId: user.id,
        moduleId: m.id,
        status: statuses[k % 2]!,
        attemptCount: k,
      })),
    );
  }
  return modules.length;
}

async function benchTarget(target: BenchTarget) {
  const opened = await target.open();
  if (typeof opened === 'string') {
    console.log(`\n${target.label}: skipped, ${opened}`);
    return;
  }
  const { handle, cleanup } = opened;
  const app = await buildTestApp(handle);
  let stopSampling: (() => { rssMb: number; heapMb: number }) | undefined;
  try {
    await app.listen({ host: '127.0.0.1', port: 0 });
    const started = await memoryNow(handle);
    stopSampling = sampleMemoryPeak(100);
    const port = (app.server.address() as { port: number }).port;
    const [module1] = await app.database.db
      .select({ id: learningModules.id })
      .from(learningModules)
      .where(eq(learningModules.order, 1));
    const saveUsers = await createUsers(app, 16);
    const listUsers = saveUsers.slice(0, 8);
    const moduleCount = await populate(app, listUsers);
    const version =
      handle.kind === 'postgres'
        ? (
            (await handle.db.execute(sql`show server_version`)) as unknown as {
              rows: Array<{ server_version: string }>;
            }
          ).rows[0]?.server_version
        : 'PGlite';
    console.log(
      `\n${target.label} (${version}), ${moduleCount} modules, ${seconds} s per run after 1 s warm-up; load = closed loop of c connections or open loop at a rate`,
    );

    const measure = async (
      label: string,
      requests: HttpRequestTemplate[],
      load: { connections: number; rate?: number },
      /** The floor's process, for its runs (the app runs in this one). */
      server?: FloorProcess,
    ) => {
      const result = await runHttpLoad({
        origin: `http://127.0.0.1:${server?.port ?? port}`,
        serverPid: server?.pid,
        requests,
        durationMs: seconds * 1000,
        ...load,
        // Every PostgreSQL process of the machine: other users of the server are counted too.
        otherCpuMs:
          target.name === 'postgres' && process.platform === 'linux' ? postgresCpuMs : undefined,
      });
      const how = load.rate ? `${load.rate}/s open` : `c=${load.connections} closed`;
      console.log(formatResult(label, how, result));
      return result;
    };
    const saveRequests = (bytes: number) => {
      const body = Buffer.from(JSON.stringify({ notebook_state: benchNotebook(bytes) }));
      const size = `${(body.length / 1024).toFixed(0)} KiB`;
      const label = `PUT /api/progress/{id} ${size}`;
      const requests = saveUsers.map((user) => ({
        method: 'PUT',
        path: `/api/progress/${module1!.id}`,
        headers: { authorization: user.authorization, 'content-type': 'application/json' },
        body,
      }));
      return { label, size, body, requests };
    };
    const small = saveRequests(200 * 1024);

    // The floor (PostgreSQL only) runs right after the app under each load, `rounds` times in
    // turn, so that both see the same moment of a noisy machine; the ratios use the medians.
    const withFloor = target.name === 'postgres' && phases.has('floor');
    let floor: FloorProcess | undefined;
    if (withFloor) {
      const pool = (handle.db as unknown as { $client: Pool }).$client;
      // The floor updates rows; the app's saves then update them too from the first save on.
      await app.database.db
        .insert(userModuleProgress)
        .values(saveUsers.map((user) => ({ userId: user.id, moduleId: module1!.id })))
        .onConflictDoNothing();
      floor = await startFloorProcess({
        databaseUrl: pool.options.connectionString!,
        poolSize: pool.options.max ?? 10,
        moduleId: module1!.id,
        save: floorSave,
      });
    }
    const floorSaves = saveUsers.map((user) => ({
      method: 'PUT',
      path: `/floor/save/${user.id}`,
      headers: { 'content-type': 'application/json' },
      body: small.body,
    }));
    const floorList = listUsers.map((user) => ({
      method: 'GET',
      path: `/floor/modules/${user.id}`,
    }));
    /** The app's run of a load and, with the floor, the floor's, `rounds` times in turn. */
    const againstFloor = async (
      appRun: { label: string; requests: HttpRequestTemplate[] },
      floorRun: { label: string; requests: HttpRequestTemplate[] } | undefined,
      load: { connections: number; rate?: number },
    ) => {
      const runs: { app: HttpLoadResult[]; floor: HttpLoadResult[] } = { app: [], floor: [] };
      for (let round = 0; round < (floor && floorRun ? rounds : 1); round++) {
        // A run that does not finish (its load worker is stopped at a deadline) leaves its round
        // out of the ratios instead of ending the benchmark.
        try {
          const app = await measure(appRun.label, appRun.requests, load);
          const floorResult =
            floor && floorRun
              ? await measure(floorRun.label, floorRun.requests, load, floor)
              : undefined;
          runs.app.push(app);
          if (floorResult) runs.floor.push(floorResult);
        } catch (error) {
          const how = load.rate ? `${load.rate}/s open` : `c=${load.connections} closed`;
          console.log(
            `${appRun.label} ${how}: round ${round + 1} left out, ${(error as Error).message}`,
          );
        }
      }
      return runs;
    };
    const floorSaveRun = {
      label: `floor: save ${small.size}${floorSave === 'jsonb' ? ' (jsonb)' : ''}`,
      requests: floorSaves,
    };

    const saves: { small?: HttpLoadResult; large?: HttpLoadResult } = {};
    savesByTarget.set(target.label, saves);
    const comparisons: Comparison[] = [];
    try {
      if (phases.has('saves')) {
        const runs = await againstFloor(small, floorSaveRun, {
          connections: Number(args.c200 ?? 8),
        });
        saves.small = median(runs.app, (r) => r.perSecond);
        comparisons.push({ what: 'closed-loop saves', runs });
      }
      // The goals' rates, open loop, on PostgreSQL only: PGlite cannot sustain them and the backlog
      // would take minutes to drain.
      let smallAt300: HttpLoadResult | undefined;
      if (target.name === 'postgres' && phases.has('saves-at-rate')) {
        for (const rate of saveRates) {
          const runs = await againstFloor(small, floorSaveRun, { connections: 32, rate });
          comparisons.push({ what: `saves at ${rate}/s`, runs });
          if (rate === 300) smallAt300 = median(runs.app, (r) => r.p99);
        }
      }
      if (phases.has('large-saves')) {
        const large = saveRequests(2 * 1024 * 1024);
        saves.large = await measure(large.label, large.requests, {
          connections: Number(args.c2m ?? 4),
        });
      }
      if (phases.has('saves') || phases.has('saves-at-rate') || phases.has('large-saves')) {
        const [{ writes } = { writes: 0 }] = await app.database.db
          .select({ writes: sql<number>`coalesce(sum(${userModuleProgress.version}), 0)::int` })
          .from(userModuleProgress);
        console.log(
          `${''.padEnd(53)} notebook versions stored in total: ${writes} (each measured save is a real write)`,
        );
      }

      const listRequests = listUsers.map((user) => ({
        method: 'GET',
        path: '/api/modules',
        headers: { authorization: user.authorization },
      }));
      const listLabel = `GET /api/modules (${moduleCount} modules)`;
      const listMax = phases.has('list')
        ? await measure(listLabel, listRequests, { connections: Number(args.clist ?? 4) })
        : undefined;
      // Latency at a steady rate: 500/s, or half of the closed-loop capacity when that is lower
      // (a rate above capacity only measures the length of the queue).
      const listRate = Number(
        args.listrate ?? Math.min(500, Math.floor((listMax?.perSecond ?? 1000) / 2)),
      );
      let listAtRate: HttpLoadResult | undefined;
      if (phases.has('list-at-rate')) {
        const runs = await againstFloor(
          { label: listLabel, requests: listRequests },
          { label: `floor: module list (${moduleCount})`, requests: floorList },
          { connections: 16, rate: listRate },
        );
        comparisons.push({ what: `module list at ${listRate}/s`, runs });
        listAtRate = median(runs.app, (r) => r.p99);
      }

      const verdict = (ok: boolean) => (ok ? 'met' : 'NOT met');
      const clean = (r: HttpLoadResult) => Object.keys(r.failures).length === 0;
      if (smallAt300) {
        const ok = smallAt300.perSecond >= 297 && smallAt300.p99 < 30 && clean(smallAt300);
        console.log(`goal 200 KB saves ≥ 300/s with p99 < 30 ms: ${verdict(ok)}`);
      }
      if (listAtRate) {
        const ok = listAtRate.p99 < 5 && clean(listAtRate);
        console.log(`goal GET /api/modules p99 < 5 ms: ${verdict(ok)}`);
      }
      printAgainstFloor(comparisons);
    } finally {
      await floor?.close();
    }
    const peak = stopSampling();
    const wasm = await pgliteWasmMb(handle);
    console.log(
      `memory (this process: the server and its worker threads): RSS ${formatMb(started.rssMb)} MB after start, ` +
        `peak ${formatMb(peak.rssMb)} MB over the runs` +
        (wasm === undefined ? '' : `; PGlite's WebAssembly memory ${formatMb(wasm)} MB`),
    );
  } finally {
    stopSampling?.();
    await app.close();
    // Ended connections can still be closing when the temporary database is dropped.
    if (handle.kind === 'postgres')
      (handle.db as unknown as { $client: NodeJS.EventEmitter }).$client.on('error', () => {});
    await cleanup();
  }
}

console.log(
  `bench progress: Node ${process.version}, ${cpus().length} CPUs (${cpus()[0]?.model ?? 'unknown'}); client in a child process, loopback HTTP/1.1 keep-alive`,
);
for (const target of targets) {
  if (args.only && args.only !== target.name) continue;
  await benchTarget(target);
}
// With several PGlite settings: each one's saves against the first's, measured in this run.
const pgliteRuns = [...savesByTarget].filter(([label]) => label.startsWith('pglite'));
if (pgliteRuns.length > 1) {
  const [[firstLabel, first]] = pgliteRuns as [(typeof pgliteRuns)[number]];
  console.log(`\nsaves per second against ${firstLabel}:`);
  for (const [label, runs] of pgliteRuns.slice(1)) {
    const ratio = (kind: 'small' | 'large') => {
      const base = first[kind]?.perSecond;
      const now = runs[kind]?.perSecond;
      return base && now !== undefined ? `${(now / base).toFixed(2)}x` : '-';
    };
    console.log(`  ${label}: 200 KB saves ${ratio('small')}, 2 MB saves ${ratio('large')}`);
  }
}
