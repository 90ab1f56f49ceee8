// `npm test` (after scripts/bootstrap.mjs installed dependencies): system packages, builds, then
// lint, typecheck, unit + integration (Vitest) and end-to-end (Playwright) tests. Every step runs
// even when an earlier one failed, and a summary closes the output.
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { buildAll } from './lib/builds';
import { runStatus } from './lib/run';
import { repoRoot } from './lib/stamps';
import { ensureSystemPackages } from './lib/system-packages';

const resultsDir = join(repoRoot, 'test-results');
rmSync(resultsDir, { recursive: true, force: true });
mkdirSync(resultsDir, { recursive: true });

ensureSystemPackages();
await buildAll({ withTestKernel: true });

const steps: { name: string; status: number }[] = [];
const step = async (name: string, command: string, args: string[], env: NodeJS.ProcessEnv = {}) => {
  console.log(`\n> ${name}`);
  steps.push({ name, status: await runStatus(command, args, env) });
};

await step('lint', 'npx', ['eslint', '.', '--max-warnings=0']);
await step('one installed copy of each library the page loads', 'npx', ['tsx', 'scripts/check-single-versions.ts']);
await step('typecheck', 'npx', ['tsc', '-b']);
await step('typecheck (JupyterLite, its own project)', 'npm', ['run', '--silent', '--prefix', 'jupyterlite', 'typecheck']);
await step('unit and integration tests (Vitest)', 'npx', [
  'vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${join(resultsDir, 'vitest.json')}`,
]);
await step('end-to-end tests (Playwright, Chromium)', 'npx', ['playwright', 'test', '--reporter=list,json'], {
  PLAYWRIGHT_JSON_OUTPUT_NAME: join(resultsDir, 'e2e.json'),
});

interface Counts { passed: number; failed: number; skipped: number }
function readCounts(file: string, pick: (json: never) => Counts): Counts | undefined {
  const path = join(resultsDir, file);
  return existsSync(path) ? pick(JSON.parse(readFileSync(path, 'utf8')) as never) : undefined;
}
const vitest = readCounts('vitest.json', (json: { numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number }) => ({
  passed: json.numPassedTests,
  failed: json.numFailedTests,
  skipped: json.numPendingTests + json.numTodoTests,
}));
const e2e = readCounts('e2e.json', (json: { stats: { expected: number; unexpected: number; skipped: number; flaky: number } }) => ({
  passed: json.stats.expected + json.stats.flaky,
  failed: json.stats.unexpected,
  skipped: json.stats.skipped,
}));

console.log('\n=== Summary ===');
for (const { name, status } of steps) console.log(`${status === 0 ? 'ok  ' : 'FAIL'}  ${name}`);
const format = (c: Counts) => `${c.passed} passed, ${c.failed} failed, ${c.skipped} skipped`;
if (vitest) console.log(`vitest: ${format(vitest)}`);
if (e2e) console.log(`playwright: ${format(e2e)}`);
const total = [vitest, e2e].reduce<Counts>(
  (sum, c) => (c ? { passed: sum.passed + c.passed, failed: sum.failed + c.failed, skipped: sum.skipped + c.skipped } : sum),
  { passed: 0, failed: 0, skipped: 0 },
);
const failedSteps = steps.filter((s) => s.status !== 0).length;
// A step that failed without failing tests (lint, typecheck, a crash) still counts as a failure.
const failed = Math.max(total.failed, failedSteps);
console.log(`total: ${total.passed} passed, ${failed} failed, ${total.skipped} skipped`);
process.exit(failedSteps > 0 ? 1 : 0);
