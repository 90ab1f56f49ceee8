import { ModuleListSchema, type ModuleListItem } from '@tutor/shared/learning-modules';
import { apiFetch } from '../client';

export type { ModuleListItem };

/** GET /api/modules: every module in order, with the current user's status. */
export function listModules(signal?: AbortSignal): Promise<ModuleListItem[]> {
  return apiFetch('/api/modules', { schema: ModuleListSchema, signal });
}
