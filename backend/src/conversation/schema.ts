import { index, integer, pgTable, text, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';
import { users } from '../auth/schema';
import { float32Vector } from '../db/float32-vector';
import { learningModules } from '../learning-modules/schema';

export const chatSessions = pgTable(
  'chat_sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** "general" for the chat page, "tutor" for a workspace. */
    sessionType: varchar('session_type', { length: 20 }).notNull().default('general'),
    moduleId: uuid('module_id').references(() => learningModules.id, { onDelete: 'cascade' }),
    // Pedagogy state, kept here so that any server instance can continue any session.
    currentHintLevel: integer('current_hint_level'),
    startingHintLevel: integer('starting_hint_level'),
    programmingDifficulty: integer('programming_difficulty'),
    mathsDifficulty: integer('maths_difficulty'),
    /** Embedding of the previous question and answer together (the Q+A context). */
    contextEmbedding: float32Vector('context_embedding'),
    /** Which embedder produced `contextEmbedding`; a vector from another model is ignored. */
    contextEmbeddingModel: varchar('context_embedding_model', { length: 120 }),
    /** Summary of the turns too old to send in full, written after an answer (off the first-token path). */
    historySummary: text('history_summary'),
    /** Creation time of the last message the summary covers. */
    historySummaryUntil: timestamp('history_summary_until', { withTimezone: true }),
    /**
     * The session's name in lists: its first real question (not a greeting, an off-topic or a
     * too-short message), set once by the turn that answers it; null until there is one.
     */
    title: varchar('title', { length: 80 }),
    /** Hash of the notebook cell the last tutor question was about (tutor sessions only). */
    lastCellHash: varchar('last_cell_hash', { length: 64 }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('chat_sessions_user_id_idx').on(table.userId),
    index('chat_sessions_user_id_session_type_idx').on(table.userId, table.sessionType),
  ],
);

export const chatMessages = pgTable(
  'chat_messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => chatSessions.id, { onDelete: 'cascade' }),
    role: varchar('role', { length: 16 }).$type<'user' | 'assistant'>().notNull(),
    content: text('content').notNull(),
    hintLevelUsed: integer('hint_level_used'),
    problemDifficulty: integer('problem_difficulty'),
    mathsDifficulty: integer('maths_difficulty'),
    /** Who answered (e.g. "Offline tutor"), shown beside the answer; null on user messages and canned replies. */
    tutorLabel: varchar('tutor_label', { length: 120 }),
    /** "complete", or "stopped" / "incomplete" for an answer cut short. */
    status: varchar('status', { length: 16 }).notNull().default('complete'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('chat_messages_session_id_created_at_idx').on(table.sessionId, table.createdAt),
  ],
);

export type ChatSession = typeof chatSessions.$inferSelect;
export type ChatMessage = typeof chatMessages.$inferSelect;
