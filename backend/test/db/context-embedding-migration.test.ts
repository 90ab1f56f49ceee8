// Migration 0009 turns chat_sessions.context_embedding from real[] into bytea: a session stored
// before it keeps its vector (read back through the turn's session store), and NULL stays NULL.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { migrate } from 'drizzle-orm/pglite/migrator';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { fromRepoRoot } from '../../src/config/paths';
import { type DatabaseHandle, openDatabase } from '../../src/db/client';
import { findSession } from '../../src/conversation/turn/session-store';

const MIGRATION = '0009_context_embedding_bytes';

/** The committed migrations up to (without) `tag`, in a temporary folder. */
function migrationsBefore(tag: string): string {
  const folder = mkdtempSync(join(tmpdir(), 'migrations-'));
  cpSync(fromRepoRoot('backend/drizzle'), folder, { recursive: true });
  const journalPath = join(folder, 'meta/_journal.json');
  const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: { tag: string }[] };
  const at = journal.entries.findIndex((entry) => entry.tag === tag);
  expect(at).toBeGreaterThan(0);
  journal.entries = journal.entries.slice(0, at);
  writeFileSync(journalPath, JSON.stringify(journal));
  return folder;
}

// The SQL is the same on PostgreSQL; PGlite starts from nothing in memory, so once is enough.
describe.skipIf(inject('databaseServerUrl'))(`migration ${MIGRATION}`, () => {
  let handle: DatabaseHandle;
  const folders: string[] = [];
  afterAll(async () => {
    await handle?.close();
    for (const folder of folders) rmSync(folder, { recursive: true, force: true });
  });

  it('converts stored real[] vectors to the same numbers and keeps NULL', async () => {
    handle = openDatabase({ kind: 'pglite', image: inject('pgliteImage') });
    const before = migrationsBefore(MIGRATION);
    folders.push(before);
    await migrate(handle.db as never, { migrationsFolder: before });

    const vector = Array.from({ length: 1100 }, (_, i) => Math.fround(Math.sin(i) / 7));
    const rows = await handle.db.execute<{ id: string; user_id: string }>(sql`
      with u as (
        insert into users (email, username, password_hash, programming_level, maths_level)
        values ('old@example.org', 'old', 'x', 3, 3) returning id
      )
      insert into chat_sessions (user_id, session_type, context_embedding, context_embedding_model)
      select id, 'general', v.embedding, v.model from u,
        (values (${`{${vector.join(',')}}`}::real[], 'local-v1'), (null::real[], null)) as v(embedding, model)
      returning id, user_id`);
    const [withVector, without] = (rows as unknown as { rows: { id: string; user_id: string }[] })
      .rows;

    await migrate(handle.db as never, { migrationsFolder: fromRepoRoot('backend/drizzle') });

    const scope = { userId: withVector!.user_id, sessionType: 'general' as const, moduleId: null };
    const converted = await findSession(handle.db, withVector!.id, scope);
    expect(converted!.session.contextEmbedding).toEqual(vector);
    expect(converted!.session.contextEmbeddingModel).toBe('local-v1');
    const empty = await findSession(handle.db, without!.id, scope);
    expect(empty!.session.contextEmbedding).toBeNull();
  });
});
