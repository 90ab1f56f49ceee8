import { index, integer, pgTable, text, uuid, varchar } from 'drizzle-orm/pg-core';

export const learningModules = pgTable(
  'learning_modules',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    title: varchar('title', { length: 255 }).notNull(),
    description: text('description').notNull(),
    notebookFilename: varchar('notebook_filename', { length: 255 }).notNull().unique(),
    order: integer('order').notNull(),
  },
  (table) => [index('learning_modules_order_idx').on(table.order)],
);

export type LearningModule = typeof learningModules.$inferSelect;
