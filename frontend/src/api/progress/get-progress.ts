import { ProgressOutSchema, type ProgressOut } from '@tutor/shared/progress';
import { apiFetch } from '../client';

export type { ProgressOut };

/** GET /api/progress/{module_id}: the user's progress, with `notebook_state` (null if never saved). */
export function getProgress(moduleId: string, signal?: AbortSignal): Promise<ProgressOut> {
  return apiFetch(`/api/progress/${encodeURIComponent(moduleId)}`, {
    schema: ProgressOutSchema,
    signal,
  });
}
