import { ModuleCatalogSchema, type ModuleCatalogItem } from '@tutor/shared/learning-modules';
import { apiFetch } from '../client';

export type { ModuleCatalogItem };

/** GET /api/modules/catalog: every module's title and description, in order; no account needed. */
export function getCatalog(signal?: AbortSignal): Promise<ModuleCatalogItem[]> {
  return apiFetch('/api/modules/catalog', { schema: ModuleCatalogSchema, signal, auth: false });
}
