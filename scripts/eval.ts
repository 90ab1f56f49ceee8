// `npm run eval -- <name> [...] [options]`: runs evaluations that print a table of results against
// their goals and exit non-zero when one is not met. No name runs them all. Everything from the
// first option on (e.g. `--suggest`) is passed to each evaluation. To add one, add its entry point
// to EVALUATIONS.
import { runStatus } from './lib/run';

/** Name → entry point (from the repository root), run with tsx. */
const EVALUATIONS: Record<string, string> = {
  prefilter: 'backend/src/ai/prefilter/calibration/cli.ts',
  tutor: 'eval/tutor/run.ts',
};

const args = process.argv.slice(2);
const firstOption = args.findIndex((arg) => arg.startsWith('-'));
const requested = firstOption === -1 ? args : args.slice(0, firstOption);
const options = firstOption === -1 ? [] : args.slice(firstOption);
const names = requested.length > 0 ? requested : Object.keys(EVALUATIONS);

const unknown = names.filter((name) => !(name in EVALUATIONS));
if (unknown.length > 0) {
  console.error(
    `No evaluation ${unknown.join(', ')}. Available: ${Object.keys(EVALUATIONS).join(', ')}`,
  );
  process.exit(2);
}
let failed = 0;
for (const name of names) {
  console.log(`\n=== eval: ${name} ===`);
  if ((await runStatus('npx', ['tsx', EVALUATIONS[name] as string, ...options])) !== 0) failed += 1;
}
process.exit(failed > 0 ? 1 : 0);
