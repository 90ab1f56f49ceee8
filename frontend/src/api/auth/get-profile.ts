import { ProfileSchema, type Profile } from '@tutor/shared/auth';
import { apiFetch } from '../client';

export type { Profile };

/** GET /api/auth/me. */
export function getProfile(signal?: AbortSignal): Promise<Profile> {
  return apiFetch('/api/auth/me', { schema: ProfileSchema, signal });
}
