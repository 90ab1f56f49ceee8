// Database access of a turn: the session with its pedagogy state (read with the student's name and
// levels from auth's users store), messages, and the user's effective levels in the same statement
// as the answer.
import { and, desc, eq, isNull, type SQL, sql } from 'drizzle-orm';
import type { SessionType } from '@tutor/shared/chat';
import {
  effectiveLevelsUpdate,
  type Learner,
  loadLearnerWith,
  selectWithLearner,
} from '../../auth/users-store';
import type { Database } from '../../db/client';
import { vectorBytes } from '../../db/float32-vector';
import { plannedOnce } from '../../db/planned-once';
import { storableText } from '../../db/text';
import type { EffectiveLevels } from '../../pedagogy/levels';
import { type ChatSession, chatMessages, chatSessions } from '../schema';

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

/**
 * A session read with what a turn needs beside it: its owner's name and levels, and the value of
 * the turn's gate (a caller's policy; null without one), all in one statement.
 */
export interface SessionWithLearner {
  session: ChatSession;
  learner: Learner;
  gate: unknown;
}

const withLearner = (db: Database, gate: SQL | undefined) =>
  selectWithLearner(
    db,
    { session: chatSessions, gate: gate ?? sql`null` },
    chatSessions,
    chatSessions.userId,
  );

/** The session if it is the user's and of this type and module; undefined otherwise. */
export async function findSession(
  db: Database,
  id: string,
  scope: SessionScope,
  gate?: SQL,
): Promise<SessionWithLearner | undefined> {
  const [found] = await plannedOnce(
    db,
    withLearner(db, gate).where(and(eq(chatSessions.id, id), scopeFilter(scope))),
  );
  return found;
}

export async function findLatestSession(
  db: Database,
  scope: SessionScope,
  gate?: SQL,
): Promise<SessionWithLearner | undefined> {
  const [found] = await plannedOnce(
    db,
    withLearner(db, gate)
      .where(scopeFilter(scope))
      .orderBy(desc(chatSessions.updatedAt), desc(chatSessions.createdAt))
      .limit(1),
  );
  return found;
}

/** The student's name and levels with the gate's value; undefined when the account is gone. */
export async function findLearner(
  db: Database,
  userId: string,
  gate?: SQL,
): Promise<Omit<SessionWithLearner, 'session'> | undefined> {
  return loadLearnerWith(db, userId, { gate: gate ?? sql`null` });
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
  /** Who answered (assistant answers from a provider). */
  tutorLabel?: string | null;
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
      .values({
        ...message,
        content: storableText(message.content),
        createdAt: nextCreatedAt(message.sessionId),
      })
      .returning({ id: chatMessages.id });
    ids.push(row!.id);
  }
  return ids;
}

/** Marks the session as just used; `title` names it unless it already has a name. */
export async function touchSession(
  db: Database,
  sessionId: string,
  title?: string | null,
): Promise<void> {
  await db
    .update(chatSessions)
    .set({
      updatedAt: sql`now()`,
      ...(title ? { title: sql`coalesce(${chatSessions.title}, ${storableText(title)})` } : {}),
    })
    .where(eq(chatSessions.id, sessionId));
}

export interface HistoryMessage {
  role: 'user' | 'assistant';
  content: string;
  createdAt: Date;
}

/**
 * Stores the student's message and reads the session's last `limit` messages before it, oldest
 * first, in one statement: the insert is a data-modifying `with` clause, which PostgreSQL always
 * runs and whose row the statement's own select does not see.
 */
export async function receiveUserMessage(
  db: Database,
  message: Pick<NewMessage, 'sessionId' | 'content'>,
  limit: number,
): Promise<HistoryMessage[]> {
  const received = db.$with('received').as(
    db
      .insert(chatMessages)
      .values({
        sessionId: message.sessionId,
        role: 'user',
        content: storableText(message.content),
        createdAt: nextCreatedAt(message.sessionId),
      })
      .returning({ id: chatMessages.id }),
  );
  const rows = await plannedOnce(
    db,
    db
      .with(received)
      .select({
        role: chatMessages.role,
        content: chatMessages.content,
        createdAt: chatMessages.createdAt,
      })
      .from(chatMessages)
      .where(eq(chatMessages.sessionId, message.sessionId))
      .orderBy(desc(chatMessages.createdAt), desc(chatMessages.id))
      .limit(limit),
  );
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
  /** Names the session, unless it already has a name (its first real question). */
  title?: string | null;
}

/**
 * Stores an answer and the state it leads to, all or nothing, in one statement (one round trip and
 * one commit; PGlite's worker runs one statement at a time, so fewer lets the next turn in sooner).
 * Returns the message id.
 */
export async function saveAnswer(db: Database, record: AnswerRecord): Promise<string> {
  const { message, state, effective, title } = record;
  const naming = title ? sql`title = coalesce(title, ${storableText(title)}),` : sql``;
  const sessionUpdate = state
    ? sql`current_hint_level = ${state.currentHintLevel},
        starting_hint_level = ${state.startingHintLevel},
        programming_difficulty = ${state.programmingDifficulty},
        maths_difficulty = ${state.mathsDifficulty},
        context_embedding = ${state.contextEmbedding && vectorBytes(state.contextEmbedding)},
        context_embedding_model = ${state.contextEmbeddingModel},
        ${state.lastCellHash !== undefined ? sql`last_cell_hash = ${state.lastCellHash},` : sql``}
        ${naming}
        updated_at = now()`
    : sql`${naming} updated_at = now()`;
  const userUpdate = effective
    ? sql`, moved_user as (${effectiveLevelsUpdate(record.userId, effective)})`
    : sql``;
  const result = await db.execute<{ id: string }>(sql`
    with answer as (
      insert into chat_messages
        (session_id, role, content, hint_level_used, problem_difficulty, maths_difficulty, status, tutor_label, created_at)
      values (${message.sessionId}, ${message.role}, ${storableText(message.content)}, ${message.hintLevelUsed ?? null},
        ${message.problemDifficulty ?? null}, ${message.mathsDifficulty ?? null}, ${message.status ?? 'complete'},
        ${message.tutorLabel ?? null}, ${nextCreatedAt(message.sessionId)})
      returning id
    ), moved_session as (
      update chat_sessions set ${sessionUpdate} where id = ${record.sessionId}
    )${userUpdate}
    select id from answer`);
  return (result as unknown as { rows: { id: string }[] }).rows[0]!.id;
}

export async function saveSummary(
  db: Database,
  sessionId: string,
  summary: string,
  until: Date,
): Promise<void> {
  await db
    .update(chatSessions)
    .set({ historySummary: storableText(summary), historySummaryUntil: until })
    .where(eq(chatSessions.id, sessionId));
}
