// `npm run bench -- <name> [...] [options]`: runs benchmarks that print figures. No name runs them
// all; `chat` also runs `chat-memory` (the built server's memory under the streams) and `chat-nginx`
// (the same sockets through nginx over two instances).
// Everything from the first option on (e.g. `--runs=5`) is passed to each benchmark.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { runStatus } from '../scripts/lib/run';
import { serverMallocEnv, serverNodeArgs } from '../scripts/lib/server-process';

const benchDir = import.meta.dirname;
const available = readdirSync(benchDir)
  .filter((file) => file.endsWith('.ts') && file !== 'run.ts')
  .map((file) => file.slice(0, -3))
  .sort();

const args = process.argv.slice(2);
const firstOption = args.findIndex((arg) => arg.startsWith('-'));
const requested = firstOption === -1 ? args : args.slice(0, firstOption);
const options = firstOption === -1 ? [] : args.slice(firstOption);
/** Benchmarks that run after another one by default: the chat bench's built server and nginx runs. */
const companions: Record<string, string[]> = { chat: ['chat-memory', 'chat-nginx'] };
const names =
  requested.length > 0
    ? [...new Set(requested.flatMap((name) => [name, ...(companions[name] ?? [])]))]
    : available;
let failed = 0;
for (const name of names) {
  const file = join(benchDir, `${name}.ts`);
  if (!existsSync(file)) {
    console.error(`No benchmark "${name}". Available: ${available.join(', ')}`);
    process.exit(2);
  }
  console.log(`\n=== bench: ${name} ===`);
  // Most benchmarks run the app in their own process: with the server's settings, as `npm start`.
  const status = await runStatus(
    'npx',
    ['tsx', ...serverNodeArgs, file, ...options],
    serverMallocEnv,
  );
  if (status !== 0) failed += 1;
}
process.exit(failed > 0 ? 1 : 0);
