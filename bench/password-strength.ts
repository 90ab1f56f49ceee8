// `npm run bench -- password-strength [--runs=N]`: what the password-strength rule costs the
// server: building the dictionaries once, and one check of typical and of worst-case passwords
// (the check runs on the event loop during register and password change). Prints milliseconds.
import {
  passwordStrength,
  preparePasswordStrength,
  STRENGTH_CHECKED_LENGTH,
} from '@tutor/shared/password-strength';

const runs = Number(process.argv.find((arg) => arg.startsWith('--runs='))?.slice(7) ?? 20);

const started = performance.now();
preparePasswordStrength();
console.log(`dictionaries built in ${(performance.now() - started).toFixed(0)} ms`);

const worstLength = 128;
const cases: Array<[string, string]> = [
  ['common password', 'password'],
  ['passphrase', 'purple monkey dishwasher'],
  ['l33t', 'P4ssw0rd!'],
  ['repeated symbols', 'aB3$'.repeat(worstLength / 4)],
  ['digits', '1234567890'.repeat(worstLength / 10)],
  [
    'random mix',
    Array.from({ length: worstLength }, (_, i) => '9c!3g@a0h5'[(i * 7) % 10]).join(''),
  ],
];

console.log(`(first ${STRENGTH_CHECKED_LENGTH} characters judged; ${runs} runs each)`);
for (const [name, password] of cases) {
  const times: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const start = performance.now();
    passwordStrength(password, ['student@example.com', 'student']);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)]!;
  const max = times.at(-1)!;
  console.log(
    `${name.padEnd(18)} ${String(password.length).padStart(3)} chars  median ${median.toFixed(1)} ms  max ${max.toFixed(1)} ms`,
  );
}
