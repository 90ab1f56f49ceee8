import { ClassOutSchema, type ClassOut, type ClassUpdate } from '@tutor/shared/courses';
import { apiFetch } from '../client';
import { classPath } from './paths';

export type { ClassUpdate };

/** PATCH /api/classes/{id}: any of name, joining_open, conversations_visible, chat_enabled. */
export function updateClass(classId: string, body: ClassUpdate): Promise<ClassOut> {
  return apiFetch(classPath(classId), { method: 'PATCH', body, schema: ClassOutSchema });
}
