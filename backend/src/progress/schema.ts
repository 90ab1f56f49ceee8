import { sql } from 'drizzle-orm';
import {
  check,
  index,
  integer,
  jsonb,
  pgTable,
  timestamp,
  unique,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import { PROGRESS_STATUSES, type ProgressStatus } from '@tutor/shared/progress';
import { users } from '../auth/schema';
import { learningModules } from '../learning-modules/schema';

/** The check constraint's list, from the one list of statuses (the API's zod enum uses it too). */
const statusList = sql.raw(PROGRESS_STATUSES.map((status) => `'${status}'`).join(', '));

export const userModuleProgress = pgTable(
  'user_module_progress',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    moduleId: uuid('module_id')
      .notNull()
      .references(() => learningModules.id, { onDelete: 'cascade' }),
    status: varchar('status', { length: 20 })
      .$type<ProgressStatus>()
      .notNull()
      .default('not_started'),
    notebookState: jsonb('notebook_state').$type<Record<string, unknown>>(),
    attemptCount: integer('attempt_count').notNull().default(0),
    /** Raised by one on every write; clients send it back to detect stale saves. */
    version: integer('version').notNull().default(1),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    unique('user_module_progress_user_module_key').on(table.userId, table.moduleId),
    index('user_module_progress_user_id_idx').on(table.userId),
    check('user_module_progress_status_check', sql`${table.status} in (${statusList})`),
  ],
);

export type UserModuleProgress = typeof userModuleProgress.$inferSelect;
