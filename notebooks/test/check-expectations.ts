// What the executed notebooks must show, shared by the CPython (notebooks.test.ts) and the
// Pyodide (pyodide-notebooks.test.ts) validation: the check cells' "✅ Passed" / "❌ Not yet" lines.
import { expect } from 'vitest';
import {
  FAIL_MARKER,
  PASS_MARKER,
  checkOutputs,
  count,
  unexpectedErrors,
  type Notebook,
} from './notebook-tools';
import { WRONG_ANSWERS } from './wrong-answers';

/** No cell raised (unless tagged raises-exception) and every check of `ids` passed, once. */
export function expectEveryCheckPasses(out: Notebook, ids: string[]): void {
  expect(unexpectedErrors(out)).toEqual([]);
  const checks = checkOutputs(out);
  for (const id of ids) {
    expect(count(checks[id], PASS_MARKER), `${id}: ${checks[id]}`).toBe(1);
    expect(count(checks[id], FAIL_MARKER), `${id}: ${checks[id]}`).toBe(0);
  }
  const passes = Object.values(checks).reduce((n, text) => n + count(text, PASS_MARKER), 0);
  expect(passes).toBe(ids.length);
}

/** No cell raised and the check of every exercise in `answers` (id -> the code that was put in
 * its solution cell) said "not yet", once. */
export function expectNotYet(out: Notebook, answers: Record<string, string>): void {
  expect(unexpectedErrors(out)).toEqual([]);
  const checks = checkOutputs(out);
  for (const [id, answer] of Object.entries(answers)) {
    expect(count(checks[id], FAIL_MARKER), `${id}: ${answer} -> ${checks[id]}`).toBe(1);
    expect(count(checks[id], PASS_MARKER), `${id}: ${answer} -> ${checks[id]}`).toBe(0);
  }
}

/**
 * The typical wrong answers for the exercises `ids`, as rounds: round k puts the k-th wrong
 * answer of every exercise that has one into its solution cell (the others keep the reference).
 */
export function wrongAnswerRounds(ids: string[]): Record<string, string>[] {
  const wrong = Object.entries(WRONG_ANSWERS).filter(([id]) => ids.includes(id));
  const rounds = Math.max(0, ...wrong.map(([, answers]) => answers.length));
  return Array.from({ length: rounds }, (_, round) =>
    Object.fromEntries(
      wrong.filter(([, a]) => a.length > round).map(([id, a]) => [id, a[round] ?? '']),
    ),
  );
}
