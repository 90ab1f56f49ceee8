import { TokenResponseSchema, type PasswordChangeRequest } from '@tutor/shared/auth';
import { z } from 'zod';
import { apiFetch } from '../client';

export type { PasswordChangeRequest };

// The server may start a fresh session on a password change (new access token + cookie).
const ChangePasswordResponseSchema = z.union([TokenResponseSchema, z.looseObject({})]);

/** PUT /api/auth/me/password. Returns the new access token when the server issued one. */
export async function changePassword(input: PasswordChangeRequest): Promise<string | null> {
  const body = await apiFetch('/api/auth/me/password', {
    method: 'PUT',
    body: input,
    schema: ChangePasswordResponseSchema,
  });
  return 'access_token' in body && typeof body.access_token === 'string' ? body.access_token : null;
}
