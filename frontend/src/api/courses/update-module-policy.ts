import { ClassOutSchema, type ClassOut, type ModulePolicy } from '@tutor/shared/courses';
import { apiFetch } from '../client';
import { classPath } from './paths';

export type { ModulePolicy };

/** PUT /api/classes/{id}/modules/{module_id}/policy: one module's help policy in the class. */
export function updateModulePolicy(
  classId: string,
  moduleId: string,
  policy: ModulePolicy,
): Promise<ClassOut> {
  return apiFetch(`${classPath(classId)}/modules/${encodeURIComponent(moduleId)}/policy`, {
    method: 'PUT',
    body: policy,
    schema: ClassOutSchema,
  });
}
