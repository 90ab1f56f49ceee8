import { StudentHistoryOutSchema, type StudentHistoryOut } from '@tutor/shared/courses';
import { apiFetch } from '../client';
import { classPath } from './paths';

export type { StudentHistoryOut };

/** GET /api/classes/{id}/students/{user_id}: one student's work, and conversations if shared. */
export function getStudentHistory(
  classId: string,
  userId: string,
  signal?: AbortSignal,
): Promise<StudentHistoryOut> {
  return apiFetch(`${classPath(classId)}/students/${encodeURIComponent(userId)}`, {
    schema: StudentHistoryOutSchema,
    signal,
  });
}
