import { ModuleExercisesOutSchema, type ModuleExercisesOut } from '@tutor/shared/exercise-progress';
import { apiFetch } from '../client';

export type { ModuleExercisesOut };

/** GET /api/progress/{module_id}/exercises: every exercise of the module with the user's check state. */
export function getModuleExercises(
  moduleId: string,
  signal?: AbortSignal,
): Promise<ModuleExercisesOut> {
  return apiFetch(`/api/progress/${encodeURIComponent(moduleId)}/exercises`, {
    schema: ModuleExercisesOutSchema,
    signal,
  });
}
