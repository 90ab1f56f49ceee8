import { apiFetch } from '../client';

/** POST /api/auth/logout: revokes the refresh token and clears its cookie. */
export async function logout(): Promise<void> {
  await apiFetch('/api/auth/logout', { method: 'POST', auth: false });
}
