// Per-exercise progress: check results as the student's browser reports them, and the tutor's
// answers on each exercise. Every query is scoped to one user.
import { and, eq, sql } from 'drizzle-orm';
import type { ExerciseState } from '@tutor/shared/exercise-progress';
import type { Database } from '../../db/client';
import { violatedConstraint } from '../../db/errors';
import { type ExerciseProgress, exerciseProgress } from './schema';

const row = exerciseProgress;

export interface CheckResult {
  exerciseId: string;
  passed: boolean;
  message: string;
}

/** An exercise's state: passed once a check passed, not yet after runs, not tried before any. */
export function exerciseStateOf(
  progress: Pick<ExerciseProgress, 'passedAt' | 'runs'> | undefined,
): ExerciseState {
  if (progress?.passedAt) return 'passed';
  return progress && progress.runs > 0 ? 'not_yet' : 'not_tried';
}

/**
 * Counts one run of an exercise's check in one upsert; undefined when the user no longer exists.
 * The module must be checked to own the exercise before (the catalog knows, not the database).
 */
export async function recordCheckResult(
  db: Database,
  userId: string,
  moduleId: string,
  result: CheckResult,
): Promise<ExerciseProgress | undefined> {
  try {
    const [saved] = await db
      .insert(row)
      .values({
        userId,
        moduleId,
        exerciseId: result.exerciseId,
        runs: 1,
        firstRunAt: sql`now()`,
        lastRunAt: sql`now()`,
        passedAt: result.passed ? sql`now()` : null,
        lastPassed: result.passed,
        lastMessage: result.message,
      })
      .onConflictDoUpdate({
        target: [row.userId, row.exerciseId],
        set: {
          runs: sql`${row.runs} + 1`,
          firstRunAt: sql`coalesce(${row.firstRunAt}, now())`,
          lastRunAt: sql`now()`,
          passedAt: result.passed ? sql`coalesce(${row.passedAt}, now())` : sql`${row.passedAt}`,
          lastPassed: result.passed,
          lastMessage: result.message,
          updatedAt: sql`now()`,
        },
      })
      .returning();
    return saved;
  } catch (error) {
    if (violatedConstraint(error, '23503')?.includes('user_id')) return undefined;
    throw error;
  }
}

/** A tutor answer on an exercise: counts it, keeps the highest level and when it was given. */
export async function recordTutorAnswer(
  db: Database,
  userId: string,
  moduleId: string,
  answer: { exerciseId: string; hintLevel: number },
): Promise<void> {
  await db
    .insert(row)
    .values({
      userId,
      moduleId,
      exerciseId: answer.exerciseId,
      highestHintLevel: answer.hintLevel,
      tutorAnswers: 1,
      lastHintAt: sql`now()`,
    })
    .onConflictDoUpdate({
      target: [row.userId, row.exerciseId],
      set: {
        highestHintLevel: sql`greatest(${row.highestHintLevel}, ${answer.hintLevel})`,
        tutorAnswers: sql`${row.tutorAnswers} + 1`,
        lastHintAt: sql`now()`,
        updatedAt: sql`now()`,
      },
    });
}

/** The user's rows for one module's exercises. */
export function listExerciseProgress(
  db: Database,
  userId: string,
  moduleId: string,
): Promise<ExerciseProgress[]> {
  return db
    .select()
    .from(row)
    .where(and(eq(row.userId, userId), eq(row.moduleId, moduleId)));
}

/** The user's row for one exercise, if any. */
export async function getExerciseProgress(
  db: Database,
  userId: string,
  exerciseId: string,
): Promise<ExerciseProgress | undefined> {
  const [found] = await db
    .select()
    .from(row)
    .where(and(eq(row.userId, userId), eq(row.exerciseId, exerciseId)))
    .limit(1);
  return found;
}

/** Whether a check of the exercise ran since the tutor's last answer on it (or no answer yet). */
export function ranSinceLastHint(
  progress: Pick<ExerciseProgress, 'lastRunAt' | 'lastHintAt'> | undefined,
): boolean {
  if (!progress?.lastHintAt) return true;
  return progress.lastRunAt !== null && progress.lastRunAt > progress.lastHintAt;
}
