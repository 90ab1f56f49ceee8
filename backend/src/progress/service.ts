import { and, eq, type SQL, sql } from 'drizzle-orm';
import type { ProgressStatus } from '@tutor/shared/progress';
import type { Database } from '../db/client';
import type pg from 'pg';
import { violatedConstraint } from '../db/errors';
import { postgresPoolOf } from '../db/planned-once';
import { type LearningModule, learningModules } from '../learning-modules/schema';
import { withNotebookJsonb } from './jsonb';
import { jsonbRefused, type NotebookPayload } from './notebook-payload';
import { type UserModuleProgress, userModuleProgress } from './schema';

const progress = userModuleProgress;

/** A progress record without the (possibly megabytes of) notebook JSON. */
export type ProgressSummary = Omit<UserModuleProgress, 'notebookState' | 'userId'>;

export interface ProgressChanges {
  status?: ProgressStatus;
  /** The notebook to store (see notebook-payload.ts). */
  notebook?: NotebookPayload;
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
 * Moves a completed module back to in_progress (the student reopens it); any other status stays.
 * Undefined when the module does not exist; the record (null without one) otherwise.
 */
export async function reopenProgress(
  db: Database,
  userId: string,
  moduleId: string,
): Promise<{ progress: ProgressSummary | null } | undefined> {
  const [reopened] = await db
    .update(progress)
    .set({ status: 'in_progress', updatedAt: sql`now()` })
    .where(
      and(
        eq(progress.userId, userId),
        eq(progress.moduleId, moduleId),
        eq(progress.status, 'completed'),
      ),
    )
    .returning(summaryColumns);
  if (reopened) return { progress: reopened };
  const found = await getModuleProgress(db, userId, moduleId);
  return found && { progress: found.progress };
}

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
  const { status, baseVersion } = changes;
  let { notebook } = changes;
  const requested: ProgressStatus | undefined = status ?? (notebook ? 'in_progress' : undefined);
  if (requested === undefined) throw new Error('updateProgress needs a status or a notebook state');
  // PostgreSQL: the common save first, over the existing record (SAVE_NOTEBOOK).
  const pool = postgresPoolOf(db);
  if (notebook?.bodyBytes && pool) {
    try {
      const saved = await saveNotebookOver(
        pool,
        userId,
        moduleId,
        requested,
        baseVersion,
        notebook.bodyBytes,
      );
      if (saved) return { ok: true, progress: saved };
    } catch (error) {
      if (!jsonbRefused(error) || !notebook.parsed) throw error;
      notebook = notebook.parsed();
    }
    // Nothing written: no record yet, one at another version than baseVersion, or a notebook
    // PostgreSQL refused as sent (then parsed). The upsert writes or says why it may not.
  }
  const upsert = progressUpsert(db, {
    userId,
    moduleId,
    requested,
    writesNotebook: !!notebook,
    baseVersion,
  });
  let rows: ProgressSummary[];
  try {
    rows = notebook ? await notebook.store(upsert) : await upsert(null);
  } catch (error) {
    const reason = foreignKeyViolation(error);
    if (reason) return { ok: false, reason };
    throw error;
  }
  if (rows[0]) return { ok: true, progress: rows[0] };
  return whyRefused(db, userId, moduleId, { requested, writesNotebook: !!notebook, baseVersion });
}

/** `case` of a status's rank, on SQL text (see rankOf). */
const rankText = (status: string) =>
  `(case ${status} when 'not_started' then 0 when 'in_progress' then 1 else 2 end)`;

/** The SET and WHERE of the save statements: see SAVE_NOTEBOOK. */
const saveStatement = (name: string, notebook: string) => ({
  name,
  text: `update user_module_progress set
    notebook_state = ${notebook},
    version = version + 1,
    status = case when ${rankText('$4::varchar')} > ${rankText('status')} then $4::varchar else status end,
    updated_at = now()
  where user_id = $1::uuid and module_id = $2::uuid and ($5::integer is null or version = $5::integer)
  returning id, module_id, status, attempt_count, version, updated_at`,
});

/**
 * The common save, hand-written and prepared once per connection (named, so PostgreSQL neither
 * parses nor plans it again, nor copies the notebook into a plan): a notebook over the user's
 * existing record, as the upsert of progressUpsert writes it (the notebook, version + 1, the status
 * forward only, updated_at), refused when `$5` is a base version the record is not at. An UPDATE
 * forms the new row once, where the upsert formed the row to insert (holding the notebook) before
 * it found the conflict and formed the update.
 *
 * The notebook comes as the client sent it, never serialised by the server: `$3` is its own text
 * as binary jsonb (PostgreSQL parses it straight into jsonb), or, for a body in another order, the
 * whole body's bytes, converted to text and parsed, whose `notebook_state` is taken.
 */
const SAVE_NOTEBOOK = {
  jsonb: saveStatement('progress_save_notebook_jsonb_v1', '$3::jsonb'),
  body: saveStatement(
    'progress_save_notebook_body_v1',
    "convert_from($3::bytea, 'UTF8')::jsonb -> 'notebook_state'",
  ),
};

interface SavedRow {
  id: string;
  module_id: string;
  status: ProgressStatus;
  attempt_count: number;
  version: number;
  updated_at: Date | string;
}

/** SAVE_NOTEBOOK: the record saved, or undefined when none was (no record, or a stale base). */
async function saveNotebookOver(
  pool: pg.Pool,
  userId: string,
  moduleId: string,
  requested: ProgressStatus,
  baseVersion: number | undefined,
  bodyBytes: Buffer,
): Promise<ProgressSummary | undefined> {
  const { rows } = await withNotebookJsonb(bodyBytes, (notebookJsonb) =>
    pool.query<SavedRow>({
      ...(notebookJsonb ? SAVE_NOTEBOOK.jsonb : SAVE_NOTEBOOK.body),
      values: [userId, moduleId, notebookJsonb ?? bodyBytes, requested, baseVersion ?? null],
    }),
  );
  const row = rows[0];
  if (!row) return undefined;
  return {
    id: row.id,
    moduleId: row.module_id,
    status: row.status,
    attemptCount: row.attempt_count,
    version: row.version,
    updatedAt: row.updated_at instanceof Date ? row.updated_at : new Date(row.updated_at),
  };
}

interface UpsertPlan {
  userId: string;
  moduleId: string;
  requested: ProgressStatus;
  writesNotebook: boolean;
  baseVersion: number | undefined;
}

/** The one upsert of updateProgress, given the notebook as jsonb (null: a status-only write). */
function progressUpsert(db: Database, plan: UpsertPlan) {
  const { userId, moduleId, requested, writesNotebook, baseVersion } = plan;
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
  return (notebookJson: SQL | null): Promise<ProgressSummary[]> =>
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
}

/** Refused by the WHERE of the upsert: nothing was written. Reads the row to say why. */
async function whyRefused(
  db: Database,
  userId: string,
  moduleId: string,
  plan: Pick<UpsertPlan, 'requested' | 'writesNotebook' | 'baseVersion'>,
): Promise<UpdateProgressResult> {
  const [current] = await db
    .select({ version: progress.version, status: progress.status, updatedAt: progress.updatedAt })
    .from(progress)
    .where(and(eq(progress.userId, userId), eq(progress.moduleId, moduleId)));
  const backward =
    current &&
    !plan.writesNotebook &&
    statusRank[current.status] > statusRank[plan.requested] &&
    (plan.baseVersion === undefined || current.version === plan.baseVersion);
  if (backward) return { ok: false, reason: 'backward_status', currentStatus: current.status };
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
