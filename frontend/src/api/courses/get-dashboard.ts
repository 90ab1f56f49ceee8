import { DashboardOutSchema, type DashboardOut } from '@tutor/shared/courses';
import { apiFetch } from '../client';
import { classPath } from './paths';

export type { DashboardOut };

/** GET /api/classes/{id}/dashboard: the students × exercises grid (owner or admin). */
export function getDashboard(classId: string, signal?: AbortSignal): Promise<DashboardOut> {
  return apiFetch(`${classPath(classId)}/dashboard`, { schema: DashboardOutSchema, signal });
}
