import { ProgressOutSchema, type ProgressOut } from '@tutor/shared/progress';
import { apiFetch } from '../client';

/** POST /api/progress/{module_id}/reopen: a completed module is in progress again. */
export function reopenProgress(moduleId: string, signal?: AbortSignal): Promise<ProgressOut> {
  return apiFetch(`/api/progress/${encodeURIComponent(moduleId)}/reopen`, {
    method: 'POST',
    schema: ProgressOutSchema,
    signal,
  });
}
