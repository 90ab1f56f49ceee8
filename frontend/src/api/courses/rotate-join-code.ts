import { ClassOutSchema, type ClassOut } from '@tutor/shared/courses';
import { apiFetch } from '../client';
import { classPath } from './paths';

/** POST /api/classes/{id}/join-code: a new join code; the old link stops working. */
export function rotateJoinCode(classId: string): Promise<ClassOut> {
  return apiFetch(`${classPath(classId)}/join-code`, { method: 'POST', schema: ClassOutSchema });
}
