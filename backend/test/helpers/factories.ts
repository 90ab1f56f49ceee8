import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { type User, users } from '../../src/auth/schema';
import { hashPassword } from '../../src/auth/passwords';
import { type LearningModule, learningModules } from '../../src/learning-modules/schema';
import { userModuleProgress } from '../../src/progress/schema';
import { chatMessages, chatSessions } from '../../src/conversation/schema';

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
    .values({
      email: `student-${suffix}@example.com`,
      username: `student_${suffix}`,
      passwordHash,
      ...columns,
    })
    .returning();
  const accessToken = await app.tokens.createAccessToken(user!.id);
  return {
    user: user!,
    password,
    accessToken,
    headers: { authorization: `Bearer ${accessToken}` },
  };
}

/** Inserts a learning module with a unique title and notebook file name. */
export async function buildModule(
  app: FastifyInstance,
  overrides: Partial<typeof learningModules.$inferInsert> = {},
): Promise<LearningModule> {
  const suffix = randomUUID().slice(0, 8);
  const [module] = await app.database.db
    .insert(learningModules)
    .values({
      title: `Module ${suffix}`,
      description: 'A test module',
      notebookFilename: `module-${suffix}.ipynb`,
      order: 1,
      ...overrides,
    })
    .returning();
  return module!;
}

/** Inserts one progress row for a user and module. */
export async function buildProgress(
  app: FastifyInstance,
  columns: Pick<typeof userModuleProgress.$inferInsert, 'userId' | 'moduleId'> &
    Partial<typeof userModuleProgress.$inferInsert>,
): Promise<typeof userModuleProgress.$inferSelect> {
  const [progress] = await app.database.db.insert(userModuleProgress).values(columns).returning();
  return progress!;
}

/** Inserts a chat session (general unless the columns say otherwise). */
export async function buildSession(
  app: FastifyInstance,
  columns: Pick<typeof chatSessions.$inferInsert, 'userId'> &
    Partial<typeof chatSessions.$inferInsert>,
): Promise<typeof chatSessions.$inferSelect> {
  const [session] = await app.database.db.insert(chatSessions).values(columns).returning();
  return session!;
}

/** Inserts a chat message in a session (a user message unless the columns say otherwise). */
export async function buildMessage(
  app: FastifyInstance,
  columns: Pick<typeof chatMessages.$inferInsert, 'sessionId'> &
    Partial<typeof chatMessages.$inferInsert>,
): Promise<typeof chatMessages.$inferSelect> {
  const [message] = await app.database.db
    .insert(chatMessages)
    .values({ role: 'user', content: 'A test message', ...columns })
    .returning();
  return message!;
}
