// What other features read and write of the users table, which is auth's: the student's name and
// levels for a chat turn, and the effective levels the pedagogy engine moves.
import { eq, type SQL, sql } from 'drizzle-orm';
import type { Database } from '../db/client';
import { users } from './schema';

export interface Learner {
  username: string;
  programmingLevel: number;
  mathsLevel: number;
  effectiveProgrammingLevel: number | null;
  effectiveMathsLevel: number | null;
}

/** The user's name and levels, or undefined when the account no longer exists. */
export async function loadLearner(db: Database, userId: string): Promise<Learner | undefined> {
  const [user] = await db
    .select({
      username: users.username,
      programmingLevel: users.programmingLevel,
      mathsLevel: users.mathsLevel,
      effectiveProgrammingLevel: users.effectiveProgrammingLevel,
      effectiveMathsLevel: users.effectiveMathsLevel,
    })
    .from(users)
    .where(eq(users.id, userId));
  return user;
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
