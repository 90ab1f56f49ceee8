import { z } from 'zod';
import { EmailSchema, LoginSchema, NewPasswordSchema, ProfileSchema } from './auth';
import { ChatMessageOutSchema } from './chat';
import { ClassOutSchema, MemberClassOutSchema } from './courses';
import { ExerciseProgressOutSchema } from './exercise-progress';
import { ProgressStatusSchema } from './progress';

/**
 * A student's own account: "Download my data" (GET /api/auth/me/export), "Delete my account"
 * (DELETE /api/auth/me) and "Forgot password?" (POST /api/auth/password-reset, then /confirm).
 */

/** DELETE /api/auth/me: the current password, as for a login. */
export const AccountDeleteSchema = z.object({ password: LoginSchema.shape.password });
export type AccountDeleteRequest = z.output<typeof AccountDeleteSchema>;

export const AccountDeletedSchema = z.object({ status: z.literal('deleted') });
export type AccountDeleted = z.infer<typeof AccountDeletedSchema>;

/** How long a password-reset link works. */
export const PASSWORD_RESET_TTL_MINUTES = 30;

export const PasswordResetRequestSchema = z.object({ email: EmailSchema });
export type PasswordResetRequest = z.output<typeof PasswordResetRequestSchema>;

/** The one answer to every reset request (202), whether or not an account uses the email. */
export const PASSWORD_RESET_REQUESTED = {
  status: 'accepted',
  message:
    'If an account uses this email, a link to reset its password is on its way. It works once, for 30 minutes.',
} as const;
export const PasswordResetRequestedSchema = z.object({
  status: z.literal('accepted'),
  message: z.string(),
});

/** The token of a reset link (43 base64url characters); anything far off is refused early. */
export const PasswordResetConfirmSchema = z.object({
  token: z
    .string({
      error: (issue) =>
        issue.input === undefined ? 'The reset token is missing' : 'The reset token must be text',
    })
    .min(1, 'The reset token is missing')
    .max(200, 'The reset token is too long'),
  new_password: NewPasswordSchema('New password'),
});
export type PasswordResetConfirmRequest = z.output<typeof PasswordResetConfirmSchema>;

export const PasswordResetDoneSchema = z.object({ status: z.literal('ok') });
export type PasswordResetDone = z.infer<typeof PasswordResetDoneSchema>;

/** GET /api/auth/me/export: everything the app keeps about the student, as one JSON file. */
export const AccountExportSchema = z.object({
  format: z.literal('numerical-tutor-account-export'),
  version: z.literal(1),
  /** ISO 8601. */
  exported_at: z.string(),
  profile: ProfileSchema,
  /** Every module the student has a record of, in course order. */
  modules: z.array(
    z.object({
      module_id: z.string(),
      title: z.string(),
      status: ProgressStatusSchema.nullable(),
      attempt_count: z.number().int(),
      /** The notebook as last saved (nbformat JSON), null when never saved. */
      notebook: z.record(z.string(), z.unknown()).nullable(),
      notebook_version: z.number().int(),
      updated_at: z.string().nullable(),
      /** Every exercise with a check run or a tutor answer (title null if no longer in the course). */
      exercises: z.array(ExerciseProgressOutSchema.extend({ title: z.string().nullable() })),
    }),
  ),
  /** The classes the student is in, and those they teach (with their join codes and policies). */
  classes: z.array(MemberClassOutSchema),
  classes_taught: z.array(ClassOutSchema),
  /** The error type of each tutor question asked with an error (what a class dashboard counts). */
  tutor_error_types: z.array(
    z.object({
      module_id: z.string(),
      exercise_id: z.string(),
      error: z.string(),
      created_at: z.string(),
    }),
  ),
  /** Chat and tutor sessions, newest first, each with its messages in order. */
  chat_sessions: z.array(
    z.object({
      id: z.string(),
      session_type: z.enum(['general', 'tutor']),
      module_id: z.string().nullable(),
      title: z.string().nullable(),
      created_at: z.string(),
      messages: z.array(ChatMessageOutSchema),
    }),
  ),
});
export type AccountExport = z.infer<typeof AccountExportSchema>;
