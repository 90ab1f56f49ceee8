// Reading and deleting a user's chat and tutor sessions (REST). Every query is scoped to the user.
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { ChatMessageOut, ChatSessionSummary, ChatSessionsQuery } from '@tutor/shared/chat';
import type { Database } from '../db/client';
import { chatMessages, chatSessions } from './schema';

export const PREVIEW_CHARS = 80;

export async function listSessions(
  db: Database,
  userId: string,
  filter: ChatSessionsQuery = {},
): Promise<ChatSessionSummary[]> {
  // Written out in full: inside select fields drizzle leaves column names unqualified.
  const preview = sql<string>`coalesce((
    select left(m.content, ${sql.raw(String(PREVIEW_CHARS))}) from chat_messages m
    where m.session_id = chat_sessions.id and m.role = 'user'
    order by m.created_at, m.id limit 1), '')`;
  const rows = await db
    .select({
      id: chatSessions.id,
      preview,
      title: chatSessions.title,
      createdAt: chatSessions.createdAt,
      sessionType: chatSessions.sessionType,
      moduleId: chatSessions.moduleId,
    })
    .from(chatSessions)
    .where(
      and(
        eq(chatSessions.userId, userId),
        filter.type ? eq(chatSessions.sessionType, filter.type) : undefined,
        filter.module_id ? eq(chatSessions.moduleId, filter.module_id) : undefined,
      ),
    )
    .orderBy(desc(chatSessions.createdAt), desc(chatSessions.id));
  return rows.map((row) => ({
    id: row.id,
    preview: row.preview,
    title: row.title,
    created_at: row.createdAt.toISOString(),
    session_type: row.sessionType === 'tutor' ? 'tutor' : 'general',
    module_id: row.moduleId,
  }));
}

async function ownsSession(db: Database, userId: string, sessionId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: chatSessions.id })
    .from(chatSessions)
    .where(and(eq(chatSessions.id, sessionId), eq(chatSessions.userId, userId)));
  return row !== undefined;
}

/** The session's messages in order, or undefined when it is not the user's. */
export async function listMessages(
  db: Database,
  userId: string,
  sessionId: string,
): Promise<ChatMessageOut[] | undefined> {
  if (!(await ownsSession(db, userId, sessionId))) return undefined;
  const rows = await db
    .select()
    .from(chatMessages)
    .where(eq(chatMessages.sessionId, sessionId))
    .orderBy(asc(chatMessages.createdAt), asc(chatMessages.id));
  return rows.map((row) => ({
    id: row.id,
    role: row.role,
    content: row.content,
    hint_level_used: row.hintLevelUsed,
    problem_difficulty: row.problemDifficulty,
    maths_difficulty: row.mathsDifficulty,
    status: row.status === 'stopped' || row.status === 'incomplete' ? row.status : 'complete',
    tutor_label: row.tutorLabel,
    created_at: row.createdAt.toISOString(),
  }));
}

/** Deletes the session and (by cascade) its messages. False when it is not the user's. */
export async function deleteSession(
  db: Database,
  userId: string,
  sessionId: string,
): Promise<boolean> {
  const deleted = await db
    .delete(chatSessions)
    .where(and(eq(chatSessions.id, sessionId), eq(chatSessions.userId, userId)))
    .returning({ id: chatSessions.id });
  return deleted.length > 0;
}
