import { AccountDeletedSchema, type AccountDeleteRequest } from '@tutor/shared/account';
import { apiFetch } from '../client';

export type { AccountDeleteRequest };

/** DELETE /api/auth/me: deletes the account and everything in it; the server clears the cookie. */
export async function deleteAccount(input: AccountDeleteRequest): Promise<void> {
  await apiFetch('/api/auth/me', { method: 'DELETE', body: input, schema: AccountDeletedSchema });
}
