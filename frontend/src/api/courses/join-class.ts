import { JoinOutSchema, type JoinOut } from '@tutor/shared/courses';
import { apiFetch } from '../client';

/** POST /api/join/{code}: joins the class (joining twice is fine). */
export function joinClass(code: string): Promise<JoinOut> {
  return apiFetch(`/api/join/${encodeURIComponent(code)}`, {
    method: 'POST',
    schema: JoinOutSchema,
  });
}
