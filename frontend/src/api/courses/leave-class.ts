import { apiFetch } from '../client';
import { classPath } from './paths';

/** DELETE /api/classes/{id}/membership: the signed-in student leaves the class. */
export async function leaveClass(classId: string): Promise<void> {
  await apiFetch(`${classPath(classId)}/membership`, { method: 'DELETE' });
}
