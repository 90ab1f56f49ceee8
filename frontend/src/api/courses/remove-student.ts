import { apiFetch } from '../client';
import { classPath } from './paths';

/** DELETE /api/classes/{id}/students/{user_id}: removes a student from the class. */
export async function removeStudent(classId: string, userId: string): Promise<void> {
  await apiFetch(`${classPath(classId)}/students/${encodeURIComponent(userId)}`, {
    method: 'DELETE',
  });
}
