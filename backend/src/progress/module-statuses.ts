import { asc, sql } from 'drizzle-orm';
import type { ProgressStatus } from '@tutor/shared/progress';
import type { Database } from '../db/client';
import { learningModules } from '../learning-modules/schema';
import { exerciseProgress } from './exercises/schema';
import { userModuleProgress } from './schema';

export interface ModuleStatus {
  id: string;
  status: ProgressStatus;
  /** The user's exercises of this module whose check has passed. */
  exercisesPassed: number;
}

/**
 * Every module in the catalog's order with one user's status ('not_started' without a row) and count
 * of passed exercises: the
 * module list's one query, owned by progress because it reads progress's table. A named
 * prepared statement: PostgreSQL parses and plans it once per connection.
 */
export function prepareModuleStatuses(db: Database): (userId: string) => Promise<ModuleStatus[]> {
  const statement = db
    .select({
      id: learningModules.id,
      status: sql<ProgressStatus>`coalesce(${userModuleProgress.status}, 'not_started')`,
      exercisesPassed:
        sql<number>`(select count(*) from ${exerciseProgress} where ${exerciseProgress.userId} = ${sql.placeholder('userId')} and ${exerciseProgress.moduleId} = ${learningModules.id} and ${exerciseProgress.passedAt} is not null)`.mapWith(
          Number,
        ),
    })
    .from(learningModules)
    .leftJoin(
      userModuleProgress,
      sql`${userModuleProgress.moduleId} = ${learningModules.id} and ${userModuleProgress.userId} = ${sql.placeholder('userId')}`,
    )
    .orderBy(asc(learningModules.order), asc(learningModules.title))
    .prepare('list_module_statuses');
  return (userId) => statement.execute({ userId });
}
