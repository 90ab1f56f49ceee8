import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { type User, users } from '../../src/auth/schema';
import { hashPassword } from '../../src/auth/passwords';

export const DEFAULT_TEST_PASSWORD = 'correct horse battery';

// Hashing costs ~30 ms; factories reuse one hash of the default password.
let defaultPasswordHash: Promise<string> | undefined;

export interface TestUser {
  user: User;
  password: string;
  accessToken: string;
  /** `{ authorization: 'Bearer ...' }` for app.inject. */
  headers: { authorization: string };
}

/** Inserts a user straight into the database and signs an access token for them. */
export async function buildUser(
  app: FastifyInstance,
  overrides: Partial<typeof users.$inferInsert> & { password?: string } = {},
): Promise<TestUser> {
  const { password = DEFAULT_TEST_PASSWORD, ...columns } = overrides;
  const suffix = randomUUID().slice(0, 8);
  const passwordHash =
    password === DEFAULT_TEST_PASSWORD
      ? await (defaultPasswordHash ??= hashPassword(DEFAULT_TEST_PASSWORD))
      : await hashPassword(password);
  const [user] = await app.database.db
    .insert(users)
    .values({ email: `student-${suffix}@example.com`, username: `student_${suffix}`, passwordHash, ...columns })
    .returning();
  const accessToken = await app.tokens.createAccessToken(user!.id);
  return { user: user!, password, accessToken, headers: { authorization: `Bearer ${accessToken}` } };
}
