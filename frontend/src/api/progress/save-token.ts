import { SaveTokenOutSchema, type SaveTokenOut } from '@tutor/shared/progress';
import { apiFetch } from '../client';

/** POST /api/progress/{module_id}/save-token: authenticates the page-close save (no headers there). */
export function createSaveToken(moduleId: string, signal?: AbortSignal): Promise<SaveTokenOut> {
  return apiFetch(`/api/progress/${encodeURIComponent(moduleId)}/save-token`, {
    method: 'POST',
    schema: SaveTokenOutSchema,
    signal,
  });
}
