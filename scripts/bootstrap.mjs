// The entry of `npm start` and `npm test` on a fresh clone. Plain JavaScript on purpose: it runs
// before any dependency (TypeScript, tsx) is installed. It installs what the lockfile says when
// node_modules is missing or stale, then hands over to the TypeScript script of the command.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const [command, ...args] = process.argv.slice(2);

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 20 || (major === 20 && minor < 19)) {
  console.error(`Node.js 20.19 or newer is needed (this is ${process.versions.node}).`);
  process.exit(1);
}

function run(cmd, cmdArgs) {
  const result = spawnSync(cmd, cmdArgs, { cwd: root, stdio: 'inherit', env: process.env });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const lockHash = createHash('sha256').update(readFileSync(join(root, 'package-lock.json'))).digest('hex');
const stamp = join(root, 'node_modules', '.cache', 'stamps', 'install');
if (!existsSync(stamp) || readFileSync(stamp, 'utf8') !== lockHash) {
  console.log('> Installing dependencies (npm ci)...');
  run('npm', ['ci', '--no-audit', '--no-fund']);
  mkdirSync(dirname(stamp), { recursive: true });
  writeFileSync(stamp, lockHash);
}

const script = { start: 'scripts/start.ts', test: 'scripts/test.ts' }[command];
if (!script) {
  console.error(`Unknown command: ${command}`);
  process.exit(2);
}
const result = spawnSync(join(root, 'node_modules', '.bin', 'tsx'), [script, ...args], {
  cwd: root,
  stdio: 'inherit',
  env: process.env,
});
process.exit(result.status ?? (result.signal ? 1 : 0));
