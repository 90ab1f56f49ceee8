// The admin commands themselves, on a database: run by the CLI directly, or by the running server
// for the CLI through the control socket (PGlite: one process owns the database).
import { EmailSchema } from '@tutor/shared/auth';
import { asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { users } from '../../auth/schema';
import { setRole } from '../../auth/users-store';
import type { Database } from '../../db/client';

export const AdminCommandSchema = z.discriminatedUnion('command', [
  z.object({ command: z.literal('grant-admin'), email: EmailSchema }),
  z.object({ command: z.literal('revoke-admin'), email: EmailSchema }),
  z.object({ command: z.literal('list-admins') }),
]);
export type AdminCommand = z.infer<typeof AdminCommandSchema>;

export interface AdminCommandResult {
  ok: boolean;
  /** One line for the terminal. */
  message: string;
}

export async function runAdminCommand(
  db: Database,
  command: AdminCommand,
): Promise<AdminCommandResult> {
  if (command.command === 'list-admins') {
    const admins = await db
      .select({ email: users.email })
      .from(users)
      .where(eq(users.role, 'admin'))
      .orderBy(asc(users.email));
    return {
      ok: true,
      message: admins.length ? admins.map((admin) => admin.email).join('\n') : 'No administrators',
    };
  }
  // Revoking an admin makes them a student; an instructor role is granted again on the admin page.
  const role = command.command === 'grant-admin' ? 'admin' : 'student';
  const updated = await setRole(db, { email: command.email }, role);
  if (!updated) return { ok: false, message: `No user with email ${command.email}` };
  return {
    ok: true,
    message:
      role === 'admin'
        ? `${command.email} is now an administrator`
        : `${command.email} is no longer an administrator`,
  };
}
