import { and, eq, type SQL, sql } from 'drizzle-orm';
import type { ProgressStatus } from '@tutor/shared/progress';
import type { Database } from '../db/client';
import { sqlState, violatedConstraint } from '../db/errors';
import { type LearningModule, learningModules } from '../learning-modules/schema';
import { toJsonbText } from './jsonb';
import { type UserModuleProgress, userModuleProgress } from './schema';

const progress = userModuleProgress;

/** A progress record without the (possibly megabytes of) notebook JSON. */
export type ProgressSummary = Omit<UserModuleProgress, 'notebookState' | 'userId'>;

export interface ProgressChanges {
  status?: ProgressStatus;
  /** The notebook to store; as a function, called only if `bodyJsonb` cannot be stored. */
  notebookState?: Record<string, unknown> | (() => Record<string, unknown>);
  /**
   * The JSON `notebookState` was parsed from, as jsonb (see `utf8Jsonb`): an object (the request
   * body) whose `notebook_state` member it is. Stored as sent when it can be, instead of
   * serialising again.
   */
  bodyJsonb?: SQL;
  /** The notebook version the client started from; a different stored version refuses the write. */
  baseVersion?: number;
}

export type UpdateProgressResult =
  | { ok: true; progress: ProgressSummary }
  /** The stored notebook is newer than `baseVersion`: nothing was written. */
  | { ok: false; reason: 'stale'; currentVersion: number; updatedAt: Date }
  /** A status-only request would move the status backward: nothing was written. */
  | { ok: false; reason: 'backward_status'; currentStatus: ProgressStatus }
  | { ok: false; reason: 'unknown_module' | 'unknown_user' };

const summaryColumns = {
  id: progress.id,
  moduleId: progress.moduleId,
  status: progress.status,
  attemptCount: progress.attemptCount,
  version: progress.version,
  updatedAt: progress.updatedAt,
};

const statusRank: Record<ProgressStatus, number> = { not_started: 0, in_progress: 1, completed: 2 };

/** The status's position in not_started → in_progress → completed, as SQL. */
const rankOf = (status: SQL) =>
  sql`(case ${status} when 'not_started' then 0 when 'in_progress' then 1 else 2 end)`;
const storedStatus = sql.raw('"user_module_progress"."status"');
const sentStatus = sql.raw('excluded."status"');

export async function getProgress(
  db: Database,
  userId: string,
  moduleId: string,
): Promise<UserModuleProgress | undefined> {
  const [row] = await db
    .select()
    .from(progress)
    .where(and(eq(progress.userId, userId), eq(progress.moduleId, moduleId)))
    .limit(1);
  return row;
}

export function getAllProgress(db: Database, userId: string): Promise<UserModuleProgress[]> {
  return db.select().from(progress).where(eq(progress.userId, userId));
}

/**
 * A module and this user's record for it (null without one) in one query; undefined when the
 * module does not exist.
 */
export async function getModuleProgress(
  db: Database,
  userId: string,
  moduleId: string,
): Promise<{ module: LearningModule; progress: UserModuleProgress | null } | undefined> {
  const [row] = await db
    .select({ module: learningModules, progress })
    .from(learningModules)
    .leftJoin(progress, and(eq(progress.moduleId, learningModules.id), eq(progress.userId, userId)))
    .where(eq(learningModules.id, moduleId))
    .limit(1);
  return row;
}

/**
 * PostgreSQL refused JSON as jsonb: a `\u0000` escape (22P05), a lone surrogate (22P02) or bytes
 * that are not UTF-8 (22021).
 */
const jsonbRefused = (error: unknown) =>
  ['22P05', '22P02', '22021'].includes(sqlState(error) ?? '');

/**
 * Creates or updates the record in ONE atomic upsert (never read-then-write), so concurrent saves
 * cannot interleave:
 * - a notebook save stores it, raises `version` by one and moves not_started to in_progress;
 * - the status only moves forward; a status-only request that would move it back writes nothing;
 * - with `baseVersion`, the update happens only if the stored version still equals it;
 * - `updated_at` is set on every write.
 * Only a refused write costs a second query, to say why it was refused.
 */
export async function updateProgress(
  db: Database,
  userId: string,
  moduleId: string,
  changes: ProgressChanges,
): Promise<UpdateProgressResult> {
  const { status, notebookState, bodyJsonb, baseVersion } = changes;
  const writesNotebook = notebookState !== undefined;
  const requested: ProgressStatus | undefined =
    status ?? (writesNotebook ? 'in_progress' : undefined);
  if (requested === undefined) throw new Error('updateProgress needs a status or a notebook state');

  const set: Record<string, SQL> = {
    status: sql`case when ${rankOf(sentStatus)} > ${rankOf(storedStatus)} then ${sentStatus} else ${storedStatus} end`,
    updatedAt: sql`now()`,
  };
  if (writesNotebook) {
    set.notebookState = sql.raw('excluded."notebook_state"');
    set.version = sql`${progress.version} + 1`;
  }
  const conditions: SQL[] = [];
  if (baseVersion !== undefined) conditions.push(sql`${progress.version} = ${baseVersion}`);
  if (!writesNotebook) conditions.push(sql`${rankOf(storedStatus)} <= ${rankOf(sentStatus)}`);

  const upsert = (notebookJson: SQL | null) =>
    db
      .insert(progress)
      .values({
        userId,
        moduleId,
        status: requested,
        notebookState: notebookJson,
        version: writesNotebook ? 1 : 0,
      })
      .onConflictDoUpdate({
        target: [progress.userId, progress.moduleId],
        set,
        ...(conditions.length > 0 ? { setWhere: and(...conditions) } : {}),
      })
      .returning(summaryColumns);

  const parsedNotebook = () =>
    sql`${toJsonbText(typeof notebookState === 'function' ? notebookState() : notebookState)}::jsonb`;
  let rows: ProgressSummary[];
  try {
    if (notebookState === undefined) rows = await upsert(null);
    else if (bodyJsonb === undefined) rows = await upsert(parsedNotebook());
    else {
      // The notebook as the client sent it, taken out of the body's JSON by PostgreSQL. Text jsonb
      // cannot hold (a NUL or lone surrogate escape, invalid UTF-8: rare) is refused as a whole:
      // then the parsed notebook is written with those characters replaced.
      try {
        rows = await upsert(sql`(${bodyJsonb} -> 'notebook_state')`);
      } catch (error) {
        if (!jsonbRefused(error)) throw error;
        rows = await upsert(parsedNotebook());
      }
    }
  } catch (error) {
    const reason = foreignKeyViolation(error);
    if (reason) return { ok: false, reason };
    throw error;
  }
  if (rows[0]) return { ok: true, progress: rows[0] };

  // Refused by the WHERE of the upsert: nothing was written. Read the row to say why.
  const [current] = await db
    .select({ version: progress.version, status: progress.status, updatedAt: progress.updatedAt })
    .from(progress)
    .where(and(eq(progress.userId, userId), eq(progress.moduleId, moduleId)));
  if (current && !writesNotebook && statusRank[current.status] > statusRank[requested]) {
    if (baseVersion === undefined || current.version === baseVersion) {
      return { ok: false, reason: 'backward_status', currentStatus: current.status };
    }
  }
  return {
    ok: false,
    reason: 'stale',
    currentVersion: current?.version ?? 0,
    updatedAt: current?.updatedAt ?? new Date(),
  };
}

/**
 * Adds one tutor interaction, creating the record if needed, in one atomic statement (concurrent
 * calls never lose a count). Leaves the notebook, its version and the status alone.
 * Returns the new count.
 */
export async function incrementAttempt(
  db: Database,
  userId: string,
  moduleId: string,
): Promise<number> {
  const [row] = await db
    .insert(progress)
    .values({ userId, moduleId, attemptCount: 1, version: 0 })
    .onConflictDoUpdate({
      target: [progress.userId, progress.moduleId],
      set: { attemptCount: sql`${progress.attemptCount} + 1`, updatedAt: sql`now()` },
    })
    .returning({ attemptCount: progress.attemptCount });
  return row!.attemptCount;
}

/** Which foreign key a failed insert violated (PostgreSQL 23503). */
function foreignKeyViolation(error: unknown): 'unknown_module' | 'unknown_user' | undefined {
  const constraint = violatedConstraint(error, '23503');
  if (constraint === undefined) return undefined;
  return constraint.includes('user_id') ? 'unknown_user' : 'unknown_module';
}
