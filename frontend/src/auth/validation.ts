import {
  LoginSchema,
  PasswordChangeSchema,
  ProfileUpdateSchema,
  RegisterSchema,
  type LoginRequest,
  type PasswordChangeRequest,
  type ProfileUpdateRequest,
  type RegisterRequest,
} from '@tutor/shared/auth';
import {
  AccountDeleteSchema,
  PasswordResetConfirmSchema,
  PasswordResetRequestSchema,
  type AccountDeleteRequest,
  type PasswordResetConfirmRequest,
  type PasswordResetRequest,
} from '@tutor/shared/account';
import {
  fieldErrorsFromZod,
  type FieldErrors,
  type ValidationResult as Result,
} from '../lib/forms';

// Client-side checks use the server's own schemas, so the rules (and messages) cannot drift.

export const PASSWORDS_DIFFER = 'Passwords do not match';
export const REPEAT_PASSWORD = 'Repeat the password to confirm it';

function confirmationError(password: string, confirmation: string): string | undefined {
  if (password === '' || confirmation === password) return undefined;
  return confirmation === '' ? REPEAT_PASSWORD : PASSWORDS_DIFFER;
}

export const registerFields = [
  'email',
  'username',
  'password',
  'confirm_password',
  'programming_level',
  'maths_level',
] as const;
export type RegisterField = (typeof registerFields)[number];

export interface RegisterFormValues {
  email: string;
  username: string;
  password: string;
  confirm_password: string;
  programming_level: number;
  maths_level: number;
}

export function validateRegisterForm(
  values: RegisterFormValues,
): Result<RegisterRequest, RegisterField> {
  const { confirm_password, ...request } = values;
  const parsed = RegisterSchema.safeParse(request);
  const errors = parsed.success ? {} : fieldErrorsFromZod(parsed.error, registerFields);
  const confirmation = confirmationError(values.password, confirm_password);
  if (confirmation) errors.confirm_password = confirmation;
  if (parsed.success && Object.keys(errors).length === 0) return { ok: true, data: parsed.data };
  return { ok: false, errors };
}

export const loginFields = ['email', 'password'] as const;
export type LoginField = (typeof loginFields)[number];

export function validateLoginForm(values: {
  email: string;
  password: string;
}): Result<LoginRequest, LoginField> {
  const parsed = LoginSchema.safeParse(values);
  if (parsed.success) return { ok: true, data: parsed.data };
  return { ok: false, errors: fieldErrorsFromZod(parsed.error, loginFields) };
}

export const profileFields = ['username', 'programming_level', 'maths_level'] as const;
export type ProfileField = (typeof profileFields)[number];

export function validateProfileForm(values: {
  username: string;
  programming_level: number;
  maths_level: number;
}): Result<ProfileUpdateRequest, ProfileField> {
  const parsed = ProfileUpdateSchema.safeParse(values);
  if (parsed.success) return { ok: true, data: parsed.data };
  return { ok: false, errors: fieldErrorsFromZod(parsed.error, profileFields) };
}

export const passwordChangeFields = [
  'current_password',
  'new_password',
  'confirm_password',
] as const;
export type PasswordChangeField = (typeof passwordChangeFields)[number];

export function validatePasswordChangeForm(values: {
  current_password: string;
  new_password: string;
  confirm_password: string;
}): Result<PasswordChangeRequest, PasswordChangeField> {
  const { confirm_password, ...request } = values;
  const parsed = PasswordChangeSchema.safeParse(request);
  const errors = parsed.success ? {} : fieldErrorsFromZod(parsed.error, passwordChangeFields);
  const confirmation = confirmationError(values.new_password, confirm_password);
  if (confirmation) errors.confirm_password = confirmation;
  if (parsed.success && Object.keys(errors).length === 0) return { ok: true, data: parsed.data };
  return { ok: false, errors };
}

/**
 * Adds the strength estimator's error for the password field, when it has one for the password
 * being sent (the server refuses the same passwords with the same words).
 */
export function withPasswordError<Request, Field extends string>(
  result: Result<Request, Field>,
  field: NoInfer<Field>,
  error: string | undefined,
): Result<Request, Field> {
  if (!error) return result;
  const errors: FieldErrors<Field> = result.ok ? {} : { ...result.errors };
  errors[field] ??= error;
  return { ok: false, errors };
}

export const forgotPasswordFields = ['email'] as const;
export type ForgotPasswordField = (typeof forgotPasswordFields)[number];

export function validateForgotPasswordForm(values: {
  email: string;
}): Result<PasswordResetRequest, ForgotPasswordField> {
  const parsed = PasswordResetRequestSchema.safeParse(values);
  if (parsed.success) return { ok: true, data: parsed.data };
  return { ok: false, errors: fieldErrorsFromZod(parsed.error, forgotPasswordFields) };
}

/** The reset page's fields; the token comes from the link, and its errors go to the form alert. */
export const resetPasswordFields = ['new_password', 'confirm_password'] as const;
export type ResetPasswordField = (typeof resetPasswordFields)[number];

export function validateResetPasswordForm(
  token: string,
  values: { new_password: string; confirm_password: string },
): Result<PasswordResetConfirmRequest, ResetPasswordField> {
  const parsed = PasswordResetConfirmSchema.safeParse({ token, new_password: values.new_password });
  const errors = parsed.success ? {} : fieldErrorsFromZod(parsed.error, resetPasswordFields);
  const confirmation = confirmationError(values.new_password, values.confirm_password);
  if (confirmation) errors.confirm_password = confirmation;
  if (parsed.success && Object.keys(errors).length === 0) return { ok: true, data: parsed.data };
  return { ok: false, errors };
}

export const deleteAccountFields = ['password'] as const;
export type DeleteAccountField = (typeof deleteAccountFields)[number];

export function validateDeleteAccountForm(values: {
  password: string;
}): Result<AccountDeleteRequest, DeleteAccountField> {
  const parsed = AccountDeleteSchema.safeParse(values);
  if (parsed.success) return { ok: true, data: parsed.data };
  return { ok: false, errors: fieldErrorsFromZod(parsed.error, deleteAccountFields) };
}
