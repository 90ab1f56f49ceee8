import { AdminUsersOutSchema, type AdminUserOut } from '@tutor/shared/courses';
import { apiFetch } from '../client';

export type { AdminUserOut };

/** GET /api/admin/users?query=: users whose email or username contains `query` (admins only). */
export async function searchUsers(query: string, signal?: AbortSignal): Promise<AdminUserOut[]> {
  const params = new URLSearchParams({ query, limit: '50' });
  const out = await apiFetch(`/api/admin/users?${params}`, { schema: AdminUsersOutSchema, signal });
  return out.users;
}
