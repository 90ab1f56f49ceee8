import { ModuleOutSchema, type ModuleOut } from '@tutor/shared/learning-modules';
import { apiFetch } from '../client';

export type { ModuleOut };

/** GET /api/modules/{id}: one module (404 when it does not exist, 422 for a non-UUID id). */
export function getModule(moduleId: string, signal?: AbortSignal): Promise<ModuleOut> {
  return apiFetch(`/api/modules/${encodeURIComponent(moduleId)}`, {
    schema: ModuleOutSchema,
    signal,
  });
}
