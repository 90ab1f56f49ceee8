import { ClassListOutSchema, type ClassListOut } from '@tutor/shared/courses';
import { apiFetch } from '../client';

export type { ClassListOut };

/** GET /api/classes: the classes the user teaches and those they are a student of. */
export function listClasses(signal?: AbortSignal): Promise<ClassListOut> {
  return apiFetch('/api/classes', { schema: ClassListOutSchema, signal });
}
