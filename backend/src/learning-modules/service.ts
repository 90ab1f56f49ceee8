import { asc, eq } from 'drizzle-orm';
import type { Database } from '../db/client';
import { type LearningModule, learningModules } from './schema';

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
