import { TokenResponseSchema, type LoginRequest, type TokenResponse } from '@tutor/shared/auth';
import { apiFetch } from '../client';

export type { LoginRequest, TokenResponse };

/** POST /api/auth/login: the server also sets the refresh cookie. */
export function login(input: LoginRequest): Promise<TokenResponse> {
  return apiFetch('/api/auth/login', {
    method: 'POST',
    body: input,
    auth: false,
    schema: TokenResponseSchema,
  });
}
