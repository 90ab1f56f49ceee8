/**
 * Exercise checks: when a check cell (`metadata.tutor.role` "check") has run, the result line it
 * printed ("✅ Passed: ..." or "❌ Not yet: ...") becomes a `check-result` event for the parent.
 */
import { checkOutcomeOf } from '../../../shared/src/exercise-progress';
import type { NotebookBridgeEvents } from '../../../shared/src/notebook-bridge';

export type CheckResult = NotebookBridgeEvents['check-result'];

interface TutorMetadata {
  exercise?: unknown;
  role?: unknown;
}

/** A cell's `metadata.tutor` (an empty object when it has none). */
export function tutorMetadataOf(value: unknown): TutorMetadata {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as TutorMetadata)
    : {};
}

/** The exercise of a check cell, or null for any other cell. */
export function checkedExercise(tutor: unknown): string | null {
  const { exercise, role } = tutorMetadataOf(tutor);
  return role === 'check' && typeof exercise === 'string' && exercise !== '' ? exercise : null;
}

/** What a cell printed: the text of its stream outputs (nbformat JSON), in order. */
export function streamText(outputs: readonly unknown[]): string {
  const parts: string[] = [];
  for (const output of outputs) {
    if (typeof output !== 'object' || output === null) continue;
    const { output_type: type, text } = output as { output_type?: unknown; text?: unknown };
    if (type !== 'stream') continue;
    if (typeof text === 'string') parts.push(text);
    else if (Array.isArray(text))
      parts.push(text.filter((line) => typeof line === 'string').join(''));
  }
  return parts.join('\n');
}

/**
 * The `check-result` of cell `index` after it ran: null unless it is an exercise's check cell and
 * printed a result line.
 */
export function checkResultOf(
  index: number,
  tutor: unknown,
  outputs: readonly unknown[],
): CheckResult | null {
  const exerciseId = checkedExercise(tutor);
  if (exerciseId === null || index < 0) return null;
  const outcome = checkOutcomeOf(streamText(outputs));
  if (!outcome) return null;
  return { index, exercise_id: exerciseId, passed: outcome.passed, message: outcome.message };
}
