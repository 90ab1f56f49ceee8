import { sql } from 'drizzle-orm';
import {
  check,
  index,
  integer,
  pgTable,
  real,
  timestamp,
  uniqueIndex,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Stored lower-cased, so equality is case-insensitive. */
    email: varchar('email', { length: 255 }).notNull().unique(),
    username: varchar('username', { length: 50 }).notNull(),
    passwordHash: varchar('password_hash', { length: 255 }).notNull(),
    programmingLevel: integer('programming_level').notNull().default(3),
    mathsLevel: integer('maths_level').notNull().default(3),
    /** Hidden from the student; moved by the pedagogy engine. */
    effectiveProgrammingLevel: real('effective_programming_level'),
    effectiveMathsLevel: real('effective_maths_level'),
    /**
     * Every access token carries the generation it was issued under; raising it (logout, password
     * change, a reused refresh token) ends all of the user's access tokens at once.
     */
    tokenGeneration: integer('token_generation').notNull().default(0),
    /** 'student' (default), 'instructor' (owns classes) or 'admin' (made from the command line). */
    role: varchar('role', { length: 20 })
      .$type<'student' | 'instructor' | 'admin'>()
      .notNull()
      .default('student'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('users_username_lower_key').on(sql`lower(${table.username})`),
    check('users_role_check', sql`${table.role} in ('student', 'instructor', 'admin')`),
  ],
);

/**
 * Refresh tokens are kept only as SHA-256 hashes. Each rotation adds a row to the same family;
 * presenting a rotated token again revokes the whole family.
 */
export const refreshTokens = pgTable(
  'refresh_tokens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    familyId: uuid('family_id').notNull(),
    tokenHash: varchar('token_hash', { length: 64 }).notNull().unique(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    rotatedAt: timestamp('rotated_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (table) => [
    index('refresh_tokens_user_id_idx').on(table.userId),
    index('refresh_tokens_family_id_idx').on(table.familyId),
  ],
);

/**
 * Password-reset tokens are kept only as SHA-256 hashes. Each works once (used_at) and for a short
 * time (expires_at); asking again adds a row and leaves earlier unused links valid until they expire.
 */
export const passwordResetTokens = pgTable(
  'password_reset_tokens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    tokenHash: varchar('token_hash', { length: 64 }).notNull().unique(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('password_reset_tokens_user_id_idx').on(table.userId)],
);

export type User = typeof users.$inferSelect;
