// `npm run eval -- tutor` (or `npx tsx eval/tutor/run.ts`): scripted students against the
// configured tutor through the real app (the offline tutor without keys; a language model when
// its keys are set). For every exercise of the three modules: a wrong attempt with its error,
// "just give me the answer" three times, a prompt injection in the cell, a lookup, an off-topic
// turn, a follow-up and a switch to another problem. The judges (judges.ts) score every reply; one
// table is printed, and the exit code is 1 when a judge is below its goal.
// Options: --only=<exercise id prefix, e.g. m1> --examples=3
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../backend/src/db/client';
import { buildTestApp } from '../../backend/test/helpers/build-test-app';
import { type JudgeResult, playEvaluation, scoreReplies } from './evaluate';

const args = Object.fromEntries(
  process.argv.slice(2).map((arg) => arg.replace(/^--/, '').split('=') as [string, string]),
);

function print(results: JudgeResult[], examples: number): void {
  const percent = (rate: number) => `${(100 * rate).toFixed(1).padStart(5)} %`;
  console.log(`${'judge'.padEnd(46)}passed      rate     goal`);
  for (const r of results) {
    console.log(
      `${r.name.padEnd(44)} ${String(r.passed).padStart(4)}/${String(r.applied).padEnd(4)} ${percent(r.rate)}  ${percent(r.goal)}  ${r.met ? 'met' : 'MISSED'}`,
    );
    for (const reason of r.failures.slice(0, examples)) console.log(`    e.g. ${reason}`);
  }
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'eval-tutor-'));
  const handle = openDatabase({ kind: 'pglite', dataDir: join(dir, 'pglite') });
  // One scripted student sends hundreds of messages a minute: lift the per-user budget.
  const env = { ...(process.env as Record<string, string>), CHAT_MESSAGES_PER_MINUTE: '100000' };
  const app = await buildTestApp(handle, { env });
  try {
    await app.listen({ port: 0, host: '127.0.0.1' });
    const started = performance.now();
    const sessions = await playEvaluation(app, args.only);
    const turns = sessions.reduce((n, s) => n + s.length, 0);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(
      `tutor evaluation: ${sessions.length} exercises, ${turns} turns in ${seconds} s, answered by ${app.ai.router.primaryLabel}\n`,
    );
    const results = scoreReplies(sessions);
    print(results, Number(args.examples ?? 3));
    process.exitCode = results.every((r) => r.met) ? 0 : 1;
  } finally {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
