import { asc, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { users } from '../../src/auth/schema';
import { chatMessages, chatSessions } from '../../src/conversation/schema';

/** Everything stored for a user's chat: sessions and their messages in order. */
export async function storedChat(app: FastifyInstance, userId: string) {
  const db = app.database.db;
  const sessions = await db
    .select()
    .from(chatSessions)
    .where(eq(chatSessions.userId, userId))
    .orderBy(asc(chatSessions.createdAt));
  const messages = await db
    .select({
      sessionId: chatMessages.sessionId,
      role: chatMessages.role,
      content: chatMessages.content,
      hintLevelUsed: chatMessages.hintLevelUsed,
      status: chatMessages.status,
    })
    .from(chatMessages)
    .innerJoin(chatSessions, eq(chatSessions.id, chatMessages.sessionId))
    .where(eq(chatSessions.userId, userId))
    .orderBy(asc(chatMessages.createdAt), asc(chatMessages.id));
  return { sessions, messages };
}

export async function effectiveLevels(app: FastifyInstance, userId: string) {
  const [row] = await app.database.db
    .select({ programming: users.effectiveProgrammingLevel, maths: users.effectiveMathsLevel })
    .from(users)
    .where(eq(users.id, userId));
  return row!;
}
