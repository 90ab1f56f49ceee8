import { asc, eq, sql } from 'drizzle-orm';
import type { ProgressStatus } from '@tutor/shared/progress';
import type { Database } from '../db/client';
import { userModuleProgress } from '../progress/schema';
import { type LearningModule, learningModules } from './schema';

export type ModuleWithStatus = LearningModule & { status: ProgressStatus };

/** Every module, ordered by `order` (then title, so equal orders stay stable). */
export function listModules(db: Database): Promise<LearningModule[]> {
  return db
    .select()
    .from(learningModules)
    .orderBy(asc(learningModules.order), asc(learningModules.title));
}

/** One module, or undefined when no module has this id. */
export async function getModule(
  db: Database,
  moduleId: string,
): Promise<LearningModule | undefined> {
  const [module] = await db
    .select()
    .from(learningModules)
    .where(eq(learningModules.id, moduleId))
    .limit(1);
  return module;
}

function prepareListWithStatus(db: Database) {
  return db
    .select({
      id: learningModules.id,
      title: learningModules.title,
      description: learningModules.description,
      notebookFilename: learningModules.notebookFilename,
      order: learningModules.order,
      status: sql<ProgressStatus>`coalesce(${userModuleProgress.status}, 'not_started')`,
    })
    .from(learningModules)
    .leftJoin(
      userModuleProgress,
      sql`${userModuleProgress.moduleId} = ${learningModules.id} and ${userModuleProgress.userId} = ${sql.placeholder('userId')}`,
    )
    .orderBy(asc(learningModules.order), asc(learningModules.title))
    .prepare('list_modules_with_status');
}

// The module list is the most frequent read: a named prepared statement skips building the SQL
// and lets PostgreSQL reuse the parsed statement on each connection.
const preparedLists = new WeakMap<Database, ReturnType<typeof prepareListWithStatus>>();

/** Every module with this user's status ("not_started" without a record), in one query. */
export function listModulesWithStatus(db: Database, userId: string): Promise<ModuleWithStatus[]> {
  let prepared = preparedLists.get(db);
  if (!prepared) preparedLists.set(db, (prepared = prepareListWithStatus(db)));
  return prepared.execute({ userId });
}
