import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  integer,
  pgTable,
  primaryKey,
  smallint,
  timestamp,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import { users } from '../auth/schema';
import { learningModules } from '../learning-modules/schema';

/** A class: one owner instructor, the modules it uses, a join code students join with. */
export const classes = pgTable(
  'classes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ownerId: uuid('owner_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    name: varchar('name', { length: 100 }).notNull(),
    /** base64url of 16 random bytes; rotating it replaces it (the old one stops working). */
    joinCode: varchar('join_code', { length: 64 }).notNull().unique(),
    joiningOpen: boolean('joining_open').notNull().default(true),
    /** Whether the instructor may read the students' tutor conversations (shown when joining). */
    conversationsVisible: boolean('conversations_visible').notNull().default(false),
    /** General chat (/ws/chat) for the class's students. */
    chatEnabled: boolean('chat_enabled').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('classes_owner_id_idx').on(table.ownerId, table.createdAt)],
);

export const classMembers = pgTable(
  'class_members',
  {
    classId: uuid('class_id')
      .notNull()
      .references(() => classes.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    joinedAt: timestamp('joined_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.classId, table.userId] }),
    // The per-turn policy read and "my classes" start from the student.
    index('class_members_user_id_idx').on(table.userId),
  ],
);

/** A module of a class with the class's help policy on it. */
export const classModules = pgTable(
  'class_modules',
  {
    classId: uuid('class_id')
      .notNull()
      .references(() => classes.id, { onDelete: 'cascade' }),
    moduleId: uuid('module_id')
      .notNull()
      .references(() => learningModules.id, { onDelete: 'cascade' }),
    /** Order in which the instructor listed the modules. */
    position: integer('position').notNull().default(0),
    /** The highest hint level the tutor may give (4: never a full solution). */
    maxHintLevel: smallint('max_hint_level').notNull().default(5),
    tutorEnabled: boolean('tutor_enabled').notNull().default(true),
    /** With both set, the tutor is off only inside [from, until) (an exam). */
    tutorOffFrom: timestamp('tutor_off_from', { withTimezone: true }),
    tutorOffUntil: timestamp('tutor_off_until', { withTimezone: true }),
  },
  (table) => [
    primaryKey({ columns: [table.classId, table.moduleId] }),
    check('class_modules_max_hint_level_check', sql`${table.maxHintLevel} between 1 and 5`),
  ],
);

/**
 * The error type of each tutor question asked with error output on an exercise (e.g.
 * "ValueError: shapes not aligned"), for the dashboard's common errors. No code, no message text.
 */
export const tutorErrorContexts = pgTable(
  'tutor_error_contexts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    moduleId: uuid('module_id')
      .notNull()
      .references(() => learningModules.id, { onDelete: 'cascade' }),
    exerciseId: varchar('exercise_id', { length: 100 }).notNull(),
    error: varchar('error', { length: 120 }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('tutor_error_contexts_user_id_idx').on(table.userId, table.moduleId)],
);

export type ClassRow = typeof classes.$inferSelect;
export type ClassModuleRow = typeof classModules.$inferSelect;
