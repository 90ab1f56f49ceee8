import {
  boolean,
  index,
  integer,
  pgTable,
  smallint,
  text,
  timestamp,
  unique,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import { users } from '../../auth/schema';
import { learningModules } from '../../learning-modules/schema';

/**
 * One row per user and exercise: what the notebook's checks reported (self-reported by the
 * student's browser) and how much tutor help the exercise took. Created by the first check result
 * or the first tutor answer on the exercise.
 */
export const exerciseProgress = pgTable(
  'exercise_progress',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    moduleId: uuid('module_id')
      .notNull()
      .references(() => learningModules.id, { onDelete: 'cascade' }),
    /** `metadata.tutor.exercise` of the notebook's cells, e.g. "m1-ex3-views-pitfall". */
    exerciseId: varchar('exercise_id', { length: 100 }).notNull(),
    runs: integer('runs').notNull().default(0),
    firstRunAt: timestamp('first_run_at', { withTimezone: true }),
    lastRunAt: timestamp('last_run_at', { withTimezone: true }),
    /** When a check first passed. */
    passedAt: timestamp('passed_at', { withTimezone: true }),
    lastPassed: boolean('last_passed'),
    lastMessage: text('last_message'),
    /** The highest hint level the tutor gave on this exercise (0: none yet). */
    highestHintLevel: smallint('highest_hint_level').notNull().default(0),
    tutorAnswers: integer('tutor_answers').notNull().default(0),
    /** When the tutor last answered on this exercise (evidence is a check run after it). */
    lastHintAt: timestamp('last_hint_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    unique('exercise_progress_user_exercise_key').on(table.userId, table.exerciseId),
    index('exercise_progress_user_module_idx').on(table.userId, table.moduleId),
  ],
);

export type ExerciseProgress = typeof exerciseProgress.$inferSelect;
