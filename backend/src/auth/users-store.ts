// What other features read and write of the users table, which is auth's: the student's name and
// levels for a chat turn, the effective levels the pedagogy engine moves, the profile an account
// export starts with, and the role the admin page and `npm run admin` set.
import type { Profile } from '@tutor/shared/auth';
import type { Role } from '@tutor/shared/courses';
import { eq, type SQL, sql } from 'drizzle-orm';
import type { PgColumn, PgTable, SelectedFields } from 'drizzle-orm/pg-core';
import type { Database } from '../db/client';
import { plannedOnce } from '../db/planned-once';
import { users } from './schema';
import { profileColumns, toProfile } from './service';

export interface Learner {
  username: string;
  programmingLevel: number;
  mathsLevel: number;
  effectiveProgrammingLevel: number | null;
  effectiveMathsLevel: number | null;
}

const learnerColumns = {
  username: users.username,
  programmingLevel: users.programmingLevel,
  mathsLevel: users.mathsLevel,
  effectiveProgrammingLevel: users.effectiveProgrammingLevel,
  effectiveMathsLevel: users.effectiveMathsLevel,
};

/**
 * A feature's select of `selection` from `table`, joined to the user its `userId` column names, with
 * that user's Learner as `learner`: a turn reads the session and the student in one statement.
 */
export function selectWithLearner<Selection extends SelectedFields>(
  db: Database,
  selection: Selection,
  table: PgTable,
  userId: PgColumn,
) {
  return db
    .select({ ...selection, learner: learnerColumns })
    .from(table)
    .innerJoin(users, eq(users.id, userId));
}

/**
 * The user's Learner (name and levels) as `learner`, with `selection` (not of the users table)
 * beside it; undefined when the account no longer exists.
 */
export async function loadLearnerWith<Selection extends SelectedFields>(
  db: Database,
  userId: string,
  selection: Selection,
) {
  const [found] = await plannedOnce(
    db,
    db
      .select({ ...selection, learner: learnerColumns })
      .from(users)
      .where(eq(users.id, userId)),
  );
  return found;
}

/**
 * The update of a user's effective levels as a statement for the caller to embed (a data-modifying
 * `with` clause), so it commits in one statement with what the caller stores beside it.
 */
export function effectiveLevelsUpdate(
  userId: string,
  levels: { programming: number; maths: number },
): SQL {
  return sql`update users set effective_programming_level = ${levels.programming},
          effective_maths_level = ${levels.maths}
        where id = ${userId}`;
}

/** The profile as GET /api/auth/me shows it (never the password hash), or undefined. */
export async function loadProfile(db: Database, userId: string): Promise<Profile | undefined> {
  const [user] = await db.select(profileColumns).from(users).where(eq(users.id, userId));
  return user && toProfile(user);
}

/** Sets the role of the user with this id or (lower-cased) email; the updated row, if any. */
export async function setRole(db: Database, who: { id: string } | { email: string }, role: Role) {
  const [row] = await db
    .update(users)
    .set({ role })
    .where('id' in who ? eq(users.id, who.id) : eq(users.email, who.email))
    .returning({
      id: users.id,
      email: users.email,
      username: users.username,
      role: users.role,
      createdAt: users.createdAt,
    });
  return row;
}
