import { ClassStudentsOutSchema, type ClassStudentOut } from '@tutor/shared/courses';
import { apiFetch } from '../client';
import { classPath } from './paths';

export type { ClassStudentOut };

/** GET /api/classes/{id}/students: the roster. */
export async function listStudents(
  classId: string,
  signal?: AbortSignal,
): Promise<ClassStudentOut[]> {
  const out = await apiFetch(`${classPath(classId)}/students`, {
    schema: ClassStudentsOutSchema,
    signal,
  });
  return out.students;
}
