import { JoinPreviewOutSchema, type JoinPreviewOut } from '@tutor/shared/courses';
import { apiFetch } from '../client';

export type { JoinPreviewOut };

/** GET /api/join/{code}: the class behind a join link (404 unknown, 410 closed, 429 too many). */
export function getJoinPreview(code: string, signal?: AbortSignal): Promise<JoinPreviewOut> {
  return apiFetch(`/api/join/${encodeURIComponent(code)}`, {
    schema: JoinPreviewOutSchema,
    signal,
  });
}
