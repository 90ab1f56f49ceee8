// plannedOnce (src/db/planned-once.ts) on PostgreSQL: a statement is prepared under a name taken
// from its text, once per connection, and runs with each call's own values.
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '../../src/auth/schema';
import { type DatabaseHandle, openDatabase } from '../../src/db/client';
import { plannedOnce } from '../../src/db/planned-once';
import { createTestApp } from '../helpers/test-app';
import { testDatabaseUrl } from '../helpers/test-database';
import { buildUser } from '../helpers/factories';

const url = testDatabaseUrl();

describe.skipIf(!url)('plannedOnce on PostgreSQL', () => {
  let oneConnection: DatabaseHandle;
  const userIds: string[] = [];
  beforeAll(async () => {
    const app = await createTestApp(); // migrates this file's database
    for (const name of ['planned_a', 'planned_b'])
      userIds.push((await buildUser(app, { username: name })).user.id);
    await app.close();
    oneConnection = openDatabase({ kind: 'postgres', url: url!, poolSize: 1 });
  });
  afterAll(() => oneConnection?.close());

  it('prepares one named statement for a text and runs it with each call’s values', async () => {
    const { db } = oneConnection;
    const nameOf = (id: string) =>
      plannedOnce(db, db.select({ username: users.username }).from(users).where(eq(users.id, id)));
    expect(await nameOf(userIds[0]!)).toEqual([{ username: 'planned_a' }]);
    expect(await nameOf(userIds[1]!)).toEqual([{ username: 'planned_b' }]);
    const prepared = await db.execute<{ name: string; statement: string }>(
      sql`select name, statement from pg_prepared_statements where name like 'planned_%'`,
    );
    const rows = (prepared as unknown as { rows: { name: string; statement: string }[] }).rows;
    expect(rows).toHaveLength(1);
    expect(rows[0]!.name).toMatch(/^planned_[0-9a-f]{32}$/);
    expect(rows[0]!.statement).toContain('from "users"');
  });
});
