// Database access of a turn: the session with its pedagogy state, messages, the user's levels.
import { and, desc, eq, isNull, ne, sql } from 'drizzle-orm';
import type { SessionType } from '@tutor/shared/chat';
import { users } from '../../auth/schema';
import type { Database } from '../../db/client';
import type { EffectiveLevels } from '../../pedagogy/levels';
import { type ChatSession, chatMessages, chatSessions } from '../schema';

export interface TurnUser {
  username: string;
  programmingLevel: number;
  mathsLevel: number;
  effectiveProgrammingLevel: number | null;
  effectiveMathsLevel: number | null;
}

export async function loadUser(db: Database, userId: string): Promise<TurnUser | undefined> {
  const [user] = await db
    .select({
      username: users.username,
      programmingLevel: users.programmingLevel,
      mathsLevel: users.mathsLevel,
      effectiveProgrammingLevel: users.effectiveProgrammingLevel,
      effectiveMathsLevel: users.effectiveMathsLevel,
    })
    .from(users)
    .where(eq(users.id, userId));
  return user;
}

interface SessionScope {
  userId: string;
  sessionType: SessionType;
  moduleId: string | null;
}

function scopeFilter(scope: SessionScope) {
  return and(
    eq(chatSessions.userId, scope.userId),
    eq(chatSessions.sessionType, scope.sessionType),
    scope.moduleId ? eq(chatSessions.moduleId, scope.moduleId) : isNull(chatSessions.moduleId),
  );
}

/** The session if it is the user's and of this type and module; undefined otherwise. */
export async function findSession(
  db: Database,
  id: string,
  scope: SessionScope,
): Promise<ChatSession | undefined> {
  const [session] = await db
    .select()
    .from(chatSessions)
    .where(and(eq(chatSessions.id, id), scopeFilter(scope)));
  return session;
}

export async function findLatestSession(
  db: Database,
  scope: SessionScope,
): Promise<ChatSession | undefined> {
  const [session] = await db
    .select()
    .from(chatSessions)
    .where(scopeFilter(scope))
    .orderBy(desc(chatSessions.updatedAt), desc(chatSessions.createdAt))
    .limit(1);
  return session;
}

export async function createSession(db: Database, scope: SessionScope): Promise<ChatSession> {
  const [session] = await db
    .insert(chatSessions)
    .values({ userId: scope.userId, sessionType: scope.sessionType, moduleId: scope.moduleId })
    .returning();
  return session!;
}

export interface NewMessage {
  /** Chosen by the caller when it needs the id before the insert completes. */
  id?: string;
  sessionId: string;
  role: 'user' | 'assistant';
  content: string;
  hintLevelUsed?: number | null;
  problemDifficulty?: number | null;
  mathsDifficulty?: number | null;
  status?: 'complete' | 'stopped' | 'incomplete';
}

/**
 * A creation time strictly after the session's last message: clocks may have millisecond
 * resolution (PGlite) and messages of one turn are stored within the same millisecond.
 */
function nextCreatedAt(sessionId: string) {
  return sql`greatest(clock_timestamp(), (select max(m.created_at) from chat_messages m where m.session_id = ${sessionId}) + interval '1 microsecond')`;
}

/** Inserts messages in order (a later one gets a later timestamp). Returns their ids. */
export async function insertMessages(db: Database, messages: NewMessage[]): Promise<string[]> {
  const ids: string[] = [];
  for (const message of messages) {
    const [row] = await db
      .insert(chatMessages)
      .values({ ...message, createdAt: nextCreatedAt(message.sessionId) })
      .returning({ id: chatMessages.id });
    ids.push(row!.id);
  }
  return ids;
}

export async function touchSession(db: Database, sessionId: string): Promise<void> {
  await db
    .update(chatSessions)
    .set({ updatedAt: sql`now()` })
    .where(eq(chatSessions.id, sessionId));
}

/** The last `limit` messages of a session, oldest first, without the message `excludeId`. */
export async function loadHistory(
  db: Database,
  sessionId: string,
  limit: number,
  excludeId?: string,
): Promise<{ role: 'user' | 'assistant'; content: string }[]> {
  const rows = await db
    .select({ role: chatMessages.role, content: chatMessages.content })
    .from(chatMessages)
    .where(
      and(
        eq(chatMessages.sessionId, sessionId),
        excludeId ? ne(chatMessages.id, excludeId) : undefined,
      ),
    )
    .orderBy(desc(chatMessages.createdAt), desc(chatMessages.id))
    .limit(limit);
  return rows.reverse();
}

export interface AnswerRecord {
  sessionId: string;
  userId: string;
  message: NewMessage;
  /** Session state after this answer; omitted for an answer that does not move the state. */
  state?: {
    currentHintLevel: number;
    startingHintLevel: number;
    programmingDifficulty: number;
    mathsDifficulty: number;
    contextEmbedding: number[] | null;
    contextEmbeddingModel: string | null;
    lastCellHash: string | null | undefined;
  };
  /** New effective levels of the user (a new problem after a previous one). */
  effective?: EffectiveLevels;
}

/** Stores an answer and the state it leads to, all or nothing. Returns the message id. */
export async function saveAnswer(db: Database, record: AnswerRecord): Promise<string> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(chatMessages)
      .values({ ...record.message, createdAt: nextCreatedAt(record.sessionId) })
      .returning({ id: chatMessages.id });
    const { state } = record;
    await tx
      .update(chatSessions)
      .set({
        updatedAt: sql`now()`,
        ...(state && {
          currentHintLevel: state.currentHintLevel,
          startingHintLevel: state.startingHintLevel,
          programmingDifficulty: state.programmingDifficulty,
          mathsDifficulty: state.mathsDifficulty,
          contextEmbedding: state.contextEmbedding,
          contextEmbeddingModel: state.contextEmbeddingModel,
          ...(state.lastCellHash !== undefined && { lastCellHash: state.lastCellHash }),
        }),
      })
      .where(eq(chatSessions.id, record.sessionId));
    if (record.effective) {
      await tx
        .update(users)
        .set({
          effectiveProgrammingLevel: record.effective.programming,
          effectiveMathsLevel: record.effective.maths,
        })
        .where(eq(users.id, record.userId));
    }
    return row!.id;
  });
}
