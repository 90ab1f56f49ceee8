import { TokenResponseSchema, type RegisterInput, type TokenResponse } from '@tutor/shared/auth';
import { apiFetch } from '../client';

export type { RegisterInput, TokenResponse };

/** POST /api/auth/register: creates the account; the server also sets the refresh cookie. */
export function register(input: RegisterInput): Promise<TokenResponse> {
  return apiFetch('/api/auth/register', {
    method: 'POST',
    body: input,
    auth: false,
    schema: TokenResponseSchema,
  });
}
