import { z } from 'zod';

/**
 * Per-exercise progress: what the notebook's self-checks reported, shared by server and browser.
 *
 * When a student runs an exercise's check cell, the notebook bridge sees the check's one line
 * ("✅ Passed: ..." or "❌ Not yet: ...") and sends a `check-result` event; the workspace posts it to
 * `POST /api/progress/{module_id}/check-results`. The results are reported by the student's own
 * browser (self-reported): anyone else who sees them is told so.
 *
 * An exercise's state: `passed` once a check has passed (it stays passed; `last_passed` tells what
 * the latest run said), `not_yet` after runs that never passed, `not_tried` before any run.
 */

export const EXERCISE_STATES = ['not_tried', 'not_yet', 'passed'] as const;
export const ExerciseStateSchema = z.enum(EXERCISE_STATES);
export type ExerciseState = z.infer<typeof ExerciseStateSchema>;

/** Longest check message kept (a check prints one line; longer ones are refused). */
export const CHECK_MESSAGE_MAX_CHARS = 2000;

/** Check results a user may post per second (all modules together); more get 429. */
export const CHECK_RESULTS_PER_SECOND = 10;

/** An exercise id as the notebooks write it (`metadata.tutor.exercise`, e.g. "m1-ex3-views-pitfall"). */
export const ExerciseIdSchema = z
  .string({ error: 'must be a string' })
  .min(1, { error: 'must not be empty' })
  .max(100, { error: 'is longer than 100 characters' })
  .regex(/^[A-Za-z0-9_-]+$/, { error: 'may hold only letters, digits, "-" and "_"' });

/** `POST /api/progress/{module_id}/check-results` body: one run of an exercise's check. */
export const CheckResultInSchema = z.strictObject(
  {
    exercise_id: ExerciseIdSchema,
    passed: z.boolean({ error: 'must be true or false' }),
    /** The line the check printed, markers included. */
    message: z.string({ error: 'must be a string' }).max(CHECK_MESSAGE_MAX_CHARS, {
      error: `is longer than ${CHECK_MESSAGE_MAX_CHARS} characters`,
    }),
  },
  {
    error: (issue) =>
      issue.code === 'invalid_type' ? 'the body must be a JSON object' : undefined,
  },
);
export type CheckResultIn = z.infer<typeof CheckResultInSchema>;

/** One exercise of a module with the current user's progress on it. */
export const ExerciseProgressOutSchema = z.object({
  exercise_id: z.string(),
  /** The exercise's title, e.g. "Broadcasting: a distance matrix". */
  title: z.string(),
  state: ExerciseStateSchema,
  /** What the latest run said (null before any run). */
  last_passed: z.boolean().nullable(),
  last_message: z.string().nullable(),
  runs: z.number().int().nonnegative(),
  first_run_at: z.string().nullable(),
  last_run_at: z.string().nullable(),
  /** When a check first passed. */
  passed_at: z.string().nullable(),
  /** The highest tutor hint level given on this exercise (0: none). */
  highest_hint_level: z.number().int().min(0).max(5),
  /** Tutor answers given on this exercise. */
  tutor_answers: z.number().int().nonnegative(),
});
export type ExerciseProgressOut = z.infer<typeof ExerciseProgressOutSchema>;

/** `GET /api/progress/{module_id}/exercises`: every exercise of the module, in notebook order. */
export const ModuleExercisesOutSchema = z.object({
  module_id: z.string(),
  exercises: z.array(ExerciseProgressOutSchema),
  passed: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
  /** Always true: the results come from the student's browser. */
  self_reported: z.literal(true),
});
export type ModuleExercisesOut = z.infer<typeof ModuleExercisesOutSchema>;

/** How a check's printed line reads: the markers the notebooks' checks print. */
export const CHECK_PASSED_MARKER = '✅ Passed';
export const CHECK_NOT_YET_MARKER = '❌ Not yet';

/** The check result in a check cell's printed text: its last marker line, or null without one. */
export function checkOutcomeOf(text: string): { passed: boolean; message: string } | null {
  const lines = text.split('\n').map((line) => line.trim());
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i] as string;
    if (line.startsWith(CHECK_PASSED_MARKER) || line.startsWith(CHECK_NOT_YET_MARKER)) {
      return {
        passed: line.startsWith(CHECK_PASSED_MARKER),
        message: line.slice(0, CHECK_MESSAGE_MAX_CHARS),
      };
    }
  }
  return null;
}
