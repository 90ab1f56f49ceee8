// Hot statements that PostgreSQL plans once per connection: a named prepared statement, named after
// the statement's text. Drizzle builds these with their values inline, so the text is one of a few
// shapes and only the parameters change. Planning a turn's session read (a join and the class
// policy's subquery) cost PostgreSQL about 0.4 ms on every turn; executed by name, 0.07 ms.
// PGlite's worker keeps every statement prepared already (pglite/prepared-statements.ts).
import { createHash } from 'node:crypto';
import pg from 'pg';
import type { Database } from './client';

interface Preparable<Result> {
  toSQL(): { sql: string };
  prepare(name: string): { execute(): Promise<Result> };
  execute(): Promise<Result>;
}

/**
 * Statement names by text. Each name is a statement every connection keeps, so past this many
 * distinct texts (a caller building too many shapes) a statement runs unnamed, planned each time.
 */
const names = new Map<string, string>();
const MAX_NAMES = 200;

function nameOf(text: string): string | undefined {
  let name = names.get(text);
  if (name === undefined && names.size < MAX_NAMES) {
    // PostgreSQL keeps 63 characters of a name.
    name = `planned_${createHash('sha1').update(text).digest('hex').slice(0, 32)}`;
    names.set(text, name);
  }
  return name;
}

/**
 * The PostgreSQL pool under a database, for a hand-written named statement; undefined on PGlite
 * and in a transaction (its statements must run on the transaction's connection).
 */
export function postgresPoolOf(db: Database): pg.Pool | undefined {
  const client = (db as { $client?: unknown }).$client;
  return client instanceof pg.Pool ? client : undefined;
}

/** Runs a Drizzle query as a statement planned once per connection. Use for a few hot shapes. */
export function plannedOnce<Result>(db: Database, query: Preparable<Result>): Promise<Result> {
  // On PGlite naming it here would only build the SQL twice (the worker prepares it anyway).
  if (!postgresPoolOf(db)) return query.execute();
  const name = nameOf(query.toSQL().sql);
  return name ? query.prepare(name).execute() : query.execute();
}
