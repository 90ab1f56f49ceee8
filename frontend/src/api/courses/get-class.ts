import { ClassOutSchema, type ClassOut } from '@tutor/shared/courses';
import { apiFetch } from '../client';
import { classPath } from './paths';

export type { ClassOut };

/** GET /api/classes/{id} (its owner or an admin; 404 for anyone else). */
export function getClass(classId: string, signal?: AbortSignal): Promise<ClassOut> {
  return apiFetch(classPath(classId), { schema: ClassOutSchema, signal });
}
