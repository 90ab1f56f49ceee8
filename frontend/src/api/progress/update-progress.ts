import { ProgressOutSchema, type ProgressOut, type ProgressUpdate } from '@tutor/shared/progress';
import { apiFetch } from '../client';

export type { ProgressUpdate };

/**
 * PUT /api/progress/{module_id}: saves the status and/or the notebook and returns the record
 * (without `notebook_state`). A stale `base_version` is an ApiError with status 409; the stored
 * version is then read with getProgress.
 */
export function updateProgress(
  moduleId: string,
  update: ProgressUpdate,
  signal?: AbortSignal,
): Promise<ProgressOut> {
  return apiFetch(`/api/progress/${encodeURIComponent(moduleId)}`, {
    method: 'PUT',
    body: update,
    schema: ProgressOutSchema,
    signal,
  });
}
