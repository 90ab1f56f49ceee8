import {
  PasswordResetDoneSchema,
  PasswordResetRequestedSchema,
  type PasswordResetConfirmRequest,
  type PasswordResetRequest,
} from '@tutor/shared/account';
import { apiFetch } from '../client';

export type { PasswordResetConfirmRequest, PasswordResetRequest };

/** POST /api/auth/password-reset: the same answer whether or not an account uses the email. */
export async function requestPasswordReset(input: PasswordResetRequest): Promise<string> {
  const body = await apiFetch('/api/auth/password-reset', {
    method: 'POST',
    body: input,
    auth: false,
    schema: PasswordResetRequestedSchema,
  });
  return body.message;
}

/** POST /api/auth/password-reset/confirm: sets the new password; every session ends. */
export async function confirmPasswordReset(input: PasswordResetConfirmRequest): Promise<void> {
  await apiFetch('/api/auth/password-reset/confirm', {
    method: 'POST',
    body: input,
    auth: false,
    schema: PasswordResetDoneSchema,
  });
}
