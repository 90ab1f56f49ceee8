import { z } from 'zod';

/**
 * Request and response shapes of `/api/auth/*`, shared by the server (validation at the edge) and
 * the browser (form validation, typed responses). Messages are written to be shown next to the
 * field as they are.
 */

/** A string field whose "missing" and "wrong type" messages name the field. */
const requiredString = (label: string) =>
  z.string({
    error: (issue) =>
      issue.input === undefined ? `${label} is required` : `${label} must be text`,
  });

/** Trimmed and lower-cased: emails are stored and compared in lower case. */
export const EmailSchema = requiredString('Email')
  .trim()
  .toLowerCase()
  .max(255, 'Email must be at most 255 characters')
  .pipe(z.email('Enter a valid email address'));

export const USERNAME_MIN_LENGTH = 3;
export const USERNAME_MAX_LENGTH = 50;

/**
 * Usernames are display names: letters and digits of any script, spaces inside, and `_ . -`.
 * Leading and trailing spaces are trimmed; uniqueness is case-insensitive.
 */
export const UsernameSchema = requiredString('Username')
  .trim()
  .min(USERNAME_MIN_LENGTH, `Username must be at least ${USERNAME_MIN_LENGTH} characters`)
  .max(USERNAME_MAX_LENGTH, `Username must be at most ${USERNAME_MAX_LENGTH} characters`)
  .regex(/^[\p{L}\p{N}_.\- ]+$/u, 'Username may contain only letters, digits, spaces and _ . -');

export const PASSWORD_MIN_LENGTH = 8;
/** An upper bound keeps hashing cost bounded; passphrases fit easily. */
export const PASSWORD_MAX_LENGTH = 128;

/** A new password (not trimmed: spaces are characters like any other). */
export const NewPasswordSchema = (label = 'Password') =>
  requiredString(label)
    .min(PASSWORD_MIN_LENGTH, `${label} must be at least ${PASSWORD_MIN_LENGTH} characters`)
    .max(PASSWORD_MAX_LENGTH, `${label} must be at most ${PASSWORD_MAX_LENGTH} characters`);

/** A password being checked: any non-empty text up to the maximum length. */
const existingPassword = (label: string) =>
  requiredString(label)
    .min(1, `${label} is required`)
    .max(PASSWORD_MAX_LENGTH, `${label} must be at most ${PASSWORD_MAX_LENGTH} characters`);

export const LEVEL_MIN = 1;
export const LEVEL_MAX = 5;
export const DEFAULT_LEVEL = 3;

/** A self-assessed level, 1 (beginner) to 5 (expert). */
export const LevelSchema = (label: string) =>
  z
    .number({
      error: (issue) =>
        issue.input === undefined
          ? `${label} is required`
          : `${label} must be a number from 1 to 5`,
    })
    .int(`${label} must be a whole number from 1 to 5`)
    .min(LEVEL_MIN, `${label} must be from 1 to 5`)
    .max(LEVEL_MAX, `${label} must be from 1 to 5`);

export const RegisterSchema = z.object({
  email: EmailSchema,
  username: UsernameSchema,
  password: NewPasswordSchema(),
  programming_level: LevelSchema('Programming level').default(DEFAULT_LEVEL),
  maths_level: LevelSchema('Maths level').default(DEFAULT_LEVEL),
});
/** What the form sends (levels optional). */
export type RegisterInput = z.input<typeof RegisterSchema>;
export type RegisterRequest = z.output<typeof RegisterSchema>;

export const LoginSchema = z.object({
  email: EmailSchema,
  password: existingPassword('Password'),
});
export type LoginRequest = z.output<typeof LoginSchema>;

/** PUT /api/auth/me: any of username and the two levels; the email is not editable. */
export const ProfileUpdateSchema = z.object({
  username: UsernameSchema.optional(),
  programming_level: LevelSchema('Programming level').optional(),
  maths_level: LevelSchema('Maths level').optional(),
});
export type ProfileUpdateRequest = z.output<typeof ProfileUpdateSchema>;

export const PasswordChangeSchema = z.object({
  current_password: existingPassword('Current password'),
  new_password: NewPasswordSchema('New password'),
});
export type PasswordChangeRequest = z.output<typeof PasswordChangeSchema>;

/**
 * Answer of register, login, refresh and password change. The refresh token travels only in the
 * httpOnly `refresh_token` cookie (path /api/auth), never in a body.
 */
export const TokenResponseSchema = z.object({
  access_token: z.string(),
  token_type: z.literal('bearer'),
});
export type TokenResponse = z.infer<typeof TokenResponseSchema>;

export const ProfileSchema = z.object({
  id: z.string(),
  email: z.string(),
  username: z.string(),
  programming_level: z.number().int(),
  maths_level: z.number().int(),
  /** 'student' (default), 'instructor' or 'admin'. */
  role: z.enum(['student', 'instructor', 'admin']),
  /** ISO 8601. */
  created_at: z.string(),
});
export type Profile = z.infer<typeof ProfileSchema>;

export const LogoutResponseSchema = z.object({ status: z.literal('ok') });
export type LogoutResponse = z.infer<typeof LogoutResponseSchema>;
