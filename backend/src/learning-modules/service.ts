import { asc, eq } from 'drizzle-orm';
import type { ModuleCatalogItem, ModuleOut } from '@tutor/shared/learning-modules';
import type { Database } from '../db/client';
import { type LearningModule, learningModules } from './schema';

export type { LearningModule };

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

/** A module as the API shows it. */
export const toModuleOut = (module: LearningModule): ModuleOut => ({
  id: module.id,
  title: module.title,
  description: module.description,
  notebook_filename: module.notebookFilename,
  order: module.order,
});

/** A module as anyone may read it, signed in or not. */
export const toCatalogItem = (module: LearningModule): ModuleCatalogItem => ({
  order: module.order,
  title: module.title,
  description: module.description,
});
