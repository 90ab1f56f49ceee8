import { ProfileSchema, type Profile, type ProfileUpdateRequest } from '@tutor/shared/auth';
import { apiFetch } from '../client';

export type { Profile, ProfileUpdateRequest };

/** PUT /api/auth/me: username and self-assessed levels. */
export function updateProfile(input: ProfileUpdateRequest): Promise<Profile> {
  return apiFetch('/api/auth/me', { method: 'PUT', body: input, schema: ProfileSchema });
}
