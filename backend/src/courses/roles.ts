// Roles: read from the database on every guarded request (a revoked instructor loses access at
// once; one primary-key read).
import type { Role } from '@tutor/shared/courses';
import { eq } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import { users } from '../auth/schema';
import type { Database } from '../db/client';
import { forbidden, unauthorized } from '../errors/app-error';

export const ADMINS_ONLY = 'Only administrators can do this';
export const INSTRUCTORS_ONLY = 'Only instructors can create classes';

export async function roleOf(db: Database, userId: string): Promise<Role> {
  const [user] = await db.select({ role: users.role }).from(users).where(eq(users.id, userId));
  if (!user) throw unauthorized('Account no longer exists');
  return user.role;
}

/**
 * A preHandler (after `app.authenticate`) that answers 403 `message` unless the user has one of
 * `roles`; the role is kept on the request for the handler.
 */
export function requireRole(db: Database, roles: readonly Role[], message: string) {
  return async (request: FastifyRequest) => {
    const role = await roleOf(db, request.user.id);
    if (!roles.includes(role)) throw forbidden(message);
  };
}
