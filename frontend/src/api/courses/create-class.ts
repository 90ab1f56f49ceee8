import { ClassOutSchema, type ClassCreate, type ClassOut } from '@tutor/shared/courses';
import { apiFetch } from '../client';

export type { ClassCreate };

/** POST /api/classes (instructors and admins; a student gets 403). */
export function createClass(body: ClassCreate): Promise<ClassOut> {
  return apiFetch('/api/classes', { method: 'POST', body, schema: ClassOutSchema });
}
