import { AdminUserOutSchema, type AdminUserOut, type RoleUpdate } from '@tutor/shared/courses';
import { apiFetch } from '../client';

/** PUT /api/admin/users/{id}/role: makes a user an instructor, or a student again (admins only). */
export function setUserRole(userId: string, role: RoleUpdate['role']): Promise<AdminUserOut> {
  return apiFetch(`/api/admin/users/${encodeURIComponent(userId)}/role`, {
    method: 'PUT',
    body: { role },
    schema: AdminUserOutSchema,
  });
}
