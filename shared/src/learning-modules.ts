import { z } from 'zod';
import { ProgressStatusSchema } from './progress';

/** `GET /api/modules/{module_id}`: one learning module. */
export const ModuleOutSchema = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string(),
  notebook_filename: z.string(),
  order: z.number().int(),
});
export type ModuleOut = z.infer<typeof ModuleOutSchema>;

/**
 * One item of `GET /api/modules`: the module plus the current user's status ("not_started" without a
 * record) and how many of its exercises' checks the user passed (self-reported by the browser).
 */
export const ModuleListItemSchema = ModuleOutSchema.extend({
  status: ProgressStatusSchema,
  exercises_passed: z.number().int().nonnegative(),
  exercises_total: z.number().int().nonnegative(),
});
export type ModuleListItem = z.infer<typeof ModuleListItemSchema>;

/** `GET /api/modules`: every module, ordered by `order`. */
export const ModuleListSchema = z.array(ModuleListItemSchema);
export type ModuleList = z.infer<typeof ModuleListSchema>;

/**
 * One item of `GET /api/modules/catalog`: what anyone may read about a module before having an
 * account (the landing page). No status and no notebook file: those belong to a signed-in student.
 */
export const ModuleCatalogItemSchema = ModuleOutSchema.pick({
  order: true,
  title: true,
  description: true,
});
export type ModuleCatalogItem = z.infer<typeof ModuleCatalogItemSchema>;

/** `GET /api/modules/catalog`: every module, ordered by `order`; public. */
export const ModuleCatalogSchema = z.array(ModuleCatalogItemSchema);
export type ModuleCatalog = z.infer<typeof ModuleCatalogSchema>;

/** Path parameter of every module and progress route; anything but a UUID gets 422. */
export const ModuleIdParamsSchema = z.object({
  module_id: z.guid({ error: 'must be a UUID' }),
});
export type ModuleIdParams = z.infer<typeof ModuleIdParamsSchema>;
