import { eq, sql } from 'drizzle-orm';
import type { Database } from '../db/client';
import { badRequest, unauthorized } from '../errors/app-error';
import type { AccessTokens } from './authenticate';
import { verifyPassword } from './passwords';
import { users } from './schema';
import { GENERATION_CHANNEL } from './token-generations';

/**
 * "Delete my account": checks the password, then deletes the user in one transaction. Every table
 * that holds a student's rows references users (or chat_sessions) with ON DELETE CASCADE, so the
 * one delete takes refresh tokens, reset tokens, progress, per-exercise progress, sessions and
 * their messages with it (backend/test/auth/account-data.test.ts checks every user_id column).
 * Refresh tokens go with their rows; access tokens stop at once because the account is gone
 * (see revokeAccessTokens below).
 */
export async function deleteAccount(
  db: Database,
  tokens: AccessTokens,
  userId: string,
  password: string,
): Promise<void> {
  const [user] = await db
    .select({ passwordHash: users.passwordHash })
    .from(users)
    .where(eq(users.id, userId));
  if (!user) throw unauthorized('Account no longer exists');
  if (!(await verifyPassword(user.passwordHash, password))) {
    throw badRequest('Password is incorrect; your account was not deleted', {
      fields: ['password'],
    });
  }
  await db.transaction(async (tx) => {
    await tx.delete(users).where(eq(users.id, userId));
    // Other instances forget the user's cached token generation when this commits (as for a
    // revocation); their next check finds no account.
    await tx.execute(sql`select pg_notify(${GENERATION_CHANNEL}, ${`${userId}:deleted`})`);
  });
  // This process forgets it now (the update finds no row; the cache entry goes all the same).
  await tokens.revokeAccessTokens(userId);
}
