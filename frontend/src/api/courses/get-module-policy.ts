import { EffectivePolicyOutSchema, type EffectivePolicyOut } from '@tutor/shared/courses';
import { apiFetch } from '../client';

export type { EffectivePolicyOut };

/** GET /api/modules/{id}/policy: the strictest help policy of the student's classes for a module. */
export function getModulePolicy(
  moduleId: string,
  signal?: AbortSignal,
): Promise<EffectivePolicyOut> {
  return apiFetch(`/api/modules/${encodeURIComponent(moduleId)}/policy`, {
    schema: EffectivePolicyOutSchema,
    signal,
  });
}
